"""A whole Evaluasi Kinerja Internal cycle with three bidang, every action taken by a user who holds
only the role that step needs, and every forbidden action tried and refused."""

import frappe
from frappe.model.workflow import WorkflowPermissionError, WorkflowTransitionError

from sakip_evaluasi.aturan.siklus import pemilik_acara_rapat
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, SEKRETARIS, SUBKOR, TAHUN_UJI, SakipTestCase, aksi, sebagai

DITOLAK = (
	frappe.ValidationError,
	frappe.DuplicateEntryError,
	frappe.PermissionError,
	WorkflowPermissionError,
	WorkflowTransitionError,
)
KABID = {"UJA": "kabid.uja@test.sakip", "UJB": "kabid.ujb@test.sakip", "UJC": "kabid.ujc@test.sakip"}
KABID_NONAKTIF = "kabid.ujn@test.sakip"


class TestSiklusEvaluasi(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.bidang = pabrik.siapkan_bidang(KABID, "Bidang Uji")
		cls.indikator = [
			pabrik.buat_indikator(cls.bidang["UJA"], "Persentase jalan mantap", (10, 20, 30, 40)),
			pabrik.buat_indikator(
				cls.bidang["UJA"], "Jumlah aduan", (8, 8, 8, 8), "Negatif", akumulasi="Tetap"
			),
			pabrik.buat_indikator(cls.bidang["UJB"], "Persentase irigasi baik", (25, 25, 25, 25)),
			pabrik.buat_indikator(
				cls.bidang["UJC"], "Indeks kepuasan", (70, 72, 75, 80), akumulasi="Nilai Akhir"
			),
		]

	def assertDitolak(self, fn, pesan: str | None = None):
		with self.assertRaises(DITOLAK) as ctx:
			fn()
		if pesan:
			self.assertRegex(str(ctx.exception), pesan)
		return ctx.exception

	def buat_evaluasi(self):
		with sebagai(KADIS):
			return frappe.get_doc(
				{"doctype": "Evaluasi Kinerja Internal", "tahun": TAHUN_UJI, "triwulan": "III"}
			).insert()

	def test_a_whole_cycle_with_three_bidang(self):
		eki = self.buat_evaluasi()
		self.assertEqual(eki.name, f"EKI-UJI-{TAHUN_UJI}-TW3")
		self.assertEqual((eki.kepala_dinas, eki.sekretaris, eki.subkoordinator), (KADIS, SEKRETARIS, SUBKOR))

		# Steps 1-2: the disposisi chain Kadis -> Sekretaris -> Subkor
		with sebagai(KADIS):
			d1 = frappe.get_doc(
				{
					"doctype": "Disposisi",
					"evaluasi": eki.name,
					"kepada": SEKRETARIS,
					"instruksi": [{"instruksi": "Untuk ditindaklanjuti"}],
					"catatan": "Laksanakan evaluasi TW III",
				}
			).insert()
		self.assertEqual((d1.dari, d1.workflow_state), (KADIS, "Draft"))
		self.assertDitolak(lambda: aksi(d1, "Kirim", SEKRETARIS))  # only the sender sends
		d1 = aksi(d1, "Kirim", KADIS)
		self.assertDitolak(lambda: aksi(d1, "Terima", SUBKOR))  # only the addressee accepts
		d1 = aksi(d1, "Terima", SEKRETARIS)
		with sebagai(SEKRETARIS):
			d2 = frappe.get_doc(
				{
					"doctype": "Disposisi",
					"evaluasi": eki.name,
					"dari": SEKRETARIS,
					"kepada": SUBKOR,
					"disposisi_induk": d1.name,
					"instruksi": [{"instruksi": "Siapkan bahan"}],
				}
			).insert()
		d2 = aksi(d2, "Kirim", SEKRETARIS)
		d2 = aksi(d2, "Terima", SUBKOR)

		# Steps 3-4: the work paper, returned once with a reason, approved and distributed
		with sebagai(SUBKOR):
			kke = frappe.get_doc({"doctype": "Kertas Kerja Evaluasi", "evaluasi": eki.name}).insert()
		self.assertEqual(sorted(r.indikator for r in kke.baris), sorted(self.indikator))
		jalan = next(r for r in kke.baris if r.indikator == self.indikator[0])
		self.assertEqual((jalan.target_tw, jalan.target_sd_tw), (30, 60))  # Kumulatif: 10 + 20 + 30
		kke = aksi(kke, "Ajukan", SUBKOR)
		self.assertDitolak(lambda: aksi(kke, "Kembalikan", SEKRETARIS), "alasan")
		with sebagai(SEKRETARIS):
			doc = frappe.get_doc("Kertas Kerja Evaluasi", kke.name)
			doc.alasan_dikembalikan = "Tambahkan catatan sumber data"
			doc.save()
		kke = aksi(kke, "Kembalikan", SEKRETARIS)
		self.assertEqual(kke.workflow_state, "Dikembalikan")
		kke = aksi(kke, "Ajukan", SUBKOR)
		self.assertDitolak(lambda: aksi(kke, "Setujui", SUBKOR))  # the Subkor cannot approve their own paper
		kke = aksi(kke, "Setujui", SEKRETARIS)
		kke = aksi(kke, "Distribusikan", SUBKOR)
		dkb = {
			kode: frappe.get_doc("Data Kinerja Bidang", {"evaluasi": eki.name, "bidang": b})
			for kode, b in self.bidang.items()
		}
		self.assertEqual({k: len(d.baris) for k, d in dkb.items()}, {"UJA": 2, "UJB": 1, "UJC": 1})
		self.assertDitolak(lambda: aksi(kke, "Rekap", SUBKOR), "belum diterima")

		# Step 5: each bidang submits its data; one is returned once
		realisasi = {
			self.indikator[0]: "55,5",
			self.indikator[1]: "6.5",
			self.indikator[2]: "1.234,5",
			self.indikator[3]: "74",
		}
		for kode, doc in dkb.items():
			with sebagai(KABID[kode]):
				doc = frappe.get_doc("Data Kinerja Bidang", doc.name)
				for row in doc.baris:
					row.realisasi = realisasi[row.indikator]
					row.kendala = "Cuaca"
				doc.save()
			dkb[kode] = aksi(doc, "Ajukan", KABID[kode])
		aduan = next(r for r in dkb["UJA"].baris if r.indikator == self.indikator[1])
		self.assertEqual((aduan.capaian, aduan.predikat), (118.75, "Sangat Tinggi"))  # (2*8 - 6.5) / 8
		with sebagai(SUBKOR):
			doc = frappe.get_doc("Data Kinerja Bidang", dkb["UJB"].name)
			doc.alasan_dikembalikan = "Periksa angka realisasi"
			doc.save()
		aksi(doc, "Kembalikan", SUBKOR)
		dkb["UJB"] = aksi(doc, "Ajukan", KABID["UJB"])
		for kode, doc in dkb.items():
			dkb[kode] = aksi(doc, "Terima", SUBKOR)
		kke = aksi(kke, "Rekap", SUBKOR)
		self.assertEqual(kke.workflow_state, "Direkap")
		self.assertEqual(
			{r.indikator: r.realisasi for r in kke.baris}, realisasi, "realisasi flows back into the paper"
		)

		# Steps 6-7: invitation, attendance and minutes. Invited: the three officials, the head of
		# each of this test's bidang and of every other active bidang of the evaluation's OPD, and
		# nobody else (not the head of an inactive bidang, nor of another OPD's bidang).
		nonaktif = pabrik.buat_bidang("Bidang Uji Nonaktif", "UJN", pabrik.buat_user(KABID_NONAKTIF))
		nonaktif.db_set("aktif", 0)
		kepala_lain = {
			b.kepala_bidang
			for b in frappe.get_all(
				"Bidang", filters={"opd": eki.opd}, fields=["name", "aktif", "kepala_bidang"]
			)
			if b.aktif and b.kepala_bidang and b.name not in self.bidang.values()
		}
		with sebagai(SUBKOR):
			nr = frappe.get_doc({"doctype": "Notulen Rapat", "evaluasi": eki.name}).insert()
		peserta = {p.peserta for p in nr.peserta}
		self.assertNotIn(KABID_NONAKTIF, peserta)
		self.assertEqual(peserta, {KADIS, SEKRETARIS, SUBKOR, *KABID.values(), *kepala_lain})
		self.assertDitolak(lambda: aksi(nr, "Kirim Undangan", SUBKOR), "Tanggal Rapat")
		with sebagai(SUBKOR):
			nr = frappe.get_doc("Notulen Rapat", nr.name)
			nr.update(
				{
					"nomor_undangan": "005/123/SEKR",
					"tanggal_rapat": "2026-10-12",
					"jam_mulai": "09:00:00",
					"tempat": "Ruang Rapat Kadis",
				}
			)
			nr.save()
		nr = aksi(nr, "Kirim Undangan", SEKRETARIS)
		self.assertEqual(pemilik_acara_rapat(nr.name), {p.peserta for p in nr.peserta})
		for p in nr.peserta:
			self.assertTrue(
				frappe.db.exists("Notification Log", {"for_user": p.peserta, "document_name": nr.name}),
				p.peserta,
			)
		self.assertDitolak(lambda: aksi(nr, "Ajukan Notulen", SUBKOR), "Pimpinan Rapat")
		with sebagai(SUBKOR):
			nr = frappe.get_doc("Notulen Rapat", nr.name)
			nr.pimpinan_rapat, nr.notulis = KADIS, SUBKOR
			for p in nr.peserta:
				p.kehadiran = "Hadir"
			nr.append("rekomendasi", {"bidang": "Bidang Yang Tidak Ada", "rekomendasi": "X"})
			self.assertDitolak(nr.save, "Bidang Yang Tidak Ada.*tidak ada")
		with sebagai(SUBKOR):
			nr = frappe.get_doc("Notulen Rapat", nr.name)
			nr.pimpinan_rapat, nr.notulis = KADIS, SUBKOR
			for p in nr.peserta:
				p.kehadiran = "Hadir"
			nr.kesimpulan = "Capaian TW III sesuai rencana kecuali irigasi."
			nr.append(
				"rekomendasi",
				{
					"bidang": self.bidang["UJB"],
					"rekomendasi": "Percepat rehabilitasi irigasi",
					"batas_waktu": "2026-11-30",
				},
			)
			nr.append("rekomendasi", {"bidang": self.bidang["UJC"], "rekomendasi": "Survei ulang kepuasan"})
			nr.save()
		nr = aksi(nr, "Ajukan Notulen", SUBKOR)
		self.assertDitolak(lambda: aksi(nr, "Sahkan", SEKRETARIS))
		nr = aksi(nr, "Sahkan", KADIS)

		# Step 8: follow-up per bidang that received a rekomendasi
		tl = frappe.get_all("Tindak Lanjut Evaluasi", filters={"evaluasi": eki.name}, pluck="bidang")
		self.assertEqual(sorted(tl), sorted([self.bidang["UJB"], self.bidang["UJC"]]))
		for kode in ("UJB", "UJC"):
			doc = frappe.get_doc(
				"Tindak Lanjut Evaluasi", {"evaluasi": eki.name, "bidang": self.bidang[kode]}
			)
			self.assertDitolak(lambda: aksi(doc, "Ajukan", KABID[kode]), "Tindak lanjut belum diisi")
			with sebagai(KABID[kode]):
				doc = frappe.get_doc("Tindak Lanjut Evaluasi", doc.name)
				doc.baris[0].tindak_lanjut = "Sudah dilaksanakan"
				doc.baris[0].status = "Tuntas"
				doc.baris[0].tanggal_tuntas = frappe.utils.today()
				doc.baris[0].tautan_bukti = "https://arsip.contoh.go.id/ba.pdf"
				doc.save()
			doc = aksi(doc, "Ajukan", KABID[kode])
			doc = aksi(doc, "Verifikasi", SEKRETARIS)
			doc = aksi(doc, "Terima", KADIS)
			self.assertEqual(doc.workflow_state, "Diterima")

	def test_a_second_evaluation_for_the_same_period_is_refused(self):
		self.buat_evaluasi()
		self.assertDitolak(self.buat_evaluasi, "sudah ada")
		self.assertEqual(
			frappe.db.count("Evaluasi Kinerja Internal", {"tahun": TAHUN_UJI, "triwulan": "III"}), 1
		)

	def ajukan_bidang(self, kode: str, realisasi: str):
		"""Bidang ``kode``'s data with ``realisasi`` in its first row, saved and submitted by its Kabid."""
		doc = self.siap_data_bidang()[kode]
		with sebagai(KABID[kode]):
			doc.baris[0].realisasi = realisasi
			doc.save()
		return aksi(doc, "Ajukan", KABID[kode])

	def siap_data_bidang(self):
		eki = self.buat_evaluasi()
		kke = frappe.get_doc({"doctype": "Kertas Kerja Evaluasi", "evaluasi": eki.name}).insert()
		for action, user in (("Ajukan", SUBKOR), ("Setujui", SEKRETARIS), ("Distribusikan", SUBKOR)):
			kke = aksi(kke, action, user)
		return {
			kode: frappe.get_doc("Data Kinerja Bidang", {"evaluasi": eki.name, "bidang": b})
			for kode, b in self.bidang.items()
		}

	def test_data_with_a_missing_realisasi_cannot_be_submitted(self):
		doc = self.siap_data_bidang()["UJA"]
		with sebagai(KABID["UJA"]):
			doc.baris[0].realisasi = "50"
			doc.save()
		self.assertDitolak(lambda: aksi(doc, "Ajukan", KABID["UJA"]), "Realisasi belum diisi pada baris 2")
		self.assertEqual(frappe.db.get_value("Data Kinerja Bidang", doc.name, "workflow_state"), "Draft")

	def test_text_in_a_realisasi_is_refused(self):
		doc = self.siap_data_bidang()["UJA"]
		with sebagai(KABID["UJA"]):
			doc.baris[0].realisasi = "lima puluh"
			self.assertDitolak(doc.save, "bukan angka")
		self.assertFalse(frappe.db.get_value("Baris Data Kinerja", doc.baris[0].name, "realisasi"))

	def test_a_kabid_cannot_read_or_write_another_bidangs_data_through_the_api(self):
		dkb = self.siap_data_bidang()
		lain = dkb["UJB"].name
		with sebagai(KABID["UJA"]):
			self.assertEqual(
				frappe.get_list("Data Kinerja Bidang", pluck="name"), [dkb["UJA"].name], "list is scoped"
			)
			self.assertDitolak(lambda: frappe.client.get("Data Kinerja Bidang", lain))
			self.assertDitolak(
				lambda: frappe.client.set_value("Data Kinerja Bidang", lain, "alasan_dikembalikan", "x")
			)
			doc = frappe.get_doc("Data Kinerja Bidang", lain)
			doc.baris[0].realisasi = "99"
			self.assertDitolak(doc.save)
		self.assertFalse(frappe.db.get_value("Baris Data Kinerja", dkb["UJB"].baris[0].name, "realisasi"))
		self.assertDitolak(lambda: aksi(dkb["UJB"], "Ajukan", KABID["UJA"]))

	def test_a_kabid_cannot_edit_data_after_submitting_it(self):
		doc = self.ajukan_bidang("UJC", "70")
		with sebagai(KABID["UJC"]):
			doc = frappe.get_doc("Data Kinerja Bidang", doc.name)
			doc.baris[0].realisasi = "90"
			self.assertDitolak(doc.save, "hanya dapat diubah oleh peran Subkoordinator")
		self.assertEqual(frappe.db.get_value("Baris Data Kinerja", doc.baris[0].name, "realisasi"), "70")

	def test_the_wrong_role_cannot_take_a_transition(self):
		dkb = self.ajukan_bidang("UJC", "70")
		self.assertDitolak(lambda: aksi(dkb, "Terima", SEKRETARIS))
		self.assertDitolak(lambda: aksi(dkb, "Terima", KABID["UJC"]))
		self.assertEqual(frappe.db.get_value("Data Kinerja Bidang", dkb.name, "workflow_state"), "Diajukan")

	def test_a_state_change_through_the_api_is_checked_like_the_action_menu(self):
		dkb = self.siap_data_bidang()["UJC"]
		with sebagai(KABID["UJC"]):
			dkb.baris[0].realisasi = "70"
			dkb.save()
			self.assertDitolak(
				lambda: frappe.client.set_value("Data Kinerja Bidang", dkb.name, "workflow_state", "Diterima")
			)
		self.assertEqual(frappe.db.get_value("Data Kinerja Bidang", dkb.name, "workflow_state"), "Draft")

	def siap_notulen(self):
		eki = self.buat_evaluasi()
		nr = frappe.get_doc(
			{
				"doctype": "Notulen Rapat",
				"evaluasi": eki.name,
				"tanggal_rapat": "2026-10-12",
				"jam_mulai": "09:00:00",
				"tempat": "Aula",
			}
		).insert()
		return aksi(nr, "Kirim Undangan", SUBKOR)

	def test_minutes_without_attendance_are_refused(self):
		nr = self.siap_notulen()
		with sebagai(SUBKOR):
			nr = frappe.get_doc("Notulen Rapat", nr.name)
			nr.pimpinan_rapat, nr.notulis = KADIS, SUBKOR
			nr.peserta[0].kehadiran = "Hadir"
			nr.save()
		self.assertDitolak(lambda: aksi(nr, "Ajukan Notulen", SUBKOR), "Daftar hadir belum diisi")
		self.assertEqual(frappe.db.get_value("Notulen Rapat", nr.name, "workflow_state"), "Undangan Dikirim")

	def test_only_the_sender_edits_a_draft_disposisi(self):
		eki = self.buat_evaluasi()
		with sebagai(KADIS):
			d = frappe.get_doc(
				{"doctype": "Disposisi", "evaluasi": eki.name, "kepada": SEKRETARIS, "catatan": "Asli"}
			).insert()
		frappe.share.add("Disposisi", d.name, SEKRETARIS, write=1)
		with sebagai(SEKRETARIS):
			d = frappe.get_doc("Disposisi", d.name)
			d.catatan = "Diubah penerima"
			self.assertDitolak(d.save, "hanya dapat diubah oleh pengirimnya")
		self.assertEqual(frappe.db.get_value("Disposisi", d.name, "catatan"), "Asli")

	def test_a_kabid_sees_only_their_own_follow_ups(self):
		eki = self.buat_evaluasi()
		for kode in ("UJA", "UJB"):
			frappe.get_doc(
				{
					"doctype": "Tindak Lanjut Evaluasi",
					"evaluasi": eki.name,
					"bidang": self.bidang[kode],
					"baris": [{"rekomendasi": "Percepat"}],
				}
			).insert()
		with sebagai(KABID["UJA"]):
			self.assertEqual(frappe.get_list("Tindak Lanjut Evaluasi", pluck="bidang"), [self.bidang["UJA"]])
			lain = frappe.db.get_value("Tindak Lanjut Evaluasi", {"bidang": self.bidang["UJB"]})
			self.assertDitolak(lambda: frappe.client.get("Tindak Lanjut Evaluasi", lain))
