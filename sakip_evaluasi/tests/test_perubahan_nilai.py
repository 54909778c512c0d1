"""A save that moves no state skips the handover Notifications (they watch the workflow state) and
nothing else: a submission still tells the Subkoordinator once, and a Notification an administrator
points at another field is sent when that field changes, also right after it was repointed."""

import frappe

from sakip_evaluasi.domain.doctype import DKB
from sakip_evaluasi.extends import perubahan_nilai
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import SUBKOR, SakipTestCase, aksi, sebagai

KABID = {"PNA": "kabid.pna@test.sakip"}
SUBJEK = "Uji perubahan nilai"


def lonceng(user: str, dokumen: str, subjek: str | None = None) -> list[str]:
	filters = {"for_user": user, "document_name": dokumen}
	if subjek:
		filters["subject"] = ("like", f"{subjek}%")
	return frappe.get_all("Notification Log", filters=filters, pluck="subject")


class TestPerubahanNilai(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		bidang = pabrik.siapkan_bidang(KABID, "Bidang Perubahan Nilai")["PNA"]
		pabrik.buat_indikator(bidang, "Persentase irigasi PN", (10, 20, 30, 40))
		kke = pabrik.siapkan_kertas_kerja("III", "Didistribusikan").name
		cls.dkb = frappe.db.get_value(DKB, {"kertas_kerja": kke, "bidang": bidang})

	def tearDown(self):
		frappe.cache.delete_key(perubahan_nilai._CACHE)
		super().tearDown()

	def test_a_data_save_tells_nobody_and_a_submission_still_tells_the_subkoordinator_once(self):
		with sebagai(KABID["PNA"]):
			doc = frappe.get_doc(DKB, self.dkb)
			for row in doc.baris:
				row.realisasi = "25"
			doc.save()
			self.assertTrue(perubahan_nilai.tidak_berubah(doc), "the handover Notifications were skipped")
		self.assertEqual(lonceng(SUBKOR, self.dkb), [])
		aksi(frappe.get_doc(DKB, self.dkb), "Ajukan", KABID["PNA"])
		self.assertEqual(len(lonceng(SUBKOR, self.dkb)), 1, lonceng(SUBKOR, self.dkb))

	def test_a_notification_on_another_field_is_sent_when_it_changes_also_after_being_repointed(self):
		pemilik = frappe.db.get_value(DKB, self.dkb, "owner")
		n = frappe.get_doc(
			{
				"doctype": "Notification",
				"name": SUBJEK,
				"subject": SUBJEK + " {{ doc.name }}",
				"document_type": DKB,
				"event": "Value Change",
				"value_changed": "kertas_kerja",
				"channel": "System Notification",
				"message": "Berubah",
				"recipients": [{"receiver_by_document_field": "owner"}],
			}
		).insert(ignore_permissions=True)

		def ubah_alasan(teks: str) -> None:
			doc = frappe.get_doc(DKB, self.dkb)
			doc.alasan_dikembalikan = teks
			doc.flags.dari_sistem = True
			doc.save(ignore_permissions=True)

		ubah_alasan("Alasan pertama")  # it watches another field: nothing
		self.assertEqual(lonceng(pemilik, self.dkb, SUBJEK), [])
		n.value_changed = "alasan_dikembalikan"
		n.save(ignore_permissions=True)
		ubah_alasan("Alasan kedua")
		self.assertEqual(lonceng(pemilik, self.dkb, SUBJEK), [f"{SUBJEK} {self.dkb}"])
		ubah_alasan("Alasan kedua")  # saved again unchanged: not sent again
		self.assertEqual(len(lonceng(pemilik, self.dkb, SUBJEK)), 1)
