# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _

from sakip_evaluasi.aturan.siklus import pastikan_baris_terisi
from sakip_evaluasi.aturan.tindak_lanjut import pastikan_tuntas_lengkap, ringkas
from sakip_evaluasi.controllers.alur_kerja import DokumenPerBidang


class TindakLanjutEvaluasi(DokumenPerBidang):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.baris_tindak_lanjut.baris_tindak_lanjut import (
			BarisTindakLanjut,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.riwayat_pengembalian.riwayat_pengembalian import (
			RiwayatPengembalian,
		)

		alasan_dikembalikan: DF.SmallText | None
		baris: DF.Table[BarisTindakLanjut]
		bidang: DF.Link
		evaluasi: DF.Link
		jumlah_belum_tuntas: DF.Int
		kode_bidang: DF.Data | None
		notulen: DF.Link | None
		opd: DF.Link | None
		rekomendasi_tertua: DF.Date | None
		riwayat_pengembalian: DF.Table[RiwayatPengembalian]
		tahun: DF.Int
		triwulan: DF.Literal["I", "II", "III", "IV"]
		workflow_state: DF.Link | None
	# end: auto-generated types

	# One row per rekomendasi of the meeting (created when the minutes are Disahkan): the Kepala
	# Bidang fills Tindak Lanjut, Status and Bukti.
	AWALAN = "TL"

	def validasi_isi(self) -> None:
		pastikan_tuntas_lengkap(self)
		ringkas(self)

	def validasi_masuk_status(self, state: str) -> None:
		if state == "Diajukan":
			pastikan_baris_terisi(self.baris, "tindak_lanjut", _("Tindak lanjut belum diisi pada baris {0}."))
			pastikan_tuntas_lengkap(self, semua=True)
