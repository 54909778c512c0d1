# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe

from sakip_evaluasi.domain.doctype import LANGKAH
from sakip_evaluasi.sakip_evaluasi.report.kepatuhan_sop.kepatuhan_sop import execute
from sakip_evaluasi.tests.factories import KADIS, SEKRETARIS, TAHUN_UJI, sebagai
from sakip_evaluasi.tests.uji_siklus import SLATestCase


class TestKepatuhanSOP(SLATestCase):
	def setUp(self):
		super().setUp()
		# TW III: step 1 on time, step 2 late by 2 working hours.
		# TW IV: step 1 late by 1 working hour (Friday 16:30 → Monday 08:30), step 2 still running and not due.
		tw3 = self.evaluasi("2026-11-16 08:00", "III")
		self.disposisi(tw3, KADIS, SEKRETARIS, "2026-11-16 08:30")
		self.tutup(self.jam(tw3, 2), "2026-11-16 11:30")  # due 09:30
		tw4 = self.evaluasi("2026-11-20 15:30", "IV")  # step 1 due Friday 16:30
		self.disposisi(tw4, KADIS, SEKRETARIS, "2026-11-23 08:30")

	def tutup(self, jam, selesai):
		frappe.db.set_value(LANGKAH, jam.name, {"selesai": selesai, "status_sla": "Selesai Terlambat"})

	def laporan(self, saat, **filters):
		filters.setdefault("tahun", TAHUN_UJI)  # not the evaluations the site may already hold
		with self.freeze_time(saat):
			kolom, data, _, grafik = execute(frappe._dict(filters))
		return kolom, {d["kelompok"]: d for d in data}, grafik

	def test_per_step(self):
		kolom, data, grafik = self.laporan("2026-11-23 08:45", kelompok="Langkah")
		self.assertEqual(
			[k["fieldname"] for k in kolom][:5],
			["kelompok", "jumlah", "tepat_waktu", "terlambat", "persen_tepat_waktu"],
		)
		satu, dua = data["Langkah 1"], data["Langkah 2"]
		self.assertEqual(
			(
				satu["jumlah"],
				satu["tepat_waktu"],
				satu["persen_tepat_waktu"],
				satu["median_terlambat_jam"],
				satu["terburuk_jam"],
			),
			(2, 1, 50.0, 1.0, 1.0),
		)
		self.assertEqual(
			(dua["jumlah"], dua["terlambat"], dua["terburuk_jam"], dua["berjalan"]), (1, 1, 2.0, 1)
		)
		self.assertEqual(grafik["type"], "bar")
		self.assertEqual(grafik["data"]["labels"], ["L1", "L2"], "short enough for a phone")
		self.assertEqual(grafik["data"]["datasets"][0]["values"], [50.0, 0.0])

	def test_per_quarter_and_a_running_step_that_turns_late_when_read(self):
		_, data, _ = self.laporan("2026-11-23 08:45", kelompok="Triwulan")
		self.assertEqual(
			(data[f"{TAHUN_UJI} Triwulan IV"]["jumlah"], data[f"{TAHUN_UJI} Triwulan IV"]["berjalan"]), (1, 1)
		)
		# TW IV step 2 (08:30 → 09:30) is late at 10:00 without any scheduled check having run
		_, data, _ = self.laporan("2026-11-23 10:00", kelompok="Triwulan")
		tw4 = data[f"{TAHUN_UJI} Triwulan IV"]
		self.assertEqual(
			(tw4["jumlah"], tw4["terlambat"], tw4["terburuk_jam"], tw4["berjalan"]), (2, 2, 1.0, 0)
		)
		self.assertEqual(tw4["median_terlambat_jam"], 0.75)

	def test_filters_and_per_bidang(self):
		_, data, _ = self.laporan("2026-11-23 08:45", kelompok="Langkah", triwulan="III", langkah=2)
		self.assertEqual(list(data), ["Langkah 2"])
		_, data, grafik = self.laporan("2026-11-23 08:45", kelompok="Bidang")
		self.assertEqual((data, grafik), ({}, None), "only steps run per bidang count per bidang")
		with self.assertRaises(frappe.ValidationError):
			execute({"kelompok": "Minggu"})

	def test_a_kabid_sees_the_report_for_their_own_steps_only(self):
		with sebagai(KADIS):
			_, data, _ = self.laporan("2026-11-23 08:45", kelompok="Triwulan dan Langkah")
		self.assertIn(f"{TAHUN_UJI} TW III · Langkah 2", data)
