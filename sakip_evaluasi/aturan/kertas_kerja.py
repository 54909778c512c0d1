"""Kertas kerja (Excel work paper) in the desk: download it from a document, upload it filled back
(the endpoints: ``sakip_evaluasi.api.kertas_kerja``).

The workbook itself (layout, signature, every check of a returned file) is the frappe-free
``sakip_evaluasi.domain.kertas_kerja``; this module maps documents to it and writes the result.

Which document holds what
-------------------------
- **Data Kinerja Bidang** (one bidang): a workbook with one sheet; the row key is the
  ``Baris Data Kinerja`` name. Import writes Realisasi, Kendala/Hambatan and Upaya/Solusi into
  that document.
- **Kertas Kerja Evaluasi** (whole agency): one sheet per bidang; the row key is the
  ``Baris Kertas Kerja`` name, which each distributed Data Kinerja Bidang row carries in
  ``baris_kertas_kerja``, so a workbook exported before distribution still imports after it.
  Once a bidang has its Data Kinerja Bidang, its sheet shows (and its import writes) that
  document's rows: realisasi belongs to the bidang's document while the bidang fills it, and the
  Kertas Kerja rows receive it only through the recap (``siklus.rekap``). So an import on the Kertas
  Kerja Evaluasi writes into the bidang documents, is possible only while the paper is
  *Didistribusikan*, and every bidang document it changes must be editable by the uploading
  user in its own state (in practice: the Subkoordinator corrects data a bidang has submitted).
  Sheets without changes are not written, so their documents' state does not matter.

Rules of an import
------------------
1. The uploading user must be allowed to change the document in its current workflow state
   (the state's "Only Allow Edit For" roles, and write permission including the User Permission
   on Bidang); a Kepala Bidang, editing as such, only for the bidang they head.
2. The whole file is checked first (``baca_workbook``); any problem: nothing is written and every
   problem is returned (sheet, row, column, message).
3. All changes are written with one ``save()`` per changed document, as the uploading user, so
   the controllers recompute capaian and enforce the workflow edit rights; all inside one
   savepoint: an error in any save undoes every write of the import.
4. A file identical to the document changes nothing (no save, ``modified`` untouched).

The HMAC key signing the workbooks is derived from the site's ``encryption_key``: a workbook of
one site is foreign to another.
"""

import hashlib
import hmac
import re
from collections import defaultdict
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path

import frappe
from frappe import _
from frappe.utils import cint, get_datetime
from frappe.utils.password import get_encryption_key

from sakip_evaluasi.aturan.alur_kerja import isian_terbuka, pesan_bukan_pengubah
from sakip_evaluasi.domain.capaian import urai_realisasi
from sakip_evaluasi.domain.doctype import DKB, KKE
from sakip_evaluasi.domain.kertas_kerja import (
	BarisKinerja,
	HarapanImpor,
	Kesalahan,
	LembarBidang,
	Perubahan,
	Sampul,
	baca_workbook,
	buat_workbook,
)
from sakip_evaluasi.domain.peran import KEPALA_BIDANG, SUBKOOR
from sakip_evaluasi.domain.periode import nomor_triwulan
from sakip_evaluasi.pejabat.pemegang import kepala_bidang, peran_di_dokumen, sebutan_bidang

STATUS_IMPOR_KKE = "Didistribusikan"
BATAS_UKURAN_BAWAAN_MB = 5
JENIS_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KOLOM_ISIAN = {"realisasi": "Realisasi", "kendala": "Kendala/Hambatan", "upaya": "Upaya/Solusi"}
# Roles that may edit a bidang's data without being its Kepala Bidang (when the state allows them).
_PERAN_PENGELOLA = {SUBKOOR, "System Manager"}
_AMBIGU = re.compile(r"-?[1-9][0-9]{0,2},[0-9]{3}")


# --------------------------------------------------------------------------- settings and secret


def rahasia() -> bytes:
	"""The workbook signing key of this site, derived from its ``encryption_key``."""
	return hmac.new(
		get_encryption_key().encode(), b"sakip_evaluasi/kertas_kerja/tanda_tangan", hashlib.sha256
	).digest()


def pastikan_kunci_situs() -> None:
	"""Make the site's ``encryption_key`` now (install, migrate), not at its first use. Frappe creates
	it lazily; on a new site whose first work papers are downloaded by several gunicorn workers at
	once, each worker made its own key, signed with it and wrote it to site_config.json, the last
	write winning: the work papers signed with the others were refused at upload as foreign."""
	get_encryption_key()


def batas_ukuran() -> int:
	"""The upload limit in bytes (Pengaturan SAKIP, default 5 MB)."""
	mb = cint(frappe.db.get_single_value("Pengaturan SAKIP", "batas_ukuran_unggah_mb"))
	return (mb if mb > 0 else BATAS_UKURAN_BAWAAN_MB) * 1024 * 1024


def teks_realisasi(angka: Decimal | None) -> str | None:
	"""A realisasi as stored in the Data field: decimal comma, no thousands separator, and never
	the ambiguous shape ``1,234`` (written ``1,2340``) so that ``urai_angka`` reads it back exactly."""
	if angka is None:
		return None
	teks = format(angka, "f").replace(".", ",")
	return teks + "0" if _AMBIGU.fullmatch(teks) else teks


# --------------------------------------------------------------------------- documents → workbook


def _periksa_doctype(doctype: str) -> None:
	if doctype not in (DKB, KKE):
		frappe.throw(
			_("Kertas kerja Excel hanya tersedia untuk Data Kinerja Bidang dan Kertas Kerja Evaluasi.")
		)


def _tidak_berhak(doctype: str, docname: str) -> None:
	frappe.throw(
		_("Anda tidak berhak membuka {0} {1}.").format(_(doctype), docname),
		frappe.PermissionError,
		title=_("Tidak diizinkan"),
	)


def _dokumen(doctype: str, docname: str):
	"""The whole document (to be changed), when the session user may read it."""
	_periksa_doctype(doctype)
	if not docname or not frappe.db.exists(doctype, docname):
		frappe.throw(_("{0} {1} tidak ditemukan.").format(_(doctype), docname), frappe.DoesNotExistError)
	doc = frappe.get_doc(doctype, docname)
	if not frappe.has_permission(doctype, "read", doc):
		_tidak_berhak(doctype, docname)
	return doc


def _kepala(doctype: str, docname: str, fields: list[str]):
	"""Only the parent fields of a document the session user may read (export reads rows with
	``get_all``: building thousands of child Documents would cost more than writing the workbook)."""
	_periksa_doctype(doctype)
	if not frappe.has_permission(doctype, "read"):
		_tidak_berhak(doctype, docname)
	hasil = frappe.get_list(doctype, filters={"name": docname}, fields=fields, limit=1)
	if not hasil:
		if not frappe.db.exists(doctype, docname):
			frappe.throw(_("{0} {1} tidak ditemukan.").format(_(doctype), docname), frappe.DoesNotExistError)
		_tidak_berhak(doctype, docname)
	return hasil[0]


_KOLOM_BARIS = ["name", "idx", "indikator", "nama_indikator", "satuan", "polaritas", "target_tw", "realisasi"]


def _baris_anak(doctype_anak: str, doctype_induk: str, induk: list[str], tambahan: list[str]) -> list:
	if not induk:
		return []
	return frappe.get_all(
		doctype_anak,
		filters={"parenttype": doctype_induk, "parentfield": "baris", "parent": ("in", induk)},
		fields=[*_KOLOM_BARIS, "parent", *tambahan],
		order_by="idx asc",
	)


def _realisasi(row) -> Decimal | None:
	try:
		return urai_realisasi(row.realisasi)
	except ValueError as e:
		frappe.throw(_("Baris {0} ({1}): {2}").format(row.idx, row.nama_indikator or row.indikator, e))


def _baris(kunci: str, row) -> BarisKinerja:
	return BarisKinerja(
		kunci=kunci,
		indikator=row.nama_indikator or row.indikator,
		satuan=row.satuan or "",
		polaritas=row.polaritas or "",
		target=row.target_tw,
		realisasi=_realisasi(row),
		kendala=row.get("kendala") or "",
		upaya=row.get("upaya") or "",
		dihitung=row.get("jenis_indikator") == "Rumus",
	)


def kunci_baris_dkb(row) -> str:
	"""Row key of a Data Kinerja Bidang row in a whole-agency workbook: its Kertas Kerja row."""
	return row.baris_kertas_kerja or row.name


def lembar_dkb(kepala, rows) -> list[LembarBidang]:
	"""The one sheet of a Data Kinerja Bidang (``kepala`` has bidang and kode_bidang)."""
	kode = kepala.kode_bidang or frappe.db.get_value("Bidang", kepala.bidang, "kode") or kepala.bidang
	return [LembarBidang(kepala.bidang, kode, [_baris(r.name, r) for r in rows])]


def dkb_per_bidang(evaluasi: str) -> dict:
	"""The Data Kinerja Bidang (whole documents) of an evaluation, per bidang."""
	return {
		d.bidang: frappe.get_doc(DKB, d.name)
		for d in frappe.get_all(DKB, filters={"evaluasi": evaluasi}, fields=["name", "bidang"])
	}


def lembar_kke(baris_kke, baris_dkb: dict[str, list]) -> list[LembarBidang]:
	"""One sheet per bidang of the paper, in the paper's order; a distributed bidang's sheet shows
	its Data Kinerja Bidang rows (``baris_dkb[bidang]``), keyed by their Kertas Kerja row."""
	per_bidang: dict[str, list] = defaultdict(list)
	for row in baris_kke:
		per_bidang[row.bidang].append(row)
	kode = dict(
		frappe.get_all(
			"Bidang",
			filters={"name": ("in", list(per_bidang) or [""])},
			fields=["name", "kode"],
			as_list=True,
		)
	)
	lembar = []
	for bidang, rows in per_bidang.items():
		if bidang in baris_dkb:
			baris = [_baris(kunci_baris_dkb(r), r) for r in baris_dkb[bidang]]
		else:
			baris = [_baris(r.name, r) for r in rows]
		lembar.append(LembarBidang(bidang, kode.get(bidang) or bidang, baris))
	return lembar


def _tanggal(nilai) -> str:
	return get_datetime(nilai).strftime("%d-%m-%Y pukul %H.%M") if nilai else "-"


def sampul_dokumen(doctype: str, kepala, batas_waktu) -> Sampul:
	return Sampul(
		instansi=(frappe.db.get_value("OPD", kepala.opd, "nama_opd") if kepala.get("opd") else None) or "",
		tahun=cint(kepala.tahun),
		triwulan=nomor_triwulan(kepala.triwulan),
		batas_waktu=_tanggal(batas_waktu),
		dokumen_doctype=doctype,
		dokumen_nama=kepala.name,
	)


def buat_kertas_kerja(doctype: str, docname: str) -> tuple[str, bytes]:
	"""The work paper of a document the session user may read: (file name, .xlsx bytes)."""
	if doctype == DKB:
		kepala = _kepala(
			DKB, docname, ["name", "opd", "tahun", "triwulan", "bidang", "kode_bidang", "batas_waktu"]
		)
		rows = _baris_anak("Baris Data Kinerja", DKB, [kepala.name], ["kendala", "upaya", "jenis_indikator"])
		sampul, lembar = sampul_dokumen(DKB, kepala, kepala.batas_waktu), lembar_dkb(kepala, rows)
	else:
		kepala = _kepala(KKE, docname, ["name", "opd", "tahun", "triwulan", "evaluasi"])
		baris_kke = _baris_anak("Baris Kertas Kerja", KKE, [kepala.name], ["bidang"])
		dkb = frappe.get_all(
			DKB, filters={"evaluasi": kepala.evaluasi}, fields=["name", "bidang", "batas_waktu"]
		)
		bidang = {d.name: d.bidang for d in dkb}
		baris_dkb: dict[str, list] = {d.bidang: [] for d in dkb}
		for r in _baris_anak(
			"Baris Data Kinerja",
			DKB,
			list(bidang),
			["kendala", "upaya", "baris_kertas_kerja", "jenis_indikator"],
		):
			baris_dkb[bidang[r.parent]].append(r)
		batas = min((d.batas_waktu for d in dkb if d.batas_waktu), default=None)
		sampul, lembar = sampul_dokumen(KKE, kepala, batas), lembar_kke(baris_kke, baris_dkb)
	try:
		isi = buat_workbook(sampul, lembar, rahasia())
	except ValueError as e:
		frappe.throw(_("Kertas kerja tidak dapat dibuat: {0}").format(e), title=_("Kertas kerja"))
	return f"Kertas Kerja {kepala.name}.xlsx", isi


# --------------------------------------------------------------------------- who may import


def alasan_tidak_boleh_mengubah(doc) -> str | None:
	"""Why the session user may not change ``doc`` now (Bahasa Indonesia), or None when they may."""
	user = frappe.session.user
	if user == "Administrator":
		return None
	peran = set(frappe.get_roles(user))
	if doc.doctype == DKB and KEPALA_BIDANG in peran and not peran & _PERAN_PENGELOLA:
		if user not in kepala_bidang(doc.bidang).berwenang:
			return _("Anda bukan Kepala {0} ({1}): kertas kerja bidang lain tidak dapat diimpor.").format(
				sebutan_bidang(doc.bidang), doc.bidang
			)
	if not frappe.has_permission(doc.doctype, "write", doc, user=user):
		return _("Anda tidak berhak mengubah {0} {1}.").format(_(doc.doctype), doc.name)
	if isian_terbuka(doc.doctype, doc.get("workflow_state"), peran_di_dokumen(doc, user), doc) is None:
		return pesan_bukan_pengubah(doc, doc.get("workflow_state"))
	return None


def pastikan_boleh_impor(doc) -> None:
	alasan = alasan_tidak_boleh_mengubah(doc)
	if not alasan and doc.doctype == KKE and doc.workflow_state != STATUS_IMPOR_KKE:
		alasan = _(
			"Kertas Kerja Evaluasi {0} berstatus {1}: kertas kerja seluruh bidang hanya dapat diimpor saat "
			"berstatus {2}; isiannya disimpan ke Data Kinerja Bidang masing-masing bidang."
		).format(doc.name, doc.workflow_state, STATUS_IMPOR_KKE)
	if alasan:
		frappe.throw(alasan, frappe.PermissionError, title=_("Impor kertas kerja tidak diizinkan"))


# --------------------------------------------------------------------------- import


def impor_kertas_kerja(doctype: str, docname: str, isi: bytes, nama_file: str) -> dict:
	"""Check an uploaded work paper against the document and write its changes, all or nothing.

	Raises PermissionError when the session user may not import into the document now; otherwise
	returns ``{"berhasil", "pesan", "kesalahan": [...], "perubahan": [...], "dokumen": [...]}``.
	"""
	doc = _dokumen(doctype, docname)
	pastikan_boleh_impor(doc)
	return _impor(doc, isi, nama_file)


def _impor(doc, isi: bytes, nama_file: str) -> dict:
	"""The import into ``doc``, which the session user may import into (checked by the caller)."""
	doctype = doc.doctype
	if doctype == DKB:
		tujuan = {doc.bidang: doc}
		lembar = lembar_dkb(doc, doc.baris)
	else:
		tujuan = dkb_per_bidang(doc.evaluasi)
		semua = lembar_kke(doc.baris, {b: d.baris for b, d in tujuan.items()})
		lembar = [lb for lb in semua if lb.bidang in tujuan]
	harapan = HarapanImpor(doctype, doc.name, cint(doc.tahun), nomor_triwulan(doc.triwulan), lembar)
	hasil = baca_workbook(isi, nama_file or "", harapan, rahasia(), batas_ukuran())
	if hasil.kesalahan:
		return hasil_ditolak(hasil.kesalahan)
	if not hasil.perubahan:
		return {
			"berhasil": True,
			"pesan": _("Tidak ada perubahan: isi berkas sama dengan data pada dokumen."),
			"kesalahan": [],
			"perubahan": [],
			"dokumen": [],
		}

	per_bidang: dict[str, list[Perubahan]] = defaultdict(list)
	for p in hasil.perubahan:
		per_bidang[p.bidang].append(p)
	if doctype == KKE:
		kode = {lb.bidang: lb.kode_bidang for lb in lembar}
		kesalahan = [
			Kesalahan(kode[bidang], None, None, alasan)
			for bidang in per_bidang
			if (alasan := alasan_tidak_boleh_mengubah(tujuan[bidang]))
		]
		if kesalahan:
			return hasil_ditolak(kesalahan)
	return _tulis([(tujuan[b], ps) for b, ps in per_bidang.items()], nama_file)


def hasil_ditolak(kesalahan: list[Kesalahan]) -> dict:
	return {
		"berhasil": False,
		"pesan": _("Berkas ditolak ({0} kesalahan). Tidak ada data yang diubah.").format(len(kesalahan)),
		"kesalahan": [asdict(k) for k in kesalahan],
		"perubahan": [],
		"dokumen": [],
	}


def semua_atau_tidak(titik: str, tulis):
	"""Run ``tulis()`` (the saves of an import) inside the savepoint ``titik``: ``(its result, None)``,
	or, when a save is refused, every write undone, its messages dropped and ``(None, the refused
	answer)`` naming the reason."""
	jumlah_pesan = len(frappe.local.message_log)
	frappe.db.savepoint(titik)
	try:
		hasil = tulis()
	except (frappe.ValidationError, frappe.PermissionError) as e:
		frappe.db.rollback(save_point=titik)
		del frappe.local.message_log[jumlah_pesan:]
		pesan = frappe.utils.strip_html(str(e).replace("<br>", " ")) or _("Penyimpanan gagal.")
		return None, hasil_ditolak(
			[Kesalahan("", None, None, _("Data tidak dapat disimpan: {0}").format(pesan))]
		)
	frappe.db.release_savepoint(titik)
	return hasil, None


def _tampil(nilai) -> str:
	if nilai is None or nilai == "":
		return ""
	if isinstance(nilai, Decimal):
		return format(nilai, "f").replace(".", ",")
	return str(nilai)


def _tulis(tugas: list[tuple], nama_file: str) -> dict:
	"""Apply the changes, one save per document as the session user, inside one savepoint."""
	titik = "impor_kertas_kerja"
	jumlah_pesan = len(frappe.local.message_log)
	ringkasan = []
	frappe.db.savepoint(titik)
	try:
		for doc, perubahan in tugas:
			baris = {r.name: r for r in doc.baris}
			baris.update({kunci_baris_dkb(r): r for r in doc.baris})
			for p in perubahan:
				row = baris[p.kunci]
				row.set(p.kolom, teks_realisasi(p.baru) if p.kolom == "realisasi" else p.baru)
			doc.save()
			doc.add_comment(
				"Info",
				_("Kertas kerja diimpor dari berkas {0}: {1} isian diubah.").format(
					frappe.utils.escape_html(nama_file), len(perubahan)
				),
			)
			for p in perubahan:
				row = baris[p.kunci]
				ringkasan.append(
					{
						"dokumen": doc.name,
						"bidang": doc.bidang,
						"indikator": row.nama_indikator or row.indikator,
						"kolom": KOLOM_ISIAN[p.kolom],
						"lama": _tampil(p.lama),
						"baru": _tampil(p.baru),
						"capaian": row.capaian if row.predikat else None,
						"predikat": row.predikat or "",
					}
				)
	except (frappe.ValidationError, frappe.PermissionError) as e:
		frappe.db.rollback(save_point=titik)
		del frappe.local.message_log[jumlah_pesan:]
		pesan = frappe.utils.strip_html(str(e)) or _("Penyimpanan gagal.")
		return hasil_ditolak([Kesalahan("", None, None, _("Data tidak dapat disimpan: {0}").format(pesan))])
	frappe.db.release_savepoint(titik)
	baris_berubah = {(r["dokumen"], r["indikator"]) for r in ringkasan}
	return {
		"berhasil": True,
		"pesan": _("{0} isian pada {1} indikator diperbarui.").format(len(ringkasan), len(baris_berubah)),
		"kesalahan": [],
		"perubahan": ringkasan,
		"dokumen": [doc.name for doc, _p in tugas],
	}


def isi_berkas_terlampir(doc, file_url: str) -> tuple[bytes, str]:
	"""The bytes and name of the File ``file_url`` attached to ``doc``, as stored on disk.

	Only a file attached to this very document is read (a file of another document, or one that
	does not exist, gets the same answer, so nothing is told about files the user may not see), and
	only as bytes: ``File.get_content()`` would hand back ``str`` for content that decodes as UTF-8
	(a text file named ``.xlsx``), which the workbook reader then refuses like any other non-workbook.
	"""
	rows = frappe.get_all(
		"File",
		filters={
			"file_url": file_url,
			"attached_to_doctype": doc.doctype,
			"attached_to_name": doc.name,
			"is_folder": 0,
		},
		pluck="name",
		order_by="creation desc",
		limit=1,
	)
	if not rows:
		frappe.throw(
			_(
				"Berkas {0} tidak terlampir pada {1} {2}. Lampirkan kertas kerja pada dokumen ini, atau "
				"unggah berkasnya langsung."
			).format(file_url, _(doc.doctype), doc.name),
			title=_("Berkas tidak ditemukan"),
		)
	berkas = frappe.get_doc("File", rows[0])
	if not frappe.has_permission("File", "read", berkas):
		frappe.throw(
			_("Anda tidak berhak membaca berkas {0}.").format(file_url),
			frappe.PermissionError,
			title=_("Tidak diizinkan"),
		)
	nama_file = berkas.file_name or file_url
	if berkas.is_remote_file or not (file_url.startswith(("/files/", "/private/files/"))):
		frappe.throw(
			_(
				"Berkas {0} bukan berkas yang tersimpan di situs ini. Unduh berkasnya, lalu unggah sebagai "
				"kertas kerja (.xlsx)."
			).format(nama_file),
			title=_("Berkas tidak dapat dibaca"),
		)
	try:
		with open(berkas.get_full_path(), "rb") as f:
			return f.read(), nama_file
	except OSError:
		frappe.throw(
			_(
				"Isi berkas {0} tidak ditemukan di server (mungkin sudah dihapus). Lampirkan atau unggah "
				"kertas kerjanya lagi."
			).format(nama_file),
			title=_("Berkas tidak ditemukan"),
		)


def berkas_unggahan() -> tuple[bytes, str]:
	"""The bytes and name of the file uploaded with the request (multipart field ``file``)."""
	berkas = frappe.request.files.get("file") if getattr(frappe, "request", None) else None
	if not berkas:
		frappe.throw(_("Pilih berkas kertas kerja (.xlsx) untuk diunggah."), title=_("Berkas belum dipilih"))
	return berkas.stream.read(), berkas.filename or ""


def impor_berkas(doctype: str, docname: str, file_url: str | None = None) -> dict:
	"""Import a filled work paper: the file uploaded with the request (multipart ``file``) or the
	File ``file_url`` attached to the document.

	Every route answers the same way: the document and the right to import into it are checked
	first, then the file is read as bytes and checked by the workbook reader; a problem is a
	Bahasa Indonesia message (ValidationError, PermissionError or the refused result), never a
	crash, and nothing is written.
	"""
	doc = _dokumen(doctype, docname)
	pastikan_boleh_impor(doc)
	isi, nama_file = isi_berkas_terlampir(doc, file_url) if file_url else berkas_unggahan()
	return _impor(doc, isi, nama_file)
