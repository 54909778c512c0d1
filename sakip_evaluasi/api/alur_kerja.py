"""The workflow rules of the SOP documents, for their forms (``sakip_evaluasi.alur_kerja``)."""

import frappe
from frappe.model.document import Document
from frappe.model.workflow import apply_workflow

from sakip_evaluasi import alur_kerja
from sakip_evaluasi.penunjukan import pastikan_penunjukan_berlaku, peran_transisi


@frappe.whitelist()
def aturan_isian(doctype: str) -> dict[str, dict | None]:
	"""Per workflow state of ``doctype``, what the session user may change (None: nothing); the form
	locks the rest, and every save enforces the same rule."""
	return alur_kerja.aturan_isian(doctype)


@frappe.whitelist(methods=["POST"])
def terapkan_aksi(doc: str | dict, action: str) -> Document:
	"""``frappe.model.workflow.apply_workflow`` (the desk's action menu and REST answer here through
	``override_whitelisted_methods``): an acting official (Plt/Plh) whose appointment does not run
	today is refused with a message that says so, before Frappe's own checks (which would only say the
	action is not valid once the scheduled job has taken their role away)."""
	data = frappe.parse_json(doc)
	if data.get("doctype") and data.get("name") and alur_kerja.dokumen_alur_kerja_sop(data["doctype"]):
		tersimpan = frappe.get_doc(data["doctype"], data["name"])
		pastikan_penunjukan_berlaku(
			tersimpan, peran_transisi(tersimpan.doctype, tersimpan.get("workflow_state"), aksi=action)
		)
	return apply_workflow(doc, action)
