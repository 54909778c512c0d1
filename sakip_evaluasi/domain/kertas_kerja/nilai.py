"""Values as the work paper writes, compares and shows them: texts, numbers to 15 significant
digits, realisasi read from a cell, and the pieces of the messages."""

from datetime import date, datetime, time, timedelta
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_EVEN, Context, Decimal, InvalidOperation

from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from sakip_evaluasi.domain.angka import urai_angka
from sakip_evaluasi.domain.kertas_kerja.model import _ILEGAL_XML
from sakip_evaluasi.domain.periode import ROMAWI_TRIWULAN

_KONTEKS15 = Context(prec=15, rounding=ROUND_HALF_EVEN, Emax=MAX_EMAX, Emin=MIN_EMIN)


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


class _Salah(Exception):
	pass


def _urai_realisasi(nilai: object) -> Decimal | None:
	"""Realisasi from a cell: None for blank; raises _Salah with an Indonesian message."""
	return _urai_angka_sel(nilai, "Realisasi")


def _urai_angka_sel(nilai: object, apa: str) -> Decimal | None:
	"""A number typed into an input cell (``apa`` names it in the message): None for blank; raises
	_Salah with an Indonesian message for anything that is not a number."""
	if nilai is None:
		return None
	jenis = type(nilai)
	if jenis is int:
		return _angka15(nilai)
	if jenis is float:
		if nilai != nilai or abs(nilai) == float("inf"):
			raise _Salah(f"{apa} bukan angka yang sah.")
		return _angka15(nilai)
	if jenis is str:
		if not nilai.strip():
			return None
		try:
			return _angka15(urai_angka(nilai))
		except ValueError as e:
			raise _Salah(f"{apa} {e}") from None
	if jenis is bool:
		raise _Salah(f"{apa} harus angka, bukan nilai logika (TRUE/FALSE).")
	if isinstance(nilai, datetime | date | time | timedelta):
		raise _Salah(f"{apa} terbaca sebagai tanggal/waktu; ketik sebagai angka biasa.")
	raise _Salah(f"{apa} bukan angka: {nilai!r}.")


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
