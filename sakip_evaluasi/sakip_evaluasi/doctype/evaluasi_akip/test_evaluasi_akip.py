"""Evaluasi AKIP as its users meet it: the LKE of the year, the OPD's self-assessment with the app's
evidence, the Inspektorat's review up to the Inspektur, the recommendations entering the follow-up
cycle, the recap, and every bad input refused with nothing changed."""

import frappe

from sakip_evaluasi.aturan.lke import pastikan_lke
from sakip_evaluasi.aturan.tindak_lanjut import tindak_lanjut_terbuka
from sakip_evaluasi.domain import peran
from sakip_evaluasi.laporan.rekap_akip import baris_laporan
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import sebagai

TAHUN = pabrik.TAHUN_UJI + 1  # held in 2097, assessing 2096 (the tests' quarterly evaluations)
KETUA = "ketua.tim@test.sakip"
INSPEKTUR = "inspektur@test.sakip"
ADMIN = "admin.pemda@test.sakip"


def _pegawai(user: str, nama: str, nip: str) -> str:
	ada = frappe.db.get_value("Pegawai", {"user": user})
	if ada:
		return ada
	return (
		frappe.get_doc(
			{
				"doctype": "Pegawai",
				"nama_lengkap": nama,
				"user": user,
				"nip": nip,
				"pangkat_golongan": "Pembina (IV/a)",
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


class TestEvaluasiAKIP(pabrik.SakipTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		pabrik.buat_pejabat()
		pabrik.buat_opd_lain()
		pabrik.buat_user(KETUA, peran.INSPEKTORAT)
		pabrik.buat_user(INSPEKTUR, peran.INSPEKTORAT)
		pabrik.buat_user(ADMIN, peran.ADMIN_PEMDA)
		cls.pegawai_ketua = _pegawai(KETUA, "Rina Ketua Tim", "197501012000032001")
		cls.pegawai_inspektur = _pegawai(INSPEKTUR, "Budi Inspektur", "196801011990031002")
		cls.bidang = pabrik.buat_bidang("Sekretariat AKIP", "SAKIP").name
		cls.eki = pabrik.buat_evaluasi("IV").name  # UJI, 2096: evidence of the assessed year
		cls.eki_lain = pabrik.buat_evaluasi("IV", pabrik.OPD_LAIN, pabrik.LAIN["kadis"]).name
		cls.lke = pastikan_lke(TAHUN)
		with sebagai(pabrik.SEKRETARIS):
			cls.nama = (
				frappe.get_doc({"doctype": "Evaluasi AKIP", "opd": pabrik.OPD_UJI, "tahun": TAHUN})
				.insert()
				.name
			)

	def evaluasi(self):
		return frappe.get_doc("Evaluasi AKIP", self.nama)

	def jawab_semua(self, jawaban: str = "BB") -> None:
		doc = self.evaluasi()
		for r in doc.jawaban:
			r.jawaban_opd = jawaban
		with sebagai(pabrik.SEKRETARIS):
			doc.save()

	def tugaskan_tim(self) -> None:
		doc = self.evaluasi()
		doc.nomor_surat_tugas = "700/01/ST/2097"
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

	# ------------------------------------------------------------------ the LKE

	def test_the_year_has_the_lke_of_88_2021_and_seeding_again_changes_nothing(self):
		lke = frappe.get_doc("LKE AKIP", self.lke)
		self.assertEqual(
			[(k.kode, k.bobot) for k in lke.komponen], [("1", 30), ("2", 30), ("3", 15), ("4", 25)]
		)
		self.assertEqual((len(lke.subkomponen), len(lke.kriteria), lke.tahun_dinilai), (12, 80, TAHUN - 1))
		self.assertEqual(pastikan_lke(TAHUN), self.lke)
		self.assertEqual(frappe.db.count("LKE AKIP", {"tahun": TAHUN}), 1)

	def test_weights_that_do_not_add_up_to_100_are_refused(self):
		lke = frappe.get_doc("LKE AKIP", self.lke)
		lke.komponen[0].bobot = 35
		with sebagai(ADMIN):
			self.assertPesan(
				lke.save, "jumlah bobot komponen 105, seharusnya 100", "Tidak ada data yang diubah"
			)
		self.assertEqual(frappe.db.get_value("Komponen LKE", {"parent": self.lke, "kode": "1"}, "bobot"), 30)

	def test_admin_sets_the_answer_scale_of_a_criterion(self):
		lke = frappe.get_doc("LKE AKIP", self.lke)
		lke.kriteria[0].skala = "Y/T"
		with sebagai(ADMIN):
			lke.save()
		self.assertEqual(
			frappe.db.get_value("Kriteria LKE", {"parent": self.lke, "kode": "1.a.1"}, "skala"), "Y/T"
		)

	# ------------------------------------------------------------------ the self-assessment

	def test_self_assessment_copies_the_worksheet_and_links_the_opds_own_evidence(self):
		doc = self.evaluasi()
		self.assertEqual(
			(doc.name, doc.tahun_dinilai, doc.workflow_state),
			(f"AKIP-UJI-{TAHUN}", TAHUN - 1, "Penilaian Mandiri"),
		)
		self.assertEqual(len(doc.jawaban), 80)
		tautan = {(b.kriteria, b.dokumen) for b in doc.bukti if b.otomatis}
		self.assertIn(("4.a.1", self.eki), tautan)
		self.assertNotIn(self.eki_lain, {b.dokumen for b in doc.bukti})
		self.assertTrue(doc.batas_waktu_tahap)
		baris = next(r for r in doc.jawaban if r.kriteria == "4.a.1")
		self.assertGreaterEqual(baris.jumlah_bukti, 1)

	def test_the_form_opens_without_an_error_for_its_users(self):
		# the shared workflow form script asks what the user may change and what waits for them
		from sakip_evaluasi.api import alur_kerja, tugas_saya

		with sebagai(pabrik.SEKRETARIS):
			self.assertIn("Penilaian Mandiri", alur_kerja.aturan_isian("Evaluasi AKIP"))
			self.assertEqual(tugas_saya.dokumen("Evaluasi AKIP", self.nama)["aksi"], [])
		with sebagai(pabrik.LAIN["sekretaris"]), self.assertRaises(frappe.PermissionError):
			tugas_saya.dokumen("Evaluasi AKIP", self.nama)

	def test_one_evaluation_per_opd_and_year(self):
		with sebagai(pabrik.SEKRETARIS):
			self.assertPesan(
				frappe.get_doc({"doctype": "Evaluasi AKIP", "opd": pabrik.OPD_UJI, "tahun": TAHUN}).insert,
				"sudah ada",
				jenis=frappe.DuplicateEntryError,
			)

	def test_answer_outside_the_scale_is_refused_and_nothing_changes(self):
		doc = self.evaluasi()
		doc.jawaban[0].jawaban_opd = "Y"
		with sebagai(pabrik.SEKRETARIS):
			self.assertPesan(doc.save, "kriteria 1.a.1", "di luar skala AA-E", "Tidak ada data yang diubah")
		self.assertFalse(frappe.db.get_value("Jawaban Kriteria AKIP", doc.jawaban[0].name, "jawaban_opd"))

	def test_evidence_from_another_opd_is_refused(self):
		doc = self.evaluasi()
		jumlah = len(doc.bukti)
		doc.append(
			"bukti",
			{
				"kriteria": "4.a.1",
				"jenis": "Dokumen Aplikasi",
				"dokumen_doctype": "Evaluasi Kinerja Internal",
				"dokumen": self.eki_lain,
			},
		)
		with sebagai(pabrik.SEKRETARIS):
			self.assertPesan(doc.save, "milik OPD UJI-LAIN, bukan OPD UJI", "Tidak ada data yang diubah")
		self.assertEqual(len(self.evaluasi().bukti), jumlah)

	def test_scores_follow_the_answers(self):
		self.jawab_semua("BB")  # every criterion 80 -> 80.00, not above 80: BB
		doc = self.evaluasi()
		self.assertEqual((doc.nilai_opd, doc.predikat_opd), (80, "BB"))
		self.assertEqual([r.nilai_opd for r in doc.nilai_komponen], [24, 24, 12, 20])

	def test_opd_sees_only_its_own_and_the_inspektorat_every_opd(self):
		with sebagai(pabrik.LAIN["sekretaris"]):
			self.assertFalse(frappe.has_permission("Evaluasi AKIP", "read", self.nama))
			self.assertNotIn(self.nama, frappe.get_list("Evaluasi AKIP", pluck="name"))
		with sebagai(KETUA):
			self.assertTrue(frappe.has_permission("Evaluasi AKIP", "read", self.nama))

	# ------------------------------------------------------------------ the review

	def test_review_to_final_and_recommendations_become_follow_ups(self):
		self.jawab_semua("A")
		pabrik.aksi(self.evaluasi(), "Ajukan", pabrik.SEKRETARIS)
		# submitted: the OPD changes nothing any more
		doc = self.evaluasi()
		doc.jawaban[0].jawaban_opd = "AA"
		with sebagai(pabrik.SEKRETARIS):
			self.assertPesan(
				doc.save,
				"berstatus Diajukan",
				"hanya dapat diubah oleh peran Inspektorat",
				jenis=frappe.PermissionError,
			)
		self.assertFalse(
			frappe.db.get_value("Jawaban Kriteria AKIP", doc.jawaban[0].name, "jawaban_opd") == "AA"
		)
		# the review starts only with a Surat Tugas naming the team
		with sebagai(KETUA):
			self.assertPesan(lambda: pabrik.aksi(self.evaluasi(), "Mulai Reviu", KETUA), "Surat Tugas")
		self.tugaskan_tim()
		pabrik.aksi(self.evaluasi(), "Mulai Reviu", KETUA)

		def jawaban_inspektorat(catatan: str | None = None, ubah_opd: bool = False):
			doc = self.evaluasi()
			for r in doc.jawaban:
				r.jawaban_inspektorat = "A"
			doc.jawaban[0].jawaban_inspektorat = "B"
			doc.jawaban[0].catatan_inspektorat = catatan
			if ubah_opd:
				doc.jawaban[1].jawaban_opd = "AA"
			return doc

		with sebagai(KETUA):
			self.assertPesan(
				jawaban_inspektorat().save,
				"kriteria 1.a.1",
				"berbeda dari jawaban OPD",
				"Tidak ada data yang diubah",
			)
			# nor may the Inspektorat change the OPD's answer
			catatan = "Pedoman belum ditetapkan dengan Perbup."
			self.assertSimpanDitolak(jawaban_inspektorat(catatan, ubah_opd=True), "hanya bagian Inspektorat")
			self.assertFalse(
				frappe.db.get_value("Jawaban Kriteria AKIP", doc.jawaban[0].name, "jawaban_inspektorat")
			)
			jawaban_inspektorat(catatan).save()
		doc = self.evaluasi()
		self.assertEqual(doc.jumlah_berbeda, 1)
		self.assertEqual(
			frappe.call("sakip_evaluasi.api.akip.perbedaan", evaluasi=self.nama)[0]["kriteria"], "1.a.1"
		)
		self.assertLess(doc.nilai_akhir, doc.nilai_opd)
		# returned with a reason, answered again, agreed by the Ketua Tim
		pabrik.kembalikan(doc, KETUA, "Lengkapi bukti 1.a.1")
		self.assertEqual(self.evaluasi().workflow_state, "Dikembalikan")
		pabrik.aksi(self.evaluasi(), "Ajukan", pabrik.KADIS)
		pabrik.aksi(self.evaluasi(), "Mulai Reviu", KETUA)
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
		with sebagai(KETUA):
			doc.save()
		# final only after the exit meeting, and only by the Inspektur
		self.assertPesan(lambda: pabrik.aksi(self.evaluasi(), "Tetapkan", INSPEKTUR), "exit meeting")
		doc = self.evaluasi()
		doc.tanggal_exit_meeting = f"{TAHUN}-02-10"
		doc.hasil_exit_meeting = "OPD menerima hasil evaluasi."
		with sebagai(KETUA):
			doc.save()
		self.assertPesan(
			lambda: pabrik.aksi(self.evaluasi(), "Tetapkan", KETUA),
			"Budi Inspektur",
			jenis=frappe.PermissionError,
		)
		pabrik.aksi(self.evaluasi(), "Tetapkan", INSPEKTUR)
		doc = self.evaluasi()
		self.assertEqual((doc.workflow_state, doc.predikat), ("Final", "A"))
		# the recommendation waits for the OPD's next quarterly meeting as an open follow-up
		eki_2097 = frappe.get_doc(
			{"doctype": "Evaluasi Kinerja Internal", "opd": pabrik.OPD_UJI, "tahun": TAHUN, "triwulan": "I"}
		).insert(ignore_permissions=True)
		terbuka = [r for r in tindak_lanjut_terbuka(eki_2097.name) if r.bidang == self.bidang]
		self.assertEqual(
			[(r.rekomendasi, str(r.batas_waktu), r.status) for r in terbuka],
			[("Agar pedoman SAKIP ditetapkan dengan Perbup.", f"{TAHUN}-06-30", "Belum Ada")],
		)

	# ------------------------------------------------------------------ the recap

	def test_recap_ranks_the_opds_and_shows_the_change_from_last_year(self):
		pastikan_lke(TAHUN - 1)
		with sebagai(pabrik.SEKRETARIS):
			lalu = frappe.get_doc(
				{"doctype": "Evaluasi AKIP", "opd": pabrik.OPD_UJI, "tahun": TAHUN - 1}
			).insert()
			for r in lalu.jawaban:
				r.jawaban_opd = "B"
			lalu.save()
		self.jawab_semua("BB")
		with sebagai(pabrik.LAIN["sekretaris"]):
			lain = frappe.get_doc(
				{"doctype": "Evaluasi AKIP", "opd": pabrik.OPD_LAIN, "tahun": TAHUN}
			).insert()
			for r in lain.jawaban:
				r.jawaban_opd = "A"
			lain.save()
		with sebagai(KETUA):
			data = baris_laporan(TAHUN)
		baris = {r["opd"]: r for r in data}
		self.assertEqual((baris["UJI-LAIN"]["peringkat"], baris["UJI"]["peringkat"]), (1, 2))
		self.assertEqual(
			(baris["UJI"]["nilai"], baris["UJI"]["nilai_lalu"], baris["UJI"]["perubahan"]), (80, 70, 10)
		)
		self.assertEqual(baris["UJI-LAIN"]["predikat"], "A (Memuaskan)")
		with sebagai(pabrik.SEKRETARIS):
			self.assertEqual([r["opd"] for r in baris_laporan(TAHUN)], ["UJI"])
