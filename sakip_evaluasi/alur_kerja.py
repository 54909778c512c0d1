"""Server-side rules around the Frappe Workflows of the SOP documents.

Frappe checks transitions on the server (role and condition), but "Only Allow Edit For" per
state only in the browser (frappe#16678). ``pastikan_boleh_mengubah`` enforces it on the server,
so a REST call cannot change a document its caller may not edit in the current state.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.model.workflow import apply_workflow, get_workflow_name

# Fields Frappe or this app maintain themselves; changing them is not an "edit" by the user.
_BUKAN_ISIAN = {
	"modified",
	"modified_by",
	"creation",
	"owner",
	"idx",
	"docstatus",
	"workflow_state",
	"_user_tags",
	"_comments",
	"_assign",
	"_liked_by",
	"_seen",
	"name",
	"parent",
	"parentfield",
	"parenttype",
}


@contextmanager
def sebagai(user: str) -> Iterator[None]:
	"""Run the block as ``user`` (then as Administrator again): the demo and the tests act as the
	SOP actors this way."""
	frappe.set_user(user)
	try:
		yield
	finally:
		frappe.set_user("Administrator")


def jalankan_aksi(doctype: str, name: str, action: str, user: str) -> None:
	"""Take a workflow action as ``user``, as the desk's action menu does."""
	with sebagai(user):
		apply_workflow(frappe.get_doc(doctype, name).as_dict(), action)


def status_lama(doc) -> str | None:
	before = doc.get_doc_before_save()
	return before.get("workflow_state") if before else None


def status_berubah(doc) -> bool:
	"""True when this save moves the document to another workflow state."""
	return not doc.is_new() and status_lama(doc) != doc.get("workflow_state")


def masuk_status(doc, state: str) -> bool:
	"""True when this save moves the document into ``state``."""
	return status_berubah(doc) and doc.get("workflow_state") == state


def pastikan_boleh_mengubah(doc) -> None:
	"""Refuse a save that changes data in a state the user may not edit (per the Workflow)."""
	if doc.is_new() or _dilewati(doc):
		return
	workflow_name = get_workflow_name(doc.doctype)
	if not workflow_name:
		return
	before = doc.get_doc_before_save()
	state = before.get("workflow_state") if before else None
	if not state or not ada_perubahan_isian(doc, before):
		return
	# A state may be listed more than once, one row per role allowed to edit in it.
	allow_edit = set(
		frappe.get_all(
			"Workflow Document State", filters={"parent": workflow_name, "state": state}, pluck="allow_edit"
		)
	)
	if allow_edit and not allow_edit & set(frappe.get_roles()):
		frappe.throw(
			_("{0} {1} berstatus {2}: isinya hanya dapat diubah oleh peran {3}.").format(
				_(doc.doctype), doc.name, state, ", ".join(sorted(allow_edit))
			),
			frappe.PermissionError,
			title=_("Tidak diizinkan mengubah"),
		)


def pastikan_alasan_dikembalikan(doc) -> None:
	if masuk_status(doc, "Dikembalikan") and not (doc.get("alasan_dikembalikan") or "").strip():
		frappe.throw(
			_("Tuliskan alasan pengembalian pada kolom Alasan Dikembalikan sebelum mengembalikan dokumen."),
			title=_("Alasan wajib diisi"),
		)


def _dilewati(doc) -> bool:
	return bool(
		frappe.session.user == "Administrator"
		or doc.flags.dari_sistem
		or frappe.flags.in_install
		or frappe.flags.in_migrate
		or frappe.flags.in_patch
	)


def ada_perubahan_isian(doc, before) -> bool:
	if _isi(doc) != _isi(before):
		return True
	for df in doc.meta.get_table_fields():
		now = [_isi(row) for row in doc.get(df.fieldname) or []]
		old = [_isi(row) for row in before.get(df.fieldname) or []]
		if now != old:
			return True
	return False


def _isi(doc) -> dict:
	values = {}
	for df in doc.meta.fields:
		if df.fieldname in _BUKAN_ISIAN or df.fieldtype in ("Table", "Table MultiSelect") or df.is_virtual:
			continue
		if df.fetch_from:  # copied from a linked record by Frappe; the link itself is compared
			continue
		value = doc.get(df.fieldname)
		values[df.fieldname] = None if value in ("", None) else str(value)
	return values


class DokumenAlurKerja(Document):
	"""Base of the SOP output documents that run through a Workflow.

	Subclasses implement ``validasi_isi`` (always) and ``validasi_masuk_status(state)`` (checks
	that must hold for the document to enter ``state``), and ``setelah_masuk_status(state)`` for
	what entering a state sets in motion (e.g. distributing the work paper).
	"""

	def validate(self) -> None:
		pastikan_boleh_mengubah(self)
		pastikan_alasan_dikembalikan(self)
		self.validasi_isi()
		if status_berubah(self):
			self.validasi_masuk_status(self.workflow_state)

	def before_save(self) -> None:
		if status_berubah(self) and status_lama(self) == "Dikembalikan":
			self.alasan_dikembalikan = None

	def on_update(self) -> None:
		if status_berubah(self):
			if self.workflow_state == "Dikembalikan":
				self.add_comment("Comment", _("Dikembalikan: {0}").format(self.alasan_dikembalikan))
			self.setelah_masuk_status(self.workflow_state)

	def validasi_isi(self) -> None:
		pass

	def validasi_masuk_status(self, state: str) -> None:
		pass

	def setelah_masuk_status(self, state: str) -> None:
		pass
