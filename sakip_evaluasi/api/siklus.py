"""An evaluation's cycle at a glance, for the Evaluasi Kinerja Internal form (``sakip_evaluasi.aturan.siklus``)."""

import frappe

from sakip_evaluasi.aturan import siklus


@frappe.whitelist()
@frappe.read_only()
def dokumen_evaluasi(evaluasi: str) -> list[dict]:
	"""Every output document of the evaluation the session user may read, with its SOP steps and state."""
	return siklus.dokumen_evaluasi(evaluasi)
