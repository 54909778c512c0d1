"""What each user may change in a Kertas Kerja Evaluasi: the Subkoordinator composes its rows while
it is a Draft (or returned); from its submission on the rows are the paper the Sekretaris approves
and the bidang receive, and only Catatan stays open. The reason for a return is the Sekretaris's."""

import frappe
import frappe.api.v1

from sakip_evaluasi.api.alur_kerja import aturan_isian
from sakip_evaluasi.domain.doctype import DKB, KKE
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import JALUR_SIMPAN, SEKRETARIS, SUBKOR, UjiIsian, aksi, sebagai

KABID = {"KKA": "kabid.kka@test.sakip", "KKB": "kabid.kkb@test.sakip"}


def hapus_baris_terakhir(doc):
	doc.baris.pop()


def ubah_target(doc):
	doc.baris[0].target_tw = 99


def tukar_indikator(doc):
	a, b = doc.baris[0], doc.baris[1]
	a.indikator, b.indikator = b.indikator, a.indikator


def tambah_baris(doc):
	doc.append(
		"baris", {k: doc.baris[0].get(k) for k in ("indikator", "bidang", "target_tw", "target_sd_tw")}
	)


class TestKertasKerjaEvaluasi(UjiIsian):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.bidang = pabrik.siapkan_bidang(KABID, "Bidang Kertas")
		pabrik.buat_indikator(cls.bidang["KKA"], "Persentase jalan mantap", (10, 20, 30, 40))
		pabrik.buat_indikator(cls.bidang["KKA"], "Jumlah aduan", (8, 8, 8, 8), "Negatif", akumulasi="Tetap")
		pabrik.buat_indikator(cls.bidang["KKB"], "Persentase irigasi baik", (25, 25, 25, 25))

	def test_the_subkor_composes_the_rows_of_a_draft(self):
		kke = pabrik.siapkan_kertas_kerja("III", "Draft")
		self.assertEqual(len(kke.baris), 3)
		for i, jalur in enumerate(JALUR_SIMPAN):
			with self.subTest(jalur=jalur):
				doc = frappe.get_doc(KKE, kke.name)
				hapus_baris_terakhir(doc) if i % 2 == 0 else tambah_baris(doc)
				doc.baris[0].target_tw = 31 + i
				pabrik.simpan_lewat(jalur, SUBKOR, doc)
				self.assertEqual(len(frappe.get_doc(KKE, kke.name).baris), 2 if i % 2 == 0 else 3)
		self.assertEqual(frappe.get_doc(KKE, kke.name).baris[0].target_tw, 34)

	def test_from_submission_on_the_rows_are_the_papers(self):
		for triwulan, state, user in (
			("I", "Diajukan", SEKRETARIS),
			("II", "Disetujui", SUBKOR),
			("III", "Didistribusikan", SUBKOR),
		):
			with self.subTest(state=state):
				kke = pabrik.siapkan_kertas_kerja(triwulan, state)
				dkb = [(DKB, d) for d in frappe.get_all(DKB, {"kertas_kerja": kke.name}, pluck="name")]
				sebelum = [pabrik.potret(*d) for d in dkb]
				for ubah, potongan in (
					(hapus_baris_terakhir, "baris 3 (Persentase irigasi baik) tabel Baris dihapus"),
					(tambah_baris, "baris baru ditambahkan ke tabel Baris"),
					(ubah_target, "baris 1 (Persentase jalan mantap) tabel Baris: kolom Target TW diubah"),
					(tukar_indikator, "baris 2 (Jumlah aduan) tabel Baris: kolom Indikator Kinerja diubah"),
				):
					self.assertDitolakDiSemuaJalur(
						user,
						KKE,
						kke.name,
						ubah,
						potongan,
						"Yang dapat Anda ubah pada status ini: ",
						"tabel Baris: Catatan",
					)
				# the note stays open
				doc = frappe.get_doc(KKE, kke.name)
				doc.baris[0].catatan = "Sumber data: laporan UPT"
				pabrik.simpan_lewat("rest", user, doc)
				self.assertEqual(frappe.get_doc(KKE, kke.name).baris[0].catatan, "Sumber data: laporan UPT")
				self.assertEqual(
					[pabrik.potret(*d) for d in dkb], sebelum, "the bidang documents are untouched"
				)

	def test_the_reason_for_a_return_is_the_sekretaris_while_reviewing(self):
		kke = pabrik.siapkan_kertas_kerja("III", "Draft")
		self.assertAlasanDitolak(SUBKOR, KKE, kke.name, "kolom Alasan Dikembalikan diubah")
		kke = pabrik.kembalikan(aksi(kke, "Ajukan", SUBKOR), SEKRETARIS, "Tambahkan catatan sumber data")
		self.assertEqual(pabrik.riwayat(kke), [("Tambahkan catatan sumber data", SEKRETARIS, "Diajukan")])
		# returned: the Subkor recomposes the rows, but the reason stays the Sekretaris's
		doc = frappe.get_doc(KKE, kke.name)
		hapus_baris_terakhir(doc)
		pabrik.simpan_lewat("form", SUBKOR, doc)
		self.assertAlasanDitolak(
			SUBKOR, KKE, kke.name, "kolom Alasan Dikembalikan diubah", "(peran Sekretaris)"
		)
		kke = aksi(aksi(kke, "Ajukan", SUBKOR), "Setujui", SEKRETARIS)
		self.assertIsNone(kke.alasan_dikembalikan)
		self.assertEqual(len(kke.riwayat_pengembalian), 1)
		# approved: nobody returns it any more, so nobody writes a reason
		self.assertAlasanDitolak(SUBKOR, KKE, kke.name, "kolom Alasan Dikembalikan diubah")
		self.assertAlasanDitolak(
			SEKRETARIS,
			KKE,
			kke.name,
			"isinya hanya dapat diubah oleh peran Subkoordinator Perencanaan dan Pelaporan",
		)

	def test_rows_cannot_be_inserted_or_deleted_on_their_own(self):
		# the Subkor may create and delete Kertas Kerja Evaluasi, and compose a Draft's rows; a row
		# written on its own would still bypass the document's rule
		kke = pabrik.siapkan_kertas_kerja("III", "Disetujui")
		pesan = "Baris Kertas Kerja hanya dapat diubah melalui dokumennya (Kertas Kerja Evaluasi"
		baris = kke.baris[0]
		with sebagai(SUBKOR):
			self.assertDitolak(
				lambda: pabrik.rest_post(
					"Baris Kertas Kerja",
					{
						"parent": kke.name,
						"parenttype": KKE,
						"parentfield": "baris",
						"indikator": baris.indikator,
						"bidang": baris.bidang,
					},
				),
				pesan,
				dokumen=[(KKE, kke.name)],
			)
			self.assertDitolak(
				lambda: frappe.api.v1.delete_doc("Baris Kertas Kerja", baris.name),
				pesan,
				dokumen=[(KKE, kke.name)],
			)
			self.assertDitolak(
				lambda: frappe.client.delete("Baris Kertas Kerja", baris.name),
				"baris 1 (Persentase jalan mantap) tabel Baris dihapus",
				dokumen=[(KKE, kke.name)],
			)

	def test_the_form_gets_the_same_rule(self):
		with sebagai(SUBKOR):
			aturan = aturan_isian(KKE)
		self.assertTrue(aturan["Draft"]["tabel"]["baris"]["susunan"])
		self.assertIn("target_tw", aturan["Draft"]["tabel"]["baris"]["kolom"])
		self.assertEqual(aturan["Dikembalikan"], aturan["Draft"])
		for state in ("Disetujui", "Didistribusikan"):
			self.assertEqual(aturan[state]["tabel"]["baris"], {"kolom": ["catatan"], "susunan": False})
		self.assertIsNone(aturan["Diajukan"])
		with sebagai(SEKRETARIS):
			aturan = aturan_isian(KKE)
		self.assertEqual(aturan["Diajukan"]["kolom"], ["alasan_dikembalikan"])
		self.assertEqual(aturan["Diajukan"]["tabel"]["baris"], {"kolom": ["catatan"], "susunan": False})
