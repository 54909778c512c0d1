"""Uninstall, then install again: the site gets what a fresh one gets.

``bench uninstall-app`` runs the app's ``before_uninstall`` hook and then deletes every record linked
to the app's module (its Number Cards, Dashboard Charts, …); ``install-app`` then runs
``after_install``. The test runs those same steps inside its transaction (rolled back)."""

import frappe
from frappe.installer import _delete_linked_documents

from sakip_evaluasi.setup import dasbor
from sakip_evaluasi.tests.factories import SakipTestCase

APP = "sakip_evaluasi"


def _copot() -> None:
	"""What ``bench uninstall-app`` does to the app's desk records (the DocTypes stay: DDL would commit)."""
	for fn in frappe.get_hooks("before_uninstall", app_name=APP):
		frappe.get_attr(fn)()
	_delete_linked_documents(dasbor.MODUL, {"Number Card": "module", "Dashboard Chart": "module"}, False)


def _pasang() -> None:
	for fn in frappe.get_hooks("after_install", app_name=APP):
		frappe.get_attr(fn)()


class TestPasangUlang(SakipTestCase):
	def setUp(self) -> None:
		super().setUp()
		# Defaults and workflows are cached in Redis, which the rollback does not reach.
		self.addCleanup(frappe.clear_cache)

	def test_a_reinstalled_site_gets_the_early_warning_cards_and_charts_again(self):
		_copot()
		for kunci in dasbor.rekaman_dasbor():
			doctype, nama = kunci.split(":", 1)
			self.assertFalse(frappe.db.exists(doctype, nama), kunci)  # gone with the app's module
		_pasang()
		for kunci in dasbor.rekaman_dasbor():
			doctype, nama = kunci.split(":", 1)
			self.assertTrue(
				frappe.db.exists(doctype, nama), f"{kunci} tidak dibuat lagi setelah pasang ulang"
			)
		kartu = frappe.get_doc("Number Card", dasbor.KARTU_KRITIS)
		self.assertEqual((kartu.type, kartu.method), ("Custom", dasbor.METODE_KARTU))

	def test_after_the_reinstall_an_administrators_deletion_stands_again(self):
		_copot()
		_pasang()
		frappe.delete_doc("Dashboard Chart", dasbor.GRAFIK_SLA, ignore_permissions=True)
		dasbor.pasang_dasbor()  # as bench migrate runs it
		self.assertFalse(frappe.db.exists("Dashboard Chart", dasbor.GRAFIK_SLA))
