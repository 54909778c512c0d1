"""The workflow rules of the SOP documents, for their forms (``sakip_evaluasi.alur_kerja``)."""

import frappe

from sakip_evaluasi import alur_kerja


@frappe.whitelist()
def aturan_isian(doctype: str) -> dict[str, dict | None]:
	"""Per workflow state of ``doctype``, what the session user may change (None: nothing); the form
	locks the rest, and every save enforces the same rule."""
	return alur_kerja.aturan_isian(doctype)
