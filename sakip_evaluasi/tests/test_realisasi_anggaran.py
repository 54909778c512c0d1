"""Realisasi anggaran in the Data Kinerja Bidang: its rows come from the bidang's PK programs with
their pagu, the Kepala Bidang types what was spent in the triwulan, the s.d. TW carries the earlier
triwulan, and a realisasi above the pagu, a negative one or a program not in the PK is refused with a
message naming the row, nothing written."""

import frappe

from sakip_evaluasi.domain.doctype import DKB
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import SUBKOR, UjiIsian, aksi, potret, sebagai

KABID = {"AGA": "kabid.aga@test.sakip", "AGB": "kabid.agb@test.sakip"}


class TestRealisasiAnggaran(UjiIsian):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.buat_pejabat()
		cls.bidang = pabrik.buat_bidang_berkepala(KABID, "Bidang Anggaran")
		pabrik.buat_indikator(cls.bidang["AGA"], "Panjang jalan direhabilitasi", (10, 20, 30, 40))
		pabrik.buat_indikator(cls.bidang["AGB"], "Luas irigasi baik", (25, 25, 25, 25))
		cls.pk = pabrik.isi_program_pk(cls.bidang["AGA"])
		cls.kke = pabrik.siapkan_kertas_kerja("II", "Didistribusikan").name
		cls.dkb = frappe.db.get_value(DKB, {"kertas_kerja": cls.kke, "bidang": cls.bidang["AGA"]})
		cls.dkb_lain = frappe.db.get_value(DKB, {"kertas_kerja": cls.kke, "bidang": cls.bidang["AGB"]})

	def isi(self, *nilai, user=KABID["AGA"], dkb=None):
		with sebagai(user):
			doc = frappe.get_doc(DKB, dkb or self.dkb)
			for row, n in zip(doc.anggaran, nilai, strict=False):
				row.realisasi_tw = n
			doc.save()
			return doc

	def test_rows_are_the_programs_of_the_bidang_pk_with_their_pagu(self):
		doc = frappe.get_doc(DKB, self.dkb)
		self.assertEqual(
			[(r.jenis, r.kode_sipd, r.nama, r.pagu, r.realisasi_sd_tw_lalu) for r in doc.anggaran],
			[(j, k, n, a, 0) for j, k, n, a in pabrik.PROGRAM_UJI],
		)
		# a bidang whose PK lists no program has no rows (and its form hides the section)
		self.assertEqual(frappe.get_doc(DKB, self.dkb_lain).anggaran, [])

	def test_kabid_types_the_triwulan_and_sees_sd_tw_and_penyerapan(self):
		doc = self.isi(2_500_000, 1_500_000, 500_000)
		self.assertEqual(
			[(r.realisasi_sd_tw, r.penyerapan) for r in doc.anggaran],
			[(2_500_000, 25.0), (1_500_000, 25.0), (500_000, 25.0)],
		)
		stored = frappe.get_all(
			"Realisasi Anggaran Bidang", filters={"parent": self.dkb}, pluck="penyerapan", order_by="idx"
		)
		self.assertEqual(stored, [25.0, 25.0, 25.0])

	def test_above_the_pagu_is_refused_naming_the_row_and_nothing_is_written(self):
		self.isi(1_000_000)
		sebelum = potret(DKB, self.dkb)
		pesan = self.assertDitolak(
			lambda: self.isi(1_000_000, 6_500_000),
			"Realisasi Anggaran baris 2 (Kegiatan 1.03.02.2.01 Penyelenggaraan Jalan Kabupaten)",
			"Rp 6.500.000 melebihi pagu Rp 6.000.000",
			"tidak ada data yang diubah",
			jenis=frappe.ValidationError,
			dokumen=[(DKB, self.dkb)],
		)
		self.assertNotIn("baris 1 (", pesan)
		self.assertEqual(potret(DKB, self.dkb), sebelum)

	def test_negative_realisasi_is_refused(self):
		self.assertDitolak(
			lambda: self.isi(0, 0, -5000),
			"Realisasi Anggaran baris 3 (Sub Kegiatan 1.03.02.2.01.0001 Rehabilitasi Jalan)",
			"tidak boleh negatif",
			jenis=frappe.ValidationError,
			dokumen=[(DKB, self.dkb)],
		)

	def test_a_program_not_in_the_pk_cannot_be_added_nor_a_pagu_changed(self):
		def tambah(doc):
			doc.append(
				"anggaran",
				{"jenis": "Program", "kode_sipd": "1.03.09", "nama": "Program lain", "pagu": 1_000_000},
			)

		def ubah_pagu(doc):
			doc.anggaran[0].pagu = 99_000_000

		for ubah, potongan in ((tambah, "Realisasi Anggaran"), (ubah_pagu, "Pagu")):
			with self.subTest(ubah=ubah.__name__):
				self.assertDitolakDiSemuaJalur(KABID["AGA"], DKB, self.dkb, ubah, potongan)

	def test_the_next_triwulan_carries_the_realisasi_sd_tw(self):
		self.isi(2_500_000, 1_500_000, 500_000)
		dkb = frappe.get_doc(DKB, self.dkb)
		for r in dkb.baris:
			r.realisasi = "20"
		with sebagai(KABID["AGA"]):
			dkb.save()
		kke3 = pabrik.siapkan_kertas_kerja("III", "Didistribusikan").name
		dkb3 = frappe.db.get_value(DKB, {"kertas_kerja": kke3, "bidang": self.bidang["AGA"]})
		doc = frappe.get_doc(DKB, dkb3)
		self.assertEqual([r.realisasi_sd_tw_lalu for r in doc.anggaran], [2_500_000, 1_500_000, 500_000])
		doc = self.isi(5_000_000, 0, 0, dkb=dkb3)
		self.assertEqual(
			[(r.realisasi_sd_tw, r.penyerapan) for r in doc.anggaran],
			[(7_500_000, 75.0), (1_500_000, 25.0), (500_000, 25.0)],
		)
		# what TW II reached plus TW III may not pass the pagu
		self.assertDitolak(
			lambda: self.isi(8_000_000, dkb=dkb3),
			"Realisasi Anggaran baris 1 (Program 1.03.02 Program Penyelenggaraan Jalan)",
			"Rp 10.500.000 melebihi pagu Rp 10.000.000",
			"realisasi triwulan lalu Rp 2.500.000",
			jenis=frappe.ValidationError,
			dokumen=[(DKB, dkb3)],
		)

	def test_another_bidang_head_cannot_fill_it(self):
		self.assertDitolak(
			lambda: self.isi(1000, user=KABID["AGB"]),
			jenis=frappe.PermissionError,
			dokumen=[(DKB, self.dkb)],
		)

	def test_once_submitted_the_kabid_changes_nothing(self):
		doc = self.isi(1000)
		for r in doc.baris:
			r.realisasi = "20"
		with sebagai(KABID["AGA"]):
			doc.save()
		aksi(doc, "Ajukan", KABID["AGA"])
		self.assertDitolak(lambda: self.isi(2000), jenis=frappe.PermissionError, dokumen=[(DKB, self.dkb)])
		# the Subkoordinator reviewing it reads the figures as they were submitted
		with sebagai(SUBKOR):
			self.assertEqual(frappe.get_doc(DKB, self.dkb).anggaran[0].realisasi_tw, 1000)

	def test_e81_and_rekap_show_penyerapan_beside_capaian_and_the_efficiency(self):
		from sakip_evaluasi.cetak.konteks import CETAKAN, tabel_e81
		from sakip_evaluasi.domain.doctype import EVALUASI
		from sakip_evaluasi.sakip_evaluasi.report.rekap_capaian_kinerja import rekap_capaian_kinerja

		doc = self.isi(2_500_000, 1_500_000, 500_000)
		for r in doc.baris:
			r.realisasi = "20"  # target s.d. TW II is 30: capaian 66,67 %
		with sebagai(KABID["AGA"]):
			doc.save()
		filters = {"tahun": pabrik.TAHUN_UJI, "triwulan": "II", "opd": pabrik.OPD_UJI}
		_kolom, data, _p, grafik, ringkasan = rekap_capaian_kinerja.execute(filters)
		baris = {r["bidang"]: r for r in data}
		self.assertEqual(baris[self.bidang["AGA"]]["penyerapan"], 25.0)
		self.assertIsNone(baris[self.bidang["AGB"]]["penyerapan"])  # its PK lists no program
		self.assertEqual(grafik["data"]["datasets"][1]["name"], "Penyerapan anggaran (%)")
		kartu = {r["label"]: r["value"] for r in ringkasan}
		self.assertEqual(kartu["Penyerapan Anggaran"], 25.0)

		tabel = tabel_e81(pabrik.OPD_UJI, pabrik.TAHUN_UJI, "II")
		a = tabel.anggaran
		self.assertEqual(len(a.bidang), 1)
		b = a.bidang[0]
		# the program holds its kegiatan: the bidang's total counts the program row alone
		self.assertEqual((b.pagu, b.realisasi, b.penyerapan), (10_000_000, 2_500_000, 25.0))
		self.assertEqual((b.capaian, b.efisiensi.indeks, b.efisiensi.kesimpulan), (66.67, 2.67, "Efisien"))
		self.assertEqual([r.kode_sipd for r in b.baris], [p[1] for p in pabrik.PROGRAM_UJI])
		eki = frappe.db.get_value("Kertas Kerja Evaluasi", self.kke, "evaluasi")
		doctype, format_cetak = CETAKAN["laporan_e81"]
		self.assertEqual(doctype, EVALUASI)
		html = frappe.get_print(EVALUASI, eki, format_cetak)
		for teks in (
			"Realisasi Anggaran Program, Kegiatan dan Sub Kegiatan s.d. Triwulan II",
			"1.03.02.2.01.0001",
			"Rehabilitasi Jalan",
			"10.000.000",
			"2.500.000",
			"25,00",
			"2,67",
			"Efisien",
		):
			self.assertIn(teks, html)

	def test_the_phone_page_shows_the_rows_and_computes_while_typing_writing_nothing(self):
		from sakip_evaluasi.halaman import isian_ponsel

		with sebagai(KABID["AGA"]):
			data = isian_ponsel.muat(self.dkb)
			self.assertTrue(data["anggaran_terbuka"])
			baris = [r["name"] for r in data["anggaran"]]
			self.assertEqual([r["pagu"] for r in data["anggaran"]], [p[3] for p in pabrik.PROGRAM_UJI])
			hasil = isian_ponsel.hitung_anggaran(
				self.dkb, {baris[0]: "2.500.000", baris[1]: "7.000.000", baris[2]: "dua juta"}
			)
		self.assertEqual(
			(hasil[baris[0]]["nilai"], hasil[baris[0]]["penyerapan"], hasil[baris[0]]["galat"]),
			(2_500_000, 25.0, ""),
		)
		self.assertIn("melebihi pagu Rp 6.000.000", hasil[baris[1]]["galat"])
		self.assertTrue(hasil[baris[2]]["bukan_angka"])
		self.assertIn("bukan angka", hasil[baris[2]]["galat"])
		self.assertEqual(frappe.get_doc(DKB, self.dkb).anggaran[0].realisasi_tw, 0)  # nothing written
		with sebagai(KABID["AGB"]):  # another bidang's head may not read it
			self.assertRaises(frappe.PermissionError, isian_ponsel.hitung_anggaran, self.dkb, {})
