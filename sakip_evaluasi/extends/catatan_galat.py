"""Error Log written while a request reads from the replica (``read_from_replica``).

In Frappe v15 a function marked ``@frappe.read_only()`` (the list view's and the reports' reads,
and the app's own read endpoints) runs on the replica's connection, which MariaDB refuses writes on
(``read_only``). Frappe's report runner logs every exception of a report to the Error Log before
raising it again; on the replica that insert fails with "running with the --read-only option", and
the user gets that database error (HTTP 500) instead of the report's own message (e.g. *Pilih tahun
dan triwulan.*). Here an Error Log made on the replica's connection goes through Frappe's deferred
insert instead (Redis, written to the primary by Frappe's scheduled ``deferred_insert.save_to_db``),
as Frappe does itself in its read-only mode: the user sees the report's message, the error is kept.
"""

import frappe
from frappe.core.doctype.error_log.error_log import ErrorLog


def di_replika() -> bool:
	"""True while this request's database connection is the replica's (inside ``@frappe.read_only()``)."""
	primer = getattr(frappe.local, "primary_db", None)
	return primer is not None and frappe.local.db is not primer


class CatatanGalat(ErrorLog):
	def insert(self, *args, **kwargs):
		if di_replika():
			self.deferred_insert()
			return self
		return super().insert(*args, **kwargs)
