# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

"""The SLA engine on a real site with frozen time: clocks opened and closed by the SOP documents'
workflow states, timed on Kalender Kerja Default (Indonesia's 2026 holidays included)."""

import json

import frappe
from frappe.utils import get_datetime, get_fullname

from sakip_evaluasi.api.sla import daftar_langkah, jam_langkah
from sakip_evaluasi.domain.doctype import EVALUASI as EKI
from sakip_evaluasi.domain.doctype import LANGKAH
from sakip_evaluasi.setup.install import KALENDER_DEFAULT, SOP_DEFAULT
from sakip_evaluasi.sla.rencana import langkah_berjalan_pada_kalender
from sakip_evaluasi.tests.factories import KADIS, SEKRETARIS, SUBKOR, isi_permintaan, sebagai
from sakip_evaluasi.tests.uji_siklus import KABID, SLATestCase

# 2026-11-20 is a Friday (07:30–11:30, 13:00–16:30); 2026-11-23 the next Monday (07:30–12:00, 13:00–16:00).


class TestLangkahEvaluasi(SLATestCase):
	def jumat_sore(self):
		"""An evaluation created Friday 15:30; the Kadis sends the Sekretaris a disposisi at 16:00."""
		eki = self.evaluasi("2026-11-20 15:30")
		self.disposisi(eki, KADIS, SEKRETARIS, "2026-11-20 16:00")
		self.kirim("2026-11-20 16:00")  # the hand-off after the commit: the Sekretaris hears it is their turn
		return eki

	def test_a_disposisi_sent_friday_16_00_makes_the_next_1_jam_step_due_monday_08_00(self):
		eki = self.evaluasi("2026-11-20 15:30")
		self.assertJam(self.jam(eki, 1), "2026-11-20 15:30", "2026-11-20 16:30", "Berjalan")
		self.assertEqual(self.jam(eki, 1).pelaksana, KADIS)
		self.assertIsNone(self.jam(eki, 2))
		self.assertTrue(frappe.db.get_value(EKI, eki.name, "langkah_saat_ini").startswith("1. Menugaskan"))

		self.disposisi(eki, KADIS, SEKRETARIS, "2026-11-20 16:00")
		self.assertJam(
			self.jam(eki, 1),
			"2026-11-20 15:30",
			"2026-11-20 16:30",
			"Selesai Tepat Waktu",
			"2026-11-20 16:00",
		)
		self.assertEqual(self.jam(eki, 1).dokumen_doctype, "Disposisi")
		langkah_2 = self.jam(eki, 2)
		self.assertJam(langkah_2, "2026-11-20 16:00", "2026-11-23 08:00", "Berjalan")
		self.assertEqual(get_datetime(langkah_2.batas_peringatan), get_datetime("2026-11-23 07:45"))
		self.assertEqual(
			(langkah_2.peran, langkah_2.pelaksana, langkah_2.atasan), ("Sekretaris", SEKRETARIS, KADIS)
		)
		ringkasan = frappe.db.get_value(EKI, eki.name, ["langkah_saat_ini", "pemegang_langkah"], as_dict=True)
		self.assertTrue(ringkasan.langkah_saat_ini.startswith("2. Menugaskan Subkor"))
		self.assertEqual(ringkasan.pemegang_langkah, get_fullname(SEKRETARIS))

		# the new holder hears it is their turn, once, in the desk and by e-mail
		self.kirim("2026-11-20 16:00")
		self.kirim("2026-11-20 16:01")
		self.assertEqual(self.pemberitahuan(SEKRETARIS, langkah_2, "menunggu tindakan"), 1)
		self.assertEqual(self.surel(SEKRETARIS, langkah_2), 1)

	def test_a_disposisi_that_is_not_kadis_to_sekretaris_does_not_end_step_1(self):
		eki = self.evaluasi("2026-11-20 15:30")
		self.disposisi(eki, KADIS, SUBKOR, "2026-11-20 15:40")
		self.assertFalse(self.jam(eki, 1).selesai)
		self.assertIsNone(self.jam(eki, 2))

	def test_a_2_hari_step_across_the_christmas_holidays(self):
		eki = self.evaluasi("2026-12-21 08:00")
		self.sampai_langkah_5(
			eki, {1: "2026-12-23 08:30", 2: "2026-12-23 09:00", 3: "2026-12-23 09:30", 4: "2026-12-23 10:00"}
		)
		# Wednesday 10:00 + 2 Hari: 24 Dec (cuti bersama), 25 Dec (Natal) and the weekend are skipped.
		for kode in KABID:
			jam = self.jam(eki, 5, kode)
			self.assertJam(jam, "2026-12-23 10:00", "2026-12-29 10:00", "Berjalan")
			self.assertEqual((jam.pelaksana, jam.atasan), (KABID[kode], SEKRETARIS))
			self.assertEqual(
				get_datetime(self.data_bidang(eki, kode).batas_waktu), get_datetime("2026-12-29 10:00")
			)
		self.assertIn("2 bidang belum selesai", frappe.db.get_value(EKI, eki.name, "langkah_saat_ini"))

		self.ajukan_data(eki, "SLA", "2026-12-28 09:00")
		self.assertEqual(self.jam(eki, 5, "SLA").status_sla, "Selesai Tepat Waktu")
		self.assertIsNone(self.jam(eki, 6), "step 6 waits for every bidang")
		self.assertEqual(frappe.db.get_value(EKI, eki.name, "pemegang_langkah"), get_fullname(KABID["SLB"]))

		self.ajukan_data(eki, "SLB", "2026-12-29 11:00")
		jam_b = self.jam(eki, 5, "SLB")
		self.assertEqual((jam_b.status_sla, jam_b.terlambat_jam), ("Selesai Terlambat", 1.0))
		self.assertJam(self.jam(eki, 6), "2026-12-29 11:00", "2026-12-29 12:00", "Berjalan")

	def test_the_job_marks_a_late_step_and_tells_holder_and_superior_exactly_once(self):
		eki = self.jumat_sore()
		langkah_2 = self.jam(eki, 2)
		hasil, _ = self.periksa("2026-11-23 09:00")
		self.assertEqual((hasil.terlambat, hasil.hampir_jatuh_tempo), (1, 0))
		hasil, terkirim = self.periksa("2026-11-23 09:05")
		self.assertEqual((hasil.terlambat, hasil.hampir_jatuh_tempo, terkirim), (0, 0, 0))

		langkah_2.reload()
		self.assertEqual(langkah_2.status_sla, "Terlambat")
		self.assertEqual(self.pemberitahuan(SEKRETARIS, langkah_2, "terlambat"), 1)
		self.assertEqual(self.pemberitahuan(KADIS, langkah_2, "Eskalasi"), 1)
		self.assertEqual(self.surel(SEKRETARIS, langkah_2), 2)  # its turn, then late
		self.assertEqual(self.surel(KADIS, langkah_2), 1)
		self.assertEqual(self.jam(eki, 1).status_sla, "Selesai Tepat Waktu", "finished steps are left alone")

		# a second worker that flagged the same step again (or a retried job) sends nothing more
		frappe.db.set_value("Langkah Evaluasi", langkah_2.name, "notifikasi_tertunda", 1)
		self.assertEqual(self.kirim("2026-11-23 09:06"), 0)
		self.assertEqual(self.pemberitahuan(KADIS, langkah_2, "Eskalasi"), 1)
		self.assertEqual(frappe.db.count("Notification Log", {"document_name": langkah_2.name}), 3)

		# the late step finishes: Selesai Terlambat, late by 1.5 working hours (Monday 08:00–09:30)
		self.disposisi(eki, SEKRETARIS, SUBKOR, "2026-11-23 09:30")
		langkah_2.reload()
		self.assertEqual((langkah_2.status_sla, langkah_2.terlambat_jam), ("Selesai Terlambat", 1.5))

	def test_a_warning_at_75_percent_of_the_working_time(self):
		eki = self.jumat_sore()
		langkah_2 = self.jam(eki, 2)  # Fri 16:00 → Mon 08:00: 60 working minutes; 45 → Mon 07:45
		hasil, _ = self.periksa("2026-11-23 07:44:59")
		self.assertEqual(hasil.berubah, 0)
		hasil, _ = self.periksa("2026-11-23 07:45")
		self.assertEqual((hasil.hampir_jatuh_tempo, hasil.terlambat), (1, 0))
		self.periksa("2026-11-23 07:50")
		langkah_2.reload()
		self.assertEqual(langkah_2.status_sla, "Hampir Jatuh Tempo")
		self.assertEqual(self.pemberitahuan(SEKRETARIS, langkah_2, "hampir jatuh tempo"), 1)
		self.assertEqual(self.pemberitahuan(KADIS, langkah_2, ""), 0, "a warning is not escalated")

		# between two checks the desk shows the truth: status derived from the clock when read
		with self.freeze_time("2026-11-23 08:30"):
			self.assertEqual(
				frappe.db.get_value("Langkah Evaluasi", langkah_2.name, "status_sla"), "Hampir Jatuh Tempo"
			)
			self.assertEqual(
				frappe.get_doc("Langkah Evaluasi", langkah_2.name).status_saat_ini(), "Terlambat"
			)
			with sebagai(KADIS):
				jam = next(j for j in jam_langkah(eki.name)["langkah"] if j["langkah"] == 2)
			self.assertEqual(
				(jam["status_sla"], jam["warna_sla"], jam["terlambat_jam"]), ("Terlambat", "red", 0.5)
			)

	def daftar(self, doctype: str = LANGKAH, **filters) -> dict[str, tuple]:
		"""The Langkah Evaluasi list as its list view reads it: {name: (status_sla, warna_sla)}."""
		with isi_permintaan(
			doctype=doctype,
			fields=json.dumps([f"`tab{doctype}`.`name`"]),
			filters=json.dumps([[doctype, f, "=", v] for f, v in filters.items()]),
			order_by=f"`tab{doctype}`.`name` asc",
			start=0,
			page_length=20,
			view="List",
			with_comment_count=1,
		):
			hasil = daftar_langkah()
		rows = [dict(zip(hasil["keys"], v, strict=True)) for v in hasil["values"]] if hasil else []
		return {r["name"]: (r["status_sla"], r["warna_sla"]) for r in rows}

	def test_the_list_and_the_form_show_each_steps_status_derived_now_with_its_colour(self):
		eki = self.jumat_sore()
		langkah_1, langkah_2 = self.jam(eki, 1), self.jam(eki, 2)  # Fri 16:00 → Mon 08:00, warned 07:45
		for saat, status, warna in (
			("2026-11-23 07:00", "Berjalan", "blue"),
			("2026-11-23 07:50", "Hampir Jatuh Tempo", "orange"),
			("2026-11-23 08:30", "Terlambat", "red"),
		):
			with self.freeze_time(saat), sebagai(KADIS):
				# no scheduled check ran: the stored status is still the one the step started with
				self.assertEqual(frappe.db.get_value(LANGKAH, langkah_2.name, "status_sla"), "Berjalan")
				self.assertEqual(
					self.daftar(evaluasi=eki.name),
					{langkah_1.name: ("Selesai Tepat Waktu", "green"), langkah_2.name: (status, warna)},
					saat,
				)
				form = frappe.get_doc(LANGKAH, langkah_2.name)
				form.run_method("onload")
				self.assertEqual((form.status_sla, form.get_onload().warna_sla), (status, warna), saat)

	def test_the_list_endpoint_serves_only_the_langkah_evaluasi_list(self):
		eki = self.evaluasi("2026-11-20 15:30")
		with sebagai(KADIS), self.assertRaises(frappe.ValidationError):
			self.daftar("Evaluasi Kinerja Internal", name=eki.name)

	def test_an_administrator_changes_a_steps_waktu_and_completing_state_and_a_new_cycle_follows(self):
		lama = self.evaluasi("2026-11-16 08:00", "III")
		self.assertJam(self.jam(lama, 1), "2026-11-16 08:00", "2026-11-16 09:00")

		sop = frappe.get_doc("SOP", SOP_DEFAULT)
		sop.langkah[0].waktu = 3
		sop.langkah[2].status_selesai = "Disetujui"  # step 3 now ends when the work paper is approved
		sop.save()

		baru = self.evaluasi("2026-11-16 08:00", "IV")
		self.assertJam(self.jam(baru, 1), "2026-11-16 08:00", "2026-11-16 11:00")
		self.assertEqual(self.jam(baru, 1).waktu, 3)
		self.assertJam(
			self.jam(lama, 1), "2026-11-16 08:00", "2026-11-16 09:00"
		)  # running clocks keep theirs

		self.disposisi(baru, KADIS, SEKRETARIS, "2026-11-16 08:10")
		self.disposisi(baru, SEKRETARIS, SUBKOR, "2026-11-16 08:20")
		kke = self.kertas_kerja(baru, "2026-11-16 08:30")
		kke = self.aksi(kke, "Ajukan", SUBKOR, "2026-11-16 08:40")
		self.assertFalse(self.jam(baru, 3).selesai, "Diajukan no longer completes step 3")
		self.aksi(kke, "Setujui", SEKRETARIS, "2026-11-16 08:50")
		self.assertJam(
			self.jam(baru, 3),
			"2026-11-16 08:20",
			"2026-11-16 09:20",
			"Selesai Tepat Waktu",
			"2026-11-16 08:50",
		)
		self.assertJam(self.jam(baru, 4), "2026-11-16 08:50", "2026-11-16 10:50", "Berjalan")

	def test_a_steps_waktu_goes_from_the_sop_record_to_the_deadline_as_one_decimal_model(self):
		"""The SOP record's step is read once into the domain model (``domain.sop.LangkahSOP``, waktu
		in Decimal) and the engine times the clock on that very number: no float on the way."""
		from decimal import Decimal
		from unittest import mock

		from sakip_evaluasi.domain import sla as sla_domain
		from sakip_evaluasi.sla.pemicu import pemicu_sop

		sop = frappe.get_doc("SOP", SOP_DEFAULT)
		sop.langkah[0].waktu = 1.3
		sop.save()
		for langkah in pemicu_sop(SOP_DEFAULT):
			self.assertIsInstance(langkah.waktu, Decimal, f"waktu langkah {langkah.no}")
		with mock.patch.object(sla_domain, "rencanakan", wraps=sla_domain.rencanakan) as rencanakan:
			eki = self.evaluasi("2026-11-16 08:00")
		waktu = rencanakan.call_args.args[2]
		self.assertEqual((type(waktu), waktu), (Decimal, Decimal("1.3")))
		# 1.3 Jam from 08:00 is 09:18, exactly
		self.assertJam(self.jam(eki, 1), "2026-11-16 08:00", "2026-11-16 09:18", "Berjalan")

	def test_a_holiday_added_mid_cycle_moves_a_running_deadline(self):
		eki = self.evaluasi("2026-11-18 08:00")
		self.sampai_langkah_5(
			eki, {1: "2026-11-18 08:30", 2: "2026-11-18 09:00", 3: "2026-11-18 09:30", 4: "2026-11-18 10:00"}
		)
		self.ajukan_data(eki, "SLA", "2026-11-18 11:00")
		self.assertJam(self.jam(eki, 5, "SLB"), "2026-11-18 10:00", "2026-11-20 10:00")

		with self.freeze_time("2026-11-18 13:00"):
			kalender = frappe.get_doc("Kalender Kerja", KALENDER_DEFAULT)
			kalender.append(
				"hari_libur",
				{"tanggal": "2026-11-19", "keterangan": "Libur daerah uji", "jenis": "Libur Daerah"},
			)
			frappe.local.message_log = []
			berjalan = len(langkah_berjalan_pada_kalender(KALENDER_DEFAULT))  # the site's others too
			kalender.save()
			pesan = " ".join(str(m) for m in frappe.local.message_log)
		self.assertIn(f"batas waktu 1 dari {berjalan} langkah", pesan)
		langkah_b = self.jam(eki, 5, "SLB")
		self.assertJam(langkah_b, "2026-11-18 10:00", "2026-11-23 10:00", "Berjalan")
		self.assertEqual(get_datetime(langkah_b.batas_peringatan), get_datetime("2026-11-20 15:15"))
		self.assertEqual(
			get_datetime(self.data_bidang(eki, "SLB").batas_waktu), get_datetime("2026-11-23 10:00")
		)
		self.assertEqual(self.jam(eki, 5, "SLA").status_sla, "Selesai Tepat Waktu", "finished clocks stay")

	def test_a_whole_cycle_from_disposisi_to_follow_up(self):
		eki = self.evaluasi("2026-11-16 08:00")
		self.sampai_langkah_5(
			eki, {1: "2026-11-16 08:30", 2: "2026-11-16 09:00", 3: "2026-11-16 09:45", 4: "2026-11-16 11:00"}
		)
		self.assertJam(self.jam(eki, 2), "2026-11-16 08:30", "2026-11-16 09:30", "Selesai Tepat Waktu")
		self.assertJam(self.jam(eki, 3), "2026-11-16 09:00", "2026-11-16 10:00", "Selesai Tepat Waktu")
		self.assertJam(self.jam(eki, 4), "2026-11-16 09:45", "2026-11-16 11:45", "Selesai Tepat Waktu")
		self.ajukan_data(eki, "SLA", "2026-11-17 10:00")
		self.ajukan_data(eki, "SLB", "2026-11-18 10:00")
		self.assertJam(self.jam(eki, 6), "2026-11-18 10:00", "2026-11-18 11:00", "Berjalan")

		# step 7 starts at the meeting's scheduled start, not when the invitation went out
		nr = self.undangan(eki, "2026-11-18 10:30", "2026-11-19", "09:00:00")
		self.assertJam(self.jam(eki, 7), "2026-11-19 09:00", "2026-11-19 14:00", "Berjalan")
		self.assertEqual(self.jam(eki, 7).pelaksana, KADIS)
		# the meeting moves to the next day: so does the step
		with self.freeze_time("2026-11-18 11:00"), sebagai(SUBKOR):
			nr = frappe.get_doc("Notulen Rapat", nr.name)
			nr.tanggal_rapat = "2026-11-20"
			nr.save()
		self.assertJam(self.jam(eki, 7), "2026-11-20 09:00", "2026-11-20 14:30", "Berjalan")

		nr = self.ajukan_notulen(nr, "2026-11-20 13:00", ("SLA", "SLB"))
		self.assertEqual(self.jam(eki, 7).status_sla, "Selesai Tepat Waktu")
		self.assertEqual(
			frappe.db.get_value(EKI, eki.name, "langkah_saat_ini"), "8. Menunggu Tindak Lanjut Evaluasi"
		)
		# the follow-up documents appear when the minutes are approved; step 8 runs from step 7's end
		self.aksi(nr, "Sahkan", KADIS, "2026-11-20 15:00")
		for kode in KABID:
			self.assertJam(self.jam(eki, 8, kode), "2026-11-20 13:00", "2026-11-24 13:00", "Berjalan")
		self.ajukan_tindak_lanjut(eki, "SLA", "2026-11-23 10:00")
		self.ajukan_tindak_lanjut(eki, "SLB", "2026-11-24 14:00")
		self.assertEqual(
			(self.jam(eki, 8, "SLB").status_sla, self.jam(eki, 8, "SLB").terlambat_jam),
			("Selesai Terlambat", 1.0),
		)
		ringkasan = frappe.db.get_value(EKI, eki.name, ["langkah_saat_ini", "pemegang_langkah"], as_dict=True)
		self.assertEqual((ringkasan.langkah_saat_ini, ringkasan.pemegang_langkah), ("Selesai", ""))
		self.assertEqual(frappe.db.count("Langkah Evaluasi", {"evaluasi": eki.name}), 10)

	def test_a_step_with_a_starting_state_starts_when_its_document_enters_it(self):
		sop = frappe.get_doc("SOP", SOP_DEFAULT)
		sop.langkah[7].status_mulai = "Draft"  # step 8 runs from the follow-up document's creation
		sop.save()
		eki = self.evaluasi("2026-11-16 08:00")
		self.sampai_langkah_5(
			eki, {1: "2026-11-16 08:30", 2: "2026-11-16 09:00", 3: "2026-11-16 09:45", 4: "2026-11-16 11:00"}
		)
		self.ajukan_data(eki, "SLA", "2026-11-17 10:00")
		self.ajukan_data(eki, "SLB", "2026-11-17 10:30")
		nr = self.undangan(eki, "2026-11-17 11:00", "2026-11-18", "09:00:00")
		nr = self.ajukan_notulen(nr, "2026-11-18 13:00", ("SLA",))
		self.assertIsNone(self.jam(eki, 8, "SLA"))
		self.aksi(nr, "Sahkan", KADIS, "2026-11-18 15:00")
		self.assertJam(self.jam(eki, 8, "SLA"), "2026-11-18 15:00", "2026-11-20 15:00", "Berjalan")
		self.assertIsNone(self.jam(eki, 8, "SLB"), "no rekomendasi, no follow-up, no clock")

	def test_moving_an_evaluation_to_another_calendar_replans_its_running_steps(self):
		sabtu = frappe.get_doc(
			{
				"doctype": "Kalender Kerja",
				"nama_kalender": "Kalender Uji Sabtu",
				"jam_kerja": [
					*(
						{"hari": hari, "jam_mulai": "07:30:00", "jam_selesai": "16:00:00"}
						for hari in ("Senin", "Selasa", "Rabu", "Kamis", "Jumat")
					),
					{"hari": "Sabtu", "jam_mulai": "08:00:00", "jam_selesai": "12:00:00"},
				],
			}
		).insert()
		eki = self.jumat_sore()  # step 2: Friday 16:00 → Monday 08:00 on the default calendar
		with self.freeze_time("2026-11-20 16:10"):
			eki = frappe.get_doc(EKI, eki.name)
			eki.kalender_kerja = sabtu.name
			eki.save()
		self.assertJam(self.jam(eki, 2), "2026-11-20 16:00", "2026-11-21 09:00", "Berjalan")
		self.assertEqual(self.jam(eki, 1).status_sla, "Selesai Tepat Waktu")

	def test_a_step_completed_before_its_turn_is_recorded_at_once(self):
		eki = self.evaluasi("2026-11-16 08:00")
		# the Sekretaris passes the assignment on before the Kadis's disposisi is sent
		self.disposisi(eki, SEKRETARIS, SUBKOR, "2026-11-16 08:10")
		self.assertJam(self.jam(eki, 2), "2026-11-16 08:10", "2026-11-16 09:10", "Selesai Tepat Waktu")
		self.disposisi(eki, KADIS, SEKRETARIS, "2026-11-16 08:20")
		self.assertEqual(self.jam(eki, 1).status_sla, "Selesai Tepat Waktu")
		self.assertJam(self.jam(eki, 3), "2026-11-16 08:20", "2026-11-16 09:20", "Berjalan")

	def test_deleting_an_evaluation_deletes_its_clocks(self):
		eki = self.evaluasi("2026-11-20 15:30")
		self.assertEqual(frappe.db.count("Langkah Evaluasi", {"evaluasi": eki.name}), 1)
		frappe.delete_doc(EKI, eki.name)
		self.assertEqual(frappe.db.count("Langkah Evaluasi", {"evaluasi": eki.name}), 0)

	def test_the_scheduled_check_starts_a_step_whose_predecessors_ended_without_it(self):
		"""Both bidang's step-5 clocks closed but step 6 never opened (as when simultaneous submissions
		each missed the other's; keandalan/uji_serentak.py tries that over HTTP): the next check opens
		step 6 from the last finish and the evaluation's summary follows."""
		from sakip_evaluasi.sla import mesin

		eki = self.evaluasi("2026-11-16 08:00")
		self.sampai_langkah_5(
			eki, {1: "2026-11-16 08:30", 2: "2026-11-16 09:00", 3: "2026-11-16 09:45", 4: "2026-11-16 11:00"}
		)
		for kode, selesai in (("SLA", "2026-11-17 10:00"), ("SLB", "2026-11-18 10:00")):
			frappe.db.set_value(LANGKAH, self.jam(eki, 5, kode).name, "selesai", selesai)
		self.assertIsNone(self.jam(eki, 6))
		self.assertIn("2 bidang belum selesai", frappe.db.get_value(EKI, eki.name, "langkah_saat_ini"))

		with self.freeze_time("2026-11-18 10:30"):
			self.assertIn(eki.name, mesin.perbaiki_evaluasi(commit=False))
		self.assertJam(self.jam(eki, 6), "2026-11-18 10:00", "2026-11-18 11:00", "Berjalan")
		self.assertTrue(frappe.db.get_value(EKI, eki.name, "langkah_saat_ini").startswith("6. "))
		self.assertEqual(frappe.db.get_value(EKI, eki.name, "pemegang_langkah"), get_fullname(SEKRETARIS))
		# nothing left to repair: a second run changes nothing
		with self.freeze_time("2026-11-18 10:35"):
			self.assertNotIn(eki.name, mesin.perbaiki_evaluasi(commit=False))
