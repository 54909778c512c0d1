# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.naming import make_autoname
from frappe.utils import today

from sakip_evaluasi.aturan.alur_kerja import ada_perubahan_isian
from sakip_evaluasi.aturan.perjanjian_kinerja import pk_disposisi
from sakip_evaluasi.controllers.alur_kerja import DokumenAlurKerja
from sakip_evaluasi.domain.penamaan import awalan_nomor
from sakip_evaluasi.sla.pemicu import pemicu_sop
from sakip_evaluasi.sla.penugasan import DITERIMA, tutup_disposisi_tuntas


class Disposisi(DokumenAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.instruksi_disposisi_item.instruksi_disposisi_item import (
			InstruksiDisposisiItem,
		)

		batas_waktu: DF.Datetime | None
		catatan: DF.SmallText | None
		dari: DF.Link
		disposisi_induk: DF.Link | None
		evaluasi: DF.Link
		instruksi: DF.TableMultiSelect[InstruksiDisposisiItem]
		kepada: DF.Link
		nomor_agenda: DF.Data | None
		opd: DF.Link | None
		perjanjian_kinerja: DF.Link | None
		tanggal: DF.Date
		workflow_state: DF.Link | None
	# end: auto-generated types

	def autoname(self) -> None:
		# DISP-DPUPR-2027-00001: numbered per OPD in the year of the letter's own date
		opd = self.opd or frappe.db.get_value("Evaluasi Kinerja Internal", self.evaluasi, "opd")
		self.name = make_autoname(f"{awalan_nomor('DISP', opd, self.tanggal or today())}.#####", doc=self)

	def before_validate(self) -> None:
		if self.is_new() and not self.dari:
			self.dari = frappe.session.user
		if self.is_new() and not self.disposisi_induk and self.evaluasi:
			# step 1 starts from the Dokumen Target Kinerja: the OPD's PK in force in that triwulan
			self.perjanjian_kinerja = pk_disposisi(self.evaluasi)

	def validasi_isi(self) -> None:
		if self.dari == self.kepada:
			frappe.throw(_("Pengirim dan penerima disposisi tidak boleh orang yang sama."))
		self.validasi_penerusan()
		self.pastikan_hanya_pengirim_mengubah()

	def validasi_penerusan(self) -> None:
		if not self.disposisi_induk:
			return
		induk = frappe.db.get_value(
			"Disposisi", self.disposisi_induk, ["kepada", "evaluasi", "workflow_state"], as_dict=True
		)
		if induk.kepada != self.dari:
			frappe.throw(
				_("Hanya penerima disposisi {0} yang dapat meneruskannya.").format(self.disposisi_induk)
			)
		if induk.evaluasi != self.evaluasi:
			frappe.throw(_("Disposisi terusan harus untuk evaluasi yang sama ({0}).").format(induk.evaluasi))
		if induk.workflow_state not in ("Diterima", "Selesai"):
			frappe.throw(
				_("Disposisi {0} harus diterima lebih dahulu sebelum diteruskan.").format(
					self.disposisi_induk
				)
			)

	def setelah_masuk_status(self, state: str) -> None:
		if state == DITERIMA:
			# accepted after the work it assigns was done: nothing waits for the addressee
			sop = frappe.db.get_value("Evaluasi Kinerja Internal", self.evaluasi, "sop")
			tutup_disposisi_tuntas(self.evaluasi, pemicu_sop(sop), self.name)

	def pastikan_hanya_pengirim_mengubah(self) -> None:
		"""Only the sender writes a disposisi, and only while it is a Draft."""
		if self.is_new() or frappe.session.user == "Administrator":
			return
		before = self.get_doc_before_save()
		if not ada_perubahan_isian(self, before):
			return
		if before.workflow_state != "Draft" or frappe.session.user != before.dari:
			frappe.throw(
				_("Isi disposisi hanya dapat diubah oleh pengirimnya ({0}) selama masih Draft.").format(
					before.dari
				),
				frappe.PermissionError,
			)
