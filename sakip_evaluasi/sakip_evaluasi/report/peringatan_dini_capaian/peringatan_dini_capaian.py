# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

"""Peringatan Dini Capaian: for one year up to one triwulan, per bidang and indicator the realisasi of
TW I–IV against the quarterly targets (the target path), the latest projection of the year-end
capaian with its status and method, and the kendala the bidang gave.

The chart shows the trend against the target path: per bidang the mean capaian s.d. TW of each
quarter and, as the last point, the mean projected capaian at year-end, beside the path (100 %);
filtered to one indicator, its realisasi s.d. TW against the target s.d. TW in its own unit, ending
in the projection.

Rows come from ``peringatan.jejak_indikator``: Frappe's ``get_list`` as the session user, so a
Kepala Bidang sees only their bidang. Each filter named in ``peringatan.FILTER_DOKUMEN`` narrows
the Data Kinerja Bidang as it is.
"""

import frappe
from frappe import _
from frappe.utils import cint

from sakip_evaluasi.aturan.peringatan import FILTER_DOKUMEN, jejak_indikator, kelompok_per_bidang
from sakip_evaluasi.domain.capaian import nilai_sd_tw, rata_rata
from sakip_evaluasi.domain.periode import NOMOR_TRIWULAN, ROMAWI_TRIWULAN
from sakip_evaluasi.domain.proyeksi import WARNA_STATUS, StatusProyeksi
from sakip_evaluasi.laporan import kolom_laporan as k

URUTAN_STATUS = {
	StatusProyeksi.KRITIS.value: 0,
	StatusProyeksi.PERLU_PERHATIAN.value: 1,
	StatusProyeksi.AMAN.value: 2,
}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	if not cint(filters.tahun) or filters.triwulan not in NOMOR_TRIWULAN:
		frappe.throw(_("Pilih tahun dan triwulan."), title=_("Filter belum lengkap"))
	if filters.status and filters.status not in [s.value for s in StatusProyeksi]:
		frappe.throw(_("Status {0} tidak dikenal.").format(filters.status), title=_("Filter tidak valid"))
	tw = NOMOR_TRIWULAN[filters.triwulan]
	saring = {k: filters[k] for k in FILTER_DOKUMEN if filters.get(k)}
	jejak = jejak_indikator(cint(filters.tahun), tw, saring, filters.indikator)
	if filters.status:
		jejak = [j for j in jejak if j.terakhir.status == filters.status]
	# Per bidang, the indicators that need action first.
	jejak.sort(key=lambda j: (j.bidang, URUTAN_STATUS.get(j.terakhir.status, len(URUTAN_STATUS)), j.urutan))
	data = [baris(j) for j in jejak]
	return kolom(), data, None, grafik(jejak, tw, filters.indikator), ringkasan(data)


def kolom() -> list[dict]:
	kolom_tw = []
	for tw, romawi in ROMAWI_TRIWULAN.items():
		kolom_tw += [
			k(f"target_tw{tw}", _("Target TW {0}").format(romawi), "Float", 105, precision=2),
			k(f"realisasi_tw{tw}", _("Realisasi TW {0}").format(romawi), "Float", 115, precision=2),
		]
	return [
		k("bidang", _("Bidang"), "Link", 160, options="Bidang"),
		k("indikator", _("Indikator"), "Data", 280),
		k("status", _("Peringatan Dini"), "Data", 150),
		k("proyeksi_capaian", _("Proyeksi Capaian (%)"), "Float", 150, precision=2),
		k("proyeksi_realisasi", _("Proyeksi Realisasi Akhir Tahun"), "Float", 200, precision=2),
		k("target_tahunan", _("Target Tahunan"), "Float", 120, precision=2),
		k("kekurangan", _("Proyeksi Kekurangan"), "Float", 150, precision=2),
		k("satuan", _("Satuan"), width=80),
		k("posisi", _("Posisi"), width=80),
		k("capaian_sd_tw", _("Capaian s.d. TW (%)"), "Float", 140, precision=2),
		*kolom_tw,
		k("akumulasi", _("Akumulasi"), width=100),
		k("polaritas", _("Polaritas"), width=85),
		k("metode", _("Metode Proyeksi"), "Small Text", 420),
		k("kendala", _("Kendala/Hambatan"), "Small Text", 260),
		k("dokumen", _("Data Kinerja Bidang"), "Link", 200, options="Data Kinerja Bidang"),
	]


def baris(j) -> dict:
	akhir = j.terakhir
	data = {
		"bidang": j.bidang,
		"indikator": j.nama_indikator,
		"indikator_kinerja": j.indikator,
		"status": akhir.status,
		"warna": WARNA_STATUS.get(StatusProyeksi(akhir.status)) if akhir.status else None,
		"proyeksi_capaian": akhir.proyeksi_capaian,
		"proyeksi_realisasi": akhir.proyeksi_realisasi,
		"target_tahunan": j.target_tahunan,
		"kekurangan": akhir.kekurangan,
		"satuan": j.satuan,
		"posisi": _("TW {0}").format(ROMAWI_TRIWULAN[akhir.triwulan]),
		"capaian_sd_tw": akhir.capaian,
		"akumulasi": j.akumulasi,
		"polaritas": j.polaritas,
		"metode": akhir.metode,
		"kendala": akhir.kendala,
		"dokumen": akhir.dokumen,
	}
	for tw in ROMAWI_TRIWULAN:
		data[f"target_tw{tw}"] = j.target_tw[tw - 1]
		data[f"realisasi_tw{tw}"] = j.kuartal[tw].realisasi if tw in j.kuartal else None
	return data


def _dengan_proyeksi(kuartal: list[int]) -> bool:
	"""Whether the chart ends in the projected year-end: unless its last quarter is TW IV (the year's
	result itself)."""
	return not kuartal or kuartal[-1] < 4


def _label(kuartal: list[int]) -> list[str]:
	label = [_("TW {0}").format(ROMAWI_TRIWULAN[t]) for t in kuartal]
	return label + ([_("Proyeksi Akhir Tahun")] if _dengan_proyeksi(kuartal) else [])


def grafik(jejak: list, tw: int, indikator: str | None) -> dict | None:
	"""The trend against the target path: a line per bidang when every bidang with data has each
	quarter shown; when they have no common quarters (bidang, or OPDs, at different triwulan), one
	line of the mean of every indicator filled in each quarter, so the chart never ends up empty."""
	if not jejak:
		return None
	if indikator and len(jejak) == 1:
		return grafik_indikator(jejak[0], tw)
	per_bidang = kelompok_per_bidang(jejak)
	rata = {
		bidang: {
			t: rata_rata([j.kuartal[t].capaian for j in daftar if t in j.kuartal]) for t in range(1, tw + 1)
		}
		for bidang, daftar in per_bidang.items()
	}
	rata = {b: r for b, r in rata.items() if any(v is not None for v in r.values())}  # bidang with data
	kuartal = [t for t in range(1, tw + 1) if any(r[t] is not None for r in rata.values())]
	bersama = all(r[t] is not None for r in rata.values() for t in kuartal)
	garis = (
		{b: (rata[b], per_bidang[b]) for b in rata}
		if bersama
		else {
			_("Rata-rata semua bidang"): (
				{t: rata_rata([j.kuartal[t].capaian for j in jejak if t in j.kuartal]) for t in kuartal},
				jejak,
			)
		}
	)
	datasets = []
	for nama, (nilai_tw, daftar) in garis.items():
		nilai = [nilai_tw[t] for t in kuartal]
		if _dengan_proyeksi(kuartal):
			nilai.append(rata_rata([j.terakhir.proyeksi_capaian for j in daftar]) or 0)
		datasets.append({"name": nama, "values": nilai})
	label = _label(kuartal)
	datasets.append({"name": _("Jalur target (100 %)"), "values": [100] * len(label)})
	return {
		"data": {"labels": label, "datasets": datasets},
		"type": "line",
		"fieldtype": "Float",
		"lineOptions": {"dotSize": 5},
		"axisOptions": {"xIsSeries": 1},
	}


def grafik_indikator(j, tw: int) -> dict:
	"""One indicator in its unit: realisasi s.d. TW against the target s.d. TW (the quarters it was
	filled), ending in the projection."""
	kuartal = [t for t in range(1, tw + 1) if t in j.kuartal and j.kuartal[t].realisasi_sd_tw is not None]
	jalur = [
		float(nilai_sd_tw(j.target_tw, t, j.akumulasi or "Kumulatif", j.target_tahunan) or 0) for t in kuartal
	]
	realisasi = [j.kuartal[t].realisasi_sd_tw for t in kuartal]
	if _dengan_proyeksi(kuartal):
		jalur.append(j.target_tahunan or 0)
		realisasi.append(j.terakhir.proyeksi_realisasi or 0)
	return {
		"data": {
			"labels": _label(kuartal),
			"datasets": [
				{"name": _("Jalur target s.d. TW"), "values": jalur},
				{"name": _("Realisasi s.d. TW, lalu proyeksi"), "values": realisasi},
			],
		},
		"type": "line",
		"fieldtype": "Float",
		"colors": ["#98a2b3", "#e03636" if j.terakhir.status == StatusProyeksi.KRITIS.value else "#2490ef"],
		"lineOptions": {"dotSize": 5},
		"axisOptions": {"xIsSeries": 1},
	}


def ringkasan(data: list[dict]) -> list[dict]:
	def jumlah(status):
		return sum(1 for d in data if d["status"] == status)

	return [
		{"value": len(data), "label": _("Indikator"), "datatype": "Int"},
		{
			"value": jumlah(StatusProyeksi.KRITIS.value),
			"label": _("Kritis"),
			"datatype": "Int",
			"indicator": "Red",
		},
		{
			"value": jumlah(StatusProyeksi.PERLU_PERHATIAN.value),
			"label": _("Perlu Perhatian"),
			"datatype": "Int",
			"indicator": "Orange",
		},
		{
			"value": jumlah(StatusProyeksi.AMAN.value),
			"label": _("Aman"),
			"datatype": "Int",
			"indicator": "Green",
		},
		{
			"value": jumlah(StatusProyeksi.BELUM.value),
			"label": _("Belum Dapat Diproyeksikan"),
			"datatype": "Int",
		},
	]
