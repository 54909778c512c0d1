"""The LKE workbook of an Evaluasi AKIP in the desk: download the worksheet, upload it filled back
(the endpoints: ``sakip_evaluasi.api.akip.unduh_lke`` / ``impor_lke``).

The workbook (layout, signature, every check of a returned file) is the frappe-free
``domain.kertas_kerja.lke``; the site's signing key, the upload limit, the answer of a refused file
and the reading of an uploaded or attached file are the Excel work paper's (``aturan.kertas_kerja``).

Whose columns: while the self-assessment is with the OPD (*Penilaian Mandiri*, *Dikembalikan*) the
workbook carries the OPD's answer and note as its input columns; while the review is with the
Inspektorat (*Diajukan*, *Direviu*, *Disetujui*) the Inspektorat's. An import is all or nothing: the
whole file is checked first, then every change is written with one ``save()`` as the uploading user
(so the evaluation's own rules — whose columns, the note where the Inspektorat differs, the scores —
run as for a save from the form) inside a savepoint; any refusal undoes it all.
"""

import frappe
from frappe import _
from frappe.utils import cint, escape_html, strip_html

from sakip_evaluasi.aturan.akip import STATUS_INSPEKTORAT, STATUS_OPD
from sakip_evaluasi.aturan.kertas_kerja import (
	batas_ukuran,
	berkas_unggahan,
	hasil_ditolak,
	isi_berkas_terlampir,
	rahasia,
	semua_atau_tidak,
)
from sakip_evaluasi.domain.doctype import AKIP
from sakip_evaluasi.domain.kertas_kerja import Kesalahan
from sakip_evaluasi.domain.kertas_kerja.lke import (
	PIHAK_INSPEKTORAT,
	PIHAK_OPD,
	BarisLKE,
	DokumenLKE,
	baca_workbook_lke,
	buat_workbook_lke,
)

_KOLOM = [
	"name",
	"kriteria",
	"subkomponen",
	"uraian",
	"skala",
	"jawaban_opd",
	"catatan_opd",
	"jawaban_inspektorat",
	"catatan_inspektorat",
]


def pihak_pengisi(state: str | None) -> str | None:
	"""Whose answers the workbook of an evaluation in ``state`` carries; None when nobody fills it."""
	if state in STATUS_OPD:
		return PIHAK_OPD
	if state in STATUS_INSPEKTORAT:
		return PIHAK_INSPEKTORAT
	return None


def _dokumen_lke(doc, baris) -> DokumenLKE:
	pihak = pihak_pengisi(doc.workflow_state)
	if pihak is None:
		frappe.throw(
			_(
				"Evaluasi AKIP {0} berstatus {1}: LKE tidak lagi diisi. Cetak Laporan Hasil Evaluasi untuk "
				"hasilnya."
			).format(doc.name, _(doc.workflow_state)),
			title=_("LKE tidak dapat diisi"),
		)
	return DokumenLKE(
		docname=doc.name,
		opd=doc.opd,
		nama_opd=doc.nama_opd or doc.opd,
		tahun=cint(doc.tahun),
		pihak=pihak,
		baris=[
			BarisLKE(
				kunci=r.name,
				kode=r.kriteria,
				subkomponen=r.subkomponen,
				uraian=r.uraian or "",
				skala=r.skala,
				jawaban_opd=r.jawaban_opd or "",
				catatan_opd=r.catatan_opd or "",
				jawaban_inspektorat=r.jawaban_inspektorat or "",
				catatan_inspektorat=r.catatan_inspektorat or "",
			)
			for r in baris
		],
	)


def buat_lke_excel(evaluasi: str) -> tuple[str, bytes]:
	"""The LKE workbook of an evaluation the session user may read: (file name, .xlsx bytes)."""
	frappe.has_permission(AKIP, "read", evaluasi, throw=True)
	kepala = frappe.db.get_value(
		AKIP, evaluasi, ["name", "opd", "nama_opd", "tahun", "workflow_state"], as_dict=True
	)
	baris = frappe.get_all(
		"Jawaban Kriteria AKIP",
		filters={"parent": evaluasi, "parenttype": AKIP, "parentfield": "jawaban"},
		fields=_KOLOM,
		order_by="idx asc",
	)
	d = _dokumen_lke(kepala, baris)
	return f"LKE {evaluasi} ({d.pihak}).xlsx", buat_workbook_lke(d, rahasia())


def impor_lke_excel(
	evaluasi: str, file_url: str | None = None, isi: bytes | None = None, nama_file: str = ""
) -> dict:
	"""Check a filled LKE workbook (``isi``, else the File ``file_url`` attached to the evaluation,
	else the file uploaded with the request) and write its answers, all or nothing. Returns
	``{"berhasil", "pesan", "kesalahan", "perubahan", "dokumen"}`` as the work paper's import."""
	doc = frappe.get_doc(AKIP, evaluasi)
	doc.check_permission("write")
	d = _dokumen_lke(doc, doc.jawaban)
	if isi is None:
		isi, nama_file = isi_berkas_terlampir(doc, file_url) if file_url else berkas_unggahan()
	hasil = baca_workbook_lke(isi, nama_file or "", d, rahasia(), batas_ukuran())
	if hasil.kesalahan:
		return hasil_ditolak(hasil.kesalahan)
	if not hasil.perubahan:
		return {
			"berhasil": True,
			"pesan": _("Tidak ada perubahan: isi berkas sama dengan Evaluasi AKIP {0}.").format(doc.name),
			"kesalahan": [],
			"perubahan": [],
			"dokumen": [],
		}
	baris = {r.name: r for r in doc.jawaban}
	for p in hasil.perubahan:
		baris[p.kunci].set(p.kolom, p.baru or None)
	_simpan, ditolak = semua_atau_tidak("impor_lke", doc.save)
	if ditolak:
		return ditolak
	doc.add_comment(
		"Info",
		_("LKE diimpor dari berkas {0}: {1} isian diubah.").format(
			escape_html(nama_file), len(hasil.perubahan)
		),
	)
	return {
		"berhasil": True,
		"pesan": _("{0} isian pada {1} kriteria diperbarui.").format(
			len(hasil.perubahan), len({p.kunci for p in hasil.perubahan})
		),
		"kesalahan": [],
		"perubahan": [
			{"kriteria": p.bidang, "kolom": p.kolom, "lama": p.lama or "", "baru": p.baru or ""}
			for p in hasil.perubahan
		],
		"dokumen": [doc.name],
	}
