# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from decimal import Decimal

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt

from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.proyeksi import AMBANG_DEFAULT, AmbangPeringatan
from sakip_evaluasi.extends.surel import pesan_surel_mati, surel_keluar_aktif
from sakip_evaluasi.sla.jadwal import sesuaikan_jadwal


class PengaturanSAKIP(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.tingkat_predikat.tingkat_predikat import TingkatPredikat

		ambang_aman_proyeksi: DF.Percent
		ambang_kritis_proyeksi: DF.Percent
		ambang_peringatan_sla: DF.Percent
		bulan_batas_lkjip: DF.Int
		batas_atas_capaian: DF.Literal["Tanpa Batas", "100", "120", "150"]
		batas_ukuran_unggah_mb: DF.Int
		interval_pemeriksaan_sla: DF.Literal["1", "2", "3", "5", "10", "15", "20", "30", "60"]
		kalender_kerja_default: DF.Link | None
		nama_pemda: DF.Data | None
		pemeriksaan_sla_terakhir: DF.Datetime | None
		skala_predikat: DF.Table[TingkatPredikat]
		sop_default: DF.Link | None
		tempat_penandatanganan: DF.Data | None
		tanggal_batas_lkjip: DF.Int
		ukuran_kertas: DF.Literal["F4", "A4"]
	# end: auto-generated types

	def onload(self) -> None:
		# The form says, as long as it is so, that the site sends no e-mail.
		aktif = surel_keluar_aktif()
		self.set_onload("surel_keluar_aktif", aktif)
		self.set_onload("pesan_surel", None if aktif else pesan_surel_mati())

	def validate(self) -> None:
		self.validasi_ambang_peringatan()
		self.validasi_ambang_proyeksi()

	def on_update(self) -> None:
		sesuaikan_jadwal()  # a new check interval applies at once

	def validasi_ambang_peringatan(self) -> None:
		"""The warning share must lie strictly between 0 and 100 % (empty: the default)."""
		if self.ambang_peringatan_sla in (None, ""):
			self.ambang_peringatan_sla = sla.AMBANG_PERINGATAN_BAWAAN
		if not 0 < flt(self.ambang_peringatan_sla) < 100:
			frappe.throw(
				_(
					"Ambang peringatan SLA harus lebih dari 0 dan kurang dari 100 persen (tertulis: {0})."
				).format(self.ambang_peringatan_sla),
				title=_("Pengaturan SLA tidak valid"),
			)

	def validasi_ambang_proyeksi(self) -> None:
		"""The peringatan dini thresholds: Kritis above 0 and below Aman, Aman reachable under the cap
		(empty: the defaults)."""
		for field, bawaan in (
			("ambang_aman_proyeksi", AMBANG_DEFAULT.aman),
			("ambang_kritis_proyeksi", AMBANG_DEFAULT.kritis),
		):
			if self.get(field) in (None, ""):
				self.set(field, flt(bawaan))
		batas = self.batas_atas_capaian if self.batas_atas_capaian != "Tanpa Batas" else None
		masalah = AmbangPeringatan(
			Decimal(str(self.ambang_aman_proyeksi)), Decimal(str(self.ambang_kritis_proyeksi))
		).validasi(batas)
		if masalah:
			frappe.throw(
				"<br>".join([_(m) for m in masalah] + [_("Tidak ada data yang diubah.")]),
				title=_("Ambang peringatan dini tidak valid"),
			)
