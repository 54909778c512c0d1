"""Isian ponsel (the Isian Kinerja page's server side): a Data Kinerja Bidang as cards, the capaian
while typing and what an action sets in motion, tried as the real roles through the endpoints."""

import frappe

from sakip_evaluasi.api import isian_ponsel
from sakip_evaluasi.domain.doctype import DKB
from sakip_evaluasi.halaman.tugas_saya import daftar_tugas
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import OPD_LAIN, SUBKOR, SakipTestCase, aksi, sebagai

KABID = {"PNA": "kabid.pna@test.sakip", "PNB": "kabid.pnb@test.sakip"}
KABID_OPD_LAIN = "kabid.pnl@test.sakip"


class TestIsianPonsel(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.bidang = pabrik.siapkan_bidang(KABID, "Bidang Ponsel")
		pabrik.buat_user(KABID_OPD_LAIN)
		pabrik.buat_bidang("Bidang Ponsel Lain", "PNL", KABID_OPD_LAIN, opd=OPD_LAIN)
		pabrik.buat_indikator(cls.bidang["PNA"], "Persentase jalan mantap", (10, 20, 30, 40))
		pabrik.buat_indikator(cls.bidang["PNA"], "Jumlah aduan", (8, 8, 8, 8), "Negatif", akumulasi="Tetap")
		pabrik.buat_indikator(cls.bidang["PNB"], "Persentase irigasi baik", (25, 25, 25, 25))
		cls.kke = pabrik.siapkan_kertas_kerja("III", "Didistribusikan").name
		cls.dkb = frappe.db.get_value(DKB, {"kertas_kerja": cls.kke, "bidang": cls.bidang["PNA"]})

	def baris(self) -> list:
		return frappe.get_doc(DKB, self.dkb).baris

	def test_the_kabid_sees_cards_with_the_to_date_values_and_may_fill_them(self):
		with sebagai(KABID["PNA"]):
			data = isian_ponsel.muat(self.dkb)
		self.assertEqual(
			[r["nama_indikator"] for r in data["baris"]], ["Persentase jalan mantap", "Jumlah aduan"]
		)
		jalan = data["baris"][0]
		self.assertEqual((jalan["target_tw"], jalan["target_sd_tw"]), (30, 60), "TW III and s.d. TW III")
		self.assertEqual(data["kolom_terbuka"], ["realisasi", "kendala", "upaya", "bukti_dukung"])
		self.assertEqual([a["aksi"] for a in data["aksi"]], ["Ajukan"])
		ajukan = data["aksi"][0]
		self.assertFalse(ajukan["perlu_alasan"])
		# who receives it, and the step that follows with its time standard
		self.assertIn("akan sampai ke", ajukan["selanjutnya"])
		self.assertIn(frappe.utils.get_fullname(SUBKOR), ajukan["selanjutnya"])
		self.assertIn("langkah 6", ajukan["selanjutnya"])

	def test_capaian_while_typing_follows_the_save_rule_and_writes_nothing(self):
		jalan, aduan = self.baris()
		with sebagai(KABID["PNA"]):
			hasil = isian_ponsel.hitung(self.dkb, {jalan.name: "45", aduan.name: "6,5x"})
		self.assertEqual((hasil[jalan.name]["capaian"], hasil[jalan.name]["predikat"]), (75, "Sedang"))
		self.assertEqual(hasil[jalan.name]["realisasi_sd_tw"], 45)
		self.assertEqual(
			hasil[jalan.name]["uraian_capaian"],
			"Capaian = Realisasi s.d. TW III ÷ Target s.d. TW III × 100 = 45 ÷ 60 × 100 = 75,00 %",
		)
		self.assertTrue(hasil[aduan.name]["galat"], "a value that is not a number is reported on its row")
		self.assertFalse(hasil[aduan.name]["terisi"])
		self.assertEqual([r.realisasi for r in self.baris()], [None, None], "nothing was written")
		# the same numbers as the save computes
		with sebagai(KABID["PNA"]):
			doc = frappe.get_doc(DKB, self.dkb)
			doc.baris[0].realisasi = "45"
			doc.save()
		self.assertEqual((self.baris()[0].capaian, self.baris()[0].predikat), (75, "Sedang"))

	def test_a_kabid_of_another_bidang_or_opd_is_refused(self):
		jalan = self.baris()[0]
		for user in (KABID["PNB"], KABID_OPD_LAIN):
			with self.subTest(user=user), sebagai(user):
				with self.assertRaises(frappe.PermissionError):
					isian_ponsel.muat(self.dkb)
				with self.assertRaises(frappe.PermissionError):
					isian_ponsel.hitung(self.dkb, {jalan.name: "1"})

	def test_the_subkoordinator_reads_a_submission_and_may_accept_or_return_it(self):
		with sebagai(KABID["PNA"]):
			doc = frappe.get_doc(DKB, self.dkb)
			for row, nilai in zip(doc.baris, ("45", "6,5"), strict=True):
				row.realisasi = nilai
			doc.save()
		aksi(frappe.get_doc(DKB, self.dkb), "Ajukan", KABID["PNA"])
		with sebagai(SUBKOR):
			data = isian_ponsel.muat(self.dkb)
			tugas = {t["name"]: t for t in daftar_tugas()}
		self.assertEqual(data["kolom_terbuka"], [], "the Subkoordinator reads the rows, changes none")
		self.assertEqual(
			{a["aksi"]: a["perlu_alasan"] for a in data["aksi"]}, {"Terima": False, "Kembalikan": True}
		)
		kembali = next(a for a in data["aksi"] if a["aksi"] == "Kembalikan")
		self.assertIn(frappe.utils.get_fullname(KABID["PNA"]), kembali["selanjutnya"])
		# accepting names who is told and the step that follows (it was an empty confirmation)
		terima = next(a for a in data["aksi"] if a["aksi"] == "Terima")
		self.assertIn(frappe.utils.get_fullname(KABID["PNA"]), terima["selanjutnya"])
		self.assertIn("menerima pemberitahuan", terima["selanjutnya"])
		self.assertIn("langkah 6", terima["selanjutnya"])
		self.assertEqual(
			data["baris"][1]["uraian_capaian"],
			"Capaian = (2 × Target s.d. TW III − Realisasi s.d. TW III) ÷ Target s.d. TW III × 100"
			" = (2 × 8 − 6,5) ÷ 8 × 100 = 118,75 %",
		)
		# Tugas Saya opens it on a phone in the page
		self.assertTrue(tugas[self.dkb]["url_ponsel"].endswith(f"/app/isian-kinerja?dokumen={self.dkb}"))

	def test_an_unknown_document_says_so(self):
		with sebagai(KABID["PNA"]), self.assertRaises(frappe.DoesNotExistError) as ctx:
			isian_ponsel.muat("DKB-TIDAK-ADA")
		self.assertIn("tidak ditemukan", str(ctx.exception))
