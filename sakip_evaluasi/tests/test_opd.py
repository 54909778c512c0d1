"""A whole Pemda on one site: two OPDs run the same triwulan side by side, each OPD's users see and
touch only their OPD (forms, lists, REST, reports, Excel, notifications), the Inspektorat and
Bappeda read across every OPD, and the cross-OPD recapitulation adds them up."""

import frappe
from frappe.desk.form.utils import add_comment

from sakip_evaluasi.aturan.kertas_kerja import buat_kertas_kerja, impor_kertas_kerja
from sakip_evaluasi.domain import peran
from sakip_evaluasi.sakip_evaluasi.report.kepatuhan_sop import kepatuhan_sop
from sakip_evaluasi.sakip_evaluasi.report.rekap_capaian_kinerja import rekap_capaian_kinerja
from sakip_evaluasi.sakip_evaluasi.report.rekapitulasi_kinerja_opd import rekapitulasi_kinerja_opd
from sakip_evaluasi.sla.notifikasi import kirim_tertunda
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import (
	KADIS,
	LAIN,
	OPD_LAIN,
	OPD_UJI,
	SEKRETARIS,
	SUBKOR,
	TAHUN_UJI,
	SakipTestCase,
	aksi,
	sebagai,
)
from sakip_evaluasi.tests.rest import rest, sumber

EKI, KKE, DKB, TL = (
	"Evaluasi Kinerja Internal",
	"Kertas Kerja Evaluasi",
	"Data Kinerja Bidang",
	"Tindak Lanjut Evaluasi",
)
KABID = {OPD_UJI: "kabid.sek.uji@test.sakip", OPD_LAIN: "kabid.sek.lain@test.sakip"}
INSPEKTORAT = "inspektorat@test.sakip"
BAPPEDA = "bappeda@test.sakip"


def sampai_distribusi(opd: str, kadis: str, sekretaris: str, subkor: str):
	"""The triwulan III evaluation of ``opd`` taken by its officials up to the distributed work paper."""
	eki = pabrik.buat_evaluasi("III", opd=opd, kadis=kadis)
	with sebagai(subkor):
		kke = frappe.get_doc({"doctype": KKE, "evaluasi": eki.name}).insert()
	kke = aksi(kke, "Ajukan", subkor)
	kke = aksi(kke, "Setujui", sekretaris)
	return eki, aksi(kke, "Distribusikan", subkor)


class TestOPD(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.buat_pejabat()
		pabrik.buat_opd_lain()
		pabrik.buat_user(INSPEKTORAT, peran.INSPEKTORAT)
		pabrik.buat_user(BAPPEDA, peran.BAPPEDA)
		cls.bidang = {}
		for opd in (OPD_UJI, OPD_LAIN):
			# every OPD has a "Sekretariat" with the same code
			cls.bidang[opd] = pabrik.buat_bidang(
				"Sekretariat", "SEK", pabrik.buat_user(KABID[opd]), opd=opd
			).name
			pabrik.buat_indikator(cls.bidang[opd], f"Indikator {opd}", (10, 20, 30, 40))
		cls.eki, cls.kke = {}, {}
		cls.eki[OPD_UJI], cls.kke[OPD_UJI] = sampai_distribusi(OPD_UJI, KADIS, SEKRETARIS, SUBKOR)
		cls.eki[OPD_LAIN], cls.kke[OPD_LAIN] = sampai_distribusi(OPD_LAIN, *LAIN.values())
		cls.dkb = {opd: frappe.db.get_value(DKB, {"evaluasi": cls.eki[opd].name}) for opd in cls.eki}

	def test_two_opds_run_the_same_triwulan_side_by_side(self):
		self.assertEqual(self.bidang, {OPD_UJI: "UJI-SEK", OPD_LAIN: "UJI-LAIN-SEK"})
		self.assertEqual(self.eki[OPD_UJI].name, f"EKI-UJI-{TAHUN_UJI}-TW3")
		self.assertEqual(self.eki[OPD_LAIN].name, f"EKI-UJI-LAIN-{TAHUN_UJI}-TW3")
		for opd in (OPD_UJI, OPD_LAIN):
			eki = self.eki[opd]
			# each evaluation took its OPD's officials, its work paper only its OPD's indicators
			self.assertEqual(eki.opd, opd)
			self.assertEqual(eki.kepala_dinas, KADIS if opd == OPD_UJI else LAIN["kadis"])
			self.assertEqual(
				[r.bidang for r in frappe.get_doc(KKE, self.kke[opd].name).baris], [self.bidang[opd]]
			)
			self.assertEqual(frappe.db.get_value(DKB, self.dkb[opd], "opd"), opd)
			self.assertEqual(
				set(frappe.get_all("Langkah Evaluasi", filters={"evaluasi": eki.name}, pluck="opd")), {opd}
			)

	def test_a_second_evaluation_of_the_same_opd_and_triwulan_is_refused(self):
		with self.assertRaises(frappe.DuplicateEntryError) as ctx:
			pabrik.buat_evaluasi("III", opd=OPD_LAIN, kadis=LAIN["kadis"])
		self.assertIn(f"OPD {OPD_LAIN} tahun {TAHUN_UJI} triwulan III sudah ada", str(ctx.exception))

	def test_opd_users_see_only_their_opd(self):
		for user, opd in ((KADIS, OPD_UJI), (LAIN["sekretaris"], OPD_LAIN), (KABID[OPD_UJI], OPD_UJI)):
			with self.subTest(user=user), sebagai(user):
				self.assertEqual(frappe.get_list(EKI, filters={"tahun": TAHUN_UJI}, pluck="opd"), [opd])
				self.assertEqual(set(frappe.get_list("Bidang", pluck="opd")), {opd})
				self.assertEqual(frappe.get_list("OPD", pluck="name"), [opd])
		with sebagai(KABID[OPD_LAIN]):
			self.assertEqual(
				frappe.get_list(DKB, filters={"tahun": TAHUN_UJI}, pluck="name"), [self.dkb[OPD_LAIN]]
			)

	def test_another_opds_documents_are_refused_in_forms_rest_and_excel(self):
		pejabat = {OPD_UJI: KADIS, OPD_LAIN: LAIN["kadis"]}
		for opd, lain in ((OPD_UJI, OPD_LAIN), (OPD_LAIN, OPD_UJI)):
			with self.subTest(dari=opd, ke=lain):
				eki_lain, dkb_lain = self.eki[lain].name, self.dkb[lain]
				with sebagai(pejabat[opd]):
					self.assertFalse(frappe.has_permission(EKI, "read", eki_lain))
					with self.assertRaises(frappe.PermissionError):
						frappe.get_doc(EKI, eki_lain).check_permission("read")
				jawaban = rest(pejabat[opd], "GET", sumber(EKI, eki_lain))
				self.assertEqual(jawaban.status, 403, jawaban)
				daftar = rest(pejabat[opd], "GET", sumber(EKI) + '?fields=["name"]&limit_page_length=0')
				self.assertEqual(daftar.status, 200, daftar)
				self.assertIn(self.eki[opd].name, [d["name"] for d in daftar.data["data"]])
				self.assertNotIn(eki_lain, [d["name"] for d in daftar.data["data"]])
				# the Excel work paper of the other OPD's bidang: neither download nor upload
				unduh = f"/api/method/sakip_evaluasi.api.kertas_kerja.unduh?doctype={DKB}&docname={dkb_lain}"
				self.assertEqual(rest(KABID[opd], "GET", unduh).status, 403)
				with sebagai(KABID[lain]):
					berkas = buat_kertas_kerja(DKB, dkb_lain)[1]
				sebelum = frappe.get_doc(DKB, dkb_lain).as_dict()
				with sebagai(KABID[opd]), self.assertRaises(frappe.PermissionError):
					impor_kertas_kerja(DKB, dkb_lain, berkas, "kertas-kerja.xlsx")
				self.assertEqual(frappe.get_doc(DKB, dkb_lain).as_dict(), sebelum)

	def test_notifications_reach_only_the_opds_own_users(self):
		kirim_tertunda(commit=False)  # the background job that tells each step's holder
		untuk = frappe.get_all(
			"Notification Log",
			filters={"document_name": ("like", f"%{self.eki[OPD_UJI].name}%")},
			pluck="for_user",
		)
		self.assertTrue(untuk, "the running steps of OPD UJI were told to someone")
		self.assertFalse(set(untuk) & {*LAIN.values(), KABID[OPD_LAIN]})

	def test_a_meeting_row_cannot_name_another_opds_bidang(self):
		with sebagai(SUBKOR):
			nr = frappe.get_doc(
				{
					"doctype": "Notulen Rapat",
					"evaluasi": self.eki[OPD_UJI].name,
					"rekomendasi": [{"bidang": self.bidang[OPD_LAIN], "rekomendasi": "Percepat"}],
				}
			)
			with self.assertRaises(frappe.LinkValidationError) as ctx:
				nr.insert()
		self.assertIn(f"milik OPD {OPD_LAIN}, bukan OPD {OPD_UJI}", str(ctx.exception))

	def test_inspektorat_and_bappeda_read_every_opd(self):
		for user in (INSPEKTORAT, BAPPEDA):
			with self.subTest(user=user), sebagai(user):
				self.assertEqual(
					sorted(frappe.get_list(EKI, filters={"tahun": TAHUN_UJI}, pluck="opd")),
					[OPD_UJI, OPD_LAIN],
				)
				self.assertEqual(len(frappe.get_list(DKB, filters={"tahun": TAHUN_UJI})), 2)
				self.assertFalse(frappe.has_permission(EKI, "write", self.eki[OPD_UJI].name))
				self.assertFalse(frappe.has_permission(EKI, "create"))
		# the Inspektorat comments on any OPD's document
		with sebagai(INSPEKTORAT):
			komentar = add_comment(
				EKI, self.eki[OPD_LAIN].name, "Mohon lengkapi bukti dukung.", INSPEKTORAT, "Inspektorat"
			)
		self.assertEqual(komentar.reference_name, self.eki[OPD_LAIN].name)

	def test_the_cross_opd_recapitulation(self):
		filters = {"tahun": TAHUN_UJI, "triwulan": "III"}
		for user in (BAPPEDA, INSPEKTORAT):
			with sebagai(user):
				_kolom, data, _p, grafik, _r = rekapitulasi_kinerja_opd.execute(filters)
			semua = {d["opd"]: d for d in data}
			self.assertLessEqual({OPD_UJI, OPD_LAIN}, set(semua))
			self.assertEqual(semua[OPD_LAIN]["indikator"], 1)
			self.assertEqual(semua[OPD_LAIN]["data_diterima"], "0 dari 1")
			self.assertIn("opd=UJI-LAIN", semua[OPD_LAIN]["rincian"])
			self.assertIn(OPD_UJI, grafik["data"]["labels"])
		with sebagai(KADIS):
			_kolom, data, *_ = rekapitulasi_kinerja_opd.execute(filters)
		self.assertEqual([d["opd"] for d in data], [OPD_UJI])
		# drill-down: one OPD's Rekap Capaian Kinerja and Kepatuhan SOP
		with sebagai(INSPEKTORAT):
			_k, baris, *_ = rekap_capaian_kinerja.execute({**filters, "opd": OPD_LAIN})
			self.assertEqual({b["bidang"] for b in baris}, {self.bidang[OPD_LAIN]})
			_k, patuh, _m, _g = kepatuhan_sop.execute({**filters, "kelompok": "OPD"})
		self.assertLessEqual({OPD_UJI, OPD_LAIN}, {p["kelompok"] for p in patuh})

	def test_inspektorat_returns_an_accepted_follow_up_with_a_reason(self):
		tl = frappe.get_doc(
			{
				"doctype": TL,
				"evaluasi": self.eki[OPD_LAIN].name,
				"bidang": self.bidang[OPD_LAIN],
				"baris": [
					{
						"rekomendasi": "Percepat",
						"tindak_lanjut": "Sudah",
						"status": "Tuntas",
						"tanggal_tuntas": frappe.utils.today(),
						"tautan_bukti": "https://arsip.contoh.go.id/ba.pdf",
					}
				],
			}
		)
		tl.flags.ignore_permissions = True
		tl.insert()
		frappe.db.set_value(TL, tl.name, "workflow_state", "Diterima")
		# the Inspektorat may not edit the follow-up itself
		with sebagai(INSPEKTORAT), self.assertRaises(frappe.PermissionError):
			doc = frappe.get_doc(TL, tl.name)
			doc.baris[0].tindak_lanjut = "Diubah Inspektorat"
			doc.save()
		tl = pabrik.kembalikan(frappe.get_doc(TL, tl.name), INSPEKTORAT, "Bukti tuntas belum dilampirkan.")
		self.assertEqual(tl.workflow_state, "Dikembalikan")
		self.assertEqual(tl.riwayat_pengembalian[-1].alasan, "Bukti tuntas belum dilampirkan.")
		self.assertEqual(tl.riwayat_pengembalian[-1].dikembalikan_oleh, INSPEKTORAT)
		self.assertEqual(tl.baris[0].tindak_lanjut, "Sudah")
