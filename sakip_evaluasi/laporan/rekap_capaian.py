# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

"""The rows, chart and summary of the Rekap Capaian Kinerja report (what they show: the report's
docstring, ``sakip_evaluasi/sakip_evaluasi/report/rekap_capaian_kinerja``), shared with the print
formats and the evidence pack."""

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import cint, flt

from sakip_evaluasi.aturan.anggaran_bidang import serapan_dokumen
from sakip_evaluasi.aturan.capaian_baris import aturan_capaian, uraian_tersimpan
from sakip_evaluasi.domain import anggaran as ang
from sakip_evaluasi.domain.capaian import angka_realisasi as _angka
from sakip_evaluasi.domain.capaian import rata_rata
from sakip_evaluasi.domain.doctype import DKB, KOLOM_CAPAIAN_BARIS
from sakip_evaluasi.domain.periode import TRIWULAN, nomor_triwulan


def baris_laporan(filters) -> list[dict]:
	saring = {"tahun": cint(filters.tahun), "triwulan": filters.triwulan}
	for field in ("opd", "bidang"):
		if filters.get(field):
			saring[field] = filters[field]
	dokumen = {
		d.name: d for d in frappe.get_list(DKB, filters=saring, fields=["name", "bidang", "workflow_state"])
	}
	if not dokumen:
		return []
	rows = frappe.get_all(
		"Baris Data Kinerja",
		filters={"parenttype": DKB, "parentfield": "baris", "parent": ("in", list(dokumen))},
		fields=["parent", "metode_negatif", *KOLOM_CAPAIAN_BARIS],
	)
	triwulan, batas_atas = nomor_triwulan(filters.triwulan), aturan_capaian()[0]
	data = []
	for r in sorted(rows, key=lambda r: (dokumen[r.parent].bidang, r.idx)):
		d = dokumen[r.parent]
		realisasi = _angka(r.realisasi)
		dinilai = bool(r.predikat)  # a computed capaian always has a predikat (capaian 0 included)
		data.append(
			{
				"bidang": d.bidang,
				"indikator": r.nama_indikator or r.indikator,
				"satuan": r.satuan,
				"polaritas": r.polaritas,
				"target_tw": flt(r.target_tw),
				"realisasi": realisasi,
				"target_sd_tw": flt(r.target_sd_tw),
				"realisasi_sd_tw": flt(r.realisasi_sd_tw) if realisasi is not None else None,
				"capaian": flt(r.capaian) if dinilai else None,
				"predikat": r.predikat or "",
				"rumus": uraian_tersimpan(r, triwulan, batas_atas),
				"status": _(d.workflow_state or ""),
				"dokumen": d.name,
			}
		)
	return data


def capaian_per_bidang(data: list[dict]) -> dict[str, float | None]:
	"""Mean capaian per bidang over its indicators with a computed capaian (None when none)."""
	per_bidang: dict[str, list[float]] = defaultdict(list)
	for r in data:
		nilai = per_bidang[r["bidang"]]  # every bidang gets a bar, even without a computed capaian
		if r["capaian"] is not None:
			nilai.append(r["capaian"])
	return {bidang: rata_rata(nilai) for bidang, nilai in per_bidang.items()}


def serapan_per_bidang(data: list[dict]) -> dict[str, ang.Serapan]:
	"""Per bidang among the report's rows the pagu, realisasi s.d. TW and penyerapan of its Data
	Kinerja's realisasi anggaran (only the bidang whose PK lists programs)."""
	bidang = {r["dokumen"]: r["bidang"] for r in data}
	return {bidang[d]: s for d, s in serapan_dokumen(list(bidang)).items()}


def isi_penyerapan(data: list[dict]) -> dict[str, ang.Serapan]:
	"""Each row gets its bidang's penyerapan (None: the bidang reports no budget)."""
	serapan = serapan_per_bidang(data)
	for r in data:
		s = serapan.get(r["bidang"])
		r["penyerapan"] = s.penyerapan if s else None
	return serapan


def grafik(data: list[dict]) -> dict | None:
	rata = capaian_per_bidang(data)
	if not rata:
		return None
	datasets = [{"name": _("Rata-rata capaian (%)"), "values": [v or 0 for v in rata.values()]}]
	serapan = serapan_per_bidang(data)
	if serapan:  # penyerapan beside capaian, bidang by bidang
		datasets.append(
			{
				"name": _("Penyerapan anggaran (%)"),
				"values": [(serapan[b].penyerapan or 0) if b in serapan else 0 for b in rata],
			}
		)
	return {
		"data": {
			# the bidang's code (BM, SDA): whole under four bars on a 390-px phone
			"labels": [frappe.db.get_value("Bidang", b, "kode") or b for b in rata],
			"datasets": datasets,
		},
		"type": "bar",
		"fieldtype": "Float",
		"colors": ["#5e64ff", "#ffa00a"],
	}


def ringkasan(data: list[dict]) -> list[dict]:
	dinilai = [r["capaian"] for r in data if r["capaian"] is not None]
	rata = rata_rata(dinilai)
	serapan = ang.jumlah(serapan_per_bidang(data).values())
	efisiensi = ang.efisiensi(rata, serapan.penyerapan)
	anggaran = [
		{
			"value": serapan.penyerapan if serapan.penyerapan is not None else "-",
			"label": _("Penyerapan Anggaran"),
			"datatype": "Percent" if serapan.penyerapan is not None else "Data",
			"indicator": "Orange",
		},
		{
			"value": efisiensi.indeks if efisiensi.indeks is not None else "-",
			"label": _("Indeks Efisiensi ({0})").format(_(efisiensi.kesimpulan)),
			"datatype": "Float" if efisiensi.indeks is not None else "Data",
			"indicator": "Green" if efisiensi.kesimpulan == ang.EFISIEN else "Grey",
		},
	]
	return [
		{"value": len(data), "label": _("Indikator"), "datatype": "Int"},
		{"value": len(dinilai), "label": _("Capaian Terhitung"), "datatype": "Int"},
		{
			"value": rata if rata is not None else "-",
			"label": _("Rata-rata Capaian"),
			"datatype": "Percent" if rata is not None else "Data",
			"indicator": "Blue",
		},
		*(anggaran if serapan.pagu else []),
	]
