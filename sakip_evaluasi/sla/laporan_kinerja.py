"""The clocks of the LKjIP (Laporan Kinerja): each stage runs the step of "SOP Penyusunan Laporan
Kinerja" whose time the Pemda sets in that SOP record, measured on the default Kalender Kerja; the
step just done is closed with its outcome (on time or late)."""

import frappe
from frappe import _
from frappe.utils import now_datetime

from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.lkjip import model as m
from sakip_evaluasi.sla.kalender import get_kalender

SOP_LKJIP = "SOP Penyusunan Laporan Kinerja"


def _langkah_sop() -> dict[int, dict]:
	if not frappe.db.exists("SOP", SOP_LKJIP):
		return {}
	return {r.no: r for r in frappe.get_doc("SOP", SOP_LKJIP).langkah}


def jalankan_jam(doc) -> None:
	"""Close the clock of the step just done, open the one of the new stage."""
	sekarang = now_datetime()
	for r in doc.langkah:
		if not r.selesai:
			r.selesai = sekarang
			r.status = _(sla.status_pada(sekarang, r.batas_waktu, None, sekarang))
	no = m.LANGKAH_PADA_TAHAP.get(doc.workflow_state)
	langkah = _langkah_sop().get(no) if no else None
	if not langkah:
		doc.batas_waktu, doc.status_batas = None, _("Selesai") if doc.workflow_state == m.FINAL else None
		return
	rencana = sla.rencanakan(get_kalender(), sekarang, langkah.waktu, langkah.satuan)
	doc.append(
		"langkah",
		{
			"no": langkah.no,
			"kegiatan": langkah.kegiatan,
			"pelaksana": langkah.pelaksana,
			"mulai": sekarang,
			"batas_waktu": rencana.batas_waktu,
			"status": _(sla.BERJALAN),
		},
	)
	doc.batas_waktu = rencana.batas_waktu
	doc.status_batas = _(sla.BERJALAN)
