"""The workflow rules of the SOP documents, for their forms (``sakip_evaluasi.alur_kerja``)."""

import random
import time

import frappe
from frappe.model.workflow import apply_workflow

from sakip_evaluasi import alur_kerja


@frappe.whitelist()
def aturan_isian(doctype: str) -> dict[str, dict | None]:
	"""Per workflow state of ``doctype``, what the session user may change (None: nothing); the form
	locks the rest, and every save enforces the same rule."""
	return alur_kerja.aturan_isian(doctype)


# Attempts of a workflow action that MariaDB chose as a deadlock victim.
PERCOBAAN_TINDAKAN = 3


@frappe.whitelist(methods=["POST"])
def ambil_tindakan(doc: str | dict, action: str) -> dict:
	"""Frappe's ``apply_workflow`` (``override_whitelisted_methods``), tried again when MariaDB ends
	it as a deadlock victim. At the end of a quarter many transitions move one evaluation at the same
	moment (each locks the evaluation, its clocks and Frappe's Workflow Action rows); InnoDB then
	rolls one transaction back whole, and asks for it to be retried: nothing of it was written, so
	it is run again (at most ``PERCOBAAN_TINDAKAN`` times) instead of answering HTTP 500."""
	for percobaan in range(1, PERCOBAAN_TINDAKAN + 1):
		jumlah_pesan = len(frappe.local.message_log)
		try:
			return apply_workflow(doc, action)
		except frappe.QueryDeadlockError:
			if percobaan == PERCOBAAN_TINDAKAN:
				raise
			frappe.db.rollback()
			del frappe.local.message_log[jumlah_pesan:]
			time.sleep(random.uniform(0.05, 0.3) * percobaan)
