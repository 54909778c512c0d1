"""Electronic signatures end to end against the local eSign service (tte_lokal/, real PAdES from a
test CA): the Notulen signed by its pimpinan then its notulis, the E.81 by the Kepala Dinas or the Plh
of that day, refusals that change nothing, every certificate status and service failure in Bahasa
Indonesia, the unknown outcome never retried, the lock and the new version, the PDF signed elsewhere,
the seal of the evidence pack, the public verification, the NIK kept from other eyes."""

import io
from unittest.mock import patch

import frappe
from frappe.utils import add_days, today
from pypdf import PdfReader

from sakip_evaluasi.api import tte as api
from sakip_evaluasi.cetak import tte, tte_klien, tte_verifikasi
from sakip_evaluasi.cetak.tte_klien import Rahasia
from sakip_evaluasi.domain import peran
from sakip_evaluasi.domain import tte as d
from sakip_evaluasi.pejabat.jabatan import nama_jabatan
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests import tte_lokal as lokal
from sakip_evaluasi.tests.factories import KADIS, OPD_UJI, SEKRETARIS, SUBKOR, sebagai
from sakip_evaluasi.tests.test_pejabat_jabatan import ADMIN, buat_pegawai, tunjuk

NOTULEN, E81 = "Notulen Rapat Resmi", "Laporan Hasil Evaluasi Kinerja Triwulan"
PLH = "plh.kadis.tte@test.sakip"


def atur_nik(user: str, nik: str | None) -> None:
	frappe.db.set_value("Pegawai", {"user": user}, "nik", nik)


def teks_pdf(pdf: bytes) -> str:
	return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


class TestTandaTanganElektronik(pabrik.SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		lokal.pastikan_layanan()
		lokal.arahkan_situs()
		pabrik.buat_pejabat()
		pabrik.buat_user(ADMIN, peran.ADMIN_PEMDA)
		pabrik.buat_user(PLH)
		for user in (KADIS, SEKRETARIS, SUBKOR):
			from sakip_evaluasi.pejabat.jabatan import pegawai_untuk_user

			pegawai_untuk_user(user, OPD_UJI)
		atur_nik(KADIS, lokal.NIK[1])
		atur_nik(SUBKOR, lokal.NIK[2])
		cls.pegawai_plh = buat_pegawai(PLH, "Dr. Putu Plh, M.Si.", "19750505 200003 2 005")
		atur_nik(PLH, lokal.NIK[3])
		cls.eki = pabrik.buat_evaluasi("II")
		nr = frappe.get_doc(
			{
				"doctype": "Notulen Rapat",
				"evaluasi": cls.eki.name,
				"tanggal_rapat": today(),
				"tempat": "Ruang Rapat",
				"pimpinan_rapat": KADIS,
				"notulis": SUBKOR,
				"kesimpulan": "Capaian baik",
			}
		)
		nr.flags.ignore_permissions = True
		nr.flags.ignore_mandatory = True
		nr.insert()
		frappe.db.set_value("Notulen Rapat", nr.name, "workflow_state", "Disahkan")
		cls.nr = nr.name

	def siapkan_notulen(self) -> str:
		with sebagai(KADIS):
			return tte.siapkan("Notulen Rapat", self.nr, NOTULEN)["name"]

	def tanda_tangani(self, user: str, nama_tte: str, passphrase: str = lokal.PASSPHRASE, **kw) -> dict:
		with sebagai(user):
			return tte.tanda_tangani(nama_tte, Rahasia(passphrase), **kw)

	# ------------------------------------------------------------------ signing in order

	def test_notulen_pimpinan_lalu_notulis(self):
		nama = self.siapkan_notulen()
		t = frappe.get_doc(tte.DOKUMEN_TTE, nama)
		asli = tte.isi_berkas(t.berkas_asli)
		self.assertIn("Pasal 5 ayat (1)", teks_pdf(asli))
		self.assertNotIn(self.nr, t.token)
		# the notulis before the pimpinan: not their turn
		self.assertPesan(lambda: self.tanda_tangani(SUBKOR, nama), "Belum giliran", "Tidak ada yang berubah")
		self.assertEqual(frappe.db.get_value(tte.DOKUMEN_TTE, nama, "status"), tte.MENUNGGU)
		h = self.tanda_tangani(KADIS, nama)
		self.assertEqual(h["status"], tte.SEBAGIAN)
		h = self.tanda_tangani(SUBKOR, nama)
		self.assertEqual(h["status"], tte.SELESAI)
		t.reload()
		pdf = tte.isi_berkas(t.berkas_tertanda)
		self.assertEqual(d.sha256(pdf), t.sha256_tertanda)
		v = lokal.verifikasi(pdf)
		self.assertEqual((v["conclusion"], v["signatureCount"]), ("VALID", 2))
		# kept private on the Notulen, with the signers by name
		berkas = frappe.get_all(
			"File",
			filters={"attached_to_doctype": "Notulen Rapat", "attached_to_name": self.nr},
			fields=["is_private", "file_name"],
		)
		self.assertTrue(berkas and all(b.is_private for b in berkas))
		self.assertTrue(all(r.nama and "@" not in r.nama for r in t.penandatangan))
		# the document is locked; a second signature of the same version is refused
		doc = frappe.get_doc("Notulen Rapat", self.nr)
		doc.kesimpulan = "Diubah sesudah ditandatangani"
		self.assertPesan(doc.save, "terkunci", "Versi Baru")
		self.assertPesan(lambda: self.tanda_tangani(KADIS, nama), "sudah menandatangani versi 1")

	def test_versi_baru_dengan_alasan(self):
		nama = self.siapkan_notulen()
		self.tanda_tangani(KADIS, nama)
		token_lama = frappe.db.get_value(tte.DOKUMEN_TTE, nama, "token")
		with sebagai(KADIS):
			self.assertPesan(lambda: tte.versi_baru(nama, "salah"), "alasan koreksi")
			tte.versi_baru(nama, "Kesimpulan rapat salah ketik")
		frappe.db.set_value("Notulen Rapat", self.nr, "kesimpulan", "Capaian sangat baik")
		doc = frappe.get_doc("Notulen Rapat", self.nr)
		doc.tempat = "Aula"
		doc.flags.ignore_permissions = True
		doc.save()  # open again for the correction
		with sebagai(KADIS):
			baru = tte.siapkan("Notulen Rapat", self.nr, NOTULEN)
		self.assertEqual(baru["versi"], 2)
		self.assertEqual(
			frappe.db.get_value(tte.DOKUMEN_TTE, baru["name"], "alasan_versi"), "Kesimpulan rapat salah ketik"
		)
		frappe.set_user("Guest")
		lama = tte_verifikasi.periksa(token_lama)
		self.assertTrue(lama["diganti"])
		self.assertEqual(lama["versi_pengganti"], 2)

	# ------------------------------------------------------------------ bad input changes nothing

	def test_bukan_pemegang_jabatan_hari_ini(self):
		nama = self.siapkan_notulen()
		self.assertPesan(lambda: self.tanda_tangani(SEKRETARIS, nama), "tidak memegang jabatan penandatangan")
		self.assertEqual(hitung_tanda(nama), 0)

	def test_plh_kepala_dinas_menandatangani_e81(self):
		tunjuk(
			nama_jabatan(OPD_UJI, peran.KEPALA_DINAS),
			self.pegawai_plh,
			today(),
			add_days(today(), 1),
			penandatangan="Kepala Daerah",
			nama_penandatangan="Bupati Contoh",
		)
		from sakip_evaluasi.pejabat.penunjukan import selaraskan_penunjukan

		selaraskan_penunjukan(commit=False)
		with sebagai(PLH):
			nama = tte.siapkan("Evaluasi Kinerja Internal", self.eki.name, E81)["name"]
		# the definitive Kepala Dinas is not the holder today: the Plh is
		self.assertPesan(lambda: self.tanda_tangani(KADIS, nama), "tidak memegang jabatan", "Dr. Putu Plh")
		h = self.tanda_tangani(PLH, nama)
		self.assertEqual(h["status"], tte.SELESAI)
		self.assertIn("Plh.", h["penandatangan"][0]["sebutan"])

	def test_dokumen_berubah_sesudah_pdf_dibuat(self):
		nama = self.siapkan_notulen()
		frappe.db.set_value("Notulen Rapat", self.nr, "kesimpulan", "Kesimpulan lain")
		self.assertPesan(
			lambda: self.tanda_tangani(KADIS, nama), "berubah sesudah PDF-nya dibuat", "Siapkan PDF"
		)
		self.assertEqual(hitung_tanda(nama), 0)

	def test_salah_passphrase_tidak_mengubah_apa_pun(self):
		nama = self.siapkan_notulen()
		self.assertPesan(lambda: self.tanda_tangani(KADIS, nama, "salah"), "Passphrase atau kode TOTP salah")
		t = frappe.get_doc(tte.DOKUMEN_TTE, nama)
		self.assertEqual((t.status, t.berkas_tertanda), (tte.MENUNGGU, None))

	def test_setiap_status_sertifikat_dalam_bahasa_indonesia(self):
		nama = self.siapkan_notulen()
		diuji = set(lokal.NIK_STATUS.values())
		sebelum = {k: v for k, v in lokal.hitungan().items() if k in diuji}
		harapan = {
			"NO_CERTIFICATE": "belum memiliki sertifikat",
			"EXPIRED": "kedaluwarsa",
			"SUSPEND": "dibekukan",
			"REVOKE": "dicabut",
			"WAITING_FOR_VERIFICATION": "masih diverifikasi",
			"NEW": "belum diaktifkan",
			"RENEW": "sedang diperbarui",
			"NOT_REGISTERED": "tidak terdaftar",
		}
		for status, potongan in harapan.items():
			with self.subTest(status=status):
				atur_nik(KADIS, lokal.NIK_STATUS[status])
				self.assertPesan(lambda: self.tanda_tangani(KADIS, nama), potongan, "admin TTE Pemda")
				with sebagai(KADIS):
					self.assertFalse(tte.status_saya()["boleh"])
		sesudah = {k: v for k, v in lokal.hitungan().items() if k in diuji}
		self.assertEqual(sesudah, sebelum)  # no sign request was sent
		atur_nik(KADIS, None)
		self.assertPesan(lambda: self.tanda_tangani(KADIS, nama), "NIK Anda belum tercatat")

	def test_layanan_tidak_terjangkau_dan_belum_diatur(self):
		nama = self.siapkan_notulen()
		frappe.db.set_single_value("Pengaturan TTE", "url_layanan", "http://127.0.0.1:9/api/v2")
		self.assertPesan(lambda: self.tanda_tangani(KADIS, nama), "tidak dapat dihubungi")
		frappe.db.set_single_value("Pengaturan TTE", "url_layanan", "")
		self.assertPesan(lambda: self.tanda_tangani(KADIS, nama), "belum diatur")
		frappe.db.set_single_value("Pengaturan TTE", "url_layanan", f"{lokal.url()}/api/v2")
		self.assertEqual(frappe.db.get_value(tte.DOKUMEN_TTE, nama, "status"), tte.MENUNGGU)

	def test_pdf_ditolak_layanan(self):
		nama = self.siapkan_notulen()
		with (
			patch.object(tte, "berkas_terkini", return_value=b"bukan pdf"),
			patch.object(tte, "_properti", return_value={"tampilan": "INVISIBLE"}),
		):
			self.assertPesan(lambda: self.tanda_tangani(KADIS, nama), "menolak berkas PDF")

	def test_hasil_tidak_diketahui_tidak_diulang_sendiri(self):
		nama = self.siapkan_notulen()
		atur_nik(KADIS, lokal.NIK_LAMBAT)
		frappe.db.set_single_value("Pengaturan TTE", "batas_waktu_detik", 2)
		sebelum = lokal.hitungan().get(lokal.NIK_LAMBAT, 0)
		h = self.tanda_tangani(KADIS, nama)
		self.assertTrue(h["tak_diketahui"])
		self.assertIn("tidak diketahui", h["pesan"])
		self.assertEqual(lokal.hitungan().get(lokal.NIK_LAMBAT, 0), sebelum + 1)  # sent once, no retry
		self.assertEqual(h["penandatangan"][0]["status"], tte.TIDAK_DIKETAHUI)
		# signing again needs the signer's explicit choice, after the check that nothing came back
		atur_nik(KADIS, lokal.NIK[1])
		self.assertPesan(lambda: self.tanda_tangani(KADIS, nama), "hasil tidak", "Tanda tangani lagi")
		frappe.db.set_single_value("Pengaturan TTE", "batas_waktu_detik", 30)
		h = self.tanda_tangani(KADIS, nama, ulang=True)
		self.assertEqual(h["status"], tte.SEBAGIAN)

	def test_passphrase_tidak_pernah_tersimpan(self):
		"""Not in the tables, not in an Error Log written with the traceback's variables (as Frappe
		writes one for a failed request), not left in the request's form data."""
		password_uji = lokal.PASSPHRASE
		nama = self.siapkan_notulen()
		frappe.db.delete("Error Log", {"method": "uji-tte"})
		with sebagai(KADIS), patch.object(tte_klien, "_post", side_effect=RuntimeError("putus")):
			frappe.local.form_dict = frappe._dict(dokumen_tte=nama, password=password_uji)
			try:
				frappe.call(api.tanda_tangani, **frappe.local.form_dict)
			except RuntimeError:
				frappe.log_error(title="uji-tte")
			self.assertNotIn("password", frappe.local.form_dict)
		self.tanda_tangani(KADIS, nama)
		self.assertTrue(frappe.get_all("Error Log", filters={"method": "uji-tte"}))
		for tabel in ("tabError Log", "tabVersion", "tabComment", "tabDokumen TTE", "tabPenandatangan TTE"):
			with self.subTest(tabel=tabel):
				self.assertNotIn(password_uji, str(frappe.db.sql(f"select * from `{tabel}`", as_list=True)))
		frappe.db.delete("Error Log", {"method": "uji-tte"})  # MyISAM: not rolled back

	# ------------------------------------------------------------------ elsewhere, seal, verification

	def test_pdf_ditandatangani_di_luar_diunggah(self):
		s = frappe.get_single("Pengaturan TTE")
		for r in s.aturan:
			if r.print_format == E81:
				r.boleh_unggah = 1
		s.save()
		with sebagai(KADIS):
			nama = tte.siapkan("Evaluasi Kinerja Internal", self.eki.name, E81)["name"]
		t = frappe.get_doc(tte.DOKUMEN_TTE, nama)
		asli = tte.isi_berkas(t.berkas_asli)
		with sebagai(SEKRETARIS):
			self.assertPesan(lambda: tte.unggah_tertanda(nama, b"%PDF-1.4 lain"), "bukan PDF versi 1")
			self.assertPesan(lambda: tte.unggah_tertanda(nama, b"bukan pdf"), "bukan PDF")
		diluar = lokal.tanda_tangani_di_luar(asli, lokal.NIK[4])
		with sebagai(SEKRETARIS):
			h = tte.unggah_tertanda(nama, diluar)
		self.assertEqual((h["status"], h["penandatangan"][0]["status"]), (tte.SELESAI, tte.DIUNGGAH))
		self.assertEqual(h["penandatangan"][0]["nama"], "Penandatangan Uji 4")

	def test_segel_paket_bukti(self):
		with sebagai(KADIS):
			asli = tte.isi_berkas(tte.siapkan("Evaluasi Kinerja Internal", self.eki.name, E81)["berkas_asli"])
		tte._simpan_berkas(
			None, f"Paket Bukti {self.eki.name}.pdf", asli, "Evaluasi Kinerja Internal", self.eki.name
		)
		with sebagai(SEKRETARIS):
			self.assertPesan(
				lambda: tte_verifikasi.segel_paket(self.eki.name, Rahasia("123456")),
				"Kepala Dinas",
				jenis=frappe.PermissionError,
			)
		with sebagai(KADIS):
			self.assertPesan(
				lambda: tte_verifikasi.segel_paket(self.eki.name, Rahasia("000000")),
				"Kode sekali pakai segel",
			)
			h = tte_verifikasi.segel_paket(self.eki.name, Rahasia(lokal.kode_segel()))
		t = frappe.get_doc(tte.DOKUMEN_TTE, h["name"])
		self.assertTrue(t.segel)
		v = lokal.verifikasi(tte.isi_berkas(t.berkas_tertanda))
		self.assertEqual(
			(v["conclusion"], v["signatureInformations"][0]["signerName"]),
			("VALID", "Segel Elektronik Pemda Uji"),
		)

	def test_verifikasi_publik(self):
		nama = self.siapkan_notulen()
		self.tanda_tangani(KADIS, nama)
		t = frappe.get_doc(tte.DOKUMEN_TTE, nama)
		pdf = tte.isi_berkas(t.berkas_tertanda)
		frappe.set_user("Guest")
		h = tte_verifikasi.periksa(t.token)
		self.assertEqual((h["nomor"], h["versi"], h["sha256"]), (self.nr, 1, t.sha256_tertanda))
		self.assertEqual(
			set(h),
			{
				"ditemukan",
				"jenis",
				"nomor",
				"opd",
				"versi",
				"status",
				"diganti",
				"versi_pengganti",
				"alasan_versi",
				"sha256",
				"penandatangan",
				"belum",
				"cocok",
				"hash_unggahan",
				"layanan_nasional",
			},
		)
		self.assertNotIn("Capaian baik", str(h))  # nothing of the document's content
		self.assertTrue(tte_verifikasi.periksa(None, pdf)["cocok"])
		self.assertFalse(tte_verifikasi.periksa(t.token, pdf + b"\n")["cocok"])
		self.assertFalse(tte_verifikasi.periksa(None, pdf + b"\n")["ditemukan"])
		self.assertPesan(lambda: tte_verifikasi.periksa(None, b"GIF89a"), "bukan PDF")
		frappe.db.set_single_value("Pengaturan SAKIP", "batas_ukuran_unggah_mb", 1)
		self.assertPesan(
			lambda: tte_verifikasi.periksa(None, b"%PDF-" + b"0" * 1_100_000), "melebihi batas unggah 1 MB"
		)

	def test_verifikasi_dibatasi(self):
		frappe.set_user("Guest")
		frappe.local.request_ip = "127.0.0.77"
		frappe.local.form_dict = frappe._dict(cmd="sakip_evaluasi.api.tte.verifikasi")
		frappe.local.request = frappe._dict(method="POST", files={})
		bahasa, frappe.local.lang = frappe.local.lang, "id"
		try:
			for _ in range(30):
				self.assertFalse(api.verifikasi("tidak-ada")["ditemukan"])
			self.assertPesan(
				lambda: api.verifikasi("tidak-ada"),
				"Terlalu banyak permintaan",
				jenis=frappe.RateLimitExceededError,
			)
		finally:
			del frappe.local.request
			frappe.local.lang = bahasa

	def test_nik_hanya_untuk_orangnya_dan_admin(self):
		pegawai = frappe.db.get_value("Pegawai", {"user": KADIS}, "name")
		with sebagai(SEKRETARIS):
			self.assertNotIn(
				"nik", frappe.get_list("Pegawai", filters={"name": pegawai}, fields=["name", "nik"])[0]
			)
		with sebagai(KADIS):
			self.assertEqual(api.nik_saya()["nik"], lokal.NIK[1])
			self.assertPesan(lambda: api.simpan_nik_saya("12345"), "16 angka")
		with sebagai(ADMIN):
			self.assertEqual(
				frappe.get_list("Pegawai", filters={"name": pegawai}, fields=["nik"])[0].nik, lokal.NIK[1]
			)


def hitung_tanda(nama: str) -> int:
	return sum(1 for r in frappe.get_doc(tte.DOKUMEN_TTE, nama).penandatangan if r.status in d.SELESAI)
