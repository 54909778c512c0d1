# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

"""Kepatuhan SOP: per triwulan, per step or per bidang, the share of steps finished on time and the
median and worst lateness in working hours.

Counted are the steps whose outcome is known: finished, or still running but already past their
deadline (their lateness runs up to now). Running steps not yet due are shown as "Masih Berjalan"
and left out of the share. Median and worst lateness are over the late steps only. Grouped per
bidang, only the steps run per bidang (5 and 8 of the seeded SOP) count. Grouped per OPD, it is
the compliance column of the cross-OPD recapitulation (Rekapitulasi Kinerja OPD).

The steps are read with ``frappe.get_list`` as the session user: an OPD's users see their OPD only
(User Permission on OPD), the Inspektorat and Bappeda every OPD.
"""

import frappe
from frappe import _
from frappe.utils import cint, get_datetime, now_datetime

from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.periode import NOMOR_TRIWULAN
from sakip_evaluasi.laporan.kepatuhan_sop import KELOMPOK, baris_laporan, grafik
from sakip_evaluasi.sla.kalender import get_kalender


def execute(filters=None):
	filters = frappe._dict(filters or {})
	kelompok = filters.get("kelompok") or "Langkah"
	if kelompok not in KELOMPOK:
		frappe.throw(_("Pengelompokan {0} tidak dikenal: pilih {1}.").format(kelompok, ", ".join(KELOMPOK)))
	data = baris_laporan(filters, kelompok)
	return kolom(kelompok), data, None, grafik(data)


def kolom(kelompok: str) -> list[dict]:
	return [
		{"fieldname": "kelompok", "label": _(kelompok), "fieldtype": "Data", "width": 220},
		{"fieldname": "jumlah", "label": _("Langkah Dinilai"), "fieldtype": "Int", "width": 120},
		{"fieldname": "tepat_waktu", "label": _("Tepat Waktu"), "fieldtype": "Int", "width": 110},
		{"fieldname": "terlambat", "label": _("Terlambat"), "fieldtype": "Int", "width": 100},
		{
			"fieldname": "persen_tepat_waktu",
			"label": _("% Tepat Waktu"),
			"fieldtype": "Percent",
			"width": 120,
		},
		{
			"fieldname": "median_terlambat_jam",
			"label": _("Median Keterlambatan (Jam Kerja)"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 200,
		},
		{
			"fieldname": "terburuk_jam",
			"label": _("Keterlambatan Terburuk (Jam Kerja)"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 210,
		},
		{"fieldname": "berjalan", "label": _("Masih Berjalan"), "fieldtype": "Int", "width": 120},
	]
