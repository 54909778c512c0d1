"""What each step of an SOP record tells the SLA engine, and the checks that refuse a bad one.

The steps are the domain model (``domain.sop.LangkahSOP``), read from the record once. A step is
timed by the engine when it names a DocType Output (``dokumen_output``) and the workflow state that
completes it (``status_selesai``). Steps without one are skipped in the chain.
"""

from datetime import datetime

import frappe
from frappe import _
from frappe.utils import get_datetime, getdate

from sakip_evaluasi.aturan.alur_kerja import dokumen_alur_kerja_sop
from sakip_evaluasi.aturan.workflow import definisi_workflow
from sakip_evaluasi.domain.sop import SOP, LangkahSOP, langkah_dari_baris
from sakip_evaluasi.pejabat.pemegang import pejabat_pengganti

KOLOM_PEMICU = (
	"dokumen_output",
	"status_selesai",
	"status_mulai",
	"per_bidang",
	"syarat_dokumen",
	"field_tanggal_mulai",
	"field_jam_mulai",
)


def pemicu_sop(nama_sop: str | None) -> tuple[LangkahSOP, ...]:
	"""The timed steps of an SOP record (``domain.sop.LangkahSOP``, waktu in Decimal), in step order;
	empty when the SOP does not exist."""
	if not nama_sop or not frappe.db.exists("SOP", nama_sop):
		return ()
	sop = frappe.get_cached_doc("SOP", nama_sop)
	return SOP(
		nama=sop.name, langkah=tuple(langkah_dari_baris(row) for row in sop.langkah)
	).langkah_berwaktu()


def jadwal_mulai(langkah: LangkahSOP, dokumen) -> datetime | None:
	"""The scheduled start an output document gives ``langkah`` (e.g. the meeting's date and time)."""
	if not (langkah.field_tanggal and dokumen and dokumen.get(langkah.field_tanggal)):
		return None
	nilai = dokumen.get(langkah.field_tanggal)
	if langkah.field_jam and dokumen.get(langkah.field_jam):
		return get_datetime(f"{getdate(nilai)} {dokumen.get(langkah.field_jam)}")
	return get_datetime(nilai)


def status_alur_kerja(doctype: str) -> tuple[str | None, list[str]]:
	"""(workflow name, its states) for a DocType: the Workflow records on the site, else the shipped one.

	The shipped definition counts because the SOP seed is inserted on install before the workflows.
	"""
	for name in frappe.get_all(
		"Workflow", filters={"document_type": doctype}, pluck="name", order_by="is_active desc"
	):
		states = frappe.get_all(
			"Workflow Document State",
			filters={"parent": name, "parenttype": "Workflow"},
			pluck="state",
			order_by="idx asc",
		)
		return name, states
	for data in definisi_workflow():
		if data.get("document_type") == doctype:
			return data["name"], [s["state"] for s in data.get("states", [])]
	return None, []


def evaluasi_syarat(syarat: str | None, doc, evaluasi) -> bool:
	"""Evaluate a step's condition the way Frappe evaluates a workflow transition's condition."""
	if not syarat:
		return True
	data, dokumen = evaluasi.as_dict(), frappe._dict(doc.as_dict())
	if frappe.safe_eval(syarat, None, {"doc": dokumen, "evaluasi": frappe._dict(data)}):
		return True
	# a Plt/Plh running today stands in for the official recorded on the evaluation (who, under a
	# Plh, keeps the right to act: the condition holds for either)
	pengganti = pejabat_pengganti(evaluasi)
	return bool(pengganti) and bool(
		frappe.safe_eval(syarat, None, {"doc": dokumen, "evaluasi": frappe._dict({**data, **pengganti})})
	)


# --------------------------------------------------------------------------- validation (SOP.validate)


def validasi_pemicu(sop) -> None:
	"""Refuse an SOP record whose steps name a DocType, state, field or condition the engine cannot use."""
	masalah = [m for row in sop.langkah for m in _masalah_langkah(row)]
	if masalah:
		frappe.throw("<br>".join(masalah), title=_("LangkahSOP langkah SOP tidak valid"))


def _masalah_langkah(row):
	if not any(row.get(k) for k in KOLOM_PEMICU):
		return
	no = row.no
	doctype = row.dokumen_output
	if not doctype:
		yield _("Langkah {0}: isi DocType Output yang membawa output langkah ini.").format(no)
		return
	if not frappe.db.exists("DocType", doctype):
		yield _("Langkah {0}: DocType Output “{1}” tidak ada.").format(no, doctype)
		return
	meta = frappe.get_meta(doctype)
	evaluasi = meta.get_field("evaluasi")
	if not evaluasi or evaluasi.fieldtype != "Link" or evaluasi.options != "Evaluasi Kinerja Internal":
		yield _(
			"Langkah {0}: DocType “{1}” tidak memiliki field evaluasi yang menaut ke Evaluasi Kinerja Internal."
		).format(no, doctype)
	if not dokumen_alur_kerja_sop(doctype):
		yield _(
			"Langkah {0}: DocType “{1}” belum dipantau mesin SLA (controllernya bukan turunan DokumenAlurKerja)."
		).format(no, doctype)
	yield from _masalah_status(row, doctype)
	if row.per_bidang:
		bidang = meta.get_field("bidang")
		if not bidang or bidang.fieldtype != "Link" or bidang.options != "Bidang":
			yield _(
				"Langkah {0}: langkah per bidang memerlukan field bidang (Link ke Bidang) pada “{1}”."
			).format(no, doctype)
	if row.syarat_dokumen and (galat := _galat_syarat(row.syarat_dokumen)):
		yield _("Langkah {0}: syarat dokumen tidak valid: {1}").format(no, galat)
	yield from _masalah_jadwal(row, meta)


def _masalah_status(row, doctype: str):
	no = row.no
	workflow, states = status_alur_kerja(doctype)
	if not row.status_selesai:
		yield _(
			"Langkah {0}: isi Status Penyelesai (status alur kerja {1} yang menyelesaikan langkah)."
		).format(no, doctype)
	if not workflow:
		yield _("Langkah {0}: DocType “{1}” tidak memiliki Workflow, jadi tidak punya status.").format(
			no, doctype
		)
		return
	for label, status in (
		(_("Status Penyelesai"), row.status_selesai),
		(_("Status Pemulai"), row.status_mulai),
	):
		if status and status not in states:
			yield _("Langkah {0}: {1} “{2}” tidak ada pada alur kerja {3} (status yang ada: {4}).").format(
				no, label, status, workflow, ", ".join(states)
			)
	if row.status_mulai and row.status_mulai == row.status_selesai:
		yield _("Langkah {0}: Status Pemulai dan Status Penyelesai tidak boleh sama.").format(no)


def _masalah_jadwal(row, meta):
	no = row.no
	if row.field_jam_mulai and not row.field_tanggal_mulai:
		yield _("Langkah {0}: Field Jam Mulai Terjadwal memerlukan Field Tanggal Mulai Terjadwal.").format(no)
	for fieldname, jenis in (
		(row.field_tanggal_mulai, ("Date", "Datetime")),
		(row.field_jam_mulai, ("Time",)),
	):
		if not fieldname:
			continue
		df = meta.get_field(fieldname)
		if not df or df.fieldtype not in jenis:
			yield _("Langkah {0}: “{1}” bukan field {2} pada {3}.").format(
				no, fieldname, "/".join(jenis), meta.name
			)


def _galat_syarat(syarat: str) -> str | None:
	from frappe.utils.safe_exec import FrappeTransformer
	from RestrictedPython import compile_restricted

	try:
		compile_restricted(syarat, filename="<syarat_dokumen>", policy=FrappeTransformer, mode="eval")
	except SyntaxError as e:
		return str(e)
	return None
