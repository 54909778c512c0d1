# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class ButirReviuLaporanKinerja(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		aspek: DF.Data | None
		butir: DF.SmallText | None
		catatan: DF.SmallText | None
		hasil: DF.Literal["", "Sesuai", "Tidak Sesuai"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		perbaikan: DF.SmallText | None
	# end: auto-generated types
