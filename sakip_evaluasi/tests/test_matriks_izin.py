"""The permission matrix (``matriks_izin.IZIN``, also the README's) tried as the real roles: a user
holding exactly one role is asked Frappe's own permission check for every DocType and permission
type, and the REST API answers a list (read) and a create the way the matrix says."""

import frappe
from frappe.permissions import has_permission

from sakip_evaluasi.extends.berkas import MODUL
from sakip_evaluasi.tests.factories import SakipTestCase, buat_user
from sakip_evaluasi.tests.matriks_izin import BARIS, DOCTYPES, DOKUMEN_PEMDA, IZIN, JENIS, boleh
from sakip_evaluasi.tests.rest import rest, sumber


def pengguna_peran(peran: str) -> str:
	"""A desk user holding exactly ``peran`` (none for the empty name)."""
	slug = "".join(c for c in peran.lower() if c.isalnum()) or "tanpaperan"
	return buat_user(f"izin.{slug}@test.sakip", *([peran] if peran else []))


class TestMatriksIzin(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.pengguna = {peran: pengguna_peran(peran) for peran in IZIN}

	def test_the_matrix_names_every_doctype_and_role_of_the_app(self):
		doctypes = frappe.get_all("DocType", filters={"module": MODUL, "istable": 0}, pluck="name")
		self.assertEqual(sorted(doctypes), sorted(DOCTYPES))
		for peran in IZIN:
			if peran:
				self.assertTrue(frappe.db.exists("Role", peran), peran)
			self.assertEqual(set(IZIN[peran]) - set(BARIS), set(), peran)

	def test_each_role_may_do_exactly_what_the_matrix_says(self):
		for peran, user in self.pengguna.items():
			for doctype in DOCTYPES:
				harapan = boleh(peran, doctype)
				nyata = {jenis: bool(has_permission(doctype, jenis, user=user)) for jenis in JENIS}
				with self.subTest(peran=peran or "(no app role)", doctype=doctype):
					self.assertEqual(nyata, harapan)

	def test_the_pemda_wide_sop_and_calendar_as_the_matrix_says(self):
		"""Asked on the documents themselves: the SOP and Kalender Kerja without an OPD that Pengaturan
		SAKIP names as every OPD's defaults."""
		pengaturan = frappe.get_single("Pengaturan SAKIP")
		dokumen = {"SOP": pengaturan.sop_default, "Kalender Kerja": pengaturan.kalender_kerja_default}
		for baris, doctype in DOKUMEN_PEMDA.items():
			doc = frappe.get_doc(doctype, dokumen[doctype])
			self.assertFalse(doc.get("opd"), f"{doctype} {doc.name} is not Pemda-wide")
			for peran, user in self.pengguna.items():
				harapan = boleh(peran, baris)
				nyata = {jenis: bool(has_permission(doctype, jenis, doc=doc, user=user)) for jenis in JENIS}
				with self.subTest(peran=peran or "(no app role)", dokumen=baris):
					self.assertEqual(nyata, harapan)

	def test_rest_list_and_create_answer_as_the_matrix_says(self):
		for peran, user in self.pengguna.items():
			for doctype in DOCTYPES:
				if frappe.get_meta(doctype).issingle:
					continue
				harapan = boleh(peran, doctype)
				with self.subTest(peran=peran or "(no app role)", doctype=doctype, jenis="read"):
					jawab = rest(user, "GET", sumber(doctype))
					self.assertEqual(jawab.status == 200, harapan["read"], (jawab.status, jawab.pesan))
				with self.subTest(peran=peran or "(no app role)", doctype=doctype, jenis="create"):
					# An empty document: refused for want of permission (403) or, when creating is
					# allowed, for its missing fields (never created: the request rolls back).
					jawab = rest(user, "POST", sumber(doctype), {})
					self.assertEqual(jawab.status != 403, harapan["create"], (jawab.status, jawab.pesan))
