# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class BarisDataKinerja(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		akumulasi: DF.Literal["Kumulatif", "Nilai Akhir", "Rata-rata", "Tetap"]
		baris_kertas_kerja: DF.Data | None
		bukti_dukung: DF.Attach | None
		capaian: DF.Float
		indikator: DF.Link
		jenis_indikator: DF.Data | None
		kekurangan_proyeksi: DF.Float
		kendala: DF.SmallText | None
		komponen: DF.SmallText | None
		metode_negatif: DF.Literal["(2T-R)/T", "T/R"]
		metode_proyeksi: DF.SmallText | None
		nama_indikator: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		polaritas: DF.Literal["Positif", "Negatif"]
		predikat: DF.Data | None
		proyeksi_capaian: DF.Float
		proyeksi_realisasi: DF.Float
		realisasi: DF.Data | None
		realisasi_sd_tw: DF.Float
		rumus: DF.Data | None
		satuan: DF.Data | None
		status_proyeksi: DF.Literal["", "Aman", "Perlu Perhatian", "Kritis", "Belum Dapat Diproyeksikan"]
		target_sd_tw: DF.Float
		target_tahunan: DF.Float
		target_tw: DF.Float
		upaya: DF.SmallText | None
	# end: auto-generated types

	pass
