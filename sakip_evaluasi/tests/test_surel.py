"""E-mail on a site with and without an outgoing Email Account (``sakip_evaluasi.extends.surel``): without
one, workflow transitions log no error and the bell still rings, and administrators are told once;
with one, Workflow Action and SLA e-mails are queued. Transitions are taken as the real roles, by
the document API and over REST."""

from unittest.mock import patch

import frappe
from frappe.email.doctype.email_account.email_account import EmailAccount

from sakip_evaluasi.domain.doctype import PENGATURAN
from sakip_evaluasi.extends.surel import selaraskan_surel, workflow_aplikasi
from sakip_evaluasi.setup.install import after_migrate
from sakip_evaluasi.setup.workflow import pasang_workflow
from sakip_evaluasi.sla.notifikasi import kirim_tertunda
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, SEKRETARIS, SUBKOR, TAHUN_UJI, SakipTestCase, sebagai
from sakip_evaluasi.tests.rest import aksi_rest, rest, sumber
from sakip_evaluasi.tests.test_workflow_sync import shipped

ADMIN = "admin.surel@test.sakip"
AKUN = "SAKIP Uji Surel"
GAGAL = "Failed to send workflow action email"
SUBJEK_MATI = "%e-mail keluar belum aktif%"


class TestSurel(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.buat_pejabat()
		pabrik.buat_user(ADMIN, "System Manager")

	def setUp(self):
		super().setUp()
		self.addCleanup(setattr, frappe.local, "outgoing_email_account", {})
		self.addCleanup(setattr, frappe.flags, "mute_emails", frappe.flags.mute_emails)
		frappe.flags.mute_emails = False

	# --- the site's e-mail, within a test (rolled back) -----------------------------------------------

	def tanpa_surel(self):
		"""A site without outgoing e-mail: every outgoing account disabled, no mail in site_config."""
		for name in frappe.get_all("Email Account", filters={"enable_outgoing": 1}, pluck="name"):
			frappe.db.set_value("Email Account", name, {"enable_outgoing": 0, "default_outgoing": 0})
		tanpa_konfigurasi = patch.object(EmailAccount, "find_from_config", return_value=None)
		tanpa_konfigurasi.start()
		self.addCleanup(tanpa_konfigurasi.stop)
		frappe.local.outgoing_email_account = {}
		return selaraskan_surel()

	def dengan_surel(self):
		"""An outgoing Email Account is created, as an administrator does (e-mails are only queued:
		no worker sends them)."""
		pabrik.buat_akun_surel(AKUN, "sakip-uji-surel@test.sakip")
		frappe.local.outgoing_email_account = {}

	def error_log_baru(self):
		"""A function listing the Error Logs written since now. Error Log is a MyISAM table, which a
		rollback does not undo: the test deletes what it wrote, so the site keeps only its own."""
		ada = set(frappe.get_all("Error Log", pluck="name"))

		def baru():
			return [e for e in frappe.get_all("Error Log", fields=["name", "method"]) if e.name not in ada]

		def hapus():
			for e in baru():
				frappe.db.delete("Error Log", {"name": e.name})

		self.addCleanup(hapus)
		return baru

	def surel_workflow(self) -> dict[str, int]:
		return {w: frappe.db.get_value("Workflow", w, "send_email_alert") for w in workflow_aplikasi()}

	def siklus_awal(self):
		"""Steps 1-2 as their roles take them: the Kadis sends a disposisi (document API), the
		Sekretaris writes and sends theirs over REST; the SLA notifications go out after each (the
		Kadis is told of step 1, the Sekretaris of steps 2 and 3)."""
		with sebagai(KADIS):
			eki = frappe.get_doc(
				{"doctype": "Evaluasi Kinerja Internal", "tahun": TAHUN_UJI, "triwulan": "I"}
			)
			eki.insert()
		kirim_tertunda(commit=False)
		d1 = pabrik.kirim_disposisi(eki.name, KADIS, SEKRETARIS)
		kirim_tertunda(commit=False)
		baru = {
			"evaluasi": eki.name,
			"dari": SEKRETARIS,
			"kepada": SUBKOR,
			"instruksi": [{"instruksi": "Siapkan bahan"}],
		}
		jawaban = rest(SEKRETARIS, "POST", sumber("Disposisi"), baru)
		self.assertEqual(jawaban.status, 200, jawaban)
		d2 = jawaban.hasil["name"]
		jawaban = aksi_rest(SEKRETARIS, "Disposisi", d2, "Kirim")
		self.assertEqual(jawaban.status, 200, jawaban)
		self.assertEqual(frappe.db.get_value("Disposisi", d2, "workflow_state"), "Dikirim")
		kirim_tertunda(commit=False)
		return eki, d1.name, d2

	def surel_ke(self, doctype, names) -> list[str]:
		antrean = frappe.get_all(
			"Email Queue",
			filters={"reference_doctype": doctype, "reference_name": ("in", names)},
			pluck="name",
		)
		return frappe.get_all(
			"Email Queue Recipient", filters={"parent": ("in", antrean or [""])}, pluck="recipient"
		)

	def bel(self, user, eki) -> int:
		langkah = frappe.get_all("Langkah Evaluasi", filters={"evaluasi": eki.name}, pluck="name")
		return frappe.db.count(
			"Notification Log",
			{"for_user": user, "document_type": "Langkah Evaluasi", "document_name": ("in", langkah)},
		)

	def diberitahu(self, user) -> int:
		return frappe.db.count(
			"Notification Log",
			{"for_user": user, "document_type": PENGATURAN, "subject": ("like", SUBJEK_MATI)},
		)

	# --- without outgoing e-mail ---------------------------------------------------------------------

	def test_without_outgoing_email_transitions_log_no_error_and_the_bell_still_rings(self):
		self.assertEqual(set(self.tanpa_surel().values()), {False})
		self.assertEqual(set(self.surel_workflow().values()), {0}, "Workflow Action e-mails are off")
		kesalahan = self.error_log_baru()

		eki, d1, d2 = self.siklus_awal()

		self.assertEqual(kesalahan(), [], "nothing is logged as an error")
		# The bell: each step's holder is told it is their turn, and Frappe's own Workflow Action
		# list still holds the next actions.
		for user in (KADIS, SEKRETARIS):
			self.assertGreaterEqual(self.bel(user, eki), 1, user)
		for d in (d1, d2):
			self.assertTrue(frappe.db.exists("Workflow Action", {"reference_name": d, "status": "Open"}), d)
		self.assertEqual(self.surel_ke("Disposisi", [d1, d2]), [])

		# What the switch prevents (the defect): Frappe's e-mail on and no account logs an error.
		frappe.db.set_value("Workflow", "Alur Disposisi", "send_email_alert", 1)
		pabrik.kirim_disposisi(eki.name, KADIS, SUBKOR)
		self.assertTrue(kesalahan())
		self.assertEqual({e.method for e in kesalahan()}, {GAGAL})

	def test_an_administrator_is_told_once_where_they_look(self):
		frappe.db.set_global("sakip_evaluasi_surel_mati_diberitahukan", None)  # e-mail was on until now
		admin = ("Administrator", ADMIN)
		sebelum = {u: self.diberitahu(u) for u in admin}
		self.tanpa_surel()
		selaraskan_surel()  # again: another Email Account change, a migrate, ...
		after_migrate()
		self.assertEqual({u: self.diberitahu(u) for u in admin}, {u: n + 1 for u, n in sebelum.items()})
		self.assertEqual(self.diberitahu(KADIS), 0, "only System Managers are told")

		# The Pengaturan SAKIP form says so as long as it is so (document API and REST, as the desk).
		doc = frappe.get_single(PENGATURAN)
		doc.run_method("onload")
		self.assertIn("belum memiliki Email Account keluar", doc.get_onload().pesan_surel)
		jawaban = rest(
			ADMIN, "GET", f"/api/method/frappe.desk.form.load.getdoc?doctype={PENGATURAN}&name={PENGATURAN}"
		)
		self.assertEqual(jawaban.status, 200, jawaban)
		onload = jawaban.data["docs"][0]["__onload"]
		self.assertFalse(onload["surel_keluar_aktif"])
		self.assertIn("Default Outgoing", onload["pesan_surel"])

		self.dengan_surel()
		doc = frappe.get_single(PENGATURAN)
		doc.run_method("onload")
		self.assertEqual((doc.get_onload().surel_keluar_aktif, doc.get_onload().pesan_surel), (True, None))
		# E-mail lost again later: told again, once.
		frappe.delete_doc("Email Account", AKUN, ignore_permissions=True)
		frappe.local.outgoing_email_account = {}
		selaraskan_surel()
		self.assertEqual({u: self.diberitahu(u) for u in admin}, {u: n + 2 for u, n in sebelum.items()})

	# --- with an outgoing Email Account ----------------------------------------------------------------

	def test_with_an_outgoing_account_workflow_action_and_sla_emails_go_out(self):
		self.tanpa_surel()
		self.dengan_surel()
		self.assertEqual(set(self.surel_workflow().values()), {1}, "switched on by saving the account")
		kesalahan = self.error_log_baru()

		eki, d1, d2 = self.siklus_awal()

		self.assertEqual(kesalahan(), [])
		# Workflow Action e-mails: the addressee of each disposisi may accept it.
		self.assertIn(SEKRETARIS, self.surel_ke("Disposisi", [d1]))
		self.assertIn(SUBKOR, self.surel_ke("Disposisi", [d2]))
		# SLA: each step's holder gets the bell and the same text by e-mail.
		langkah = frappe.get_all("Langkah Evaluasi", filters={"evaluasi": eki.name}, pluck="name")
		self.assertLessEqual({KADIS, SEKRETARIS}, set(self.surel_ke("Langkah Evaluasi", langkah)))
		self.assertGreaterEqual(self.bel(SEKRETARIS, eki), 1)

		# The account removed: off again, and a transition logs nothing.
		frappe.delete_doc("Email Account", AKUN, ignore_permissions=True)
		frappe.local.outgoing_email_account = {}
		self.assertEqual(set(self.surel_workflow().values()), {0})
		pabrik.kirim_disposisi(eki.name, KADIS, SUBKOR)
		self.assertEqual(kesalahan(), [])

	# --- the switch and the shipped workflows ----------------------------------------------------------

	def test_the_switch_is_no_administrators_edit_and_an_administrators_choice_is_kept(self):
		self.tanpa_surel()
		# Turned off by the app, a workflow still counts as untouched: new app versions update it.
		self.assertEqual(pasang_workflow(shipped("Alur Disposisi")), "sama")
		data = shipped("Alur Disposisi")
		data["states"][0]["message"] = "Versi baru"
		self.assertEqual(pasang_workflow(data), "diperbarui")
		after_migrate()
		self.assertEqual(set(self.surel_workflow().values()), {0}, "still off after migrate")

		# An administrator switches one workflow's e-mail off on purpose: it stays off.
		self.dengan_surel()
		wf = frappe.get_doc("Workflow", "Alur Notulen Rapat")
		wf.send_email_alert = 0
		wf.save()
		selaraskan_surel()
		self.assertEqual(pasang_workflow(shipped("Alur Notulen Rapat")), "diubah administrator, dibiarkan")
		frappe.delete_doc("Email Account", AKUN, ignore_permissions=True)
		self.dengan_surel()
		surel = self.surel_workflow()
		self.assertEqual(surel.pop("Alur Notulen Rapat"), 0)
		self.assertEqual(set(surel.values()), {1})
