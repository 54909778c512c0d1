# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class AnggaranLaporanKinerja(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		anggaran: DF.Currency
		jenis: DF.Data | None
		kode_sipd: DF.Data | None
		nama: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		realisasi_anggaran: DF.Currency
		serapan: DF.Percent
		sumber_realisasi: DF.Data | None
	# end: auto-generated types
