"""Moving modules must not break a running site: what a site made on an earlier commit holds by
dotted path — scheduled jobs (with the interval set in Pengaturan SAKIP), Number Cards, queued jobs,
hooks, old endpoint URLs — still resolves after ``bench migrate``."""

import frappe
from frappe.core.doctype.scheduled_job_type.scheduled_job_type import sync_jobs

from sakip_evaluasi.sla import jadwal
from sakip_evaluasi.tests.factories import SakipTestCase

APP = "sakip_evaluasi"
# Where the previous layout kept the Plt/Plh job: a site made then holds this Scheduled Job Type.
JOB_LAMA = "sakip_evaluasi.penunjukan.selaraskan_penunjukan"
# Jobs a site may still have in its queues from before the move (frappe.enqueue by dotted path).
ANTREAN = (
	"sakip_evaluasi.sla.notifikasi.kirim_tertunda",
	"sakip_evaluasi.cetak.paket.buat_di_latar",
	"sakip_evaluasi.cetak.folder_bukti.buat_di_latar",
)


def jalur_hooks() -> list[str]:
	"""Every dotted path the app's hooks name (the keys of override_whitelisted_methods are URLs)."""
	hooks = frappe.get_hooks(app_name=APP)
	bagian = [hooks.get(k) for k in ("after_install", "after_migrate", "before_uninstall", "doc_events")]
	bagian += [hooks.get("scheduler_events"), hooks.get("jinja")]
	bagian += list((hooks.get("override_whitelisted_methods") or {}).values())
	out: list[str] = []

	def kumpulkan(x):
		if isinstance(x, str):
			out.append(x)
		elif isinstance(x, dict):
			for v in x.values():
				kumpulkan(v)
		elif isinstance(x, list | tuple):
			for v in x:
				kumpulkan(v)

	kumpulkan(bagian)
	return [p for p in out if p.startswith(APP + ".")]


class TestTataLetak(SakipTestCase):
	def test_every_dotted_path_of_the_hooks_resolves(self):
		jalur = jalur_hooks()
		self.assertGreater(len(jalur), 10)
		for p in jalur:
			with self.subTest(p):
				self.assertTrue(callable(frappe.get_attr(p)), p)

	def test_a_scheduled_job_of_the_old_layout_is_moved_and_keeps_the_interval(self):
		# a site made on the previous layout: the job under its old path, the interval set to 10 minutes
		baru = next(p for p in jalur_hooks() if p.endswith(".selaraskan_penunjukan"))
		frappe.db.delete("Scheduled Job Type", {"method": baru})
		frappe.get_doc(
			{
				"doctype": "Scheduled Job Type",
				"method": JOB_LAMA,
				"frequency": "Cron",
				"cron_format": "*/5 * * * *",
			}
		).insert(ignore_permissions=True)
		frappe.db.set_single_value("Pengaturan SAKIP", "interval_pemeriksaan_sla", "10")

		sync_jobs()  # what bench migrate does with scheduler_events
		jadwal.sesuaikan_jadwal()  # what the next check does with the interval

		metode = frappe.get_all(
			"Scheduled Job Type", pluck="method", filters={"method": ("like", f"{APP}.%")}
		)
		self.assertNotIn(JOB_LAMA, metode)
		self.assertIn(baru, metode)
		for m in metode:
			self.assertTrue(callable(frappe.get_attr(m)), m)
		self.assertEqual(
			frappe.db.get_value("Scheduled Job Type", {"method": jadwal.METODE}, "cron_format"),
			"*/10 * * * *",
		)

	def test_number_cards_and_charts_of_the_app_resolve(self):
		kartu = frappe.get_all(
			"Number Card", filters={"type": "Custom", "method": ("like", f"{APP}.%")}, pluck="method"
		)
		self.assertTrue(kartu, "the app's custom number cards are installed")
		for m in kartu:
			self.assertTrue(callable(frappe.get_attr(m)), m)
		for laporan in frappe.get_all(
			"Dashboard Chart", filters={"module": "SAKIP Evaluasi"}, pluck="report_name"
		):
			if laporan:
				self.assertTrue(frappe.db.exists("Report", laporan), laporan)

	def test_jobs_queued_before_the_move_still_run(self):
		for p in ANTREAN:
			with self.subTest(p):
				self.assertTrue(callable(frappe.get_attr(p)), p)

	def test_old_endpoint_urls_still_answer(self):
		override = frappe.get_hooks("override_whitelisted_methods", app_name=APP)
		for lama, baru in override.items():
			if lama.startswith(APP):
				with self.subTest(lama):
					fungsi = frappe.get_attr(baru[-1] if isinstance(baru, list) else baru)
					self.assertIn(fungsi, frappe.whitelisted, f"{lama} → {baru}")
