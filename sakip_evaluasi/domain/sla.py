"""SLA of the SOP steps: each step's clock, measured on the Kalender Kerja.

Pure functions (no frappe) used by the SLA engine, the scheduled check, the evaluation form and the
Kepatuhan SOP report:

- ``rencanakan``: a step's deadline and warning moment from its start;
- ``status_pada``: a step's SLA status at a given moment (derived from the clock, not from the
  result of the last check); ``WARNA_STATUS``: the colour the desk shows it in;
- ``keterlambatan_jam``: lateness in working hours;
- ``statistik_kepatuhan``: share on time, median and worst lateness per group;
- ``atasan`` / ``rantai_atasan``: the chain of superiors in the SOP (escalation);
- ``saat_mulai_langkah``: which steps may already start, and since when;
- ``notifikasi_perlu``: which notifications still have to be sent for a status.

Rules:

- A step is **late** (Terlambat) when it is not finished and now is *past* its deadline (wall
  clock); finishing exactly on the deadline is still on time.
- **Hampir Jatuh Tempo** starts at the warning moment: ``ambang`` percent (default 75 %) of the
  *working time* between start and deadline, counted on the same calendar.
- **Lateness** is measured in working hours from the deadline to the finish (or to now when not
  finished); lateness that falls wholly outside working hours is 0 hours, although the status stays
  late.
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from sakip_evaluasi.domain.kalender import KalenderKerja
from sakip_evaluasi.domain.peran import KEPALA_BIDANG, KEPALA_DINAS, SEKRETARIS, SUBKOOR

BERJALAN = "Berjalan"
HAMPIR_JATUH_TEMPO = "Hampir Jatuh Tempo"
TERLAMBAT = "Terlambat"
SELESAI_TEPAT_WAKTU = "Selesai Tepat Waktu"
SELESAI_TERLAMBAT = "Selesai Terlambat"

STATUS_SLA = (BERJALAN, HAMPIR_JATUH_TEMPO, TERLAMBAT, SELESAI_TEPAT_WAKTU, SELESAI_TERLAMBAT)

# The colour the desk shows each status in (a Frappe indicator colour); the server sends it with
# the status, so no script keeps its own table.
WARNA_STATUS: Mapping[str, str] = {
	BERJALAN: "blue",
	HAMPIR_JATUH_TEMPO: "orange",
	TERLAMBAT: "red",
	SELESAI_TEPAT_WAKTU: "green",
	SELESAI_TERLAMBAT: "gray",
}

AMBANG_PERINGATAN_BAWAAN = 75

# How often the scheduled check runs, in minutes (Pengaturan SAKIP may choose another): a holder hears
# of a missed deadline within about this much, plus the queue's time.
INTERVAL_PEMERIKSAAN_BAWAAN = 1


def cron_pemeriksaan(menit: int) -> str:
	"""The cron expression of a check every ``menit`` minutes (60 and more: every hour)."""
	if menit >= 60:
		return "0 * * * *"
	return "* * * * *" if menit <= 1 else f"*/{menit} * * * *"


# The chain of superiors in the SOP: who receives the escalation when a step's holder is late.
ATASAN: Mapping[str, str] = {
	KEPALA_BIDANG: SEKRETARIS,
	SUBKOOR: SEKRETARIS,
	SEKRETARIS: KEPALA_DINAS,
}

_JAM = timedelta(hours=1)


@dataclass(frozen=True)
class Rencana:
	"""A step's schedule: start, warning moment and deadline."""

	mulai: datetime
	batas_peringatan: datetime
	batas_waktu: datetime


def _periksa_ambang(ambang: float | int | Decimal) -> Decimal:
	if isinstance(ambang, bool) or not isinstance(ambang, int | float | Decimal):
		raise ValueError(f"Ambang peringatan harus berupa angka persen, bukan {ambang!r}.")
	nilai = Decimal(str(ambang))
	if not nilai.is_finite() or not 0 < nilai < 100:
		raise ValueError(f"Ambang peringatan harus lebih dari 0 dan kurang dari 100 persen, bukan {ambang}.")
	return nilai


def saat_peringatan(
	kalender: KalenderKerja,
	mulai: datetime,
	batas_waktu: datetime,
	ambang: float | int | Decimal = AMBANG_PERINGATAN_BAWAAN,
) -> datetime:
	"""The moment ``ambang`` percent of the working time between ``mulai`` and ``batas_waktu`` is used."""
	persen = _periksa_ambang(ambang)
	total = kalender.working_time_between(mulai, batas_waktu)
	detik = (Decimal(total // timedelta(seconds=1)) * persen / 100).to_integral_value(ROUND_HALF_UP)
	return min(kalender.add_working_hours(mulai, timedelta(seconds=int(detik))), max(mulai, batas_waktu))


def rencanakan(
	kalender: KalenderKerja,
	mulai: datetime,
	waktu: float | int | Decimal,
	satuan: str,
	ambang: float | int | Decimal = AMBANG_PERINGATAN_BAWAAN,
) -> Rencana:
	"""A step's deadline (``mulai`` + the step's waktu on the calendar) and warning moment.

	Refuses a waktu of zero or less, an unknown unit, an ``ambang`` outside (0, 100) and an invalid
	calendar (ValueError / KalenderTidakValid, messages in Bahasa Indonesia).
	"""
	_periksa_ambang(ambang)
	batas = kalender.tambah_waktu(mulai, waktu, satuan)
	return Rencana(
		mulai=mulai, batas_peringatan=saat_peringatan(kalender, mulai, batas, ambang), batas_waktu=batas
	)


def status_pada(
	sekarang: datetime,
	batas_waktu: datetime,
	batas_peringatan: datetime | None = None,
	selesai: datetime | None = None,
) -> str:
	"""The SLA status at ``sekarang`` from the step's clock (no calendar: the warning moment is given)."""
	if selesai is not None:
		return SELESAI_TEPAT_WAKTU if selesai <= batas_waktu else SELESAI_TERLAMBAT
	if sekarang > batas_waktu:
		return TERLAMBAT
	if batas_peringatan is not None and sekarang >= batas_peringatan:
		return HAMPIR_JATUH_TEMPO
	return BERJALAN


def keterlambatan(kalender: KalenderKerja, batas_waktu: datetime, sampai: datetime) -> timedelta:
	"""Working time between the deadline and ``sampai`` (the finish, or now); zero when not late."""
	return kalender.working_time_between(batas_waktu, sampai)


def keterlambatan_jam(kalender: KalenderKerja, batas_waktu: datetime, sampai: datetime) -> float:
	"""Lateness in working hours, rounded to two decimals."""
	return round(keterlambatan(kalender, batas_waktu, sampai) / _JAM, 2)


# --- compliance ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilLangkah:
	"""The outcome of one step clock for the statistics: on time, or late by so many working hours."""

	kelompok: Hashable
	tepat_waktu: bool
	terlambat_jam: float = 0.0


@dataclass(frozen=True)
class StatistikKepatuhan:
	"""Compliance of one group of steps.

	``persen_tepat_waktu`` is computed over the steps whose outcome is known (finished, or still
	running but already late). The median and the worst lateness are computed over the late steps
	only; None when there are none.
	"""

	jumlah: int
	tepat_waktu: int
	terlambat: int
	persen_tepat_waktu: float | None
	median_terlambat_jam: float | None
	terburuk_jam: float | None


def ringkas(hasil: Iterable[HasilLangkah]) -> StatistikKepatuhan:
	daftar = list(hasil)
	tepat = sum(1 for h in daftar if h.tepat_waktu)
	telat = [h.terlambat_jam for h in daftar if not h.tepat_waktu]
	for jam in telat:
		if jam < 0:
			raise ValueError(f"Keterlambatan tidak boleh negatif ({jam}).")
	return StatistikKepatuhan(
		jumlah=len(daftar),
		tepat_waktu=tepat,
		terlambat=len(telat),
		persen_tepat_waktu=round(100 * tepat / len(daftar), 2) if daftar else None,
		median_terlambat_jam=round(median(telat), 2) if telat else None,
		terburuk_jam=round(max(telat), 2) if telat else None,
	)


def statistik_kepatuhan(hasil: Iterable[HasilLangkah]) -> dict[Hashable, StatistikKepatuhan]:
	"""Statistics per group, in the order the groups first appear."""
	per_kelompok: dict[Hashable, list[HasilLangkah]] = {}
	for h in hasil:
		per_kelompok.setdefault(h.kelompok, []).append(h)
	return {k: ringkas(v) for k, v in per_kelompok.items()}


def hasil_langkah(
	kelompok: Hashable,
	kalender: KalenderKerja,
	sekarang: datetime,
	batas_waktu: datetime,
	selesai: datetime | None,
) -> HasilLangkah | None:
	"""The outcome of a step clock at ``sekarang``; None when not yet known (running, not yet due)."""
	status = status_pada(sekarang, batas_waktu, None, selesai)
	if status == SELESAI_TEPAT_WAKTU:
		return HasilLangkah(kelompok, True)
	if status in (SELESAI_TERLAMBAT, TERLAMBAT):
		return HasilLangkah(kelompok, False, keterlambatan_jam(kalender, batas_waktu, selesai or sekarang))
	return None


# --- chain of superiors ---------------------------------------------------------------------------------


def atasan(peran: str | None) -> str | None:
	"""The direct superior's role in the SOP (Kepala Bidang and Subkor → Sekretaris → Kepala Dinas)."""
	return ATASAN.get(peran or "")


def rantai_atasan(peran: str | None) -> tuple[str, ...]:
	"""Every superior, from the nearest to the top of the chain."""
	rantai: list[str] = []
	while (peran := atasan(peran)) and peran not in rantai:
		rantai.append(peran)
	return tuple(rantai)


# --- order of the steps ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class JamLangkah:
	"""One existing step clock in brief: step number, bidang, and when it finished (if it has)."""

	langkah: int
	selesai: datetime | None
	bidang: str | None = None


def saat_mulai_langkah(
	urutan: Sequence[int], jam: Iterable[JamLangkah], awal: datetime
) -> dict[int, datetime]:
	"""The steps that may already start, with their start moments.

	The first step starts at ``awal``. The next step starts when the one before has *ended*: it has
	clocks and all of them (for a per-bidang step: every bidang's clock) are finished; its start is the
	latest finish among the steps before it. The result holds every step that has ended and the first
	step that has not.
	"""
	per_langkah: dict[int, list[JamLangkah]] = {}
	for j in jam:
		per_langkah.setdefault(j.langkah, []).append(j)
	hasil: dict[int, datetime] = {}
	mulai = awal
	for no in urutan:
		hasil[no] = mulai
		milik = per_langkah.get(no, [])
		if not milik or any(j.selesai is None for j in milik):
			break
		mulai = max(mulai, *(j.selesai for j in milik if j.selesai is not None))
	return hasil


# --- notifications --------------------------------------------------------------------------------------

KEPADA_PELAKSANA = "pelaksana"
KEPADA_ATASAN = "atasan"

# The bookkeeping column of Langkah Evaluasi per (recipient, status): filled = already sent.
CATATAN_NOTIFIKASI: Mapping[tuple[str, str], str] = {
	(KEPADA_PELAKSANA, BERJALAN): "diberitahu_mulai",
	(KEPADA_PELAKSANA, HAMPIR_JATUH_TEMPO): "diberitahu_peringatan",
	(KEPADA_PELAKSANA, TERLAMBAT): "diberitahu_terlambat",
	(KEPADA_ATASAN, TERLAMBAT): "eskalasi_terlambat",
}


def notifikasi_perlu(status: str, sudah: Iterable[str], ada_atasan: bool = True) -> list[tuple[str, str]]:
	"""The notifications (recipient, status) still to be sent for ``status``.

	Only the current status is notified (a step that jumps from Berjalan to Terlambat gets no stale
	warning); a notification whose bookkeeping column is in ``sudah`` is not sent again. A finished
	step is not notified.
	"""
	terkirim = set(sudah)
	perlu = [(KEPADA_PELAKSANA, status)]
	if status == TERLAMBAT and ada_atasan:
		perlu.append((KEPADA_ATASAN, status))
	return [p for p in perlu if p in CATATAN_NOTIFIKASI and CATATAN_NOTIFIKASI[p] not in terkirim]
