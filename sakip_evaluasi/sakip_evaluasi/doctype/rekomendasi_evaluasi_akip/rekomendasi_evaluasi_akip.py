# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class RekomendasiEvaluasiAKIP(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		batas_waktu: DF.Date
		bidang: DF.Link
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		rekomendasi: DF.SmallText
		subkomponen: DF.Data
	# end: auto-generated types

	pass
