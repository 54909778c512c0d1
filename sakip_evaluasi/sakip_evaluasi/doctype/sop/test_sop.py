# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe

from sakip_evaluasi.setup.install import SOP_DEFAULT, data_sop_default
from sakip_evaluasi.tests.factories import SakipTestCase


class TestSOP(SakipTestCase):
	def test_seeded_sop_matches_the_shipped_transcription(self):
		doc = frappe.get_doc("SOP", SOP_DEFAULT)
		expected = data_sop_default()
		self.assertEqual(doc.unit, "Sekretariat")
		self.assertEqual(doc.dasar_hukum, expected["dasar_hukum"])
		self.assertEqual(
			[
				(r.no, r.kegiatan, r.pelaksana, r.kelengkapan, r.waktu, r.satuan, r.output)
				for r in doc.langkah
			],
			[
				(
					s["no"],
					s["kegiatan"],
					s["pelaksana"],
					s["kelengkapan"],
					s["waktu"],
					s["satuan"],
					s["output"],
				)
				for s in expected["langkah"]
			],
		)
		self.assertEqual(
			[(r.waktu, r.satuan) for r in doc.langkah],
			[
				(1, "Jam"),
				(1, "Jam"),
				(1, "Jam"),
				(2, "Jam"),
				(2, "Hari"),
				(1, "Jam"),
				(4, "Jam"),
				(2, "Hari"),
			],
		)

	def test_record_converts_to_the_domain_sop(self):
		sop = frappe.get_doc("SOP", SOP_DEFAULT).ke_domain()
		self.assertEqual(
			sop.langkah_nomor(7).pelaksana_lain,
			(
				"Sekretaris",
				"Subkoordinator Perencanaan dan Pelaporan",
				"Kepala Bidang",
			),
		)

	def sop_uji(self, langkah):
		return frappe.get_doc({"doctype": "SOP", "nama_sop": "SOP Uji", "langkah": langkah})

	def assertRefused(self, doc, message):
		with self.assertRaisesRegex(frappe.ValidationError, message):
			doc.insert()
		self.assertFalse(frappe.db.exists("SOP", "SOP Uji"))

	def test_non_positive_time_is_refused(self):
		langkah = {"no": 1, "kegiatan": "K", "pelaksana": "Sekretaris", "waktu": 0, "satuan": "Jam"}
		self.assertRefused(self.sop_uji([langkah]), "Waktu langkah 1 harus lebih dari nol")
		self.assertRefused(self.sop_uji([{**langkah, "waktu": -2}]), "Waktu langkah 1 harus lebih dari nol")

	def test_duplicate_step_number_is_refused(self):
		langkah = {"no": 1, "kegiatan": "K", "pelaksana": "Sekretaris", "waktu": 1, "satuan": "Jam"}
		self.assertRefused(
			self.sop_uji([langkah, dict(langkah)]), "Nomor langkah 1 dipakai lebih dari sekali"
		)

	def test_unknown_role_in_pelaksana_lain_is_refused(self):
		langkah = {
			"no": 1,
			"kegiatan": "K",
			"pelaksana": "Sekretaris",
			"pelaksana_lain": "Bendahara Uji",
			"waktu": 1,
			"satuan": "Jam",
		}
		self.assertRefused(self.sop_uji([langkah]), "bukan peran yang dikenal: Bendahara Uji")

	def test_steps_are_kept_in_number_order(self):
		doc = self.sop_uji(
			[
				{"no": 2, "kegiatan": "B", "pelaksana": "Sekretaris", "waktu": 1, "satuan": "Jam"},
				{"no": 1, "kegiatan": "A", "pelaksana": "Kepala Dinas", "waktu": 1, "satuan": "Jam"},
			]
		).insert()
		self.assertEqual([r.no for r in doc.langkah], [1, 2])
