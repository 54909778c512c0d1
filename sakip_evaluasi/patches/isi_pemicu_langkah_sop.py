"""Fill the SLA triggers of the seeded SOP's steps on sites installed before the SLA engine existed.

Only empty fields are filled (an administrator's own mapping is kept), straight into the rows: the
workflows these states belong to may be installed only after this patch, by ``after_migrate``.
"""

import frappe

from sakip_evaluasi.setup.install import SOP_DEFAULT, data_sop_default
from sakip_evaluasi.sla.pemicu import KOLOM_PEMICU


def execute() -> None:
	if not frappe.db.exists("SOP", SOP_DEFAULT):
		return
	seed = {row["no"]: row for row in data_sop_default()["langkah"]}
	for row in frappe.get_all(
		"Langkah SOP",
		filters={"parent": SOP_DEFAULT, "parenttype": "SOP"},
		fields=["name", "no", *KOLOM_PEMICU],
	):
		bawaan = seed.get(row.no) or {}
		isi = {k: bawaan[k] for k in KOLOM_PEMICU if bawaan.get(k) and not row.get(k)}
		if isi:
			frappe.db.set_value("Langkah SOP", row.name, isi, update_modified=False)
	frappe.clear_document_cache("SOP", SOP_DEFAULT)
