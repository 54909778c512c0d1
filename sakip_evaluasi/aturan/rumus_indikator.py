"""Computed indicators on the documents: the formulas of the Indikator Kinerja, the component rows of a
Data Kinerja Bidang (``komponen``: one row per component of each computed indicator, created at
distribution and kept in step at each save) and the realisasi of its computed rows, computed by
``domain.rumus`` before the capaian (``capaian_baris``) follows as for a typed realisasi."""

import frappe

from sakip_evaluasi.domain.doctype import INDIKATOR_KINERJA as INDIKATOR
from sakip_evaluasi.domain.rumus import HasilRumus, Komponen, KomponenTidakSah, Rumus, hitung_realisasi

RUMUS = "Rumus"
TABEL_KOMPONEN = "komponen"


def rumus_indikator(indikator: list[str]) -> dict[str, Rumus]:
	"""The formula of each computed indicator among ``indikator`` (two queries, whatever their number)."""
	if not indikator:
		return {}
	berumus = frappe.get_all(
		INDIKATOR,
		filters={"name": ("in", list(set(indikator))), "jenis_indikator": RUMUS},
		fields=["name", "jenis_rumus", "kali_seratus"],
	)
	if not berumus:
		return {}
	komponen: dict[str, list[Komponen]] = {r.name: [] for r in berumus}
	for k in frappe.get_all(
		"Komponen Indikator",
		filters={"parenttype": INDIKATOR, "parent": ("in", list(komponen))},
		fields=["parent", "komponen", "peran", "bobot"],
		order_by="idx asc",
	):
		komponen[k.parent].append(Komponen((k.komponen or "").strip(), k.peran or "", k.bobot))
	return {
		r.name: Rumus(r.jenis_rumus or "", tuple(komponen[r.name]), bool(r.kali_seratus)) for r in berumus
	}


def baris_komponen(rows, rumus: dict[str, Rumus] | None = None) -> list[dict]:
	"""The component rows of a new Data Kinerja Bidang whose indicator rows are ``rows``: one per
	component of each computed indicator, in the indicators' order."""
	if rumus is None:
		rumus = rumus_indikator([r.get("indikator") for r in rows])
	hasil = []
	for r in rows:
		for k in rumus[r.get("indikator")].komponen if r.get("indikator") in rumus else ():
			hasil.append(
				{
					"indikator": r.get("indikator"),
					"nama_indikator": r.get("nama_indikator"),
					"komponen": k.nama,
				}
			)
	return hasil


def _selaraskan(doc, rumus: dict[str, Rumus]) -> None:
	"""Add the component rows a computed indicator lacks (an indicator made computed after the
	distribution) and drop empty rows of components no formula names any more; a row with a value
	stays, so that the check refuses it by name."""
	ada = {(k.indikator, k.komponen) for k in doc.komponen}
	for baru in baris_komponen(doc.baris, rumus):
		if (baru["indikator"], baru["komponen"]) not in ada:
			doc.append(TABEL_KOMPONEN, baru)
	dipakai = {(i, k.nama) for i, r in rumus.items() for k in r.komponen}
	sisa = [k for k in doc.komponen if (k.indikator, k.komponen) in dipakai or str(k.nilai or "").strip()]
	if len(sisa) != len(doc.komponen):
		doc.set(TABEL_KOMPONEN, sisa)


def realisasi_berumus(doc) -> tuple[dict[str, HasilRumus], dict[str, str]]:
	"""Compute the realisasi of every computed row of ``doc`` from its component rows and write it
	into the row (``realisasi``, ``jenis_indikator``); returns per row name the formula with its
	numbers, and the problems found per row name, in Bahasa Indonesia (then nothing is written).
	A document without a component table (the Kertas Kerja Evaluasi) is left as it is."""
	if not doc.meta.has_field(TABEL_KOMPONEN):
		return {}, {}
	rumus = rumus_indikator([r.indikator for r in doc.baris])
	_selaraskan(doc, rumus)
	nilai: dict[str, dict[str, object]] = {}
	for k in doc.komponen:
		nilai.setdefault(k.indikator, {})[k.komponen] = k.nilai
	hasil, masalah, tulis = {}, {}, []
	for row in doc.baris:
		try:
			h = hitung_realisasi(
				rumus.get(row.indikator), nilai.get(row.indikator, {}), row.nama_indikator or row.indikator
			)
		except KomponenTidakSah as e:
			masalah[row.name] = str(e)
			continue
		if row.indikator in rumus:
			hasil[row.name] = h
			tulis.append((row, h.teks))
	if masalah:
		return {}, masalah
	for row in doc.baris:
		row.jenis_indikator = RUMUS if row.indikator in rumus else None
	for row, teks in tulis:
		row.realisasi = teks
	return hasil, {}
