"""Acting as an SOP actor from code: the demo, the load and concurrency drivers and the tests take
workflow actions as the real users this way."""

from collections.abc import Iterator
from contextlib import contextmanager

import frappe
from frappe.model.workflow import apply_workflow


@contextmanager
def sebagai(user: str) -> Iterator[None]:
	"""Run the block as ``user`` (then as the user before it again, so blocks nest): the demo and
	the tests act as the SOP actors this way."""
	sebelumnya = frappe.session.user or "Administrator"
	frappe.set_user(user)
	try:
		yield
	finally:
		frappe.set_user(sebelumnya)


def jalankan_aksi(doctype: str, name: str, action: str, user: str) -> None:
	"""Take a workflow action as ``user``, as the desk's action menu does."""
	with sebagai(user):
		apply_workflow(frappe.get_doc(doctype, name).as_dict(), action)
