# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _

from sakip_evaluasi.aturan.alur_kerja import TabelSistem
from sakip_evaluasi.aturan.peringatan import draf_rekomendasi
from sakip_evaluasi.aturan.siklus import (
	buat_tindak_lanjut,
	kirim_undangan,
	pastikan_bidang_ada,
	peserta_default,
)
from sakip_evaluasi.aturan.tindak_lanjut import baris_tindak_lanjut_baru, isi_tindak_lanjut_lalu
from sakip_evaluasi.controllers.alur_kerja import DokumenAlurKerja
from sakip_evaluasi.pejabat.pemegang import pastikan_kepala_bidang


class NotulenRapat(DokumenAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.pembahasan_rapat.pembahasan_rapat import PembahasanRapat
		from sakip_evaluasi.sakip_evaluasi.doctype.peserta_rapat.peserta_rapat import PesertaRapat
		from sakip_evaluasi.sakip_evaluasi.doctype.rekomendasi_rapat.rekomendasi_rapat import RekomendasiRapat
		from sakip_evaluasi.sakip_evaluasi.doctype.riwayat_pengembalian.riwayat_pengembalian import (
			RiwayatPengembalian,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.tindak_lanjut_triwulan_lalu.tindak_lanjut_triwulan_lalu import (
			TindakLanjutTriwulanLalu,
		)

		acara: DF.SmallText | None
		alasan_dikembalikan: DF.SmallText | None
		arahan_pimpinan: DF.Text | None
		evaluasi: DF.Link
		jam_mulai: DF.Time | None
		jam_selesai: DF.Time | None
		kesimpulan: DF.Text | None
		nomor_undangan: DF.Data | None
		notulis: DF.Link | None
		opd: DF.Link | None
		pembahasan: DF.Table[PembahasanRapat]
		peserta: DF.Table[PesertaRapat]
		pimpinan_rapat: DF.Link | None
		rekomendasi: DF.Table[RekomendasiRapat]
		riwayat_pengembalian: DF.Table[RiwayatPengembalian]
		tahun: DF.Int
		tanggal_rapat: DF.Date | None
		tempat: DF.Data | None
		tindak_lanjut_lalu: DF.Table[TindakLanjutTriwulanLalu]
		triwulan: DF.Literal["I", "II", "III", "IV"]
		workflow_state: DF.Link | None
	# end: auto-generated types

	# Once the minutes are Disahkan each bidang's Tindak Lanjut Evaluasi was made from the
	# rekomendasi rows: they stay as they were.
	TABEL_SISTEM = {
		"rekomendasi": TabelSistem(kolom=(), status=("Disahkan",)),
		# the open follow-ups of earlier triwulan, as the app finds them until the invitation is sent
		"tindak_lanjut_lalu": TabelSistem(kolom=()),
	}
	# States in which the open follow-ups of earlier triwulan are read again on every save.
	STATUS_TINDAK_LANJUT_LALU = (None, "Draft", "Undangan Dikirim")

	def autoname(self) -> None:
		self.name = f"NR-{self.evaluasi}"

	def before_insert(self) -> None:
		if frappe.db.exists("Notulen Rapat", {"evaluasi": self.evaluasi}):
			frappe.throw(
				_("Notulen Rapat untuk {0} sudah ada.").format(self.evaluasi), frappe.DuplicateEntryError
			)
		if not self.peserta:
			self.set("peserta", peserta_default(self.evaluasi))
		if not self.rekomendasi:
			# A draft for every indicator projected Kritis; the meeting keeps, edits or drops each.
			self.set("rekomendasi", draf_rekomendasi(self.evaluasi))

	def validasi_isi(self) -> None:
		self.validasi_tamu()
		if self.workflow_state in self.STATUS_TINDAK_LANJUT_LALU:
			isi_tindak_lanjut_lalu(self)

	def _validate_links(self) -> None:
		pastikan_bidang_ada(self.rekomendasi, _("Rekomendasi"), self.opd)
		pastikan_bidang_ada(self.pembahasan, _("Pembahasan"), self.opd)
		super()._validate_links()

	def validasi_masuk_status(self, state: str) -> None:
		if state == "Undangan Dikirim":
			self.pastikan_terisi(
				{"tanggal_rapat": _("Tanggal Rapat"), "jam_mulai": _("Jam Mulai"), "tempat": _("Tempat")}
			)
			if not self.peserta:
				frappe.throw(_("Undangan belum memiliki peserta."))
		if state == "Notulen Diajukan":
			self.pastikan_terisi({"pimpinan_rapat": _("Pimpinan Rapat"), "notulis": _("Notulis")})
			self.validasi_daftar_hadir()
		if state == "Disahkan":
			# every bidang that gets a Tindak Lanjut: new recommendations and carried follow-ups
			pastikan_kepala_bidang(
				{r.bidang for r in baris_tindak_lanjut_baru(self) if r.bidang}, langkah="8"
			)

	def validasi_tamu(self) -> None:
		"""A participant is a user of the OPD or a guest named on the row (nama, and instansi)."""
		tanpa_nama = [str(p.idx) for p in self.peserta if not p.peserta and not (p.nama or "").strip()]
		if tanpa_nama:
			frappe.throw(
				_(
					"Peserta baris {0}: isi Peserta (pengguna OPD ini) atau, untuk tamu tanpa akun, Nama dan "
					"Instansi. Notulen Rapat belum disimpan."
				).format(", ".join(tanpa_nama)),
				frappe.MandatoryError,
				title=_("Peserta belum lengkap"),
			)

	def pastikan_terisi(self, fields: dict) -> None:
		kosong = [label for field, label in fields.items() if not self.get(field)]
		if kosong:
			frappe.throw(_("Lengkapi dahulu: {0}.").format(", ".join(kosong)), title=_("Data belum lengkap"))

	def validasi_daftar_hadir(self) -> None:
		belum = [p.nama or p.peserta for p in self.peserta if not p.kehadiran]
		if belum:
			frappe.throw(
				_("Daftar hadir belum diisi untuk: {0}.").format(", ".join(belum)), title=_("Daftar hadir")
			)
		tanpa_wakil = [
			p.nama or p.peserta for p in self.peserta if p.kehadiran == "Diwakili" and not p.diwakili_oleh
		]
		if tanpa_wakil:
			frappe.throw(
				_("Isi nama wakil untuk: {0}.").format(", ".join(tanpa_wakil)), title=_("Daftar hadir")
			)
		if not any(p.kehadiran in ("Hadir", "Diwakili") for p in self.peserta):
			frappe.throw(_("Tidak ada peserta yang hadir."), title=_("Daftar hadir"))

	def setelah_masuk_status(self, state: str) -> None:
		if state == "Undangan Dikirim":
			kirim_undangan(self)
		if state == "Disahkan":
			buat_tindak_lanjut(self)
