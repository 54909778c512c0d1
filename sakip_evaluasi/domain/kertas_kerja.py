"""Kertas kerja (Excel work paper) of a quarterly performance evaluation: out to a bidang and back.

The Sekretariat exports one ``.xlsx`` per evaluation document (one data sheet per bidang);
the Kepala Bidang fills Realisasi, Kendala/Hambatan and Upaya/Solusi and uploads it again.
``baca_workbook`` checks everything before anything is imported and returns every problem
at once, in Bahasa Indonesia.

Pure Python + openpyxl; never import frappe here.

Decisions
---------
Numbers typed as text (``urai_angka``): optional sign, digits, ``.`` and ``,`` only (no spaces,
units or ``%``).

- Both ``.`` and ``,`` present: the one that comes last is the decimal separator (it must occur
  once), the other separates thousands in groups of three: ``1.234,5`` and ``1,234.5`` → 1234.5.
- One kind, occurring more than once: thousands separator in groups of three:
  ``1.234.567`` → 1234567.
- One kind, occurring once: decimal separator (``1234,5`` and ``1234.5`` → 1234.5), except the
  ambiguous shape of 1–3 digits (not starting with 0), the separator, and exactly three digits
  (``1.234``, ``12,500``): that is refused with a message, because Indonesian and English
  writing read it 1000× apart.

Numeric cells are taken as they are. Every number is kept to 15 significant digits (what Excel
stores reliably), so a file that is exported and imported unchanged yields no change.

Blank cells: a blank Realisasi means "not filled" (None); blank Kendala/Upaya mean "". A blank is
a change only when the document holds a value (the Kabid cleared it; the workbook is exported
pre-filled with the current values, so leaving a cell alone is never a change). Texts are trimmed
and line endings become ``\\n``.

A workbook may hold a subset of the document's bidang; only the sheets present are imported.

Workbook layout
---------------
"Sampul" (cover and instructions), one sheet per bidang (title from ``kode_bidang``), and a
``veryHidden`` "_meta" sheet holding a JSON document (column A, in chunks prefixed with "~"):
format, template version, doctype, docname, tahun, triwulan, per sheet its title, bidang, kode
and row keys, and ``tanda_tangan`` = HMAC-SHA256(rahasia, canonical JSON of all that plus every
row's kunci, indikator, satuan, polaritas and target as they read back). The workbook structure
and every sheet are protected without a password; the check on import is what counts.

Data sheet columns: No, Indikator, Satuan, Polaritas, Target (locked) | Realisasi,
Kendala/Hambatan, Upaya/Solusi (unlocked) | Kunci (hidden, locked). ``Kesalahan.kolom`` is the
column title where there is one, else the column letter; ``Kesalahan.baris`` the Excel row.

openpyxl (write-only) writes the workbook: cover, styles, each data sheet's frame and header,
validation, protection, ``_meta``. The data rows themselves are serialised by ``_BarisXml`` and
inserted into each sheet's ``sheetData`` after the save (``_sisipkan_baris``): the same XML
openpyxl would write for those cells, at a fraction of its cost.
"""

import hashlib
import hmac
import json
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_EVEN, Context, Decimal, InvalidOperation
from io import BytesIO
from itertools import islice

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from sakip_evaluasi.domain.capaian import ROMAWI_TRIWULAN

__all__ = [
	"TEMPLATE_VERSION",
	"BarisKinerja",
	"LembarBidang",
	"Sampul",
	"HarapanImpor",
	"Kesalahan",
	"Perubahan",
	"HasilImpor",
	"buat_workbook",
	"baca_workbook",
	"urai_angka",
]

TEMPLATE_VERSION = "1"
FORMAT_META = "sakip_evaluasi/kertas_kerja"
JUDUL_SAMPUL = "Sampul"
JUDUL_META = "_meta"

KOLOM = (
	"No",
	"Indikator",
	"Satuan",
	"Polaritas",
	"Target",
	"Realisasi",
	"Kendala/Hambatan",
	"Upaya/Solusi",
	"Kunci",
)
_LEBAR = (6, 60, 14, 11, 14, 14, 45, 45, 20)
(_NO, _INDIKATOR, _SATUAN, _POLARITAS, _TARGET, _REALISASI, _KENDALA, _UPAYA, _KUNCI) = range(len(KOLOM))
_JUMLAH_KOLOM = len(KOLOM)
_HURUF = tuple(get_column_letter(i + 1) for i in range(_JUMLAH_KOLOM))
FORMAT_ANGKA = "#,##0.00"

# Limits checked on the zip directory before openpyxl sees the file.
BATAS_URAI_MAKS = 100 * 1024 * 1024  # total uncompressed size never above 100 MB …
KALI_UKURAN_URAI = 20  # … nor above 20 × the upload limit
RASIO_KOMPRESI_MAKS = 200  # per part bigger than 1 MB uncompressed
_UKURAN_RASIO_DIPERIKSA = 1024 * 1024
BAGIAN_MAKS = 2000
BARIS_LEBIH_MAKS = 1000  # rows beyond the expected ones after which reading a sheet stops
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_META_POTONGAN = 16000  # characters per _meta cell (Excel holds at most 32,767 UTF-16 units)
_PANJANG_SEL_MAKS = 32767  # characters (UTF-16 units) Excel holds in one cell
_BARIS_PER_POTONGAN = 500  # data rows encoded and compressed at a time
_META_AWALAN = "~"  # so no _meta cell can start with "=" and be taken for a formula

_ILEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_KARAKTER_JUDUL_TERLARANG = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_JUDUL_CADANGAN = {JUDUL_SAMPUL.casefold(), JUDUL_META.casefold(), "history"}
_POLA_ANGKA = re.compile(r"[+-]?[0-9](?:[0-9.,]*[0-9])?")
_KONTEKS15 = Context(prec=15, rounding=ROUND_HALF_EVEN, Emax=MAX_EMAX, Emin=MIN_EMIN)

_GAYA_JUDUL = "KK Judul"
_GAYA_TERKUNCI = "KK Terkunci"
_GAYA_TERKUNCI_ANGKA = "KK Terkunci Angka"
_GAYA_ISIAN_ANGKA = "KK Isian Angka"
_GAYA_ISIAN_TEKS = "KK Isian Teks"
_GAYA_SAMPUL_JUDUL = "KK Sampul Judul"
_GAYA_SAMPUL_LABEL = "KK Sampul Label"
_GAYA_SAMPUL_TEKS = "KK Sampul Teks"


# --- data ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisKinerja:
	"""One indicator row; ``kunci`` is a stable row key (the Frappe child row name)."""

	kunci: str
	indikator: str
	satuan: str
	polaritas: str
	target: Decimal | None
	realisasi: Decimal | None = None
	kendala: str = ""
	upaya: str = ""


@dataclass(frozen=True)
class LembarBidang:
	bidang: str
	kode_bidang: str
	baris: list[BarisKinerja]


@dataclass(frozen=True)
class Sampul:
	instansi: str
	tahun: int
	triwulan: int
	batas_waktu: str
	dokumen_doctype: str
	dokumen_nama: str


@dataclass(frozen=True)
class HarapanImpor:
	"""What the document holds now: the rows with their current values."""

	dokumen_doctype: str
	dokumen_nama: str
	tahun: int
	triwulan: int
	lembar: list[LembarBidang]


@dataclass(frozen=True)
class Kesalahan:
	"""One problem; ``lembar`` is "" for the file as a whole, ``baris`` the Excel row number."""

	lembar: str
	baris: int | None
	kolom: str | None
	pesan: str


@dataclass(frozen=True)
class Perubahan:
	"""One changed input cell; ``kolom`` is "realisasi", "kendala" or "upaya"."""

	bidang: str
	kunci: str
	kolom: str
	lama: Decimal | str | None
	baru: Decimal | str | None


@dataclass(frozen=True)
class HasilImpor:
	"""``perubahan`` is only filled when ``kesalahan`` is empty."""

	kesalahan: list[Kesalahan] = field(default_factory=list)
	perubahan: list[Perubahan] = field(default_factory=list)

	@property
	def berhasil(self) -> bool:
		return not self.kesalahan


# --- values -------------------------------------------------------------------------------------


def _teks(nilai: object) -> str:
	"""A text as it is compared and stored: XML-safe, ``\\n`` line endings, trimmed."""
	if nilai is None:
		return ""
	teks = nilai if isinstance(nilai, str) else str(nilai)
	if "\r" in teks:
		teks = teks.replace("\r\n", "\n").replace("\r", "\n")
	return _ILEGAL_XML.sub("", teks).strip()


def _teks_tulis(nilai: object) -> str | None:
	"""A text for a cell; one starting with "=" gets a leading space so it stays text."""
	teks = _teks(nilai)
	if not teks:
		return None
	return " " + teks if teks[0] == "=" else teks


def _angka15(nilai: int | float | Decimal) -> Decimal:
	"""A finite number to 15 significant digits, in plain (non-exponent) form."""
	hasil = _KONTEKS15.plus(Decimal(nilai))
	if not hasil:
		return Decimal(0)
	hasil = hasil.normalize(_KONTEKS15)
	if hasil.as_tuple().exponent > 0:
		hasil = Decimal(format(hasil, "f"))
	return hasil


def _angka_dokumen(nilai: object, apa: str) -> Decimal | None:
	"""A number held by the document (target/realisasi), normalised like a cell read back."""
	if nilai is None or nilai == "":
		return None
	try:
		if isinstance(nilai, bool):
			raise InvalidOperation
		angka = Decimal(nilai.strip()) if isinstance(nilai, str) else Decimal(nilai)
	except (InvalidOperation, TypeError, ValueError):
		raise ValueError(f"{apa} bukan angka: {nilai!r}.") from None
	if not angka.is_finite():
		raise ValueError(f"{apa} bukan angka: {nilai!r}.")
	return _angka15(angka)


def _kanon_dokumen(angka: Decimal | None) -> str:
	return "" if angka is None else format(angka, "f")


def _kanon_sel(nilai: object) -> str:
	"""Canonical text of a locked number cell as read back (compared and signed)."""
	if nilai is None or nilai == "":
		return ""
	jenis = type(nilai)
	if jenis is int or jenis is float:
		if jenis is float and not (nilai == nilai and abs(nilai) != float("inf")):
			return f"x:{nilai!r}"
		return format(_angka15(nilai), "f")
	if jenis is str:
		return "s:" + _teks(nilai)
	return f"x:{jenis.__name__}:{nilai}"


def _tampil(nilai: object) -> str:
	"""A value in a message: Indonesian decimal comma for numbers, quotes for texts."""
	if nilai is None or nilai == "":
		return "(kosong)"
	if isinstance(nilai, Decimal):
		return format(nilai, "f").replace(".", ",")
	if isinstance(nilai, int | float) and not isinstance(nilai, bool):
		return format(_angka15(nilai), "f").replace(".", ",") if nilai == nilai else repr(nilai)
	return f"'{nilai}'"


def urai_angka(teks: str) -> Decimal:
	"""A number written as text, by the rule in the module docstring; ValueError (Indonesian) if not.

	>>> urai_angka("1.234,5"), urai_angka("1234.5"), urai_angka("1,234.5"), urai_angka("1234,5")
	(Decimal('1234.5'), Decimal('1234.5'), Decimal('1234.5'), Decimal('1234.5'))
	"""
	asli = teks
	teks = teks.strip()
	if not _POLA_ANGKA.fullmatch(teks):
		raise ValueError(
			f"'{asli}' bukan angka. Tulis angka saja tanpa satuan, huruf, spasi, atau tanda %, "
			"mis. 1234,5 atau 1.234,5."
		)
	tanda = ""
	if teks[0] in "+-":
		tanda = "-" if teks[0] == "-" else ""
		teks = teks[1:]
	ada_titik, ada_koma = "." in teks, "," in teks
	if ada_titik and ada_koma:
		desimal = "." if teks.rfind(".") > teks.rfind(",") else ","
		ribuan = "," if desimal == "." else "."
		if teks.count(desimal) != 1:
			raise ValueError(
				f"'{asli}' bukan angka yang sah: tanda desimal '{desimal}' muncul lebih dari sekali."
			)
		bulat, pecahan = teks.split(desimal)
		bulat = _tanpa_ribuan(bulat, ribuan, asli)
	elif ada_titik or ada_koma:
		pemisah = "." if ada_titik else ","
		if teks.count(pemisah) > 1:
			bulat, pecahan = _tanpa_ribuan(teks, pemisah, asli), ""
		else:
			bulat, pecahan = teks.split(pemisah)
			if len(pecahan) == 3 and len(bulat) <= 3 and bulat[0] != "0":
				raise ValueError(
					f"'{asli}' ambigu: tanda '{pemisah}' dapat berarti pemisah ribuan atau desimal. "
					f"Tulis tanpa pemisah ribuan (mis. {bulat}{pecahan}), dengan angka desimal yang jelas "
					f"(mis. {bulat},{pecahan}0), atau ketik sebagai angka di sel."
				)
	else:
		bulat, pecahan = teks, ""
	return Decimal(f"{tanda}{bulat}.{pecahan}" if pecahan else f"{tanda}{bulat}")


def _tanpa_ribuan(teks: str, pemisah: str, asli: str) -> str:
	kelompok = teks.split(pemisah)
	if (
		not 1 <= len(kelompok[0]) <= 3
		or (kelompok[0][0] == "0" and len(kelompok) > 1)
		or any(len(k) != 3 for k in kelompok[1:])
	):
		raise ValueError(
			f"'{asli}' bukan angka yang sah: pemisah ribuan '{pemisah}' harus memisahkan setiap tiga angka "
			"(mis. 1.234.567,5)."
		)
	return "".join(kelompok)


class _Salah(Exception):
	pass


def _urai_realisasi(nilai: object) -> Decimal | None:
	"""Realisasi from a cell: None for blank; raises _Salah with an Indonesian message."""
	if nilai is None:
		return None
	jenis = type(nilai)
	if jenis is int:
		return _angka15(nilai)
	if jenis is float:
		if nilai != nilai or abs(nilai) == float("inf"):
			raise _Salah("Realisasi bukan angka yang sah.")
		return _angka15(nilai)
	if jenis is str:
		if not nilai.strip():
			return None
		try:
			return _angka15(urai_angka(nilai))
		except ValueError as e:
			raise _Salah(f"Realisasi {e}") from None
	if jenis is bool:
		raise _Salah("Realisasi harus angka, bukan nilai logika (TRUE/FALSE).")
	if isinstance(nilai, datetime | date | time | timedelta):
		raise _Salah("Realisasi terbaca sebagai tanggal/waktu; ketik sebagai angka biasa.")
	raise _Salah(f"Realisasi bukan angka: {nilai!r}.")


def _teks_sel(nilai: object) -> str:
	"""A text cell as read back; a number typed into a text column becomes its usual text."""
	if nilai is None:
		return ""
	if type(nilai) is str:
		return _teks(nilai)
	if type(nilai) is float and nilai.is_integer() and abs(nilai) < 2**53:
		return str(int(nilai))
	return _teks(nilai)


def _rumus(nilai: object) -> bool:
	"""A formula cell as openpyxl reads it with ``data_only=False`` (or text starting with "=")."""
	return (type(nilai) is str and nilai[:1] == "=") or isinstance(nilai, ArrayFormula | DataTableFormula)


def _ukuran(bita: int) -> str:
	if bita < 1024 * 1024:
		return f"{bita / 1024:.0f} KB"
	return f"{bita / 1024 / 1024:.1f} MB".replace(".", ",")


def _periode(tahun: object, triwulan: object) -> str:
	return f"Triwulan {ROMAWI_TRIWULAN.get(triwulan, triwulan)} {tahun}"


# --- signature ----------------------------------------------------------------------------------


def _tanda_tangan(rahasia: bytes, kepala: dict, lembar: list[dict]) -> str:
	"""HMAC-SHA256 over a canonical JSON of the document, period, version and locked rows."""
	data = {
		"format": FORMAT_META,
		"versi": kepala["versi"],
		"doctype": kepala["doctype"],
		"docname": kepala["docname"],
		"tahun": kepala["tahun"],
		"triwulan": kepala["triwulan"],
		"lembar": lembar,
	}
	kanon = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":")).encode("ascii")
	return hmac.new(rahasia, kanon, hashlib.sha256).hexdigest()


def _periksa_rahasia(rahasia: bytes) -> None:
	if not isinstance(rahasia, bytes | bytearray) or not rahasia:
		raise ValueError("Rahasia penanda tangan kertas kerja harus berupa bytes dan tidak boleh kosong.")


# --- export -------------------------------------------------------------------------------------


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
	ws.page_setup.orientation = "landscape"
	ws.page_setup.fitToWidth = 1
	ws.page_setup.fitToHeight = 0
	ws.sheet_properties.pageSetUpPr.fitToPage = True
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
	(issue 5: export within 2× of openpyxl writing the bare cells). The texts come through
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
	) -> str:
		r = nomor + 1  # the header is row 1
		teks, angka = self.teks, self.angka
		return (
			f'<row r="{r}">{angka(f"A{r}", nomor)}{teks(f"B{r}", indikator, self.s_terkunci)}'
			f"{teks(f'C{r}', satuan)}{teks(f'D{r}', polaritas)}"
			f"{angka(f'E{r}', target, self.s_terkunci_angka)}"
			f"{angka(f'F{r}', realisasi, self.s_isian_angka)}"
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


# --- import -------------------------------------------------------------------------------------


def _periksa_berkas(isi: bytes, nama_file: str, batas_ukuran: int) -> list[str]:
	"""Checks on the bytes and the zip directory, before openpyxl reads anything."""
	if not (nama_file or "").strip().lower().endswith(".xlsx"):
		return [
			f"Jenis berkas tidak didukung: '{nama_file}'. Unggah berkas Excel Workbook .xlsx "
			"(bukan .xls, .xlsm, atau .csv)."
		]
	if isinstance(isi, str):
		# e.g. a text file given a .xlsx name, whose content a caller read back as text
		return [f"Berkas '{nama_file}' berisi teks biasa, bukan buku kerja Excel (.xlsx)."]
	if not isinstance(isi, bytes | bytearray | memoryview):
		return ["Berkas rusak atau bukan .xlsx: isinya tidak dapat dibuka."]
	isi = bytes(isi)
	if not isi:
		return ["Berkas kosong (0 bita)."]
	if len(isi) > batas_ukuran:
		return [f"Ukuran berkas {_ukuran(len(isi))} melebihi batas {_ukuran(batas_ukuran)}."]
	if isi[:8] == _OLE2:
		return [
			"Berkas dilindungi kata sandi atau bukan .xlsx (format Excel lama). Buka di Excel, hapus kata "
			"sandi, lalu simpan sebagai Excel Workbook (.xlsx)."
		]
	try:
		zf = zipfile.ZipFile(BytesIO(isi))
		daftar = zf.infolist()
	except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
		return ["Berkas rusak atau bukan .xlsx: isinya tidak dapat dibuka."]
	with zf:
		if len(daftar) > BAGIAN_MAKS:
			return [f"Berkas ditolak: berisi terlalu banyak bagian ({len(daftar)})."]
		batas_urai = min(BATAS_URAI_MAKS, KALI_UKURAN_URAI * batas_ukuran)
		total = sum(info.file_size for info in daftar)
		if total > batas_urai:
			return [
				f"Berkas ditolak: ukuran isi setelah diurai ({_ukuran(total)}) melebihi batas "
				f"{_ukuran(batas_urai)}; berkas mungkin berbahaya (zip bomb)."
			]
		for info in daftar:
			if info.file_size > _UKURAN_RASIO_DIPERIKSA and info.file_size > RASIO_KOMPRESI_MAKS * max(
				info.compress_size, 1
			):
				return [
					f"Berkas ditolak: rasio kompresi bagian '{info.filename}' tidak wajar "
					f"({info.file_size // max(info.compress_size, 1)}×); berkas mungkin berbahaya (zip bomb)."
				]
		nama = {info.filename.lower() for info in daftar}
		if any(n.endswith("vbaproject.bin") for n in nama):
			return [
				"Berkas berisi makro (VBA) dan ditolak. Simpan sebagai Excel Workbook (.xlsx) tanpa makro."
			]
		if "[content_types].xml" not in nama or "xl/workbook.xml" not in nama:
			return ["Berkas rusak atau bukan .xlsx: bagian buku kerja tidak ditemukan."]
		try:
			jenis = zf.read("[Content_Types].xml") if "[Content_Types].xml" in zf.namelist() else b""
			if b"macroEnabled" in jenis:
				return [
					"Berkas berisi makro (VBA) dan ditolak. Simpan sebagai Excel Workbook (.xlsx) tanpa makro."
				]
			for info in daftar:
				if info.filename.lower().endswith((".xml", ".rels", ".vml")):
					with zf.open(info) as bagian:
						awal = bagian.read(2048)
					if b"<!DOCTYPE" in awal or b"<!ENTITY" in awal:
						return ["Berkas ditolak: berisi deklarasi DTD/entitas XML yang tidak diizinkan."]
		except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
			return ["Berkas rusak atau bukan .xlsx: isinya tidak dapat dibuka."]
	return []


def baca_workbook(
	isi: bytes, nama_file: str, harapan: HarapanImpor, rahasia: bytes, batas_ukuran: int
) -> HasilImpor:
	"""Check a returned work paper against what the document holds; every problem or the changes.

	Nothing is imported here: the caller applies ``perubahan`` only when ``kesalahan`` is empty.
	File-level problems (name, size, zip, password, zip bomb, macro, corrupt, not our template,
	other version/document/period) stop the check; otherwise all sheet and row problems are
	collected. ``batas_ukuran`` is the upload limit in bytes; the uncompressed content may be at
	most ``min(20 × batas_ukuran, 100 MB)``.
	"""
	_periksa_rahasia(rahasia)
	pemeriksa = _Pemeriksa(harapan, rahasia)  # a bad ``harapan`` is the caller's bug: ValueError
	masalah = _periksa_berkas(isi, nama_file, batas_ukuran)
	if masalah:
		return HasilImpor([Kesalahan("", None, None, m) for m in masalah], [])
	with warnings.catch_warnings():
		warnings.simplefilter("ignore")  # openpyxl warns about Excel extensions it does not read
		try:
			wb = load_workbook(BytesIO(isi), read_only=True, data_only=False, keep_links=False)
		except Exception:
			return _rusak()
		try:
			return pemeriksa.periksa(wb)
		except Exception:  # a part openpyxl cannot parse, a CRC error while streaming a sheet, ...
			return _rusak()
		finally:
			wb.close()


def _rusak() -> HasilImpor:
	return HasilImpor(
		[Kesalahan("", None, None, "Berkas rusak: tidak dapat dibaca sebagai buku kerja Excel (.xlsx).")], []
	)


class _Pemeriksa:
	"""One import check; ``periksa`` runs it on an openpyxl read-only workbook."""

	def __init__(self, harapan: HarapanImpor, rahasia: bytes) -> None:
		self.wb = None
		self.harapan = harapan
		self.rahasia = rahasia
		self.kesalahan: list[Kesalahan] = []
		self.perubahan: list[Perubahan] = []
		self.bidang_harapan: dict[str, LembarBidang] = {}
		# target and realisasi of the document, normalised once: {bidang: {kunci: (target, realisasi)}}
		self.angka: dict[str, dict[str, tuple[Decimal | None, Decimal | None]]] = {}
		for lb in harapan.lembar:
			if lb.bidang in self.bidang_harapan:
				raise ValueError(f"Bidang '{lb.bidang}' muncul lebih dari sekali pada harapan impor.")
			self.bidang_harapan[lb.bidang] = lb
			self.angka[lb.bidang] = {
				b.kunci: (
					_angka_dokumen(b.target, f"Target '{b.indikator}'"),
					_angka_dokumen(b.realisasi, f"Realisasi '{b.indikator}'"),
				)
				for b in lb.baris
			}

	def salah(self, lembar: str, baris: int | None, kolom: str | None, pesan: str) -> None:
		self.kesalahan.append(Kesalahan(lembar, baris, kolom, pesan))

	def hasil(self) -> HasilImpor:
		if self.kesalahan:
			return HasilImpor(self.kesalahan, [])
		return HasilImpor([], self.perubahan)

	def periksa(self, wb) -> HasilImpor:
		self.wb = wb
		nama_lembar = wb.sheetnames
		if JUDUL_META not in nama_lembar:
			if all(self._kosong(n) for n in nama_lembar):
				self.salah("", None, None, "Berkas kosong: tidak ada isian pada buku kerja.")
			else:
				self.salah(
					"",
					None,
					None,
					"Berkas ini bukan kertas kerja dari sistem (lembar _meta tidak ditemukan). Unduh kertas "
					"kerja dari dokumen, lalu isi berkas tersebut.",
				)
			return self.hasil()
		meta = self._baca_meta()
		if meta is None or not self._periksa_kepala(meta):
			return self.hasil()

		judul_meta = {lm["judul"] for lm in meta["lembar"]}
		for nama in nama_lembar:
			if nama not in judul_meta and nama not in (JUDUL_SAMPUL, JUDUL_META):
				self.salah(
					nama,
					None,
					None,
					f"Lembar '{nama}' tidak dikenal; jangan menambah atau mengganti nama lembar.",
				)
		if JUDUL_SAMPUL in nama_lembar:
			self._periksa_rumus_lembar(JUDUL_SAMPUL)

		tanda_lembar = []
		lengkap = True
		ada_lembar_data = False
		for lm in meta["lembar"]:
			judul, bidang = lm["judul"], lm["bidang"]
			if judul not in nama_lembar:
				self.salah(judul, None, None, f"Lembar '{judul}' untuk bidang '{bidang}' tidak ditemukan.")
				lengkap = False
				continue
			ada_lembar_data = True
			lb = self.bidang_harapan.get(bidang)
			if lb is None:
				self.salah(
					judul,
					None,
					None,
					f"Lembar '{judul}' berisi data bidang '{bidang}' yang tidak termasuk dalam impor ini.",
				)
				lengkap = False
				continue
			baris_kanon = self._periksa_lembar(judul, lb)
			tanda_lembar.append(
				{
					"judul": judul,
					"bidang": bidang,
					"kode": lm["kode"],
					"kunci": lm["kunci"],
					"baris": baris_kanon,
				}
			)
		if not ada_lembar_data:
			self.salah("", None, None, "Berkas tidak berisi lembar data kinerja.")
		if lengkap and ada_lembar_data:
			kepala = {k: meta[k] for k in ("versi", "doctype", "docname", "tahun", "triwulan")}
			benar = _tanda_tangan(self.rahasia, kepala, tanda_lembar)
			if not hmac.compare_digest(benar, str(meta.get("tanda_tangan", ""))):
				self.salah(
					"",
					None,
					None,
					"Tanda tangan kertas kerja tidak cocok: kolom terkunci, baris, atau lembar telah diubah di "
					"luar kolom isian. Unduh ulang kertas kerja dari sistem.",
				)
		return self.hasil()

	def _baris(self, judul: str):
		"""Every row of a sheet as values, ignoring the stored dimension (which may understate)."""
		ws = self.wb[judul]
		ws.reset_dimensions()
		return ws.iter_rows(values_only=True)

	def _kosong(self, judul: str) -> bool:
		for baris in self._baris(judul):
			for nilai in baris:
				if nilai is not None and nilai != "":
					return False
		return True

	def _baca_meta(self) -> dict | None:
		potongan = []
		for baris in self._baris(JUDUL_META):
			nilai = baris[0] if baris else None
			if nilai is None:
				continue
			if type(nilai) is not str or not nilai.startswith(_META_AWALAN):
				return self._meta_rusak()
			potongan.append(nilai[len(_META_AWALAN) :])
		try:
			meta = json.loads("".join(potongan))
		except ValueError:
			return self._meta_rusak()
		if not isinstance(meta, dict) or meta.get("format") != FORMAT_META:
			return self._meta_rusak()
		if meta.get("versi") != TEMPLATE_VERSION:
			self.salah(
				"",
				None,
				None,
				f"Versi templat berkas ({meta.get('versi')}) tidak sesuai dengan versi saat ini "
				f"({TEMPLATE_VERSION}); unduh ulang kertas kerja dari sistem.",
			)
			return None
		teks = ("doctype", "docname", "tanda_tangan")
		if (
			any(not isinstance(meta.get(k), str) for k in teks)
			or any(type(meta.get(k)) is not int for k in ("tahun", "triwulan"))
			or not isinstance(meta.get("lembar"), list)
		):
			return self._meta_rusak()
		judul_dilihat = set()
		for lm in meta["lembar"]:
			if (
				not isinstance(lm, dict)
				or any(not isinstance(lm.get(k), str) for k in ("judul", "bidang", "kode"))
				or not isinstance(lm.get("kunci"), list)
				or any(not isinstance(k, str) for k in lm["kunci"])
				or lm["judul"] in judul_dilihat
				or lm["judul"] in (JUDUL_SAMPUL, JUDUL_META)
			):
				return self._meta_rusak()
			judul_dilihat.add(lm["judul"])
		return meta

	def _meta_rusak(self) -> None:
		self.salah(
			JUDUL_META,
			None,
			None,
			"Lembar _meta rusak atau telah diubah; unduh ulang kertas kerja dari sistem.",
		)
		return None

	def _periksa_kepala(self, meta: dict) -> bool:
		h = self.harapan
		cocok = True
		if (meta["doctype"], meta["docname"]) != (h.dokumen_doctype, h.dokumen_nama):
			self.salah(
				"",
				None,
				None,
				f"Berkas ini untuk dokumen {meta['doctype']} '{meta['docname']}', bukan {h.dokumen_doctype} "
				f"'{h.dokumen_nama}'.",
			)
			cocok = False
		if (meta["tahun"], meta["triwulan"]) != (int(h.tahun), int(h.triwulan)):
			self.salah(
				"",
				None,
				None,
				f"Berkas ini untuk periode {_periode(meta['tahun'], meta['triwulan'])}, sedangkan dokumen untuk "
				f"periode {_periode(h.tahun, h.triwulan)}.",
			)
			cocok = False
		return cocok

	def _periksa_rumus_lembar(self, judul: str) -> None:
		for nomor, baris in enumerate(self._baris(judul), 1):
			for kolom, nilai in enumerate(baris):
				if _rumus(nilai):
					huruf = get_column_letter(kolom + 1)
					self.salah(
						judul, nomor, huruf, f"Sel {huruf}{nomor} berisi rumus; ketik nilainya langsung."
					)

	def _periksa_lembar(self, judul: str, lb: LembarBidang) -> list[list[str]]:
		"""Check one bidang sheet row by row; collect changes; return canonical locked rows."""
		bidang = lb.bidang
		harapan = {b.kunci: b for b in lb.baris}
		angka = self.angka[bidang]
		dilihat: dict[str, int] = {}
		kanon: list[list[str]] = []
		salah = self.salah
		ada_baris = False
		kosong = (None,) * _JUMLAH_KOLOM
		batas_baris = len(lb.baris) + BARIS_LEBIH_MAKS
		for nomor, baris in enumerate(self._baris(judul), 1):
			if nomor > batas_baris:
				salah(
					judul,
					nomor,
					None,
					f"Lembar '{judul}' berisi jauh lebih banyak baris daripada indikator bidang ini; pemeriksaan "
					"dihentikan. Jangan menambah baris.",
				)
				break
			if len(baris) != _JUMLAH_KOLOM:
				if len(baris) < _JUMLAH_KOLOM:
					baris = tuple(baris) + kosong[len(baris) :]
				else:
					for kolom in range(_JUMLAH_KOLOM, len(baris)):
						nilai = baris[kolom]
						if nilai is not None and nilai != "":
							huruf = get_column_letter(kolom + 1)
							salah(
								judul,
								nomor,
								huruf,
								f"Sel {huruf}{nomor} berada di luar kolom kertas kerja; hapus isinya.",
							)
					baris = baris[:_JUMLAH_KOLOM]
			if nomor == 1:
				self._periksa_judul_kolom(judul, baris)
				continue
			ada_rumus = False
			kosong_semua = True
			for kolom, nilai in enumerate(baris):
				if nilai is None or nilai == "":
					continue
				kosong_semua = False
				if _rumus(nilai):
					ada_rumus = True
					salah(
						judul,
						nomor,
						KOLOM[kolom],
						f"Sel {_HURUF[kolom]}{nomor} berisi rumus; ketik nilainya langsung, bukan rumus (=...).",
					)
			if kosong_semua:
				continue
			ada_baris = True
			kunci = _teks_sel(baris[_KUNCI])
			kanon.append(
				[
					kunci,
					_teks_sel(baris[_INDIKATOR]),
					_teks_sel(baris[_SATUAN]),
					_teks_sel(baris[_POLARITAS]),
					_kanon_sel(baris[_TARGET]),
				]
			)
			if not kunci:
				salah(
					judul, nomor, None, "Baris tambahan tanpa kunci; jangan menambah baris pada kertas kerja."
				)
				continue
			if kunci in dilihat:
				salah(
					judul,
					nomor,
					None,
					f"Kunci baris '{kunci}' muncul lebih dari sekali (juga pada baris {dilihat[kunci]}); jangan "
					"menyalin baris.",
				)
				continue
			dilihat[kunci] = nomor
			b = harapan.get(kunci)
			if b is None:
				salah(
					judul,
					nomor,
					None,
					f"Kunci baris '{kunci}' tidak dikenal untuk bidang '{bidang}'; jangan menambah atau menyalin "
					"baris dari berkas lain.",
				)
				continue
			if ada_rumus:
				continue
			target, realisasi = angka[kunci]
			self._periksa_terkunci(judul, nomor, baris, b, target)
			self._bandingkan_isian(judul, nomor, baris, b, realisasi, bidang)
		if not ada_baris:
			salah(judul, None, None, f"Lembar '{judul}' tidak berisi baris data.")
		for kunci, b in harapan.items():
			if kunci not in dilihat:
				salah(
					judul,
					None,
					None,
					f"Indikator '{_teks(b.indikator)}' (kunci {kunci}) tidak ada di lembar; jangan menghapus baris.",
				)
		return kanon

	def _periksa_judul_kolom(self, judul: str, baris: tuple) -> None:
		for kolom, (nilai, seharusnya) in enumerate(zip(baris, KOLOM, strict=True)):
			if _teks_sel(nilai) != seharusnya:
				self.salah(
					judul,
					1,
					_HURUF[kolom],
					f"Judul kolom {_HURUF[kolom]} diubah; seharusnya '{seharusnya}', tertulis {_tampil(nilai)}.",
				)

	def _periksa_terkunci(
		self, judul: str, nomor: int, baris: tuple, b: BarisKinerja, target: Decimal | None
	) -> None:
		for kolom, lama in ((_INDIKATOR, b.indikator), (_SATUAN, b.satuan), (_POLARITAS, b.polaritas)):
			if _teks_sel(baris[kolom]) != _teks(lama):
				self._terkunci_berubah(judul, nomor, kolom, baris[kolom], lama)
		if _kanon_sel(baris[_TARGET]) != _kanon_dokumen(target):
			self._terkunci_berubah(judul, nomor, _TARGET, baris[_TARGET], target)

	def _terkunci_berubah(self, judul: str, nomor: int, kolom: int, berkas: object, dokumen: object) -> None:
		self.salah(
			judul,
			nomor,
			KOLOM[kolom],
			f"Kolom terkunci {KOLOM[kolom]} berbeda: berkas berisi {_tampil(berkas)}, dokumen berisi "
			f"{_tampil(dokumen)}. Kolom terkunci tidak boleh diubah; bila dokumen telah berubah, unduh ulang "
			"kertas kerja.",
		)

	def _bandingkan_isian(
		self,
		judul: str,
		nomor: int,
		baris: tuple,
		b: BarisKinerja,
		lama_realisasi: Decimal | None,
		bidang: str,
	) -> None:
		try:
			baru = _urai_realisasi(baris[_REALISASI])
		except _Salah as e:
			self.salah(judul, nomor, KOLOM[_REALISASI], str(e))
		else:
			if baru != lama_realisasi:
				self.perubahan.append(Perubahan(bidang, b.kunci, "realisasi", b.realisasi, baru))
		for kolom, nama, lama in ((_KENDALA, "kendala", b.kendala), (_UPAYA, "upaya", b.upaya)):
			baru = _teks_sel(baris[kolom])
			if baru != _teks(lama):
				self.perubahan.append(Perubahan(bidang, b.kunci, nama, lama, baru))
