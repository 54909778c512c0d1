# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

"""Status Laporan Kinerja: every OPD's LKjIP of a year, its stage and days late against the Pemda's
deadline, with number cards (``laporan.status_lkjip``)."""

import frappe
from frappe import _
from frappe.utils import cint

from sakip_evaluasi.laporan import kolom_laporan as k
from sakip_evaluasi.laporan import status_lkjip


def execute(filters=None):
	filters = frappe._dict(filters or {})
	if not cint(filters.tahun):
		frappe.throw(_("Pilih tahun."), title=_("Filter belum lengkap"))
	data = status_lkjip.baris_status(cint(filters.tahun))
	for r in data:
		r["tahap"] = _(r["tahap"]) if r["tahap"] else _("Belum disusun")
	kolom = [
		k("opd", _("OPD"), "Link", 100, options="OPD"),
		k("nama_opd", _("Nama OPD"), "Data", 220),
		k("laporan_kinerja", _("LKjIP"), "Link", 170, options="Laporan Kinerja"),
		k("tahap", _("Tahap"), "Data", 130),
		k("rata_rata_capaian", _("Rata-rata Capaian (%)"), "Float", 130),
		k("batas", _("Batas Penyampaian"), "Date", 120),
		k("terlambat_hari", _("Terlambat (hari)"), "Int", 110),
	]
	return kolom, data, None, None, status_lkjip.kartu(data)
