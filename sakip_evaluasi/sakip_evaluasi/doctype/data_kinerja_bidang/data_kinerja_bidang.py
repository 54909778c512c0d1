# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _

from sakip_evaluasi.aturan.capaian_baris import hitung_semua_baris, status_proyeksi_kini
from sakip_evaluasi.aturan.siklus import pastikan_baris_terisi
from sakip_evaluasi.controllers.alur_kerja import DokumenPerBidang


class DataKinerjaBidang(DokumenPerBidang):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.baris_data_kinerja.baris_data_kinerja import (
			BarisDataKinerja,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.riwayat_pengembalian.riwayat_pengembalian import (
			RiwayatPengembalian,
		)

		alasan_dikembalikan: DF.SmallText | None
		baris: DF.Table[BarisDataKinerja]
		batas_waktu: DF.Datetime | None
		bidang: DF.Link
		evaluasi: DF.Link
		kertas_kerja: DF.Link | None
		kode_bidang: DF.Data | None
		opd: DF.Link | None
		riwayat_pengembalian: DF.Table[RiwayatPengembalian]
		tahun: DF.Int
		triwulan: DF.Literal["I", "II", "III", "IV"]
		workflow_state: DF.Link | None
	# end: auto-generated types

	# The indicator rows are the work paper's (created at distribution): the Kepala Bidang, and the
	# Subkoordinator correcting submitted data, fill Realisasi, Kendala, Upaya and Bukti Dukung.
	AWALAN = "DKB"

	def onload(self) -> None:
		status_proyeksi_kini(self)

	def validasi_isi(self) -> None:
		masalah = hitung_semua_baris(self)
		if masalah:
			frappe.throw("<br>".join(masalah), title=_("Realisasi tidak valid"))

	def validasi_masuk_status(self, state: str) -> None:
		if state == "Diajukan":
			pastikan_baris_terisi(
				self.baris,
				"realisasi",
				_("Realisasi belum diisi pada baris {0}. Isi semua realisasi sebelum mengajukan."),
			)
