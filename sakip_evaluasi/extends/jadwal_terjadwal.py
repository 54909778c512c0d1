"""Scheduled Job Type, for the app's own scheduled jobs: a job record left *started* by a worker that
was killed does not hold the schedule back.

Frappe queues a scheduled job only when its id is not already *queued* or *started* in Redis. A
worker killed while it ran the SLA check (a restart, the OOM killer) leaves the check's job
*started*, and with Redis keeping its data (a queue Redis with persistence, or Redis alive while
the workers restart) Frappe then skips the check ("found in queue") until RQ's own clean-up marks
the job abandoned — up to the job's timeout plus RQ's maintenance interval, a quarter of an hour
without a check. The record is dropped as soon as its heartbeat is older than
``DETAK_MATI``, so the next scheduler tick queues the check again. Other apps' jobs keep
Frappe's behaviour."""

from datetime import datetime, timezone

from frappe.core.doctype.scheduled_job_type.scheduled_job_type import ScheduledJobType
from frappe.utils.background_jobs import get_job
from rq.job import JobStatus

DETAK_MATI = 90  # seconds without a heartbeat after which a started job's worker is taken for dead


class JadwalTerjadwalSakip(ScheduledJobType):
	def is_job_in_queue(self) -> bool:
		if (self.method or "").startswith("sakip_evaluasi."):
			lepaskan_job_mati(self.rq_job_id)
		return super().is_job_in_queue()


def lepaskan_job_mati(job_id: str) -> bool:
	"""Remove the record of ``job_id`` (Frappe's id, without the site) when it is *started* but its
	heartbeat — RQ renews it every ``job_monitoring_interval``, 30 s, while the job runs — is older
	than ``DETAK_MATI``: its worker was killed and the job will never finish. True when removed.

	Frappe deduplicates jobs by id (``deduplicate=True``, and every scheduled job): without this, such a
	record refuses every new job of that id until RQ cleans it up minutes later."""
	job = get_job(job_id)
	if not job or job.get_status() != JobStatus.STARTED or not job.last_heartbeat:
		return False
	if (datetime.now(timezone.utc).replace(tzinfo=None) - job.last_heartbeat).total_seconds() <= DETAK_MATI:
		return False
	job.delete()
	return True
