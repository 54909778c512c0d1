"""The SLA clocks of the SOP steps, as the desk shows them (``sakip_evaluasi.sla.tampilan``)."""

import frappe
from frappe.desk.reportview import get_form_params

from sakip_evaluasi.sla import tampilan


@frappe.whitelist()
def jam_langkah(evaluasi: str) -> dict:
	"""Every step clock of the evaluation the session user may read: started, due, finished, status
	(with its colour) and late by (working hours), with the current step and who it waits for.

	Not ``@frappe.read_only()``: the current step is read with a locking read (``jam.jam_evaluasi``,
	FOR UPDATE), which the read-only replica refuses; it reads the primary."""
	return tampilan.jam_langkah(evaluasi)


@frappe.whitelist()
@frappe.read_only()
def daftar_langkah() -> dict | list:
	"""The Langkah Evaluasi list view's rows: what ``frappe.desk.reportview.get`` answers to the
	list's own parameters, each row's status derived from the clock now, with its colour."""
	return tampilan.daftar_langkah(get_form_params())
