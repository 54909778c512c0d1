"""Which "Value Change" Notifications a save need not evaluate: those whose field it did not change.

Frappe evaluates every enabled Notification of a DocType on each save (``Document.run_notifications``):
for a "Value Change" one it loads the Notification with its recipients, builds the safe-eval context and
runs its condition, and only then sees that its field did not change and sends nothing. The app's
handover Notifications (``pemberitahuan``: bell and e-mail per transition) all watch
``workflow_state``, so each save of data that moves no state (every Kabid's save of realisasi) paid
~15 ms per Notification for nothing. ``tidak_berubah`` names those a save can skip, deciding exactly as
Frappe's ``evaluate_alert`` would (the field's value before and after, cast by its fieldtype); a
Notification whose field did change, or that is not known here, is evaluated by Frappe as before.

The field each Notification watches is cached per DocType and dropped whenever a Notification is
saved or deleted (``hooks.py`` ``doc_events``).
"""

import frappe
from frappe.utils import cast

_CACHE = "sakip_evaluasi_notifikasi_nilai"


def _field_per_notifikasi(doctype: str) -> dict[str, str]:
	def baca() -> dict[str, str]:
		return dict(
			frappe.get_all(
				"Notification",
				filters={"document_type": doctype, "event": "Value Change"},
				fields=["name", "value_changed"],
				as_list=True,
			)
		)

	return frappe.cache.hget(_CACHE, doctype, baca)


def tidak_berubah(doc) -> list[str]:
	"""The "Value Change" Notifications of ``doc``'s DocType whose field this save left unchanged."""
	if doc.is_new() or doc.flags.in_insert or doc.flags.in_delete:
		return []
	sebelum = doc.get_doc_before_save()
	if not sebelum:
		return []
	hasil = []
	for nama, field in _field_per_notifikasi(doc.doctype).items():
		df = doc.meta.get_field(field) if field else None
		if df is None:  # Frappe disables it with a logged error: leave that to Frappe
			continue
		if cast(df.fieldtype, doc.get(field)) == cast(df.fieldtype, sebelum.get(field)):
			hasil.append(nama)
	return hasil


def notifikasi_berubah(doc, method=None) -> None:
	"""Notification on_update / after_delete: forget the fields of its DocType."""
	if doc.document_type:
		frappe.cache.hdel(_CACHE, doc.document_type)
