"""The LKE workbook, the Laporan Hasil Evaluasi and the evidence folders of an Evaluasi AKIP, as
the OPD and the Inspektorat use them: answers filled in Excel and uploaded back (every bad cell
refused, nothing written), the LHE only once final, the evidence ZIP made in the background."""

import io
import zipfile

import frappe
from openpyxl import load_workbook

from sakip_evaluasi.aturan.lke import pastikan_lke
from sakip_evaluasi.aturan.lke_excel import buat_lke_excel, impor_lke_excel
from sakip_evaluasi.cetak import folder_bukti
from sakip_evaluasi.cetak.lhe import CETAKAN_LHE, pdf_lhe
from sakip_evaluasi.domain import peran
from sakip_evaluasi.sakip_evaluasi.doctype.evaluasi_akip.test_evaluasi_akip import (
	INSPEKTUR,
	KETUA,
	_pegawai,
)
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import sebagai

TAHUN = pabrik.TAHUN_UJI + 2  # held in 2098: last year's (2097) follow-ups are shown by its LHE


def isi_lke(isi: bytes, kolom: str, jawaban: dict[int, str], catatan: dict[int, str] | None = None) -> bytes:
	"""The workbook as the user saves it after typing answers (Excel row → answer) in ``kolom``."""
	wb = load_workbook(io.BytesIO(isi))
	ws = wb["LKE"]
	for baris, j in jawaban.items():
		ws[f"{kolom}{baris}"] = j
	for baris, c in (catatan or {}).items():
		ws[f"{chr(ord(kolom) + 1)}{baris}"] = c
	keluaran = io.BytesIO()
	wb.save(keluaran)
	return keluaran.getvalue()


class TestLHEAKIP(pabrik.SakipTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		pabrik.buat_pejabat()
		pabrik.buat_opd_lain()
		pabrik.buat_user(KETUA, peran.INSPEKTORAT)
		pabrik.buat_user(INSPEKTUR, peran.INSPEKTORAT)
		cls.pegawai_ketua = _pegawai(KETUA, "Rina Ketua Tim", "197501012000032001")
		cls.pegawai_inspektur = _pegawai(INSPEKTUR, "Budi Inspektur", "196801011990031002")
		cls.bidang = pabrik.buat_bidang("Sekretariat AKIP", "SAKIP").name
		cls.eki = pabrik.buat_evaluasi("IV").name
		pastikan_lke(TAHUN - 1)
		pastikan_lke(TAHUN)
		with sebagai(pabrik.SEKRETARIS):
			cls.lalu = frappe.get_doc(
				{"doctype": "Evaluasi AKIP", "opd": pabrik.OPD_UJI, "tahun": TAHUN - 1}
			).insert()
			cls.nama = (
				frappe.get_doc({"doctype": "Evaluasi AKIP", "opd": pabrik.OPD_UJI, "tahun": TAHUN})
				.insert()
				.name
			)
		# last year's LHE was final with one recommendation that no follow-up has taken up yet
		frappe.get_doc(
			{
				"doctype": "Rekomendasi Evaluasi AKIP",
				"parent": cls.lalu.name,
				"parenttype": "Evaluasi AKIP",
				"parentfield": "rekomendasi",
				"idx": 1,
				"subkomponen": "2.b",
				"rekomendasi": "Agar IKU dilengkapi dengan definisi operasional.",
				"bidang": cls.bidang,
				"batas_waktu": f"{TAHUN - 1}-06-30",
			}
		).db_insert()
		frappe.db.set_value("Evaluasi AKIP", cls.lalu.name, "workflow_state", "Final")

	def evaluasi(self):
		return frappe.get_doc("Evaluasi AKIP", self.nama)

	def unggah(self, user: str, isi: bytes) -> dict:
		with sebagai(user):
			return impor_lke_excel(self.nama, isi=isi, nama_file="LKE.xlsx")

	def isi_opd(self, jawaban: str = "A") -> None:
		with sebagai(pabrik.SEKRETARIS):
			_nama, isi = buat_lke_excel(self.nama)
		hasil = self.unggah(pabrik.SEKRETARIS, isi_lke(isi, "F", {b: jawaban for b in range(2, 82)}))
		self.assertTrue(hasil["berhasil"], hasil)

	# ------------------------------------------------------------------ the workbook

	def test_opd_fills_the_lke_in_excel_and_the_scores_follow(self):
		self.isi_opd("BB")
		doc = self.evaluasi()
		self.assertEqual({r.jawaban_opd for r in doc.jawaban}, {"BB"})
		self.assertEqual((doc.nilai_opd, doc.predikat_opd), (80, "BB"))
		# the same file again changes nothing
		with sebagai(pabrik.SEKRETARIS):
			_nama, isi = buat_lke_excel(self.nama)
		self.assertIn("Tidak ada perubahan", self.unggah(pabrik.SEKRETARIS, isi)["pesan"])

	def test_answer_outside_the_scale_or_changed_criterion_refuses_the_whole_file(self):
		with sebagai(pabrik.SEKRETARIS):
			_nama, isi = buat_lke_excel(self.nama)
		wb = load_workbook(io.BytesIO(isi_lke(isi, "F", {2: "Z", 3: "A"})))
		wb["LKE"]["D4"] = "Kriteria yang diubah"
		keluaran = io.BytesIO()
		wb.save(keluaran)
		hasil = self.unggah(pabrik.SEKRETARIS, keluaran.getvalue())
		self.assertFalse(hasil["berhasil"])
		self.assertIn("Tidak ada data yang diubah", hasil["pesan"])
		pesan = " | ".join(k["pesan"] for k in hasil["kesalahan"])
		self.assertIn("Sel F2 (kriteria 1.a.1): jawaban 'Z' di luar skala AA-E", pesan)
		self.assertIn("Sel D4 (Kriteria, kriteria 1.a.3) terkunci dan telah diubah", pesan)
		self.assertFalse(any(r.jawaban_opd for r in self.evaluasi().jawaban))

	def test_another_opd_cannot_import_into_this_evaluation(self):
		with sebagai(pabrik.SEKRETARIS):
			_nama, isi = buat_lke_excel(self.nama)
		with sebagai(pabrik.LAIN["sekretaris"]), self.assertRaises(frappe.PermissionError):
			impor_lke_excel(self.nama, isi=isi, nama_file="LKE.xlsx")

	# ------------------------------------------------------------------ the LHE

	def test_lhe_before_the_review_is_final_is_refused(self):
		with sebagai(KETUA):
			self.assertPesan(lambda: pdf_lhe(self.nama), "belum dapat dicetak", "berstatus Penilaian Mandiri")

	def test_final_evaluation_has_its_lhe_signed_by_the_inspektur_and_evidence_folders(self):
		self.isi_opd("A")
		doc = self.evaluasi()
		unggahan = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "Perbup SAKIP.pdf",
				"content": b"%PDF-1.4 contoh",
				"is_private": 1,
				"attached_to_doctype": "Evaluasi AKIP",
				"attached_to_name": self.nama,
			}
		).insert(ignore_permissions=True)
		for b in (
			{"kriteria": "1.a.1", "jenis": "Unggahan", "berkas": unggahan.file_url},
			{"kriteria": "2.a.1", "jenis": "Tautan", "tautan": "https://contoh.go.id/iku"},
			{
				"kriteria": "4.a.2",
				"jenis": "Dokumen Aplikasi",
				"dokumen_doctype": "Evaluasi Kinerja Internal",
				"dokumen": self.eki,
			},
		):
			doc.append("bukti", b)
		with sebagai(pabrik.SEKRETARIS):
			doc.save()
		pabrik.aksi(self.evaluasi(), "Ajukan", pabrik.SEKRETARIS)
		doc = self.evaluasi()
		doc.nomor_surat_tugas = "700/02/ST/2098"
		doc.tanggal_surat_tugas = f"{TAHUN}-01-15"
		doc.inspektur = self.pegawai_inspektur
		doc.set(
			"tim",
			[
				{"peran_tim": "Pengendali Teknis", "pegawai": self.pegawai_inspektur},
				{"peran_tim": "Ketua Tim", "pegawai": self.pegawai_ketua},
			],
		)
		with sebagai(KETUA):
			doc.save()
		pabrik.aksi(self.evaluasi(), "Mulai Reviu", KETUA)
		# the team answers in Excel: its own columns; a different answer needs its note
		with sebagai(KETUA):
			_nama, isi = buat_lke_excel(self.nama)
		jawaban = {b: "A" for b in range(2, 82)} | {2: "B"}
		ditolak = self.unggah(KETUA, isi_lke(isi, "H", jawaban))
		self.assertFalse(ditolak["berhasil"])
		self.assertIn("berbeda dari jawaban OPD", ditolak["kesalahan"][0]["pesan"])
		self.assertFalse(any(r.jawaban_inspektorat for r in self.evaluasi().jawaban))
		catatan = "Pedoman SAKIP belum ditetapkan dengan Perbup."
		self.assertTrue(self.unggah(KETUA, isi_lke(isi, "H", jawaban, {2: catatan}))["berhasil"])
		pabrik.aksi(self.evaluasi(), "Setujui", KETUA)
		doc = self.evaluasi()
		doc.append(
			"rekomendasi",
			{
				"subkomponen": "1.a",
				"rekomendasi": "Agar pedoman SAKIP ditetapkan dengan Perbup.",
				"bidang": self.bidang,
				"batas_waktu": f"{TAHUN}-06-30",
			},
		)
		doc.tanggal_exit_meeting = f"{TAHUN}-02-10"
		doc.hasil_exit_meeting = "OPD menerima hasil evaluasi."
		with sebagai(KETUA):
			doc.save()
		pabrik.aksi(self.evaluasi(), "Tetapkan", INSPEKTUR)

		with sebagai(pabrik.SEKRETARIS):
			html = frappe.get_print("Evaluasi AKIP", self.nama, CETAKAN_LHE)
			nama_file, pdf = pdf_lhe(self.nama)
		for teks in (
			"Laporan Hasil Evaluasi Akuntabilitas Kinerja",
			"Budi Inspektur",
			"1.a.1 (B): Pedoman SAKIP belum ditetapkan dengan Perbup.",
			"Agar pedoman SAKIP ditetapkan dengan Perbup.",
			"Agar IKU dilengkapi dengan definisi operasional.",
			"Belum Ada",
			"Memuaskan",
		):
			self.assertIn(teks, html)
		self.assertEqual((nama_file, pdf[:5]), (f"LHE {self.nama}.pdf", b"%PDF-"))

		# the evidence folders, made as the background job makes them
		folder_bukti.buat_di_latar(self.nama, pabrik.SEKRETARIS)
		frappe.set_user("Administrator")
		url = frappe.db.get_value(
			"File", {"attached_to_name": self.nama, "file_name": f"Folder Bukti {self.nama}.zip"}, "file_url"
		)
		isi = frappe.get_doc("File", {"file_url": url}).get_content()
		with zipfile.ZipFile(io.BytesIO(isi)) as z:
			nama = z.namelist()
			indeks = z.read("Indeks.csv").decode("utf-8-sig")
		self.assertIn("1_a/", nama)
		self.assertIn("4_c/", nama)
		self.assertTrue(
			all(n == "Indeks.csv" or n[:4] in {f"{k}_{s}/" for k in "1234" for s in "abc"} for n in nama)
		)
		self.assertTrue(
			frappe.db.exists("Notification Log", {"for_user": pabrik.SEKRETARIS, "document_name": self.nama})
		)
		self.assertIn("Folder,Berkas,Kriteria,Jenis,Dokumen,Keterangan", indeks)
		self.assertIn("1_a/1.a.1 Perbup SAKIP.pdf", nama)
		self.assertIn(f"4_a/Evaluasi Kinerja Internal {self.eki}.pdf", nama)
		self.assertIn("2_a,,2.a.1,Tautan,https://contoh.go.id/iku", indeks)
