# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from sakip_evaluasi.aturan.siklus import baris_dari_indikator
from sakip_evaluasi.domain.penamaan import nama_evaluasi
from sakip_evaluasi.domain.periode import TRIWULAN
from sakip_evaluasi.pejabat.opd import opd_baru, periksa_penerima, sop_dan_kalender
from sakip_evaluasi.pejabat.pemegang import masalah_evaluasi, peringatan_kepala_bidang, tetapkan_pejabat
from sakip_evaluasi.sla import mesin


class EvaluasiKinerjaInternal(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		kalender_kerja: DF.Link | None
		kepala_dinas: DF.Link | None
		langkah_saat_ini: DF.Data | None
		opd: DF.Link
		pemegang_langkah: DF.Data | None
		sekretaris: DF.Link | None
		sop: DF.Link | None
		subkoordinator: DF.Link | None
		tahun: DF.Int
		triwulan: DF.Literal["I", "II", "III", "IV"]
	# end: auto-generated types

	def autoname(self) -> None:
		self.opd = opd_baru(self.opd)
		self.name = nama_evaluasi(self.opd, self.tahun, self.triwulan)

	def before_insert(self) -> None:
		sop, kalender = sop_dan_kalender(self.opd)
		self.sop = self.sop or sop
		self.kalender_kerja = self.kalender_kerja or kalender

	def onload(self) -> None:
		self.set_onload("masalah_pejabat", masalah_evaluasi(self))

	def validate(self) -> None:
		self.validasi_periode()
		if self.is_new() and frappe.db.exists(
			"Evaluasi Kinerja Internal", nama := nama_evaluasi(self.opd, self.tahun, self.triwulan)
		):
			frappe.throw(
				_("Evaluasi Kinerja Internal OPD {0} tahun {1} triwulan {2} sudah ada ({3}).").format(
					self.opd, self.tahun, self.triwulan, nama
				),
				frappe.DuplicateEntryError,
				title=_("Evaluasi sudah ada"),
			)
		tetapkan_pejabat(self)
		periksa_penerima(self)  # its officials hold its steps: they act in its OPD
		if self.is_new():
			peringatan_kepala_bidang(
				r["bidang"] for r in baris_dari_indikator(self.tahun, self.triwulan, self.opd)
			)

	def after_insert(self) -> None:
		mesin.evaluasi_dibuat(self)  # step 1's clock starts now

	def on_update(self) -> None:
		mesin.evaluasi_diperbarui(self)  # another calendar re-plans the running steps

	def on_trash(self) -> None:
		mesin.evaluasi_dihapus(self)  # its clocks go with it

	def validasi_periode(self) -> None:
		if not self.tahun or not 2000 <= int(self.tahun) <= 2100:
			frappe.throw(_("Tahun {0} tidak valid: isi tahun empat angka, mis. 2026.").format(self.tahun))
		if self.triwulan not in TRIWULAN:
			frappe.throw(_("Triwulan harus I, II, III atau IV."))
