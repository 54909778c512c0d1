"""LKjIP arithmetic and rules without a database (PermenPANRB 53/2014).

Bab III per indicator: target, realisasi (the four quarters rolled up the indicator's way), capaian,
realisasi of the previous years, the Renstra end target and the capaian against it; Bab III B the
budget and its absorption; the efficiency as mean capaian against absorption. The fingerprint of the
computed tables lets a save tell a hand edit from a regeneration.
"""

import calendar
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sakip_evaluasi.domain import anggaran as ang
from sakip_evaluasi.domain.capaian import capaian_indikator, nilai_kolom, nilai_sd_tw, rata_rata

# --------------------------------------------------------------------------- the workflow's stages

DRAFT = "Draft"
DIAJUKAN = "Diajukan"
DIKEMBALIKAN = "Dikembalikan"
DIPERIKSA = "Diperiksa"
DISETUJUI = "Disetujui"
DALAM_REVIU = "Dalam Reviu"
PERBAIKAN_REVIU = "Perbaikan Reviu"
FINAL = "Final"
TAHAP = (DRAFT, DIAJUKAN, DIKEMBALIKAN, DIPERIKSA, DISETUJUI, DALAM_REVIU, PERBAIKAN_REVIU, FINAL)
# States in which the Subkoordinator may still regenerate the tables and edit the narratives.
TAHAP_SUSUN = (DRAFT, DIKEMBALIKAN, PERBAIKAN_REVIU)

# The step of "SOP Penyusunan Laporan Kinerja" whose clock runs while the report is in a state.
LANGKAH_PADA_TAHAP = {
	DRAFT: 1,
	DIKEMBALIKAN: 1,
	DIAJUKAN: 2,
	DIPERIKSA: 3,
	DISETUJUI: 4,
	DALAM_REVIU: 4,
	PERBAIKAN_REVIU: 5,
}

# --------------------------------------------------------------------------- the reviu checklist

SESUAI = "Sesuai"
TIDAK_SESUAI = "Tidak Sesuai"
BUTIR_REVIU: tuple[tuple[str, str], ...] = (
	("Format", "Sistematika sesuai PermenPANRB 53/2014: Ikhtisar Eksekutif, Bab I–IV dan Lampiran lengkap"),
	("Format", "Pernyataan Perjanjian Kinerja tahun berjalan dilampirkan"),
	("Mekanisme Penyusunan", "Data kinerja dikumpulkan dan diverifikasi per triwulan (E.81 TW I–IV)"),
	("Mekanisme Penyusunan", "Penyusunan melibatkan bidang dan disetujui Kepala Dinas"),
	("Substansi", "Sasaran dan indikator konsisten dengan Renstra dan Perjanjian Kinerja"),
	("Substansi", "Target yang dilaporkan sama dengan target Perjanjian Kinerja"),
	("Substansi", "Capaian dihitung dengan benar"),
	("Substansi", "Perbandingan dengan tahun lalu dan target akhir Renstra disajikan"),
	("Substansi", "Analisis penyebab keberhasilan/kegagalan dan efisiensi sumber daya disajikan"),
	("Substansi", "Realisasi anggaran disajikan"),
)


@dataclass(frozen=True)
class ButirReviu:
	baris: str  # how the message names the row
	butir: str
	hasil: str | None
	catatan: str | None


def temuan_tanpa_alasan(butir: Iterable[ButirReviu]) -> list[str]:
	"""A finding (Tidak Sesuai) must say why: its note is the reason sent back to the OPD."""
	return [
		f"{b.baris} ({b.butir}): temuan 'Tidak Sesuai' wajib diberi catatan alasannya."
		for b in butir
		if b.hasil == TIDAK_SESUAI and not (b.catatan or "").strip()
	]


def siap_pernyataan(butir: Sequence[ButirReviu]) -> list[str]:
	"""The Pernyataan Telah Direviu is signed when every item is reviewed and none is still a finding."""
	if not butir:
		return ["Kertas kerja reviu belum berisi butir."]
	masalah = [f"{b.baris} ({b.butir}) belum direviu." for b in butir if not b.hasil]
	masalah += [
		f"{b.baris} ({b.butir}) masih berupa temuan; kembalikan untuk diperbaiki."
		for b in butir
		if b.hasil == TIDAK_SESUAI
	]
	return masalah


def ada_temuan(butir: Iterable[ButirReviu]) -> bool:
	return any(b.hasil == TIDAK_SESUAI for b in butir)


# --------------------------------------------------------------------------- Bab III


@dataclass(frozen=True)
class Indikator:
	"""One indicator of the PK with what the year recorded of it."""

	kode_sasaran: str
	indikator: str | None
	nama: str
	satuan: str
	polaritas: str | None
	metode_negatif: str | None
	akumulasi: str | None
	target: float
	realisasi_tw: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
	realisasi_lalu: tuple[float | None, float | None] = (None, None)  # tahun-1, tahun-2
	target_akhir_renstra: float | None = None


@dataclass(frozen=True)
class BarisCapaian:
	kode_sasaran: str
	indikator: str | None
	nama_indikator: str
	satuan: str
	target: float
	realisasi: float | None
	capaian: float | None
	keterangan: str
	realisasi_lalu_1: float | None
	realisasi_lalu_2: float | None
	target_akhir_renstra: float | None
	capaian_renstra: float | None


def _float(nilai) -> float | None:
	return None if nilai is None else nilai_kolom(nilai)


def baris_capaian(ind: Indikator, batas_atas=None) -> BarisCapaian:
	"""Realisasi of the year from the four quarters (the indicator's roll-up), its capaian against the
	PK target and against the Renstra end target."""
	realisasi = nilai_sd_tw(list(ind.realisasi_tw), 4, ind.akumulasi or "Kumulatif", ind.target)
	if ind.akumulasi == "Tetap" and all(v is None for v in ind.realisasi_tw):
		realisasi = None
	hasil = capaian_indikator(ind.target, realisasi, ind.polaritas, ind.metode_negatif, batas_atas)
	renstra = None
	if ind.target_akhir_renstra and realisasi is not None:
		renstra = capaian_indikator(
			ind.target_akhir_renstra, realisasi, ind.polaritas, ind.metode_negatif
		).nilai
	return BarisCapaian(
		kode_sasaran=ind.kode_sasaran,
		indikator=ind.indikator,
		nama_indikator=ind.nama,
		satuan=ind.satuan,
		target=ind.target,
		realisasi=_float(realisasi),
		capaian=_float(hasil.nilai),
		keterangan=hasil.keterangan,
		realisasi_lalu_1=ind.realisasi_lalu[0],
		realisasi_lalu_2=ind.realisasi_lalu[1],
		target_akhir_renstra=ind.target_akhir_renstra,
		capaian_renstra=_float(renstra),
	)


@dataclass(frozen=True)
class Efisiensi:
	rata_rata_capaian: float | None
	anggaran: float
	realisasi_anggaran: float
	serapan: float | None  # percent
	indeks: float | None  # mean capaian / serapan
	kesimpulan: str


def efisiensi(capaian: Sequence[float | None], anggaran: float, realisasi_anggaran: float) -> Efisiensi:
	"""Efficiency of resources (analysis 6 of 53/2014): the mean capaian against the share of the
	budget spent (``domain.anggaran``). An index of 1 or more: the results were reached with no more
	money than planned."""
	rata = rata_rata(capaian)
	persen = serapan(anggaran, realisasi_anggaran)
	e = ang.efisiensi(rata, persen)
	return Efisiensi(rata, anggaran, realisasi_anggaran, persen, e.indeks, e.kesimpulan)


def serapan(anggaran: float, realisasi: float) -> float | None:
	return ang.penyerapan(anggaran, realisasi)


# --------------------------------------------------------------------------- hand edits


def sidik(tabel: Mapping[str, Sequence[Mapping]]) -> str:
	"""A fingerprint of the computed tables (their computed columns only)."""
	teks = json.dumps(tabel, sort_keys=True, default=str, ensure_ascii=False)
	return hashlib.sha256(teks.encode()).hexdigest()


# --------------------------------------------------------------------------- the Pemda deadline


def batas_lkjip(tahun: int, bulan: int = 2, tanggal: int = 0) -> date:
	"""The OPD's LKjIP of ``tahun`` is due in the next year on ``tanggal`` ``bulan`` (0: the month's
	last day). Default: the end of February."""
	if not 1 <= (bulan or 2) <= 12:
		raise ValueError(f"Bulan batas LKjIP harus 1 sampai 12 (tertulis: {bulan}).")
	bulan = bulan or 2
	akhir = calendar.monthrange(tahun + 1, bulan)[1]
	return date(tahun + 1, bulan, min(tanggal, akhir) if tanggal else akhir)


def terlambat_hari(batas: date, selesai: date | None, hari_ini: date) -> int:
	"""Days past the deadline: up to the day it became final, or up to today while it is not."""
	return max(0, ((selesai or hari_ini) - batas).days)


@dataclass
class RingkasanStatus:
	jumlah: int = 0
	final: int = 0
	belum_ada: int = 0
	terlambat: int = 0
	per_tahap: dict[str, int] = field(default_factory=dict)


def ringkas_status(baris: Iterable[tuple[str | None, int]]) -> RingkasanStatus:
	"""The number cards of the Pemda's report from (tahap or None when not drafted, days late)."""
	r = RingkasanStatus()
	for tahap, telat in baris:
		r.jumlah += 1
		if tahap is None:
			r.belum_ada += 1
		else:
			r.per_tahap[tahap] = r.per_tahap.get(tahap, 0) + 1
		r.final += tahap == FINAL
		r.terlambat += telat > 0
	return r


def perlu_pengingat(batas: date, hari_ini: date, hari_sebelum: Sequence[int] = (14, 7, 3, 1)) -> bool:
	"""The officials are reminded on these days before the deadline."""
	return (batas - hari_ini).days in hari_sebelum
