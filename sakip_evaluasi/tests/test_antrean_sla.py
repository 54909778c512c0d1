"""After a worker was killed in the middle of the SLA check, the next scheduler tick queues the check
again — the killed job's record, left *started* in Redis, does not hold the schedule back once its
heartbeat is older than ``jadwal_terjadwal.DETAK_MATI`` (Frappe's own deduplication would wait for RQ's
clean-up, up to a quarter of an hour without a check). Jobs of other apps keep Frappe's behaviour."""

from datetime import datetime, timedelta, timezone

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils.background_jobs import create_job_id, get_job, get_redis_conn
from rq.job import Job, JobStatus

from sakip_evaluasi.extends import jadwal_terjadwal as antrean
from sakip_evaluasi.sla.jadwal import METODE


def _sekarang() -> datetime:
	return datetime.now(timezone.utc).replace(tzinfo=None)


class TestAntreanSLA(FrappeTestCase):
	def setUp(self) -> None:
		self.dibuat: list[str] = []

	def tearDown(self) -> None:
		for job_id in self.dibuat:
			if job := get_job(job_id):
				job.delete()

	def job_berjalan(self, job_id: str, detak_terakhir: datetime) -> None:
		"""A job record as a killed worker leaves it: *started*, its last heartbeat at ``detak_terakhir``
		(in no queue, so no worker of this bench picks it up)."""
		self.dibuat.append(job_id)
		job = Job.create("frappe.ping", connection=get_redis_conn(), id=create_job_id(job_id))
		job.set_status(JobStatus.STARTED, pipeline=None)
		job.last_heartbeat = detak_terakhir
		job.save()

	def jadwal(self, metode: str):
		return frappe.get_doc("Scheduled Job Type", {"method": metode})

	def test_pemeriksaan_yang_workernya_mati_diantrekan_lagi(self):
		cek = self.jadwal(METODE)
		self.job_berjalan(cek.rq_job_id, _sekarang() - timedelta(minutes=5))
		self.assertFalse(cek.is_job_in_queue(), "a dead worker's record no longer blocks the check")
		self.assertIsNone(get_job(cek.rq_job_id))

	def test_pemeriksaan_yang_masih_berjalan_tidak_diantrekan_dua_kali(self):
		cek = self.jadwal(METODE)
		self.job_berjalan(cek.rq_job_id, _sekarang() - timedelta(seconds=20))
		self.assertTrue(cek.is_job_in_queue(), "a running check (fresh heartbeat) is not queued twice")
		self.assertEqual(get_job(cek.rq_job_id).get_status(), JobStatus.STARTED)

	def test_job_aplikasi_lain_tetap_perilaku_frappe(self):
		lain = frappe.get_all("Scheduled Job Type", filters={"method": ("like", "frappe.%")}, pluck="method")[
			0
		]
		job = self.jadwal(lain)
		self.job_berjalan(job.rq_job_id, _sekarang() - timedelta(minutes=5))
		self.assertTrue(job.is_job_in_queue())
		self.assertFalse(antrean.lepaskan_job_mati("tidak-ada-job-ini"))
