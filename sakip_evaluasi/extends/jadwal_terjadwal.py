"""Scheduled Job Type, for the app's own scheduled jobs: a job record left *started* by a worker that
was killed does not hold the schedule back.

Frappe queues a scheduled job only when its id is not already *queued* or *started* in Redis. A
worker killed while it ran the SLA check (a restart, the OOM killer) leaves the check's job
*started*, and with Redis keeping its data (a queue Redis with persistence, or Redis alive while
the workers restart) Frappe then skips the check ("found in queue") until RQ's own clean-up marks
the job abandoned — up to the job's timeout plus RQ's maintenance interval, a quarter of an hour
without a check. The record is dropped as soon as its heartbeat is older than
``antrean.DETAK_MATI``, so the next scheduler tick queues the check again. Other apps' jobs keep
Frappe's behaviour."""

from frappe.core.doctype.scheduled_job_type.scheduled_job_type import ScheduledJobType

from sakip_evaluasi.sla.antrean import lepaskan_job_mati


class JadwalTerjadwalSakip(ScheduledJobType):
	def is_job_in_queue(self) -> bool:
		if (self.method or "").startswith("sakip_evaluasi."):
			lepaskan_job_mati(self.rq_job_id)
		return super().is_job_in_queue()
