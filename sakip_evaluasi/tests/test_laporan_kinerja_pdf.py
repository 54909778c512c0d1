"""The LKjIP's PDF and e-SAKIP ZIP as the Sekretariat receives them (LibreOffice, two passes): more
than one page, the contents page lists Bab I–IV with the page each heading really falls on, the footer
numbers the pages (not the cover), figures in Indonesian format, no record code in the text, and the
ZIP holds the three PDFs. LibreOffice is a requirement of the bench (scripts/provision_bench.sh): when
it is missing these tests fail, they are not skipped."""

import io
import re
import shutil
import zipfile

import frappe
from pypdf import PdfReader

from sakip_evaluasi.aturan import laporan_kinerja as lk
from sakip_evaluasi.cetak import laporan_kinerja as cetak
from sakip_evaluasi.tests.factories import OPD_UJI, SUBKOR, SakipTestCase, sebagai
from sakip_evaluasi.tests.test_laporan_kinerja import buat_tahun_lkjip

TAHUN = 2095
BAB = ("BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP")


def _teks(pdf: bytes) -> list[str]:
	return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


class TestPdfLaporanKinerja(SakipTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		if not shutil.which("soffice"):
			raise AssertionError(
				"LibreOffice (soffice) tidak terpasang: jalankan scripts/provision_bench.sh sebagai root."
			)
		buat_tahun_lkjip(TAHUN, "LKP")
		with sebagai(SUBKOR):
			cls.doc = frappe.get_doc(lk.LKJIP, lk.susun(OPD_UJI, TAHUN))
		cls.zip = zipfile.ZipFile(io.BytesIO(cetak.zip_esakip(cls.doc)))
		cls.halaman = _teks(cls.zip.read(f"LKjIP-{OPD_UJI}-{TAHUN}.pdf"))

	def test_daftar_isi_menunjuk_halaman_bab_yang_sebenarnya(self):
		self.assertGreater(len(self.halaman), 1)
		daftar_isi = self.halaman[1]
		self.assertIn("DAFTAR ISI", daftar_isi)
		for judul in BAB:
			cocok = re.search(re.escape(judul) + r"[\s.…]*(\d+)", daftar_isi)
			self.assertTrue(cocok, f"{judul} tidak tercantum dengan nomor halaman di Daftar Isi")
			nomor = int(cocok.group(1))
			self.assertIn(judul, self.halaman[nomor - 1], f"{judul} tidak ada di halaman {nomor}")
			for sebelum in self.halaman[2 : nomor - 1]:
				self.assertNotIn(judul, sebelum, f"{judul} sudah muncul sebelum halaman {nomor}")

	def test_nomor_halaman_di_kaki_kecuali_sampul(self):
		self.assertNotIn("Halaman", self.halaman[0])
		for nomor, teks in enumerate(self.halaman[1:], start=2):
			self.assertIn(f"Halaman {nomor}", teks)

	def test_angka_format_indonesia_tanpa_kode_rekaman(self):
		semua = "\n".join(self.halaman)
		# Jalan mantap: target 80, realisasi TW IV 76 (Nilai Akhir) → 95,00%; Jembatan: 30 of 40 → 75,00%
		self.assertIn("95,00%", semua)
		self.assertIn("76,00", semua)
		self.assertIn("75,00%", semua)
		self.assertNotIn("LKJIP|", semua)
		self.assertNotIn(self.doc.name, semua)
		self.assertNotIn("@", semua)  # no login
		self.assertNotRegex(semua, r"\d\.\d\d%")  # no English decimal point

	def test_zip_esakip_berisi_tiga_pdf(self):
		self.assertEqual(
			sorted(self.zip.namelist()),
			sorted(
				[
					f"LKjIP-{OPD_UJI}-{TAHUN}.pdf",
					f"PK-{OPD_UJI}-{TAHUN}.pdf",
					f"Rencana-Aksi-{OPD_UJI}-{TAHUN}.pdf",
				]
			),
		)
		for nama, isi in (
			("PK", "PERJANJIAN KINERJA"),
			("Rencana-Aksi", "Survei kondisi jalan"),
		):
			teks = "\n".join(_teks(self.zip.read(f"{nama}-{OPD_UJI}-{TAHUN}.pdf")))
			self.assertIn(isi, teks)
			self.assertIn("Jalan mantap", teks)
