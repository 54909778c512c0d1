# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe

from sakip_evaluasi.tests.factories import SakipTestCase, buat_bidang, buat_user


def izin_bidang(user: str) -> list[str]:
	return frappe.get_all("User Permission", filters={"user": user, "allow": "Bidang"}, pluck="for_value")


class TestBidang(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		# made once for the class (every test rolls back to its savepoint)
		cls.kabid_a = buat_user("kabid.a@test.sakip")
		cls.kabid_b = buat_user("kabid.b@test.sakip")

	def test_setting_the_head_gives_role_and_user_permission(self):
		bidang = buat_bidang("Bidang Uji Satu", "ub1", self.kabid_a)
		self.assertEqual(bidang.kode, "UB1")
		self.assertIn("Kepala Bidang", frappe.get_roles(self.kabid_a))
		self.assertEqual(izin_bidang(self.kabid_a), ["UJI-UB1"])

	def test_changing_the_head_moves_the_permission(self):
		bidang = buat_bidang("Bidang Uji Dua", "UB2", self.kabid_a)
		bidang.kepala_bidang = self.kabid_b
		bidang.save()
		self.assertEqual(izin_bidang(self.kabid_a), [])
		self.assertNotIn("Kepala Bidang", frappe.get_roles(self.kabid_a))
		self.assertEqual(izin_bidang(self.kabid_b), ["UJI-UB2"])

	def test_clearing_the_head_removes_the_permission(self):
		bidang = buat_bidang("Bidang Uji Tiga", "UB3", self.kabid_a)
		bidang.kepala_bidang = None
		bidang.save()
		self.assertEqual(izin_bidang(self.kabid_a), [])

	def test_a_head_of_two_bidang_keeps_role_when_one_is_cleared(self):
		satu = buat_bidang("Bidang Uji Empat", "UB4", self.kabid_a)
		buat_bidang("Bidang Uji Lima", "UB5", self.kabid_a)
		satu.kepala_bidang = None
		satu.save()
		self.assertEqual(izin_bidang(self.kabid_a), ["UJI-UB5"])
		self.assertIn("Kepala Bidang", frappe.get_roles(self.kabid_a))

	def test_deleting_the_bidang_removes_the_permission(self):
		buat_bidang("Bidang Uji Enam", "UB6", self.kabid_a)
		frappe.delete_doc("Bidang", "UJI-UB6")
		self.assertEqual(izin_bidang(self.kabid_a), [])

	def test_the_permission_scopes_what_the_head_can_read(self):
		buat_bidang("Bidang Uji Tujuh", "UB7", self.kabid_a)
		buat_bidang("Bidang Uji Delapan", "UB8", self.kabid_b)
		with self.set_user(self.kabid_a):
			visible = frappe.get_list("Bidang", filters={"name": ("like", "UJI-UB%")}, pluck="name")
		self.assertEqual(visible, ["UJI-UB7"])

	def test_a_disabled_user_cannot_be_head(self):
		nonaktif = buat_user("kabid.nonaktif@test.sakip", enabled=0)
		with self.assertRaisesRegex(frappe.ValidationError, "tidak aktif"):
			buat_bidang("Bidang Uji Sembilan", "UB9", nonaktif)
		self.assertFalse(frappe.db.exists("Bidang", "UJI-UB9"))
		self.assertEqual(izin_bidang(nonaktif), [])
