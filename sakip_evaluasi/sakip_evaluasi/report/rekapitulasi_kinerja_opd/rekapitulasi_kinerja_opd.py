# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

"""Rekapitulasi Kinerja OPD: the table an Inspektorat puts in front of the Sekda. Per OPD, for a
year or one triwulan:

- **capaian**: the mean capaian of its indicators and its predikat (the Pemda's scale). For one
  triwulan, each indicator's capaian of that triwulan (s.d. TW, as its Data Kinerja Bidang holds
  it); for a year, each indicator's latest triwulan with a computed capaian — the year-to-date
  figure — so no indicator counts twice;
- **kepatuhan SOP**: the steps finished on time among those whose outcome is known, by the same rule
  as the Kepatuhan SOP report (grouped per OPD);
- how many Data Kinerja Bidang were accepted of those distributed.

Each OPD links to its Rekap Capaian Kinerja and Kepatuhan SOP (drill-down). Everything is read with
``frappe.get_list`` as the session user: an OPD's users see their own OPD, the Inspektorat and
Bappeda every OPD.
"""

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import cint, flt

from sakip_evaluasi.aturan.capaian_baris import aturan_capaian
from sakip_evaluasi.domain.capaian import rata_rata
from sakip_evaluasi.domain.doctype import DKB
from sakip_evaluasi.domain.periode import NOMOR_TRIWULAN, TRIWULAN
from sakip_evaluasi.laporan import grafik_batang
from sakip_evaluasi.laporan import kolom_laporan as k
from sakip_evaluasi.laporan.kepatuhan_sop import baris_laporan as kepatuhan


def execute(filters=None):
	filters = frappe._dict(filters or {})
	if not cint(filters.tahun):
		frappe.throw(_("Pilih tahun."), title=_("Filter belum lengkap"))
	if filters.triwulan and filters.triwulan not in TRIWULAN:
		frappe.throw(_("Triwulan harus I, II, III atau IV, atau kosong untuk setahun."))
	data = baris_laporan(filters)
	return kolom(), data, None, grafik(data), ringkasan(data)


def kolom() -> list[dict]:
	return [
		k("opd", _("OPD"), "Link", 110, options="OPD"),
		k("nama_opd", _("Perangkat Daerah"), width=260),
		k("indikator", _("Indikator"), "Int", 90),
		k("terhitung", _("Capaian Terhitung"), "Int", 130),
		k("rata_capaian", _("Rata-rata Capaian (%)"), "Float", 160, precision=2),
		k("predikat", _("Predikat"), width=120),
		k("data_diterima", _("Data Kinerja Diterima"), width=160),
		k("langkah_dinilai", _("Langkah SOP Dinilai"), "Int", 140),
		k("persen_tepat_waktu", _("% Tepat Waktu"), "Percent", 120),
		k("terlambat", _("Langkah Terlambat"), "Int", 130),
		k("rincian", _("Rincian"), "HTML", 200),
	]


def baris_laporan(filters) -> list[dict]:
	opd = {o.name: o for o in frappe.get_list("OPD", fields=["name", "nama_opd"], order_by="name asc")}
	if not opd:
		return []
	capaian = capaian_per_opd(filters)
	patuh = {r["kelompok"]: r for r in kepatuhan(filters, "OPD")}
	_batas, skala = aturan_capaian()
	data = []
	for kode, o in opd.items():
		c = capaian.get(kode, {})
		nilai = c.get("nilai", [])
		rata = rata_rata(nilai)
		k = patuh.get(kode, {})
		data.append(
			{
				"opd": kode,
				"nama_opd": o.nama_opd,
				"indikator": c.get("indikator", 0),
				"terhitung": len(nilai),
				"rata_capaian": rata,
				"predikat": skala.predikat(rata) if rata is not None else "",
				"data_diterima": _("{0} dari {1}").format(c.get("diterima", 0), c.get("dokumen", 0)),
				"langkah_dinilai": k.get("jumlah", 0),
				"persen_tepat_waktu": k.get("persen_tepat_waktu"),
				"terlambat": k.get("terlambat", 0),
				"rincian": _rincian(kode, filters),
			}
		)
	return data


def capaian_per_opd(filters) -> dict[str, dict]:
	"""Per OPD: indicators, their capaian values, documents and accepted documents."""
	saring = {"tahun": cint(filters.tahun)}
	if filters.triwulan:
		saring["triwulan"] = filters.triwulan
	dokumen = {
		d.name: d
		for d in frappe.get_list(
			DKB, filters=saring, fields=["name", "opd", "triwulan", "workflow_state"], limit_page_length=0
		)
	}
	hasil: dict[str, dict] = defaultdict(lambda: {"indikator": 0, "nilai": [], "dokumen": 0, "diterima": 0})
	for d in dokumen.values():
		hasil[d.opd]["dokumen"] += 1
		hasil[d.opd]["diterima"] += d.workflow_state == "Diterima"
	if not dokumen:
		return hasil
	terakhir: dict[tuple[str, str], tuple[int, float | None]] = {}
	for r in frappe.get_all(
		"Baris Data Kinerja",
		filters={"parenttype": DKB, "parentfield": "baris", "parent": ("in", list(dokumen))},
		fields=["parent", "indikator", "capaian", "predikat"],
	):
		d = dokumen[r.parent]
		tw = NOMOR_TRIWULAN[d.triwulan]
		kunci = (d.opd, r.indikator)
		nilai = flt(r.capaian) if r.predikat else None  # a computed capaian always has a predikat
		lama = terakhir.get(kunci)
		if lama is None or (nilai is not None and (lama[1] is None or tw > lama[0])):
			terakhir[kunci] = (tw, nilai)
	for (kode, _indikator), (_tw, nilai) in terakhir.items():
		hasil[kode]["indikator"] += 1
		if nilai is not None:
			hasil[kode]["nilai"].append(nilai)
	return hasil


def _rincian(opd: str, filters) -> str:
	"""Links to the OPD's own reports, with the same period."""
	from urllib.parse import urlencode

	periode = {"opd": opd, "tahun": cint(filters.tahun)}
	capaian = {**periode, "triwulan": filters.triwulan or "IV"}
	patuh = {**periode, "kelompok": "Langkah", **({"triwulan": filters.triwulan} if filters.triwulan else {})}
	return (
		f'<a href="/app/query-report/Rekap Capaian Kinerja?{urlencode(capaian)}">{_("Capaian")}</a>'
		f' · <a href="/app/query-report/Kepatuhan SOP?{urlencode(patuh)}">{_("Kepatuhan SOP")}</a>'
	)


def grafik(data: list[dict]) -> dict | None:
	if not data:
		return None
	return grafik_batang(
		[d["opd"] for d in data],
		[
			{"name": _("Rata-rata capaian (%)"), "values": [d["rata_capaian"] or 0 for d in data]},
			{"name": _("% Tepat Waktu"), "values": [d["persen_tepat_waktu"] or 0 for d in data]},
		],
		["#5e64ff", "#29cd42"],
		fieldtype="Float",
	)


def ringkasan(data: list[dict]) -> list[dict]:
	rata = rata_rata([d["rata_capaian"] for d in data if d["rata_capaian"] is not None])
	return [
		{"value": len(data), "label": _("OPD"), "datatype": "Int"},
		{
			"value": rata if rata is not None else "-",
			"label": _("Rata-rata Capaian Pemda (rata-rata OPD)"),
			"datatype": "Percent" if rata is not None else "Data",
			"indicator": "Blue",
		},
		{
			"value": sum(d["terlambat"] for d in data),
			"label": _("Langkah SOP Terlambat"),
			"datatype": "Int",
			"indicator": "Red",
		},
	]
