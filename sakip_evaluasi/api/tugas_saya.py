"""Tugas Saya: what waits for the session user (``sakip_evaluasi.halaman.tugas_saya``)."""

import frappe

from sakip_evaluasi.halaman import tugas_saya as tugas


@frappe.whitelist()
@frappe.read_only()
def daftar() -> dict:
	"""Every SOP document awaiting the session user's action (what to do, deadline, working time
	left, status colour) and, for the Kepala Dinas and Sekretaris, the running evaluations."""
	return tugas.tugas_saya()


@frappe.whitelist()
@frappe.read_only()
def dokumen(doctype: str, name: str) -> dict:
	"""The form's banner: the session user's next action on the document, its deadline and the
	working time left."""
	return tugas.tugas_dokumen(doctype, name)
