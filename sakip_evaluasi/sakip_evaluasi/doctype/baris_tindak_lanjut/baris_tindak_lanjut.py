# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class BarisTindakLanjut(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		baris_asal: DF.Data | None
		batas_waktu: DF.Date | None
		bukti: DF.Attach | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		rekomendasi: DF.SmallText | None
		status: DF.Literal["Belum Ada", "Dalam Proses", "Tuntas"]
		tanggal_rekomendasi: DF.Date | None
		tanggal_tuntas: DF.Date | None
		tautan_bukti: DF.Data | None
		tindak_lanjut: DF.SmallText | None
		tindak_lanjut_asal: DF.Link | None
		triwulan_asal: DF.Data | None
	# end: auto-generated types

	pass
