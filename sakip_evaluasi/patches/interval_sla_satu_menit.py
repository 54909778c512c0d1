"""The scheduled SLA check now runs every minute by default (it was every 5 minutes).

A site still on the old default (5) moves to 1 and its Scheduled Job Type follows at once; a site whose
administrator chose another interval keeps it. Written without a save: the settings' modified stamp
and Versions stay as they were.
"""

import frappe

from sakip_evaluasi.domain.sla import INTERVAL_PEMERIKSAAN_BAWAAN
from sakip_evaluasi.sla.jadwal import sesuaikan_jadwal

BAWAAN_LAMA = "5"


def execute() -> None:
	sekarang = frappe.db.get_single_value("Pengaturan SAKIP", "interval_pemeriksaan_sla")
	if str(sekarang or "") in (BAWAAN_LAMA, ""):
		frappe.db.set_single_value(
			"Pengaturan SAKIP",
			"interval_pemeriksaan_sla",
			str(INTERVAL_PEMERIKSAAN_BAWAAN),
			update_modified=False,
		)
	sesuaikan_jadwal()
