"""Export: the work paper as ``.xlsx`` bytes.

openpyxl (write-only) writes the cover, the styles, each data sheet's frame and header, validation,
protection and ``_meta``; the data rows are serialised by ``_BarisXml`` and inserted into each
sheet's ``sheetData`` after the save (``_sisipkan_baris``).
"""

import json
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from itertools import islice

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from sakip_evaluasi.domain.kertas_kerja.model import (
	_HURUF,
	_ILEGAL_XML,
	_INDIKATOR,
	_KENDALA,
	_KUNCI,
	_META_AWALAN,
	_POLARITAS,
	_REALISASI,
	_SATUAN,
	_UPAYA,
	FORMAT_ANGKA,
	FORMAT_META,
	JUDUL_META,
	JUDUL_SAMPUL,
	KOLOM,
	TEMPLATE_VERSION,
	LembarBidang,
	Sampul,
)
from sakip_evaluasi.domain.kertas_kerja.nilai import _angka_dokumen, _kanon_dokumen, _teks, _teks_tulis
from sakip_evaluasi.domain.kertas_kerja.tanda_tangan import _periksa_rahasia, _tanda_tangan
from sakip_evaluasi.domain.periode import ROMAWI_TRIWULAN

_LEBAR = (6, 60, 14, 11, 14, 14, 45, 45, 20)
_META_POTONGAN = 16000  # characters per _meta cell (Excel holds at most 32,767 UTF-16 units)
_PANJANG_SEL_MAKS = 32767  # characters (UTF-16 units) Excel holds in one cell
_BARIS_PER_POTONGAN = 500  # data rows encoded and compressed at a time

_KARAKTER_JUDUL_TERLARANG = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_JUDUL_CADANGAN = {JUDUL_SAMPUL.casefold(), JUDUL_META.casefold(), "history"}

_GAYA_JUDUL = "KK Judul"
_GAYA_TERKUNCI = "KK Terkunci"
_GAYA_TERKUNCI_ANGKA = "KK Terkunci Angka"
_GAYA_ISIAN_ANGKA = "KK Isian Angka"
_GAYA_ISIAN_TEKS = "KK Isian Teks"
_GAYA_SAMPUL_JUDUL = "KK Sampul Judul"
_GAYA_SAMPUL_LABEL = "KK Sampul Label"
_GAYA_SAMPUL_TEKS = "KK Sampul Teks"


def _judul_lembar(kode: Iterable[str]) -> list[str]:
	"""Sheet titles from the bidang codes: ≤ 31 chars, no invalid chars, unique ignoring case."""
	dipakai = set(_JUDUL_CADANGAN)
	hasil = []
	for satu in kode:
		dasar = _KARAKTER_JUDUL_TERLARANG.sub("-", _ILEGAL_XML.sub("", satu or ""))
		dasar = dasar.strip().strip("'").strip()[:31].strip().strip("'").strip() or "Bidang"
		judul, nomor = dasar, 1
		while judul.casefold() in dipakai:
			nomor += 1
			akhiran = f" ({nomor})"
			judul = dasar[: 31 - len(akhiran)].rstrip().rstrip("'") + akhiran
		dipakai.add(judul.casefold())
		hasil.append(judul)
	return hasil


def _daftarkan_gaya(wb: Workbook) -> dict[str, NamedStyle]:
	atas = Alignment(vertical="top")
	atas_bungkus = Alignment(vertical="top", wrap_text=True)
	terkunci = PatternFill("solid", fgColor="F2F2F2")
	isian = PatternFill("solid", fgColor="FFF2CC")
	bebas = Protection(locked=False)
	daftar = {}
	for gaya in (
		NamedStyle(
			_GAYA_JUDUL,
			font=Font(bold=True),
			fill=PatternFill("solid", fgColor="D9D9D9"),
			alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
		),
		NamedStyle(_GAYA_TERKUNCI, fill=terkunci, alignment=atas_bungkus),
		NamedStyle(_GAYA_TERKUNCI_ANGKA, fill=terkunci, alignment=atas, number_format=FORMAT_ANGKA),
		NamedStyle(
			_GAYA_ISIAN_ANGKA, fill=isian, alignment=atas, number_format=FORMAT_ANGKA, protection=bebas
		),
		NamedStyle(_GAYA_ISIAN_TEKS, fill=isian, alignment=atas_bungkus, protection=bebas),
		NamedStyle(_GAYA_SAMPUL_JUDUL, font=Font(bold=True, size=14)),
		NamedStyle(_GAYA_SAMPUL_LABEL, font=Font(bold=True), alignment=atas),
		NamedStyle(_GAYA_SAMPUL_TEKS, alignment=atas_bungkus),
	):
		wb.add_named_style(gaya)
		daftar[gaya.name] = gaya
	return daftar


def _lindungi(ws) -> None:
	"""Sheet protection without a password; resizing rows/columns stays allowed."""
	ws.protection.sheet = True
	ws.protection.formatColumns = False
	ws.protection.formatRows = False


def _atur_cetak(ws, judul_baris: str | None = None) -> None:
	"""Printed landscape on A4, every column on the page's width (as many pages down as needed); the
	rows ``judul_baris`` (e.g. ``"1:1"``, the header) repeated on every page."""
	ws.page_setup.orientation = "landscape"
	ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
	ws.page_setup.fitToWidth = 1
	ws.page_setup.fitToHeight = 0
	ws.sheet_properties.pageSetUpPr.fitToPage = True
	if judul_baris:
		ws.print_title_rows = judul_baris


def _sel(ws, nilai: object, gaya: str) -> WriteOnlyCell:
	sel = WriteOnlyCell(ws, nilai)
	sel.style = gaya
	return sel


def _validasi_ekspor(sampul: Sampul, lembar: Sequence[LembarBidang]) -> None:
	if sampul.triwulan not in ROMAWI_TRIWULAN:
		raise ValueError(f"Triwulan harus 1 sampai 4 (tertulis: {sampul.triwulan!r}).")
	if not lembar:
		raise ValueError("Tidak ada bidang untuk dibuatkan kertas kerja.")
	bidang: set[str] = set()
	for lb in lembar:
		if lb.bidang in bidang:
			raise ValueError(f"Bidang '{lb.bidang}' muncul lebih dari sekali.")
		bidang.add(lb.bidang)
		if not lb.baris:
			raise ValueError(f"Bidang '{lb.bidang}' tidak memiliki indikator untuk kertas kerja.")
		kunci: set[str] = set()
		for b in lb.baris:
			if not b.kunci or b.kunci != _teks(b.kunci) or b.kunci[0] == "=":
				raise ValueError(f"Kunci baris tidak sah pada bidang '{lb.bidang}': {b.kunci!r}.")
			if b.kunci in kunci:
				raise ValueError(
					f"Kunci baris '{b.kunci}' muncul lebih dari sekali pada bidang '{lb.bidang}'."
				)
			kunci.add(b.kunci)


def buat_workbook(sampul: Sampul, lembar: list[LembarBidang], rahasia: bytes) -> bytes:
	"""The work paper as ``.xlsx`` bytes: "Sampul", one protected sheet per bidang, hidden "_meta".

	Raises ValueError (Indonesian message) for data that cannot be exported: no bidang, a bidang
	without rows, duplicate bidang or row keys, a target that is not a number, a text longer than
	an Excel cell holds. Nothing is written before all of that is checked.
	"""
	_periksa_rahasia(rahasia)
	_validasi_ekspor(sampul, lembar)
	judul = _judul_lembar(lb.kode_bidang for lb in lembar)
	isi_lembar = [_isi_lembar(lb) for lb in lembar]

	wb = Workbook(write_only=True)
	gaya = _daftarkan_gaya(wb)
	_tulis_sampul(wb, sampul, lembar, judul)
	meta_lembar = []
	tanda_lembar = []
	xml_baris = []
	for lb, jd, isi in zip(lembar, judul, isi_lembar, strict=True):
		xml_baris.append(_tulis_lembar(wb, jd, isi, gaya))
		kunci = [b.kunci for b in lb.baris]
		meta_lembar.append({"judul": jd, "bidang": lb.bidang, "kode": lb.kode_bidang, "kunci": kunci})
		tanda_lembar.append(
			{"judul": jd, "bidang": lb.bidang, "kode": lb.kode_bidang, "kunci": kunci, "baris": isi.kanon}
		)
	kepala = {
		"versi": TEMPLATE_VERSION,
		"doctype": sampul.dokumen_doctype,
		"docname": sampul.dokumen_nama,
		"tahun": int(sampul.tahun),
		"triwulan": int(sampul.triwulan),
	}
	meta = {"format": FORMAT_META, **kepala, "lembar": meta_lembar}
	meta["tanda_tangan"] = _tanda_tangan(rahasia, kepala, tanda_lembar)
	_tulis_meta(wb, meta)
	wb.security = WorkbookProtection(lockStructure=True)
	kerangka = BytesIO()
	wb.save(kerangka)
	# openpyxl names each sheet's part while saving (ws.path)
	return _sisipkan_baris(kerangka.getvalue(), {ws.path.lstrip("/"): xml for ws, xml in xml_baris})


def _tulis_sampul(wb: Workbook, sampul: Sampul, lembar: Sequence[LembarBidang], judul: Sequence[str]) -> None:
	ws = wb.create_sheet(JUDUL_SAMPUL)
	ws.column_dimensions["A"].width = 26
	ws.column_dimensions["B"].width = 95
	ws.sheet_view.showGridLines = False

	def baris(label: str = "", nilai: object = None, gaya_nilai: str = _GAYA_SAMPUL_TEKS) -> None:
		sel = []
		if label:
			sel.append(_sel(ws, label, _GAYA_SAMPUL_LABEL))
		else:
			sel.append(None)
		if nilai is not None:
			sel.append(_sel(ws, _teks_tulis(nilai) if isinstance(nilai, str) else nilai, gaya_nilai))
		ws.append(sel)

	ws.append([_sel(ws, "KERTAS KERJA EVALUASI KINERJA TRIWULANAN (SAKIP)", _GAYA_SAMPUL_JUDUL)])
	ws.append([_sel(ws, _teks_tulis(sampul.instansi), _GAYA_SAMPUL_LABEL)])
	ws.append([])
	baris("Instansi", sampul.instansi)
	baris("Tahun", str(sampul.tahun))
	baris("Triwulan", ROMAWI_TRIWULAN[sampul.triwulan])
	baris("Batas waktu pengisian", sampul.batas_waktu)
	baris("Dokumen", f"{sampul.dokumen_doctype} {sampul.dokumen_nama}")
	baris("Versi templat", TEMPLATE_VERSION)
	ws.append([])
	ws.append(
		[_sel(ws, "Bidang", _GAYA_SAMPUL_LABEL), _sel(ws, "Lembar dan jumlah indikator", _GAYA_SAMPUL_LABEL)]
	)
	for lb, jd in zip(lembar, judul, strict=True):
		baris(lb.bidang, f"Lembar '{jd}' — {len(lb.baris)} indikator")
	ws.append([])
	ws.append([_sel(ws, "Petunjuk pengisian", _GAYA_SAMPUL_LABEL)])
	petunjuk = (
		"Isi kolom Realisasi dengan angka capaian triwulan ini (boleh desimal, mis. 1.234,5); "
		"kosongkan bila belum ada.",
		"Isi kolom Kendala/Hambatan dan Upaya/Solusi dengan kalimat singkat.",
		"Jangan mengubah kolom yang terkunci (No, Indikator, Satuan, Polaritas, Target).",
		"Jangan menambah, menghapus, atau menyalin baris dan lembar; jangan mengganti nama lembar.",
		"Jangan memakai rumus (=...); ketik nilainya langsung.",
		"Simpan sebagai Excel Workbook (.xlsx) tanpa kata sandi, bukan .xls, .xlsm, atau .csv, "
		"lalu unggah kembali sebelum batas waktu.",
	)
	for nomor, teks in enumerate(petunjuk, 1):
		ws.append([_sel(ws, f"{nomor}.", _GAYA_SAMPUL_LABEL), _sel(ws, teks, _GAYA_SAMPUL_TEKS)])
	_lindungi(ws)


@dataclass(frozen=True)
class _IsiLembar:
	"""A data sheet's rows as they will be written (the ``_BarisXml.baris`` arguments) and their
	canonical locked values for the signature; made before anything is written, so that data which
	cannot be exported is refused before openpyxl has started a sheet."""

	sel: list[tuple]
	kanon: list[list[str]]


def _isi_lembar(lb: LembarBidang) -> _IsiLembar:
	sel = []
	kanon = []
	for nomor, b in enumerate(lb.baris, 1):
		target = _angka_dokumen(b.target, f"Target '{b.indikator}'")
		realisasi = _angka_dokumen(b.realisasi, f"Realisasi '{b.indikator}'")
		indikator, satuan, polaritas = _teks(b.indikator), _teks(b.satuan), _teks(b.polaritas)
		baris = nomor + 1
		sel.append(
			(
				nomor,
				_teks_sel_ekspor(indikator, _INDIKATOR, baris),
				_teks_sel_ekspor(satuan, _SATUAN, baris),
				_teks_sel_ekspor(polaritas, _POLARITAS, baris),
				target,
				realisasi,
				_teks_sel_ekspor(b.kendala, _KENDALA, baris),
				_teks_sel_ekspor(b.upaya, _UPAYA, baris),
				b.kunci,
				b.dihitung,
			)
		)
		kanon.append([b.kunci, indikator, satuan, polaritas, _kanon_dokumen(target)])
	return _IsiLembar(sel, kanon)


def _teks_sel_ekspor(nilai: object, kolom: int, baris: int) -> str | None:
	"""``_teks_tulis``, refusing a text longer than an Excel cell holds (cutting it would lose it
	on the way back)."""
	teks = _teks_tulis(nilai)
	if teks and len(teks) > _PANJANG_SEL_MAKS // 2 and _panjang_excel(teks) > _PANJANG_SEL_MAKS:
		raise ValueError(
			f"Sel {_HURUF[kolom]}{baris} ({KOLOM[kolom]}): teks lebih dari 32.767 karakter, batas satu "
			f"sel Excel (awalnya: '{teks[:40]}…'). Persingkat teks di dokumen lalu unduh lagi."
		)
	return teks


def _tulis_lembar(
	wb: Workbook, judul: str, isi: _IsiLembar, gaya: dict[str, NamedStyle]
) -> tuple[object, Iterator[str]]:
	"""Write one bidang sheet's frame (columns, header, validation, protection) with openpyxl and
	serialise its data rows (``_BarisXml``); returns the sheet and its rows' XML, made as they are
	written into the archive.

	The input columns (Realisasi, Kendala/Hambatan, Upaya/Solusi) carry an unlocked column style;
	by ECMA-376 §18.3.1.13 a column style applies to every cell of the column not written in the
	sheet, so an empty input cell needs no cell of its own. Input cells holding a value get the same
	style explicitly; every other cell keeps the default locked protection.
	"""
	ws = wb.create_sheet(judul)
	for huruf, lebar in zip(_HURUF, _LEBAR, strict=True):
		ws.column_dimensions[huruf].width = lebar
	ws.column_dimensions[_HURUF[_KUNCI]].hidden = True
	for kolom, nama in (
		(_REALISASI, _GAYA_ISIAN_ANGKA),
		(_KENDALA, _GAYA_ISIAN_TEKS),
		(_UPAYA, _GAYA_ISIAN_TEKS),
	):
		dimensi = ws.column_dimensions[_HURUF[kolom]]
		contoh = gaya[nama]
		dimensi.protection = contoh.protection
		dimensi.fill = contoh.fill
		dimensi.alignment = contoh.alignment
		dimensi.number_format = contoh.number_format
	ws.freeze_panes = "A2"
	_atur_cetak(ws)
	ws.append([_sel(ws, teks, _GAYA_JUDUL) for teks in KOLOM])

	tulis = _BarisXml({nama: _sel(ws, None, nama).style_id for nama in gaya})
	xml = (tulis.baris(*sel) for sel in isi.sel)

	akhir = len(isi.sel) + 1
	dv = DataValidation(
		type="decimal",
		operator="between",
		formula1="-999999999999999",
		formula2="999999999999999",
		allow_blank=True,
		showErrorMessage=True,
		errorStyle="stop",
		errorTitle="Realisasi harus angka",
		error="Isi kolom Realisasi dengan angka (boleh desimal), atau kosongkan bila belum ada.",
		showInputMessage=True,
		promptTitle="Realisasi",
		prompt="Ketik angka realisasi triwulan ini.",
	)
	dv.add(f"{_HURUF[_REALISASI]}2:{_HURUF[_REALISASI]}{akhir}")
	ws.data_validations.append(dv)
	_lindungi(ws)
	return ws, xml


def _xml_escape(teks: str) -> str:
	if "&" in teks:
		teks = teks.replace("&", "&amp;")
	if "<" in teks:
		teks = teks.replace("<", "&lt;")
	if ">" in teks:
		teks = teks.replace(">", "&gt;")
	return teks


def _panjang_excel(teks: str) -> int:
	"""Length as Excel counts it (UTF-16 code units)."""
	return len(teks) + sum(1 for c in teks if ord(c) > 0xFFFF)


class _BarisXml:
	"""The ``<row>`` elements of a data sheet, written as openpyxl writes them in write-only mode
	(inline strings, numbers as ``%.16g``, no cell for an empty value, ``s`` the cellXfs index of
	the cell's style; byte for byte openpyxl 3.1's output for these cells) — but as one string per row, without a
	Cell object and an XML element per cell, which is where openpyxl's writer spends its time
	(the export's target: within 2× of openpyxl writing the bare cells). The texts come through
	``_teks_tulis`` (no characters illegal in XML, never a leading "=").
	"""

	def __init__(self, id_gaya: dict[str, int]) -> None:
		self.s_terkunci = f' s="{id_gaya[_GAYA_TERKUNCI]}"'
		self.s_terkunci_angka = f' s="{id_gaya[_GAYA_TERKUNCI_ANGKA]}"'
		self.s_isian_angka = f' s="{id_gaya[_GAYA_ISIAN_ANGKA]}"'
		self.s_isian_teks = f' s="{id_gaya[_GAYA_ISIAN_TEKS]}"'

	@staticmethod
	def teks(ref: str, teks: str | None, s: str = "") -> str:
		if teks is None:
			return ""
		ruang = ' xml:space="preserve"' if teks[0].isspace() or teks[-1].isspace() else ""
		return f'<c r="{ref}"{s} t="inlineStr"><is><t{ruang}>{_xml_escape(teks)}</t></is></c>'

	@staticmethod
	def angka(ref: str, angka: int | Decimal | None, s: str = "") -> str:
		if angka is None:
			return ""
		return f'<c r="{ref}"{s} t="n"><v>{float(angka):.16g}</v></c>'

	def baris(
		self,
		nomor: int,
		indikator: str | None,
		satuan: str | None,
		polaritas: str | None,
		target: Decimal | None,
		realisasi: Decimal | None,
		kendala: str | None,
		upaya: str | None,
		kunci: str,
		dihitung: bool = False,
	) -> str:
		r = nomor + 1  # the header is row 1
		teks, angka = self.teks, self.angka
		return (
			f'<row r="{r}">{angka(f"A{r}", nomor)}{teks(f"B{r}", indikator, self.s_terkunci)}'
			f"{teks(f'C{r}', satuan)}{teks(f'D{r}', polaritas)}"
			f"{angka(f'E{r}', target, self.s_terkunci_angka)}"
			# a computed indicator's realisasi comes from its components: locked like the target
			f"{angka(f'F{r}', realisasi, self.s_terkunci_angka if dihitung else self.s_isian_angka)}"
			f"{teks(f'G{r}', kendala, self.s_isian_teks)}{teks(f'H{r}', upaya, self.s_isian_teks)}"
			f"{teks(f'I{r}', kunci)}</row>"
		)


def _sisipkan_baris(kerangka: bytes, baris: dict[str, Iterator[str]]) -> bytes:
	"""The saved workbook with each data sheet's rows (``baris``: part name → ``<row>`` elements)
	inserted at the end of its ``sheetData``, after the header row openpyxl wrote; made and
	compressed a slice at a time, so the sheet's XML is never held whole."""
	keluaran = BytesIO()
	with (
		zipfile.ZipFile(BytesIO(kerangka)) as masuk,
		zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as keluar,
	):
		for info in masuk.infolist():
			isi = masuk.read(info)
			baru = zipfile.ZipInfo(info.filename, info.date_time)
			baru.compress_type = zipfile.ZIP_DEFLATED
			xml = baris.get(info.filename)
			if xml is None:
				keluar.writestr(baru, isi)
				continue
			akhir = isi.rindex(b"</sheetData>")
			with keluar.open(baru, "w") as berkas:
				berkas.write(isi[:akhir])
				while potongan := "".join(islice(xml, _BARIS_PER_POTONGAN)):
					berkas.write(potongan.encode())
				berkas.write(isi[akhir:])
	return keluaran.getvalue()


def _tulis_meta(wb: Workbook, meta: dict) -> None:
	ws = wb.create_sheet(JUDUL_META)
	ws.sheet_state = "veryHidden"
	teks = json.dumps(meta, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
	for awal in range(0, len(teks), _META_POTONGAN):
		ws.append([_META_AWALAN + teks[awal : awal + _META_POTONGAN]])
	_lindungi(ws)
