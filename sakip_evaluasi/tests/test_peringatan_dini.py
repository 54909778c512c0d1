"""Peringatan dini over two quarters of real documents: the projection beside each indicator while the
Kepala Bidang enters data, one indicator turning Kritis in TW II, the report and the workspace cards
as each role sees them, the thresholds in Pengaturan SAKIP, the meeting's draft rekomendasi, and the
dashboard records created once."""

import json

import frappe
import frappe.desk.form.load

from sakip_evaluasi.api.peringatan import draf_rekomendasi, jumlah_indikator
from sakip_evaluasi.domain.doctype import DKB
from sakip_evaluasi.patches import isi_proyeksi_peringatan_dini
from sakip_evaluasi.sakip_evaluasi.report.peringatan_dini_capaian.peringatan_dini_capaian import execute
from sakip_evaluasi.setup import dasbor
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, SEKRETARIS, SUBKOR, TAHUN_UJI, SakipTestCase, aksi, sebagai

KABID = {"PDA": "kabid.pda@test.sakip", "PDB": "kabid.pdb@test.sakip"}
KENDALA = "Anggaran pembinaan baru cair bulan Juni"


def atur_target_tahunan(indikator: str, nilai: float) -> None:
	frappe.db.set_value(
		"Target Indikator Kinerja", {"parent": indikator, "tahun": TAHUN_UJI}, "target_tahunan", nilai
	)
	# and in the PK in force, where the cycle reads it
	frappe.db.set_value("Indikator PK", {"indikator": indikator}, "target_tahunan", nilai)


def isi_dan_terima(evaluasi: str, realisasi: dict, kendala: dict | None = None) -> None:
	"""Each bidang's Kepala Bidang fills and submits its data; the Subkoordinator accepts it."""
	for name in frappe.get_all(DKB, filters={"evaluasi": evaluasi}, pluck="name"):
		doc = frappe.get_doc(DKB, name)
		kabid = frappe.db.get_value("Bidang", doc.bidang, "kepala_bidang")
		with sebagai(kabid):
			doc = frappe.get_doc(DKB, name)
			for row in doc.baris:
				row.realisasi = realisasi[row.indikator]
				row.kendala = (kendala or {}).get(row.indikator)
			doc.save()
		aksi(aksi(doc, "Ajukan", kabid), "Terima", SUBKOR)


class TestPeringatanDini(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.bidang = pabrik.siapkan_bidang(KABID, "Bidang Peringatan")
		# Kumulatif with quarterly targets: on its way in TW I, Kritis in TW II.
		cls.umkm = pabrik.buat_indikator(
			cls.bidang["PDA"], "Jumlah UMKM terbina", (25, 25, 25, 25), satuan="unit"
		)
		# Rata-rata without quarterly targets: one point in TW I cannot be projected.
		cls.kepuasan = pabrik.buat_indikator(
			cls.bidang["PDA"], "Indeks kepuasan layanan", (0, 0, 0, 0), akumulasi="Rata-rata", satuan="indeks"
		)
		atur_target_tahunan(cls.kepuasan, 80)
		# Nilai Akhir on a target path, in the other bidang.
		cls.irigasi = pabrik.buat_indikator(
			cls.bidang["PDB"], "Persentase irigasi baik", (60, 65, 70, 75), akumulasi="Nilai Akhir"
		)
		atur_target_tahunan(cls.irigasi, 75)

		kke1 = pabrik.siapkan_kertas_kerja("I", "Didistribusikan")
		cls.eki1 = kke1.evaluasi
		isi_dan_terima(cls.eki1, {cls.umkm: "24", cls.kepuasan: "78", cls.irigasi: "62"})
		aksi(kke1, "Rekap", SUBKOR)  # TW I's realisasi is now the work paper's, read by TW II
		kke2 = pabrik.siapkan_kertas_kerja("II", "Didistribusikan")
		cls.eki2 = kke2.evaluasi
		cls.kke2 = kke2.name
		isi_dan_terima(cls.eki2, {cls.umkm: "10", cls.kepuasan: "82", cls.irigasi: "66"}, {cls.umkm: KENDALA})
		aksi(kke2, "Rekap", SUBKOR)

	def baris(self, evaluasi: str, indikator: str):
		dkb = frappe.get_all(DKB, filters={"evaluasi": evaluasi}, pluck="name")
		return frappe.get_doc(
			"Baris Data Kinerja", {"parent": ("in", dkb), "parenttype": DKB, "indikator": indikator}
		)

	# --- beside each indicator --------------------------------------------------------------------

	def test_tw1_projects_what_it_can_and_says_why_not_otherwise(self):
		umkm = self.baris(self.eki1, self.umkm)
		self.assertEqual((umkm.status_proyeksi, umkm.proyeksi_capaian), ("Perlu Perhatian", 96))
		self.assertIn("Kumulatif: realisasi s.d. TW I (24)", umkm.metode_proyeksi)
		kepuasan = self.baris(self.eki1, self.kepuasan)
		self.assertEqual(kepuasan.status_proyeksi, "Belum Dapat Diproyeksikan")
		self.assertIn("baru satu titik data (TW I)", kepuasan.metode_proyeksi)
		irigasi = self.baris(self.eki1, self.irigasi)
		self.assertEqual((irigasi.proyeksi_realisasi, irigasi.status_proyeksi), (77.5, "Aman"))

	def test_tw2_one_indicator_turns_kritis(self):
		umkm = self.baris(self.eki2, self.umkm)
		# 24 + 10 = 34 of the 50 due by TW II (half the year) → 68 of 100.
		self.assertEqual(
			(umkm.status_proyeksi, umkm.proyeksi_realisasi, umkm.proyeksi_capaian, umkm.kekurangan_proyeksi),
			("Kritis", 68, 68, 32),
		)
		self.assertIn("÷ porsi target tahunan yang jatuh tempo s.d. TW II (50 %", umkm.metode_proyeksi)
		kepuasan = self.baris(self.eki2, self.kepuasan)
		self.assertEqual((kepuasan.status_proyeksi, kepuasan.proyeksi_realisasi), ("Aman", 80))
		irigasi = self.baris(self.eki2, self.irigasi)
		# 62 → 66: +4 a quarter, two quarters left → 74 of 75.
		self.assertEqual((irigasi.status_proyeksi, irigasi.proyeksi_realisasi), ("Perlu Perhatian", 74))
		# The work paper shows the same beside its rows.
		kk = frappe.get_doc("Baris Kertas Kerja", {"parent": self.kke2, "indikator": self.umkm})
		self.assertEqual((kk.status_proyeksi, kk.proyeksi_capaian), ("Kritis", 68))

	def test_the_kabid_sees_the_risk_while_entering_data(self):
		kke = pabrik.siapkan_kertas_kerja("III", "Didistribusikan")
		dkb = frappe.get_doc(DKB, {"evaluasi": kke.evaluasi, "bidang": self.bidang["PDA"]})
		with sebagai(KABID["PDA"]):
			doc = frappe.get_doc(DKB, dkb.name)
			row = next(r for r in doc.baris if r.indikator == self.umkm)
			self.assertEqual(row.status_proyeksi, "")  # nothing entered: nothing projected
			row.realisasi = "41"  # 24 + 10 + 41 = 75 of the 75 due by TW III
			doc.save()
			row = next(r for r in doc.baris if r.indikator == self.umkm)
			self.assertEqual((row.status_proyeksi, row.proyeksi_capaian), ("Aman", 100))

	# --- thresholds -------------------------------------------------------------------------------

	def test_thresholds_set_in_pengaturan_sakip(self):
		pengaturan = frappe.get_single("Pengaturan SAKIP")
		pengaturan.ambang_kritis_proyeksi = 60
		pengaturan.save()
		doc = frappe.get_doc(DKB, self.baris(self.eki2, self.umkm).parent)
		doc.flags.dari_sistem = True
		doc.save()
		self.assertEqual(self.baris(self.eki2, self.umkm).status_proyeksi, "Perlu Perhatian")

	def test_accepted_data_shows_the_status_by_the_current_thresholds(self):
		# The data of TW II was accepted (it never saves again); the thresholds change afterwards.
		pengaturan = frappe.get_single("Pengaturan SAKIP")
		pengaturan.ambang_kritis_proyeksi = 60
		pengaturan.save()
		with sebagai(KADIS):
			_k, data, _p, _g, ringkasan = execute({"tahun": TAHUN_UJI, "triwulan": "II"})
			kritis = jumlah_indikator({"status": "Kritis"})
			perhatian = jumlah_indikator({"status": "Perlu Perhatian"})
		umkm = next(d for d in data if d["indikator_kinerja"] == self.umkm)
		self.assertEqual((umkm["status"], umkm["warna"]), ("Perlu Perhatian", "orange"))  # 68 ≥ 60
		self.assertEqual({r["label"]: r["value"] for r in ringkasan}["Kritis"], 0)
		self.assertEqual((kritis["value"], perhatian["value"]), (0, 2))
		with sebagai(SUBKOR):
			nr = frappe.get_doc({"doctype": "Notulen Rapat", "evaluasi": self.eki2}).insert()
		self.assertEqual(nr.rekomendasi, [])  # nothing is Kritis any more
		# the form of the accepted document shows it too
		with sebagai(KABID["PDA"]):
			frappe.desk.form.load.getdoc(DKB, umkm["dokumen"])
			doc = frappe.response.docs[-1]  # getdoc appends to what earlier calls left
		status = {r.indikator: r.status_proyeksi for r in doc.baris}
		self.assertEqual(status[self.umkm], "Perlu Perhatian")

	def kosongkan(self, evaluasi: str, indikator: str) -> None:
		"""The row of ``indikator`` in ``evaluasi`` as it is before the Kepala Bidang fills it."""
		frappe.db.set_value(
			"Baris Data Kinerja",
			self.baris(evaluasi, indikator).name,
			{
				"realisasi": "",
				"realisasi_sd_tw": 0,
				"capaian": 0,
				"predikat": "",
				"status_proyeksi": "",
				"proyeksi_capaian": 0,
				"proyeksi_realisasi": 0,
				"kekurangan_proyeksi": 0,
				"metode_proyeksi": "",
			},
		)

	def test_report_summary_adds_up_and_its_chart_draws(self):
		# One indicator was never filled; the two bidang have no quarter in common (PDA filled TW II
		# only, PDB TW I only), as two OPDs running different triwulan are.
		for evaluasi in (self.eki1, self.eki2):
			self.kosongkan(evaluasi, self.kepuasan)
		self.kosongkan(self.eki1, self.umkm)
		self.kosongkan(self.eki2, self.irigasi)
		with sebagai(KADIS):
			_k, data, _p, grafik, ringkasan = execute({"tahun": TAHUN_UJI, "triwulan": "II"})
		jumlah = {r["label"]: r["value"] for r in ringkasan}
		self.assertEqual(jumlah["Indikator"], len(data))
		self.assertEqual(
			jumlah["Kritis"]
			+ jumlah["Perlu Perhatian"]
			+ jumlah["Aman"]
			+ jumlah["Belum Dapat Diproyeksikan"],
			len(data),
			jumlah,
		)
		self.assertEqual(jumlah["Belum Dapat Diproyeksikan"], 1)  # the indicator never filled
		label = grafik["data"]["labels"]
		self.assertEqual(label, ["TW I", "TW II", "Proyeksi Akhir Tahun"])
		self.assertTrue(grafik["data"]["datasets"])
		for garis in grafik["data"]["datasets"]:
			self.assertEqual(len(garis["values"]), len(label), garis)
			self.assertNotIn(None, garis["values"], garis)

	def test_invalid_thresholds_are_refused_and_change_nothing(self):
		sebelum = frappe.get_single("Pengaturan SAKIP").as_dict()
		pengaturan = frappe.get_single("Pengaturan SAKIP")
		pengaturan.ambang_kritis_proyeksi = 100
		with self.assertRaises(frappe.ValidationError) as ctx:
			pengaturan.save()
		pesan = str(ctx.exception)
		self.assertIn("Ambang Kritis (100 %) harus lebih kecil dari ambang Aman (100 %)", pesan)
		self.assertIn("Tidak ada data yang diubah", pesan)
		frappe.clear_document_cache("Pengaturan SAKIP", "Pengaturan SAKIP")
		sesudah = frappe.get_single("Pengaturan SAKIP").as_dict()
		self.assertEqual(sesudah.ambang_kritis_proyeksi, sebelum.ambang_kritis_proyeksi)

	# --- the report and the cards, per role -------------------------------------------------------

	def test_report_per_bidang_and_indicator_with_the_trend(self):
		with sebagai(KADIS):
			kolom, data, _pesan, grafik, ringkasan = execute(
				{"tahun": TAHUN_UJI, "triwulan": "II", "bidang": self.bidang["PDA"]}
			)
		self.assertEqual([d["indikator"] for d in data], ["Jumlah UMKM terbina", "Indeks kepuasan layanan"])
		umkm = data[0]  # the Kritis one first
		self.assertEqual(
			(
				umkm["status"],
				umkm["warna"],
				umkm["realisasi_tw1"],
				umkm["realisasi_tw2"],
				umkm["realisasi_tw3"],
			),
			("Kritis", "red", 24, 10, None),
		)
		self.assertEqual((umkm["target_tw1"], umkm["target_tw4"], umkm["target_tahunan"]), (25, 25, 100))
		self.assertEqual(umkm["kendala"], KENDALA)
		self.assertIn("Kumulatif", umkm["metode"])
		self.assertEqual(grafik["data"]["labels"], ["TW I", "TW II", "Proyeksi Akhir Tahun"])
		garis = {d["name"]: d["values"] for d in grafik["data"]["datasets"]}
		self.assertEqual(garis[self.bidang["PDA"]], [96, 68, 84])  # mean capaian; projection (68 + 100) / 2
		self.assertEqual(garis["Jalur target (100 %)"], [100, 100, 100])
		self.assertEqual({r["label"]: r["value"] for r in ringkasan}["Kritis"], 1)
		self.assertIn("Proyeksi Capaian (%)", [k["label"] for k in kolom])

	def test_report_of_one_indicator_charts_it_in_its_unit(self):
		with sebagai(SEKRETARIS):
			_k, data, _p, grafik, _r = execute({"tahun": TAHUN_UJI, "triwulan": "II", "indikator": self.umkm})
		self.assertEqual(len(data), 1)
		garis = [d["values"] for d in grafik["data"]["datasets"]]
		self.assertEqual(garis, [[25, 50, 100], [24, 34, 68]])  # target path; realisasi, then projection

	def test_a_kepala_bidang_sees_only_their_bidang(self):
		with sebagai(KABID["PDB"]):
			_k, data, *_ = execute({"tahun": TAHUN_UJI, "triwulan": "II"})
			kritis = jumlah_indikator(json.dumps({"status": "Kritis"}))
			perhatian = jumlah_indikator({"status": "Perlu Perhatian"})
		self.assertEqual([d["indikator"] for d in data], ["Persentase irigasi baik"])
		self.assertEqual((kritis["value"], perhatian["value"]), (0, 1))
		with sebagai(KABID["PDA"]):
			self.assertEqual(jumlah_indikator({"status": "Kritis"})["value"], 1)

	def test_cards_count_the_latest_period_and_open_the_report(self):
		with sebagai(KADIS):
			kartu = jumlah_indikator({"status": "Kritis"})
			tw1 = jumlah_indikator({"status": "Perlu Perhatian", "tahun": TAHUN_UJI, "triwulan": "I"})
		self.assertEqual(kartu["value"], 1)
		self.assertEqual(kartu["route"], ["query-report", "Peringatan Dini Capaian"])
		self.assertEqual(kartu["route_options"], {"tahun": TAHUN_UJI, "triwulan": "II", "status": "Kritis"})
		self.assertEqual(tw1["value"], 1)  # UMKM at 96 % in TW I
		with self.assertRaises(frappe.ValidationError):
			jumlah_indikator({"status": "Bagus"})

	def test_the_patch_fills_documents_saved_before(self):
		umkm = self.baris(self.eki2, self.umkm)
		diubah = frappe.db.get_value(DKB, umkm.parent, "modified")
		frappe.db.set_value(
			"Baris Data Kinerja",
			umkm.name,
			{"status_proyeksi": "", "metode_proyeksi": "", "proyeksi_capaian": 0},
		)
		frappe.db.set_single_value("Pengaturan SAKIP", "ambang_kritis_proyeksi", None)
		isi_proyeksi_peringatan_dini.execute()
		umkm = self.baris(self.eki2, self.umkm)
		self.assertEqual((umkm.status_proyeksi, umkm.proyeksi_capaian), ("Kritis", 68))
		self.assertIn("Kumulatif", umkm.metode_proyeksi)
		self.assertEqual(frappe.db.get_value(DKB, umkm.parent, "modified"), diubah)
		self.assertEqual(frappe.db.get_single_value("Pengaturan SAKIP", "ambang_kritis_proyeksi"), 85)

	def test_report_filters_are_checked(self):
		with self.assertRaises(frappe.ValidationError) as ctx:
			execute({"tahun": TAHUN_UJI})
		self.assertIn("Pilih tahun dan triwulan", str(ctx.exception))

	# --- into the meeting -------------------------------------------------------------------------

	def test_the_notulen_gets_a_draft_for_every_kritis_indicator_and_the_meeting_decides(self):
		with sebagai(SUBKOR):
			nr = frappe.get_doc({"doctype": "Notulen Rapat", "evaluasi": self.eki2}).insert()
		self.assertEqual(
			[(r.bidang, r.indikator, r.dari_peringatan_dini) for r in nr.rekomendasi],
			[(self.bidang["PDA"], self.umkm, 1)],
		)
		draf = nr.rekomendasi[0].rekomendasi
		for bagian in ("Jumlah UMKM terbina", "68", "kurang 32", "unit", KENDALA, self.bidang["PDA"]):
			self.assertIn(bagian, draf)
		with sebagai(SUBKOR):
			self.assertEqual(draf_rekomendasi(nr.name), [])  # nothing missing
			nr = frappe.get_doc("Notulen Rapat", nr.name)
			nr.rekomendasi[0].rekomendasi = "Bidang PDA menggelar pembinaan UMKM massal pada Juli."
			nr.rekomendasi[0].batas_waktu = f"{TAHUN_UJI}-07-31"
			nr.save()
		self.assertEqual(
			frappe.db.get_value("Rekomendasi Rapat", {"parent": nr.name}, "rekomendasi"),
			"Bidang PDA menggelar pembinaan UMKM massal pada Juli.",
		)
		with sebagai(SUBKOR):
			nr = frappe.get_doc("Notulen Rapat", nr.name)
			nr.set("rekomendasi", [])  # the meeting drops it
			nr.save()
			self.assertEqual(frappe.get_doc("Notulen Rapat", nr.name).rekomendasi, [])
			again = draf_rekomendasi(nr.name)  # the form can bring the draft back
		self.assertEqual([d["indikator"] for d in again], [self.umkm])

	def test_no_kritis_indicator_no_draft(self):
		with sebagai(SUBKOR):
			nr = frappe.get_doc({"doctype": "Notulen Rapat", "evaluasi": self.eki1}).insert()
		self.assertEqual(nr.rekomendasi, [])


class TestDasbor(SakipTestCase):
	def test_created_once_and_an_administrators_edit_survives(self):
		for kunci in dasbor.rekaman_dasbor():
			doctype, nama = kunci.split(":", 1)
			self.assertTrue(frappe.db.exists(doctype, nama), kunci)
		self.assertEqual(dasbor.pasang_dasbor(), [])  # installed already: nothing again
		frappe.db.set_value("Number Card", dasbor.KARTU_KRITIS, "color", "#000000")
		frappe.delete_doc("Dashboard Chart", dasbor.GRAFIK_SLA, ignore_permissions=True)
		self.assertEqual(dasbor.pasang_dasbor(), [])  # as bench migrate runs it
		self.assertEqual(frappe.db.get_value("Number Card", dasbor.KARTU_KRITIS, "color"), "#000000")
		self.assertFalse(frappe.db.exists("Dashboard Chart", dasbor.GRAFIK_SLA))

	def test_a_site_without_them_gets_them(self):
		frappe.delete_doc("Number Card", dasbor.KARTU_PERLU_PERHATIAN, ignore_permissions=True)
		frappe.db.set_global(dasbor._KUNCI, "[]")
		self.assertEqual(dasbor.pasang_dasbor(), [f"Number Card:{dasbor.KARTU_PERLU_PERHATIAN}"])
		kartu = frappe.get_doc("Number Card", dasbor.KARTU_PERLU_PERHATIAN)
		self.assertEqual(
			(kartu.type, kartu.method, json.loads(kartu.filters_json)),
			("Custom", dasbor.METODE_KARTU, {"status": "Perlu Perhatian"}),
		)
