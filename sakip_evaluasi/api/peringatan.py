"""Peringatan dini for the desk: the workspace cards' numbers and the meeting's draft rekomendasi
(``sakip_evaluasi.aturan.peringatan``)."""

import frappe

from sakip_evaluasi.aturan import peringatan


@frappe.whitelist()
@frappe.read_only()
def jumlah_indikator(filters: str | dict | None = None) -> dict:
	"""A Number Card's value: how many indicators the session user may see have the status
	``filters.status`` (Kritis, Perlu Perhatian, Aman) in the period ``filters`` names or the latest
	one, with the route to the report."""
	return peringatan.jumlah_per_status(frappe.parse_json(filters) if filters else None)


@frappe.whitelist()
def draf_rekomendasi(notulen: str) -> list[dict]:
	"""The draft rekomendasi of every Kritis indicator of the minutes' evaluation that its Rekomendasi
	table does not hold yet, for the form to add (the meeting keeps, edits or drops them)."""
	doc = frappe.get_doc("Notulen Rapat", notulen)
	doc.check_permission("write")
	ada = {r.indikator for r in doc.rekomendasi if r.indikator}
	return [d for d in peringatan.draf_rekomendasi(doc.evaluasi) if d["indikator"] not in ada]
