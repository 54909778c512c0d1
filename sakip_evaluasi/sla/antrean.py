"""The app's background jobs in RQ: a job whose worker died is recognised by its heartbeat."""

from datetime import datetime, timezone

from frappe.utils.background_jobs import get_job
from rq.job import JobStatus

DETAK_MATI = 90  # seconds without a heartbeat after which a started job's worker is taken for dead


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
