"""Capaian kinerja (achievement) of an indicator, its to-date roll-up and its predikat.

Pure standard library; never import frappe here.

Formulas (PermenPANRB 88/2021 and 8/2021, Permendagri 86/2017):

- Positif (higher is better): ``capaian = R / T × 100``.
- Negatif (lower is better), two methods:

  - ``(2T-R)/T`` (default, the "kondisi khusus" formula of PermenPANRB 8/2021):
    ``capaian = (2T − R) / T × 100``; meeting the target exactly gives 100, every unit below the
    target adds as much as a unit above it would take away.
  - ``T/R``: ``capaian = T / R × 100``.

All arithmetic is Decimal; the result is rounded half-up to 2 decimals.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext
from enum import Enum

from sakip_evaluasi.domain.angka import urai_angka
from sakip_evaluasi.domain.periode import ROMAWI_TRIWULAN

__all__ = [
	"Polaritas",
	"MetodeNegatif",
	"RollUp",
	"HasilCapaian",
	"hitung_capaian",
	"capaian_indikator",
	"urai_realisasi",
	"angka_realisasi",
	"uraian_capaian",
	"nilai_sd_tw",
	"nilai_kolom",
	"Predikat",
	"SkalaPredikat",
	"SKALA_PERMENDAGRI_86_2017",
	"ROMAWI_TRIWULAN",
]


class Polaritas(str, Enum):
	"""The direction of an indicator; the values are the Frappe Select options."""

	POSITIF = "Positif"
	NEGATIF = "Negatif"


class MetodeNegatif(str, Enum):
	"""Formula for a Negatif indicator; the values are the Frappe Select options."""

	KONDISI_KHUSUS = "(2T-R)/T"
	T_PER_R = "T/R"


class RollUp(str, Enum):
	"""How quarter values add up to a to-date ("s.d. TW") value; the Frappe Select options."""

	KUMULATIF = "Kumulatif"
	NILAI_AKHIR = "Nilai Akhir"
	RATA_RATA = "Rata-rata"
	TETAP = "Tetap"


RUMUS_POSITIF = "Positif: R / T × 100"
RUMUS_KONDISI_KHUSUS = "Negatif: (2T − R) / T × 100"
RUMUS_T_PER_R = "Negatif: T / R × 100"

_SERATUS = Decimal(100)
_NOL = Decimal(0)
_DUA_DESIMAL = Decimal("0.01")
# Wide exponent range so no finite input overflows; 50 digits is far more than the 2 decimals kept.
_KONTEKS = Context(prec=50, rounding=ROUND_HALF_UP, Emax=MAX_EMAX, Emin=MIN_EMIN)


@dataclass(frozen=True)
class HasilCapaian:
	"""The capaian of one indicator.

	``nilai`` is None when it cannot be computed; ``rumus`` names the formula in words;
	``keterangan`` explains special cases in Bahasa Indonesia ("" when there are none).
	"""

	nilai: Decimal | None
	rumus: str
	keterangan: str


class _BukanAngka(Exception):
	pass


def _desimal(nilai: object) -> Decimal | None:
	"""int/float/Decimal/str-of-number/None as a finite Decimal (None for None or "")."""
	if nilai is None:
		return None
	if isinstance(nilai, bool):
		raise _BukanAngka
	if isinstance(nilai, Decimal):
		hasil = nilai
	elif isinstance(nilai, int):
		hasil = Decimal(nilai)
	elif isinstance(nilai, float):
		hasil = Decimal(repr(nilai))  # the shortest text that round-trips: 0.1 stays 0.1
	elif isinstance(nilai, str):
		teks = nilai.strip()
		if not teks:
			return None
		try:
			hasil = Decimal(teks)
		except InvalidOperation:
			raise _BukanAngka from None
	else:
		raise _BukanAngka
	if not hasil.is_finite():
		raise _BukanAngka
	return hasil


def _angka_atau_alasan(nilai: object, nama: str) -> tuple[Decimal | None, str | None]:
	"""``nilai`` as a number, or None and why not (``<nama> bukan angka: …`` / ``<nama> belum diisi``)."""
	try:
		angka = _desimal(nilai)
	except _BukanAngka:
		return None, f"{nama} bukan angka: {nilai!r}"
	return angka, None if angka is not None else f"{nama} belum diisi"


def _bulatkan(nilai: Decimal) -> Decimal:
	with localcontext(_KONTEKS) as ctx:
		ctx.prec = max(50, nilai.adjusted() + 5)
		return nilai.quantize(_DUA_DESIMAL, rounding=ROUND_HALF_UP)


def _angka_teks(nilai: Decimal) -> str:
	"""A number the way a user reads it: 120, 1,5 (decimal comma)."""
	with localcontext(_KONTEKS):
		teks = format(nilai.normalize(), "f") if nilai == nilai.to_integral_value() else format(nilai, "f")
	return teks.replace(".", ",")


def hitung_capaian(
	target: object,
	realisasi: object,
	polaritas: Polaritas | str,
	metode_negatif: MetodeNegatif | str = MetodeNegatif.KONDISI_KHUSUS,
	batas_atas: Decimal | int | float | str | None = None,
) -> HasilCapaian:
	"""Capaian (in percent) of one indicator; never raises a division error.

	``target`` and ``realisasi`` may be int, float, Decimal, a string holding a number
	(Python syntax, e.g. "6.5") or None. ``polaritas`` and ``metode_negatif`` accept the enum or
	its Select value. ``batas_atas`` (None, 100, 120, 150, ...) caps the result.

	Special cases (``nilai`` / ``keterangan``), checked in this order:

	- realisasi None or "" → None / "Realisasi belum diisi";
	  target None → None / "Target belum diisi";
	  a value that is not a finite number → None / "... bukan angka ...".
	- Positif, T = 0: R = 0 → 100 / "Target dan realisasi nol"; otherwise None /
	  "Target nol: capaian tidak dapat dihitung".
	- Negatif (2T−R)/T, T = 0: R = 0 → 100 / "Target dan realisasi nol"; otherwise None /
	  "Target nol: rumus (2T − R) / T tidak dapat dihitung".
	- Negatif T/R, R = 0: T = 0 → 100 / "Target dan realisasi nol"; otherwise realisasi 0 is the
	  best possible outcome of a negative indicator, so the result is unbounded: ``batas_atas``
	  when a cap is set (keterangan says so), else None / "Realisasi nol: capaian tidak
	  terhingga". T = 0 with R > 0 gives 0 (plain formula). R < 0 → None / "Realisasi negatif:
	  rumus T / R tidak berlaku".
	- T < 0: the regulation formulas assume a positive target → None / "Target negatif: ...".
	- A negative formula result (e.g. (2T−R)/T with R > 2T, or a negative realisasi of a
	  Positif indicator) is floored at 0, with keterangan.
	- A result above ``batas_atas`` is clipped to it, with keterangan.

	Monotonic: for a fixed positive target, Positif is non-decreasing and Negatif non-increasing
	in realisasi (where both values are computable).
	"""
	polaritas = _enum(Polaritas, polaritas, "Polaritas")
	metode = _enum(MetodeNegatif, metode_negatif, "Metode polaritas negatif")
	if polaritas is Polaritas.POSITIF:
		rumus = RUMUS_POSITIF
	elif metode is MetodeNegatif.KONDISI_KHUSUS:
		rumus = RUMUS_KONDISI_KHUSUS
	else:
		rumus = RUMUS_T_PER_R
	try:
		cap = _desimal(batas_atas)
	except _BukanAngka:
		cap = _NOL
	if cap is not None and cap <= 0:
		raise ValueError(f"Batas atas capaian harus angka positif (tertulis: {batas_atas!r}).")

	def hasil(nilai: Decimal | None, *keterangan: str) -> HasilCapaian:
		return HasilCapaian(nilai, rumus, "; ".join(k for k in keterangan if k))

	r, alasan = _angka_atau_alasan(realisasi, "Realisasi")
	if alasan:
		return hasil(None, alasan)
	t, alasan = _angka_atau_alasan(target, "Target")
	if alasan:
		return hasil(None, alasan)
	if t < 0:
		return hasil(None, "Target negatif: capaian tidak dapat dihitung dengan rumus ini")

	catatan: list[str] = []
	with localcontext(_KONTEKS):
		if rumus == RUMUS_POSITIF:
			if t == 0:
				if r == 0:
					return hasil(Decimal("100.00"), "Target dan realisasi nol")
				return hasil(None, "Target nol: capaian tidak dapat dihitung")
			mentah = r / t * _SERATUS
		elif rumus == RUMUS_KONDISI_KHUSUS:
			if t == 0:
				if r == 0:
					return hasil(Decimal("100.00"), "Target dan realisasi nol")
				return hasil(None, "Target nol: rumus (2T − R) / T tidak dapat dihitung")
			mentah = (2 * t - r) / t * _SERATUS
		else:
			if r < 0:
				return hasil(None, "Realisasi negatif: rumus T / R tidak berlaku")
			if r == 0:
				if t == 0:
					return hasil(Decimal("100.00"), "Target dan realisasi nol")
				if cap is None:
					return hasil(None, "Realisasi nol: capaian tidak terhingga")
				return hasil(
					_bulatkan(cap),
					f"Realisasi nol: capaian tidak terhingga, ditetapkan sebesar batas atas {_angka_teks(cap)}",
				)
			mentah = t / r * _SERATUS

	if mentah < 0:
		catatan.append(f"Hasil rumus negatif ({_angka_teks(_bulatkan(mentah))}) ditetapkan menjadi 0")
		mentah = _NOL
	if cap is not None and mentah > cap:
		catatan.append(
			f"Capaian {_angka_teks(_bulatkan(mentah))} dibatasi pada batas atas {_angka_teks(cap)}"
		)
		mentah = cap
	return hasil(_bulatkan(mentah), *catatan)


def capaian_indikator(
	target: object,
	realisasi: object,
	polaritas: Polaritas | str | None,
	metode_negatif: MetodeNegatif | str | None,
	batas_atas: Decimal | int | float | str | None = None,
) -> HasilCapaian:
	"""``hitung_capaian`` for an indicator as stored: an unset polaritas is Positif, an unset method
	of a negative indicator is (2T-R)/T."""
	return hitung_capaian(
		target,
		realisasi,
		polaritas or Polaritas.POSITIF,
		metode_negatif or MetodeNegatif.KONDISI_KHUSUS,
		batas_atas,
	)


class RealisasiTidakSah(ValueError):
	"""A realisasi typed that is not a number (the message says why, in Bahasa Indonesia)."""


def urai_realisasi(teks: object) -> Decimal | None:
	"""The realisasi a user typed ("1.234,5" or "1234.5", ``angka.urai_angka``); None when empty;
	``RealisasiTidakSah`` otherwise."""
	if teks is None or not str(teks).strip():
		return None
	try:
		return urai_angka(str(teks))
	except ValueError as e:
		raise RealisasiTidakSah(str(e)) from None


def angka_realisasi(teks: object) -> float | None:
	"""A stored realisasi as a number for display: None when empty or not a number."""
	try:
		nilai = urai_realisasi(teks)
	except RealisasiTidakSah:
		return None
	return None if nilai is None else float(nilai)


def uraian_capaian(
	target_sd_tw: object,
	realisasi_sd_tw: object,
	triwulan: int,
	hasil: HasilCapaian,
) -> str:
	"""The capaian spelled out with the numbers, for a user who asks how it was reached, e.g.
	"Capaian = Realisasi s.d. TW III ÷ Target s.d. TW III × 100 = 75 ÷ 100 × 100 = 75,00 %".

	``hasil`` is what ``hitung_capaian`` gave for these two values (its formula and special case);
	a value that could not be computed ends with the reason instead of a number."""
	tw = f"TW {ROMAWI_TRIWULAN[triwulan]}"
	nama_t, nama_r = f"Target s.d. {tw}", f"Realisasi s.d. {tw}"
	try:
		t, r = _desimal(target_sd_tw), _desimal(realisasi_sd_tw)
	except _BukanAngka:
		t = r = None
	angka_t = _angka_teks(t) if t is not None else "?"
	angka_r = _angka_teks(r) if r is not None else "?"
	if hasil.rumus == RUMUS_KONDISI_KHUSUS:
		kata = f"(2 × {nama_t} − {nama_r}) ÷ {nama_t} × 100"
		isi = f"(2 × {angka_t} − {angka_r}) ÷ {angka_t} × 100"
	elif hasil.rumus == RUMUS_T_PER_R:
		kata, isi = f"{nama_t} ÷ {nama_r} × 100", f"{angka_t} ÷ {angka_r} × 100"
	else:
		kata, isi = f"{nama_r} ÷ {nama_t} × 100", f"{angka_r} ÷ {angka_t} × 100"
	if hasil.nilai is None:
		return f"Capaian = {kata}: {hasil.keterangan or 'tidak dapat dihitung'}"
	nilai = format(hasil.nilai.quantize(_DUA_DESIMAL), "f").replace(".", ",")
	teks = f"Capaian = {kata} = {isi} = {nilai} %"
	return f"{teks} ({hasil.keterangan})" if hasil.keterangan else teks


def _enum(jenis, nilai, nama: str):
	try:
		return jenis(nilai)
	except ValueError:
		pilihan = ", ".join(e.value for e in jenis)
		raise ValueError(f"{nama} tidak dikenal: {nilai!r} (pilihan: {pilihan}).") from None


def nilai_sd_tw(
	nilai_per_tw: Sequence[Decimal | None],
	triwulan: int,
	rollup: RollUp | str,
	target_tahunan: object = None,
) -> Decimal | None:
	"""The to-date ("s.d. TW") value of quarter ``triwulan`` from the four quarter values.

	Works the same for targets and for realisasi. ``nilai_per_tw`` holds TW I..IV (None =
	not filled); only quarters 1..``triwulan`` count.

	- Kumulatif: sum of the filled quarters; None when none is filled.
	- Nilai Akhir: the latest filled quarter.
	- Rata-rata: mean of the filled quarters (unrounded); None when none is filled.
	- Tetap: the value of quarter ``triwulan`` itself, or ``target_tahunan`` when that is empty.
	"""
	rollup = _enum(RollUp, rollup, "Cara akumulasi")
	if isinstance(triwulan, bool) or not isinstance(triwulan, int) or not 1 <= triwulan <= 4:
		raise ValueError(f"Triwulan harus 1 sampai 4 (tertulis: {triwulan!r}).")
	if len(nilai_per_tw) != 4:
		raise ValueError(f"Nilai per triwulan harus berisi 4 nilai (TW I–IV), bukan {len(nilai_per_tw)}.")
	try:
		nilai = [_desimal(n) for n in nilai_per_tw[:triwulan]]
		tahunan = _desimal(target_tahunan)
	except _BukanAngka:
		raise ValueError(f"Nilai per triwulan harus angka: {list(nilai_per_tw)!r}.") from None
	terisi = [n for n in nilai if n is not None]
	if rollup is RollUp.TETAP:
		return nilai[-1] if nilai[-1] is not None else tahunan
	if not terisi:
		return None
	if rollup is RollUp.NILAI_AKHIR:
		return terisi[-1]
	with localcontext(_KONTEKS):
		if rollup is RollUp.KUMULATIF:
			return sum(terisi, _NOL)
		return sum(terisi, _NOL) / len(terisi)


# A Frappe Float column is DECIMAL(21,9) NOT NULL: 9 decimals, and 0 where Python holds None.
DESIMAL_KOLOM = 9
_SATUAN_KOLOM = Decimal(1).scaleb(-DESIMAL_KOLOM)


def nilai_kolom(nilai: Decimal | int | float | None) -> float:
	"""``nilai`` as a Float column stores it and reads it back: rounded half up to 9 decimals (as
	the database rounds), None as 0.0.

	Writing this instead of the Decimal the formulas give makes the value in memory equal to the
	one read from the database, so a save that computes the same number again changes nothing
	(no Version row "8.37 → 8.370", no "0 → None").
	"""
	try:
		angka = _desimal(nilai)
	except _BukanAngka:
		raise ValueError(f"Nilai kolom bukan angka: {nilai!r}.") from None
	if angka is None:
		return 0.0
	with localcontext(_KONTEKS) as ctx:
		ctx.prec = max(50, angka.adjusted() + DESIMAL_KOLOM + 5)
		return float(angka.quantize(_SATUAN_KOLOM, rounding=ROUND_HALF_UP)) + 0.0


def rata_rata(nilai: Sequence[float | int | None]) -> float | None:
	"""The mean of the values given (None ignored) to two decimals, summed in Decimal (so 0.1 and 0.2
	give 0.15, not 0.15000000000000002); None when there is none: the reports' mean capaian."""
	angka = [Decimal(str(n)) for n in nilai if n is not None]
	if not angka:
		return None
	return float((sum(angka, Decimal(0)) / len(angka)).quantize(_DUA_DESIMAL))


@dataclass(frozen=True)
class Predikat:
	"""One band of a predikat scale: ``nilai ≥ batas_bawah`` (and below the next band)."""

	nama: str
	batas_bawah: Decimal


@dataclass(frozen=True)
class SkalaPredikat:
	"""A predikat scale: bands by lower bound.

	A value belongs to the band with the highest ``batas_bawah`` that is ≤ the value, so bands are
	half-open: the regulation's integer bands "76–90" read as 76 ≤ x < 91 (90.99 and 90.5 are
	Tinggi, 91 is Sangat Tinggi; 75.5 is Sedang; 50.5 is Sangat Rendah). A value below the lowest
	bound (e.g. a negative one) falls into the lowest band.
	"""

	tingkat: tuple[Predikat, ...]

	def predikat(self, nilai: object) -> str | None:
		"""The band name of ``nilai``; None for None (or an empty scale)."""
		try:
			angka = _desimal(nilai)
		except _BukanAngka:
			raise ValueError(f"Nilai capaian bukan angka: {nilai!r}.") from None
		if angka is None or not self.tingkat:
			return None
		urut = sorted(self.tingkat, key=lambda p: Decimal(p.batas_bawah), reverse=True)
		for tingkat in urut:
			if angka >= Decimal(tingkat.batas_bawah):
				return tingkat.nama
		return urut[-1].nama

	def validasi(self) -> list[str]:
		"""Every problem of the scale, in Bahasa Indonesia; empty when valid."""
		if not self.tingkat:
			return ["Skala predikat harus memiliki paling sedikit satu tingkat."]
		masalah: list[str] = []
		nama_dilihat: set[str] = set()
		batas_dilihat: dict[Decimal, str] = {}
		for tingkat in self.tingkat:
			nama = (tingkat.nama or "").strip()
			if not nama:
				masalah.append("Nama predikat tidak boleh kosong.")
			elif nama in nama_dilihat:
				masalah.append(f"Nama predikat '{nama}' dipakai lebih dari sekali.")
			nama_dilihat.add(nama)
			try:
				batas = _desimal(tingkat.batas_bawah)
			except _BukanAngka:
				batas = None
			if batas is None:
				masalah.append(f"Batas bawah predikat '{nama}' harus angka.")
				continue
			if batas in batas_dilihat:
				masalah.append(
					f"Batas bawah {_angka_teks(batas)} dipakai lebih dari sekali "
					f"(predikat '{batas_dilihat[batas]}' dan '{nama}')."
				)
			else:
				batas_dilihat[batas] = nama
		return masalah


SKALA_PERMENDAGRI_86_2017 = SkalaPredikat(
	(
		Predikat("Sangat Tinggi", Decimal(91)),
		Predikat("Tinggi", Decimal(76)),
		Predikat("Sedang", Decimal(66)),
		Predikat("Rendah", Decimal(51)),
		Predikat("Sangat Rendah", Decimal(0)),
	)
)
