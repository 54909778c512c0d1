"""What each user may change in a Data Kinerja Bidang, tried as the real roles through every route
(document API, desk form, REST, RPC, the Excel import): the indicator rows are the work paper's, the
reason for a return is the returner's and kept, and a save records only what it changed."""

import json

import frappe
import frappe.api.v1
import frappe.client

from sakip_evaluasi.api.alur_kerja import aturan_isian
from sakip_evaluasi.aturan.kertas_kerja import buat_kertas_kerja, impor_kertas_kerja
from sakip_evaluasi.domain.doctype import DKB
from sakip_evaluasi.patches import isi_riwayat_pengembalian
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import JALUR_SIMPAN, SEKRETARIS, SUBKOR, UjiIsian, aksi, sebagai
from sakip_evaluasi.tests.test_kertas_kerja_excel import sel, ubah

KABID = {"IGA": "kabid.iga@test.sakip", "IGB": "kabid.igb@test.sakip"}
ADMIN_SISTEM = "sysman.ig@test.sakip"
# "komponen": the component values of a computed indicator (its realisasi is computed from them)
KOLOM_KABID = ["bukti_dukung", "kendala", "komponen", "realisasi", "upaya"]
TERHITUNG = ("realisasi_sd_tw", "capaian", "predikat", "rumus")


class TestDataKinerjaBidang(UjiIsian):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.buat_pejabat()
		pabrik.buat_user(ADMIN_SISTEM, "System Manager")
		cls.bidang = pabrik.buat_bidang_berkepala(KABID, "Bidang Integritas")
		pabrik.buat_indikator(cls.bidang["IGA"], "Persentase jalan mantap", (10, 20, 30, 40))
		pabrik.buat_indikator(cls.bidang["IGA"], "Jumlah aduan", (8, 8, 8, 8), "Negatif", akumulasi="Tetap")
		pabrik.buat_indikator(cls.bidang["IGA"], "Indeks kepuasan", (70, 72, 75, 80), akumulasi="Rata-rata")
		pabrik.buat_indikator(cls.bidang["IGB"], "Persentase irigasi baik", (25, 25, 25, 25))
		cls.kke = pabrik.siapkan_kertas_kerja("III", "Didistribusikan").name
		cls.dkb = frappe.db.get_value(DKB, {"kertas_kerja": cls.kke, "bidang": cls.bidang["IGA"]})
		cls.dkb_lain = frappe.db.get_value(DKB, {"kertas_kerja": cls.kke, "bidang": cls.bidang["IGB"]})
		with sebagai(KABID["IGA"]):
			doc = frappe.get_doc(DKB, cls.dkb)
			for row, nilai in zip(doc.baris, ("25,5", "6", "73,25"), strict=True):
				row.realisasi = nilai
			doc.save()

	def baris(self, name=None) -> list[dict]:
		return frappe.get_all(
			"Baris Data Kinerja",
			filters={"parent": name or self.dkb, "parenttype": DKB},
			fields=["name", "idx", "indikator", "realisasi", *TERHITUNG, "target_tw", "kendala"],
			order_by="idx asc",
		)

	def ajukan(self):
		return aksi(frappe.get_doc(DKB, self.dkb), "Ajukan", KABID["IGA"])

	def kembalikan(self, alasan: str):
		return pabrik.kembalikan(frappe.get_doc(DKB, self.dkb), SUBKOR, alasan)

	# --- item 1: the rows are the work paper's ----------------------------------------------------

	def test_the_fixture_has_computed_rows(self):
		rows = self.baris()
		self.assertEqual(len(rows), 3)
		self.assertTrue(all(r.capaian and r.predikat for r in rows), rows)

	def test_each_row_is_computed_once_by_one_pure_function(self):
		"""The realisasi a Kabid types is parsed and computed, with every default, by one pure
		function called once per row (``domain.proyeksi.nilai_baris``)."""
		from unittest import mock

		from sakip_evaluasi.aturan import capaian_baris
		from sakip_evaluasi.domain import proyeksi

		asli = getattr(proyeksi, "nilai_baris", None)
		with (
			sebagai(KABID["IGA"]),
			mock.patch.object(capaian_baris, "nilai_baris", wraps=asli, create=True) as nilai_baris,
		):
			doc = frappe.get_doc(DKB, self.dkb)
			doc.baris[0].realisasi = "26,5"
			doc.save()
		self.assertEqual([c.args[0] for c in nilai_baris.call_args_list], ["26,5", "6", "73,25"])
		self.assertEqual(self.baris()[0].realisasi_sd_tw, 26.5)

	def test_a_kabid_cannot_delete_a_row_through_any_route(self):
		self.assertDitolakDiSemuaJalur(
			KABID["IGA"],
			DKB,
			self.dkb,
			lambda doc: doc.baris.pop(),
			"perubahan berikut tidak diizinkan",
			"baris 3 (Indeks kepuasan) tabel Baris dihapus",
			"Baris tabel Baris hanya dibuat, dihapus dan diurutkan oleh sistem.",
			"Yang dapat Anda ubah pada status ini: tabel Baris: Realisasi TW, Komponen Rumus, Kendala/Hambatan, "
			"Upaya/Solusi, Bukti Dukung; tabel Realisasi Anggaran: Realisasi TW Ini (Rp).",
			"Tidak ada data yang diubah.",
		)

	def test_a_rest_put_leaving_a_row_out_is_refused(self):
		data = pabrik.sebagai_json(frappe.get_doc(DKB, self.dkb))
		data["baris"] = data["baris"][:1]
		with sebagai(KABID["IGA"]):
			self.assertDitolak(
				lambda: pabrik.rest_put(DKB, self.dkb, data), "tabel Baris dihapus", dokumen=[(DKB, self.dkb)]
			)
		# only the rows named, partly filled, as a careless client sends them
		data = {"baris": [{"name": r.name, "realisasi": "1"} for r in self.baris()]}
		with sebagai(KABID["IGA"]):
			pesan = self.assertDitolak(
				lambda: pabrik.rest_put(DKB, self.dkb, data),
				"kolom Indikator Kinerja diubah",
				dokumen=[(DKB, self.dkb)],
			)
		self.assertIn("kolom Target TW diubah", pesan)

	def test_a_kabid_cannot_add_a_row(self):
		indikator = frappe.get_doc(DKB, self.dkb_lain).baris[0].indikator

		def tambah(doc):
			doc.append("baris", {"indikator": indikator, "realisasi": "5"})

		self.assertDitolakDiSemuaJalur(
			KABID["IGA"], DKB, self.dkb, tambah, "baris baru ditambahkan ke tabel Baris"
		)
		with sebagai(KABID["IGA"]):
			self.assertDitolak(
				lambda: frappe.client.insert(
					{
						"doctype": "Baris Data Kinerja",
						"parenttype": DKB,
						"parent": self.dkb,
						"parentfield": "baris",
						"indikator": indikator,
					}
				),
				"baris baru ditambahkan ke tabel Baris",
				dokumen=[(DKB, self.dkb)],
			)

	def test_a_kabid_cannot_swap_the_indicators_of_two_rows(self):
		def tukar(doc):
			a, b = doc.baris[0], doc.baris[1]
			for field in (
				"indikator",
				"nama_indikator",
				"target_tw",
				"target_sd_tw",
				"polaritas",
				"akumulasi",
			):
				nilai_a, nilai_b = a.get(field), b.get(field)
				a.set(field, nilai_b)
				b.set(field, nilai_a)

		self.assertDitolakDiSemuaJalur(
			KABID["IGA"],
			DKB,
			self.dkb,
			tukar,
			"baris 1 (Persentase jalan mantap) tabel Baris: kolom Indikator Kinerja diubah",
			"baris 2 (Jumlah aduan) tabel Baris: kolom Target TW diubah",
		)

	def test_a_kabid_cannot_reorder_the_rows(self):
		def balik(doc):
			doc.baris.reverse()
			for i, row in enumerate(doc.baris, 1):
				row.idx = i

		self.assertDitolakDiSemuaJalur(KABID["IGA"], DKB, self.dkb, balik, "urutan baris tabel Baris diubah")

	def test_a_row_of_another_document_cannot_be_taken_over(self):
		lain = frappe.get_doc(DKB, self.dkb_lain).baris[0]

		def rebut(doc):
			row = doc.baris[0]
			row.name = lain.name

		self.assertDitolakDiSemuaJalur(
			KABID["IGA"], DKB, self.dkb, rebut, "baris baru ditambahkan", "dihapus"
		)
		self.assertEqual(frappe.db.get_value("Baris Data Kinerja", lain.name, "parent"), self.dkb_lain)

	def test_computed_and_locked_fields_cannot_be_set(self):
		for field, nilai, label in (
			("capaian", 150, "Capaian s.d. TW (%)"),
			("predikat", "Sangat Tinggi", "Predikat"),
			("target_tw", 1, "Target TW"),
			("realisasi_sd_tw", 999, "Realisasi s.d. TW"),
		):
			with self.subTest(field=field):
				self.assertDitolakDiSemuaJalur(
					KABID["IGA"],
					DKB,
					self.dkb,
					lambda doc, field=field, nilai=nilai: doc.baris[0].set(field, nilai),
					f"baris 1 (Persentase jalan mantap) tabel Baris: kolom {label} diubah",
				)
		for field, nilai, label in (
			("batas_waktu", "2096-12-31 16:00:00", "Batas Waktu"),
			("kertas_kerja", None, "Kertas Kerja Evaluasi"),
		):
			with self.subTest(field=field), sebagai(KABID["IGA"]):
				self.assertDitolak(
					lambda field=field, nilai=nilai: frappe.client.set_value(
						DKB, self.dkb, field, nilai or ""
					),
					f"kolom {label} diubah",
					dokumen=[(DKB, self.dkb)],
				)

	def test_set_value_on_a_row_goes_through_the_document_rule(self):
		row = self.baris()[0]
		with sebagai(KABID["IGA"]):
			self.assertDitolak(
				lambda: frappe.client.set_value("Baris Data Kinerja", row.name, "target_sd_tw", 1),
				"kolom Target s.d. TW diubah",
				dokumen=[(DKB, self.dkb)],
			)
			frappe.client.set_value("Baris Data Kinerja", row.name, "kendala", "Hujan")
		self.assertEqual(frappe.db.get_value("Baris Data Kinerja", row.name, "kendala"), "Hujan")

	def test_a_row_cannot_be_written_on_its_own(self):
		row = self.baris()[0]
		pesan = "Baris Data Kinerja hanya dapat diubah melalui dokumennya (Data Kinerja Bidang"
		with sebagai(KABID["IGA"]):
			# PUT /api/resource/Baris Data Kinerja/<name>
			self.assertDitolak(
				lambda: pabrik.rest_put("Baris Data Kinerja", row.name, {"realisasi": "9"}),
				pesan,
				dokumen=[(DKB, self.dkb)],
			)
			data = pabrik.sebagai_json(frappe.get_doc("Baris Data Kinerja", row.name))
			data["realisasi"] = "9"
			self.assertDitolak(lambda: frappe.client.save(json.dumps(data)), pesan, dokumen=[(DKB, self.dkb)])
		# DELETE /api/resource/Baris Data Kinerja/<name>: the Kabid has no delete right; a System
		# Manager, who has, still cannot take a row out of a document on its own
		with sebagai(KABID["IGA"]):
			self.assertDitolak(
				lambda: frappe.api.v1.delete_doc("Baris Data Kinerja", row.name), dokumen=[(DKB, self.dkb)]
			)
		with sebagai(ADMIN_SISTEM):
			self.assertDitolak(
				lambda: frappe.api.v1.delete_doc("Baris Data Kinerja", row.name),
				pesan,
				dokumen=[(DKB, self.dkb)],
			)
		# frappe.client.delete of a row saves its document without the row: the document's rule
		with sebagai(KABID["IGA"]):
			self.assertDitolak(
				lambda: frappe.client.delete("Baris Data Kinerja", row.name),
				"baris 1 (Persentase jalan mantap) tabel Baris dihapus",
				dokumen=[(DKB, self.dkb)],
			)

	def test_a_kabid_fills_the_open_fields_through_every_route(self):
		sebelum = self.baris()
		for i, jalur in enumerate(JALUR_SIMPAN):
			with self.subTest(jalur=jalur):
				doc = frappe.get_doc(DKB, self.dkb)
				doc.baris[1].realisasi = str(7 + i)
				doc.baris[1].kendala = f"Kendala {jalur}"
				doc.baris[1].upaya = "Percepatan"
				doc.baris[1].bukti_dukung = "/files/bukti.pdf"
				pabrik.simpan_lewat(jalur, KABID["IGA"], doc)
				sesudah = self.baris()
				self.assertEqual((sesudah[1].realisasi, sesudah[1].kendala), (str(7 + i), f"Kendala {jalur}"))
				self.assertEqual(sesudah[1].capaian, (2 * 8 - (7 + i)) / 8 * 100)  # Negatif (2T-R)/T
				# the rows the save did not touch keep their computed values
				for j in (0, 2):
					self.assertEqual(sesudah[j], sebelum[j])

	def test_the_subkor_corrects_submitted_data_but_cannot_restructure_it(self):
		self.ajukan()
		with sebagai(SUBKOR):
			doc = frappe.get_doc(DKB, self.dkb)
			doc.baris[0].realisasi = "27"
			doc.save()
		self.assertEqual(self.baris()[0].realisasi, "27")
		self.assertDitolakDiSemuaJalur(
			SUBKOR, DKB, self.dkb, lambda doc: doc.baris.pop(0), "tabel Baris dihapus"
		)
		self.assertDitolakDiSemuaJalur(
			SUBKOR,
			DKB,
			self.dkb,
			lambda doc: doc.baris[2].set("target_sd_tw", 1),
			"kolom Target s.d. TW diubah",
		)
		# the Kabid, after submitting, changes nothing at all
		self.assertDitolakDiSemuaJalur(
			KABID["IGA"],
			DKB,
			self.dkb,
			lambda doc: doc.baris[0].set("realisasi", "1"),
			"isinya hanya dapat diubah oleh peran Subkoordinator Perencanaan dan Pelaporan",
		)

	def test_even_the_administrator_cannot_delete_a_row(self):
		self.assertDitolakDiSemuaJalur(
			"Administrator", DKB, self.dkb, lambda doc: doc.baris.pop(), "tabel Baris dihapus"
		)

	def test_the_form_gets_the_same_rule(self):
		with sebagai(KABID["IGA"]):
			aturan = aturan_isian(DKB)
		self.assertEqual(aturan["Draft"]["tabel"]["baris"], {"kolom": KOLOM_KABID, "susunan": False})
		self.assertEqual(aturan["Draft"]["kolom"], [])
		self.assertEqual(aturan["Draft"]["tabel"]["riwayat_pengembalian"], {"kolom": [], "susunan": False})
		self.assertEqual(aturan["Dikembalikan"], aturan["Draft"])
		self.assertIsNone(aturan["Diajukan"])
		self.assertIsNone(aturan["Diterima"])
		with sebagai(SUBKOR):
			aturan = aturan_isian(DKB)
		self.assertEqual(aturan["Diajukan"]["kolom"], ["alasan_dikembalikan"])
		self.assertEqual(aturan["Diajukan"]["tabel"]["baris"], {"kolom": KOLOM_KABID, "susunan": False})
		self.assertIsNone(aturan["Draft"])

	# --- the Excel import is one more route into the same rule ------------------------------------

	def test_an_excel_upload_records_only_the_cells_it_changed(self):
		with sebagai(KABID["IGA"]):
			_nama, isi = buat_kertas_kerja(DKB, self.dkb)
		isi = ubah(isi, sel("F3", 7, "IGA"))  # the second row's Realisasi
		with pabrik.dengan_versi(), sebagai(KABID["IGA"]):
			hasil = impor_kertas_kerja(DKB, self.dkb, isi, "kk.xlsx")
		self.assertTrue(hasil["berhasil"], hasil)
		(v,) = pabrik.versi(DKB, self.dkb)
		self.assertEqual((v["changed"], v["added"], v["removed"]), ([], [], []))
		self.assertEqual([(r[0], r[1]) for r in v["row_changed"]], [("baris", 1)])
		# 6 → 7 of a Negatif indicator: capaian 125 → 112.5, still Sangat Tinggi by the same formula,
		# and its peringatan dini projection (status unchanged) follows.
		self.assertEqual(
			[c[0] for c in v["row_changed"][0][3]],
			[
				"realisasi",
				"realisasi_sd_tw",
				"capaian",
				"proyeksi_realisasi",
				"proyeksi_capaian",
				"metode_proyeksi",
			],
		)

	# --- item 5: a save records only what it changed -----------------------------------------------

	def test_a_save_that_changes_nothing_records_nothing(self):
		for jalur in JALUR_SIMPAN:
			with self.subTest(jalur=jalur), pabrik.dengan_versi():
				pabrik.simpan_lewat(jalur, KABID["IGA"], frappe.get_doc(DKB, self.dkb))
				self.assertEqual(pabrik.versi(DKB, self.dkb), [])
		# rows without a realisasi (capaian 0, no predikat) too
		with pabrik.dengan_versi():
			pabrik.simpan_lewat("form", KABID["IGB"], frappe.get_doc(DKB, self.dkb_lain))
		self.assertEqual(pabrik.versi(DKB, self.dkb_lain), [])

	def test_a_one_field_change_records_only_that_field(self):
		with pabrik.dengan_versi():
			doc = frappe.get_doc(DKB, self.dkb)
			doc.baris[0].kendala = "Cuaca"
			pabrik.simpan_lewat("form", KABID["IGA"], doc)
		(v,) = pabrik.versi(DKB, self.dkb)
		row = frappe.get_doc(DKB, self.dkb).baris[0]
		self.assertEqual(v["row_changed"], [["baris", 0, row.name, [["kendala", None, "Cuaca"]]]])
		self.assertEqual((v["changed"], v["added"], v["removed"]), ([], [], []))

	# --- item 2: the reason for a return is the returner's, and kept ------------------------------

	def test_a_return_keeps_its_reason_who_when_and_from_which_state(self):
		self.ajukan()
		doc = self.kembalikan("Periksa angka realisasi")
		self.assertEqual(doc.workflow_state, "Dikembalikan")
		self.assertEqual(doc.alasan_dikembalikan, "Periksa angka realisasi")
		self.assertEqual(pabrik.riwayat(doc), [("Periksa angka realisasi", SUBKOR, "Diajukan")])
		self.assertTrue(doc.riwayat_pengembalian[0].waktu)

	def test_the_kabid_cannot_rewrite_the_reason_of_a_return(self):
		self.ajukan()
		self.kembalikan("Periksa angka realisasi")
		self.assertAlasanDitolak(
			KABID["IGA"],
			DKB,
			self.dkb,
			"kolom Alasan Dikembalikan diubah",
			"Alasan Dikembalikan ditulis oleh yang mengembalikan dokumen (peran Subkoordinator Perencanaan dan Pelaporan)",
			"tersimpan di Riwayat Pengembalian dan tidak dapat diubah",
		)
		with sebagai(KABID["IGA"]):
			self.assertDitolak(
				lambda: frappe.client.set_value(DKB, self.dkb, "alasan_dikembalikan", ""),
				"kolom Alasan Dikembalikan diubah",
				dokumen=[(DKB, self.dkb)],
			)
		# nor the history, nor with the rows the Kabid may fill
		self.assertDitolakDiSemuaJalur(
			KABID["IGA"],
			DKB,
			self.dkb,
			lambda doc: doc.riwayat_pengembalian[0].set("alasan", "Tidak ada"),
			"baris 1",
			"tabel Riwayat Pengembalian: kolom Alasan diubah",
		)
		self.assertDitolakDiSemuaJalur(
			KABID["IGA"],
			DKB,
			self.dkb,
			lambda doc: doc.set("riwayat_pengembalian", []),
			"tabel Riwayat Pengembalian dihapus",
		)
		# while the realisasi are the Kabid's to correct
		with sebagai(KABID["IGA"]):
			frappe.client.set_value("Baris Data Kinerja", self.baris()[0].name, "realisasi", "26")
		self.assertEqual(frappe.db.get_value(DKB, self.dkb, "alasan_dikembalikan"), "Periksa angka realisasi")

	def test_nobody_rewrites_a_reason_once_given(self):
		self.ajukan()
		self.kembalikan("Periksa angka realisasi")
		for user, potongan in (
			(SUBKOR, ("isinya hanya dapat diubah oleh peran Kepala Bidang",)),
			(SEKRETARIS, ()),  # no write permission on the DocType at all
			("Administrator", ("kolom Alasan Dikembalikan diubah",)),
		):
			with self.subTest(user=user):
				self.assertAlasanDitolak(user, DKB, self.dkb, *potongan)
		self.assertDitolakDiSemuaJalur(
			"Administrator",
			DKB,
			self.dkb,
			lambda doc: doc.riwayat_pengembalian[0].set("dikembalikan_oleh", KABID["IGA"]),
			"kolom Dikembalikan Oleh diubah",
		)

	def test_only_the_returner_writes_a_reason_and_only_before_returning(self):
		self.assertAlasanDitolak(KABID["IGA"], DKB, self.dkb, "kolom Alasan Dikembalikan diubah")
		self.ajukan()
		with sebagai(SUBKOR):
			frappe.client.set_value(DKB, self.dkb, "alasan_dikembalikan", "Lengkapi bukti")
		# a reason written and then not used for a return is not kept
		doc = aksi(frappe.get_doc(DKB, self.dkb), "Terima", SUBKOR)
		self.assertEqual((doc.alasan_dikembalikan, doc.riwayat_pengembalian), (None, []))

	def test_every_return_is_kept_latest_last(self):
		self.ajukan()
		self.kembalikan("Periksa angka realisasi")
		self.assertIsNone(self.ajukan().alasan_dikembalikan)
		doc = self.kembalikan("Lengkapi bukti dukung")
		self.assertEqual(
			[(r.idx, r.alasan, r.dari_status) for r in doc.riwayat_pengembalian],
			[(1, "Periksa angka realisasi", "Diajukan"), (2, "Lengkapi bukti dukung", "Diajukan")],
		)
		self.assertEqual(doc.alasan_dikembalikan, "Lengkapi bukti dukung")
		self.assertEqual(
			frappe.get_all(
				"Comment",
				filters={"reference_doctype": DKB, "reference_name": self.dkb, "comment_type": "Comment"},
				pluck="content",
				order_by="creation asc",
			),
			["Dikembalikan: Periksa angka realisasi", "Dikembalikan: Lengkapi bukti dukung"],
		)

	def test_the_patch_fills_the_history_of_earlier_returns(self):
		self.ajukan()
		self.kembalikan("Periksa angka realisasi")
		self.ajukan()
		self.kembalikan("Lengkapi bukti & dukung <segera>")
		seharusnya = pabrik.riwayat(frappe.get_doc(DKB, self.dkb))
		# a site from before the history: the rows are not there
		frappe.db.delete("Riwayat Pengembalian", {"parent": self.dkb})
		isi_riwayat_pengembalian.execute()
		self.assertEqual(pabrik.riwayat(frappe.get_doc(DKB, self.dkb)), seharusnya)
		# again: nothing more
		sebelum = pabrik.potret(DKB, self.dkb)
		isi_riwayat_pengembalian.execute()
		self.assertEqual(pabrik.potret(DKB, self.dkb), sebelum)
