# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

"""The rows of the Kepatuhan SOP report (what is counted and how: the report's docstring,
``sakip_evaluasi/sakip_evaluasi/report/kepatuhan_sop``), shared with the per-OPD compliance column of
Rekapitulasi Kinerja OPD and the print formats."""

import frappe
from frappe import _
from frappe.utils import cint, get_datetime, now_datetime

from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.periode import NOMOR_TRIWULAN
from sakip_evaluasi.laporan import grafik_batang
from sakip_evaluasi.sla.kalender import get_kalender

KELOMPOK = ("Triwulan", "Langkah", "Bidang", "Triwulan dan Langkah", "OPD")


def baris_laporan(filters, kelompok: str, sekarang=None) -> list[dict]:
	sekarang = sekarang or now_datetime()
	evaluasi = {
		e.name: e
		for e in frappe.get_all(
			"Evaluasi Kinerja Internal",
			filters={k: filters[k] for k in ("opd", "tahun", "triwulan") if filters.get(k)},
			fields=["name", "opd", "tahun", "triwulan", "kalender_kerja"],
		)
	}
	if not evaluasi:
		return []
	saring = {"evaluasi": ("in", list(evaluasi))}
	if filters.get("langkah"):
		saring["langkah"] = cint(filters.langkah)
	if filters.get("bidang"):
		saring["bidang"] = filters.bidang
	elif kelompok == "Bidang":
		saring["bidang"] = ("is", "set")
	kalender, hasil, berjalan = {}, [], {}
	for j in frappe.get_list(
		"Langkah Evaluasi",
		filters=saring,
		fields=["evaluasi", "langkah", "bidang", "batas_waktu", "selesai"],
		limit_page_length=0,
	):
		e = evaluasi[j.evaluasi]
		kunci = _kunci(kelompok, e, j)
		if e.kalender_kerja not in kalender:
			kalender[e.kalender_kerja] = get_kalender(e.kalender_kerja)
		h = sla.hasil_langkah(
			kunci,
			kalender[e.kalender_kerja],
			sekarang,
			get_datetime(j.batas_waktu),
			get_datetime(j.selesai) if j.selesai else None,
		)
		if h:
			hasil.append(h)
		else:
			berjalan[kunci] = berjalan.get(kunci, 0) + 1
	statistik = sla.statistik_kepatuhan(hasil)
	return [
		{
			"kelompok": _label(kelompok, k),
			"label_grafik": _label_grafik(kelompok, k),
			**(vars(statistik[k]) if k in statistik else {"jumlah": 0, "tepat_waktu": 0, "terlambat": 0}),
			"berjalan": berjalan.get(k, 0),
		}
		for k in sorted(set(statistik) | set(berjalan))
	]


def _kunci(kelompok: str, e, j) -> tuple:
	tw = (cint(e.tahun), NOMOR_TRIWULAN.get(e.triwulan, 0), e.triwulan)
	if kelompok == "Triwulan":
		return tw
	if kelompok == "Langkah":
		return (cint(j.langkah),)
	if kelompok == "Bidang":
		return (j.bidang or "",)
	if kelompok == "OPD":
		return (e.opd or "",)
	return (*tw, cint(j.langkah))


def _label(kelompok: str, k: tuple) -> str:
	if kelompok == "Triwulan":
		return _("{0} Triwulan {1}").format(k[0], k[2])
	if kelompok == "Langkah":
		return _("Langkah {0}").format(k[0])
	if kelompok in ("Bidang", "OPD"):
		return k[0]
	return _("{0} TW {1} · Langkah {2}").format(k[0], k[2], k[3])


def _label_grafik(kelompok: str, k: tuple) -> str:
	"""The bar's label: short enough to stay whole under eight bars on a 390-px phone (the chart
	gives a label about 25 px there); the table beside it keeps the full name."""
	if kelompok == "Triwulan":
		return f"{k[2]}/{str(k[0])[-2:]}"
	if kelompok == "Langkah":
		return f"L{k[0]}"
	if kelompok == "Bidang":
		return frappe.db.get_value("Bidang", k[0], "kode") or k[0]
	if kelompok == "OPD":
		return k[0]
	return f"{k[2]}·L{k[3]}"


def grafik(data: list[dict]) -> dict | None:
	if not data:
		return None
	return grafik_batang(
		[d["label_grafik"] for d in data],
		[{"name": _("% Tepat Waktu"), "values": [d.get("persen_tepat_waktu") or 0 for d in data]}],
		["#2490ef"],
		barOptions={"spaceRatio": 0.4},
		tooltipOptions={},
	)
