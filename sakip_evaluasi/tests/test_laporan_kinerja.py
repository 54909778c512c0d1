"""The LKjIP as its users meet it: the Subkoordinator drafts it once TW IV is Direkap (Bab III computed
from the PK, the four quarters and the Renstra), narratives and typed realisasi anggaran survive a
regeneration, a hand edit to a computed table is refused; the Sekretaris checks, the Kepala Dinas
approves, the Inspektorat reviews (findings with reasons, corrections, the Pernyataan Telah Direviu);
the Word file goes out and comes back. Bad input is refused with nothing changed."""

import io

import frappe
from docx import Document

from sakip_evaluasi.aturan import laporan_kinerja as lk
from sakip_evaluasi.benchmark.dasar import sisip
from sakip_evaluasi.cetak import laporan_kinerja as cetak
from sakip_evaluasi.domain.doctype import KKE, PK
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, OPD_UJI, SEKRETARIS, SUBKOR, SakipTestCase, aksi, sebagai

TAHUN = 2094
INSPEKTUR = "inspektur.lkjip@test.sakip"


def buat_tahun_lkjip(tahun: int, kode: str) -> tuple[list[str], str, str]:
	"""A year of ``OPD_UJI`` ready for its LKjIP, as a finished cycle leaves it: a bidang ``kode`` with
	two indicators, the Kepala OPD PK in force, the four quarters' data, a meeting recommendation, the
	Renstra with two earlier years and TW IV Direkap. (indicators, PK, Kertas Kerja TW IV)."""
	bidang = pabrik.buat_bidang(f"Bidang LKjIP {kode}", kode).name
	ik = [
		frappe.get_doc(
			{"doctype": "Indikator Kinerja", "indikator": nama, "sasaran_strategis": "S", "bidang": bidang, "satuan": "%"}
		)
		.insert(ignore_permissions=True)
		.name
		for nama in ("Jalan mantap", "Jembatan baik")
	]  # fmt: skip
	pk = sisip(
		{
			"doctype": PK,
			"name": f"PK-{OPD_UJI}-{tahun}-V1",
			"tingkat": "Kepala OPD",
			"opd": OPD_UJI,
			"tahun": tahun,
			"versi": 1,
			"berlaku_mulai": "I",
			"workflow_state": "Berlaku",
			"sasaran": [{"kode_sasaran": "S1", "sasaran": "Meningkatnya kualitas jalan"}],
			"indikator": [
				{"kode_sasaran": "S1", "indikator": ik[0], "nama_indikator": "Jalan mantap", "satuan": "%", "akumulasi": "Nilai Akhir", "target_tahunan": 80},
				{"kode_sasaran": "S1", "indikator": ik[1], "nama_indikator": "Jembatan baik", "satuan": "unit", "akumulasi": "Kumulatif", "target_tahunan": 40},
			],
			"rencana_aksi": [{"indikator": ik[0], "triwulan": "I", "aksi": "Survei kondisi jalan"}],
			"program": [{"jenis": "Program", "kode_sipd": "1.03.02", "nama": "Program Jalan", "anggaran": 1_000_000}],
		}
	)  # fmt: skip
	for tw, (jalan, jembatan) in zip(
		("I", "II", "III", "IV"), ((50, 5), (60, 10), (70, 10), (76, 5)), strict=True
	):
		sisip(
			{
				"doctype": "Data Kinerja Bidang",
				"opd": OPD_UJI,
				"tahun": tahun,
				"triwulan": tw,
				"bidang": bidang,
				"workflow_state": "Diterima",
				"baris": [
					{"indikator": ik[0], "realisasi": str(jalan), "kendala": "Hujan deras" if tw == "III" else None},
					{"indikator": ik[1], "realisasi": str(jembatan)},
				],
			}
		)  # fmt: skip
	sisip(
		{
			"doctype": "Notulen Rapat",
			"opd": OPD_UJI,
			"tahun": tahun,
			"triwulan": "III",
			"rekomendasi": [{"indikator": ik[0], "rekomendasi": "Percepat rehabilitasi ruas utara"}],
		}
	)
	sisip(
		{
			"doctype": "Renstra OPD",
			"name": f"RENSTRA-{OPD_UJI}-{tahun}",
			"opd": OPD_UJI,
			"tahun_mulai": tahun - 3,
			"tahun_selesai": tahun + 1,
			"indikator": [{"kode": "IK1", "indikator": ik[0], "target_akhir": 90}],
			"target": [
				{"kode_indikator": "IK1", "tahun": tahun - 1, "realisasi": 70, "ada_realisasi": 1},
				{"kode_indikator": "IK1", "tahun": tahun - 2, "realisasi": 65, "ada_realisasi": 1},
			],
		}
	)
	kke = sisip(
		{"doctype": KKE, "opd": OPD_UJI, "tahun": tahun, "triwulan": "IV", "workflow_state": "Direkap"}
	)
	return ik, pk, kke


class TestLaporanKinerja(SakipTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		pabrik.buat_user(INSPEKTUR, "Inspektorat")
		cls.ik, cls.pk, cls.kke = buat_tahun_lkjip(TAHUN, "LKJ")

	def susun(self) -> "frappe.model.document.Document":
		with sebagai(SUBKOR):
			return frappe.get_doc(lk.LKJIP, lk.susun(OPD_UJI, TAHUN))

	def test_ditolak_sebelum_tw4_direkap_atau_tanpa_pk_berlaku(self):
		frappe.db.set_value(KKE, self.kke, "workflow_state", "Didistribusikan")
		with sebagai(SUBKOR):
			self.assertPesan(
				lambda: lk.susun(OPD_UJI, TAHUN), "setelah Kertas Kerja Evaluasi Triwulan IV", "Direkap"
			)
		frappe.db.set_value(KKE, self.kke, "workflow_state", "Direkap")
		frappe.db.set_value(PK, self.pk, "workflow_state", "Draft")
		with sebagai(SUBKOR):
			self.assertPesan(
				lambda: lk.susun(OPD_UJI, TAHUN), "belum memiliki Perjanjian Kinerja", "Tidak ada data"
			)
		self.assertFalse(frappe.db.exists(lk.LKJIP, lk.nama_lkjip(OPD_UJI, TAHUN)))

	def test_bab3_dihitung_dan_narasi_bertahan(self):
		doc = self.susun()
		jalan, jembatan = doc.capaian
		self.assertEqual((jalan.realisasi, jalan.capaian), ("76", 95.0))  # Nilai Akhir: TW IV
		self.assertEqual((jembatan.realisasi, jembatan.capaian), ("30", 75.0))  # Kumulatif: 5+10+10+5
		self.assertEqual(
			(jalan.realisasi_lalu_1, jalan.realisasi_lalu_2, jalan.target_akhir_renstra), ("70", "65", "90")
		)
		self.assertEqual(jalan.capaian_renstra, "84,44")
		self.assertIn("Hujan deras", jalan.analisis)
		self.assertIn("Percepat rehabilitasi ruas utara", jalan.analisis)
		self.assertEqual(doc.rata_rata_capaian, 85.0)
		self.assertEqual(len(doc.butir_reviu), 10)
		self.assertEqual(doc.langkah[0].pelaksana, "Subkoordinator Perencanaan dan Pelaporan")
		self.assertTrue(doc.batas_waktu)
		with sebagai(SUBKOR):
			doc.pendahuluan = "Dinas ini membangun jalan."
			doc.capaian[0].analisis = "Curah hujan tinggi pada TW III."
			doc.anggaran[0].realisasi_anggaran = 900_000
			doc.save()
		doc = self.susun()  # regenerated
		self.assertEqual(doc.pendahuluan, "Dinas ini membangun jalan.")
		self.assertEqual(doc.capaian[0].analisis, "Curah hujan tinggi pada TW III.")
		self.assertEqual((doc.anggaran[0].realisasi_anggaran, doc.serapan_anggaran), (900_000, 90.0))
		self.assertEqual((doc.indeks_efisiensi, doc.kesimpulan_efisiensi), (0.94, "Kurang efisien"))

	def test_realisasi_anggaran_diambil_dari_data_kinerja_bidang_tw4(self):
		"""Where the bidang reported the program in their Data Kinerja, the LKjIP takes the realisasi s.d.
		TW IV from it (the latest triwulan, not TW III) and refuses a hand edit; typed otherwise."""
		for tw, sd in (("III", 600_000), ("IV", 850_000)):
			dkb = frappe.db.get_value("Data Kinerja Bidang", {"opd": OPD_UJI, "tahun": TAHUN, "triwulan": tw})
			sisip(
				{
					"doctype": "Realisasi Anggaran Bidang",
					"parent": dkb,
					"parenttype": "Data Kinerja Bidang",
					"parentfield": "anggaran",
					"jenis": "Program",
					"kode_sipd": "1.03.02",
					"nama": "Program Jalan",
					"pagu": 1_000_000,
					"realisasi_sd_tw": sd,
				}
			)
		doc = self.susun()
		self.assertEqual(
			(doc.anggaran[0].realisasi_anggaran, doc.anggaran[0].sumber_realisasi, doc.serapan_anggaran),
			(850_000, "Data Kinerja Bidang", 85.0),
		)
		self.assertEqual((doc.indeks_efisiensi, doc.kesimpulan_efisiensi), (1.0, "Efisien"))
		with sebagai(SUBKOR):
			doc.anggaran[0].realisasi_anggaran = 900_000
			self.assertSimpanDitolak(doc, "Realisasi Anggaran baris 1, kolom Realisasi Anggaran")
		self.assertEqual(
			frappe.db.get_value("Anggaran Laporan Kinerja", doc.anggaran[0].name, "realisasi_anggaran"),
			850_000,
		)

	def test_ubah_tangan_tabel_hitung_ditolak(self):
		doc = self.susun()
		with sebagai(SUBKOR):
			doc.capaian[1].realisasi = "40"
			self.assertSimpanDitolak(
				doc, "Capaian per Indikator baris 2, kolom Realisasi", "Hitung Ulang Tabel"
			)
		self.assertEqual(
			frappe.db.get_value("Capaian Laporan Kinerja", doc.capaian[1].name, "realisasi"), "30"
		)

	def test_alur_sampai_pernyataan_telah_direviu(self):
		doc = self.susun()
		doc = aksi(doc, "Ajukan", SUBKOR)
		with sebagai(SEKRETARIS):
			self.assertPesan(
				lambda: pabrik.jalankan_aksi(lk.LKJIP, doc.name, "Kembalikan", SEKRETARIS), "Alasan"
			)
		doc = pabrik.kembalikan(doc, SEKRETARIS, "Bab I belum menjelaskan isu strategis")
		self.assertEqual(
			(doc.workflow_state, doc.riwayat_pengembalian[0].alasan),
			("Dikembalikan", "Bab I belum menjelaskan isu strategis"),
		)
		doc = aksi(doc, "Ajukan", SUBKOR)
		doc = aksi(doc, "Teruskan ke Kepala Dinas", SEKRETARIS)
		doc = aksi(doc, "Setujui", KADIS)
		doc = aksi(doc, "Mulai Reviu", INSPEKTUR)
		self.assertEqual([r.no for r in doc.langkah], [1, 2, 1, 2, 3, 4, 4])
		with sebagai(INSPEKTUR):
			doc.butir_reviu[6].hasil = "Tidak Sesuai"
			self.assertPesan(doc.save, "baris 7", "wajib diberi catatan alasannya", "Tidak ada data")
			doc.reload()
			doc.butir_reviu[6].hasil = "Tidak Sesuai"
			doc.butir_reviu[6].catatan = "Capaian jembatan dihitung dari target TW IV saja"
			doc.save()
		doc = aksi(doc, "Kembalikan Temuan Reviu", INSPEKTUR)
		self.assertEqual(doc.workflow_state, "Perbaikan Reviu")
		self.assertIn("Capaian jembatan", doc.riwayat_pengembalian[-1].alasan)
		doc = aksi(doc, "Ajukan Perbaikan", SUBKOR)
		with sebagai(INSPEKTUR):
			self.assertPesan(
				lambda: pabrik.jalankan_aksi(
					lk.LKJIP, doc.name, "Tandatangani Pernyataan Telah Direviu", INSPEKTUR
				),
				"belum direviu",
			)
			doc.reload()
			for r in doc.butir_reviu:
				r.hasil = "Sesuai"
			doc.save()
		doc = aksi(doc, "Tandatangani Pernyataan Telah Direviu", INSPEKTUR)
		self.assertEqual(doc.workflow_state, "Final")
		self.assertEqual(doc.nama_inspektur, frappe.utils.get_fullname(INSPEKTUR))
		with sebagai(SUBKOR):
			doc.penutup = "diubah setelah final"
			self.assertSimpanDitolak(doc, "berstatus Final")

	def test_word_keluar_dan_kembali(self):
		doc = self.susun()
		berkas = Document(io.BytesIO(cetak.word(doc)))
		paragraf = berkas.paragraphs
		bab1 = next(i for i, p in enumerate(paragraf) if p.text == "BAB I PENDAHULUAN")
		paragraf[bab1 + 1].text = "Narasi Bab I yang diselesaikan di Word."
		keluar = io.BytesIO()
		berkas.save(keluar)
		with sebagai(SUBKOR):
			cetak.unggah_word(doc.name, keluar.getvalue())
		self.assertEqual(
			frappe.db.get_value(lk.LKJIP, doc.name, "pendahuluan"), "Narasi Bab I yang diselesaikan di Word."
		)
		# a computed cell changed in Word is refused, nothing taken
		berkas.tables[1].rows[1].cells[5].text = "99"
		paragraf[bab1 + 1].text = "Tidak boleh tersimpan"
		keluar = io.BytesIO()
		berkas.save(keluar)
		with sebagai(SUBKOR):
			self.assertPesan(
				lambda: cetak.unggah_word(doc.name, keluar.getvalue()), "kolom 'Realisasi'", "Tidak ada data"
			)
		# a Word file of another year is refused
		berkas.core_properties.identifier = f"LKJIP|{OPD_UJI}|{TAHUN - 1}"
		keluar = io.BytesIO()
		berkas.save(keluar)
		with sebagai(SUBKOR):
			self.assertPesan(
				lambda: cetak.unggah_word(doc.name, keluar.getvalue()), "bukan LKjIP", "Tidak ada data"
			)
		self.assertEqual(
			frappe.db.get_value(lk.LKJIP, doc.name, "pendahuluan"), "Narasi Bab I yang diselesaikan di Word."
		)
