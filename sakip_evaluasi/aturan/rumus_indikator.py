"""Computed indicators on the documents: the formulas of the Indikator Kinerja, the component text of
a Data Kinerja Bidang row (``komponen``: a line ``nama: nilai`` per component, written at distribution
and completed at each save) and the realisasi of its computed rows, computed by ``domain.rumus``
before the capaian (``capaian_baris``) follows as for a typed realisasi."""

import frappe

from sakip_evaluasi.domain.doctype import DKB
from sakip_evaluasi.domain.doctype import INDIKATOR_KINERJA as INDIKATOR
from sakip_evaluasi.domain.rumus import (
	HasilRumus,
	Komponen,
	KomponenTidakSah,
	Rumus,
	hitung_realisasi,
	teks_komponen,
	urai_komponen,
)

RUMUS = "Rumus"


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


def komponen_awal(rows) -> dict[str, str]:
	"""Per computed indicator among ``rows`` (dicts or rows with ``indikator``), the component text a
	new Data Kinerja Bidang row starts with: the formula's names, no values."""
	rumus = rumus_indikator([r.get("indikator") for r in rows])
	return {i: teks_komponen(r) for i, r in rumus.items()}


def realisasi_berumus(doc) -> tuple[dict[str, HasilRumus], dict[str, str]]:
	"""Compute the realisasi of every computed row of ``doc`` (a Data Kinerja Bidang) from its
	component text and write it into the row (``realisasi``, ``jenis_indikator``; the text completed
	with a component it lacks, e.g. an indicator made computed after the distribution); returns per
	row name the formula with its numbers, and the problems found per row name, in Bahasa Indonesia
	(then nothing is written). Other documents (the Kertas Kerja Evaluasi) are left as they are."""
	if doc.doctype != DKB:
		return {}, {}
	rumus = rumus_indikator([r.indikator for r in doc.baris])
	hasil, masalah, tulis = {}, {}, []
	for row in doc.baris:
		nama = row.nama_indikator or row.indikator
		r = rumus.get(row.indikator)
		try:
			nilai = urai_komponen(row.komponen, nama)
			h = hitung_realisasi(r, nilai, nama)
		except KomponenTidakSah as e:
			masalah[row.name] = str(e)
			continue
		if r is not None:
			hasil[row.name] = h
			tulis.append((row, h.teks, teks_komponen(r, nilai)))
		elif not any(nilai.values()):
			tulis.append((row, None, None))
	if masalah:
		return {}, masalah
	for row, realisasi, komponen in tulis:
		berumus = komponen is not None
		row.jenis_indikator = RUMUS if berumus else None
		if berumus:
			row.realisasi = realisasi
		# a plain row keeps no (empty) component lines; a computed one always shows every component
		if (row.komponen or None) != komponen:
			row.komponen = komponen
	return hasil, {}
