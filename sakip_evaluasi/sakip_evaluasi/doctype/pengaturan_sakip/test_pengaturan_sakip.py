# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe

from sakip_evaluasi.domain.peran import PERAN_SOP
from sakip_evaluasi.setup.install import KALENDER_DEFAULT, SOP_DEFAULT, after_install
from sakip_evaluasi.tests.factories import SakipTestCase


class TestInstallSeeds(SakipTestCase):
	def test_roles_exist_as_desk_roles(self):
		for role in PERAN_SOP:
			self.assertEqual(frappe.db.get_value("Role", role, "desk_access"), 1, role)

	def test_settings_point_at_the_seeds(self):
		pengaturan = frappe.get_single("Pengaturan SAKIP")
		self.assertEqual(pengaturan.kalender_kerja_default, KALENDER_DEFAULT)
		self.assertEqual(pengaturan.sop_default, SOP_DEFAULT)

	def test_seeding_again_keeps_an_administrators_edits(self):
		sop = frappe.get_doc("SOP", SOP_DEFAULT)
		sop.langkah[4].waktu = 3
		sop.save()
		kalender = frappe.get_doc("Kalender Kerja", KALENDER_DEFAULT)
		kalender.append(
			"hari_libur", {"tanggal": "2026-11-30", "keterangan": "Libur Daerah Uji", "jenis": "Libur Daerah"}
		)
		kalender.save()
		frappe.db.set_value("Role", "Sekretaris", "desk_access", 1)
		jumlah_libur = len(kalender.hari_libur)

		after_install()

		self.assertEqual(frappe.get_doc("SOP", SOP_DEFAULT).langkah[4].waktu, 3)
		self.assertEqual(len(frappe.get_doc("Kalender Kerja", KALENDER_DEFAULT).hari_libur), jumlah_libur)
		self.assertEqual(frappe.db.count("SOP", {"name": SOP_DEFAULT}), 1)
