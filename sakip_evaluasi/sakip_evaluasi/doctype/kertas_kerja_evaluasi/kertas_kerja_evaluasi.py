# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _

from sakip_evaluasi.aturan.alur_kerja import TabelSistem
from sakip_evaluasi.aturan.capaian_baris import hitung_semua_baris
from sakip_evaluasi.aturan.siklus import (
	baris_dari_indikator,
	distribusikan,
	pastikan_semua_data_diterima,
	rekap,
)
from sakip_evaluasi.controllers.alur_kerja import DokumenAlurKerja
from sakip_evaluasi.pejabat.pemegang import pastikan_kepala_bidang


class KertasKerjaEvaluasi(DokumenAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.baris_kertas_kerja.baris_kertas_kerja import (
			BarisKertasKerja,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.riwayat_pengembalian.riwayat_pengembalian import (
			RiwayatPengembalian,
		)

		alasan_dikembalikan: DF.SmallText | None
		baris: DF.Table[BarisKertasKerja]
		evaluasi: DF.Link
		opd: DF.Link | None
		riwayat_pengembalian: DF.Table[RiwayatPengembalian]
		tahun: DF.Int
		triwulan: DF.Literal["I", "II", "III", "IV"]
		workflow_state: DF.Link | None
	# end: auto-generated types

	# The Subkoordinator composes the rows while the paper is a Draft (or returned); from its
	# submission on they are the paper the Sekretaris approves and the bidang receive: only Catatan
	# stays open (realisasi comes back from the bidang at the recap).
	TABEL_SISTEM = {
		"baris": TabelSistem(
			kolom=("catatan",), status=("Diajukan", "Disetujui", "Didistribusikan", "Direkap")
		)
	}

	def autoname(self) -> None:
		self.name = f"KKE-{self.evaluasi}"

	def before_insert(self) -> None:
		if frappe.db.exists("Kertas Kerja Evaluasi", {"evaluasi": self.evaluasi}):
			frappe.throw(
				_("Kertas Kerja Evaluasi untuk {0} sudah ada.").format(self.evaluasi),
				frappe.DuplicateEntryError,
			)
		if not self.baris:
			opd = self.opd or frappe.db.get_value("Evaluasi Kinerja Internal", self.evaluasi, "opd")
			self.set("baris", baris_dari_indikator(self.tahun, self.triwulan, opd))

	def validasi_isi(self) -> None:
		hitung_semua_baris(self)

	def validasi_masuk_status(self, state: str) -> None:
		if state == "Diajukan" and not self.baris:
			frappe.throw(
				_(
					"Kertas kerja belum berisi indikator kinerja: belum ada Perjanjian Kinerja Kepala Bidang "
					"OPD {0} tahun {1} yang berlaku pada triwulan {2}. Sahkan PK-nya dahulu, lalu buat kertas "
					"kerja ini lagi."
				).format(self.opd, self.tahun, self.triwulan)
			)
		if state == "Didistribusikan":
			pastikan_kepala_bidang((r.bidang for r in self.baris), langkah="5")
		if state == "Direkap":
			pastikan_semua_data_diterima(self)
			rekap(self)
			hitung_semua_baris(self)

	def setelah_masuk_status(self, state: str) -> None:
		if state == "Didistribusikan":
			dibuat = distribusikan(self)
			frappe.msgprint(_("{0} Data Kinerja Bidang dibuat.").format(len(dibuat)), alert=True)
