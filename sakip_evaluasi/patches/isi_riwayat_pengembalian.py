"""Fill *Riwayat Pengembalian* of documents returned before the history existed.

Every return so far left a timeline comment "Dikembalikan: <alasan>" written by whoever returned
the document, at that moment; each becomes a history row (reason, who, when). The state it was
returned from comes from the Version the same save recorded (after the comment, before the next
return's), or, when there is none, from the workflow when only one state can be returned from;
otherwise it is left empty, never guessed. A document that is *Dikembalikan* now keeps its
*Alasan Dikembalikan* as the reason of its latest return (the field's text), or as its only row
when its comment was deleted. Documents that already have a history
are left alone, so running the patch again changes nothing.
"""

import json
from collections import defaultdict

import frappe
from frappe.model.workflow import get_workflow_name
from frappe.utils import get_datetime

from sakip_evaluasi.aturan.alur_kerja import DIKEMBALIKAN, FIELD_ALASAN, FIELD_RIWAYAT

DOCTYPES = ("Kertas Kerja Evaluasi", "Data Kinerja Bidang", "Notulen Rapat", "Tindak Lanjut Evaluasi")
AWALAN = "Dikembalikan: "


def execute() -> None:
	for doctype in DOCTYPES:
		if frappe.get_meta(doctype).has_field(FIELD_RIWAYAT):
			isi_doctype(doctype)


def isi_doctype(doctype: str) -> None:
	sudah = set(frappe.get_all("Riwayat Pengembalian", filters={"parenttype": doctype}, pluck="parent"))
	komentar = defaultdict(list)
	for k in frappe.get_all(
		"Comment",
		filters={"reference_doctype": doctype, "comment_type": "Comment", "content": ("like", AWALAN + "%")},
		fields=["reference_name", "content", "owner", "creation"],
		order_by="creation asc",
	):
		komentar[k.reference_name].append(
			{
				# stored as the field keeps it: Frappe escapes a text with < or > in both
				"alasan": k.content[len(AWALAN) :].strip(),
				"dikembalikan_oleh": k.owner,
				"waktu": k.creation,
			}
		)
	dikembalikan = {
		d.name: d
		for d in frappe.get_all(
			doctype,
			filters={"workflow_state": DIKEMBALIKAN, FIELD_ALASAN: ("is", "set")},
			fields=["name", FIELD_ALASAN, "modified", "modified_by"],
		)
	}
	satu_asal = _satu_status_asal(doctype)
	for name in (set(komentar) | set(dikembalikan)) - sudah:
		if not frappe.db.exists(doctype, name):
			continue
		riwayat = komentar.get(name) or []
		if now := dikembalikan.get(name):
			if riwayat:
				riwayat[-1]["alasan"] = now.get(FIELD_ALASAN).strip()
			else:
				riwayat = [
					{
						"alasan": now.get(FIELD_ALASAN).strip(),
						"dikembalikan_oleh": now.modified_by,
						"waktu": now.modified,
					}
				]
		asal = _status_asal_dari_versi(doctype, name)
		doc = frappe.get_doc(doctype, name)
		for i, r in enumerate(riwayat):
			sampai = riwayat[i + 1]["waktu"] if i + 1 < len(riwayat) else None
			dari = _status_dalam(asal, r["waktu"], sampai) or satu_asal
			doc.append(FIELD_RIWAYAT, {**r, "dari_status": dari}).db_insert()


def _status_asal_dari_versi(doctype: str, name: str) -> list[tuple]:
	"""(moment, state) of every change of the document into Dikembalikan its Versions recorded."""
	hasil = []
	for v in frappe.get_all(
		"Version", filters={"ref_doctype": doctype, "docname": name}, fields=["data", "creation"]
	):
		try:
			changed = json.loads(v.data or "{}").get("changed") or []
		except ValueError:
			continue
		for field, lama, baru in (c for c in changed if len(c) == 3):
			if field == "workflow_state" and baru == DIKEMBALIKAN:
				hasil.append((get_datetime(v.creation), lama))
	return hasil


def _status_dalam(asal: list[tuple], mulai, sampai) -> str | None:
	"""The state of the return whose comment was written at ``mulai``: its save writes the comment,
	then the Version, before the next return's comment (``sampai``)."""
	mulai, sampai = get_datetime(mulai), sampai and get_datetime(sampai)
	for waktu, state in sorted(asal):
		if waktu >= mulai and (sampai is None or waktu < sampai):
			return state
	return None


def _satu_status_asal(doctype: str) -> str | None:
	"""The state a document is returned from, when the workflow has only one."""
	workflow = get_workflow_name(doctype)
	asal = set(
		frappe.get_all(
			"Workflow Transition", filters={"parent": workflow, "next_state": DIKEMBALIKAN}, pluck="state"
		)
	)
	return asal.pop() if len(asal) == 1 else None
