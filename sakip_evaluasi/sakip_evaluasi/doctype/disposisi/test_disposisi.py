"""A Disposisi is written by its sender while it is a Draft: its instruction rows too, through every
route, and never one row on its own."""

import frappe
import frappe.api.v1

from sakip_evaluasi.domain.doctype import DISPOSISI
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import (
	JALUR_SIMPAN,
	KADIS,
	OPD_UJI,
	SEKRETARIS,
	SUBKOR,
	TAHUN_UJI,
	UjiIsian,
	aksi,
	sebagai,
)


class TestDisposisi(UjiIsian):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.buat_pejabat()
		for instruksi in ("Untuk ditindaklanjuti", "Siapkan bahan"):
			if not frappe.db.exists("Instruksi Disposisi", instruksi):
				frappe.get_doc({"doctype": "Instruksi Disposisi", "instruksi": instruksi}).insert()

	def setUp(self):
		super().setUp()
		with sebagai(KADIS):
			self.disposisi = (
				frappe.get_doc(
					{
						"doctype": DISPOSISI,
						"evaluasi": pabrik.buat_evaluasi().name,
						"kepada": SEKRETARIS,
						"instruksi": [{"instruksi": "Untuk ditindaklanjuti"}],
						"catatan": "Laksanakan evaluasi",
					}
				)
				.insert()
				.name
			)
		frappe.share.add(DISPOSISI, self.disposisi, SEKRETARIS, write=1)

	def test_a_disposisi_is_numbered_in_the_year_of_its_date(self):
		evaluasi = frappe.db.get_value(DISPOSISI, self.disposisi, "evaluasi")
		with sebagai(KADIS):
			doc = frappe.get_doc(
				{
					"doctype": DISPOSISI,
					"evaluasi": evaluasi,
					"kepada": SEKRETARIS,
					"tanggal": f"{TAHUN_UJI + 1}-01-04",
					"instruksi": [{"instruksi": "Untuk ditindaklanjuti"}],
				}
			).insert()
		self.assertTrue(doc.name.startswith(f"DISP-{OPD_UJI}-{TAHUN_UJI + 1}-"), doc.name)

	def test_the_sender_changes_the_instructions_of_a_draft(self):
		for jalur in JALUR_SIMPAN:
			with self.subTest(jalur=jalur):
				doc = frappe.get_doc(DISPOSISI, self.disposisi)
				doc.set("instruksi", [{"instruksi": "Siapkan bahan"}] * (1 + len(doc.instruksi) % 2))
				pabrik.simpan_lewat(jalur, KADIS, doc)
		self.assertEqual(len(frappe.get_doc(DISPOSISI, self.disposisi).instruksi), 1)

	def test_nobody_else_and_not_after_sending(self):
		def tambah(doc):
			doc.append("instruksi", {"instruksi": "Siapkan bahan"})

		self.assertDitolakDiSemuaJalur(
			SEKRETARIS, DISPOSISI, self.disposisi, tambah, "hanya dapat diubah oleh pengirimnya"
		)
		aksi(frappe.get_doc(DISPOSISI, self.disposisi), "Kirim", KADIS)
		self.assertDitolakDiSemuaJalur(KADIS, DISPOSISI, self.disposisi, tambah, "selama masih Draft")

	def test_an_instruction_row_is_not_written_on_its_own(self):
		row = frappe.get_doc(DISPOSISI, self.disposisi).instruksi[0]
		pesan = "Instruksi Disposisi Item hanya dapat diubah melalui dokumennya (Disposisi"
		with sebagai(KADIS):
			self.assertDitolak(
				lambda: pabrik.rest_put("Instruksi Disposisi Item", row.name, {"instruksi": "Siapkan bahan"}),
				pesan,
				dokumen=[(DISPOSISI, self.disposisi)],
			)
		with sebagai("Administrator"):
			self.assertDitolak(
				lambda: frappe.api.v1.delete_doc("Instruksi Disposisi Item", row.name),
				pesan,
				dokumen=[(DISPOSISI, self.disposisi)],
			)

	def test_the_patch_closes_an_accepted_disposisi_whose_assigned_step_is_done(self):
		from sakip_evaluasi.patches import selesaikan_disposisi_tuntas

		evaluasi = frappe.db.get_value(DISPOSISI, self.disposisi, "evaluasi")
		d1 = aksi(aksi(frappe.get_doc(DISPOSISI, self.disposisi), "Kirim", KADIS), "Terima", SEKRETARIS)
		d2 = aksi(pabrik.kirim_disposisi(evaluasi, SEKRETARIS, SUBKOR), "Terima", SUBKOR)
		# As an earlier version left a site: the step-1 disposisi still Diterima though step 2 is done.
		frappe.db.set_value(DISPOSISI, d1.name, "workflow_state", "Diterima")
		frappe.db.delete("Comment", {"reference_name": d1.name, "comment_type": "Info"})
		selesaikan_disposisi_tuntas.execute()
		selesaikan_disposisi_tuntas.execute()  # a second run changes nothing
		self.assertEqual(frappe.db.get_value(DISPOSISI, d1.name, "workflow_state"), "Selesai")
		catatan = frappe.get_all(
			"Comment",
			filters={"reference_name": d1.name, "comment_type": "Info"},
			fields=["owner", "content"],
		)
		self.assertEqual(len(catatan), 1, catatan)
		self.assertEqual(catatan[0].owner, "Administrator")
		self.assertIn("langkah 2", catatan[0].content)
		# The step-2 disposisi's work (steps 3-4) has not started: it stays with its addressee.
		self.assertEqual(frappe.db.get_value(DISPOSISI, d2.name, "workflow_state"), "Diterima")
