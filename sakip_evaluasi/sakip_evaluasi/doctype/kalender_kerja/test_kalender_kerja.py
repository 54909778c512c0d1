# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from datetime import date, datetime, timedelta

import frappe

from sakip_evaluasi.setup.install import KALENDER_DEFAULT
from sakip_evaluasi.sla.kalender import get_kalender
from sakip_evaluasi.tests.factories import SakipTestCase

# Monday to Friday, 08:00-16:00 without a break.
JAM_08_16 = [
	{"hari": h, "jam_mulai": "08:00:00", "jam_selesai": "16:00:00"}
	for h in ("Senin", "Selasa", "Rabu", "Kamis", "Jumat")
]


def kalender_uji(nama="Kalender Uji", jam_kerja=None, hari_libur=()):
	return frappe.get_doc(
		{
			"doctype": "Kalender Kerja",
			"nama_kalender": nama,
			"jam_kerja": jam_kerja
			if jam_kerja is not None
			else [{"hari": "Senin", "jam_mulai": "08:00:00", "jam_selesai": "12:00:00"}],
			"hari_libur": list(hari_libur),
		}
	)


class TestKalenderKerja(SakipTestCase):
	def test_default_calendar_is_seeded_with_2026_holidays(self):
		doc = frappe.get_doc("Kalender Kerja", KALENDER_DEFAULT)
		self.assertEqual(doc.jam_per_minggu, 37.5)
		libur = {str(r.tanggal): r.jenis for r in doc.hari_libur}
		self.assertEqual(libur["2026-08-17"], "Libur Nasional")
		self.assertEqual(libur["2026-12-24"], "Cuti Bersama")
		self.assertEqual(
			{y for y in ("2025", "2026", "2027") if any(t.startswith(y) for t in libur)},
			{"2025", "2026", "2027"},
		)

	def test_default_calendar_times_steps_as_the_sop_requires(self):
		kal = get_kalender()
		# Friday 16:00 + 1 Jam = Monday 08:00
		self.assertEqual(kal.tambah_waktu(datetime(2026, 11, 20, 16), 1, "Jam"), datetime(2026, 11, 23, 8))
		# Monday 11:30 + 1 Jam = Monday 13:30 (the break does not count)
		self.assertEqual(
			kal.tambah_waktu(datetime(2026, 11, 23, 11, 30), 1, "Jam"), datetime(2026, 11, 23, 13, 30)
		)
		# Wednesday 10:00 + 2 Hari = Friday 10:00
		self.assertEqual(kal.tambah_waktu(datetime(2026, 11, 18, 10), 2, "Hari"), datetime(2026, 11, 20, 10))
		# Across cuti bersama 24 Dec and Christmas 25 Dec 2026: Wed 23 Dec + 2 Hari = Tue 29 Dec
		self.assertEqual(kal.tambah_waktu(datetime(2026, 12, 23, 10), 2, "Hari"), datetime(2026, 12, 29, 10))
		self.assertEqual(
			kal.working_time_between(datetime(2026, 11, 23, 7, 30), datetime(2026, 11, 30, 7, 30)),
			timedelta(hours=37.5),
		)

	def test_holiday_added_in_the_desk_changes_the_arithmetic(self):
		doc = kalender_uji(
			"Kalender Uji Libur",
			jam_kerja=JAM_08_16,
		).insert()
		mulai = datetime(2026, 11, 23, 10)  # Monday
		self.assertEqual(get_kalender(doc.name).tambah_waktu(mulai, 1, "Hari"), datetime(2026, 11, 24, 10))
		doc.append(
			"hari_libur", {"tanggal": "2026-11-24", "keterangan": "Libur Daerah Uji", "jenis": "Libur Daerah"}
		)
		doc.save()
		self.assertEqual(get_kalender(doc.name).tambah_waktu(mulai, 1, "Hari"), datetime(2026, 11, 25, 10))

	def test_extra_working_day_and_special_hours(self):
		doc = kalender_uji(
			"Kalender Uji Khusus",
			jam_kerja=JAM_08_16,
		)
		doc.append(
			"hari_kerja_tambahan",
			{"tanggal": "2026-11-28", "keterangan": "Sabtu pengganti", "seperti_hari": "Senin"},
		)
		doc.append(
			"jam_kerja_khusus",
			{
				"dari_tanggal": "2026-11-30",
				"sampai_tanggal": "2026-12-04",
				"keterangan": "Uji",
				"hari": "Senin",
				"jam_mulai": "09:00:00",
				"jam_selesai": "10:00:00",
			},
		)
		doc.insert()
		kal = get_kalender(doc.name)
		self.assertTrue(kal.is_working_moment(datetime(2026, 11, 28, 9)))
		# Friday 15:00 + 2 Jam: 1 h Friday, 1 h on the extra Saturday
		self.assertEqual(kal.tambah_waktu(datetime(2026, 11, 27, 15), 2, "Jam"), datetime(2026, 11, 28, 9))
		# in the special range Monday has one hour only; Tuesday is not listed there, so it is off
		self.assertFalse(kal.is_working_day(date(2026, 12, 1)))
		self.assertEqual(kal.tambah_waktu(datetime(2026, 11, 30, 9), 1, "Jam"), datetime(2026, 11, 30, 10))

	def assertRefused(self, doc, message):
		with self.assertRaisesRegex(frappe.ValidationError, message):
			doc.insert()
		self.assertFalse(frappe.db.exists("Kalender Kerja", doc.nama_kalender))

	def test_reversed_interval_is_refused(self):
		self.assertRefused(
			kalender_uji(
				"Kalender Terbalik", [{"hari": "Senin", "jam_mulai": "12:00:00", "jam_selesai": "07:30:00"}]
			),
			"terbalik",
		)

	def test_overlapping_intervals_are_refused(self):
		self.assertRefused(
			kalender_uji(
				"Kalender Tumpang",
				[
					{"hari": "Senin", "jam_mulai": "07:30:00", "jam_selesai": "12:00:00"},
					{"hari": "Senin", "jam_mulai": "11:00:00", "jam_selesai": "16:00:00"},
				],
			),
			"tumpang",
		)

	def test_a_week_without_working_time_is_refused(self):
		self.assertRefused(kalender_uji("Kalender Kosong", []), "(?i)jam kerja")
		self.assertFalse(frappe.db.exists("Kalender Kerja", "Kalender Kosong"))

	def test_the_same_holiday_twice_is_refused(self):
		libur = {"tanggal": "2026-11-24", "keterangan": "Libur", "jenis": "Libur Daerah"}
		self.assertRefused(kalender_uji("Kalender Libur Ganda", hari_libur=[libur, dict(libur)]), "2026|24")
