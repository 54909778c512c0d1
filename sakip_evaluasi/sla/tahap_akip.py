"""The clock of each stage of an Evaluasi AKIP: when it started and its deadline on the OPD's Kalender
Kerja, in the working days the year's LKE sets per stage (``aturan.akip.WAKTU_TAHAP``). The status
(Berjalan … Terlambat) is ``domain.sla.status_pada`` of these two moments."""

from datetime import datetime

import frappe
from frappe.utils import cint, get_datetime, now_datetime

from sakip_evaluasi.aturan.akip import WAKTU_TAHAP
from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.doctype import LKE
from sakip_evaluasi.pejabat.opd import sop_dan_kalender
from sakip_evaluasi.sla.jam import ambang_peringatan
from sakip_evaluasi.sla.kalender import get_kalender


def mulai_tahap(doc, state: str, sekarang: datetime | None = None) -> None:
	"""Start the clock of ``state`` (none for the final state)."""
	sekarang = sekarang or now_datetime()
	hari = cint(frappe.db.get_value(LKE, doc.lke, WAKTU_TAHAP[state])) if state in WAKTU_TAHAP else 0
	doc.mulai_tahap = sekarang
	if hari <= 0:
		doc.batas_waktu_tahap = None
		return
	kalender = get_kalender(sop_dan_kalender(doc.opd)[1])
	doc.batas_waktu_tahap = sla.rencanakan(kalender, sekarang, hari, "Hari", ambang_peringatan()).batas_waktu


def status_tahap(doc, sekarang: datetime | None = None) -> str | None:
	"""The SLA status of the running stage (None when it has no clock)."""
	if not doc.get("batas_waktu_tahap"):
		return None
	return sla.status_pada(sekarang or now_datetime(), get_datetime(doc.batas_waktu_tahap))
