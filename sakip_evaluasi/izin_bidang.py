"""Kepala Bidang scoping: the head of a Bidang gets the Kepala Bidang role and a standard
User Permission on that Bidang, so every DocType that links to Bidang is limited to it and an
administrator can inspect or change the scoping in the desk (User Permission list) without code.
"""

import frappe
from frappe import _

from sakip_evaluasi.domain.peran import KEPALA_BIDANG


def pastikan_kepala_bidang_aktif(user: str | None) -> None:
	if user and not frappe.db.get_value("User", user, "enabled"):
		frappe.throw(
			_("Pengguna {0} tidak aktif (dinonaktifkan) dan tidak dapat menjadi Kepala Bidang.").format(user),
			title=_("Kepala Bidang tidak valid"),
		)


def sinkronkan_izin_kepala_bidang(bidang: str, kepala_lama: str | None, kepala_baru: str | None) -> None:
	"""Move the Bidang's User Permission from the old head to the new one."""
	if kepala_lama and kepala_lama != kepala_baru:
		_cabut_izin(bidang, kepala_lama)
	if kepala_baru:
		_beri_izin(bidang, kepala_baru)


def _beri_izin(bidang: str, user: str) -> None:
	_tambah_peran(user, KEPALA_BIDANG)
	if not frappe.db.exists("User Permission", {"user": user, "allow": "Bidang", "for_value": bidang}):
		frappe.get_doc(
			doctype="User Permission",
			user=user,
			allow="Bidang",
			for_value=bidang,
			apply_to_all_doctypes=1,
		).insert(ignore_permissions=True)


def _cabut_izin(bidang: str, user: str) -> None:
	for name in frappe.get_all(
		"User Permission", filters={"user": user, "allow": "Bidang", "for_value": bidang}, pluck="name"
	):
		frappe.delete_doc("User Permission", name, ignore_permissions=True, force=True)
	# A user who heads no Bidang any more must not keep the role: without a User Permission on
	# Bidang, the role would let them read every bidang's records.
	if not frappe.db.exists("Bidang", {"kepala_bidang": user, "name": ("!=", bidang)}):
		_hapus_peran(user, KEPALA_BIDANG)


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
