"""The scheduled check, notifications, re-planning and bad input, on a real site with frozen time."""

from unittest.mock import patch

import frappe
from frappe.utils import get_datetime

from sakip_evaluasi.domain.doctype import LANGKAH
from sakip_evaluasi.patches import isi_pemicu_langkah_sop
from sakip_evaluasi.setup.install import KALENDER_DEFAULT, SOP_DEFAULT, data_sop_default
from sakip_evaluasi.sla import jadwal, notifikasi
from sakip_evaluasi.sla.pemicu import KOLOM_PEMICU
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, LAIN, SEKRETARIS
from sakip_evaluasi.tests.uji_siklus import SLATestCase


class TestPemeriksaanSLA(SLATestCase):
	def assertDitolak(self, fn, pesan: str):
		with self.assertRaises(frappe.ValidationError) as ctx:
			fn()
		self.assertRegex(str(ctx.exception), pesan)

	# --- bad input ------------------------------------------------------------------------------------

	def test_an_sop_step_naming_a_missing_doctype_state_field_or_bad_condition_is_refused(self):
		kasus = [
			# checked before Frappe's own link check, so the message is in Bahasa Indonesia
			({"dokumen_output": "Surat Tidak Ada"}, "Langkah 1: DocType Output “Surat Tidak Ada” tidak ada"),
			(
				{"status_selesai": "Terkirim"},
				"Status Penyelesai “Terkirim” tidak ada pada alur kerja Alur Disposisi",
			),
			({"status_mulai": "Dibaca"}, "Status Pemulai “Dibaca” tidak ada pada alur kerja"),
			({"status_mulai": "Dikirim"}, "Status Pemulai dan Status Penyelesai tidak boleh sama"),
			({"dokumen_output": "", "status_selesai": "Dikirim"}, "isi DocType Output"),
			({"status_selesai": ""}, "isi Status Penyelesai"),
			({"dokumen_output": "Bidang"}, "tidak memiliki field evaluasi"),
			({"dokumen_output": LANGKAH}, "belum dipantau mesin SLA"),
			({"dokumen_output": LANGKAH}, "tidak memiliki Workflow"),
			({"per_bidang": 1}, "langkah per bidang memerlukan field bidang"),
			({"syarat_dokumen": "doc.dari =="}, "syarat dokumen tidak valid"),
			({"field_tanggal_mulai": "kepada"}, "“kepada” bukan field Date/Datetime pada Disposisi"),
			({"field_jam_mulai": "tanggal"}, "Field Jam Mulai Terjadwal memerlukan Field Tanggal"),
			({"waktu": 0}, "Waktu langkah 1 harus lebih dari nol"),
			({"waktu": -1}, "Waktu langkah 1 harus lebih dari nol"),
		]
		for perubahan, pesan in kasus:
			with self.subTest(perubahan=perubahan):
				sop = frappe.get_doc("SOP", SOP_DEFAULT)
				sop.langkah[0].update(perubahan)
				self.assertDitolak(sop.save, pesan)

	def test_a_doctype_that_disappears_later_is_named_in_indonesian(self):
		from sakip_evaluasi.sla.pemicu import validasi_pemicu

		sop = frappe.get_doc("SOP", SOP_DEFAULT)
		sop.langkah[0].dokumen_output = "Surat Tidak Ada"
		self.assertDitolak(
			lambda: validasi_pemicu(sop), "Langkah 1: DocType Output “Surat Tidak Ada” tidak ada"
		)

	def test_a_calendar_without_working_time_or_with_a_whole_year_of_holidays_is_refused(self):
		kalender = frappe.get_doc("Kalender Kerja", KALENDER_DEFAULT)
		kalender.set("jam_kerja", [])
		self.assertDitolak(kalender.save, "tidak punya jam kerja")
		kalender = frappe.get_doc("Kalender Kerja", KALENDER_DEFAULT)
		for n in range(365):
			tanggal = frappe.utils.add_days("2027-01-01", n)
			if not any(str(r.tanggal) == str(tanggal) for r in kalender.hari_libur):
				kalender.append(
					"hari_libur", {"tanggal": tanggal, "keterangan": f"Libur {n}", "jenis": "Libur Daerah"}
				)
		self.assertDitolak(kalender.save, "Tidak ada satu pun hari kerja pada tahun 2027")

	def test_a_warning_share_outside_0_and_100_percent_is_refused(self):
		for ambang in (0, 100, 120, -5):
			with self.subTest(ambang=ambang):
				pengaturan = frappe.get_single("Pengaturan SAKIP")
				pengaturan.ambang_peringatan_sla = ambang
				self.assertDitolak(pengaturan.save, "Ambang peringatan SLA")
		pengaturan = frappe.get_single("Pengaturan SAKIP")
		pengaturan.ambang_peringatan_sla = 50
		pengaturan.save()
		eki = self.evaluasi("2026-11-16 08:00")
		jam = self.jam(eki, 1)
		self.assertEqual(
			(jam.ambang_peringatan, get_datetime(jam.batas_peringatan)),
			(50, get_datetime("2026-11-16 08:30")),
		)

	# --- the check interval ---------------------------------------------------------------------------

	def test_the_check_interval_of_pengaturan_is_the_jobs_cron(self):
		job = frappe.db.get_value("Scheduled Job Type", {"method": jadwal.METODE}, "name")
		self.assertEqual(job, "jadwal.periksa_sla")
		for menit, cron in (("15", "*/15 * * * *"), ("60", "0 * * * *"), ("5", "*/5 * * * *")):
			pengaturan = frappe.get_single("Pengaturan SAKIP")
			pengaturan.interval_pemeriksaan_sla = menit
			pengaturan.save()
			self.assertEqual(frappe.db.get_value("Scheduled Job Type", job, "cron_format"), cron)
		# bench migrate puts the cron of hooks.py back; the next check restores the setting
		frappe.db.set_single_value("Pengaturan SAKIP", "interval_pemeriksaan_sla", "10")
		self.assertTrue(jadwal.sesuaikan_jadwal())
		self.assertEqual(frappe.db.get_value("Scheduled Job Type", job, "cron_format"), "*/10 * * * *")
		self.assertFalse(jadwal.sesuaikan_jadwal())

	def test_a_site_that_never_chose_an_interval_is_checked_every_minute(self):
		job = frappe.db.get_value("Scheduled Job Type", {"method": jadwal.METODE}, "name")
		baru = frappe.new_doc("Pengaturan SAKIP")  # what a new site's settings start with
		self.assertEqual(baru.interval_pemeriksaan_sla, "1")
		frappe.db.set_single_value("Pengaturan SAKIP", "interval_pemeriksaan_sla", None)
		jadwal.sesuaikan_jadwal()  # as the scheduled check ends
		self.assertEqual(frappe.db.get_value("Scheduled Job Type", job, "cron_format"), "* * * * *")

	def test_migrate_moves_a_site_on_the_old_default_to_every_minute_and_keeps_a_chosen_interval(self):
		job = frappe.db.get_value("Scheduled Job Type", {"method": jadwal.METODE}, "name")
		patch = "sakip_evaluasi.patches.interval_sla_satu_menit.execute"
		for lama, baru, cron in (
			("5", "1", "* * * * *"),
			("10", "10", "*/10 * * * *"),
			("3", "3", "*/3 * * * *"),
		):
			frappe.db.set_single_value("Pengaturan SAKIP", "interval_pemeriksaan_sla", lama)
			frappe.get_attr(patch)()  # as bench migrate runs it
			self.assertEqual(frappe.db.get_single_value("Pengaturan SAKIP", "interval_pemeriksaan_sla"), baru)
			self.assertEqual(frappe.db.get_value("Scheduled Job Type", job, "cron_format"), cron)

	# --- one bad record never stops the rest ----------------------------------------------------------

	def test_one_notification_that_fails_is_logged_and_the_others_go_out(self):
		satu = self.evaluasi("2026-11-16 08:00", "III")
		dua = self.evaluasi("2026-11-16 08:00", "IV")
		gagal = self.jam(satu, 1)
		asli = notifikasi.pesan

		def pesan(row, penerima, status):
			if row.name == gagal.name:
				raise RuntimeError("templat rusak")
			return asli(row, penerima, status)

		with patch.object(notifikasi, "pesan", pesan):
			self.kirim("2026-11-16 08:01")  # also sends what other evaluations on the site have pending
		terkirim = {"document_type": LANGKAH, "document_name": ("in", [gagal.name, self.jam(dua, 1).name])}
		self.assertEqual(frappe.db.count("Notification Log", terkirim), 1, "one message: the good one")
		self.assertEqual(self.pemberitahuan(KADIS, self.jam(dua, 1), "menunggu tindakan"), 1)
		gagal.reload()
		self.assertEqual((gagal.notifikasi_tertunda, gagal.gagal_notifikasi), (1, 1))
		self.assertTrue(frappe.db.exists("Error Log", {"reference_name": gagal.name}))
		self.assertEqual(self.kirim("2026-11-16 08:06"), 1, "the next run retries it")
		self.assertEqual(self.pemberitahuan(KADIS, gagal, "menunggu tindakan"), 1)

	def test_a_clock_never_tells_a_user_who_does_not_act_in_the_evaluations_opd(self):
		pabrik.buat_opd_lain()
		eki = self.evaluasi("2026-11-16 08:00", "II")
		jam = self.jam(eki, 1)
		# the clock still names an official who has since moved to another OPD
		frappe.db.set_value(LANGKAH, jam.name, {"pelaksana": LAIN["kadis"], "notifikasi_tertunda": 1})
		self.kirim("2026-11-16 08:01")
		self.assertEqual(self.pemberitahuan(LAIN["kadis"], jam, ""), 0)
		self.assertFalse(frappe.db.exists("Email Queue", {"reference_name": jam.name}))
		self.assertEqual(
			frappe.db.get_value(LANGKAH, jam.name, "notifikasi_tertunda"), 0, "not retried forever"
		)

	def test_a_step_that_cannot_be_replanned_is_logged_and_the_others_move(self):
		satu = self.evaluasi("2026-11-16 08:00", "III")
		dua = self.evaluasi("2026-11-16 08:00", "IV")
		rusak = self.jam(satu, 1)
		frappe.db.set_value(LANGKAH, rusak.name, {"satuan": "Hari", "waktu": 1.5})
		with self.freeze_time("2026-11-16 08:30"):
			kalender = frappe.get_doc("Kalender Kerja", KALENDER_DEFAULT)
			kalender.append(
				"hari_libur", {"tanggal": "2026-11-16", "keterangan": "Libur uji", "jenis": "Libur Daerah"}
			)
			kalender.save()
		self.assertJam(self.jam(dua, 1), "2026-11-16 08:00", "2026-11-17 08:30")
		self.assertEqual(get_datetime(self.jam(satu, 1).batas_waktu), get_datetime("2026-11-16 09:00"))
		self.assertTrue(frappe.db.exists("Error Log", {"reference_name": rusak.name}))

	def test_an_engine_failure_never_blocks_the_users_own_save(self):
		frappe.db.set_value("Langkah SOP", {"parent": SOP_DEFAULT, "no": 1}, "syarat_dokumen", "1 / 0 == 1")
		frappe.clear_document_cache("SOP", SOP_DEFAULT)
		eki = self.evaluasi("2026-11-16 08:00")
		d1 = self.disposisi(eki, KADIS, SEKRETARIS, "2026-11-16 08:10")
		self.assertEqual(d1.workflow_state, "Dikirim")
		self.assertTrue(frappe.db.exists("Error Log", {"reference_name": d1.name}))
		self.assertFalse(self.jam(eki, 1).selesai)

	# --- re-planning moves a step back, and a state reached again is told again -------------------------

	def test_a_late_step_that_a_holiday_makes_on_time_again_is_told_again_when_late_again(self):
		eki = self.evaluasi("2026-11-20 15:30")
		self.disposisi(eki, KADIS, SEKRETARIS, "2026-11-20 16:00")  # step 2 due Monday 08:00
		self.periksa("2026-11-23 09:00")
		langkah_2 = self.jam(eki, 2)
		self.assertEqual(langkah_2.status_sla, "Terlambat")
		with self.freeze_time("2026-11-23 09:10"):
			kalender = frappe.get_doc("Kalender Kerja", KALENDER_DEFAULT)
			kalender.append(
				"hari_libur",
				{"tanggal": "2026-11-23", "keterangan": "Libur mendadak", "jenis": "Libur Daerah"},
			)
			kalender.save()
		langkah_2.reload()
		self.assertEqual(
			(get_datetime(langkah_2.batas_waktu), langkah_2.status_sla, langkah_2.diberitahu_terlambat),
			(get_datetime("2026-11-24 08:00"), "Berjalan", None),
		)
		self.periksa("2026-11-24 09:00")
		self.assertEqual(self.pemberitahuan(SEKRETARIS, langkah_2, "terlambat"), 2)
		self.assertEqual(self.pemberitahuan(KADIS, langkah_2, "Eskalasi"), 2)

	# --- existing sites -------------------------------------------------------------------------------

	def test_the_patch_fills_only_the_empty_trigger_fields_of_the_seeded_sop(self):
		rows = frappe.get_all("Langkah SOP", filters={"parent": SOP_DEFAULT}, fields=["name", "no"])
		for row in rows:
			frappe.db.set_value(
				"Langkah SOP", row.name, {k: 0 if k == "per_bidang" else None for k in KOLOM_PEMICU}
			)
		frappe.db.set_value(
			"Langkah SOP",
			{"parent": SOP_DEFAULT, "no": 3},
			{"dokumen_output": "Kertas Kerja Evaluasi", "status_selesai": "Disetujui"},
		)
		isi_pemicu_langkah_sop.execute()
		seed = {s["no"]: s for s in data_sop_default()["langkah"]}
		for row in frappe.get_doc("SOP", SOP_DEFAULT).langkah:
			harapan = {k: seed[row.no].get(k) or (0 if k == "per_bidang" else None) for k in KOLOM_PEMICU}
			if row.no == 3:
				harapan["status_selesai"] = "Disetujui"
			self.assertEqual(
				{k: row.get(k) or (0 if k == "per_bidang" else None) for k in KOLOM_PEMICU}, harapan
			)
