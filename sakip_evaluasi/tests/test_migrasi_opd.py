"""`bench migrate` moves a single-agency site into one OPD with nothing lost: a site left as it was
before OPDs existed (officials and name in Pengaturan SAKIP, Bidang named by their names,
``EKI-<tahun>-TW<n>``, a running step 5 clock, an attached bukti) is migrated by the patch; names,
links, clocks, attachments and permissions follow, the Kepala Bidang carries on, and a work paper
downloaded before the move is refused with a message that says to download it again."""

import frappe
from frappe.model.rename_doc import rename_doc

from sakip_evaluasi.aturan.kertas_kerja import buat_kertas_kerja, impor_kertas_kerja
from sakip_evaluasi.patches import pindahkan_ke_opd
from sakip_evaluasi.sla.jam import nama_langkah
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import (
	KADIS,
	OPD_UJI,
	SEKRETARIS,
	SUBKOR,
	TAHUN_UJI,
	SakipTestCase,
	aksi,
	sebagai,
)

EKI, KKE, DKB, LANGKAH = (
	"Evaluasi Kinerja Internal",
	"Kertas Kerja Evaluasi",
	"Data Kinerja Bidang",
	"Langkah Evaluasi",
)
KABID = "kabid.migrasi@test.sakip"
TABEL = (
	"Bidang",
	"Indikator Kinerja",
	EKI,
	"Disposisi",
	KKE,
	DKB,
	LANGKAH,
	"Notulen Rapat",
	"Tindak Lanjut Evaluasi",
)


def ganti(doctype: str, lama: str, baru: str) -> None:
	rename_doc(doctype, lama, baru, force=True, show_alert=False, rebuild_search=False)


class TestMigrasiOPD(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.buat_pejabat()
		bidang = pabrik.buat_bidang("Bidang Migrasi", "MGR", pabrik.buat_user(KABID)).name
		pabrik.buat_indikator(bidang, "Indikator migrasi", (10, 20, 30, 40))
		with sebagai(KADIS):
			eki = frappe.get_doc({"doctype": EKI, "tahun": TAHUN_UJI, "triwulan": "II"}).insert()
		with sebagai(SUBKOR):
			kke = frappe.get_doc({"doctype": KKE, "evaluasi": eki.name}).insert()
		for action, user in (("Ajukan", SUBKOR), ("Setujui", SEKRETARIS), ("Distribusikan", SUBKOR)):
			kke = aksi(kke, action, user)
		dkb = frappe.get_doc(DKB, {"evaluasi": eki.name})
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "bukti-migrasi.txt",
				"content": b"bukti dukung",
				"attached_to_doctype": DKB,
				"attached_to_name": dkb.name,
				"is_private": 1,
			}
		).insert(ignore_permissions=True)
		cls.jadikan_situs_lama(eki.name, bidang)

	@classmethod
	def jadikan_situs_lama(cls, eki: str, bidang: str) -> None:
		"""Bring the site back to how a single-agency site stored it before OPDs existed."""
		lama_eki, lama_bidang = f"EKI-{TAHUN_UJI}-TW2", "Bidang Migrasi"
		for j in frappe.get_all(LANGKAH, filters={"evaluasi": eki}, fields=["name", "langkah", "bidang"]):
			lama = nama_langkah(lama_eki, j.langkah, lama_bidang if j.bidang else None)
			ganti(LANGKAH, j.name, lama)
		ganti(DKB, f"DKB-{eki}-MGR", f"DKB-{lama_eki}-MGR")
		ganti(KKE, f"KKE-{eki}", f"KKE-{lama_eki}")
		ganti(EKI, eki, lama_eki)
		ganti("Bidang", bidang, lama_bidang)
		# the test OPD goes (other OPDs a site may hold, e.g. the demo's, are not this agency's)
		for doctype in TABEL:
			frappe.db.sql(f"update `tab{doctype}` set opd = null where opd = %s", OPD_UJI)
		frappe.db.delete("User Permission", {"allow": "OPD", "for_value": OPD_UJI})
		frappe.db.delete("OPD", {"name": OPD_UJI})
		frappe.db.sql(
			"delete from tabSingles where doctype = 'Pengaturan SAKIP' and field in %s",
			[("nama_instansi", "kepala_dinas", "sekretaris", "subkoordinator")],
		)
		lama = {
			"nama_instansi": "Dinas Uji Migrasi Kabupaten Contoh",
			"kepala_dinas": KADIS,
			"sekretaris": SEKRETARIS,
			"subkoordinator": SUBKOR,
		}
		for field, nilai in lama.items():
			frappe.db.sql(
				"insert into tabSingles (doctype, field, value) values ('Pengaturan SAKIP', %s, %s)",
				(field, nilai),
			)
		frappe.db.set_single_value("Pengaturan SAKIP", "nama_pemda", None)
		cls.lama_eki, cls.lama_dkb = lama_eki, f"DKB-{lama_eki}-MGR"
		cls.jam = frappe.get_all(
			LANGKAH,
			filters={"evaluasi": lama_eki},
			fields=["langkah", "mulai", "batas_waktu", "selesai", "status_sla", "pelaksana"],
			order_by="langkah",
		)
		# a Kepala Bidang downloaded the work paper before the move
		with sebagai(KABID):
			cls.berkas_lama = buat_kertas_kerja(DKB, cls.lama_dkb)[1]

	def test_the_patch_moves_the_agency_into_one_opd_with_nothing_lost(self):
		pindahkan_ke_opd.execute()

		opd = frappe.get_doc("OPD", "DUM")  # Dinas Uji Migrasi
		self.assertEqual(opd.nama_opd, "Dinas Uji Migrasi")
		self.assertEqual((opd.kepala_dinas, opd.sekretaris, opd.subkoordinator), (KADIS, SEKRETARIS, SUBKOR))
		self.assertEqual(
			frappe.db.get_single_value("Pengaturan SAKIP", "nama_pemda"), "Pemerintah Kabupaten Contoh"
		)
		self.assertNotIn(OPD_UJI, frappe.get_all("OPD", pluck="name"))

		eki, bidang, dkb = f"EKI-DUM-{TAHUN_UJI}-TW2", "DUM-MGR", f"DKB-EKI-DUM-{TAHUN_UJI}-TW2-MGR"
		self.assertFalse(frappe.db.exists(EKI, self.lama_eki))
		self.assertEqual(frappe.db.get_value(EKI, eki, "opd"), "DUM")
		self.assertEqual(
			frappe.db.get_value("Bidang", bidang, ["opd", "nama_bidang"]), ("DUM", "Bidang Migrasi")
		)
		self.assertEqual(frappe.db.get_value(KKE, f"KKE-{eki}", "evaluasi"), eki)
		self.assertEqual(frappe.db.get_value(DKB, dkb, ["evaluasi", "bidang", "opd"]), (eki, bidang, "DUM"))
		self.assertEqual(
			frappe.db.get_value("Indikator Kinerja", {"indikator": "Indikator migrasi"}, "opd"), "DUM"
		)
		# the clocks: same times and states, renamed, their output documents followed
		jam = frappe.get_all(
			LANGKAH,
			filters={"evaluasi": eki},
			fields=["langkah", "mulai", "batas_waktu", "selesai", "status_sla", "pelaksana"],
			order_by="langkah",
		)
		self.assertEqual(jam, self.jam)
		self.assertEqual(
			frappe.db.get_value(LANGKAH, nama_langkah(eki, 4), ["dokumen", "opd"]), (f"KKE-{eki}", "DUM")
		)
		for j in frappe.get_all(LANGKAH, filters={"evaluasi": eki}, fields=["dokumen_doctype", "dokumen"]):
			if j.dokumen:
				self.assertTrue(frappe.db.exists(j.dokumen_doctype, j.dokumen), j)
		# the attachment and the scoping followed
		self.assertEqual(
			frappe.db.get_value("File", {"file_name": "bukti-migrasi.txt"}, "attached_to_name"), dkb
		)
		izin = {
			(u.allow, u.for_value)
			for u in frappe.get_all("User Permission", filters={"user": KABID}, fields=["allow", "for_value"])
		}
		self.assertEqual(izin, {("Bidang", bidang), ("OPD", "DUM")})
		with sebagai(KADIS):
			self.assertEqual(frappe.get_list(EKI, filters={"tahun": TAHUN_UJI}, pluck="name"), [eki])

		# the Kepala Bidang carries on: fills in and submits; the Subkoordinator accepts
		with sebagai(KABID):
			doc = frappe.get_doc(DKB, dkb)
			doc.baris[0].realisasi = "15"
			doc.save()
		self.assertEqual(aksi(doc, "Ajukan", KABID).workflow_state, "Diajukan")
		self.assertEqual(aksi(doc, "Terima", SUBKOR).workflow_state, "Diterima")

	def test_a_work_paper_downloaded_before_the_move_is_refused_with_what_to_do(self):
		pindahkan_ke_opd.execute()
		dkb = f"DKB-EKI-DUM-{TAHUN_UJI}-TW2-MGR"
		with sebagai(KABID):
			hasil = impor_kertas_kerja(DKB, dkb, self.berkas_lama, "kertas-kerja-lama.xlsx")
		self.assertFalse(hasil["berhasil"])
		pesan = " ".join(k["pesan"] for k in hasil["kesalahan"])
		self.assertIn(f"Unduh ulang kertas kerja dari dokumen '{dkb}'", pesan)
		self.assertIn("Tidak ada data yang diubah", hasil["pesan"])
		self.assertFalse(frappe.db.get_value("Baris Data Kinerja", {"parent": dkb}, "realisasi"))

	def test_the_patch_does_nothing_on_a_site_already_in_opds(self):
		pindahkan_ke_opd.execute()
		sebelum = frappe.get_all(EKI, fields=["name", "modified"])
		pindahkan_ke_opd.execute()
		self.assertEqual(frappe.get_all(EKI, fields=["name", "modified"]), sebelum)
		self.assertEqual(
			frappe.get_all("OPD", filters={"name": ("in", ["DUM", OPD_UJI])}, pluck="name"), ["DUM"]
		)
