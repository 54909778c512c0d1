"""What users read on the desk (issue "Di layar"): people by name, only the workspaces of their work,
the evaluation's steps naming the Disposisi's people. The browser lane shows the same in Chromium."""

import frappe
from frappe.desk.desktop import get_workspace_sidebar_items

from sakip_evaluasi.aturan.siklus import dokumen_evaluasi
from sakip_evaluasi.halaman.nama_pengguna import rekan_kerja
from sakip_evaluasi.setup.ruang_kerja import batasi_ruang_kerja_lain
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, SEKRETARIS, SUBKOR, SakipTestCase, sebagai

KABID = {"LYR": "kabid.lyr@test.sakip"}
RUANG_FRAPPE = {"Users", "Website", "Tools", "Integrations", "Build"}


class TestDiLayar(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.siapkan_bidang(KABID, "Bidang Layar")
		cls.eki = pabrik.buat_evaluasi("II").name

	def test_a_kepala_bidang_sees_no_workspace_of_frappe(self):
		batasi_ruang_kerja_lain()
		batasi_ruang_kerja_lain()  # again: nothing more
		for ruang in RUANG_FRAPPE & set(frappe.get_all("Workspace", pluck="name")):
			peran = frappe.get_all(
				"Has Role", filters={"parent": ruang, "parenttype": "Workspace"}, pluck="role"
			)
			self.assertEqual(peran, ["System Manager"], ruang)
		with sebagai(KABID["LYR"]):
			frappe.clear_cache(user=KABID["LYR"])
			ruang = {p.name for p in get_workspace_sidebar_items()["pages"]}
		self.assertFalse(ruang & RUANG_FRAPPE, f"a Kepala Bidang sees {ruang & RUANG_FRAPPE}")
		self.assertIn("Tugas Saya", ruang)

	def test_the_desk_knows_the_names_of_the_co_workers(self):
		with sebagai(KABID["LYR"]):
			rekan = rekan_kerja(KABID["LYR"])
		self.assertTrue({SUBKOR, SEKRETARIS, KADIS} <= rekan, rekan)
		self.assertNotIn("kabid.pnl@test.sakip", rekan, "nobody of another OPD")
		self.assertEqual(rekan_kerja("Guest"), set())

	def test_the_steps_name_the_people_of_a_disposisi(self):
		pabrik.kirim_disposisi(self.eki, KADIS, SEKRETARIS)
		with sebagai(KADIS):
			disposisi = [d for d in dokumen_evaluasi(self.eki) if d["doctype"] == "Disposisi"]
		self.assertEqual(
			(disposisi[0]["dari_nama"], disposisi[0]["kepada_nama"]),
			(frappe.utils.get_fullname(KADIS), frappe.utils.get_fullname(SEKRETARIS)),
		)
