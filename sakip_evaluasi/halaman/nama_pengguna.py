"""People by name, never by login, on every desk page.

Frappe's desk shows a user by the full name it finds in ``frappe.boot.user_info``; at boot that holds
only the session user, and a form adds the people of its comments and versions, not its creator or last
editor, so "subkor@… membuat dokumen ini" and "… terakhir mengubah" showed logins. The boot gets the
names (and pictures) of the people the session user works with: the users of their OPDs (every OPD's for
a user limited to none, e.g. the Inspektorat), and the Pemda-wide roles the SOP gives a part."""

import frappe
from frappe.utils import add_user_info

from sakip_evaluasi.domain.peran import PERAN_APP, PERAN_PEMDA
from sakip_evaluasi.pejabat.izin import opd_pengguna
from sakip_evaluasi.pejabat.opd import pengguna_opd


def rekan_kerja(user: str) -> set[str]:
	"""The users ``user`` meets in the app's documents (nobody for a user with no role of the app)."""
	if user in ("Guest", "Administrator") or not set(frappe.get_roles(user)) & set(PERAN_APP):
		return set()
	opd = opd_pengguna(user) or frappe.get_all("OPD", pluck="name")
	users = {"Administrator"}
	for o in opd:
		users |= pengguna_opd(o, PERAN_PEMDA)
	return users


def tambah_ke_boot(bootinfo) -> None:
	"""boot_session hook: the names of the session user's co-workers into ``bootinfo.user_info``."""
	user_info = bootinfo.setdefault("user_info", frappe._dict())
	add_user_info(rekan_kerja(frappe.session.user), user_info)
