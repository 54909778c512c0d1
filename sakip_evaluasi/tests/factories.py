"""Factories shared by the integration tests (run by ``bench run-tests --app sakip_evaluasi``)."""

import frappe
from frappe.tests.utils import FrappeTestCase


class SakipTestCase(FrappeTestCase):
	"""Each test starts from the state the class began with (FrappeTestCase rolls back per class only)."""

	def tearDown(self) -> None:
		frappe.set_user("Administrator")
		frappe.db.rollback()
		frappe.clear_cache()
		super().tearDown()


def buat_user(email: str, *roles: str, enabled: int = 1) -> str:
	"""A desk user with exactly the given roles (created once, reused across tests)."""
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0].replace(".", " ").title(),
				"send_welcome_email": 0,
				"user_type": "System User",
				"enabled": enabled,
			}
		).insert(ignore_permissions=True)
	user = frappe.get_doc("User", email)
	user.flags.ignore_permissions = True
	user.enabled = enabled
	user.set("roles", [{"role": r} for r in roles])
	user.save()
	return email


def buat_bidang(nama: str, kode: str, kepala_bidang: str | None = None) -> "frappe.model.document.Document":
	if frappe.db.exists("Bidang", nama):
		frappe.delete_doc("Bidang", nama, force=True, ignore_permissions=True)
	return frappe.get_doc(
		{"doctype": "Bidang", "nama_bidang": nama, "kode": kode, "kepala_bidang": kepala_bidang}
	).insert(ignore_permissions=True)
