# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from sakip_evaluasi.domain import kepegawaian as k
from sakip_evaluasi.domain import tte
from sakip_evaluasi.pejabat.jabatan import lengkapi_riwayat

# What each problem of a NIP means to the user (``kepegawaian.masalah_nip``).
PESAN_NIP = {
	k.KOSONG: "NIP wajib diisi (18 angka).",
	k.BUKAN_ANGKA: "NIP hanya berisi angka (spasi di antara bagian-bagiannya boleh), bukan '{0}'.",
	k.PANJANG: "NIP terdiri atas 18 angka, bukan {0}.",
	k.TANGGAL_LAHIR: "8 angka pertama NIP ({0}) harus tanggal lahir yang mungkin (tahun, bulan, tanggal).",
	k.TMT: "Angka ke-9 s.d. 14 NIP ({0}) harus tahun dan bulan TMT CPNS yang mungkin dan tidak di masa depan.",
	k.TMT_TERLALU_MUDA: "TMT CPNS pada NIP ({0}) kurang dari 18 tahun sesudah tanggal lahirnya.",
	k.JENIS_KELAMIN: "Angka ke-15 NIP adalah jenis kelamin, 1 (pria) atau 2 (wanita), bukan {0}.",
	k.NOMOR_URUT: "3 angka terakhir NIP adalah nomor urut, tidak 000.",
}


class Pegawai(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		dari_migrasi: DF.Check
		keterangan_nip: DF.Data | None
		nama_lengkap: DF.Data
		nik: DF.Data | None
		nip: DF.Data | None
		opd: DF.Link | None
		pangkat_golongan: DF.Literal[
			"",
			"Juru Muda (I/a)",
			"Juru Muda Tingkat I (I/b)",
			"Juru (I/c)",
			"Juru Tingkat I (I/d)",
			"Pengatur Muda (II/a)",
			"Pengatur Muda Tingkat I (II/b)",
			"Pengatur (II/c)",
			"Pengatur Tingkat I (II/d)",
			"Penata Muda (III/a)",
			"Penata Muda Tingkat I (III/b)",
			"Penata (III/c)",
			"Penata Tingkat I (III/d)",
			"Pembina (IV/a)",
			"Pembina Tingkat I (IV/b)",
			"Pembina Utama Muda (IV/c)",
			"Pembina Utama Madya (IV/d)",
			"Pembina Utama (IV/e)",
			"PPPK",
		]
		user: DF.Link | None
	# end: auto-generated types

	def validate(self) -> None:
		self.nama_lengkap = (self.nama_lengkap or "").strip()
		self.periksa_nip()
		self.periksa_nik()
		self.periksa_user()

	def on_update(self) -> None:
		if self.has_value_changed("nip") or self.has_value_changed("pangkat_golongan"):
			lengkapi_riwayat(self.name, self.nip, self.pangkat_golongan)

	def periksa_nik(self) -> None:
		self.nik = tte.rapikan_nik(self.nik) or None
		if self.nik and not tte.nik_sah(self.nik):
			frappe.throw(
				_(
					"NIK terdiri atas 16 angka, bukan '{0}'. Perbaiki NIK-nya; tidak ada yang disimpan."
				).format(frappe.utils.escape_html(self.nik)),
				title=_("NIK tidak sah"),
			)

	def periksa_nip(self) -> None:
		self.nip = k.rapikan_nip(self.nip) or None
		if not self.nip and self.dari_migrasi:
			self.keterangan_nip = _("NIP belum diisi")
			return
		masalah = k.masalah_nip(self.nip, getdate(today()))
		if masalah:
			daftar = "".join(
				f"<li>{_(PESAN_NIP[m.kode]).format(frappe.utils.escape_html(m.nilai))}</li>" for m in masalah
			)
			frappe.throw(
				_("NIP {0} tidak valid:").format(frappe.utils.escape_html(self.nip or ""))
				+ f"<ul>{daftar}</ul>"
				+ _("Periksa NIP pada SK pegawai. Data pegawai belum disimpan."),
				frappe.ValidationError,
				title=_("NIP tidak valid"),
			)
		if lain := frappe.db.get_value(
			"Pegawai", {"nip": self.nip, "name": ("!=", self.name)}, "nama_lengkap"
		):
			frappe.throw(
				_(
					"NIP {0} sudah tercatat untuk {1}. Satu NIP untuk satu pegawai. Data pegawai belum disimpan."
				).format(self.nip, lain),
				frappe.DuplicateEntryError,
				title=_("NIP sudah dipakai"),
			)
		self.keterangan_nip = None

	def periksa_user(self) -> None:
		if self.user and (
			lain := frappe.db.get_value(
				"Pegawai", {"user": self.user, "name": ("!=", self.name)}, "nama_lengkap"
			)
		):
			frappe.throw(
				_("Pengguna {0} sudah tercatat sebagai pegawai {1}. Data pegawai belum disimpan.").format(
					self.user, lain
				),
				frappe.DuplicateEntryError,
				title=_("Pengguna sudah dipakai"),
			)
