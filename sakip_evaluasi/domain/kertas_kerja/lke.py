"""The LKE workbook: an OPD's Evaluasi AKIP worksheet out to Excel and back.

Built on the work paper's machinery (``_periksa_berkas`` before openpyxl reads anything, the sheet
protection and styles, the texts as written and read, the signature of ``tanda_tangan``), for a
different sheet: one row per criterion.

Layout: "Sampul" (OPD, year, document, whose answers, instructions), one sheet "LKE" and a
``veryHidden`` "_meta" sheet (JSON, as the work paper's). Columns: No, Kode, Subkomponen, Kriteria,
Skala (locked) | Jawaban OPD, Catatan OPD, Jawaban Inspektorat, Catatan Inspektorat | Kunci
(hidden). Only the answering party's two columns are unlocked (``pihak``: "OPD" while the
self-assessment is with the OPD, "Inspektorat" during the review); the other party's are locked
and checked against the document. The signature covers the document, OPD, year, party and each
row's key, code, sub-component, criterion text and scale.

All or nothing: ``baca_workbook_lke`` returns every problem (each naming its sheet, row and column)
or the changes, never both.
"""

import hmac
import json
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from sakip_evaluasi.domain import akip
from sakip_evaluasi.domain.doctype import OPD
from sakip_evaluasi.domain.kertas_kerja.ekspor import _daftarkan_gaya, _lindungi, _sel
from sakip_evaluasi.domain.kertas_kerja.impor import _periksa_berkas, _rusak, _urai_meta
from sakip_evaluasi.domain.kertas_kerja.model import (
	_META_AWALAN,
	JUDUL_META,
	JUDUL_SAMPUL,
	HasilImpor,
	Kesalahan,
	Perubahan,
)
from sakip_evaluasi.domain.kertas_kerja.nilai import _rumus, _tampil, _teks, _teks_sel, _teks_tulis
from sakip_evaluasi.domain.kertas_kerja.tanda_tangan import _periksa_rahasia, tanda_tangan_data

FORMAT_LKE = "sakip_evaluasi/lke_akip"
VERSI_LKE = "1"
JUDUL_LKE = "LKE"
PIHAK_OPD = OPD  # the party is called as its DocType
PIHAK_INSPEKTORAT = "Inspektorat"
KOLOM_LKE = (
	"No",
	"Kode",
	"Subkomponen",
	"Kriteria",
	"Skala",
	"Jawaban OPD",
	"Catatan OPD",
	"Jawaban Inspektorat",
	"Catatan Inspektorat",
	"Kunci",
)
_HURUF = "ABCDEFGHIJ"
_LEBAR = (5, 8, 26, 70, 8, 10, 40, 12, 40, 18)
# The fields of each party's answer and note, and their columns (0-based).
ISIAN = {
	PIHAK_OPD: ("jawaban_opd", "catatan_opd"),
	PIHAK_INSPEKTORAT: ("jawaban_inspektorat", "catatan_inspektorat"),
}
_KOLOM_ISIAN = {PIHAK_OPD: (5, 6), PIHAK_INSPEKTORAT: (7, 8)}
_KUNCI = 9
# Cells of the cover that name the OPD and the year (a message about another OPD's workbook names them).
SEL_OPD = ("B", 4)
SEL_TAHUN = ("B", 5)


@dataclass(frozen=True)
class BarisLKE:
	"""One criterion of an evaluation; ``kunci`` is its answer row's name."""

	kunci: str
	kode: str
	subkomponen: str
	uraian: str
	skala: str
	jawaban_opd: str = ""
	catatan_opd: str = ""
	jawaban_inspektorat: str = ""
	catatan_inspektorat: str = ""


@dataclass(frozen=True)
class DokumenLKE:
	"""The evaluation the workbook is of, and whose answers it carries."""

	docname: str
	opd: str
	nama_opd: str
	tahun: int
	pihak: str
	baris: Sequence[BarisLKE]


def _kepala(d: DokumenLKE) -> dict:
	return {"versi": VERSI_LKE, "docname": d.docname, "opd": d.opd, "tahun": int(d.tahun), "pihak": d.pihak}


def _kanon(kunci: str, kode: str, sub: str, uraian: str, skala: str) -> list[str]:
	return [kunci, _teks(kode), _teks(sub), _teks(uraian), _teks(skala)]


def _tanda(rahasia: bytes, d: DokumenLKE, baris: list[list[str]]) -> str:
	return tanda_tangan_data(rahasia, {"format": FORMAT_LKE, **_kepala(d), "baris": baris})


# --------------------------------------------------------------------------- export


def buat_workbook_lke(d: DokumenLKE, rahasia: bytes) -> bytes:
	"""The worksheet of ``d`` as ``.xlsx`` bytes, signed with ``rahasia``."""
	_periksa_rahasia(rahasia)
	if d.pihak not in ISIAN:
		raise ValueError(f"Pihak pengisi {d.pihak!r} tidak dikenal.")
	if not d.baris:
		raise ValueError("Evaluasi ini tidak memiliki kriteria.")
	wb = Workbook(write_only=True)
	_daftarkan_gaya(wb)
	_sampul(wb, d)
	ws = wb.create_sheet(JUDUL_LKE)
	for huruf, lebar in zip(_HURUF, _LEBAR, strict=True):
		ws.column_dimensions[huruf].width = lebar
	ws.column_dimensions[_HURUF[_KUNCI]].hidden = True
	for kolom in _KOLOM_ISIAN[d.pihak]:
		ws.column_dimensions[_HURUF[kolom]].protection = Protection(locked=False)
	ws.freeze_panes = "A2"
	ws.append([_sel(ws, t, "KK Judul") for t in KOLOM_LKE])
	jawab, catat = _KOLOM_ISIAN[d.pihak]
	per_skala: dict[str, list[str]] = {}
	kanon = []
	for nomor, b in enumerate(d.baris, 1):
		nilai = (
			nomor,
			b.kode,
			b.subkomponen,
			b.uraian,
			b.skala,
			b.jawaban_opd,
			b.catatan_opd,
			b.jawaban_inspektorat,
			b.catatan_inspektorat,
			b.kunci,
		)
		sel = []
		for kolom, isi in enumerate(nilai):
			isian = kolom in (jawab, catat)
			sel.append(
				_sel(ws, isi if kolom == 0 else _teks_tulis(isi), "KK Isian Teks" if isian else "KK Terkunci")
			)
		ws.append(sel)
		per_skala.setdefault(b.skala, []).append(f"{_HURUF[jawab]}{nomor + 1}")
		kanon.append(_kanon(b.kunci, b.kode, b.subkomponen, b.uraian, b.skala))
	for skala, sel_skala in per_skala.items():
		pilihan = ",".join(akip.pilihan_jawaban(skala))
		dv = DataValidation(
			type="list",
			formula1=f'"{pilihan}"',
			allow_blank=True,
			showErrorMessage=True,
			errorTitle="Jawaban di luar skala",
			error=f"Pilih salah satu jawaban skala {skala}: {pilihan}.",
		)
		for sel_satu in sel_skala:
			dv.add(sel_satu)
		ws.data_validations.append(dv)
	_lindungi(ws)
	meta = {"format": FORMAT_LKE, **_kepala(d), "kunci": [b.kunci for b in d.baris]}
	meta["tanda_tangan"] = _tanda(rahasia, d, kanon)
	ws_meta = wb.create_sheet(JUDUL_META)
	ws_meta.sheet_state = "veryHidden"
	ws_meta.append([_META_AWALAN + json.dumps(meta, ensure_ascii=True, sort_keys=True)])
	_lindungi(ws_meta)
	wb.security = WorkbookProtection(lockStructure=True)
	keluaran = BytesIO()
	wb.save(keluaran)
	return keluaran.getvalue()


def _sampul(wb: Workbook, d: DokumenLKE) -> None:
	ws = wb.create_sheet(JUDUL_SAMPUL)
	ws.column_dimensions["A"].width = 24
	ws.column_dimensions["B"].width = 95
	ws.append([_sel(ws, "LEMBAR KERJA EVALUASI AKIP (PermenPANRB 88/2021)", "KK Sampul Judul")])
	ws.append([_sel(ws, _teks_tulis(d.nama_opd), "KK Sampul Label")])
	ws.append([])
	for label, nilai in (
		("OPD", f"{d.opd} — {d.nama_opd}"),
		("Tahun evaluasi", str(d.tahun)),
		("Dokumen", f"Evaluasi AKIP {d.docname}"),
		("Diisi oleh", d.pihak),
		("Versi templat", VERSI_LKE),
	):
		ws.append([_sel(ws, label, "KK Sampul Label"), _sel(ws, _teks_tulis(nilai), "KK Sampul Teks")])
	ws.append([])
	ws.append([_sel(ws, "Petunjuk pengisian", "KK Sampul Label")])
	kolom = " dan ".join(KOLOM_LKE[k] for k in _KOLOM_ISIAN[d.pihak])
	for nomor, teks in enumerate(
		(
			f"Isi hanya kolom {kolom} pada lembar LKE; kolom lain terkunci.",
			"Jawaban dipilih dari skala kriteria (kolom Skala): AA-E, A/B/C atau Y/T.",
			"Jangan mengubah teks kriteria, menambah, menghapus atau menyalin baris dan lembar.",
			"Simpan sebagai Excel Workbook (.xlsx), lalu unggah kembali pada dokumen Evaluasi AKIP.",
		),
		1,
	):
		ws.append([_sel(ws, f"{nomor}.", "KK Sampul Label"), _sel(ws, teks, "KK Sampul Teks")])
	_lindungi(ws)


# --------------------------------------------------------------------------- import


def baca_workbook_lke(
	isi: bytes, nama_file: str, harapan: DokumenLKE, rahasia: bytes, batas_ukuran: int
) -> HasilImpor:
	"""Check a returned LKE workbook against the evaluation as it is now: every problem, or the
	changes (``Perubahan.bidang`` is the criterion code, ``kolom`` the field name). Nothing is
	imported here."""
	_periksa_rahasia(rahasia)
	masalah = _periksa_berkas(isi, nama_file, batas_ukuran)
	if masalah:
		return HasilImpor([Kesalahan("", None, None, m) for m in masalah], [])
	with warnings.catch_warnings():
		warnings.simplefilter("ignore")
		try:
			wb = load_workbook(BytesIO(isi), read_only=True, data_only=False, keep_links=False)
		except Exception:
			return _rusak()
		try:
			return _PemeriksaLKE(harapan, rahasia).periksa(wb)
		except Exception:
			return _rusak()
		finally:
			wb.close()


class _PemeriksaLKE:
	def __init__(self, harapan: DokumenLKE, rahasia: bytes) -> None:
		self.h = harapan
		self.rahasia = rahasia
		self.kesalahan: list[Kesalahan] = []
		self.perubahan: list[Perubahan] = []

	def salah(self, lembar: str, baris: int | None, kolom: str | None, pesan: str) -> None:
		self.kesalahan.append(Kesalahan(lembar, baris, kolom, pesan))

	def hasil(self) -> HasilImpor:
		return HasilImpor(self.kesalahan, []) if self.kesalahan else HasilImpor([], self.perubahan)

	def periksa(self, wb) -> HasilImpor:
		if JUDUL_META not in wb.sheetnames or JUDUL_LKE not in wb.sheetnames:
			self.salah(
				"",
				None,
				None,
				"Berkas ini bukan LKE dari sistem (lembar LKE atau _meta tidak ditemukan). Unduh LKE dari "
				"dokumen Evaluasi AKIP, lalu isi berkas tersebut.",
			)
			return self.hasil()
		meta = self._meta(wb)
		if meta is None or not self._kepala_cocok(meta):
			return self.hasil()
		for nama in wb.sheetnames:
			if nama not in (JUDUL_SAMPUL, JUDUL_LKE, JUDUL_META):
				self.salah(nama, None, None, f"Lembar '{nama}' tidak dikenal; jangan menambah lembar.")
		kanon = self._lembar(wb[JUDUL_LKE])
		if not self.kesalahan and not hmac.compare_digest(
			_tanda(self.rahasia, self.h, kanon), str(meta.get("tanda_tangan", ""))
		):
			self.salah(
				"",
				None,
				None,
				"Tanda tangan LKE tidak cocok: kolom terkunci, baris atau lembar telah diubah. Unduh ulang LKE "
				"dari sistem.",
			)
		return self.hasil()

	def _meta(self, wb) -> dict | None:
		meta = _urai_meta(wb[JUDUL_META])
		if meta is None or meta.get("format") != FORMAT_LKE or meta.get("versi") != VERSI_LKE:
			self.salah(
				JUDUL_META, None, None, "Lembar _meta rusak atau bukan LKE versi ini; unduh ulang LKE."
			)
			return None
		return meta

	def _kepala_cocok(self, meta: dict) -> bool:
		h = self.h
		if (meta.get("opd"), meta.get("tahun")) != (h.opd, int(h.tahun)):
			huruf, baris = SEL_OPD if meta.get("opd") != h.opd else SEL_TAHUN
			self.salah(
				JUDUL_SAMPUL,
				baris,
				huruf,
				f"Sel {huruf}{baris} (Sampul): berkas ini LKE OPD {meta.get('opd')} tahun {meta.get('tahun')}, "
				f"bukan OPD {h.opd} tahun {h.tahun} (Evaluasi AKIP {h.docname}). Unduh LKE dari dokumen ini.",
			)
			return False
		if meta.get("docname") != h.docname:
			self.salah("", None, None, f"Berkas ini untuk dokumen {meta.get('docname')}, bukan {h.docname}.")
			return False
		if meta.get("pihak") != h.pihak:
			self.salah(
				JUDUL_SAMPUL,
				7,
				"B",
				f"Sel B7 (Sampul): berkas ini untuk isian {meta.get('pihak')}, sedangkan evaluasi sekarang "
				f"diisi {h.pihak}. Unduh ulang LKE.",
			)
			return False
		return True

	def _lembar(self, ws) -> list[list[str]]:
		ws.reset_dimensions()
		harapan = {b.kunci: b for b in self.h.baris}
		dilihat: dict[str, int] = {}
		kanon = []
		jawab, catat = _KOLOM_ISIAN[self.h.pihak]
		lain = next(v for k, v in _KOLOM_ISIAN.items() if k != self.h.pihak)
		for nomor, baris in enumerate(ws.iter_rows(values_only=True), 1):
			baris = (tuple(baris) + (None,) * len(KOLOM_LKE))[: len(KOLOM_LKE)]
			if nomor == 1:
				for k, (isi, judul) in enumerate(zip(baris, KOLOM_LKE, strict=True)):
					if _teks_sel(isi) != judul:
						self.salah(
							JUDUL_LKE, 1, _HURUF[k], f"Sel {_HURUF[k]}1: judul kolom seharusnya '{judul}'."
						)
				continue
			if all(v is None or v == "" for v in baris):
				continue
			ada_rumus = False
			for k, isi in enumerate(baris):
				if _rumus(isi):
					ada_rumus = True
					self.salah(
						JUDUL_LKE, nomor, _HURUF[k], f"Sel {_HURUF[k]}{nomor} berisi rumus; ketik nilainya."
					)
			kunci = _teks_sel(baris[_KUNCI])
			b = harapan.get(kunci)
			if b is None or kunci in dilihat:
				self.salah(
					JUDUL_LKE,
					nomor,
					None,
					f"Baris {nomor}: baris tambahan atau salinan (kunci {kunci or 'kosong'}); jangan menambah "
					"atau menyalin baris.",
				)
				continue
			dilihat[kunci] = nomor
			kanon.append(_kanon(kunci, *(_teks_sel(baris[k]) for k in (1, 2, 3, 4))))
			if ada_rumus:
				continue
			for k, lama in ((1, b.kode), (2, b.subkomponen), (3, b.uraian), (4, b.skala)):
				if _teks_sel(baris[k]) != _teks(lama):
					self._terkunci(nomor, k, baris[k], lama, b.kode)
			for k, field in zip(lain, ISIAN[next(p for p in ISIAN if p != self.h.pihak)], strict=True):
				if _teks_sel(baris[k]) != _teks(getattr(b, field)):
					self._terkunci(nomor, k, baris[k], getattr(b, field), b.kode)
			self._isian(nomor, baris, b, jawab, catat)
		for kunci, b in harapan.items():
			if kunci not in dilihat:
				self.salah(
					JUDUL_LKE,
					None,
					None,
					f"Kriteria {b.kode} tidak ada di lembar LKE; jangan menghapus baris.",
				)
		return kanon

	def _terkunci(self, nomor: int, kolom: int, berkas: object, dokumen: object, kode: str) -> None:
		huruf = _HURUF[kolom]
		self.salah(
			JUDUL_LKE,
			nomor,
			huruf,
			f"Sel {huruf}{nomor} ({KOLOM_LKE[kolom]}, kriteria {kode}) terkunci dan telah diubah: berkas "
			f"berisi {_tampil(berkas)}, dokumen berisi {_tampil(dokumen)}. Unduh ulang LKE.",
		)

	def _isian(self, nomor: int, baris: tuple, b: BarisLKE, jawab: int, catat: int) -> None:
		f_jawab, f_catat = ISIAN[self.h.pihak]
		jawaban = _teks_sel(baris[jawab]).upper()
		huruf = _HURUF[jawab]
		try:
			salah = akip.masalah_jawaban(b.skala, jawaban)
		except akip.JawabanTidakSah as e:
			salah = str(e)
		if salah:
			self.salah(JUDUL_LKE, nomor, huruf, f"Sel {huruf}{nomor} (kriteria {b.kode}): {salah}.")
		elif jawaban != (getattr(b, f_jawab) or ""):
			self.perubahan.append(Perubahan(b.kode, b.kunci, f_jawab, getattr(b, f_jawab), jawaban))
		catatan = _teks_sel(baris[catat])
		if catatan != _teks(getattr(b, f_catat)):
			self.perubahan.append(Perubahan(b.kode, b.kunci, f_catat, getattr(b, f_catat), catatan))
