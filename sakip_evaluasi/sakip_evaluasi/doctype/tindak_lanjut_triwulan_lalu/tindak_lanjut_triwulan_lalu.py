# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class TindakLanjutTriwulanLalu(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		baris: DF.Data | None
		batas_waktu: DF.Date | None
		bidang: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		rekomendasi: DF.SmallText | None
		status: DF.Data | None
		tanggal_rekomendasi: DF.Date | None
		tindak_lanjut: DF.SmallText | None
		tindak_lanjut_evaluasi: DF.Link | None
		triwulan_asal: DF.Data | None
	# end: auto-generated types

	pass
