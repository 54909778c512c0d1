"""The SLA clocks of the SOP steps, as the desk shows them (``sakip_evaluasi.sla.tampilan``)."""

import frappe

from sakip_evaluasi.sla import tampilan


@frappe.whitelist()
def jam_langkah(evaluasi: str) -> dict:
	"""Every step clock of the evaluation the session user may read: started, due, finished, status
	and late by (working hours), with the current step and who it waits for."""
	return tampilan.jam_langkah(evaluasi)
