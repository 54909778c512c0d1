# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class CapaianLaporanKinerja(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		ada_capaian: DF.Check
		analisis: DF.Text | None
		analisis_usulan: DF.Text | None
		capaian: DF.Float
		capaian_renstra: DF.Data | None
		indikator: DF.Link | None
		keterangan: DF.Data | None
		kode_sasaran: DF.Data | None
		nama_indikator: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		realisasi: DF.Data | None
		realisasi_lalu_1: DF.Data | None
		realisasi_lalu_2: DF.Data | None
		sasaran: DF.SmallText | None
		satuan: DF.Data | None
		target: DF.Float
		target_akhir_renstra: DF.Data | None
	# end: auto-generated types
