"""People of another OPD no longer hear of a document: the calendar Events of a meeting and the ToDos
on an SOP document held by a user who may not act in the document's OPD are deleted, and the meeting
invitation's Notification records read their participants through the OPD guard
(``halaman.pemberitahuan.penerima_serah``) when they are still as the app shipped them. Says what it changed."""

import frappe

from sakip_evaluasi.aturan.serah import LONCENG, SUREL, definisi, nama_pemberitahuan
from sakip_evaluasi.domain.penerima import FIELD_PENERIMA
from sakip_evaluasi.pejabat.opd import opd_dokumen, pengguna_opd

# The invitation's recipient as shipped before: Frappe read the participants' table itself.
PENERIMA_LAMA = "peserta,peserta"


def execute() -> None:
	dihapus = hapus_lintas_opd()
	for baris in dihapus:
		print(f"batasi_penerima_opd: {baris}")
	for nama in perbarui_undangan():
		print(f"batasi_penerima_opd: Notification {nama}: participants through the OPD guard")


def hapus_lintas_opd() -> list[str]:
	"""Delete the Events and ToDos of another OPD's users; a line per deletion."""
	catatan, cache = [], {}

	def sah(doctype: str, name: str, user: str) -> bool:
		if (doctype, name) not in cache:
			opd = frappe.db.exists(doctype, name) and opd_dokumen(frappe.get_doc(doctype, name))
			cache[(doctype, name)] = pengguna_opd(opd) if opd else None
		users = cache[(doctype, name)]
		return users is None or user in users

	for e in frappe.db.sql(
		"""select distinct e.name, e.owner, p.reference_doctype, p.reference_docname
		from `tabEvent` e join `tabEvent Participants` p on p.parent = e.name
		where p.reference_doctype in %(doctypes)s""",
		{"doctypes": tuple(FIELD_PENERIMA)},
		as_dict=True,
	):
		if not sah(e.reference_doctype, e.reference_docname, e.owner):
			frappe.delete_doc("Event", e.name, ignore_permissions=True, force=True)
			catatan.append(
				f"Event {e.name} of {e.owner} ({e.reference_doctype} {e.reference_docname}) deleted"
			)
	for t in frappe.get_all(
		"ToDo",
		filters={"reference_type": ("in", tuple(FIELD_PENERIMA))},
		fields=["name", "allocated_to", "reference_type", "reference_name"],
	):
		if t.allocated_to and not sah(t.reference_type, t.reference_name, t.allocated_to):
			frappe.delete_doc("ToDo", t.name, ignore_permissions=True, force=True)
			catatan.append(
				f"ToDo {t.name} of {t.allocated_to} ({t.reference_type} {t.reference_name}) deleted"
			)
	return catatan


def perbarui_undangan() -> list[str]:
	"""The invitation's Notification records whose only recipient is still the shipped child-table
	field take their participants through the guard; an administrator's own recipients stay."""
	diubah = []
	for channel in (LONCENG, SUREL):
		nama = nama_pemberitahuan("Notulen Rapat", "Undangan Dikirim", channel)
		if not frappe.db.exists("Notification", nama):
			continue
		doc = frappe.get_doc("Notification", nama)
		if [(r.receiver_by_document_field, r.cc or "", r.receiver_by_role or "") for r in doc.recipients] != [
			(PENERIMA_LAMA, "", "")
		]:
			continue
		baru = next(d for d in definisi() if d["name"] == nama)["recipients"][0]
		row = doc.recipients[0]
		row.receiver_by_document_field, row.cc = None, baru["cc"]
		doc.flags.ignore_permissions = True
		doc.save()
		diubah.append(nama)
	return diubah
