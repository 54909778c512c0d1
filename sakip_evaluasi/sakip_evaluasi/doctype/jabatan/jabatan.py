# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from sakip_evaluasi.domain.peran import KEPALA_BIDANG
from sakip_evaluasi.pejabat.jabatan import (
	batalkan_pergantian_terjadwal,
	catat_pemegang,
	jadwalkan_pergantian,
	nama_jabatan,
	pastikan_pengubah_pejabat,
	pemegang_berganti,
	user_pegawai,
)


class Jabatan(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.riwayat_jabatan.riwayat_jabatan import RiwayatJabatan

		bidang: DF.Link | None
		jenis_pelaksana: DF.Data | None
		nama_jabatan: DF.Data
		nama_pemegang: DF.Data | None
		nip_pemegang: DF.Data | None
		nomor_sk: DF.Data | None
		opd: DF.Link
		pelaksana: DF.Link | None
		pelaksana_sampai: DF.Date | None
		pemegang: DF.Link | None
		pemegang_berikut: DF.Link | None
		nama_pemegang_berikut: DF.Data | None
		sk_berikut: DF.Data | None
		tmt_berikut: DF.Date | None
		penunjukan: DF.Link | None
		peran: DF.Literal[
			"Kepala Dinas", "Sekretaris", "Subkoordinator Perencanaan dan Pelaporan", "Kepala Bidang"
		]
		riwayat: DF.Table[RiwayatJabatan]
		tmt_pemegang: DF.Date | None
	# end: auto-generated types

	def autoname(self) -> None:
		self.periksa_bidang()
		self.name = nama_jabatan(self.opd, self.peran, self.bidang)
		if frappe.db.exists("Jabatan", self.name):
			frappe.throw(
				_("Jabatan {0} sudah ada ({1}). Ubah jabatan itu. Jabatan belum disimpan.").format(
					self.nama_jabatan or self.peran, self.name
				),
				frappe.DuplicateEntryError,
				title=_("Jabatan sudah ada"),
			)

	def validate(self) -> None:
		self.periksa_bidang()
		pastikan_pengubah_pejabat(
			self, ["pemegang", "tmt_pemegang", "nomor_sk"], _("Jabatan belum disimpan.")
		)
		self.periksa_pemegang()

	def periksa_bidang(self) -> None:
		if self.peran != KEPALA_BIDANG:
			self.bidang = None
			return
		if not self.bidang:
			frappe.throw(
				_("Pilih Bidang jabatan Kepala Bidang ini. Jabatan belum disimpan."),
				title=_("Bidang belum diisi"),
			)
		if frappe.db.get_value("Bidang", self.bidang, "opd") != self.opd:
			frappe.throw(
				_("Bidang {0} bukan bidang OPD {1}. Pilih bidang OPD {1}. Jabatan belum disimpan.").format(
					self.bidang, self.opd
				),
				title=_("Bidang OPD lain"),
			)

	def periksa_pemegang(self) -> None:
		if not self.pemegang or not (self.is_new() or self.has_value_changed("pemegang")):
			return
		user = user_pegawai(self.pemegang)
		if not user or not frappe.db.get_value("User", user, "enabled"):
			frappe.throw(
				_(
					"{0} belum memiliki pengguna aktif, sehingga tidak dapat menjalankan langkah SOP. Isi "
					"Pengguna pada formulir Pegawai {0}. Jabatan belum disimpan."
				).format(frappe.db.get_value("Pegawai", self.pemegang, "nama_lengkap") or self.pemegang),
				title=_("Pegawai tanpa pengguna"),
			)

	def before_save(self) -> None:
		if self.flags.pergantian_terjadwal:
			return  # the scheduled change at its TMT: its history was written when it was scheduled
		if self.is_new() or self.has_value_changed("pemegang"):
			batalkan_pergantian_terjadwal(self)
			if not jadwalkan_pergantian(self):
				catat_pemegang(self)

	def on_update(self) -> None:
		sebelum = self.get_doc_before_save()
		lama = sebelum.pemegang if sebelum else None
		if self.is_new() or lama != self.pemegang:
			pemegang_berganti(self, lama)
