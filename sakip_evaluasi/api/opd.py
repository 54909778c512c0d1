"""The OPD boundary in the forms (``sakip_evaluasi.pejabat.opd``)."""

import frappe

from sakip_evaluasi.pejabat import opd


@frappe.whitelist()
def cari_pengguna_opd(
	doctype: str,
	txt: str,
	searchfield: str,
	start: int,
	page_len: int,
	filters: dict | str | None = None,
	as_dict: bool = False,
) -> list:
	"""The link search of a routing user field (``filters``: ``opd`` or ``evaluasi``, and the form's
	``doctype`` and ``field``): only the users who may act in the document's OPD, by name or login."""
	filters = frappe._dict(frappe.parse_json(filters) if isinstance(filters, str) else filters or {})
	nama_opd = filters.opd or (
		filters.evaluasi and frappe.db.get_value("Evaluasi Kinerja Internal", filters.evaluasi, "opd")
	)
	if nama_opd and not frappe.has_permission("OPD", "read", nama_opd):
		return []
	return opd.cari_pengguna_opd(
		nama_opd, txt, int(start or 0), int(page_len or 20), filters.field or "", filters.doctype or ""
	)
