"""Fill *Riwayat Pengembalian* of documents returned before the history existed.

Every return so far left a timeline comment "Dikembalikan: <alasan>" written by whoever returned
the document, at that moment; each becomes a history row (reason, who, when). The state it was
returned from comes from the document's Version of that moment, or, when there is none, from the
workflow when only one state can be returned from. A document that is *Dikembalikan* now keeps its
*Alasan Dikembalikan* as the reason of its latest return (the exact text; a comment holds it
escaped), or as its only row when its comment was deleted. Documents that already have a history
are left alone, so running the patch again changes nothing.
"""

import html
import json
from collections import defaultdict

import frappe
from frappe.model.workflow import get_workflow_name
from frappe.utils import get_datetime

from sakip_evaluasi.alur_kerja import DIKEMBALIKAN, FIELD_ALASAN, FIELD_RIWAYAT

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
				"alasan": html.unescape(frappe.utils.strip_html_tags(k.content[len(AWALAN) :])).strip(),
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
		for r in riwayat:
			row = doc.append(FIELD_RIWAYAT, {**r, "dari_status": _terdekat(asal, r["waktu"]) or satu_asal})
			row.db_insert()


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


def _terdekat(asal: list[tuple], waktu) -> str | None:
	if not asal:
		return None
	waktu = get_datetime(waktu)
	return min(asal, key=lambda a: abs((a[0] - waktu).total_seconds()))[1]


def _satu_status_asal(doctype: str) -> str | None:
	"""The state a document is returned from, when the workflow has only one."""
	workflow = get_workflow_name(doctype)
	asal = set(
		frappe.get_all(
			"Workflow Transition", filters={"parent": workflow, "next_state": DIKEMBALIKAN}, pluck="state"
		)
	)
	return asal.pop() if len(asal) == 1 else None
