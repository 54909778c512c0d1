"""The page every app user lands on: the Tugas Saya workspace (``User.default_workspace``), set for
each user who holds an SOP role and has no landing page of their own. The workspace itself is
installed by ``setup/ruang_kerja.py``."""

import frappe

from sakip_evaluasi.domain.peran import PERAN_APP

TUGAS_SAYA = "Tugas Saya"


def pengguna_aplikasi() -> list[str]:
	"""Enabled users (other than Administrator) holding an SOP role."""
	return frappe.get_all(
		"Has Role",
		filters={"parenttype": "User", "role": ("in", list(PERAN_APP)), "parent": ("!=", "Administrator")},
		pluck="parent",
		distinct=True,
	)


def jadikan_beranda(users: list[str] | None = None) -> int:
	"""Tugas Saya as the landing page of each app user who has no landing page of their own."""
	n = 0
	for user in users if users is not None else pengguna_aplikasi():
		if not frappe.db.get_value("User", user, "default_workspace"):
			frappe.db.set_value("User", user, "default_workspace", TUGAS_SAYA, update_modified=False)
			frappe.cache.hdel("bootinfo", user)
			n += 1
	return n
