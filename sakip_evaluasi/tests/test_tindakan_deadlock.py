"""A workflow action that MariaDB ends as a deadlock victim (many transitions on one evaluation at the
end of a quarter, two application hosts): tried again with growing pauses; when every attempt loses,
the user gets a message in words (nothing saved, try again) and the traceback goes to the Error Log —
never a server error."""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase

from sakip_evaluasi.api import alur_kerja


class TestTindakanDeadlock(FrappeTestCase):
	def jalankan(self, kalah: int):
		"""``coba_lagi_bila_deadlock`` on an action that loses ``kalah`` times before it goes through
		(each losing attempt leaves a message behind, as a half-run action would)."""
		percobaan = []

		def tindakan():
			percobaan.append(1)
			if len(percobaan) <= kalah:
				frappe.msgprint("pesan dari percobaan yang kalah")
				raise frappe.QueryDeadlockError("Deadlock found when trying to get lock")
			return "Dikembalikan"

		with (
			patch.object(alur_kerja.time, "sleep") as tidur,
			patch.object(frappe.db, "rollback") as rollback,
			patch.object(alur_kerja.frappe, "log_error") as catat,
		):
			try:
				hasil = alur_kerja.coba_lagi_bila_deadlock(
					tindakan, "Kembalikan", {"doctype": "Data Kinerja Bidang", "name": "DKB-X"}
				)
			except frappe.ValidationError as e:
				hasil = e
		return hasil, len(percobaan), tidur, rollback, catat

	def test_kalah_beberapa_kali_lalu_tersimpan(self):
		frappe.local.message_log = []
		hasil, n, tidur, rollback, catat = self.jalankan(kalah=4)
		self.assertEqual(hasil, "Dikembalikan")
		self.assertEqual(n, 5)
		self.assertEqual(rollback.call_count, 4)
		self.assertEqual(frappe.local.message_log, [], "messages of the lost attempts are not shown")
		jeda = [c.args[0] for c in tidur.call_args_list]
		self.assertEqual(len(jeda), 4)
		self.assertTrue(all(0 < j <= alur_kerja.JEDA_TERLAMA for j in jeda))
		catat.assert_not_called()

	def test_selalu_kalah_dijawab_dengan_kata_kata(self):
		frappe.local.message_log = []
		hasil, n, _tidur, rollback, catat = self.jalankan(kalah=99)
		self.assertEqual(n, alur_kerja.PERCOBAAN_TINDAKAN)
		self.assertEqual(rollback.call_count, alur_kerja.PERCOBAAN_TINDAKAN)
		self.assertIsInstance(hasil, frappe.TimestampMismatchError)  # HTTP 417, not 500
		self.assertIn("Kembalikan belum tersimpan", str(hasil))
		self.assertIn("silakan ulangi", str(hasil))
		catat.assert_called_once()
		judul, jejak = catat.call_args.args
		self.assertIn("Kembalikan", judul)
		self.assertIn("QueryDeadlockError", jejak)  # the traceback is kept
		self.assertEqual(catat.call_args.kwargs["reference_name"], "DKB-X")
		self.assertTrue(catat.call_args.kwargs["defer_insert"])
