"""The work paper's routes: attached files, REST uploads, the signing key and the scoped recap
(split from ``test_kertas_kerja_excel``; the class shares its set-up)."""

import os
from io import BytesIO

import frappe
from openpyxl import load_workbook

from sakip_evaluasi.api.kertas_kerja import impor, unduh
from sakip_evaluasi.aturan.kertas_kerja import (
	batas_ukuran,
	buat_kertas_kerja,
	rahasia,
)
from sakip_evaluasi.domain.doctype import DKB, KKE
from sakip_evaluasi.domain.kertas_kerja import baca_workbook
from sakip_evaluasi.sakip_evaluasi.report.rekap_capaian_kinerja import rekap_capaian_kinerja
from sakip_evaluasi.tests.factories import (
	SUBKOR,
	TAHUN_UJI,
	sebagai,
)
from sakip_evaluasi.tests.test_kertas_kerja_excel import (
	KABID,
	NAMA_FILE,
	KertasKerjaExcelDasar,
	_harapan,
	sel,
	ubah,
)


class TestKertasKerjaExcelRute(KertasKerjaExcelDasar):
	"""Files reach the import by several routes; each refuses what it must."""

	def test_a_kabid_cannot_download_the_whole_agency_workbook(self):
		kke = self.kertas_kerja()
		with sebagai(KABID["XLA"]), self.assertRaises(frappe.PermissionError):
			buat_kertas_kerja(KKE, kke.name)

	def test_download_endpoint_answers_with_the_workbook(self):
		dkb, _isi = self.siap()
		try:
			with sebagai(KABID["XLA"]):
				unduh(DKB, dkb.name)
			self.assertEqual(frappe.response["type"], "download")
			self.assertEqual(frappe.response["filename"], f"Kertas Kerja {dkb.name}.xlsx")
			self.assertTrue(load_workbook(BytesIO(frappe.response["filecontent"]))["XLA"])
		finally:
			for kunci in ("type", "filename", "filecontent", "content_type"):
				frappe.response.pop(kunci, None)

	def test_import_endpoint_reads_a_file_attached_to_the_document(self):
		dkb, isi = self.siap()
		with sebagai(KABID["XLA"]):
			berkas = frappe.get_doc(
				{
					"doctype": "File",
					"file_name": "isian.xlsx",
					"attached_to_doctype": DKB,
					"attached_to_name": dkb.name,
					"is_private": 1,
					"content": ubah(isi, sel("F2", 12)),
				}
			).insert()
			hasil = impor(DKB, dkb.name, file_url=berkas.file_url)
		self.assertTrue(hasil["berhasil"], hasil["kesalahan"])
		self.assertEqual(frappe.get_doc(DKB, dkb.name).baris[0].realisasi, "12")

	def test_import_endpoint_refuses_a_file_of_another_document(self):
		kke = self.kertas_kerja()
		a, b = self.dkb(kke, "XLA"), self.dkb(kke, "XLB")
		berkas = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "lain.xlsx",
				"attached_to_doctype": DKB,
				"attached_to_name": b.name,
				"is_private": 1,
				"content": self.unduh_sebagai(SUBKOR, DKB, b.name),
			}
		).insert(ignore_permissions=True)
		with sebagai(KABID["XLA"]), self.assertRaises(frappe.ValidationError) as ctx:
			impor(DKB, a.name, file_url=berkas.file_url)
		self.assertIn("tidak terlampir pada", str(ctx.exception))

	def test_a_text_file_named_xlsx_is_refused_on_every_route(self):
		dkb, _isi = self.siap()
		kabid = KABID["XLA"]
		pesan = "rusak atau bukan .xlsx"
		self.assertRuteMenolak(kabid, DKB, dkb.name, pesan, berkas=(self.TEKS.encode(), "isian.xlsx"))
		for is_private in (1, 0):
			berkas = self.lampirkan(kabid, DKB, dkb.name, self.TEKS, f"teks-{is_private}.xlsx", is_private)
			self.assertIsInstance(berkas.get_content(), str, "Frappe reads such a file back as str")
			self.assertRuteMenolak(kabid, DKB, dkb.name, pesan, file_url=berkas.file_url)
		# A file that is not UTF-8 text either (get_content() gives bytes): the same refusal.
		acak = self.lampirkan(kabid, DKB, dkb.name, b"\xff\xfe\x00biner", "biner.xlsx")
		self.assertRuteMenolak(kabid, DKB, dkb.name, pesan, file_url=acak.file_url)

	def test_a_text_file_named_xlsx_is_refused_on_the_whole_agency_paper(self):
		kke = self.kertas_kerja()
		berkas = self.lampirkan(SUBKOR, KKE, kke.name, self.TEKS)
		self.assertRuteMenolak(SUBKOR, KKE, kke.name, "rusak atau bukan .xlsx", file_url=berkas.file_url)
		self.assertRuteMenolak(
			SUBKOR, KKE, kke.name, "rusak atau bukan .xlsx", berkas=(self.TEKS.encode(), "isian.xlsx")
		)

	def test_a_file_attached_elsewhere_or_nowhere_is_refused(self):
		kke = self.kertas_kerja()
		a, b = self.dkb(kke, "XLA"), self.dkb(kke, "XLB")
		kabid = KABID["XLA"]
		isi_a = ubah(self.unduh_sebagai(kabid, DKB, a.name), sel("F2", 77))
		lain = [
			# a valid workbook of this very document, attached to another bidang's document that the
			# Kabid may not read, ...
			self.lampirkan(SUBKOR, DKB, b.name, isi_a, "bidang-lain.xlsx").file_url,
			# ... to the evaluation, which they may read, ...
			self.lampirkan(SUBKOR, "Evaluasi Kinerja Internal", kke.evaluasi, isi_a, "eki.xlsx").file_url,
			# ... to nothing, private to the Subkoordinator, ...
			self.lampirkan(SUBKOR, None, None, isi_a, "pribadi.xlsx").file_url,
			# ... and a file that does not exist.
			"/private/files/tidak-ada-berkas-ini.xlsx",
		]
		for file_url in lain:
			self.assertRuteGagal(kabid, DKB, a.name, "tidak terlampir pada", file_url)
		self.assertNotEqual(frappe.get_doc(DKB, a.name).baris[0].realisasi, "77")

	def test_an_attached_file_without_content_on_the_server_is_refused(self):
		dkb, isi = self.siap()
		berkas = self.lampirkan(KABID["XLA"], DKB, dkb.name, ubah(isi, sel("F2", 5)), "hilang.xlsx")
		os.remove(berkas.get_full_path())
		self.assertRuteGagal(KABID["XLA"], DKB, dkb.name, "tidak ditemukan di server", berkas.file_url)

	def test_an_attached_link_to_another_site_is_refused(self):
		dkb, _isi = self.siap()
		berkas = frappe.get_doc(
			{
				"doctype": "File",
				"file_url": "https://contoh.invalid/kertas_kerja.xlsx",
				"attached_to_doctype": DKB,
				"attached_to_name": dkb.name,
			}
		).insert(ignore_permissions=True)
		self.assertRuteGagal(KABID["XLA"], DKB, dkb.name, "bukan berkas yang tersimpan", berkas.file_url)

	def test_the_import_without_a_file_or_document_says_so(self):
		dkb, _isi = self.siap()
		kabid = KABID["XLA"]
		self.assertRuteGagal(kabid, DKB, dkb.name, "Pilih berkas kertas kerja")
		self.assertRuteGagal(
			kabid, DKB, "DKB-TIDAK-ADA", "tidak ditemukan", exc=frappe.DoesNotExistError, status=404
		)
		self.assertRuteGagal(kabid, "ToDo", dkb.name, "hanya tersedia untuk Data Kinerja Bidang")

	def test_the_rest_upload_imports_a_valid_workbook_and_refuses_another_bidang(self):
		kke = self.kertas_kerja()
		a, b = self.dkb(kke, "XLA"), self.dkb(kke, "XLB")
		isi = ubah(self.unduh_sebagai(KABID["XLA"], DKB, a.name), sel("F2", 41))
		sebelum = self.potret()
		jawaban = self.rest_impor(KABID["XLB"], DKB, a.name, berkas=(isi, NAMA_FILE))
		self.assertEqual(jawaban.status, 403, jawaban)
		self.assertIn("tidak berhak membuka", jawaban.pesan)
		self.assertEqual(self.potret(), sebelum)

		jawaban = self.rest_impor(KABID["XLA"], DKB, a.name, berkas=(isi, NAMA_FILE))
		self.assertEqual(jawaban.status, 200, jawaban)
		self.assertTrue(jawaban.hasil["berhasil"], jawaban.hasil)
		self.assertEqual(frappe.get_doc(DKB, a.name).baris[0].realisasi, "41")
		self.assertNotEqual(frappe.get_doc(DKB, b.name).baris[0].realisasi, "41")

	def test_the_signing_key_comes_from_the_site(self):
		dkb, isi = self.siap()
		self.assertEqual(len(rahasia()), 32)
		hasil = baca_workbook(isi, NAMA_FILE, _harapan(dkb), rahasia(), batas_ukuran())
		self.assertTrue(hasil.berhasil, hasil.kesalahan)

	def test_rekap_capaian_kinerja_is_scoped_to_the_kabids_bidang(self):
		kke = self.kertas_kerja()
		self.ajukan(self.dkb(kke, "XLA"), "XLA", ("33", "6,5"))
		self.ajukan(self.dkb(kke, "XLB"), "XLB", ("20",))
		periode = {"tahun": TAHUN_UJI, "triwulan": "III"}

		with sebagai(SUBKOR):
			kolom, data, _pesan, grafik, _ringkasan = rekap_capaian_kinerja.execute(periode)
		self.assertEqual(
			{r["bidang"] for r in data}, {self.bidang["XLA"], self.bidang["XLB"], self.bidang["XLC"]}
		)
		self.assertEqual(
			grafik["data"]["labels"], ["XLA", "XLB", "XLC"], "the bidang codes: short on a phone"
		)
		aduan = next(r for r in data if r["indikator"] == "Jumlah aduan")
		self.assertEqual(
			(aduan["realisasi"], aduan["capaian"], aduan["predikat"]), (6.5, 118.75, "Sangat Tinggi")
		)
		self.assertEqual(
			aduan["rumus"],
			"Capaian = (2 × Target s.d. TW III − Realisasi s.d. TW III) ÷ Target s.d. TW III × 100"
			" = (2 × 8 − 6,5) ÷ 8 × 100 = 118,75 %",
		)
		kepuasan = next(r for r in data if r["indikator"] == "Indeks kepuasan")
		self.assertEqual((kepuasan["realisasi"], kepuasan["capaian"], kepuasan["predikat"]), (None, None, ""))
		# Mean capaian of A: 33/60 → 55 and 118.75 → 86.88; B: 20/75 → 26.67; C: nothing computed.
		self.assertEqual(grafik["data"]["datasets"][0]["values"], [86.88, 26.67, 0])
		self.assertIn("capaian", [k["fieldname"] for k in kolom])

		with sebagai(KABID["XLA"]):
			_k, data, *_ = rekap_capaian_kinerja.execute(periode)
			self.assertEqual({r["bidang"] for r in data}, {self.bidang["XLA"]})
			_k, data, *_ = rekap_capaian_kinerja.execute({**periode, "bidang": self.bidang["XLB"]})
			self.assertEqual(data, [], "another bidang stays hidden even when asked for")
		with sebagai(SUBKOR):
			_k, data, *_ = rekap_capaian_kinerja.execute({**periode, "bidang": self.bidang["XLB"]})
		self.assertEqual([r["indikator"] for r in data], ["Persentase irigasi baik"])
		with sebagai(SUBKOR):
			_k, data, *_ = rekap_capaian_kinerja.execute({"tahun": TAHUN_UJI, "triwulan": "I"})
		self.assertEqual(data, [])
