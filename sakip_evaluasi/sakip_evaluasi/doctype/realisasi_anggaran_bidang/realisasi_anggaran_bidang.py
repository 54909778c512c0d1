# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class RealisasiAnggaranBidang(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		jenis: DF.Literal["Program", "Kegiatan", "Sub Kegiatan"]
		kode_sipd: DF.Data | None
		nama: DF.SmallText | None
		pagu: DF.Currency
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		penyerapan: DF.Percent
		realisasi_sd_tw: DF.Currency
		realisasi_sd_tw_lalu: DF.Currency
		realisasi_tw: DF.Currency
	# end: auto-generated types
