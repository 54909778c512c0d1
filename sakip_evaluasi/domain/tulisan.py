"""How official documents write dates, times and numbers in Bahasa Indonesia (Tata Naskah Dinas).

- ``tanggal_panjang``: "Senin, 30 November 2026" (weekday optional: "30 November 2026");
- ``jam``: "09.00" (hours and minutes with a dot);
- ``angka_id``: "1.234,56" (dot for thousands, comma for decimals), trailing zeros kept to the
  precision asked for, ``None`` as "-";
- ``persen_id``: "87,50%".
- ``ukuran_kertas``: the page size of a paper choice (F4 215 × 330 mm, A4 210 × 297 mm).

Pure standard library; never import frappe here.
"""

from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sakip_evaluasi.domain.kalender import NAMA_HARI

__all__ = [
	"NAMA_BULAN",
	"KERTAS",
	"tanggal_panjang",
	"jam",
	"angka_id",
	"persen_id",
	"ukuran_kertas",
]

NAMA_BULAN = (
	"Januari",
	"Februari",
	"Maret",
	"April",
	"Mei",
	"Juni",
	"Juli",
	"Agustus",
	"September",
	"Oktober",
	"November",
	"Desember",
)

# Paper choices of Pengaturan SAKIP: (width, height) in millimetres, portrait.
KERTAS = {"F4": (215, 330), "A4": (210, 297)}
KOSONG = "-"


def _sebagai_tanggal(nilai: object) -> date | None:
	if nilai in (None, ""):
		return None
	if isinstance(nilai, datetime):
		return nilai.date()
	if isinstance(nilai, date):
		return nilai
	teks = str(nilai).strip()
	try:
		return datetime.fromisoformat(teks).date()
	except ValueError:
		raise ValueError(f"Tanggal tidak dikenal: {nilai!r} (tulis TTTT-BB-HH).") from None


def tanggal_panjang(nilai: object, dengan_hari: bool = True) -> str:
	"""``2026-11-30`` → "Senin, 30 November 2026" (or "30 November 2026"); empty → "-"."""
	hari = _sebagai_tanggal(nilai)
	if hari is None:
		return KOSONG
	teks = f"{hari.day} {NAMA_BULAN[hari.month - 1]} {hari.year}"
	return f"{NAMA_HARI[hari.weekday()]}, {teks}" if dengan_hari else teks


def jam(nilai: object) -> str:
	"""A time (or a datetime, or "9:05:00") as an official letter writes it: "09.05"; empty → "-"."""
	if nilai in (None, ""):
		return KOSONG
	if isinstance(nilai, datetime):
		nilai = nilai.time()
	if isinstance(nilai, time):
		return f"{nilai.hour:02d}.{nilai.minute:02d}"
	if hasattr(nilai, "total_seconds"):  # a timedelta, as MariaDB returns a TIME column
		detik = int(nilai.total_seconds())
		return f"{detik // 3600 % 24:02d}.{detik // 60 % 60:02d}"
	bagian = str(nilai).strip().split(":")
	try:
		return f"{int(bagian[0]):02d}.{int(bagian[1]) if len(bagian) > 1 else 0:02d}"
	except ValueError:
		raise ValueError(f"Jam tidak dikenal: {nilai!r} (tulis JJ:MM).") from None


def angka_id(nilai: object, desimal: int | None = 2) -> str:
	"""A number with Indonesian separators: 1234.5 → "1.234,50" (``desimal`` places, rounded half
	up; ``None``: as many as the value has, trailing zeros dropped). Empty → "-"; a text that is not a
	number is returned unchanged (a realisasi typed as words)."""
	if nilai in (None, ""):
		return KOSONG
	if isinstance(nilai, bool):
		nilai = int(nilai)
	try:
		angka = Decimal(str(nilai).strip())
	except InvalidOperation:
		return str(nilai)
	if not angka.is_finite():
		return str(nilai)
	if desimal is not None:
		angka = angka.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
		teks = f"{abs(angka):,.{desimal}f}"
	else:
		teks = format(abs(angka).normalize(), "f")
		bulat, _, pecahan = teks.partition(".")
		teks = f"{int(bulat):,}" + (f".{pecahan}" if pecahan else "")
	teks = teks.replace(",", "_").replace(".", ",").replace("_", ".")
	return f"-{teks}" if angka < 0 and any(c not in "0.," for c in teks) else teks


def persen_id(nilai: object, desimal: int = 2) -> str:
	"""87.5 → "87,50%"; empty → "-"."""
	teks = angka_id(nilai, desimal)
	return teks if teks == KOSONG else f"{teks}%"


def ukuran_kertas(kertas: str | None) -> tuple[int, int]:
	"""(width, height) in mm of a paper choice; F4 when none or unknown is given."""
	return KERTAS.get(kertas or "F4", KERTAS["F4"])
