"""`bench migrate` turns a site from before the Perjanjian Kinerja (targets typed into Indikator
Kinerja) into PK version 1 per OPD and year with no figure changed: each bidang's indicators a Kepala
Bidang PK, the OPD's PK from the distinct sasaran strategis marked Belum Lengkap; the Kertas Kerja built
before keeps its rows, one built after has the targets the old code would have given; run twice, the
patch adds nothing."""

import frappe

from sakip_evaluasi.domain.capaian import nilai_kolom, nilai_sd_tw
from sakip_evaluasi.domain.doctype import KKE, PK
from sakip_evaluasi.patches import pk_dari_indikator
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import OPD_UJI, SUBKOR, TAHUN_UJI, SakipTestCase, sebagai

KABID = {"MPA": "kabid.mpa@test.sakip", "MPB": "kabid.mpb@test.sakip"}


def target_lama(tahun: int, triwulan: int) -> dict[str, tuple]:
	"""What the code before the PK put in a Kertas Kerja row: from Target Indikator Kinerja."""
	hasil = {}
	for t in frappe.get_all(
		"Target Indikator Kinerja",
		filters={"parenttype": "Indikator Kinerja", "tahun": tahun},
		fields=["parent", "target_tahunan", "target_tw1", "target_tw2", "target_tw3", "target_tw4"],
	):
		ik = frappe.db.get_value("Indikator Kinerja", t.parent, ["opd", "aktif", "akumulasi"], as_dict=True)
		if ik.opd != OPD_UJI or not ik.aktif:
			continue
		tw = [t.target_tw1, t.target_tw2, t.target_tw3, t.target_tw4]
		hasil[t.parent] = (
			tw[triwulan - 1],
			nilai_kolom(nilai_sd_tw(tw, triwulan, ik.akumulasi, t.target_tahunan)),
		)
	return hasil


class TestMigrasiPK(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.bidang = pabrik.siapkan_bidang(KABID, "Bidang Migrasi PK")
		pabrik.buat_indikator(cls.bidang["MPA"], "Persentase jalan mantap", (10, 20, 30, 40))
		pabrik.buat_indikator(cls.bidang["MPA"], "Indeks kepuasan", (70, 75, 80, 85), akumulasi="Rata-rata")
		pabrik.buat_indikator(
			cls.bidang["MPB"], "Luas irigasi baik", (1.5, 2.5, 3, 3), sasaran_strategis="Meningkatnya irigasi"
		)
		cls.kke_lama = pabrik.siapkan_kertas_kerja("I", "Draft")
		cls.baris_lama = [(r.indikator, r.target_tw, r.target_sd_tw) for r in cls.kke_lama.baris]
		# the site as it was before the PK: no PK at all, the targets only in Indikator Kinerja
		for nama in frappe.get_all(PK, pluck="name"):
			frappe.delete_doc(PK, nama, force=True, ignore_permissions=True)
		frappe.db.set_value("Baris Kertas Kerja", {"parent": cls.kke_lama.name}, "perjanjian_kinerja", None)
		pk_dari_indikator.execute()

	def test_each_bidang_gets_its_pk_version_1_with_the_same_figures(self):
		for kode in ("MPA", "MPB"):
			doc = frappe.get_doc(PK, f"PK-{self.bidang[kode]}-{TAHUN_UJI}-V1")
			self.assertEqual((doc.workflow_state, doc.versi, doc.tingkat), ("Berlaku", 1, "Kepala Bidang"))
			for r in doc.indikator:
				t = frappe.get_doc("Indikator Kinerja", r.indikator).target[0]
				self.assertEqual(
					(r.target_tahunan, r.target_tw1, r.target_tw2, r.target_tw3, r.target_tw4),
					(t.target_tahunan, t.target_tw1, t.target_tw2, t.target_tw3, t.target_tw4),
				)
		self.assertEqual(len(frappe.get_doc(PK, f"PK-{self.bidang['MPA']}-{TAHUN_UJI}-V1").indikator), 2)

	def test_the_opd_pk_holds_the_distinct_sasaran_and_is_marked_incomplete(self):
		opd = frappe.get_doc(PK, f"PK-{OPD_UJI}-{TAHUN_UJI}-V1")
		self.assertEqual((opd.tingkat, opd.belum_lengkap, opd.workflow_state), ("Kepala OPD", 1, "Berlaku"))
		self.assertEqual(
			{s.sasaran for s in opd.sasaran}, {"Meningkatnya kinerja pelayanan", "Meningkatnya irigasi"}
		)
		self.assertEqual(len(opd.sasaran), 2)

	def test_no_figure_of_the_cycle_changes(self):
		self.assertEqual(
			[
				(r.indikator, r.target_tw, r.target_sd_tw)
				for r in frappe.get_doc(KKE, self.kke_lama.name).baris
			],
			self.baris_lama,
		)
		for triwulan, romawi in ((2, "II"), (4, "IV")):
			with sebagai(SUBKOR):
				kke = frappe.get_doc({"doctype": KKE, "evaluasi": pabrik.buat_evaluasi(romawi).name}).insert()
			self.assertEqual(
				{r.indikator: (r.target_tw, r.target_sd_tw) for r in kke.baris},
				target_lama(TAHUN_UJI, triwulan),
			)

	def test_running_the_patch_again_adds_nothing(self):
		sebelum = frappe.db.count("Indikator PK"), frappe.db.count(PK), frappe.db.count("Sasaran PK")
		pk_dari_indikator.execute()
		self.assertEqual(
			(frappe.db.count("Indikator PK"), frappe.db.count(PK), frappe.db.count("Sasaran PK")), sebelum
		)
