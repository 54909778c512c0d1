"""Perjanjian Kinerja (PermenPANRB 53/2014) as plain data: the roll-up of an indicator's Rencana Aksi
(quarterly targets) against its annual target, the indicator rows' own checks, the SIPD codes of its
programs, which version of a PK is in force in a triwulan, what a PK Perubahan may not rewrite, and
its deadline (one month after the DPA is approved), timed like an SOP step.

Every check returns the problems it found as Indonesian sentences naming the row (empty: none), so
that a controller refuses a save with all of them at once and writes nothing.
"""

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sakip_evaluasi.domain.capaian import RollUp, nilai_sd_tw
from sakip_evaluasi.domain.sla import status_pada

# The PK's two levels: the Kepala OPD with the Kepala Daerah, a Kepala Bidang with the Kepala OPD.
TINGKAT_OPD = "Kepala OPD"
TINGKAT_BIDANG = "Kepala Bidang"
TINGKAT = (TINGKAT_OPD, TINGKAT_BIDANG)

# The grounds of a PK Perubahan (PermenPANRB 53/2014).
ALASAN_PERUBAHAN = (
	"Pergantian pejabat",
	"Perubahan strategi atau anggaran (APBD Perubahan)",
	"Perubahan prioritas atau asumsi",
)

# Workflow states of a PK.
DRAFT = "Draft"
DIAJUKAN = "Diajukan"
DITANDATANGANI_PIHAK_PERTAMA = "Ditandatangani Pihak Pertama"
BERLAKU = "Berlaku"
DIGANTI = "Diganti"
# The states whose targets an evaluation may have used: a PK replaced by a PK Perubahan stays in force
# for the quarters before the change.
PERNAH_BERLAKU = (BERLAKU, DIGANTI)

# Two target values are the same when they differ by less than a Float column's last decimal.
_TOLERANSI = Decimal("0.000001")


def _d(nilai: object) -> Decimal:
	return Decimal(str(nilai or 0))


def target_tw_kosong(target_tw: Sequence[object]) -> bool:
	"""No quarterly target given (a Float column holds 0 for an empty cell)."""
	return all(not t for t in target_tw)


def tahunan_dari_triwulan(target_tw: Sequence[object], akumulasi: str) -> Decimal | None:
	"""The annual value the four quarterly targets add up to under ``akumulasi``; None for Tetap (each
	quarter is the year's own target)."""
	if RollUp(akumulasi) is RollUp.TETAP:
		return None
	return nilai_sd_tw([_d(t) for t in target_tw], 4, akumulasi)


def periksa_rollup(
	baris: str, target_tahunan: object, target_tw: Sequence[object], akumulasi: str
) -> str | None:
	"""Whether the Rencana Aksi of one indicator agrees with its annual target under its roll-up:
	Kumulatif quarters add up to the year, Rata-rata average to it, Nilai Akhir ends on it in TW IV,
	Tetap has every filled quarter equal to it. None when they agree (or no quarter is filled)."""
	if target_tw_kosong(target_tw):
		return None
	tahunan = _d(target_tahunan)
	if RollUp(akumulasi) is RollUp.TETAP:
		beda = [
			f"TW {r}"
			for r, t in zip(("I", "II", "III", "IV"), target_tw, strict=False)
			if t and abs(_d(t) - tahunan) > _TOLERANSI
		]
		if beda:
			return f"{baris}: akumulasi Tetap, tetapi target {', '.join(beda)} tidak sama dengan target tahunan {_teks(tahunan)}."
		return None
	hasil = tahunan_dari_triwulan(target_tw, akumulasi)
	if abs(hasil - tahunan) <= _TOLERANSI:
		return None
	cara = {
		RollUp.KUMULATIF: "jumlah target TW I–IV",
		RollUp.RATA_RATA: "rata-rata target TW I–IV",
		RollUp.NILAI_AKHIR: "target TW IV",
	}[RollUp(akumulasi)]
	return f"{baris}: akumulasi {akumulasi}, {cara} = {_teks(hasil)}, tidak sama dengan target tahunan {_teks(tahunan)}."


def _teks(nilai: Decimal) -> str:
	teks = f"{nilai.normalize():f}"
	return teks.replace(".", ",")


@dataclass(frozen=True)
class BarisIndikator:
	"""One indicator of a PK as the checks read it (``baris``: how a message names the row)."""

	baris: str
	indikator: str
	kode_sasaran: str | None = None


def indikator_ganda(daftar: Iterable[BarisIndikator]) -> list[str]:
	"""An indicator listed twice in one PK."""
	pertama: dict[str, str] = {}
	masalah = []
	for b in daftar:
		kunci = (b.indikator or "").strip().casefold()
		if not kunci:
			continue
		if kunci in pertama:
			masalah.append(f"{b.baris}: indikator '{b.indikator}' sudah tercantum di {pertama[kunci]}.")
		else:
			pertama[kunci] = b.baris
	return masalah


def sasaran_tak_dikenal(daftar: Iterable[BarisIndikator], kode_sasaran: Iterable[str]) -> list[str]:
	"""An indicator whose sasaran is not one of the PK's own sasaran rows."""
	ada = {k.strip() for k in kode_sasaran if k}
	return [
		f"{b.baris}: sasaran '{b.kode_sasaran or ''}' tidak ada di tabel Sasaran PK ini."
		for b in daftar
		if (b.kode_sasaran or "").strip() not in ada
	]


def tanpa_induk(
	sasaran_bidang: Iterable[tuple[str, str | None]], sasaran_opd: Iterable[str], pk_opd: str
) -> list[str]:
	"""Cascading: each sasaran of a Kabid PK (``(baris, kode sasaran OPD)``) names a sasaran of the
	OPD's PK ``pk_opd`` (whose sasaran codes are ``sasaran_opd``)."""
	ada = {k.strip() for k in sasaran_opd if k}
	return [
		f"{baris}: tidak mengacu ke sasaran PK OPD {pk_opd} (kode '{induk or ''}' tidak ada di sana)."
		for baris, induk in sasaran_bidang
		if (induk or "").strip() not in ada
	]


# --------------------------------------------------------------------------- SIPD codes (Permendagri 90/2019)

JENIS_PROGRAM = ("Program", "Kegiatan", "Sub Kegiatan")
# Program x.xx.xx; Kegiatan adds x.xx; Sub Kegiatan adds xxxx (e.g. 1.03.02.2.01.0001).
_POLA_SIPD = {
	"Program": re.compile(r"^\d\.\d{2}\.\d{2}$"),
	"Kegiatan": re.compile(r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}$"),
	"Sub Kegiatan": re.compile(r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}$"),
}
_CONTOH_SIPD = {"Program": "1.03.02", "Kegiatan": "1.03.02.2.01", "Sub Kegiatan": "1.03.02.2.01.0001"}


def periksa_kode_sipd(baris: str, jenis: str, kode: str | None) -> str | None:
	"""The SIPD code of a program, kegiatan or sub-kegiatan has the shape of its kind."""
	if not kode:
		return None
	pola = _POLA_SIPD.get(jenis)
	if pola and not pola.match(kode.strip()):
		return f"{baris}: kode SIPD '{kode}' bukan kode {jenis} (contoh {_CONTOH_SIPD[jenis]})."
	return None


# --------------------------------------------------------------------------- versions


@dataclass(frozen=True)
class VersiPK:
	nama: str
	versi: int
	mulai_triwulan: int  # the first triwulan whose targets it gives (1 for version 1)


def versi_pada(versi: Iterable[VersiPK], triwulan: int) -> VersiPK | None:
	"""The version in force in ``triwulan``: the latest one that had started by then."""
	berlaku = [v for v in versi if v.mulai_triwulan <= triwulan]
	return max(berlaku, key=lambda v: v.versi) if berlaku else None


def target_lama_berubah(
	baris: str, lama: Sequence[object], baru: Sequence[object], mulai_triwulan: int
) -> str | None:
	"""A PK Perubahan from ``mulai_triwulan`` keeps the quarterly targets of the quarters before it."""
	romawi = ("I", "II", "III", "IV")
	beda = [romawi[i] for i in range(mulai_triwulan - 1) if abs(_d(lama[i]) - _d(baru[i])) > _TOLERANSI]
	if beda:
		return (
			f"{baris}: target TW {', '.join(beda)} sudah dipakai sebelum PK Perubahan berlaku "
			f"(mulai TW {romawi[mulai_triwulan - 1]}) dan tidak boleh diubah."
		)
	return None


# --------------------------------------------------------------------------- the deadline

AKHIR_HARI = time(23, 59, 59)
PERINGATAN_SEBELUM = timedelta(days=7)


def batas_penyusunan(tanggal_dpa: date) -> datetime:
	"""The PK is due at most one month after the DPA is approved: the same day a month later (the
	month's last day when it has no such day), to the end of that day."""
	tahun, bulan = (tanggal_dpa.year + (tanggal_dpa.month == 12), tanggal_dpa.month % 12 + 1)
	hari = min(tanggal_dpa.day, calendar.monthrange(tahun, bulan)[1])
	return datetime.combine(date(tahun, bulan, hari), AKHIR_HARI)


def status_batas(tanggal_dpa: date, sekarang: datetime, berlaku_pada: datetime | None = None) -> str:
	"""The deadline's status as an SOP step's clock reads (Berjalan, Hampir Jatuh Tempo, Terlambat,
	Selesai Tepat Waktu, Selesai Terlambat): done when the PK came into force."""
	batas = batas_penyusunan(tanggal_dpa)
	return status_pada(sekarang, batas, batas - PERINGATAN_SEBELUM, berlaku_pada)


# --------------------------------------------------------------------------- the Renstra frame


def periksa_renstra(
	mulai: int, selesai: int, indikator: Sequence[tuple[str, str]], target: Sequence[tuple[str, str, int]]
) -> list[str]:
	"""An OPD's Renstra: its period, one row per indicator code (``(baris, kode)``), and per indicator
	and year of the period at most one target row (``(baris, kode, tahun)``)."""
	masalah = []
	if not (mulai and selesai and mulai <= selesai <= mulai + 9):
		masalah.append(
			f"Periode Renstra {mulai}–{selesai} tidak valid: tahun selesai sesudah tahun mulai, paling lama 10 tahun."
		)
	kode: dict[str, str] = {}
	for baris, k in indikator:
		if k in kode:
			masalah.append(f"{baris}: kode '{k}' sudah dipakai di {kode[k]}.")
		kode.setdefault(k, baris)
	lihat: dict[tuple[str, int], str] = {}
	for baris, k, tahun in target:
		if k not in kode:
			masalah.append(f"{baris}: kode indikator '{k}' tidak ada di tabel Indikator.")
		if mulai and selesai and not mulai <= (tahun or 0) <= selesai:
			masalah.append(f"{baris}: tahun {tahun} di luar periode Renstra {mulai}–{selesai}.")
		if (k, tahun) in lihat:
			masalah.append(f"{baris}: target '{k}' tahun {tahun} sudah ada di {lihat[(k, tahun)]}.")
		lihat.setdefault((k, tahun), baris)
	return masalah
