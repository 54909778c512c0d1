"""Close the disposisi that earlier versions left *Diterima* although the SOP steps they assign have
ended (the demo's and every real evaluation's step-1 and step-2 disposisi): each becomes *Selesai*
as a system action with a timeline comment naming the finished step, as the engine now does when
the step ends. A disposisi whose work still runs, or in any other state, is left as it is.
"""

import frappe

from sakip_evaluasi.domain.doctype import DISPOSISI
from sakip_evaluasi.sla.pemicu import pemicu_sop
from sakip_evaluasi.sla.penugasan import DITERIMA, tutup_disposisi_tuntas


def execute() -> None:
	for evaluasi in frappe.get_all(
		DISPOSISI, filters={"workflow_state": DITERIMA}, pluck="evaluasi", distinct=True
	):
		if not evaluasi:
			continue
		sop = frappe.db.get_value("Evaluasi Kinerja Internal", evaluasi, "sop")
		tutup_disposisi_tuntas(evaluasi, pemicu_sop(sop))
