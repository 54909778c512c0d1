"""The engine: opens and closes Langkah Evaluasi records from the workflow states of the SOP documents.

Driven by the SOP record of each evaluation (``pemicu``): when an output document enters the state
that completes a step, that step's clock closes; every step whose predecessors have all ended then
opens, timed on the evaluation's Kalender Kerja. Steps per bidang open one clock per bidang that has
an output document. A step completed before its turn is recorded as done at once. An output that is
returned to a state from which it completes its step again (a Data Kinerja Bidang *Dikembalikan*)
reopens that step's clock. A disposisi whose assigned steps have all ended is closed (``penugasan``).

Every handler runs inside a savepoint: a failure of the engine is logged (Error Log) and reported
with a message, and never blocks the user's own save.
"""

from collections.abc import Callable
from datetime import datetime

import frappe
from frappe import _
from frappe.utils import get_datetime, get_fullname, now_datetime

from sakip_evaluasi.aturan.alur_kerja import ada_transisi, status_berubah
from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.doctype import EVALUASI, LANGKAH
from sakip_evaluasi.domain.sop import LangkahSOP
from sakip_evaluasi.sla.jam import (
	ambang_peringatan,
	jam_evaluasi,
	nama_langkah,
	pengguna_peran,
	saat_mulai_langkah,
)
from sakip_evaluasi.sla.kalender import kalender_evaluasi
from sakip_evaluasi.sla.pemicu import evaluasi_syarat, jadwal_mulai, pemicu_sop
from sakip_evaluasi.sla.penugasan import tutup_disposisi_tuntas
from sakip_evaluasi.sla.rencana import jadwal_dokumen_berubah, rencanakan_ulang_evaluasi

# --------------------------------------------------------------------------- called by the controllers


def evaluasi_dibuat(doc) -> None:
	"""Evaluasi Kinerja Internal after_insert: step 1 starts now."""
	_aman(lambda: _mulai_evaluasi(doc), doc)


def evaluasi_diperbarui(doc) -> None:
	"""Evaluasi Kinerja Internal on_update: a new Kalender Kerja re-plans its running steps."""
	if doc.flags.in_insert or not doc.has_value_changed("kalender_kerja"):
		return
	_aman(lambda: rencanakan_ulang_evaluasi(doc), doc)


def evaluasi_dihapus(doc) -> None:
	"""Evaluasi Kinerja Internal on_trash: its clocks go with it."""
	frappe.db.delete(LANGKAH, {"evaluasi": doc.name})


def dokumen_berubah(doc) -> None:
	"""on_update of an SOP output document (inserted, or moved to another workflow state)."""
	if not doc.get("evaluasi"):
		return
	masuk_status = bool(doc.flags.in_insert) or status_berubah(doc)
	if not masuk_status and not _jadwal_berubah(doc):
		return
	_aman(lambda: proses_dokumen(doc, masuk_status), doc)


def _aman(fn: Callable[[], object], doc) -> None:
	titik = "sakip_evaluasi_sla"
	frappe.db.savepoint(titik)
	try:
		fn()
	except Exception:
		frappe.db.rollback(save_point=titik)
		frappe.log_error(
			title=_("Mesin SLA gagal memproses {0} {1}").format(doc.doctype, doc.name),
			reference_doctype=doc.doctype,
			reference_name=doc.name,
		)
		frappe.msgprint(
			_("Jam SLA langkah SOP belum dapat diperbarui; kesalahannya dicatat di Error Log."),
			indicator="orange",
			alert=True,
		)


def _jadwal_berubah(doc) -> bool:
	if doc.is_new():
		return False
	# A step's start is scheduled by date and time fields only: a save that changes none of them
	# (every Kabid's save of their data) is answered without reading the SOP.
	waktu = [df.fieldname for df in doc.meta.fields if df.fieldtype in ("Date", "Datetime", "Time")]
	if not any(doc.has_value_changed(f) for f in waktu):
		return False
	fields = {
		f
		for p in _pemicu_evaluasi(doc.evaluasi)
		if p.doctype == doc.doctype
		for f in (p.field_tanggal, p.field_jam)
		if f
	}
	return any(doc.has_value_changed(f) for f in fields)


def _pemicu_evaluasi(evaluasi: str) -> tuple[LangkahSOP, ...]:
	return pemicu_sop(frappe.db.get_value(EVALUASI, evaluasi, "sop"))


# --------------------------------------------------------------------------- the engine


def _mulai_evaluasi(eki) -> None:
	if majukan(eki, pemicu_sop(eki.sop), now_datetime()):
		ringkasan = ringkasan_langkah(eki.name)
		eki.db_set(ringkasan, update_modified=False)


def kunci_evaluasi(evaluasi: str) -> None:
	"""Serialise everything that moves ``evaluasi`` on: a row lock on the evaluation, held until commit.

	Many bidang submit within the same second at the end of a quarter; each closes its own step-5
	clock and then asks whether step 6 may start. Under the lock, and with the clocks read by
	locking reads (which see the latest committed rows, not the transaction's snapshot), the last of
	them sees every other clock closed and opens the next step; none of them writes a stale summary.
	"""
	frappe.db.sql(f"SELECT name FROM `tab{EVALUASI}` WHERE name = %s FOR UPDATE", evaluasi)


def proses_dokumen(doc, masuk_status: bool, sekarang: datetime | None = None) -> bool:
	"""Close the steps ``doc`` completes, open the steps that may start, move a re-scheduled start."""
	kunci_evaluasi(doc.evaluasi)
	eki = frappe.get_doc(EVALUASI, doc.evaluasi)
	pemicu = pemicu_sop(eki.sop)
	if not pemicu:
		return False
	sekarang = sekarang or now_datetime()
	berubah = False
	if masuk_status:
		state = doc.get("workflow_state")
		for p in pemicu:
			if p.doctype != doc.doctype or not _cocok(p, doc, eki):
				continue
			if state == p.status_selesai:
				berubah |= tutup(eki, p, doc, sekarang)
			elif ada_transisi(doc.doctype, state, p.status_selesai):
				berubah |= buka_kembali(eki, p, doc, sekarang)
	berubah |= majukan(eki, pemicu, sekarang)
	if not doc.is_new():
		berubah |= jadwal_dokumen_berubah(eki, pemicu, doc, sekarang)
	if berubah:
		perbarui_ringkasan(eki.name)
		# a disposisi whose assigned steps this save finished waits for nobody any more
		tutup_disposisi_tuntas(eki.name, pemicu)
	return berubah


def _cocok(p: LangkahSOP, doc, eki) -> bool:
	if p.per_bidang and not doc.get("bidang"):
		return False
	return evaluasi_syarat(p.syarat, doc, eki)


def tutup(eki, p: LangkahSOP, doc, sekarang: datetime) -> bool:
	"""Stop the clock of step ``p`` (for ``doc``'s bidang) at ``sekarang``; True when a clock closed."""
	bidang = doc.get("bidang") if p.per_bidang else None
	nama = nama_langkah(eki.name, p.no, bidang)
	row = frappe.db.get_value(LANGKAH, nama, ["selesai", "batas_waktu", "mulai"], as_dict=True)
	if row is None:
		# Completed before its turn (the step before it is still running): record it as done at once.
		buka(eki, p, bidang, sekarang, sekarang, dokumen=doc)
		row = frappe.db.get_value(LANGKAH, nama, ["selesai", "batas_waktu", "mulai"], as_dict=True)
	if row.selesai:
		return False
	batas = get_datetime(row.batas_waktu)
	status = sla.status_pada(sekarang, batas, None, sekarang)
	terlambat = 0.0
	if status == sla.SELESAI_TERLAMBAT:
		terlambat = sla.keterlambatan_jam(kalender_evaluasi(eki), batas, sekarang)
	frappe.db.set_value(
		LANGKAH,
		nama,
		{
			"selesai": sekarang,
			"status_sla": status,
			"terlambat_jam": terlambat,
			"dokumen_doctype": doc.doctype,
			"dokumen": doc.name,
			"notifikasi_tertunda": 0,
		},
	)
	return True


def buka_kembali(eki, p: LangkahSOP, doc, sekarang: datetime) -> bool:
	"""The document that completed step ``p`` went back to a state from which it completes the step
	again (it was returned): that clock runs again, to the deadline it had; True when it reopened.

	The turn was told when the step first started (its bookkeeping is kept); a clock that reopens
	past its warning moment or deadline is flagged, so the state it is in is told once.
	"""
	nama = nama_langkah(eki.name, p.no, doc.get("bidang") if p.per_bidang else None)
	row = frappe.db.get_value(
		LANGKAH, nama, ["selesai", "batas_waktu", "batas_peringatan", "dokumen"], as_dict=True
	)
	if row is None or not row.selesai or row.dokumen != doc.name:
		return False
	status = sla.status_pada(
		sekarang,
		get_datetime(row.batas_waktu),
		get_datetime(row.batas_peringatan) if row.batas_peringatan else None,
	)
	frappe.db.set_value(
		LANGKAH,
		nama,
		{
			"selesai": None,
			"status_sla": status,
			"terlambat_jam": 0,
			"notifikasi_tertunda": int(status != sla.BERJALAN),
		},
	)
	if status != sla.BERJALAN:
		from sakip_evaluasi.sla.notifikasi import serahkan

		serahkan(setelah_commit=True)
	return True


def majukan(eki, pemicu: tuple[LangkahSOP, ...], sekarang: datetime) -> bool:
	"""Open every clock of the step whose predecessors have all ended; True when one opened."""
	if not pemicu:
		return False
	jam = jam_evaluasi(eki.name, ["langkah", "bidang", "selesai"])
	saat_mulai = saat_mulai_langkah(eki, pemicu, jam)
	no, mulai = list(saat_mulai.items())[-1]  # the first step that has not ended
	p = next(p for p in pemicu if p.no == no)
	ada = {j.bidang or None for j in jam if j.langkah == no}
	berubah = False
	for bidang, dokumen in _calon(eki, p):
		if bidang in ada:
			continue
		mulai_ini = mulai
		if p.status_mulai:
			mulai_ini = max(mulai, sekarang)
		if jadwal := jadwal_mulai(p, dokumen):
			mulai_ini = max(mulai_ini, jadwal)
		berubah |= buka(eki, p, bidang, mulai_ini, sekarang, dokumen=dokumen, salin_batas=True)
	return berubah


def _calon(eki, p: LangkahSOP) -> list[tuple[str | None, object]]:
	"""(bidang, output document or None) for each clock step ``p`` should have now."""
	if not (p.per_bidang or p.status_mulai or p.field_tanggal):
		return [(None, None)]
	filters = {"evaluasi": eki.name}
	if p.status_mulai:
		filters["workflow_state"] = p.status_mulai
	calon, dilihat = [], set()
	for name in frappe.get_all(p.doctype, filters=filters, pluck="name", order_by="creation asc"):
		doc = frappe.get_doc(p.doctype, name)
		if not _cocok(p, doc, eki):
			continue
		bidang = doc.get("bidang") if p.per_bidang else None
		if bidang not in dilihat:
			dilihat.add(bidang)
			calon.append((bidang, doc))
	if not calon and not (p.per_bidang or p.status_mulai):
		calon.append((None, None))  # a scheduled step whose document does not exist yet starts on time
	return calon


def buka(
	eki,
	p: LangkahSOP,
	bidang: str | None,
	mulai: datetime,
	sekarang: datetime,
	dokumen=None,
	salin_batas=False,
) -> bool:
	"""Start the clock of step ``p`` (for ``bidang``) at ``mulai``; False when it already exists.

	With ``salin_batas`` the deadline is also shown on the output document the step works on (e.g. a
	bidang's Data Kinerja Bidang) when that has an empty ``batas_waktu`` field.
	"""
	nama = nama_langkah(eki.name, p.no, bidang)
	if frappe.db.exists(LANGKAH, nama):
		return False
	ambang = ambang_peringatan()
	rencana = sla.rencanakan(kalender_evaluasi(eki), mulai, p.waktu, p.satuan, ambang)
	status = sla.status_pada(sekarang, rencana.batas_waktu, rencana.batas_peringatan)
	peran_atasan = sla.atasan(p.pelaksana)
	doc = frappe.get_doc(
		{
			"doctype": LANGKAH,
			"evaluasi": eki.name,
			"opd": eki.opd,
			"langkah": p.no,
			"kegiatan": p.kegiatan,
			"bidang": bidang,
			"peran": p.pelaksana,
			"pelaksana": pengguna_peran(eki, p.pelaksana, bidang),
			"atasan": pengguna_peran(eki, peran_atasan, bidang) if peran_atasan else None,
			"status_sla": status,
			"mulai": rencana.mulai,
			"batas_peringatan": rencana.batas_peringatan,
			"batas_waktu": rencana.batas_waktu,
			"waktu": p.waktu,
			"satuan": p.satuan,
			"ambang_peringatan": ambang,
			"dokumen_doctype": dokumen.doctype if dokumen else None,
			"dokumen": dokumen.name if dokumen else None,
			"notifikasi_tertunda": 1,
		}
	)
	doc.flags.ignore_permissions = True
	# an empty bidang / user must stay empty, not take the acting user's default (User Permission)
	doc.dont_update_if_missing = ["bidang", "peran", "pelaksana", "atasan", "dokumen_doctype", "dokumen"]
	try:
		doc.insert()
	except frappe.DuplicateEntryError:
		return False  # opened by a concurrent request
	if salin_batas:
		_salin_batas_waktu(dokumen, rencana.batas_waktu)
	from sakip_evaluasi.sla.notifikasi import serahkan

	serahkan(setelah_commit=True)
	return True


def _salin_batas_waktu(dokumen, batas: datetime) -> None:
	"""Show the step's deadline on its output document when that has an empty batas_waktu field."""
	if dokumen is None or dokumen.get("batas_waktu"):
		return
	df = dokumen.meta.get_field("batas_waktu")
	if df and df.fieldtype == "Datetime":
		frappe.db.set_value(dokumen.doctype, dokumen.name, "batas_waktu", batas, update_modified=False)


# --------------------------------------------------------------------------- the evaluation at a glance


def ringkasan_langkah(evaluasi: str) -> dict[str, str]:
	"""langkah_saat_ini and pemegang_langkah of an evaluation, from its clocks."""
	jam = jam_evaluasi(evaluasi, ["langkah", "kegiatan", "bidang", "pelaksana", "selesai"])
	berjalan = [j for j in jam if not j.selesai]
	if berjalan:
		no = min(j.langkah for j in berjalan)
		ini = [j for j in berjalan if j.langkah == no]
		teks = f"{no}. {ini[0].kegiatan or ''}".strip()
		if ini[0].bidang:
			teks = _("{0} ({1} bidang belum selesai)").format(_potong(teks, 100), len(ini))
		pemegang = ", ".join(sorted({get_fullname(j.pelaksana) for j in ini if j.pelaksana}))
		return {"langkah_saat_ini": _potong(teks), "pemegang_langkah": _potong(pemegang)}
	pemicu = _pemicu_evaluasi(evaluasi)
	selesai = {j.langkah for j in jam}
	sisa = [p for p in pemicu if p.no not in selesai]
	if pemicu and not sisa:
		return {"langkah_saat_ini": _("Selesai"), "pemegang_langkah": ""}
	if sisa:
		return {
			"langkah_saat_ini": _potong(_("{0}. Menunggu {1}").format(sisa[0].no, _(sisa[0].doctype))),
			"pemegang_langkah": "",
		}
	return {"langkah_saat_ini": "", "pemegang_langkah": ""}


def perbarui_ringkasan(evaluasi: str) -> None:
	frappe.db.set_value(EVALUASI, evaluasi, ringkasan_langkah(evaluasi), update_modified=False)


# --------------------------------------------------------------------------- repair


def evaluasi_tanpa_langkah_berjalan() -> list[str]:
	"""Evaluations whose clocks have started and none of which is running: the only ones in which a
	next step may be due without anybody acting (one query, whatever the number of clocks)."""
	return frappe.db.sql_list(
		f"""SELECT e.name FROM `tab{EVALUASI}` e
		WHERE EXISTS (SELECT 1 FROM `tab{LANGKAH}` l WHERE l.evaluasi = e.name)
		AND NOT EXISTS (SELECT 1 FROM `tab{LANGKAH}` l WHERE l.evaluasi = e.name AND l.selesai IS NULL)"""
	)


def perbaiki_evaluasi(sekarang: datetime | None = None, commit: bool = True) -> list[str]:
	"""Open every step that should have started and refresh stale summaries; the evaluations changed.

	Run by the scheduled check, so an evaluation never stays stuck (e.g. after a crash between a
	bidang's submission and the next step).
	"""
	sekarang = sekarang or now_datetime()
	diperbaiki = []
	for nama in evaluasi_tanpa_langkah_berjalan():
		kunci_evaluasi(nama)
		eki = frappe.get_doc(EVALUASI, nama)
		dibuka = majukan(eki, pemicu_sop(eki.sop), sekarang)
		ringkasan = ringkasan_langkah(nama)
		if dibuka or any((eki.get(k) or "") != v for k, v in ringkasan.items()):
			frappe.db.set_value(EVALUASI, nama, ringkasan, update_modified=False)
			diperbaiki.append(nama)
		if commit:
			frappe.db.commit()
	return diperbaiki


def _potong(teks: str, panjang: int = 140) -> str:
	return teks if len(teks) <= panjang else teks[: panjang - 1] + "…"
