"""Tugas Saya per role, the handover notifications' recipients (and no leak to another bidang), the
read-only rule, and the desk each role lands on — acted as the real users."""

import frappe
from frappe.model.workflow import get_workflow_name

from sakip_evaluasi.api import tugas_saya as api
from sakip_evaluasi.api.alur_kerja import aturan_isian
from sakip_evaluasi.aturan.siklus import sistem
from sakip_evaluasi.domain import peran, sla
from sakip_evaluasi.domain.doctype import DISPOSISI, DKB, TL
from sakip_evaluasi.domain.doctype import EVALUASI as EKI
from sakip_evaluasi.setup import install, pemberitahuan, ruang_kerja
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, SEKRETARIS, SUBKOR, SakipTestCase, aksi, sebagai
from sakip_evaluasi.tests.rest import rest, sumber

KABID = {"TSA": "kabid.tsa@test.sakip", "TSB": "kabid.tsb@test.sakip"}
SUBKOR_LAIN = "subkor.lain@test.sakip"  # holds the role, but is not this evaluation's Subkoordinator
INSPEKTORAT = "inspektorat.ts@test.sakip"
ALASAN = "Realisasi indikator pertama tidak sesuai bukti dukung."


def tugas(user: str) -> list[dict]:
	with sebagai(user):
		return api.daftar()["tugas"]


def nama_tugas(user: str) -> set[str]:
	return {t["name"] for t in tugas(user)}


def lonceng(user: str, dokumen: str) -> list[frappe._dict]:
	return frappe.get_all(
		"Notification Log",
		filters={"for_user": user, "document_name": dokumen},
		fields=["subject", "email_content"],
		order_by="creation asc",
	)


class TestTugasSaya(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.buat_pejabat()
		pabrik.buat_user(SUBKOR_LAIN, peran.SUBKOOR)
		pabrik.buat_user(INSPEKTORAT, peran.INSPEKTORAT)
		cls.bidang = pabrik.buat_bidang_berkepala(KABID, "Bidang Tugas")
		pabrik.buat_indikator(cls.bidang["TSA"], "Persentase jalan mantap TS", (10, 20, 30, 40))
		pabrik.buat_indikator(cls.bidang["TSB"], "Persentase irigasi baik TS", (25, 25, 25, 25))
		# Steps 1-2 (the disposisi chain) done, so that step 5's clocks run once distributed.
		cls.evaluasi = pabrik.buat_evaluasi("III").name
		cls.disposisi = [
			pabrik.kirim_disposisi(cls.evaluasi, KADIS, SEKRETARIS).name,
			pabrik.kirim_disposisi(cls.evaluasi, SEKRETARIS, SUBKOR).name,
		]
		cls.kke = frappe.get_doc({"doctype": "Kertas Kerja Evaluasi", "evaluasi": cls.evaluasi}).insert()
		for action, user in (("Ajukan", SUBKOR), ("Setujui", SEKRETARIS), ("Distribusikan", SUBKOR)):
			cls.kke = aksi(cls.kke, action, user)
		cls.dkb = {
			kode: frappe.db.get_value(DKB, {"kertas_kerja": cls.kke.name, "bidang": b})
			for kode, b in cls.bidang.items()
		}

	def isi_dan_ajukan(self, kode: str = "TSA"):
		with sebagai(KABID[kode]):
			doc = frappe.get_doc(DKB, self.dkb[kode])
			for row in doc.baris:
				row.realisasi = "12,5"
			doc.save()
		return aksi(frappe.get_doc(DKB, self.dkb[kode]), "Ajukan", KABID[kode])

	# --- the query per role ----------------------------------------------------------------------

	def test_a_kepala_bidang_sees_their_own_bidang_only_with_what_to_do_and_the_deadline(self):
		daftar = tugas(KABID["TSA"])
		self.assertEqual([t["name"] for t in daftar if t["doctype"] == DKB], [self.dkb["TSA"]])
		t = daftar[0]
		self.assertEqual(t["aksi"], ["Ajukan"])
		self.assertIn("Isi realisasi setiap indikator", t["petunjuk"])
		# Step 5's clock gives the deadline and the working time left, in the SLA engine's colour.
		langkah = frappe.db.get_value(
			"Langkah Evaluasi",
			{"evaluasi": self.evaluasi, "langkah": 5, "bidang": self.bidang["TSA"]},
			"batas_waktu",
		)
		self.assertEqual(str(t["batas_waktu"]), str(langkah))
		self.assertIsNotNone(t["sisa_jam"])
		self.assertIn(t["warna_sla"], ("blue", "orange", "red"))
		self.assertNotIn(self.dkb["TSA"], nama_tugas(KABID["TSB"]))
		self.assertIn(self.dkb["TSB"], nama_tugas(KABID["TSB"]))

	def test_submitted_data_waits_for_the_evaluations_subkoordinator_not_every_holder_of_the_role(self):
		self.assertNotIn(self.dkb["TSA"], nama_tugas(SUBKOR))
		self.isi_dan_ajukan()
		daftar = {t["name"]: t for t in tugas(SUBKOR)}
		self.assertEqual(daftar[self.dkb["TSA"]]["aksi"], ["Terima", "Kembalikan"])
		self.assertIn(self.kke.name, daftar)  # Rekap waits for them too
		self.assertNotIn(self.dkb["TSA"], nama_tugas(SUBKOR_LAIN))
		self.assertNotIn(self.dkb["TSA"], nama_tugas(KABID["TSA"]))  # submitted: nothing to do

	def test_the_kepala_dinas_sees_the_running_evaluation_and_a_kepala_bidang_does_not(self):
		with sebagai(KADIS):
			data = api.daftar()
		self.assertEqual([t for t in data["tugas"] if t["evaluasi"] == self.evaluasi], [])
		evaluasi = {e["name"]: e for e in data["evaluasi"]}
		self.assertIn(self.evaluasi, evaluasi)
		self.assertTrue(evaluasi[self.evaluasi]["langkah_saat_ini"].startswith("5."))
		self.assertEqual(evaluasi[self.evaluasi]["terlambat"], [])
		langkah_5 = frappe.get_all(
			"Langkah Evaluasi", {"evaluasi": self.evaluasi, "langkah": 5}, pluck="batas_waktu"
		)
		self.assertEqual(evaluasi[self.evaluasi]["batas_waktu"], min(langkah_5))
		with sebagai(KABID["TSA"]):
			self.assertEqual(api.daftar()["evaluasi"], [])

	def test_the_form_banner_says_the_next_action_and_nothing_to_an_onlooker(self):
		with sebagai(KABID["TSA"]):
			banner = api.dokumen(DKB, self.dkb["TSA"])
		self.assertEqual(banner["aksi"], ["Ajukan"])
		self.assertTrue(banner["batas_waktu"])
		with sebagai(SUBKOR):
			self.assertEqual(api.dokumen(DKB, self.dkb["TSA"])["aksi"], [])
		with sebagai(KABID["TSB"]), self.assertRaises(frappe.PermissionError):
			api.dokumen(DKB, self.dkb["TSA"])

	# --- the state after a return, and only what waits ----------------------------------------------

	def jam_langkah_5(self, kode: str = "TSA") -> frappe._dict:
		return frappe.db.get_value(
			"Langkah Evaluasi",
			{"evaluasi": self.evaluasi, "langkah": 5, "bidang": self.bidang[kode]},
			["selesai", "status_sla", "batas_waktu"],
			as_dict=True,
		)

	def kartu_evaluasi(self, user: str = KADIS) -> dict:
		with sebagai(user):
			return {e["name"]: e for e in api.daftar()["evaluasi"]}[self.evaluasi]

	def test_a_returned_bidangs_step_clock_runs_again_and_the_kadis_card_counts_it(self):
		self.isi_dan_ajukan()
		self.assertEqual(self.jam_langkah_5().status_sla, sla.SELESAI_TEPAT_WAKTU)
		self.assertIn("(1 bidang belum selesai)", self.kartu_evaluasi()["langkah_saat_ini"])
		pabrik.kembalikan(frappe.get_doc(DKB, self.dkb["TSA"]), SUBKOR, ALASAN)
		jam = self.jam_langkah_5()
		self.assertIsNone(jam.selesai, "the returned bidang's step 5 clock must run again")
		self.assertEqual(jam.status_sla, sla.BERJALAN)
		self.assertIn("(2 bidang belum selesai)", self.kartu_evaluasi()["langkah_saat_ini"])
		# The Kepala Bidang's card reads the clock that runs again, to its own deadline.
		t = next(t for t in tugas(KABID["TSA"]) if t["name"] == self.dkb["TSA"])
		self.assertEqual(str(t["batas_waktu"]), str(jam.batas_waktu))
		self.assertEqual(t["status_sla"], sla.BERJALAN)
		# Submitted again: the clock closes again.
		self.isi_dan_ajukan()
		self.assertEqual(self.jam_langkah_5().status_sla, sla.SELESAI_TEPAT_WAKTU)
		self.assertIn("(1 bidang belum selesai)", self.kartu_evaluasi()["langkah_saat_ini"])

	def test_the_subkoordinators_verification_card_shows_a_deadline(self):
		self.isi_dan_ajukan()
		t = next(t for t in tugas(SUBKOR) if t["name"] == self.dkb["TSA"])
		self.assertIsNotNone(t["batas_waktu"], "a verification card needs a deadline")
		# The evaluation cannot move past its current step (the other bidang's step 5) without it.
		self.assertEqual(t["batas_waktu"], self.kartu_evaluasi()["batas_waktu"])
		self.assertIsNotNone(t["sisa_jam"])
		self.assertEqual(t["warna_sla"], sla.WARNA_STATUS[sla.BERJALAN])
		with sebagai(SUBKOR):
			self.assertEqual(api.dokumen(DKB, self.dkb["TSA"])["batas_waktu"], t["batas_waktu"])

	def test_an_accepted_tindak_lanjut_is_no_task_of_the_inspektorat_who_may_still_return_it(self):
		tl = sistem(
			frappe.get_doc(
				{
					"doctype": TL,
					"evaluasi": self.evaluasi,
					"bidang": self.bidang["TSA"],
					"baris": [{"rekomendasi": "Percepat pemeliharaan jalan", "batas_waktu": "2096-12-15"}],
				}
			)
		).insert()
		with sebagai(KABID["TSA"]):
			tl = frappe.get_doc(TL, tl.name)
			tl.baris[0].tindak_lanjut = "Pemeliharaan rutin dipercepat"
			tl.save()
		for action, user in (("Ajukan", KABID["TSA"]), ("Verifikasi", SEKRETARIS), ("Terima", KADIS)):
			tl = aksi(tl, action, user)
		self.assertEqual(tl.workflow_state, "Diterima")
		self.assertNotIn(tl.name, nama_tugas(INSPEKTORAT), "an accepted Tindak Lanjut waits for nobody")
		with sebagai(INSPEKTORAT):
			self.assertEqual(api.dokumen(TL, tl.name)["aksi"], [])
		# Returning it stays the Inspektorat's right.
		tl = pabrik.kembalikan(tl, INSPEKTORAT, "Bukti dukung pemeliharaan belum dilampirkan.")
		self.assertEqual(tl.workflow_state, "Dikembalikan")
		self.assertIn(tl.name, nama_tugas(KABID["TSA"]))

	# --- told at every handover ------------------------------------------------------------------

	def test_a_return_tells_that_bidangs_head_with_the_reason_and_nobody_else(self):
		self.isi_dan_ajukan()
		self.assertEqual(len(lonceng(SUBKOR, self.dkb["TSA"])), 1, "submission: the Subkoordinator")
		self.assertEqual(lonceng(SUBKOR_LAIN, self.dkb["TSA"]), [])
		pabrik.kembalikan(frappe.get_doc(DKB, self.dkb["TSA"]), SUBKOR, ALASAN)
		pesan = lonceng(KABID["TSA"], self.dkb["TSA"])
		self.assertEqual(len(pesan), 1)
		self.assertIn("dikembalikan", pesan[0].subject)
		self.assertIn(ALASAN, pesan[0].email_content)
		self.assertIn("Batas waktu", pesan[0].email_content)
		self.assertEqual(lonceng(KABID["TSB"], self.dkb["TSA"]), [])
		# ... and Tugas Saya shows the returned data with its reason at the top.
		t = next(t for t in tugas(KABID["TSA"]) if t["name"] == self.dkb["TSA"])
		self.assertEqual(t["workflow_state"], "Dikembalikan")
		self.assertEqual(t["pengembalian"]["alasan"], ALASAN)
		# Acceptance is told too.
		self.isi_dan_ajukan()
		aksi(frappe.get_doc(DKB, self.dkb["TSA"]), "Terima", SUBKOR)
		self.assertIn("diterima", lonceng(KABID["TSA"], self.dkb["TSA"])[-1].subject)

	def test_a_step_turn_is_the_sla_engines_message_not_told_twice(self):
		# The Kepala Dinas's disposisi started the Sekretaris's step 2 (a disposisi of hers): the SLA
		# engine tells her that turn, so the handover record left her out ...
		self.assertEqual(lonceng(SEKRETARIS, self.disposisi[0]), [])
		# ... while the Subkoordinator, whose next step is not a disposisi, is told of the one he got.
		pesan = lonceng(SUBKOR, self.disposisi[1])
		self.assertEqual(len(pesan), 1)
		self.assertIn(frappe.utils.get_fullname(SEKRETARIS), pesan[0].subject)  # named, not addressed
		self.assertNotIn(SEKRETARIS, pesan[0].subject)
		# Its acceptance goes back to the sender.
		aksi(frappe.get_doc("Disposisi", self.disposisi[1]), "Terima", SUBKOR)
		self.assertIn("diterima", lonceng(SEKRETARIS, self.disposisi[1])[-1].subject)

	def test_the_email_records_follow_the_sites_outgoing_email(self):
		nama = pemberitahuan.nama_pemberitahuan(DKB, "Dikembalikan", pemberitahuan.SUREL)
		bel = pemberitahuan.nama_pemberitahuan(DKB, "Dikembalikan", pemberitahuan.LONCENG)
		self.assertEqual(frappe.db.get_value("Notification", bel, "enabled"), 1)
		pemberitahuan.selaraskan_surel()
		aktif = pemberitahuan.surel_keluar_aktif()
		self.assertEqual(frappe.db.get_value("Notification", nama, "enabled"), int(aktif))
		for d in pemberitahuan.definisi():
			recipients = d["recipients"][0]
			self.assertNotIn("receiver_by_role", recipients, d["name"])

	# --- read-only where there is nothing to do --------------------------------------------------

	def test_the_kepala_dinas_only_reads_the_evaluation(self):
		eki = frappe.get_doc(EKI, self.evaluasi)
		self.assertFalse(frappe.has_permission(EKI, "write", eki, user=KADIS))
		self.assertTrue(frappe.has_permission(EKI, "read", eki, user=KADIS))
		jawaban = rest(KADIS, "PUT", sumber(EKI, eki.name), {"kalender_kerja": None})
		self.assertEqual(jawaban.status, 403)
		self.assertEqual(frappe.db.get_value(EKI, eki.name, "modified"), eki.modified)

	def test_a_kepala_bidang_may_not_edit_submitted_data(self):
		self.isi_dan_ajukan()
		with sebagai(KABID["TSA"]):
			self.assertIsNone(aturan_isian(DKB)["Diajukan"])
			doc = frappe.get_doc(DKB, self.dkb["TSA"])
			doc.baris[0].realisasi = "99"
			with self.assertRaises(frappe.PermissionError):
				doc.save()
		self.assertEqual(frappe.db.get_value("Baris Data Kinerja", doc.baris[0].name, "realisasi"), "12,5")

	# --- the desk each role lands on ---------------------------------------------------------------

	def test_install_is_idempotent_and_each_role_lands_on_tugas_saya(self):
		sebelum = {
			dt: frappe.db.count(dt)
			for dt in ("Workspace", "Number Card", "Custom HTML Block", "Notification", "Property Setter")
		}
		ruang_kerja.pasang()
		pemberitahuan.pasang()
		self.assertEqual(
			sebelum,
			{dt: frappe.db.count(dt) for dt in sebelum},
		)
		frappe.db.set_value("User", KABID["TSA"], "default_workspace", None)
		ruang_kerja.jadikan_beranda([KABID["TSA"]])
		self.assertEqual(
			frappe.db.get_value("User", KABID["TSA"], "default_workspace"), ruang_kerja.TUGAS_SAYA
		)
		peran_bidang = frappe.get_all("Has Role", {"parent": ruang_kerja.BIDANG_SAYA}, pluck="role")
		self.assertEqual(peran_bidang, [peran.KEPALA_BIDANG])
		peran_sakip = frappe.get_all(
			"Has Role", {"parent": "SAKIP Evaluasi", "parenttype": "Workspace"}, pluck="role"
		)
		self.assertNotIn(peran.KEPALA_BIDANG, peran_sakip)
		self.assertTrue(get_workflow_name(DKB))

	def test_only_a_brand_new_site_is_switched_to_bahasa_indonesia(self):
		lama = frappe.db.get_value("System Settings", None, ["language", "setup_complete"], as_dict=True)
		try:
			frappe.db.set_single_value("System Settings", "language", "en")
			frappe.db.set_single_value("System Settings", "setup_complete", 1)
			install.bahasa_situs_baru()  # a site in use (setup wizard done): nobody's language changes
			self.assertEqual(frappe.db.get_single_value("System Settings", "language"), "en")
			frappe.db.set_single_value("System Settings", "setup_complete", 0)
			install.bahasa_situs_baru()
			self.assertEqual(frappe.db.get_single_value("System Settings", "language"), "id")
		finally:
			frappe.db.set_single_value(
				"System Settings", {"language": lama.language, "setup_complete": lama.setup_complete}
			)


def disposisi_menunggu(user: str) -> list[str]:
	return [t["name"] for t in tugas(user) if t["doctype"] == DISPOSISI]


def catatan_sistem(nama: str) -> list[frappe._dict]:
	return frappe.get_all(
		"Comment",
		filters={"reference_doctype": DISPOSISI, "reference_name": nama, "comment_type": "Info"},
		fields=["owner", "content"],
	)


class TestDisposisiSelesai(SakipTestCase):
	"""A disposisi in Diterima waits for its addressee only while the SOP steps it assigns run: the
	step-1 disposisi assigns step 2 (the Sekretaris's own disposisi), the step-2 disposisi steps 3-4
	(the work paper)."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.bidang = pabrik.siapkan_bidang(KABID, "Bidang Disposisi")
		pabrik.buat_indikator(cls.bidang["TSA"], "Persentase jalan mantap DS", (10, 20, 30, 40))

	def test_the_step_1_disposisi_closes_once_the_sekretaris_sends_theirs(self):
		eki = pabrik.buat_evaluasi("II").name
		d1 = aksi(pabrik.kirim_disposisi(eki, KADIS, SEKRETARIS), "Terima", SEKRETARIS)
		self.assertEqual(disposisi_menunggu(SEKRETARIS), [d1.name], "step 2 waits for the Sekretaris")
		pabrik.kirim_disposisi(eki, SEKRETARIS, SUBKOR)
		self.assertEqual(disposisi_menunggu(SEKRETARIS), [], "step 2 is done")
		self.assertEqual(frappe.db.get_value(DISPOSISI, d1.name, "workflow_state"), "Selesai")
		catatan = catatan_sistem(d1.name)
		self.assertEqual([c.owner for c in catatan], ["Administrator"])
		self.assertIn("langkah 2", catatan[0].content)

	def test_the_step_2_disposisi_closes_once_the_work_paper_is_distributed(self):
		eki = pabrik.buat_evaluasi("II").name
		aksi(pabrik.kirim_disposisi(eki, KADIS, SEKRETARIS), "Terima", SEKRETARIS)
		d2 = aksi(pabrik.kirim_disposisi(eki, SEKRETARIS, SUBKOR), "Terima", SUBKOR)
		self.assertEqual(disposisi_menunggu(SUBKOR), [d2.name], "steps 3-4 wait for the Subkoordinator")
		kke = frappe.get_doc({"doctype": "Kertas Kerja Evaluasi", "evaluasi": eki}).insert()
		for action, user in (("Ajukan", SUBKOR), ("Setujui", SEKRETARIS)):
			kke = aksi(kke, action, user)
		self.assertEqual(disposisi_menunggu(SUBKOR), [d2.name], "step 4 still runs")
		aksi(kke, "Distribusikan", SUBKOR)
		self.assertEqual(disposisi_menunggu(SUBKOR), [], "a finished disposisi waits for nobody")
		self.assertEqual(frappe.db.get_value(DISPOSISI, d2.name, "workflow_state"), "Selesai")
		for user in (KADIS, SEKRETARIS, SUBKOR):
			with sebagai(user):
				self.assertEqual(api.dokumen(DISPOSISI, d2.name)["aksi"], [], user)
		# Closed by the app, said in the timeline with the finished step, not as the Subkoordinator.
		catatan = catatan_sistem(d2.name)
		self.assertEqual([c.owner for c in catatan], ["Administrator"])
		self.assertIn("langkah 4", catatan[0].content)
		self.assertIn(kke.name, catatan[0].content)
		self.assertFalse(
			frappe.db.exists(
				"Comment", {"reference_name": d2.name, "comment_type": "Workflow", "content": "Selesai"}
			)
		)

	def test_a_disposisi_accepted_after_its_work_is_done_closes_at_once(self):
		eki = pabrik.buat_evaluasi("II").name
		d1 = pabrik.kirim_disposisi(eki, KADIS, SEKRETARIS)
		pabrik.kirim_disposisi(eki, SEKRETARIS, SUBKOR)  # step 2 done before the Sekretaris accepted d1
		self.assertEqual(disposisi_menunggu(SEKRETARIS), [d1.name], "still to be read and accepted")
		d1 = aksi(d1, "Terima", SEKRETARIS)
		self.assertEqual(d1.workflow_state, "Selesai")
		self.assertEqual(disposisi_menunggu(SEKRETARIS), [])

	def test_the_addressee_still_finishes_a_disposisi_whose_work_runs(self):
		eki = pabrik.buat_evaluasi("II").name
		d1 = aksi(pabrik.kirim_disposisi(eki, KADIS, SEKRETARIS), "Terima", SEKRETARIS)
		d1 = aksi(d1, "Selesaikan", SEKRETARIS)
		self.assertEqual(d1.workflow_state, "Selesai")
		self.assertEqual(disposisi_menunggu(SEKRETARIS), [])
		self.assertEqual(catatan_sistem(d1.name), [])
