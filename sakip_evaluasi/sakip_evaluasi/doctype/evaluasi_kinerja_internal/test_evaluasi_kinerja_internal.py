# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt
"""Who holds the SOP roles of an evaluation (``sakip_evaluasi.pejabat.pemegang``): an evaluation whose steps
could not complete is refused, by the document API and over REST, as the role that creates or
moves it, with a message that says what to set where — and nothing is written."""

import frappe

from sakip_evaluasi.domain.doctype import EVALUASI as EKI
from sakip_evaluasi.domain.doctype import KKE, OPD
from sakip_evaluasi.domain.peran import KEPALA_BIDANG, KEPALA_DINAS, SEKRETARIS, SUBKOOR
from sakip_evaluasi.patches import isi_pejabat_evaluasi
from sakip_evaluasi.pejabat.pemegang import pemegang_aktif
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, OPD_UJI, SUBKOR, TAHUN_UJI, SakipTestCase, aksi, sebagai
from sakip_evaluasi.tests.factories import (
	SEKRETARIS as USER_SEKRETARIS,
)
from sakip_evaluasi.tests.rest import aksi_rest, rest, sumber

TEMPAT_OPD = f"di OPD {OPD_UJI} (bagian Pejabat Pelaksana SOP)"
KADIS_KEDUA = "kadis.kedua@test.sakip"
TANPA_PERAN = "tanpa.peran@test.sakip"
NONAKTIF = "sekretaris.nonaktif@test.sakip"
ADMIN = "admin.sakip@test.sakip"
KABID_A = "kabid.pja@test.sakip"
KABID_B = "kabid.pjb@test.sakip"
BARU = {"tahun": TAHUN_UJI, "triwulan": "I"}  # a new evaluation, as the REST body


def pesan_tampil() -> list[str]:
	"""The messages shown to the user in this request so far (msgprint), as plain text."""
	return [frappe.utils.strip_html(str(m.get("message", ""))) for m in frappe.get_message_log()]


class TestPejabatEvaluasi(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.buat_pejabat()
		pabrik.buat_user(KADIS_KEDUA, KEPALA_DINAS)
		# a second Kepala Dinas of the OPD (e.g. staff given the role): officials are chosen within it
		frappe.get_doc(
			doctype="User Permission",
			user=KADIS_KEDUA,
			allow="OPD",
			for_value=OPD_UJI,
			apply_to_all_doctypes=1,
		).insert(ignore_permissions=True)
		pabrik.buat_user(TANPA_PERAN)
		pabrik.buat_user(NONAKTIF, SEKRETARIS, enabled=0)
		pabrik.buat_user(ADMIN, "System Manager")
		pabrik.buat_user(KABID_A)
		pabrik.buat_user(KABID_B)
		cls.bidang_a = pabrik.buat_bidang("Bidang Pejabat PJA", "PJA", KABID_A).name
		cls.bidang_b = pabrik.buat_bidang("Bidang Pejabat PJB", "PJB").name  # no Kepala Bidang yet
		pabrik.buat_indikator(cls.bidang_a, "Indikator pejabat A", (10, 20, 30, 40))
		pabrik.buat_indikator(cls.bidang_b, "Indikator pejabat B", (10, 20, 30, 40))

	# --- set-up within a test (rolled back) ------------------------------------------------------------

	def pengaturan(self, **nilai):
		"""Set the OPD's officials directly (as if set before the rule existed, or a user lost the
		role since)."""
		frappe.db.set_value(OPD, OPD_UJI, nilai)

	def hanya_pemegang(self, peran, *users):
		"""Only ``users`` hold ``peran`` among the site's active users (the others disabled)."""
		lain = [u for u in pemegang_aktif(peran) if u not in users]
		if lain:
			frappe.db.sql("update `tabUser` set enabled = 0 where name in %s", [lain])

	def buat(self, user=KADIS, triwulan="I", **kw):
		with sebagai(user):
			return frappe.get_doc({"doctype": EKI, "tahun": TAHUN_UJI, "triwulan": triwulan, **kw}).insert()

	def potret(self):
		return (
			frappe.get_all(EKI, filters={"tahun": TAHUN_UJI}, fields=["*"], order_by="name"),
			frappe.get_all("Langkah Evaluasi", fields=["name", "modified"], order_by="name"),
			frappe.get_all(KKE, fields=["name", "workflow_state", "modified"], order_by="name"),
			frappe.get_all("Data Kinerja Bidang", fields=["name"], order_by="name"),
			frappe.get_all("Notulen Rapat", fields=["name", "workflow_state", "modified"], order_by="name"),
			frappe.get_all("Tindak Lanjut Evaluasi", fields=["name"], order_by="name"),
			frappe.db.get_value(OPD, OPD_UJI, ["kepala_dinas", "sekretaris", "subkoordinator"]),
		)

	def assertDitolak(self, fn, *potongan, exc=frappe.ValidationError):
		"""``fn`` (the document API) raises ``exc`` with every ``potongan``; nothing changes."""
		sebelum = self.potret()
		with self.assertRaises(exc) as ctx:
			fn()
		pesan = frappe.utils.strip_html(str(ctx.exception))
		for p in potongan:
			self.assertIn(p, pesan)
		self.assertEqual(self.potret(), sebelum, "a refusal must not change the database")

	def assertRestDitolak(self, kirim, *potongan, status=417):
		"""The same refusal over REST (``kirim()`` sends the request): HTTP ``status`` (never 500),
		the message, nothing changed."""
		sebelum = self.potret()
		jawaban = kirim()
		self.assertEqual(jawaban.status, status, jawaban)
		for p in potongan:
			self.assertIn(p, jawaban.pesan)
		self.assertEqual(self.potret(), sebelum, "a refused request must not change the database")

	# --- creating an evaluation ------------------------------------------------------------------------

	def test_an_evaluation_without_officials_is_refused_with_what_to_set_where(self):
		self.pengaturan(kepala_dinas=None, sekretaris=None, subkoordinator=None)
		self.hanya_pemegang(KEPALA_DINAS, KADIS, KADIS_KEDUA)
		self.hanya_pemegang(SEKRETARIS)
		self.hanya_pemegang(SUBKOOR)
		pesan = (
			f"Kepala Dinas belum ditetapkan. Isi Kepala Dinas {TEMPAT_OPD}.",
			"Ada 2 pengguna aktif dengan peran Kepala Dinas; pilih salah satu.",
			f"Sekretaris belum ditetapkan. Isi Sekretaris {TEMPAT_OPD}.",
			"Belum ada pengguna aktif dengan peran Sekretaris",
			f"{SUBKOOR} belum ditetapkan. Isi {SUBKOOR} {TEMPAT_OPD}.",
		)
		self.assertDitolak(self.buat, "langkah SOP-nya tidak akan dapat diselesaikan", *pesan)
		self.assertRestDitolak(lambda: rest(KADIS, "POST", sumber(EKI), BARU), *pesan)

	def test_the_only_active_holder_fills_an_empty_official_and_steps_1_2_close(self):
		self.pengaturan(kepala_dinas=None, sekretaris=None, subkoordinator=None)
		for peran, user in ((KEPALA_DINAS, KADIS), (SEKRETARIS, USER_SEKRETARIS), (SUBKOOR, SUBKOR)):
			self.hanya_pemegang(peran, user)
		eki = self.buat()
		self.assertEqual(
			(eki.kepala_dinas, eki.sekretaris, eki.subkoordinator), (KADIS, USER_SEKRETARIS, SUBKOR)
		)
		self.assertTrue(any("satu-satunya pengguna aktif" in m for m in pesan_tampil()))
		self.assertEqual(
			frappe.db.get_value("Langkah Evaluasi", {"evaluasi": eki.name, "langkah": 1}, "pelaksana"), KADIS
		)
		with sebagai(SUBKOR):
			nr = frappe.get_doc({"doctype": "Notulen Rapat", "evaluasi": eki.name}).insert()
		self.assertLessEqual({KADIS, USER_SEKRETARIS, SUBKOR}, {p.peserta for p in nr.peserta})

		# With the officials recorded, steps 1 and 2 close when the disposisi go out.
		pabrik.kirim_disposisi(eki.name, KADIS, USER_SEKRETARIS)
		pabrik.kirim_disposisi(eki.name, USER_SEKRETARIS, SUBKOR)
		selesai = frappe.get_all(
			"Langkah Evaluasi", filters={"evaluasi": eki.name, "selesai": ("is", "set")}, pluck="langkah"
		)
		self.assertEqual(sorted(selesai), [1, 2])

		jawaban = rest(USER_SEKRETARIS, "POST", sumber(EKI), json_data={"tahun": TAHUN_UJI, "triwulan": "II"})
		self.assertEqual(jawaban.status, 200, jawaban)
		self.assertEqual(jawaban.hasil["kepala_dinas"], KADIS)

	def test_an_official_who_cannot_act_is_refused(self):
		self.pengaturan(sekretaris=NONAKTIF)
		pesan = f"Sekretaris ({NONAKTIF}) tidak aktif (pengguna dinonaktifkan). Isi Sekretaris {TEMPAT_OPD}"
		self.assertDitolak(self.buat, pesan)
		self.assertRestDitolak(lambda: rest(KADIS, "POST", sumber(EKI), BARU), pesan)

		self.pengaturan(sekretaris=USER_SEKRETARIS, subkoordinator=TANPA_PERAN)  # e.g. the role taken away
		pesan = f"{SUBKOOR} ({TANPA_PERAN}) tidak memiliki peran {SUBKOOR}. Beri peran {SUBKOOR} kepada"
		self.assertDitolak(self.buat, pesan, f"atau isi {SUBKOOR} {TEMPAT_OPD}")

		self.pengaturan(subkoordinator=SUBKOR)
		pesan = f"Kepala Dinas ({TANPA_PERAN}) tidak memiliki peran Kepala Dinas"
		self.assertDitolak(lambda: self.buat(kepala_dinas=TANPA_PERAN), pesan, "pada evaluasi ini")
		baru = {**BARU, "kepala_dinas": TANPA_PERAN}
		self.assertRestDitolak(lambda: rest(KADIS, "POST", sumber(EKI), baru), pesan)

	def test_a_saved_evaluation_keeps_officials_who_can_act(self):
		eki = self.buat()
		tempat = f"Isi Sekretaris pada Evaluasi Kinerja Internal {eki.name} (bagian Pejabat)"

		# The Sekretaris runs the evaluation; the Kepala Dinas only reads it once created.
		def kosongkan():
			with sebagai(USER_SEKRETARIS):
				doc = frappe.get_doc(EKI, eki.name)
				doc.sekretaris = None
				doc.save()

		self.assertDitolak(kosongkan, "Sekretaris belum ditetapkan.", tempat)
		ubah = sumber(EKI, eki.name)
		self.assertRestDitolak(lambda: rest(USER_SEKRETARIS, "PUT", ubah, {"sekretaris": None}), tempat)
		self.assertRestDitolak(
			lambda: rest(USER_SEKRETARIS, "PUT", ubah, {"sekretaris": TANPA_PERAN}),
			"tidak memiliki peran Sekretaris",
		)

		# An official disabled after the evaluation started: its form says so, with what to set where.
		frappe.db.set_value("User", USER_SEKRETARIS, "enabled", 0)
		doc = frappe.get_doc(EKI, eki.name)
		doc.run_method("onload")
		self.assertIn(f"Sekretaris ({USER_SEKRETARIS}) tidak aktif", doc.get_onload().masalah_pejabat[0])
		jawaban = rest(
			KADIS, "GET", f"/api/method/frappe.desk.form.load.getdoc?doctype={EKI}&name={eki.name}"
		)
		self.assertEqual(jawaban.status, 200, jawaban)
		(masalah,) = jawaban.data["docs"][0]["__onload"]["masalah_pejabat"]
		self.assertIn(tempat, masalah)

	def test_the_patch_fills_the_officials_of_evaluations_made_before_they_were_required(self):
		eki = self.buat()
		langkah = frappe.db.get_value("Langkah Evaluasi", {"evaluasi": eki.name, "langkah": 1})
		# As such an evaluation was left: officials empty, its running step without a holder.
		kosong = {"kepala_dinas": None, "sekretaris": None, "subkoordinator": None}
		frappe.db.set_value(EKI, eki.name, kosong, update_modified=False)
		frappe.db.set_value("Langkah Evaluasi", langkah, "pelaksana", None)
		self.pengaturan(sekretaris=None, subkoordinator=None)
		self.hanya_pemegang(SEKRETARIS, USER_SEKRETARIS)
		self.hanya_pemegang(SUBKOOR)  # nobody holds it: stays empty

		isi_pejabat_evaluasi.execute()

		eki = frappe.get_doc(EKI, eki.name)
		self.assertEqual(
			(eki.kepala_dinas, eki.sekretaris, eki.subkoordinator), (KADIS, USER_SEKRETARIS, None)
		)
		self.assertEqual(frappe.db.get_value("Langkah Evaluasi", langkah, "pelaksana"), KADIS)
		eki.run_method("onload")
		(masalah,) = eki.get_onload().masalah_pejabat
		self.assertIn(f"Isi {SUBKOOR} pada Evaluasi Kinerja Internal {eki.name}", masalah)

	# --- the OPD's officials -----------------------------------------------------------------------------

	def test_the_opd_refuses_an_official_who_cannot_act(self):
		def simpan(**nilai):
			with sebagai(ADMIN):
				doc = frappe.get_doc(OPD, OPD_UJI)
				doc.update(nilai)
				doc.save()

		self.assertDitolak(
			lambda: simpan(kepala_dinas=TANPA_PERAN), f"Kepala Dinas ({TANPA_PERAN}) tidak memiliki peran"
		)
		self.assertDitolak(lambda: simpan(sekretaris=NONAKTIF), f"Sekretaris ({NONAKTIF}) tidak aktif")
		self.assertRestDitolak(
			lambda: rest(ADMIN, "PUT", sumber(OPD, OPD_UJI), {"subkoordinator": TANPA_PERAN}),
			f"{SUBKOOR} ({TANPA_PERAN}) tidak memiliki peran {SUBKOOR}",
		)
		simpan(kepala_dinas=KADIS_KEDUA)
		self.assertEqual(frappe.db.get_value(OPD, OPD_UJI, "kepala_dinas"), KADIS_KEDUA)

		# A Sekretaris disabled since: other fields still save, with a warning to replace them.
		frappe.db.set_value("User", USER_SEKRETARIS, "enabled", 0)
		frappe.clear_messages()
		simpan(alamat="Jl. Uji No. 1")
		self.assertTrue(any(f"Sekretaris ({USER_SEKRETARIS}) tidak aktif" in m for m in pesan_tampil()))

	# --- steps 5 and 8: a Kepala Bidang for every bidang -----------------------------------------------

	def siap_distribusi(self):
		eki = self.buat()
		self.assertTrue(
			any(
				"Sebelum kertas kerja didistribusikan" in m
				and f"Bidang Pejabat PJB belum memiliki Kepala Bidang. Isi Kepala Bidang pada Bidang {self.bidang_b}"
				in m
				for m in pesan_tampil()
			),
			"creating the evaluation warns about the bidang without a head",
		)
		with sebagai(SUBKOR):
			kke = frappe.get_doc({"doctype": KKE, "evaluasi": eki.name}).insert()
		kke = aksi(kke, "Ajukan", SUBKOR)
		return aksi(kke, "Setujui", USER_SEKRETARIS)

	def assertDistribusiDitolak(self, kke, *pesan):
		self.assertDitolak(lambda: aksi(kke, "Distribusikan", SUBKOR), "Langkah 5 dijalankan", *pesan)
		self.assertRestDitolak(lambda: aksi_rest(SUBKOR, KKE, kke.name, "Distribusikan"), *pesan)
		self.assertEqual(frappe.db.get_value(KKE, kke.name, "workflow_state"), "Disetujui")

	def test_distribution_needs_a_kepala_bidang_who_can_act_in_every_bidang(self):
		kke = self.siap_distribusi()
		b = self.bidang_b
		self.assertDistribusiDitolak(
			kke, f"Bidang Pejabat PJB belum memiliki Kepala Bidang. Isi Kepala Bidang pada Bidang {b}."
		)

		frappe.get_doc("Bidang", b).update({"kepala_bidang": KABID_B}).save()
		frappe.db.set_value("User", KABID_A, "enabled", 0)
		self.assertDistribusiDitolak(
			kke,
			f"Kepala Bidang Pejabat PJA ({KABID_A}) tidak aktif",
			f"Isi Kepala Bidang pada Bidang {self.bidang_a}",
		)

		frappe.db.set_value("User", KABID_A, "enabled", 1)
		frappe.get_doc("User", KABID_B).remove_roles(KEPALA_BIDANG)
		self.assertDistribusiDitolak(
			kke, f"Kepala Bidang Pejabat PJB ({KABID_B}) tidak memiliki peran Kepala Bidang"
		)

		frappe.get_doc("User", KABID_B).add_roles(KEPALA_BIDANG)
		kke = aksi(kke, "Distribusikan", SUBKOR)
		self.assertEqual(kke.workflow_state, "Didistribusikan")
		self.assertEqual(
			sorted(frappe.get_all("Data Kinerja Bidang", filters={"evaluasi": kke.evaluasi}, pluck="bidang")),
			sorted([self.bidang_a, b]),
		)

	def test_approving_the_minutes_needs_a_kepala_bidang_for_every_recommended_bidang(self):
		eki = self.buat()
		with sebagai(SUBKOR):
			nr = frappe.get_doc(
				{
					"doctype": "Notulen Rapat",
					"evaluasi": eki.name,
					"tanggal_rapat": f"{TAHUN_UJI}-04-10",
					"jam_mulai": "09:00:00",
					"tempat": "Ruang Rapat",
				}
			).insert()
		nr = aksi(nr, "Kirim Undangan", USER_SEKRETARIS)
		with sebagai(SUBKOR):
			nr = frappe.get_doc("Notulen Rapat", nr.name)
			nr.pimpinan_rapat, nr.notulis = KADIS, SUBKOR
			for p in nr.peserta:
				p.kehadiran = "Hadir"
			nr.append("rekomendasi", {"bidang": self.bidang_a, "rekomendasi": "Percepat"})
			nr.append("rekomendasi", {"bidang": self.bidang_b, "rekomendasi": "Survei ulang"})
			nr.save()
		nr = aksi(nr, "Ajukan Notulen", SUBKOR)
		b = self.bidang_b
		pesan = f"Bidang Pejabat PJB belum memiliki Kepala Bidang. Isi Kepala Bidang pada Bidang {b}."
		self.assertDitolak(lambda: aksi(nr, "Sahkan", KADIS), "Langkah 8 dijalankan", pesan)
		self.assertRestDitolak(lambda: aksi_rest(KADIS, "Notulen Rapat", nr.name, "Sahkan"), pesan)
		self.assertEqual(frappe.db.get_value("Notulen Rapat", nr.name, "workflow_state"), "Notulen Diajukan")

		frappe.get_doc("Bidang", b).update({"kepala_bidang": KABID_B}).save()
		aksi(nr, "Sahkan", KADIS)
		self.assertEqual(
			sorted(frappe.get_all("Tindak Lanjut Evaluasi", filters={"evaluasi": eki.name}, pluck="bidang")),
			sorted([self.bidang_a, b]),
		)
