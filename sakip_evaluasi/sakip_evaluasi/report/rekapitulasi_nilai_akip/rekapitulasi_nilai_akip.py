# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

"""Rekapitulasi Nilai AKIP (the rows: ``laporan.rekap_akip``): the year's Nilai AKIP of every OPD,
ranked, with the change from the year before, and a chart."""

import frappe
from frappe import _
from frappe.utils import cint

from sakip_evaluasi.laporan import grafik_batang
from sakip_evaluasi.laporan import kolom_laporan as k
from sakip_evaluasi.laporan.rekap_akip import baris_laporan


def execute(filters=None):
	filters = frappe._dict(filters or {})
	tahun = cint(filters.tahun)
	if not tahun:
		frappe.throw(_("Pilih tahun evaluasi."), title=_("Filter belum lengkap"))
	data = baris_laporan(tahun)
	return kolom(), data, None, grafik(data), ringkasan(data)


def kolom() -> list[dict]:
	return [
		k("peringkat", _("Peringkat"), "Int", 90),
		k("opd", _("OPD"), "Link", 100, options="OPD"),
		k("nama_opd", _("Perangkat Daerah"), width=240),
		k("komponen_1", _("Perencanaan (30)"), "Float", 120, precision=2),
		k("komponen_2", _("Pengukuran (30)"), "Float", 120, precision=2),
		k("komponen_3", _("Pelaporan (15)"), "Float", 110, precision=2),
		k("komponen_4", _("Evaluasi Internal (25)"), "Float", 140, precision=2),
		k("nilai", _("Nilai AKIP"), "Float", 100, precision=2),
		k("predikat", _("Predikat"), width=160),
		k("nilai_lalu", _("Nilai Tahun Lalu"), "Float", 120, precision=2),
		k("perubahan", _("Perubahan"), "Float", 100, precision=2),
		k("sumber", _("Nilai Menurut"), width=130),
		k("evaluasi", _("Evaluasi"), "Link", 170, options="Evaluasi AKIP"),
	]


def grafik(data: list[dict]) -> dict | None:
	if not data:
		return None
	return grafik_batang(
		[d["opd"] for d in data],
		[{"name": _("Nilai AKIP"), "values": [d["nilai"] for d in data]}],
		["#5e64ff"],
		fieldtype="Float",
	)


def ringkasan(data: list[dict]) -> list[dict]:
	rata = round(sum(d["nilai"] for d in data) / len(data), 2) if data else 0
	return [
		{"value": len(data), "label": _("OPD dievaluasi"), "datatype": "Int"},
		{"value": rata, "label": _("Rata-rata Nilai AKIP"), "datatype": "Float", "indicator": "Blue"},
	]
