"""Evaluasi AKIP by the LKE of PermenPANRB 88/2021: the worksheet's structure, its answer scales,
the scores and the predikat.

Pure standard library; never import frappe here. The formula (docs/evaluasi-akip.md says the same
in words, with a worked example):

- every answer has a value by its criterion's scale: **AA–E** AA 100, A 90, BB 80, B 70, CC 60,
  C 50, D 30, E 0; **A/B/C** A 100, B 50, C 0; **Y/T** Y 100, T 0; a criterion not answered counts 0;
- a sub-component's value = its bobot × (the mean of its criteria's values) / 100 — every criterion
  of a sub-component weighs the same;
- a component's value = the sum of its sub-components' values; the Nilai AKIP = the sum of the
  components' values (0–100);
- the predikat by strict lower bounds: AA > 90, A > 80, BB > 70, B > 60, CC > 50, C > 30, else D
  (90.00 is A). Values are kept exact (Decimal) and rounded half-up to 2 decimals for display.

The evaluation held in year N assesses year N−1 (``tahun_dinilai``).
"""

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
	"SKALA_AA_E",
	"SKALA_ABC",
	"SKALA_YT",
	"SKALA",
	"PREDIKAT_AKIP",
	"JawabanTidakSah",
	"Komponen",
	"Subkomponen",
	"Kriteria",
	"StrukturLKE",
	"HasilAKIP",
	"tahun_dinilai",
	"pilihan_jawaban",
	"nilai_jawaban",
	"masalah_jawaban",
	"nilai_subkomponen",
	"predikat_akip",
	"label_predikat",
	"masalah_bobot",
	"hitung",
	"baca_csv",
	"berbeda",
	"dua_desimal",
]

# The states of an Evaluasi AKIP (its Workflow, Alur Evaluasi AKIP), returned ones aside (Dikembalikan).
PENILAIAN_MANDIRI = "Penilaian Mandiri"
DIAJUKAN = "Diajukan"
DIREVIU = "Direviu"
DISETUJUI = "Disetujui"
FINAL = "Final"

SKALA_AA_E = "AA-E"
SKALA_ABC = "A/B/C"
SKALA_YT = "Y/T"

# The value of each answer, per scale (the order is the order the form offers them).
SKALA: Mapping[str, Mapping[str, int]] = {
	SKALA_AA_E: {"AA": 100, "A": 90, "BB": 80, "B": 70, "CC": 60, "C": 50, "D": 30, "E": 0},
	SKALA_ABC: {"A": 100, "B": 50, "C": 0},
	SKALA_YT: {"Y": 100, "T": 0},
}

# (predikat, strict lower bound, label), highest first; D is everything from 0 to 30.
PREDIKAT_AKIP: tuple[tuple[str, Decimal, str], ...] = (
	("AA", Decimal(90), "Sangat Memuaskan"),
	("A", Decimal(80), "Memuaskan"),
	("BB", Decimal(70), "Sangat Baik"),
	("B", Decimal(60), "Baik"),
	("CC", Decimal(50), "Cukup (Memadai)"),
	("C", Decimal(30), "Kurang"),
	("D", Decimal(-1), "Sangat Kurang"),
)

_SERATUS = Decimal(100)
_DUA = Decimal("0.01")


class JawabanTidakSah(ValueError):
	"""An answer outside its criterion's scale, or a scale the LKE does not know."""


def tahun_dinilai(tahun_evaluasi: int) -> int:
	"""The year an evaluation held in ``tahun_evaluasi`` assesses: the year before."""
	return int(tahun_evaluasi) - 1


def pilihan_jawaban(skala: str) -> tuple[str, ...]:
	if skala not in SKALA:
		raise JawabanTidakSah(
			f"Skala jawaban {skala!r} tidak dikenal; pilih salah satu dari {', '.join(SKALA)}."
		)
	return tuple(SKALA[skala])


def masalah_jawaban(skala: str, jawaban: str | None) -> str | None:
	"""Why ``jawaban`` is not an answer of ``skala`` (None when it is, or when it is empty)."""
	if not jawaban:
		return None
	pilihan = pilihan_jawaban(skala)
	if jawaban not in pilihan:
		return f"jawaban {jawaban!r} di luar skala {skala} (pilihan: {', '.join(pilihan)})"
	return None


def nilai_jawaban(skala: str, jawaban: str | None) -> Decimal:
	"""The value (0–100) of an answer; an empty answer is 0."""
	salah = masalah_jawaban(skala, jawaban)
	if salah:
		raise JawabanTidakSah(salah)
	return Decimal(SKALA[skala][jawaban]) if jawaban else Decimal(0)


def nilai_subkomponen(
	bobot: Decimal | int | float | str, jawaban: Iterable[tuple[str, str | None]]
) -> Decimal:
	"""bobot × mean(values of its criteria's answers) / 100; ``jawaban`` is (scale, answer) per
	criterion. A sub-component without criteria is worth 0."""
	nilai = [nilai_jawaban(skala, isi) for skala, isi in jawaban]
	if not nilai:
		return Decimal(0)
	return Decimal(str(bobot)) * (sum(nilai) / len(nilai)) / _SERATUS


def predikat_akip(nilai: Decimal | int | float | str) -> str:
	"""The predikat of a Nilai AKIP (0–100) by strict lower bounds: 90.00 is A, 90.01 is AA."""
	angka = Decimal(str(nilai))
	for predikat, batas, _label in PREDIKAT_AKIP:
		if angka > batas:
			return predikat
	return "D"


def label_predikat(predikat: str) -> str:
	return next((label for p, _b, label in PREDIKAT_AKIP if p == predikat), "")


def dua_desimal(nilai: Decimal | int | float | str) -> Decimal:
	"""Rounded half-up to 2 decimals, for display and storage in a Float column."""
	return Decimal(str(nilai)).quantize(_DUA, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Komponen:
	kode: str
	nama: str
	bobot: Decimal


@dataclass(frozen=True)
class Subkomponen:
	kode: str
	komponen: str
	nama: str
	bobot: Decimal
	dimensi: str = ""


@dataclass(frozen=True)
class Kriteria:
	kode: str
	subkomponen: str
	no: int
	teks: str
	skala: str = SKALA_AA_E
	bukti_dari_aplikasi: str = ""
	catatan_varian: str = ""


@dataclass(frozen=True)
class StrukturLKE:
	komponen: tuple[Komponen, ...]
	subkomponen: tuple[Subkomponen, ...]
	kriteria: tuple[Kriteria, ...]


def masalah_bobot(lke: StrukturLKE) -> list[str]:
	"""What is wrong with an LKE's weights and structure (empty when nothing is): the components'
	weights add up to 100; each component's sub-components add up to its weight; every criterion
	belongs to a known sub-component and every sub-component to a known component and has criteria;
	every scale is known; no code twice."""
	masalah = []
	total = sum((k.bobot for k in lke.komponen), Decimal(0))
	if total != _SERATUS:
		masalah.append(f"jumlah bobot komponen {_teks(total)}, seharusnya 100")
	for jenis, kode in (
		("komponen", [k.kode for k in lke.komponen]),
		("subkomponen", [s.kode for s in lke.subkomponen]),
		("kriteria", [k.kode for k in lke.kriteria]),
	):
		ganda = sorted({k for k in kode if kode.count(k) > 1})
		if ganda:
			masalah.append(f"kode {jenis} {', '.join(ganda)} tercantum lebih dari sekali")
	komponen = {k.kode: k for k in lke.komponen}
	for s in lke.subkomponen:
		if s.komponen not in komponen:
			masalah.append(f"subkomponen {s.kode} menyebut komponen {s.komponen} yang tidak ada")
	for k in lke.komponen:
		jumlah = sum((s.bobot for s in lke.subkomponen if s.komponen == k.kode), Decimal(0))
		if jumlah != k.bobot:
			masalah.append(
				f"jumlah bobot subkomponen komponen {k.kode} ({k.nama}) {_teks(jumlah)}, "
				f"seharusnya {_teks(k.bobot)}"
			)
	subkomponen = {s.kode for s in lke.subkomponen}
	for kr in lke.kriteria:
		if kr.subkomponen not in subkomponen:
			masalah.append(f"kriteria {kr.kode} menyebut subkomponen {kr.subkomponen} yang tidak ada")
		if kr.skala not in SKALA:
			masalah.append(f"kriteria {kr.kode}: skala jawaban {kr.skala!r} tidak dikenal")
	berisi = {kr.subkomponen for kr in lke.kriteria}
	for s in lke.subkomponen:
		if s.kode not in berisi:
			masalah.append(f"subkomponen {s.kode} belum memiliki kriteria")
	return masalah


def _teks(nilai: Decimal) -> str:
	return format(nilai.normalize(), "f")


@dataclass(frozen=True)
class HasilAKIP:
	"""The scores of one set of answers: per sub-component and component (exact), total, predikat."""

	subkomponen: Mapping[str, Decimal] = field(default_factory=dict)
	komponen: Mapping[str, Decimal] = field(default_factory=dict)
	total: Decimal = Decimal(0)

	@property
	def predikat(self) -> str:
		return predikat_akip(dua_desimal(self.total))


def hitung(lke: StrukturLKE, jawaban: Mapping[str, str | None]) -> HasilAKIP:
	"""The scores of ``jawaban`` (criterion code → answer) on ``lke``. Raises ``JawabanTidakSah``
	for an answer outside its criterion's scale."""
	per_sub: dict[str, list[tuple[str, str | None]]] = {s.kode: [] for s in lke.subkomponen}
	for kr in lke.kriteria:
		per_sub.setdefault(kr.subkomponen, []).append((kr.skala, jawaban.get(kr.kode)))
	sub = {s.kode: nilai_subkomponen(s.bobot, per_sub[s.kode]) for s in lke.subkomponen}
	komp = {
		k.kode: sum((sub[s.kode] for s in lke.subkomponen if s.komponen == k.kode), Decimal(0))
		for k in lke.komponen
	}
	return HasilAKIP(subkomponen=sub, komponen=komp, total=sum(komp.values(), Decimal(0)))


def berbeda(jawaban_opd: str | None, jawaban_evaluator: str | None) -> bool:
	"""True when the evaluator answered and the answer is not the OPD's."""
	return bool(jawaban_evaluator) and jawaban_evaluator != (jawaban_opd or "")


def baca_csv(teks: str, skala: str = SKALA_AA_E) -> StrukturLKE:
	"""The LKE from the reference CSV (one row per criterion, the component and sub-component repeated
	on each row; columns as in ``setup/data/lke_88_2021.csv``); every criterion gets ``skala``."""
	komponen: dict[str, Komponen] = {}
	subkomponen: dict[str, Subkomponen] = {}
	kriteria = []
	for row in csv.DictReader(io.StringIO(teks)):
		komponen.setdefault(
			row["komponen_kode"],
			Komponen(row["komponen_kode"], row["komponen_nama"], Decimal(row["komponen_bobot"])),
		)
		subkomponen.setdefault(
			row["subkomponen_kode"],
			Subkomponen(
				row["subkomponen_kode"],
				row["komponen_kode"],
				row["subkomponen_nama"],
				Decimal(row["subkomponen_bobot"]),
				row.get("dimensi") or "",
			),
		)
		kriteria.append(
			Kriteria(
				kode=row["kriteria_kode"],
				subkomponen=row["subkomponen_kode"],
				no=int(row["kriteria_no"]),
				teks=row["kriteria_teks"],
				skala=skala,
				bukti_dari_aplikasi=row.get("bukti_dari_aplikasi") or "",
				catatan_varian=row.get("catatan_varian") or "",
			)
		)
	return StrukturLKE(tuple(komponen.values()), tuple(subkomponen.values()), tuple(kriteria))
