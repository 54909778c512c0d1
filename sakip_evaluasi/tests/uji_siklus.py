"""Test support for the SLA integration tests: an SOP cycle driven step by step at frozen moments.

Every action is taken by the user who holds it, through the workflow, at the moment given.
"""

import frappe
from frappe.utils import get_datetime

from sakip_evaluasi.domain.doctype import EVALUASI as EKI
from sakip_evaluasi.domain.doctype import LANGKAH
from sakip_evaluasi.extends.surel import workflow_aplikasi
from sakip_evaluasi.sla import jadwal, notifikasi
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, SEKRETARIS, SUBKOR, TAHUN_UJI, SakipTestCase, aksi, sebagai

KABID = {"SLA": "kabid.sla@test.sakip", "SLB": "kabid.slb@test.sakip"}


def tanpa_surel_workflow() -> None:
	"""Frappe's Workflow Action e-mails off, as an administrator may switch them off: each renders a
	print of the document and inlines its CSS, most of an SLA test's time. The SLA e-mails these
	classes count go out all the same (test_surel covers the Workflow Action e-mails)."""
	for name in workflow_aplikasi():
		frappe.db.set_value("Workflow", name, "send_email_alert", 0, update_modified=False)
		frappe.clear_document_cache("Workflow", name)


class SLATestCase(SakipTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		pabrik.buat_akun_surel()
		tanpa_surel_workflow()
		pabrik.buat_pejabat()
		cls.bidang = pabrik.buat_bidang_berkepala(KABID, "Bidang Uji")
		for kode in KABID:
			pabrik.buat_indikator(cls.bidang[kode], f"Indikator uji {kode}", (10, 20, 30, 40))

	def setUp(self) -> None:
		super().setUp()
		frappe.local.outgoing_email_account = {}

	# --- actions at a moment ---------------------------------------------------------------------------

	def evaluasi(self, saat: str, triwulan: str = "IV"):
		with self.freeze_time(saat), sebagai(KADIS):
			return frappe.get_doc({"doctype": EKI, "tahun": TAHUN_UJI, "triwulan": triwulan}).insert()

	def disposisi(self, eki, dari: str, kepada: str, saat: str):
		with self.freeze_time(saat):
			return pabrik.kirim_disposisi(eki.name, dari, kepada)

	def kertas_kerja(self, eki, saat: str):
		with self.freeze_time(saat), sebagai(SUBKOR):
			return frappe.get_doc({"doctype": "Kertas Kerja Evaluasi", "evaluasi": eki.name}).insert()

	def aksi(self, doc, action: str, user: str, saat: str):
		with self.freeze_time(saat):
			return aksi(doc, action, user)

	def data_bidang(self, eki, kode: str):
		return frappe.get_doc("Data Kinerja Bidang", {"evaluasi": eki.name, "bidang": self.bidang[kode]})

	def ajukan_data(self, eki, kode: str, saat: str):
		doc = self.data_bidang(eki, kode)
		with self.freeze_time(saat):
			with sebagai(KABID[kode]):
				for row in doc.baris:
					row.realisasi = "25"
				doc.save()
			return aksi(doc, "Ajukan", KABID[kode])

	def sampai_langkah_5(self, eki, saat: dict[int, str]):
		"""Steps 1-4 finished at the moments given (1: Kadis's disposisi … 4: work paper distributed)."""
		self.disposisi(eki, KADIS, SEKRETARIS, saat[1])
		self.disposisi(eki, SEKRETARIS, SUBKOR, saat[2])
		kke = self.kertas_kerja(eki, saat[2])
		kke = self.aksi(kke, "Ajukan", SUBKOR, saat[3])
		kke = self.aksi(kke, "Setujui", SEKRETARIS, saat[3])
		return self.aksi(kke, "Distribusikan", SUBKOR, saat[4])

	def undangan(self, eki, saat: str, tanggal_rapat: str, jam_mulai: str):
		with self.freeze_time(saat):
			with sebagai(SUBKOR):
				nr = frappe.get_doc({"doctype": "Notulen Rapat", "evaluasi": eki.name}).insert()
				nr = frappe.get_doc("Notulen Rapat", nr.name)
				nr.update({"tanggal_rapat": tanggal_rapat, "jam_mulai": jam_mulai, "tempat": "Ruang Rapat"})
				nr.save()
			return aksi(nr, "Kirim Undangan", SEKRETARIS)

	def ajukan_notulen(self, nr, saat: str, rekomendasi: tuple[str, ...]):
		with self.freeze_time(saat):
			pabrik.tulis_notulen(
				nr.name, [(self.bidang[kode], f"Tindak lanjut {kode}") for kode in rekomendasi]
			)
			return aksi(nr, "Ajukan Notulen", SUBKOR)

	def ajukan_tindak_lanjut(self, eki, kode: str, saat: str):
		doc = frappe.get_doc("Tindak Lanjut Evaluasi", {"evaluasi": eki.name, "bidang": self.bidang[kode]})
		with self.freeze_time(saat):
			with sebagai(KABID[kode]):
				for row in doc.baris:
					row.tindak_lanjut = "Sudah dilaksanakan"
					row.status = "Tuntas"
					row.tanggal_tuntas = frappe.utils.getdate(saat)
					row.tautan_bukti = "https://arsip.contoh.go.id/ba.pdf"
				doc.save()
			return aksi(doc, "Ajukan", KABID[kode])

	# --- the scheduled check, as the scheduler would run it, inside the test's transaction ---------------

	def periksa(self, saat: str):
		with self.freeze_time(saat):
			hasil = jadwal.periksa(get_datetime(saat), commit=False, serahkan_notifikasi=False)
			terkirim = notifikasi.kirim_tertunda(commit=False)
		return hasil, terkirim

	def kirim(self, saat: str) -> int:
		with self.freeze_time(saat):
			return notifikasi.kirim_tertunda(commit=False)

	# --- reading ---------------------------------------------------------------------------------------

	def jam(self, eki, langkah: int, kode: str | None = None):
		from sakip_evaluasi.sla.jam import nama_langkah

		nama = nama_langkah(eki.name, langkah, self.bidang[kode] if kode else None)
		return frappe.get_doc(LANGKAH, nama) if frappe.db.exists(LANGKAH, nama) else None

	def assertJam(self, jam, mulai: str, batas: str, status: str | None = None, selesai: str | None = None):
		self.assertIsNotNone(jam)
		self.assertEqual(
			(get_datetime(jam.mulai), get_datetime(jam.batas_waktu)),
			(get_datetime(mulai), get_datetime(batas)),
		)
		if status:
			self.assertEqual(jam.status_sla, status)
		if selesai:
			self.assertEqual(get_datetime(jam.selesai), get_datetime(selesai))

	def pemberitahuan(self, user: str, jam, kata: str) -> int:
		"""Notification Logs for ``user`` about clock ``jam`` whose subject contains ``kata``."""
		return frappe.db.count(
			"Notification Log",
			{
				"for_user": user,
				"document_type": LANGKAH,
				"document_name": jam.name,
				"subject": ("like", f"%{kata}%"),
			},
		)

	def surel(self, user: str, jam) -> int:
		"""E-mails queued for ``user`` about clock ``jam``."""
		return frappe.db.sql(
			"""select count(*) from `tabEmail Queue` q
			join `tabEmail Queue Recipient` r on r.parent = q.name
			where q.reference_doctype = %s and q.reference_name = %s and r.recipient = %s""",
			(LANGKAH, jam.name, frappe.db.get_value("User", user, "email")),
		)[0][0]
