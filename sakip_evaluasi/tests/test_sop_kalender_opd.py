"""What every OPD runs on is the Pemda's: the Pemda-wide SOP and Kalender Kerja are changed by the Admin
SAKIP Pemda (and System Manager) alone; an OPD's own SOP or calendar by that OPD's Sekretaris only
(User Permission on the OPD); an evaluation follows its OPD's own SOP and calendar where one exists,
else the Pemda's; and a site whose Sekretaris rows were kept as Custom DocPerm is narrowed on migrate."""

import frappe

from sakip_evaluasi.domain import peran
from sakip_evaluasi.domain.doctype import KALENDER as KAL
from sakip_evaluasi.setup.install import KALENDER_DEFAULT, SOP_DEFAULT, data_sop_default
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import LAIN, OPD_LAIN, OPD_UJI, SEKRETARIS, UjiIsian, sebagai
from sakip_evaluasi.tests.rest import rest, sumber

ADMIN_PEMDA = "admin.pemda.sk@test.sakip"
JAM = [{"hari": "Senin", "jam_mulai": "08:00:00", "jam_selesai": "12:00:00"}]


def kalender(nama: str, **isian) -> dict:
	return {"doctype": KAL, "nama_kalender": nama, "jam_kerja": JAM, **isian}


class TestSOPKalenderOPD(UjiIsian):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.buat_pejabat()
		pabrik.buat_opd_lain()
		pabrik.buat_user(ADMIN_PEMDA, peran.ADMIN_PEMDA)

	def test_a_sekretaris_cannot_change_the_pemda_wide_sop_or_calendar(self):
		def ubah_sop(doc):
			doc.langkah[4].waktu = doc.langkah[4].waktu + 1

		def tambah_libur(doc):
			doc.append(
				"hari_libur",
				{"tanggal": "2096-10-15", "keterangan": "Libur dinas", "jenis": "Libur Nasional"},
			)

		for doctype, nama, ubah in (("SOP", SOP_DEFAULT, ubah_sop), (KAL, KALENDER_DEFAULT, tambah_libur)):
			with self.subTest(doctype=doctype):
				with sebagai(SEKRETARIS):
					doc = frappe.get_doc(doctype, nama)
					ubah(doc)
					self.assertDitolak(doc.save, dokumen=[(doctype, nama)])
				jawab = rest(SEKRETARIS, "DELETE", sumber(doctype, nama))
				self.assertEqual(jawab.status, 403, jawab.pesan)
				self.assertTrue(frappe.db.exists(doctype, nama))
				# the Admin SAKIP Pemda changes it
				with sebagai(ADMIN_PEMDA):
					doc = frappe.get_doc(doctype, nama)
					ubah(doc)
					doc.save()

	def test_a_sekretaris_keeps_an_own_calendar_that_other_opds_cannot_touch(self):
		with sebagai(SEKRETARIS):
			doc = frappe.get_doc(kalender("Kalender UJI")).insert()
		self.assertEqual(doc.get("opd"), OPD_UJI)  # their own OPD, from their User Permission
		with sebagai(SEKRETARIS):
			doc.append(
				"hari_libur", {"tanggal": "2096-10-15", "keterangan": "Hari jadi", "jenis": "Libur Nasional"}
			)
			doc.save()
		self.assertEqual(rest(LAIN["sekretaris"], "GET", sumber(KAL, doc.name)).status, 403)
		jawab = rest(LAIN["sekretaris"], "PUT", sumber(KAL, doc.name), {"jam_kerja": JAM})
		self.assertEqual(jawab.status, 403, jawab.pesan)
		# a Sekretaris cannot make one for the whole Pemda (empty OPD) either
		jawab = rest(SEKRETARIS, "POST", sumber(KAL), kalender("Kalender Pemda Baru", opd=""))
		self.assertEqual(jawab.status, 417, jawab.pesan)
		self.assertIn("Admin SAKIP Pemda", jawab.pesan)
		self.assertFalse(frappe.db.exists(KAL, "Kalender Pemda Baru"))

	def test_an_evaluation_follows_its_opds_own_calendar_and_sop_else_the_pemdas(self):
		with sebagai(ADMIN_PEMDA):
			kal = frappe.get_doc(kalender("Kalender Dinas Uji", opd=OPD_UJI)).insert()
			sop = frappe.get_doc(
				{
					"doctype": "SOP",
					**data_sop_default(),
					"nama_sop": "SOP Dinas Uji",
					"opd": OPD_UJI,
				}
			).insert()
		milik = pabrik.buat_evaluasi(opd=OPD_UJI)
		self.assertEqual((milik.kalender_kerja, milik.sop), (kal.name, sop.name))
		lain = pabrik.buat_evaluasi(opd=OPD_LAIN, kadis=LAIN["kadis"])
		self.assertEqual((lain.kalender_kerja, lain.sop), (KALENDER_DEFAULT, SOP_DEFAULT))

	def test_an_opd_cannot_take_another_opds_calendar(self):
		with sebagai(ADMIN_PEMDA):
			kal = frappe.get_doc(kalender("Kalender Dinas Uji", opd=OPD_UJI)).insert()
			opd = frappe.get_doc("OPD", OPD_LAIN)
			opd.kalender_kerja = kal.name
			self.assertDitolak(
				opd.save,
				"Kalender Dinas Uji",
				"Dinas Uji Lain",
				"belum disimpan",
				jenis=frappe.ValidationError,
				dokumen=[("OPD", OPD_LAIN)],
			)

	def test_the_patch_narrows_only_custom_sekretaris_rows_equal_to_the_old_standard(self):
		patch = frappe.get_attr("sakip_evaluasi.patches.persempit_izin_sop_kalender.execute")
		lama = {
			"read": 1, "write": 1, "create": 1, "delete": 1, "email": 1,
			"export": 1, "print": 1, "report": 1, "share": 1,
		}  # fmt: skip
		# a site without Custom DocPerm: nothing to narrow, the standard rows apply
		for doctype in ("SOP", KAL):
			frappe.db.delete("Custom DocPerm", {"parent": doctype})
		self.assertEqual(patch(), [])
		# a site where an administrator used Role Permissions Manager: the Sekretaris row still equal to
		# the old standard is narrowed; an Inspektorat row and a Sekretaris row of level 1 stay
		for doctype in ("SOP", KAL):
			for role, level in ((peran.SEKRETARIS, 0), (peran.SEKRETARIS, 1), (peran.INSPEKTORAT, 0)):
				frappe.get_doc(
					{"doctype": "Custom DocPerm", "parent": doctype, "role": role, "permlevel": level, **lama}
				).insert(ignore_permissions=True)
		diubah = patch()
		self.assertEqual(len(diubah), 2, diubah)
		for doctype in ("SOP", KAL):
			rows = {
				(r.role, r.permlevel): (r.write, r.create, r.delete, r.share)
				for r in frappe.get_all("Custom DocPerm", filters={"parent": doctype}, fields=["*"])
			}
			self.assertEqual(rows[(peran.SEKRETARIS, 0)], (1, 1, 0, 0))
			self.assertEqual(rows[(peran.SEKRETARIS, 1)], (1, 1, 1, 1))
			self.assertEqual(rows[(peran.INSPEKTORAT, 0)], (1, 1, 1, 1))
		frappe.clear_cache()
