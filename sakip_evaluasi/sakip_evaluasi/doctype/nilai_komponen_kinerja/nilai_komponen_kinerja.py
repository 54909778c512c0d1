# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class NilaiKomponenKinerja(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		indikator: DF.Link
		komponen: DF.Data
		nama_indikator: DF.SmallText | None
		nilai: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types

	pass
