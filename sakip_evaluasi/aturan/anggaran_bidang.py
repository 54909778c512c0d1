"""Realisasi anggaran of a Data Kinerja Bidang (table ``anggaran``): its rows from the program table of
the bidang's Perjanjian Kinerja in force in the triwulan (pagu = the PK row's anggaran), what the
earlier triwulan reached carried in, the checks of a save, and the penyerapan read back by the E.81,
the Rekap Capaian Kinerja and the LKjIP. Arithmetic in ``domain.anggaran``."""

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import flt

from sakip_evaluasi.aturan.perjanjian_kinerja import pk_bidang_berlaku
from sakip_evaluasi.domain import anggaran as ang
from sakip_evaluasi.domain.doctype import ANGGARAN_DKB, DKB, PK
from sakip_evaluasi.domain.periode import ROMAWI_TRIWULAN, nomor_triwulan

TABEL = "anggaran"


def realisasi_lalu(bidang: str, tahun: int, triwulan: int) -> dict[str, float]:
	"""Per row key, the realisasi s.d. TW of the bidang's Data Kinerja of the triwulan before."""
	if triwulan <= 1:
		return {}
	dkb = frappe.db.get_value(
		DKB, {"bidang": bidang, "tahun": tahun, "triwulan": ROMAWI_TRIWULAN[triwulan - 1]}, "name"
	)
	if not dkb:
		return {}
	return {
		ang.kunci(r.kode_sipd, r.nama): flt(r.realisasi_sd_tw)
		for r in frappe.get_all(
			ANGGARAN_DKB,
			filters={"parent": dkb, "parenttype": DKB, "parentfield": TABEL},
			fields=["kode_sipd", "nama", "realisasi_sd_tw"],
		)
	}


def baris_anggaran(bidang: str, tahun: int, triwulan: str) -> list[dict]:
	"""The rows a new Data Kinerja Bidang starts with: each program, kegiatan and sub-kegiatan of the
	bidang's PK in force, its pagu, and the realisasi s.d. the earlier triwulan."""
	tw = nomor_triwulan(triwulan)
	nama_pk = pk_bidang_berlaku(bidang, int(tahun), tw)
	if not nama_pk:
		return []
	lalu = realisasi_lalu(bidang, int(tahun), tw)
	rows = []
	for p in frappe.get_all(
		"Program PK",
		filters={"parent": nama_pk, "parenttype": PK, "parentfield": "program"},
		fields=["jenis", "kode_sipd", "nama", "anggaran"],
		order_by="idx asc",
	):
		sd_lalu = lalu.get(ang.kunci(p.kode_sipd, p.nama), 0)
		rows.append(
			{
				"jenis": p.jenis,
				"kode_sipd": p.kode_sipd,
				"nama": p.nama,
				"pagu": p.anggaran,
				"realisasi_sd_tw_lalu": sd_lalu,
				"realisasi_tw": 0,
				"realisasi_sd_tw": sd_lalu,
				"penyerapan": ang.penyerapan(p.anggaran, sd_lalu) or 0,
			}
		)
	return rows


def label(doc, row) -> str:
	"""Realisasi Anggaran baris 2 (Kegiatan 1.03.02.2.01 Rehabilitasi Jalan)."""
	nama = " ".join(filter(None, (_(row.jenis or ""), row.kode_sipd, " ".join((row.nama or "").split()))))
	return _("{0} baris {1} ({2})").format(_(doc.meta.get_field(TABEL).label), row.idx, nama)


def hitung_baris(doc) -> dict[str, str]:
	"""The realisasi s.d. TW and penyerapan of every row; per row name its problem (a realisasi below
	zero or above the pagu) as a sentence naming it, empty when none. The rows themselves are the
	app's (the edit rule refuses a row added, removed or renamed by a user: a program not in the PK
	cannot come in)."""
	hasil = {}
	for r in doc.get(TABEL) or []:
		masalah = ang.periksa(
			[ang.BarisAnggaran(label(doc, r), r.kode_sipd, r.pagu, r.realisasi_sd_tw_lalu, r.realisasi_tw)]
		)
		hasil[r.name] = masalah[0] if masalah else ""
		r.realisasi_sd_tw = flt(ang.realisasi_sd_tw(r.realisasi_sd_tw_lalu, r.realisasi_tw))
		r.penyerapan = ang.penyerapan(r.pagu, r.realisasi_sd_tw) or 0
	return hasil


def hitung(doc) -> list[str]:
	"""``hitung_baris``: the problems of the rows, in row order."""
	return [m for m in hitung_baris(doc).values() if m]


def serapan_dokumen(dkb: list[str]) -> dict[str, ang.Serapan]:
	"""Per Data Kinerja Bidang the total pagu, realisasi s.d. TW and penyerapan of its rows (only the
	documents that have rows)."""
	if not dkb:
		return {}
	per_dokumen: dict[str, list] = defaultdict(list)
	for r in frappe.get_all(
		ANGGARAN_DKB,
		filters={"parent": ("in", sorted(set(dkb))), "parenttype": DKB, "parentfield": TABEL},
		fields=["parent", "kode_sipd", "pagu", "realisasi_sd_tw"],
		order_by="parent asc, idx asc",
	):
		per_dokumen[r.parent].append((r.kode_sipd, r.pagu, r.realisasi_sd_tw))
	return {d: ang.serapan(rows) for d, rows in per_dokumen.items()}


def baris_dokumen(dkb: list[str]) -> list:
	"""Every anggaran row of the documents ``dkb``, with its document, in document and row order."""
	if not dkb:
		return []
	return frappe.get_all(
		ANGGARAN_DKB,
		filters={"parent": ("in", sorted(set(dkb))), "parenttype": DKB, "parentfield": TABEL},
		fields=[
			"parent",
			"jenis",
			"kode_sipd",
			"nama",
			"pagu",
			"realisasi_tw",
			"realisasi_sd_tw",
			"penyerapan",
		],
		order_by="parent asc, idx asc",
	)


def realisasi_tahun(opd: str, tahun: int) -> dict[str, float] | None:
	"""Per row key, the realisasi s.d. TW of the latest triwulan each bidang of ``opd`` reported for
	``tahun`` (TW IV when there is one), summed over the bidang; None when no bidang reported any."""
	terakhir: dict[str, tuple[int, str]] = {}
	for d in frappe.get_all(DKB, filters={"opd": opd, "tahun": tahun}, fields=["name", "bidang", "triwulan"]):
		tw = nomor_triwulan(d.triwulan)
		if d.bidang not in terakhir or tw > terakhir[d.bidang][0]:
			terakhir[d.bidang] = (tw, d.name)
	rows = baris_dokumen([n for _tw, n in terakhir.values()])
	if not rows:
		return None
	return ang.realisasi_per_kunci((r.kode_sipd, r.nama, r.realisasi_sd_tw) for r in rows)
