"""A document signed electronically is locked: once a version of it carries a signature, a save or a
deletion is refused until that version is replaced by a new one with its reason
(``cetak.tte.versi_baru``). Bound to every DocType through ``doc_events["*"]`` (the mechanism is
generic: a DocType is concerned as soon as one of its print formats has a rule in Pengaturan TTE), and
costs one cached read for the others.
"""

import frappe
from frappe import _

from sakip_evaluasi.domain.doctype import DOKUMEN_TTE, PENGATURAN_TTE

BERTANDA = ("Sebagian Ditandatangani", "Selesai")


def _doctype_bertanda() -> set[str]:
	if frappe.flags.in_install or frappe.flags.in_migrate or frappe.flags.in_patch:
		return set()
	if not frappe.db.exists("DocType", PENGATURAN_TTE):
		return set()
	return {r.doctype_dokumen for r in frappe.get_cached_doc(PENGATURAN_TTE).aturan if r.doctype_dokumen}


def versi_terkunci(doctype: str, nama: str) -> dict | None:
	"""The signed version that locks ``doctype``/``nama``, if any."""
	rows = frappe.get_all(
		DOKUMEN_TTE,
		filters={"dokumen_doctype": doctype, "dokumen_name": nama, "status": ("in", BERTANDA), "segel": 0},
		fields=["name", "versi"],
		limit=1,
	)
	return rows[0] if rows else None


def cegah_ubah_tertanda(doc, method: str | None = None) -> None:
	"""doc_events["*"] validate and on_trash: refuse changing a signed document."""
	if doc.doctype == DOKUMEN_TTE or doc.is_new() or doc.doctype not in _doctype_bertanda():
		return
	kunci = versi_terkunci(doc.doctype, doc.name)
	if not kunci:
		return
	frappe.throw(
		_(
			"{0} {1} sudah ditandatangani secara elektronik (versi {2}) dan terkunci. Untuk koreksi, buat versi "
			"baru dengan alasannya (panel Tanda Tangan Elektronik, tombol Versi Baru). Perubahan tidak disimpan."
		).format(_(doc.doctype), doc.name, kunci.versi),
		title=_("Dokumen terkunci"),
	)
