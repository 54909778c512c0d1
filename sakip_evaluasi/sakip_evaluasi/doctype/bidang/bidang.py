# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from sakip_evaluasi.domain.penamaan import kode_valid, nama_bidang, rapikan_kode
from sakip_evaluasi.pejabat.izin import pastikan_kepala_bidang_aktif, sinkronkan_izin_kepala_bidang
from sakip_evaluasi.pejabat.jabatan import hapus_jabatan, ikuti_kepala_bidang, pastikan_pengubah_pejabat


class Bidang(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		aktif: DF.Check
		kepala_bidang: DF.Link | None
		kode: DF.Data
		nama_bidang: DF.Data
		nama_kepala_bidang: DF.Data | None
		pelaksana_kepala_bidang: DF.Link | None
		opd: DF.Link
	# end: auto-generated types

	def autoname(self) -> None:
		self.rapikan()
		self.name = nama_bidang(self.opd, self.kode)

	def before_insert(self) -> None:
		if frappe.db.exists("Bidang", nama_bidang(self.opd, self.kode)):
			frappe.throw(
				_(
					"OPD {0} sudah memiliki bidang berkode {1}. Pakai kode lain. Bidang belum disimpan."
				).format(self.opd, self.kode),
				frappe.DuplicateEntryError,
				title=_("Kode bidang sudah dipakai"),
			)

	def validate(self) -> None:
		self.rapikan()
		if self.is_new() or self.has_value_changed("kode") or self.has_value_changed("opd"):
			if self.name and not self.is_new() and self.name != nama_bidang(self.opd, self.kode):
				frappe.throw(
					_(
						"Kode bidang dan OPD tidak dapat diubah setelah bidang disimpan (keduanya bagian "
						"nama {0}). Buat bidang baru bila perlu. Perubahan belum disimpan."
					).format(self.name),
					title=_("Kode bidang tetap"),
				)
		pastikan_pengubah_pejabat(self, ["kepala_bidang"], _("Bidang belum disimpan."))
		pastikan_kepala_bidang_aktif(self.kepala_bidang)

	def rapikan(self) -> None:
		self.kode = rapikan_kode(self.kode)
		self.nama_bidang = (self.nama_bidang or "").strip()
		if not kode_valid(self.kode):
			frappe.throw(
				_(
					"Kode bidang {0} tidak valid: pakai 1-20 huruf besar atau angka, tanda hubung hanya di "
					"tengah (mis. BM). Bidang belum disimpan."
				).format(frappe.bold(self.kode or _("(kosong)"))),
				title=_("Kode bidang tidak valid"),
			)
		if not self.opd:
			frappe.throw(_("Pilih OPD bidang ini. Bidang belum disimpan."), title=_("OPD belum diisi"))

	def on_update(self) -> None:
		sebelum = self.get_doc_before_save()
		sinkronkan_izin_kepala_bidang(
			bidang=self.name,
			kepala_lama=sebelum.kepala_bidang if sebelum else None,
			kepala_baru=self.kepala_bidang,
			opd=self.opd,
		)
		ikuti_kepala_bidang(self)  # its position (Jabatan) takes the head named here

	def on_trash(self) -> None:
		hapus_jabatan({"bidang": self.name})
		sinkronkan_izin_kepala_bidang(
			bidang=self.name, kepala_lama=self.kepala_bidang, kepala_baru=None, opd=self.opd
		)
