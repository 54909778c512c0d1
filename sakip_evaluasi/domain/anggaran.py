"""Realisasi anggaran of a bidang per program, kegiatan and sub-kegiatan, as plain data.

The pagu of each row is the anggaran of its row in the bidang's Perjanjian Kinerja (Program PK); the
Kepala Bidang types what was spent in the triwulan, and the realisasi s.d. TW adds it to what the
earlier triwulan reached. Penyerapan is the realisasi s.d. TW against the pagu; the efficiency of
resources (PermenPANRB 53/2014, analysis 6 of the LKjIP: "efisiensi penggunaan sumber daya") is the
capaian against the penyerapan — an index of 1 or more: the results came with no more of the budget
than they were worth.

A program's pagu already holds its kegiatan's, and a kegiatan's its sub-kegiatan's (the PK's total
reads them so), so a total counts only the rows not listed under another row with a pagu.

Every check returns Indonesian sentences naming the row (empty: none), so that a controller refuses a
save with all of them at once and writes nothing.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sakip_evaluasi.domain.tulisan import angka_id

JENIS = ("Program", "Kegiatan", "Sub Kegiatan")
EFISIEN = "Efisien"
KURANG_EFISIEN = "Kurang efisien"
BELUM_DAPAT = "Efisiensi belum dapat dihitung"


def _d(nilai: object) -> Decimal:
	return Decimal(str(nilai or 0))


def rupiah(nilai: object) -> str:
	"""Rp 1.250.000 (Indonesian separators; cents only when there are any)."""
	return "Rp " + angka_id(_d(nilai), None)


def kunci(kode: str | None, nama: str | None) -> str:
	"""How a row is recognised across documents: its SIPD code, else its name."""
	return (kode or "").strip() or " ".join((nama or "").split())


@dataclass(frozen=True)
class BarisAnggaran:
	"""One row as a bidang reports it: ``label`` names it in messages."""

	label: str
	kode: str | None
	pagu: object
	realisasi_lalu: object = 0
	realisasi_tw: object = 0


def realisasi_sd_tw(lalu: object, tw: object) -> Decimal:
	"""What was spent up to and including this triwulan."""
	return _d(lalu) + _d(tw)


def penyerapan(pagu: object, realisasi: object) -> float | None:
	"""The share of the pagu spent, in percent with two decimals; None without a pagu."""
	pagu = _d(pagu)
	if not pagu:
		return None
	return float((_d(realisasi) / pagu * 100).quantize(Decimal("0.01"), ROUND_HALF_UP))


def periksa(baris: Iterable[BarisAnggaran]) -> list[str]:
	"""A realisasi is not negative and does not take the realisasi s.d. TW above the pagu."""
	masalah = []
	for b in baris:
		if _d(b.realisasi_tw) < 0:
			masalah.append(f"{b.label}: realisasi triwulan ini {rupiah(b.realisasi_tw)} tidak boleh negatif.")
			continue
		sd = realisasi_sd_tw(b.realisasi_lalu, b.realisasi_tw)
		if sd > _d(b.pagu):
			masalah.append(
				f"{b.label}: realisasi s.d. triwulan ini {rupiah(sd)} melebihi pagu {rupiah(b.pagu)} "
				f"(realisasi triwulan lalu {rupiah(b.realisasi_lalu)}, triwulan ini {rupiah(b.realisasi_tw)})."
			)
	return masalah


def puncak(baris: Sequence[tuple[str | None, object]]) -> list[int]:
	"""The positions of the rows ``(kode, pagu)`` that a total counts: those not listed under another
	row with a pagu (their code does not start with that row's code)."""
	kode = [(k or "").strip() for k, _pagu in baris]
	induk = {k for k, (_k, pagu) in zip(kode, baris, strict=True) if k and _d(pagu)}
	return [i for i, k in enumerate(kode) if not any(k.startswith(f"{lain}.") for lain in induk if lain != k)]


@dataclass(frozen=True)
class Serapan:
	pagu: Decimal
	realisasi: Decimal
	penyerapan: float | None


def serapan(baris: Sequence[tuple[str | None, object, object]]) -> Serapan:
	"""Total pagu, realisasi and penyerapan of rows ``(kode, pagu, realisasi s.d. TW)``."""
	pilih = puncak([(k, p) for k, p, _r in baris])
	pagu = sum((_d(baris[i][1]) for i in pilih), Decimal(0))
	realisasi = sum((_d(baris[i][2]) for i in pilih), Decimal(0))
	return Serapan(pagu, realisasi, penyerapan(pagu, realisasi))


def jumlah(daftar: Iterable[Serapan]) -> Serapan:
	"""The totals of several bidang (each already counted without its nested rows)."""
	daftar = list(daftar)
	pagu = sum((s.pagu for s in daftar), Decimal(0))
	realisasi = sum((s.realisasi for s in daftar), Decimal(0))
	return Serapan(pagu, realisasi, penyerapan(pagu, realisasi))


@dataclass(frozen=True)
class IndeksEfisiensi:
	indeks: float | None  # capaian / penyerapan
	kesimpulan: str


def efisiensi(capaian: float | None, serapan_persen: float | None) -> IndeksEfisiensi:
	"""The capaian against the penyerapan (both in percent)."""
	if capaian is None or not serapan_persen:
		return IndeksEfisiensi(None, BELUM_DAPAT)
	indeks = round(capaian / serapan_persen, 2)
	return IndeksEfisiensi(indeks, EFISIEN if indeks >= 1 else KURANG_EFISIEN)


def realisasi_per_kunci(baris: Iterable[tuple[str | None, str | None, object]]) -> dict[str, Decimal]:
	"""Rows ``(kode, nama, realisasi s.d. TW)`` of several bidang summed by row key (a program two
	bidang share is spent by both)."""
	hasil: dict[str, Decimal] = {}
	for kode, nama, realisasi in baris:
		k = kunci(kode, nama)
		hasil[k] = hasil.get(k, Decimal(0)) + _d(realisasi)
	return hasil


def realisasi_untuk(kode: str | None, nama: str | None, per_kunci: dict[str, Decimal]) -> Decimal | None:
	"""The realisasi of a row of the OPD's budget table from the bidang's rows summed by key: its own
	key, else the sum of the rows listed directly or further under its code (a program the bidang
	report by kegiatan); None when no bidang reported it."""
	k = kunci(kode, nama)
	if k in per_kunci:
		return per_kunci[k]
	kode = (kode or "").strip()
	if not kode:
		return None
	anak = [(kk, v) for kk, v in per_kunci.items() if kk.startswith(f"{kode}.")]
	if not anak:
		return None
	# only the top ones among them: a kegiatan and its sub-kegiatan are not both counted
	pilih = puncak([(kk, 1) for kk, _v in anak])
	return sum((anak[i][1] for i in pilih), Decimal(0))
