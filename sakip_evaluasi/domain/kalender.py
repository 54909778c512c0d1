"""Working calendar (kalender kerja): the deadlines of SOP steps, counted in working time.

All times are naive datetimes in the site's time zone. A day has zero or more half-open working
`Interval`s [mulai, selesai). The hours that apply on a date are decided in this order:
holiday > extra working day > special working hours > normal week.

This module is pure Python standard library; never import frappe here.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from itertools import pairwise

NAMA_HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
JENIS_LIBUR = ("Libur Nasional", "Cuti Bersama", "Libur Daerah")
SATUAN_WAKTU = ("Jam", "Hari")
BATAS_PENCARIAN_HARI = 3 * 366  # the search for the next working day stops after about 3 years

_NOL = timedelta(0)
_SEHARI = timedelta(days=1)


class KalenderTidakValid(ValueError):
	"""A working calendar that cannot be used to compute times; its message is in Bahasa Indonesia."""


def _sejak_tengah_malam(t: time) -> timedelta:
	return timedelta(hours=t.hour, minutes=t.minute, seconds=t.second, microseconds=t.microsecond)


def _tengah_malam(d: date) -> datetime:
	return datetime.combine(d, time())


def _jam(t: time) -> str:
	return t.strftime("%H:%M:%S" if t.second else "%H:%M")


def _tgl(d: date) -> str:
	return d.strftime("%d-%m-%Y")


def _angka(nilai: float | int | Decimal) -> Decimal:
	"""An amount of time as a finite Decimal, or refused with ValueError."""
	if isinstance(nilai, bool) or not isinstance(nilai, int | float | Decimal):
		raise ValueError(f"Jumlah waktu harus berupa angka, bukan {nilai!r}.")
	angka = Decimal(str(nilai)) if isinstance(nilai, float) else Decimal(nilai)
	if not angka.is_finite():
		raise ValueError(f"Jumlah waktu harus berupa angka terhingga, bukan {nilai}.")
	return angka


def _durasi(jam: float | int | Decimal | timedelta) -> timedelta:
	"""A number of hours (or a timedelta) as a timedelta rounded to the nearest second."""
	if isinstance(jam, timedelta):
		if jam < _NOL:
			raise ValueError(f"Jumlah jam kerja tidak boleh negatif ({jam}).")
		return timedelta(seconds=(jam // timedelta(microseconds=1) + 500_000) // 1_000_000)
	angka = _angka(jam)
	if angka < 0:
		raise ValueError(f"Jumlah jam kerja tidak boleh negatif ({jam}).")
	return timedelta(seconds=int((angka * 3600).to_integral_value(ROUND_HALF_UP)))


def _urut(daftar: tuple["Interval", ...]) -> tuple["Interval", ...]:
	return tuple(sorted(daftar, key=lambda i: (i.mulai, i.selesai)))


@dataclass(frozen=True)
class Interval:
	"""One working span [mulai, selesai) within a day; it does not cross midnight."""

	mulai: time
	selesai: time

	@cached_property
	def awal(self) -> timedelta:
		return _sejak_tengah_malam(self.mulai)

	@cached_property
	def akhir(self) -> timedelta:
		return _sejak_tengah_malam(self.selesai)

	@cached_property
	def durasi(self) -> timedelta:
		return self.akhir - self.awal


@dataclass(frozen=True)
class Libur:
	"""A holiday; jenis is one of JENIS_LIBUR."""

	tanggal: date
	keterangan: str
	jenis: str


@dataclass(frozen=True)
class HariKerjaTambahan:
	"""A substitute working day (e.g. a Saturday) worked on the hours of weekday `seperti_hari`
	(0=Monday … 6=Sunday)."""

	tanggal: date
	keterangan: str
	seperti_hari: int


@dataclass(frozen=True)
class JamKhusus:
	"""Special working hours per weekday for the dates [dari, sampai]; a weekday not listed is a day off."""

	dari: date
	sampai: date
	keterangan: str
	jam: Mapping[int, tuple[Interval, ...]]


def _periksa_minggu(jam: Mapping[int, tuple[Interval, ...]], lokasi: str) -> list[str]:
	"""Reversed or empty intervals and overlaps within one weekly pattern."""
	masalah: list[str] = []
	for hari, daftar in sorted(jam.items()):
		if not 0 <= hari <= 6:
			masalah.append(f"Hari ke-{hari}{lokasi} tidak dikenal: gunakan 0 (Senin) sampai 6 (Minggu).")
			continue
		nama = NAMA_HARI[hari]
		for i in daftar:
			if i.mulai >= i.selesai:
				salah = "terbalik" if i.mulai > i.selesai else "kosong"
				masalah.append(
					f"Interval {nama} {_jam(i.mulai)}–{_jam(i.selesai)}{lokasi} {salah}: "
					"jam mulai harus sebelum jam selesai."
				)
		sah = _urut(tuple(i for i in daftar if i.mulai < i.selesai))
		for a, b in pairwise(sah):
			if b.mulai < a.selesai:
				masalah.append(
					f"Interval {nama} {_jam(a.mulai)}–{_jam(a.selesai)} dan "
					f"{_jam(b.mulai)}–{_jam(b.selesai)}{lokasi} tumpang tindih."
				)
	return masalah


@dataclass(frozen=True)
class KalenderKerja:
	"""Working calendar: normal week, holidays, extra working days and special working hours.

	The lookup tables are prepared in `__post_init__`, so each date is looked up in O(1).
	Time arithmetic refuses a calendar that does not pass `validasi()` with `KalenderTidakValid`.
	"""

	nama: str
	jam_kerja: Mapping[int, tuple[Interval, ...]]
	libur: tuple[Libur, ...] = ()
	hari_kerja_tambahan: tuple[HariKerjaTambahan, ...] = ()
	jam_khusus: tuple[JamKhusus, ...] = ()
	_normal: dict[int, tuple[Interval, ...]] = field(init=False, repr=False, compare=False)
	_tanggal_libur: frozenset[date] = field(init=False, repr=False, compare=False)
	_tambahan: dict[date, tuple[Interval, ...]] = field(init=False, repr=False, compare=False)
	_khusus: dict[date, tuple[Interval, ...]] = field(init=False, repr=False, compare=False)
	_masalah: tuple[str, ...] = field(init=False, repr=False, compare=False)

	def __post_init__(self) -> None:
		normal = {h: _urut(tuple(self.jam_kerja.get(h, ()))) for h in range(7)}
		khusus: dict[date, tuple[Interval, ...]] = {}
		for jk in self.jam_khusus:
			pola = {h: _urut(tuple(jk.jam.get(h, ()))) for h in range(7)}
			d = jk.dari
			while d <= jk.sampai:
				khusus.setdefault(d, pola[d.weekday()])
				d += _SEHARI
		setel = object.__setattr__
		setel(self, "_normal", normal)
		setel(self, "_tanggal_libur", frozenset(lb.tanggal for lb in self.libur))
		setel(
			self, "_tambahan", {h.tanggal: normal.get(h.seperti_hari, ()) for h in self.hari_kerja_tambahan}
		)
		setel(self, "_khusus", khusus)
		setel(self, "_masalah", tuple(self._periksa()))

	# --- validation -----------------------------------------------------------------------------------

	def _periksa(self) -> list[str]:
		"""Every check of `validasi()`, including those that guarantee the time arithmetic always ends."""
		masalah = _periksa_minggu(self.jam_kerja, "")
		ada_jam_kerja = any(i.mulai < i.selesai for daftar in self._normal.values() for i in daftar)
		if not ada_jam_kerja:
			masalah.append(
				"Minggu kerja normal tidak punya jam kerja sama sekali: isi jam kerja minimal satu hari."
			)
		terlihat: set[date] = set()
		for lb in self.libur:
			if lb.tanggal in terlihat:
				masalah.append(f"Tanggal libur {_tgl(lb.tanggal)} tercantum lebih dari sekali.")
			terlihat.add(lb.tanggal)
			if lb.jenis not in JENIS_LIBUR:
				masalah.append(
					f"Jenis libur “{lb.jenis}” pada {_tgl(lb.tanggal)} tidak dikenal: "
					f"gunakan {', '.join(JENIS_LIBUR)}."
				)
		terlihat = set()
		for h in self.hari_kerja_tambahan:
			if h.tanggal in terlihat:
				masalah.append(f"Hari kerja tambahan {_tgl(h.tanggal)} tercantum lebih dari sekali.")
			terlihat.add(h.tanggal)
			if h.tanggal in self._tanggal_libur:
				masalah.append(f"Hari kerja tambahan {_tgl(h.tanggal)} juga tercantum sebagai hari libur.")
			if not 0 <= h.seperti_hari <= 6:
				masalah.append(
					f"Hari kerja tambahan {_tgl(h.tanggal)}: hari ke-{h.seperti_hari} tidak dikenal, "
					"gunakan 0 (Senin) sampai 6 (Minggu)."
				)
		sah: list[JamKhusus] = []
		for jk in self.jam_khusus:
			masalah += _periksa_minggu(jk.jam, f" pada jam khusus “{jk.keterangan}”")
			if jk.dari > jk.sampai:
				masalah.append(
					f"Jam khusus “{jk.keterangan}”: tanggal mulai {_tgl(jk.dari)} "
					f"sesudah tanggal selesai {_tgl(jk.sampai)}."
				)
			else:
				sah.append(jk)
		for n, a in enumerate(sah):
			for b in sah[n + 1 :]:
				if a.dari <= b.sampai and b.dari <= a.sampai:
					masalah.append(
						f"Jam khusus “{a.keterangan}” dan “{b.keterangan}” tumpang tindih tanggalnya."
					)
		if ada_jam_kerja:  # every year an exception touches must have a working day
			tahun = {lb.tanggal.year for lb in self.libur} | {
				h.tanggal.year for h in self.hari_kerja_tambahan
			}
			for jk in sah:
				tahun.update(range(jk.dari.year, jk.sampai.year + 1))
			for t in sorted(tahun):
				if not self._ada_hari_kerja(t):
					masalah.append(
						f"Tidak ada satu pun hari kerja pada tahun {t}: "
						"semua hari tertutup hari libur atau tanpa jam kerja."
					)
		return masalah

	def _ada_hari_kerja(self, tahun: int) -> bool:
		d = date(tahun, 1, 1)
		while d.year == tahun:
			if self.intervals_on(d):
				return True
			d += _SEHARI
		return False

	def validasi(self) -> list[str]:
		"""Every problem of the calendar, in Bahasa Indonesia; an empty list when it is valid."""
		return list(self._masalah)

	def pastikan_valid(self) -> None:
		"""Raise KalenderTidakValid with every message of `validasi()` (one per line), if there is any."""
		if self._masalah:
			raise KalenderTidakValid("\n".join(self._masalah))

	# --- hours per date -------------------------------------------------------------------------------

	def intervals_on(self, d: date) -> tuple[Interval, ...]:
		"""The working intervals of date d: holiday > extra working day > special hours > normal week."""
		if d in self._tanggal_libur:
			return ()
		jam = self._tambahan.get(d)
		if jam is None:
			jam = self._khusus.get(d)
		return self._normal[d.weekday()] if jam is None else jam

	def is_working_day(self, d: date) -> bool:
		return bool(self.intervals_on(d))

	def is_working_moment(self, dt: datetime) -> bool:
		pos = dt - _tengah_malam(dt.date())
		return any(i.awal <= pos < i.akhir for i in self.intervals_on(dt.date()))

	def jam_per_minggu(self) -> float:
		"""The working hours of one normal week."""
		return sum((i.durasi for daftar in self._normal.values() for i in daftar), _NOL) / timedelta(hours=1)

	def _hari_kerja_berikut(self, d: date) -> date:
		"""The first working day on or after d, searched at most BATAS_PENCARIAN_HARI days ahead."""
		for k in range(BATAS_PENCARIAN_HARI):
			hari = d + timedelta(days=k)
			if self.intervals_on(hari):
				return hari
		raise KalenderTidakValid(
			f"Tidak ada hari kerja dalam 3 tahun sejak {_tgl(d)} pada kalender “{self.nama}”: "
			"periksa hari libur dan jam kerjanya."
		)

	# --- working-time arithmetic ----------------------------------------------------------------------

	def next_working_moment(self, dt: datetime) -> datetime:
		"""dt itself when it is working time, otherwise the start of the next working interval."""
		self.pastikan_valid()
		d = dt.date()
		pos = dt - _tengah_malam(d)
		for i in self.intervals_on(d):
			if pos < i.akhir:
				return _tengah_malam(d) + max(i.awal, pos)
		d = self._hari_kerja_berikut(d + _SEHARI)
		return _tengah_malam(d) + self.intervals_on(d)[0].awal

	def add_working_hours(self, dt: datetime, hours: float | int | Decimal | timedelta) -> datetime:
		"""Add `hours` working hours (rounded to the second) from dt; only working time counts.

		A start outside working time counts from the next working moment. When the remaining time runs
		out exactly at the end of an interval, the result is that end (Monday 11:00 + 1 Jam = Monday
		12:00, not 13:00).
		"""
		sisa = _durasi(hours)
		mulai = self.next_working_moment(dt)
		if not sisa:
			return mulai
		d = mulai.date()
		pos = mulai - _tengah_malam(d)
		while True:
			for i in self.intervals_on(d):
				if i.akhir <= pos:
					continue
				dari = max(i.awal, pos)
				if sisa <= i.akhir - dari:
					return _tengah_malam(d) + dari + sisa
				sisa -= i.akhir - dari
			d, pos = self._hari_kerja_berikut(d + _SEHARI), _NOL
			while sisa > (sehari := sum((i.durasi for i in self.intervals_on(d)), _NOL)):
				sisa -= sehari  # skip whole working days at once
				d = self._hari_kerja_berikut(d + _SEHARI)

	def add_working_days(self, dt: datetime, days: int) -> datetime:
		"""Add `days` working days: an “N Hari” deadline falls at the same clock time N working days later.

		Rules (set by the product):
		1. A start outside working time is first moved to the next working moment (Saturday 09:00 →
		   Monday 07:30).
		2. The target date is the N-th working day after that start date (days without working hours are
		   skipped).
		3. The result is the same clock time on the target date. When that time is not working time (a
		   break, before or after that day's working hours, e.g. a day with shorter special hours), the
		   result is the NEXT working moment after it: Thursday 11:45 + 1 Hari → Friday 11:45 (break
		   11:30–13:00) → Friday 13:00; a time after the target day's last interval rolls over to the
		   start of the next working day.
		days = 0 returns the moved start; a negative days is refused with ValueError.
		"""
		if isinstance(days, bool) or not isinstance(days, int):
			raise ValueError(f"Jumlah hari kerja harus bilangan bulat, bukan {days!r}.")
		if days < 0:
			raise ValueError(f"Jumlah hari kerja tidak boleh negatif ({days}).")
		mulai = self.next_working_moment(dt)
		d = mulai.date()
		for _ in range(days):
			d = self._hari_kerja_berikut(d + _SEHARI)
		return self.next_working_moment(_tengah_malam(d) + (mulai - _tengah_malam(mulai.date())))

	def working_time_between(self, a: datetime, b: datetime) -> timedelta:
		"""The working time within [a, b); zero when b <= a."""
		self.pastikan_valid()
		total = _NOL
		d = a.date()
		while a < b and d <= b.date():
			nol = _tengah_malam(d)
			dari, sampai = max(a - nol, _NOL), min(b - nol, _SEHARI)
			for i in self.intervals_on(d):
				total += max(_NOL, min(i.akhir, sampai) - max(i.awal, dari))
			d += _SEHARI
		return total

	def tambah_waktu(self, mulai: datetime, waktu: float | int | Decimal, satuan: str) -> datetime:
		"""The deadline of an SOP step's time standard: `waktu` in "Jam" or in "Hari" (a whole number)."""
		if satuan not in SATUAN_WAKTU:
			raise ValueError(f"Satuan waktu “{satuan}” tidak dikenal: gunakan “Jam” atau “Hari”.")
		angka = _angka(waktu)
		if angka <= 0:
			raise ValueError(f"Waktu harus lebih dari 0, bukan {waktu}.")
		if satuan == "Jam":
			return self.add_working_hours(mulai, angka)
		if angka != angka.to_integral_value():
			raise ValueError(f"Waktu dalam satuan Hari harus bilangan bulat, bukan {waktu}.")
		return self.add_working_days(mulai, int(angka))


def kalender_default(libur: tuple[Libur, ...] = ()) -> KalenderKerja:
	"""The agency's calendar: Monday–Thursday 07:30–12:00 and 13:00–16:00, Friday 07:30–11:30 and
	13:00–16:30.

	37.5 hours a week in all (Perpres 21/2023); Saturday and Sunday are days off.
	"""
	senin_kamis = (Interval(time(7, 30), time(12)), Interval(time(13), time(16)))
	jumat = (Interval(time(7, 30), time(11, 30)), Interval(time(13), time(16, 30)))
	return KalenderKerja(
		nama="Kalender Kerja Default",
		jam_kerja={0: senin_kamis, 1: senin_kamis, 2: senin_kamis, 3: senin_kamis, 4: jumat},
		libur=tuple(libur),
	)
