"""Re-planning running steps: a changed Kalender Kerja, an evaluation moved to another calendar, or a
re-scheduled meeting moves the deadlines (and warning moments) of the steps still running.

Each running step keeps its start, waktu, satuan and warning share (copied when it started); only the
calendar arithmetic is redone. A step whose status changes is flagged for the notification job; a
step that moves back (e.g. no longer late after a working day was added) forgets the notifications of
the states it left, so that reaching them again is told again.
"""

from datetime import datetime

import frappe
from frappe import _
from frappe.utils import flt, get_datetime, now_datetime

from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.doctype import EVALUASI, LANGKAH
from sakip_evaluasi.domain.sop import ke_desimal
from sakip_evaluasi.sla.jam import (
	KOLOM_RENCANA,
	jam_evaluasi,
	nama_langkah,
	saat_mulai_langkah,
)
from sakip_evaluasi.sla.kalender import kalender_dari_record, kalender_evaluasi
from sakip_evaluasi.sla.pemicu import jadwal_mulai


def kalender_diperbarui(doc) -> None:
	"""Kalender Kerja on_update: re-plan the running steps of every evaluation timed on it."""
	if doc.flags.in_insert:
		return
	rows = langkah_berjalan_pada_kalender(doc.name)
	if not rows:
		return
	dipindah = rencanakan_ulang(rows, kalender_dari_record(doc))
	frappe.msgprint(
		_("Kalender Kerja {0}: batas waktu {1} dari {2} langkah SOP yang sedang berjalan bergeser.").format(
			doc.name, dipindah, len(rows)
		),
		title=_("Langkah SOP dijadwalkan ulang"),
		indicator="blue" if dipindah else "green",
	)


def rencanakan_ulang_evaluasi(eki) -> int:
	"""Evaluasi Kinerja Internal moved to another Kalender Kerja: re-plan its running steps."""
	rows = frappe.get_all(
		LANGKAH, filters={"evaluasi": eki.name, "selesai": ("is", "not set")}, fields=KOLOM_RENCANA
	)
	if not rows:
		return 0
	dipindah = rencanakan_ulang(rows, kalender_evaluasi(eki))
	frappe.msgprint(
		_(
			"Batas waktu {0} dari {1} langkah SOP yang sedang berjalan bergeser mengikuti Kalender Kerja {2}."
		).format(dipindah, len(rows), eki.kalender_kerja),
		alert=True,
	)
	return dipindah


def jadwal_dokumen_berubah(eki, pemicu, doc, sekarang: datetime) -> bool:
	"""An output document's scheduled start changed (e.g. the meeting moved): move its running step."""
	saat_mulai = saat_mulai_langkah(eki, pemicu, jam_evaluasi(eki.name, ["langkah", "bidang", "selesai"]))
	berubah = False
	for p in pemicu:
		if p.doctype != doc.doctype or not p.field_tanggal or p.no not in saat_mulai:
			continue
		if not any(doc.has_value_changed(f) for f in (p.field_tanggal, p.field_jam) if f):
			continue
		nama = nama_langkah(eki.name, p.no, doc.get("bidang") if p.per_bidang else None)
		rows = frappe.get_all(
			LANGKAH, filters={"name": nama, "selesai": ("is", "not set")}, fields=KOLOM_RENCANA
		)
		if not rows:
			continue
		mulai = max(saat_mulai[p.no], jadwal_mulai(p, doc) or saat_mulai[p.no])
		rencanakan_ulang(rows, kalender_evaluasi(eki), sekarang, mulai_baru={nama: mulai})
		berubah = True
	return berubah


def langkah_berjalan_pada_kalender(kalender: str) -> list[dict]:
	"""Running steps of the evaluations timed on ``kalender`` (no calendar set = the default one)."""
	le = frappe.qb.DocType(LANGKAH)
	eki = frappe.qb.DocType(EVALUASI)
	pakai = eki.kalender_kerja == kalender
	if kalender == frappe.db.get_single_value("Pengaturan SAKIP", "kalender_kerja_default"):
		pakai = pakai | eki.kalender_kerja.isnull() | (eki.kalender_kerja == "")
	return (
		frappe.qb.from_(le)
		.join(eki)
		.on(eki.name == le.evaluasi)
		.select(*(le[k] for k in KOLOM_RENCANA))
		.where(le.selesai.isnull())
		.where(pakai)
		.run(as_dict=True)
	)


def rencanakan_ulang(rows, kalender, sekarang: datetime | None = None, mulai_baru: dict | None = None) -> int:
	"""Recompute the deadlines of ``rows`` on ``kalender``; returns how many deadlines moved.

	One bad row (e.g. a step time the calendar cannot place) is logged and skipped.
	"""
	sekarang = sekarang or now_datetime()
	perubahan: dict[str, dict] = {}
	dipindah = 0
	for row in rows:
		try:
			nilai, pindah = _rencana_baru(row, kalender, sekarang, (mulai_baru or {}).get(row.name))
		except Exception:
			frappe.log_error(
				title=_("Langkah {0} tidak dapat dijadwalkan ulang").format(row.name),
				reference_doctype=LANGKAH,
				reference_name=row.name,
			)
			continue
		if nilai:
			perubahan[row.name] = nilai
		if pindah:
			dipindah += 1
			_geser_batas_dokumen(row, get_datetime(row.batas_waktu), nilai["batas_waktu"])
	frappe.db.bulk_update(LANGKAH, perubahan, update_modified=False)
	return dipindah


def _rencana_baru(row, kalender, sekarang: datetime, mulai: datetime | None) -> tuple[dict, bool]:
	mulai = mulai or get_datetime(row.mulai)
	ambang = flt(row.ambang_peringatan) or sla.AMBANG_PERINGATAN_BAWAAN
	rencana = sla.rencanakan(kalender, mulai, ke_desimal(row.waktu), row.satuan, ambang)
	lama = (_dt(row.mulai), _dt(row.batas_peringatan), _dt(row.batas_waktu))
	if (rencana.mulai, rencana.batas_peringatan, rencana.batas_waktu) == lama:
		return {}, False
	nilai = {
		"mulai": rencana.mulai,
		"batas_peringatan": rencana.batas_peringatan,
		"batas_waktu": rencana.batas_waktu,
	}
	status = sla.status_pada(sekarang, rencana.batas_waktu, rencana.batas_peringatan)
	if status != row.status_sla:
		nilai["status_sla"] = status
		nilai["notifikasi_tertunda"] = 1
		if status == sla.BERJALAN:
			nilai["diberitahu_peringatan"] = None
		if status in (sla.BERJALAN, sla.HAMPIR_JATUH_TEMPO):
			nilai["diberitahu_terlambat"] = None
			nilai["eskalasi_terlambat"] = None
	return nilai, rencana.batas_waktu != lama[2]


def _geser_batas_dokumen(row, lama: datetime, baru: datetime) -> None:
	"""Keep the deadline shown on the output document in step, unless someone changed it there."""
	if not (row.dokumen_doctype and row.dokumen):
		return
	meta = frappe.get_meta(row.dokumen_doctype)
	if not meta.has_field("batas_waktu"):
		return
	if _dt(frappe.db.get_value(row.dokumen_doctype, row.dokumen, "batas_waktu")) == lama:
		frappe.db.set_value(row.dokumen_doctype, row.dokumen, "batas_waktu", baru, update_modified=False)


def _dt(nilai) -> datetime | None:
	return get_datetime(nilai) if nilai else None
