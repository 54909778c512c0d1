"""The evidence the app itself holds for the LKE's criteria (Evaluasi AKIP), offered and linked by
itself: a small registry keyed by DocType.

Each entry names the DocType, the criteria it evidences, and its OPD and year fields. Only the
entries whose DocType exists on the site are offered, so a DocType built later (Perjanjian Kinerja,
LKjIP) is added with one line here and appears as soon as it is installed. Evidence is always the
OPD's own, of the year the evaluation assesses (``tahun_dinilai``).
"""

from dataclasses import dataclass

import frappe
from frappe import _

from sakip_evaluasi.domain.doctype import DKB, EVALUASI, KKE, LKJIP, NOTULEN, TL
from sakip_evaluasi.domain.tindak_lanjut import tautan_sah

DOKUMEN_APLIKASI = "Dokumen Aplikasi"
UNGGAHAN = "Unggahan"
TAUTAN = "Tautan"


@dataclass(frozen=True)
class SumberBukti:
	"""A DocType of the app whose records evidence ``kriteria`` (LKE codes)."""

	doctype: str
	kriteria: tuple[str, ...]
	field_opd: str = "opd"
	field_tahun: str = "tahun"
	keterangan: str = ""


# The quarterly evaluation itself carries the SOP's clocks (kepatuhan SOP) and the evidence pack.
REGISTRI: tuple[SumberBukti, ...] = (
	SumberBukti(
		EVALUASI,
		("4.a.1", "4.a.2", "4.b.1", "4.b.4", "4.b.5", "2.c.4"),
		keterangan="Evaluasi Kinerja Internal triwulanan (kepatuhan SOP, paket bukti)",
	),
	SumberBukti(KKE, ("4.a.2", "4.b.1", "4.b.2", "2.b.4"), keterangan="Kertas Kerja Evaluasi"),
	SumberBukti(DKB, ("2.b.6", "2.b.7", "3.b.3", "3.b.4"), keterangan="Data Kinerja Bidang (realisasi)"),
	SumberBukti(NOTULEN, ("4.a.2", "4.b.5", "1.c.3"), keterangan="Notulen Rapat evaluasi"),
	SumberBukti(TL, ("4.c.1", "4.c.2", "4.c.3"), keterangan="Tindak Lanjut Evaluasi"),
	# The PK holds its Rencana Aksi (the quarterly targets and actions, printed as their own format).
	SumberBukti(
		"Perjanjian Kinerja",
		("1.a.4", "1.a.5", "1.b.1", "1.b.10", "1.c.2", "1.c.4"),
		keterangan="Perjanjian Kinerja dan Rencana Aksi",
	),
	SumberBukti(LKJIP, ("3.a.1", "3.a.2", "3.a.3", "3.a.4", "3.a.6", "3.b.5"), keterangan="Laporan Kinerja"),
)


def sumber_tersedia() -> dict[str, SumberBukti]:
	"""The registry's entries whose DocType exists on this site (as a document, not a child table)."""
	return {s.doctype: s for s in REGISTRI if frappe.db.exists("DocType", {"name": s.doctype, "istable": 0})}


def bukti_aplikasi(opd: str, tahun_dinilai: int, kode_kriteria: set[str]) -> list[dict]:
	"""Rows of evidence the app holds for ``opd`` in ``tahun_dinilai``, per criterion of the LKE."""
	rows = []
	for sumber in sumber_tersedia().values():
		kriteria = [k for k in sumber.kriteria if k in kode_kriteria]
		if not kriteria:
			continue
		nama = frappe.get_all(
			sumber.doctype,
			filters={sumber.field_opd: opd, sumber.field_tahun: tahun_dinilai},
			pluck="name",
			order_by="name asc",
		)
		rows += [
			{
				"kriteria": kode,
				"jenis": DOKUMEN_APLIKASI,
				"dokumen_doctype": sumber.doctype,
				"dokumen": n,
				"keterangan": _(sumber.keterangan or sumber.doctype),
				"otomatis": 1,
			}
			for kode in kriteria
			for n in nama
		]
	return rows


def tautkan_bukti_aplikasi(doc) -> int:
	"""Add to ``doc.bukti`` the app's evidence not yet linked; returns how many rows were added."""
	ada = {(r.kriteria, r.dokumen_doctype, r.dokumen) for r in doc.bukti}
	baru = [
		r
		for r in bukti_aplikasi(doc.opd, doc.tahun_dinilai, {j.kriteria for j in doc.jawaban})
		if (r["kriteria"], r["dokumen_doctype"], r["dokumen"]) not in ada
	]
	for r in baru:
		doc.append("bukti", r)
	return len(baru)


def masalah_bukti(doc) -> list[str]:
	"""What is wrong with the evidence rows of ``doc`` (each message names the row)."""
	kode = {j.kriteria for j in doc.jawaban}
	sumber = sumber_tersedia()
	masalah = []
	for row in doc.bukti:
		awal = _("Bukti baris {0} (kriteria {1})").format(row.idx, row.kriteria or "-")
		if row.kriteria not in kode:
			masalah.append(_("{0}: kode kriteria tidak ada pada LKE evaluasi ini").format(awal))
			continue
		if row.jenis == DOKUMEN_APLIKASI:
			masalah += _masalah_dokumen(doc, row, awal, sumber)
		elif row.jenis == UNGGAHAN and not row.berkas:
			masalah.append(_("{0}: unggah berkasnya pada kolom Berkas").format(awal))
		elif row.jenis == TAUTAN and not tautan_sah(row.tautan or ""):
			masalah.append(_("{0}: tautan harus alamat http(s) yang lengkap").format(awal))
	return masalah


def _masalah_dokumen(doc, row, awal: str, sumber: dict[str, SumberBukti]) -> list[str]:
	s = sumber.get(row.dokumen_doctype or "")
	if not s:
		return [
			_("{0}: {1} bukan dokumen aplikasi yang dapat menjadi bukti (pilihan: {2})").format(
				awal, row.dokumen_doctype or "-", ", ".join(sumber) or "-"
			)
		]
	milik = frappe.db.get_value(s.doctype, row.dokumen, s.field_opd) if row.dokumen else None
	if milik is None:
		return [_("{0}: {1} {2} tidak ada").format(awal, s.doctype, row.dokumen or "-")]
	if milik != doc.opd:
		return [
			_("{0}: {1} {2} milik OPD {3}, bukan OPD {4}; bukti hanya dari OPD sendiri").format(
				awal, s.doctype, row.dokumen, milik, doc.opd
			)
		]
	return []
