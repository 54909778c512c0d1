"""Pieces the site benchmarks share."""

import frappe

OPD_BENCH = "BENCH"


def pastikan_opd(kode: str = OPD_BENCH, nama: str = "OPD Benchmark") -> str:
	"""The benchmarks' own OPD (created once)."""
	if not frappe.db.exists("OPD", kode):
		frappe.get_doc({"doctype": "OPD", "kode": kode, "nama_opd": nama}).insert(ignore_permissions=True)
	return kode


def pastikan_pengguna(email: str, *peran: str) -> str:
	"""A benchmark user holding (at least) ``peran`` (created once)."""
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0],
				"send_welcome_email": 0,
				"roles": [{"role": r} for r in peran],
			}
		).insert(ignore_permissions=True)
	elif set(peran) - set(frappe.get_roles(email)):
		frappe.get_doc("User", email).add_roles(*peran)
	return email


def sisip(data: dict) -> str:
	"""A record as a finished cycle leaves it, written without its workflow or hooks (fixtures of the
	benchmarks and of the tests that only read it)."""
	doc = frappe.get_doc(data)
	doc.name = data.get("name") or frappe.generate_hash(length=10)
	doc.db_insert()
	for anak in doc.get_all_children():
		anak.parent = doc.name
		anak.db_insert()
	return doc.name
