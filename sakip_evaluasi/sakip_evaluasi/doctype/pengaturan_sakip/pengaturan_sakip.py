# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from frappe.model.document import Document

from sakip_evaluasi.pejabat import periksa_pengaturan
from sakip_evaluasi.surel import pesan_surel_mati, surel_keluar_aktif


class PengaturanSAKIP(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.tingkat_predikat.tingkat_predikat import TingkatPredikat

		ambang_peringatan_sla: DF.Percent
		batas_atas_capaian: DF.Literal["Tanpa Batas", "100", "120", "150"]
		batas_ukuran_unggah_mb: DF.Int
		interval_pemeriksaan_sla: DF.Literal["1", "2", "3", "5", "10", "15", "20", "30", "60"]
		kalender_kerja_default: DF.Link | None
		kepala_dinas: DF.Link | None
		nama_instansi: DF.Data | None
		pemeriksaan_sla_terakhir: DF.Datetime | None
		sekretaris: DF.Link | None
		skala_predikat: DF.Table[TingkatPredikat]
		sop_default: DF.Link | None
		subkoordinator: DF.Link | None
	# end: auto-generated types

	def onload(self) -> None:
		# The form says, as long as it is so, that the site sends no e-mail.
		aktif = surel_keluar_aktif()
		self.set_onload("surel_keluar_aktif", aktif)
		self.set_onload("pesan_surel", None if aktif else pesan_surel_mati())

	def validate(self) -> None:
		periksa_pengaturan(self)
