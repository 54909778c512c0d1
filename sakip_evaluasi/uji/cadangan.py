"""Server side of the backup check (``keandalan/uji_cadangan.py``): data worth restoring (the demo
agency and its two cycles, made by ``bench sakip-demo``, plus a bukti dukung attached to a Data
Kinerja Bidang) and a snapshot of everything the app keeps, to compare a site with its restored copy:
every row of every DocType of the app (so every document, its workflow state, the SLA clocks),
the Workflows, Workflow Actions, Versions and comments of its documents, and every attached File
with the SHA-256 of its content on disk."""

import hashlib
import json

import frappe

from sakip_evaluasi.extends.berkas import MODUL

BUKTI = "bukti-uji-cadangan.pdf"


def siapkan() -> dict:
	"""One private attachment on a Data Kinerja Bidang of the demo (``bench --site S sakip-demo`` first)."""
	dkb = frappe.get_all("Data Kinerja Bidang", pluck="name", order_by="name asc", limit=1)[0]
	if not frappe.db.exists("File", {"file_name": ("like", "bukti-uji-cadangan%")}):
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": BUKTI,
				"attached_to_doctype": "Data Kinerja Bidang",
				"attached_to_name": dkb,
				"content": b"%PDF-1.4 bukti dukung uji cadangan " + frappe.generate_hash().encode(),
			}
		).insert(ignore_permissions=True)
	frappe.db.commit()
	return {"dkb": dkb}


def _baris(doctype: str, filters: dict | None = None) -> list[dict]:
	if frappe.get_meta(doctype).issingle:
		return frappe.db.sql(
			"select field, value from `tabSingles` where doctype = %s order by field", doctype, as_dict=True
		)
	return frappe.get_all(doctype, filters=filters or {}, fields=["*"], order_by="name asc")


def potret() -> dict[str, str]:
	"""Per table: the number of rows and the SHA-256 of all of them (every column)."""
	doctypes = frappe.get_all("DocType", filters={"module": MODUL}, pluck="name", order_by="name asc")
	isi = {dt: _baris(dt) for dt in doctypes}
	isi["Workflow"] = _baris("Workflow", {"document_type": ("in", doctypes)})
	isi["Workflow Document State"] = _baris(
		"Workflow Document State", {"parent": ("in", [w["name"] for w in isi["Workflow"]] or [""])}
	)
	for dt in ("Workflow Action", "Version", "Comment"):
		kolom = "reference_doctype" if dt != "Version" else "ref_doctype"
		isi[dt] = _baris(dt, {kolom: ("in", doctypes)})
	berkas = _baris("File", {"attached_to_doctype": ("in", doctypes)})
	for f in berkas:
		doc = frappe.get_doc("File", f["name"])
		if doc.exists_on_disk():
			with open(doc.get_full_path(), "rb") as berkas_disk:
				f["sha256_isi"] = hashlib.sha256(berkas_disk.read()).hexdigest()
		else:
			f["sha256_isi"] = None
	isi["File"] = berkas
	return {
		tabel: f"{len(baris)} rows, sha256 {hashlib.sha256(json.dumps(baris, sort_keys=True, default=str).encode()).hexdigest()[:16]}"
		for tabel, baris in isi.items()
	}
