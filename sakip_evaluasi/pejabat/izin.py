"""Scoping by Frappe's own User Permissions, kept in step with who holds what.

- Every official of an OPD (Kepala Dinas, Sekretaris, Subkoordinator on the OPD form) and every
  Kepala Bidang of one of its bidang gets a User Permission on that **OPD**: every DocType that
  links to OPD (bidang, indicators, evaluations and all their documents) is limited to it.
- A Kepala Bidang also gets the Kepala Bidang role and a User Permission on their **Bidang**.
- Pemda-wide roles (Inspektorat, Bappeda, Admin SAKIP Pemda) get none: they read every OPD.
- What every OPD runs on — an SOP or Kalender Kerja without an OPD (the Pemda-wide ones) — is changed
  by the Admin SAKIP Pemda and the System Manager alone (``izin_acuan_pemda``, a ``has_permission``
  hook); an OPD's own SOP or calendar carries its ``opd`` and is scoped like every OPD record, so only
  that OPD's Sekretaris changes it.

An administrator sees and changes the scoping in the desk (User Permission list) without code, e.g.
to give a staff member of the Sekretariat the User Permission on their OPD. When a position changes
hands the previous holder's permission is removed, unless they still hold something in that OPD.
"""

import frappe
from frappe import _

from sakip_evaluasi.domain.peran import ADMIN_PEMDA, KEPALA_BIDANG

JABATAN_OPD = ("kepala_dinas", "sekretaris", "subkoordinator")
# Who changes what every OPD runs on (the Pemda-wide SOP and Kalender Kerja).
PENGELOLA_PEMDA = (ADMIN_PEMDA, "System Manager")
# What changes a document (everything else a role permission allows is reading it).
_MENGUBAH = ("write", "create", "delete", "submit", "cancel", "amend", "share")


def pastikan_kepala_bidang_aktif(user: str | None) -> None:
	if user and not frappe.db.get_value("User", user, "enabled"):
		frappe.throw(
			_("Pengguna {0} tidak aktif (dinonaktifkan) dan tidak dapat menjadi Kepala Bidang.").format(user),
			title=_("Kepala Bidang tidak valid"),
		)


def sinkronkan_izin_kepala_bidang(
	bidang: str, kepala_lama: str | None, kepala_baru: str | None, opd: str | None = None
) -> None:
	"""Move the Bidang's User Permissions (Bidang and its OPD) from the old head to the new one."""
	opd = opd or frappe.db.get_value("Bidang", bidang, "opd")
	if kepala_lama and kepala_lama != kepala_baru:
		_cabut_izin(kepala_lama, "Bidang", bidang)
		if not frappe.db.exists("Bidang", {"kepala_bidang": kepala_lama, "name": ("!=", bidang)}):
			# Without a User Permission on Bidang, the role would let them read every bidang's records.
			_hapus_peran(kepala_lama, KEPALA_BIDANG)
		if opd and not memegang_jabatan_di(kepala_lama, opd, kecuali_bidang=bidang):
			_cabut_izin(kepala_lama, "OPD", opd)
	if kepala_baru:
		_tambah_peran(kepala_baru, KEPALA_BIDANG)
		_beri_izin(kepala_baru, "Bidang", bidang)
		if opd:
			_beri_izin(kepala_baru, "OPD", opd)


def sinkronkan_izin_pejabat_opd(opd: str, lama: dict, baru: dict) -> None:
	"""The OPD's officials changed from ``lama`` to ``baru`` ({field: user}): the new ones get the
	User Permission on the OPD, the previous ones lose it unless they still hold something there."""
	for user in {u for u in baru.values() if u}:
		_beri_izin(user, "OPD", opd)
	for user in {u for u in lama.values() if u} - {u for u in baru.values() if u}:
		if not memegang_jabatan_di(user, opd):
			_cabut_izin(user, "OPD", opd)


def memegang_jabatan_di(user: str, opd: str, kecuali_bidang: str | None = None) -> bool:
	"""Whether ``user`` is an official of ``opd`` or heads one of its bidang (other than
	``kecuali_bidang``), as stored now."""
	if user in (frappe.db.get_value("OPD", opd, list(JABATAN_OPD)) or ()):
		return True
	saring = {"opd": opd, "kepala_bidang": user}
	if kecuali_bidang:
		saring["name"] = ("!=", kecuali_bidang)
	return bool(frappe.db.exists("Bidang", saring))


def opd_pengguna(user: str | None = None) -> list[str]:
	"""The OPDs ``user`` is limited to by User Permission ([] : not limited, e.g. Inspektorat)."""
	return frappe.get_all(
		"User Permission",
		filters={"user": user or frappe.session.user, "allow": "OPD"},
		pluck="for_value",
		order_by="for_value",
	)


def _beri_izin(user: str, allow: str, nilai: str) -> None:
	if not frappe.db.exists("User Permission", {"user": user, "allow": allow, "for_value": nilai}):
		frappe.get_doc(
			doctype="User Permission",
			user=user,
			allow=allow,
			for_value=nilai,
			apply_to_all_doctypes=1,
		).insert(ignore_permissions=True)


def _cabut_izin(user: str, allow: str, nilai: str) -> None:
	for name in frappe.get_all(
		"User Permission", filters={"user": user, "allow": allow, "for_value": nilai}, pluck="name"
	):
		frappe.delete_doc("User Permission", name, ignore_permissions=True, force=True)


def _tambah_peran(user: str, role: str) -> None:
	if role in frappe.get_roles(user):
		return
	doc = frappe.get_doc("User", user)
	doc.flags.ignore_permissions = True
	doc.add_roles(role)


def _hapus_peran(user: str, role: str) -> None:
	if role not in frappe.get_roles(user):
		return
	doc = frappe.get_doc("User", user)
	doc.flags.ignore_permissions = True
	doc.remove_roles(role)


def pengelola_pemda(user: str | None = None) -> bool:
	"""Whether ``user`` may change what every OPD runs on (Admin SAKIP Pemda, System Manager)."""
	user = user or frappe.session.user
	return user == "Administrator" or bool(set(frappe.get_roles(user)) & set(PENGELOLA_PEMDA))


def izin_acuan_pemda(
	doc, ptype: str | None = None, user: str | None = None, debug: bool = False
) -> bool | None:
	"""``has_permission`` hook of SOP and Kalender Kerja: a Pemda-wide one (no OPD) is changed only by
	the Pemda's administrators. A new one being created is let through to its validation, which says
	why an empty OPD is refused (``opd.periksa_opd_acuan``). None: no objection (role permissions and
	the User Permission on OPD decide)."""
	if (ptype or "read") not in _MENGUBAH or doc.get("opd"):
		return None
	if ptype == "create" and doc.is_new():
		return None
	return None if pengelola_pemda(user) else False


# --------------------------------------------------------------------------- customised DocPerms


def narrow_custom_docperm(doctype: str, role: str, old_row: dict, new_row: dict) -> list[str]:
	"""A site whose administrator used Role Permissions Manager on ``doctype`` reads only its Custom
	DocPerm rows, so a change of the shipped permissions does not reach it. Each Custom DocPerm row of
	``role`` that still equals ``old_row`` (the previous standard row: its rights, ``permlevel`` and
	``if_owner``; a right it does not name is 0) takes the rights of ``new_row``; every other row (the
	administrator's own choice) is kept. Prints and returns what it changed (empty: nothing)."""
	from frappe.permissions import rights

	kolom = (*rights, "permlevel", "if_owner")
	berubah = []
	for baris in frappe.get_all(
		"Custom DocPerm", filters={"parent": doctype, "role": role}, fields=["name", *kolom]
	):
		if any(int(baris.get(k) or 0) != int(old_row.get(k) or 0) for k in kolom):
			continue
		baru = {k: int(new_row.get(k) or 0) for k in kolom}
		frappe.db.set_value("Custom DocPerm", baris.name, baru)
		dicabut = [k for k in kolom if baris.get(k) and not baru[k]]
		diberi = [k for k in kolom if baru[k] and not baris.get(k)]
		berubah.append(
			f"Custom DocPerm {baris.name} ({doctype}, {role}, level {baris.permlevel}): "
			+ ", ".join([*(f"-{k}" for k in dicabut), *(f"+{k}" for k in diberi)])
		)
	if berubah:
		frappe.clear_cache(doctype=doctype)
	for b in berubah:
		print(b)
	return berubah
