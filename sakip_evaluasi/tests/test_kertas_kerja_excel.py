"""The Excel work paper on a real site: download from a Data Kinerja Bidang or a Kertas Kerja
Evaluasi, fill with openpyxl as a Kepala Bidang would, upload, and every refused input and every
permission rule, each checked to leave the database as it was."""

import json
import os
import zipfile
from decimal import Decimal
from io import BytesIO
from unittest.mock import patch

import frappe
from openpyxl import Workbook, load_workbook

from sakip_evaluasi.api.kertas_kerja import impor
from sakip_evaluasi.aturan.kertas_kerja import (
	batas_ukuran,
	buat_kertas_kerja,
	impor_kertas_kerja,
	lembar_dkb,
	sampul_dokumen,
	teks_realisasi,
)
from sakip_evaluasi.domain.doctype import DKB, KKE
from sakip_evaluasi.domain.kertas_kerja import HarapanImpor, buat_workbook, urai_angka
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import SEKRETARIS, SUBKOR, TAHUN_UJI, SakipTestCase, aksi, sebagai
from sakip_evaluasi.tests.rest import rest

KABID = {"XLA": "kabid.xla@test.sakip", "XLB": "kabid.xlb@test.sakip", "XLC": "kabid.xlc@test.sakip"}
NAMA_FILE = "kertas_kerja.xlsx"


class KertasKerjaExcelDasar(SakipTestCase):
	"""Users, bidang, indicators and a distributed TW III paper are built once for the class;
	every test rolls back to the savepoint SakipTestCase takes before it."""

	TEKS = "No,Indikator,Realisasi\n1,Persentase jalan mantap,50\n"  # UTF-8 text, named .xlsx
	METODE_IMPOR = "/api/method/sakip_evaluasi.api.kertas_kerja.impor"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.bidang = pabrik.siapkan_bidang(KABID, "Bidang Excel")
		cls.indikator = [
			pabrik.buat_indikator(cls.bidang["XLA"], "Persentase jalan mantap", (10, 20, 30, 40)),
			pabrik.buat_indikator(
				cls.bidang["XLA"], "Jumlah aduan", (8, 8, 8, 8), "Negatif", akumulasi="Tetap"
			),
			pabrik.buat_indikator(cls.bidang["XLB"], "Persentase irigasi baik", (25, 25, 25, 25)),
			pabrik.buat_indikator(
				cls.bidang["XLC"], "Indeks kepuasan", (70, 72, 75, 80), akumulasi="Nilai Akhir"
			),
		]
		cls.kke_tw3 = pabrik.siapkan_kertas_kerja("III", "Didistribusikan").name

	def kertas_kerja(self, triwulan="III", sampai="Didistribusikan"):
		if (triwulan, sampai) == ("III", "Didistribusikan"):
			return frappe.get_doc(KKE, self.kke_tw3)
		return pabrik.siapkan_kertas_kerja(triwulan, sampai)

	def dkb(self, kke, kode) -> "frappe.model.document.Document":
		return frappe.get_doc(DKB, {"evaluasi": kke.evaluasi, "bidang": self.bidang[kode]})

	def ajukan(self, doc, kode, realisasi=("50",)):
		"""Fill every realisasi in the form and submit, as the bidang's Kepala Bidang."""
		with sebagai(KABID[kode]):
			doc = frappe.get_doc(DKB, doc.name)
			for row, nilai in zip(doc.baris, list(realisasi) * len(doc.baris), strict=False):
				row.realisasi = nilai
			doc.save()
		return aksi(doc, "Ajukan", KABID[kode])

	def unduh_sebagai(self, user, doctype, name) -> bytes:
		with sebagai(user):
			return buat_kertas_kerja(doctype, name)[1]

	def impor_sebagai(self, user, doctype, name, isi, nama_file=NAMA_FILE) -> dict:
		with sebagai(user):
			return impor_kertas_kerja(doctype, name, isi, nama_file)

	def potret(self):
		return (
			frappe.get_all(
				"Baris Data Kinerja",
				fields=["name", "realisasi", "kendala", "upaya", "capaian", "predikat", "modified"],
				order_by="name",
			),
			frappe.get_all(DKB, fields=["name", "modified", "workflow_state"], order_by="name"),
			frappe.get_all(
				"Baris Kertas Kerja", fields=["name", "realisasi", "catatan", "modified"], order_by="name"
			),
			frappe.db.count("Comment", {"reference_doctype": DKB}),
			frappe.db.count("Version", {"ref_doctype": DKB}),
		)

	def assertDitolak(self, user, doctype, name, isi, potongan, nama_file=NAMA_FILE):
		"""The import returns an error containing ``potongan`` and the database is unchanged."""
		sebelum = self.potret()
		hasil = self.impor_sebagai(user, doctype, name, isi, nama_file)
		self.assertFalse(hasil["berhasil"], hasil)
		self.assertEqual(hasil["perubahan"], [])
		self.assertIn("Tidak ada data yang diubah", hasil["pesan"])
		pesan = [k["pesan"] for k in hasil["kesalahan"]]
		self.assertTrue(any(potongan in p for p in pesan), pesan)
		self.assertEqual(self.potret(), sebelum, "a refused import must not change the database")
		return hasil["kesalahan"]

	def assertTidakBoleh(self, user, doctype, name, isi, potongan):
		"""The import is refused with a PermissionError before reading the file; nothing changes."""
		sebelum = self.potret()
		with self.assertRaises(frappe.PermissionError) as ctx:
			self.impor_sebagai(user, doctype, name, isi)
		self.assertIn(potongan, str(ctx.exception))
		self.assertEqual(self.potret(), sebelum)

	def siap(self):
		dkb = self.dkb(self.kertas_kerja(), "XLA")
		return dkb, self.unduh_sebagai(KABID["XLA"], DKB, dkb.name)

	def lampirkan(self, user, doctype, name, isi, nama_file="isian.xlsx", is_private=1):
		"""A File attached to a document, as the desk's Attach does for ``user``."""
		with sebagai(user):
			return frappe.get_doc(
				{
					"doctype": "File",
					"file_name": nama_file,
					"attached_to_doctype": doctype,
					"attached_to_name": name,
					"is_private": is_private,
					"content": isi,
				}
			).insert(ignore_permissions=user == "Administrator")

	def rest_impor(self, user, doctype, name, file_url=None, berkas=None):
		form = {"doctype": doctype, "docname": name}
		if berkas is not None:
			return rest(user, "POST", self.METODE_IMPOR, form=form, berkas={"file": berkas})
		return rest(user, "POST", self.METODE_IMPOR, json_data={**form, "file_url": file_url})

	def assertRuteMenolak(self, user, doctype, name, potongan, file_url=None, berkas=None):
		"""Both the document API and REST refuse the file with ``potongan`` in the result (HTTP 200,
		``berhasil`` false, as the upload answers every problem with the file), and nothing changes."""
		sebelum = self.potret()
		if berkas is not None:
			with sebagai(user):
				hasil = impor_kertas_kerja(doctype, name, berkas[0], berkas[1])
		else:
			with sebagai(user):
				hasil = impor(doctype, name, file_url=file_url)
		jawaban = self.rest_impor(user, doctype, name, file_url, berkas)
		self.assertEqual(jawaban.status, 200, jawaban)
		for h in (hasil, jawaban.hasil):
			self.assertFalse(h["berhasil"], h)
			self.assertIn("Tidak ada data yang diubah", h["pesan"])
			self.assertTrue(any(potongan in k["pesan"] for k in h["kesalahan"]), h["kesalahan"])
		self.assertEqual(self.potret(), sebelum)

	def assertRuteGagal(
		self, user, doctype, name, potongan, file_url=None, exc=frappe.ValidationError, status=417
	):
		"""The document API raises ``exc`` and REST answers ``status`` (never 500), both with
		``potongan`` in Bahasa Indonesia, and nothing changes."""
		sebelum = self.potret()
		with sebagai(user), self.assertRaises(exc) as ctx:
			impor(doctype, name, file_url=file_url)
		self.assertIn(potongan, str(ctx.exception))
		jawaban = self.rest_impor(user, doctype, name, file_url)
		self.assertEqual(jawaban.status, status, jawaban)
		self.assertIn(potongan, jawaban.pesan)
		self.assertEqual(self.potret(), sebelum)


class TestKertasKerjaExcel(KertasKerjaExcelDasar):
	"""Export, import and their refusals."""

	def test_round_trip_on_a_data_kinerja_bidang(self):
		dkb = self.dkb(self.kertas_kerja(), "XLA")
		isi = self.unduh_sebagai(KABID["XLA"], DKB, dkb.name)

		wb = load_workbook(BytesIO(isi))
		self.assertEqual(wb.sheetnames, ["Sampul", "XLA", "_meta"])
		ws = wb["XLA"]
		kunci = {ws.cell(r, 9).value: r for r in range(2, ws.max_row + 1)}
		self.assertEqual(set(kunci), {r.name for r in dkb.baris})
		jalan = next(r for r in dkb.baris if r.indikator == self.indikator[0])
		aduan = next(r for r in dkb.baris if r.indikator == self.indikator[1])
		self.assertEqual(ws.cell(kunci[jalan.name], 5).value, 30)  # Target TW III

		def isi_kabid(wb):
			ws = wb["XLA"]
			ws.cell(kunci[jalan.name], 6).value = 27.5  # typed as a number
			ws.cell(kunci[jalan.name], 7).value = "Hujan deras"
			ws.cell(kunci[aduan.name], 6).value = "6,5"  # typed as Indonesian text
			ws.cell(kunci[aduan.name], 8).value = "Layanan daring"

		terisi = ubah(isi, isi_kabid)
		hasil = self.impor_sebagai(KABID["XLA"], DKB, dkb.name, terisi)
		self.assertTrue(hasil["berhasil"], hasil["kesalahan"])
		self.assertEqual(hasil["dokumen"], [dkb.name])
		self.assertEqual(len(hasil["perubahan"]), 4)
		self.assertIn("4 isian pada 2 indikator", hasil["pesan"])

		dkb = frappe.get_doc(DKB, dkb.name)
		jalan = dkb.getone("baris", {"name": jalan.name})
		aduan = dkb.getone("baris", {"name": aduan.name})
		self.assertEqual((jalan.realisasi, jalan.kendala, jalan.upaya), ("27,5", "Hujan deras", None))
		self.assertEqual((aduan.realisasi, aduan.upaya), ("6,5", "Layanan daring"))
		# Capaian recomputed by the controller: no earlier quarter filled, so 27.5 of the Kumulatif
		# target 10+20+30 = 60; Negatif Tetap (2·8 − 6.5) / 8.
		self.assertEqual(
			(jalan.realisasi_sd_tw, jalan.capaian, jalan.predikat), (27.5, 45.83, "Sangat Rendah")
		)
		self.assertEqual((aduan.capaian, aduan.predikat), (118.75, "Sangat Tinggi"))
		ringkas = {(p["indikator"], p["kolom"]): p for p in hasil["perubahan"]}
		self.assertEqual(ringkas[("Jumlah aduan", "Realisasi")]["baru"], "6,5")
		self.assertEqual(ringkas[("Jumlah aduan", "Realisasi")]["predikat"], "Sangat Tinggi")
		self.assertTrue(
			frappe.db.exists(
				"Comment", {"reference_doctype": DKB, "reference_name": dkb.name, "comment_type": "Info"}
			)
		)

		# The same file again: nothing changes, not even ``modified``.
		sebelum = self.potret()
		lagi = self.impor_sebagai(KABID["XLA"], DKB, dkb.name, terisi)
		self.assertTrue(lagi["berhasil"])
		self.assertEqual((lagi["perubahan"], lagi["dokumen"]), ([], []))
		self.assertIn("Tidak ada perubahan", lagi["pesan"])
		self.assertEqual(self.potret(), sebelum)

		# A fresh export carries the stored values, so importing it untouched changes nothing either.
		segar = self.unduh_sebagai(KABID["XLA"], DKB, dkb.name)
		self.assertEqual(self.impor_sebagai(KABID["XLA"], DKB, dkb.name, segar)["perubahan"], [])

	def test_a_cleared_cell_clears_the_document(self):
		dkb = self.dkb(self.kertas_kerja(), "XLA")
		with sebagai(KABID["XLA"]):
			dkb.baris[0].realisasi = "1.234,5"
			dkb.baris[0].kendala = "Anggaran"
			dkb.save()
		isi = self.unduh_sebagai(KABID["XLA"], DKB, dkb.name)
		self.assertEqual(load_workbook(BytesIO(isi))["XLA"]["F2"].value, 1234.5)

		def kosongkan(wb):
			wb["XLA"]["F2"] = None
			wb["XLA"]["G2"] = None

		hasil = self.impor_sebagai(KABID["XLA"], DKB, dkb.name, ubah(isi, kosongkan))
		self.assertTrue(hasil["berhasil"], hasil["kesalahan"])
		row = frappe.get_doc(DKB, dkb.name).baris[0]
		self.assertEqual((row.realisasi, row.kendala, row.predikat), (None, "", ""))

	def test_stored_realisasi_text_reads_back_exactly(self):
		for teks in ("0", "1,2340", "-1,5", "1234,5", "0,125", "1234567", "12,3456", "100"):
			angka = urai_angka(teks)
			self.assertEqual(urai_angka(teks_realisasi(angka)), angka, teks)
		self.assertEqual(teks_realisasi(Decimal("1234")), "1234")
		self.assertEqual(teks_realisasi(Decimal("1.234")), "1,2340")
		self.assertEqual(teks_realisasi(Decimal("-12.5")), "-12,5")
		self.assertIsNone(teks_realisasi(None))

	def test_the_whole_agency_workbook_writes_into_the_bidang_documents(self):
		kke = self.kertas_kerja("II", sampai="Disetujui")
		# Exported before distribution: keyed by the Kertas Kerja rows, so it still fits afterwards.
		isi = self.unduh_sebagai(SUBKOR, KKE, kke.name)
		wb = load_workbook(BytesIO(isi))
		self.assertEqual(wb.sheetnames, ["Sampul", "XLA", "XLB", "XLC", "_meta"])
		self.assertEqual(
			{wb["XLA"].cell(r, 9).value for r in (2, 3)},
			{r.name for r in kke.baris if r.bidang == self.bidang["XLA"]},
		)
		kke = aksi(kke, "Distribusikan", SUBKOR)
		a = self.ajukan(self.dkb(kke, "XLA"), "XLA", ("50", "7"))
		self.assertEqual(a.workflow_state, "Diajukan")

		def koreksi(wb):  # the Subkoordinator corrects bidang A's submitted figures
			wb["XLA"]["F2"] = 55
			wb["XLA"]["F3"] = 6.5

		hasil = self.impor_sebagai(SUBKOR, KKE, kke.name, ubah(isi, koreksi))
		self.assertTrue(hasil["berhasil"], hasil["kesalahan"])
		self.assertEqual(hasil["dokumen"], [a.name])
		a = frappe.get_doc(DKB, a.name)
		self.assertEqual(sorted(r.realisasi for r in a.baris), ["55", "6,5"])
		self.assertEqual(a.workflow_state, "Diajukan")
		self.assertFalse(
			any(r.realisasi for r in frappe.get_doc(KKE, kke.name).baris), "paper rows untouched"
		)

	def test_the_whole_agency_workbook_cannot_change_a_bidang_still_filling_its_data(self):
		kke = self.kertas_kerja()
		a = self.ajukan(self.dkb(kke, "XLA"), "XLA")
		isi = self.unduh_sebagai(SUBKOR, KKE, kke.name)

		def dua_bidang(wb):
			wb["XLA"]["F2"] = 60  # A is Diajukan: the Subkor may edit it
			wb["XLB"]["F2"] = 20  # B is still Draft: only its Kepala Bidang may

		(k,) = self.assertDitolak(
			SUBKOR, KKE, kke.name, ubah(isi, dua_bidang), "hanya dapat diubah oleh peran Kepala Bidang"
		)
		self.assertEqual(k["lembar"], "XLB")
		self.assertEqual(frappe.get_doc(DKB, a.name).baris[0].realisasi, "50")

	def test_the_whole_agency_workbook_is_imported_only_while_distributed(self):
		kke = self.kertas_kerja("II", sampai="Disetujui")
		isi = self.unduh_sebagai(SUBKOR, KKE, kke.name)
		self.assertTidakBoleh(
			SUBKOR, KKE, kke.name, isi, "hanya dapat diimpor saat berstatus Didistribusikan"
		)

	def test_an_error_while_saving_undoes_every_document_of_the_import(self):
		kke = self.kertas_kerja()
		a = self.ajukan(self.dkb(kke, "XLA"), "XLA")
		b = self.ajukan(self.dkb(kke, "XLB"), "XLB")
		isi = self.unduh_sebagai(SUBKOR, KKE, kke.name)

		def dua_bidang(wb):
			wb["XLA"]["F2"] = 60
			wb["XLB"]["F2"] = 20

		from sakip_evaluasi.sakip_evaluasi.doctype.data_kinerja_bidang.data_kinerja_bidang import (
			DataKinerjaBidang,
		)

		asli = DataKinerjaBidang.validasi_isi

		def gagal_untuk_b(doc):
			if doc.name == b.name:
				frappe.throw("Gagal menyimpan bidang B")
			return asli(doc)

		sebelum = self.potret()
		with patch.object(DataKinerjaBidang, "validasi_isi", gagal_untuk_b):
			hasil = self.impor_sebagai(SUBKOR, KKE, kke.name, ubah(isi, dua_bidang))
		self.assertFalse(hasil["berhasil"])
		self.assertIn("Gagal menyimpan bidang B", hasil["kesalahan"][0]["pesan"])
		self.assertEqual(self.potret(), sebelum, "bidang A's save is undone too")
		self.assertEqual(frappe.get_doc(DKB, a.name).baris[0].realisasi, "50")

	def test_refuses_text_in_a_number_cell(self):
		dkb, isi = self.siap()
		(k,) = self.assertDitolak(
			KABID["XLA"], DKB, dkb.name, ubah(isi, sel("F2", "lima puluh")), "'lima puluh' bukan angka"
		)
		self.assertEqual((k["lembar"], k["baris"], k["kolom"]), ("XLA", 2, "Realisasi"))

	def test_refuses_formulas(self):
		dkb, isi = self.siap()
		(k,) = self.assertDitolak(KABID["XLA"], DKB, dkb.name, ubah(isi, sel("F2", "=10*3")), "berisi rumus")
		self.assertEqual((k["lembar"], k["baris"]), ("XLA", 2))

	def test_refuses_a_workbook_for_another_bidang(self):
		kke = self.kertas_kerja()
		a, b = self.dkb(kke, "XLA"), self.dkb(kke, "XLB")
		isi_b = self.unduh_sebagai(SUBKOR, DKB, b.name)
		self.assertDitolak(
			KABID["XLA"], DKB, a.name, isi_b, f"Berkas ini untuk dokumen Data Kinerja Bidang '{b.name}'"
		)

	def test_refuses_a_workbook_for_another_period(self):
		tw3 = self.dkb(self.kertas_kerja("III"), "XLA")
		tw4 = self.dkb(self.kertas_kerja("IV"), "XLA")
		isi_tw4 = self.unduh_sebagai(KABID["XLA"], DKB, tw4.name)
		self.assertDitolak(
			KABID["XLA"],
			DKB,
			tw3.name,
			isi_tw4,
			f"Berkas ini untuk periode Triwulan IV {TAHUN_UJI}, sedangkan dokumen untuk periode Triwulan III {TAHUN_UJI}",
		)

	def test_refuses_a_workbook_for_another_document(self):
		kke = self.kertas_kerja()
		dkb = self.dkb(kke, "XLA")
		isi_kke = self.unduh_sebagai(SUBKOR, KKE, kke.name)
		self.assertDitolak(
			KABID["XLA"],
			DKB,
			dkb.name,
			isi_kke,
			f"Berkas ini untuk dokumen Kertas Kerja Evaluasi '{kke.name}'",
		)

	def test_refuses_a_workbook_signed_by_another_site(self):
		dkb, _isi = self.siap()
		dkb = frappe.get_doc(DKB, dkb.name)
		with sebagai(KABID["XLA"]):
			asing = buat_workbook(
				sampul_dokumen(DKB, dkb, None), lembar_dkb(dkb, dkb.baris), b"kunci-situs-lain"
			)
		self.assertDitolak(KABID["XLA"], DKB, dkb.name, asing, "Tanda tangan kertas kerja tidak cocok")

	def test_refuses_an_unknown_row_key(self):
		dkb, isi = self.siap()
		kesalahan = self.assertDitolak(
			KABID["XLA"], DKB, dkb.name, ubah(isi, sel("I3", "baris-asing")), "'baris-asing' tidak dikenal"
		)
		k = next(k for k in kesalahan if "baris-asing" in k["pesan"])
		self.assertEqual((k["lembar"], k["baris"]), ("XLA", 3))
		self.assertTrue(
			any("jangan menghapus baris" in k["pesan"] for k in kesalahan), "its own row is missing"
		)

	def test_refuses_a_duplicated_row_key(self):
		dkb, isi = self.siap()
		kunci = load_workbook(BytesIO(isi))["XLA"]["I2"].value
		self.assertDitolak(
			KABID["XLA"], DKB, dkb.name, ubah(isi, sel("I3", kunci)), "muncul lebih dari sekali"
		)

	def test_refuses_a_missing_row_key(self):
		dkb, isi = self.siap()
		self.assertDitolak(
			KABID["XLA"],
			DKB,
			dkb.name,
			ubah(isi, lambda wb: wb["XLA"].delete_rows(3)),
			"tidak ada di lembar; jangan menghapus baris",
		)

	def test_refuses_a_changed_target(self):
		dkb, isi = self.siap()
		(k, *_tanda) = self.assertDitolak(
			KABID["XLA"], DKB, dkb.name, ubah(isi, sel("E2", 25)), "Kolom terkunci Target berbeda"
		)
		self.assertEqual((k["baris"], k["kolom"]), (2, "Target"))

	def test_refuses_a_changed_indicator(self):
		dkb, isi = self.siap()
		self.assertDitolak(
			KABID["XLA"],
			DKB,
			dkb.name,
			ubah(isi, sel("B2", "Indikator lain")),
			"Kolom terkunci Indikator berbeda",
		)

	def test_refuses_a_target_changed_in_the_document_after_export(self):
		dkb, isi = self.siap()
		frappe.db.set_value("Baris Data Kinerja", dkb.baris[0].name, "target_tw", 99)
		self.assertDitolak(KABID["XLA"], DKB, dkb.name, isi, "unduh ulang kertas kerja")

	def test_refuses_another_template_version(self):
		dkb, isi = self.siap()
		self.assertDitolak(
			KABID["XLA"], DKB, dkb.name, ubah(isi, meta_versi("0")), "Versi templat berkas (0) tidak sesuai"
		)

	def test_refuses_macro_workbooks(self):
		dkb, isi = self.siap()
		self.assertDitolak(KABID["XLA"], DKB, dkb.name, isi, "Jenis berkas tidak didukung", "kertas.xlsm")
		makro = tambah_zip(isi, {"xl/vbaProject.bin": b"\x00" * 64})
		self.assertDitolak(KABID["XLA"], DKB, dkb.name, makro, "berisi makro (VBA)")

	def test_refuses_a_password_protected_file(self):
		dkb, _isi = self.siap()
		ole2 = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 4096
		self.assertDitolak(KABID["XLA"], DKB, dkb.name, ole2, "dilindungi kata sandi")

	def test_refuses_a_corrupt_file(self):
		dkb, isi = self.siap()
		self.assertDitolak(KABID["XLA"], DKB, dkb.name, isi[: len(isi) // 2], "rusak")

	def test_refuses_empty_files(self):
		dkb, _isi = self.siap()
		self.assertDitolak(KABID["XLA"], DKB, dkb.name, b"", "Berkas kosong (0 bita)")
		keluaran = BytesIO()
		Workbook().save(keluaran)
		self.assertDitolak(KABID["XLA"], DKB, dkb.name, keluaran.getvalue(), "Berkas kosong: tidak ada isian")

	def test_refuses_a_file_over_the_limit_in_pengaturan(self):
		dkb, isi = self.siap()
		self.assertEqual(batas_ukuran(), 5 * 1024 * 1024, "default 5 MB")
		frappe.db.set_single_value("Pengaturan SAKIP", "batas_ukuran_unggah_mb", 1)
		# the per-connection value cache survives the savepoint rollback after the test
		self.addCleanup(frappe.db.value_cache.pop, "Pengaturan SAKIP", None)
		self.assertEqual(batas_ukuran(), 1024 * 1024)
		besar = tambah_zip(isi, {"xl/media/foto.bin": os.urandom(1_200_000)})
		self.assertDitolak(KABID["XLA"], DKB, dkb.name, besar, "melebihi batas 1,0 MB")

	def test_refuses_a_zip_bomb(self):
		dkb, isi = self.siap()
		bom = tambah_zip(isi, {"xl/media/nol.bin": b"\x00" * (4 * 1024 * 1024)})
		self.assertLess(len(bom), 1024 * 1024)
		self.assertDitolak(KABID["XLA"], DKB, dkb.name, bom, "zip bomb")

	def test_a_kabid_cannot_import_after_submitting(self):
		kke = self.kertas_kerja()
		dkb = self.ajukan(self.dkb(kke, "XLA"), "XLA")
		isi = ubah(self.unduh_sebagai(KABID["XLA"], DKB, dkb.name), sel("F2", 99))
		self.assertTidakBoleh(
			KABID["XLA"],
			DKB,
			dkb.name,
			isi,
			"berstatus Diajukan: isinya hanya dapat diubah oleh peran Subkoordinator",
		)
		# ... while the Subkoordinator, who may edit a submitted document, can.
		hasil = self.impor_sebagai(SUBKOR, DKB, dkb.name, isi)
		self.assertTrue(hasil["berhasil"], hasil["kesalahan"])
		self.assertEqual(frappe.get_doc(DKB, dkb.name).baris[0].realisasi, "99")

	def test_a_kabid_cannot_import_into_another_bidang(self):
		kke = self.kertas_kerja()
		a = self.dkb(kke, "XLA")
		isi = ubah(self.unduh_sebagai(SUBKOR, DKB, a.name), sel("F2", 99))
		self.assertTidakBoleh(KABID["XLB"], DKB, a.name, isi, "tidak berhak membuka")

	def test_a_kabid_without_a_user_permission_is_still_limited_to_their_bidang(self):
		kke = self.kertas_kerja()
		a = self.dkb(kke, "XLA")
		isi = ubah(self.unduh_sebagai(SUBKOR, DKB, a.name), sel("F2", 99))
		for name in frappe.get_all("User Permission", filters={"user": KABID["XLB"]}, pluck="name"):
			frappe.delete_doc("User Permission", name, ignore_permissions=True, force=True)
		frappe.clear_cache(user=KABID["XLB"])
		self.assertTidakBoleh(KABID["XLB"], DKB, a.name, isi, "Anda bukan Kepala Bidang Excel XLA (UJI-XLA)")

	def test_a_reader_without_write_permission_cannot_import(self):
		dkb, isi = self.siap()
		self.assertTidakBoleh(SEKRETARIS, DKB, dkb.name, ubah(isi, sel("F2", 1)), "tidak berhak mengubah")


# --- workbook helpers (as a Kabid's spreadsheet program would change the file) ---------------------


def ubah(isi: bytes, fungsi) -> bytes:
	wb = load_workbook(BytesIO(isi))
	fungsi(wb)
	keluaran = BytesIO()
	wb.save(keluaran)
	return keluaran.getvalue()


def sel(alamat: str, nilai, lembar: str = "XLA"):
	def tulis(wb):
		wb[lembar][alamat] = nilai

	return tulis


def meta_versi(versi: str):
	def tulis(wb):
		ws = wb["_meta"]
		meta = json.loads("".join(s.value[1:] for (s,) in ws.iter_rows(max_col=1) if s.value))
		meta["versi"] = versi
		teks = json.dumps(meta)
		ws.delete_rows(1, ws.max_row)
		for awal in range(0, len(teks), 16000):
			ws.append(["~" + teks[awal : awal + 16000]])

	return tulis


def tambah_zip(isi: bytes, bagian: dict[str, bytes]) -> bytes:
	keluaran = BytesIO(isi)
	with zipfile.ZipFile(keluaran, "a", zipfile.ZIP_DEFLATED) as zf:
		for nama, data in bagian.items():
			zf.writestr(nama, data)
	return keluaran.getvalue()


def _harapan(dkb):
	dkb = frappe.get_doc(DKB, dkb.name)
	return HarapanImpor(DKB, dkb.name, TAHUN_UJI, 3, lembar_dkb(dkb, dkb.baris))
