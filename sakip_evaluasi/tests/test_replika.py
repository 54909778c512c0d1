"""Reads served from the replica (``read_from_replica``): a report's own message reaches the user and
its error is still logged, though the replica refuses writes (``sakip_evaluasi.extends.catatan_galat``).

The replica here is a second connection to the test database in a read-only session: like the
replica (``read_only``) it refuses every write, so what a report run tries to write there fails as
it would on the real one."""

from unittest.mock import patch

import frappe
import frappe.database
from frappe.deferred_insert import save_to_db
from frappe.desk.query_report import run

from sakip_evaluasi.tests.factories import SakipTestCase

LAPORAN = "Rekap Capaian Kinerja"
_get_db = frappe.database.get_db


def _replika(*args, **kwargs):
	db = _get_db(*args, **kwargs)
	db.connect()
	db.sql("set session transaction read only")
	return db


class TestBacaDariReplika(SakipTestCase):
	def test_pesan_laporan_sampai_dan_galatnya_tercatat(self):
		frappe.set_user("Administrator")
		conf = {
			"read_from_replica": 1,
			"replica_host": frappe.conf.db_host or "127.0.0.1",
			"replica_db_port": frappe.conf.db_port,
		}
		sebelum = frappe.db.count("Error Log", {"method": "Report Error"})
		primer = frappe.local.db
		try:
			# Frappe arms a 15-s timer per script report run that switches the report to "prepared" and
			# does not disarm it when the report raises: kept from firing on the test site here.
			with (
				patch.dict(frappe.local.conf, conf),
				patch("frappe.database.get_db", _replika),
				patch("frappe.core.doctype.report.report.enable_prepared_report"),
			):
				# the report refuses a run without its period: the user is told so, not a database error
				with self.assertRaises(frappe.ValidationError) as cm:
					run(LAPORAN, filters={}, ignore_prepared_report=True)
		finally:
			for kunci in ("primary_db", "replica_db"):
				if hasattr(frappe.local, kunci):
					delattr(frappe.local, kunci)
		self.assertIn("Pilih tahun dan triwulan", str(cm.exception))
		self.assertIs(frappe.local.db, primer)  # back on the primary afterwards
		save_to_db()  # Frappe's scheduled job writes what was deferred, on the primary
		self.assertEqual(frappe.db.count("Error Log", {"method": "Report Error"}), sebelum + 1)
