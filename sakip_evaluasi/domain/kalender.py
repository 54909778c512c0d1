"""Kalender kerja: menghitung tenggat langkah SOP pada jam kerja.

Semua waktu adalah datetime naif dalam zona waktu situs. Satu hari punya nol atau lebih
`Interval` kerja setengah-terbuka [mulai, selesai). Jam yang berlaku pada suatu tanggal
ditentukan dengan urutan: hari libur > hari kerja tambahan > jam kerja khusus > minggu normal.

Modul ini murni pustaka standar Python; jangan mengimpor frappe di sini.
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
BATAS_PENCARIAN_HARI = 3 * 366  # pencarian hari kerja berikutnya berhenti setelah kira-kira 3 tahun

_NOL = timedelta(0)
_SEHARI = timedelta(days=1)


class KalenderTidakValid(ValueError):
	"""Kalender kerja tidak bisa dipakai menghitung waktu; pesannya dalam Bahasa Indonesia."""


def _sejak_tengah_malam(t: time) -> timedelta:
	return timedelta(hours=t.hour, minutes=t.minute, seconds=t.second, microseconds=t.microsecond)


def _tengah_malam(d: date) -> datetime:
	return datetime.combine(d, time())


def _jam(t: time) -> str:
	return t.strftime("%H:%M:%S" if t.second else "%H:%M")


def _tgl(d: date) -> str:
	return d.strftime("%d-%m-%Y")


def _angka(nilai: float | int | Decimal) -> Decimal:
	"""Ubah jumlah waktu menjadi Decimal yang terhingga, atau tolak dengan ValueError."""
	if isinstance(nilai, bool) or not isinstance(nilai, int | float | Decimal):
		raise ValueError(f"Jumlah waktu harus berupa angka, bukan {nilai!r}.")
	angka = Decimal(str(nilai)) if isinstance(nilai, float) else Decimal(nilai)
	if not angka.is_finite():
		raise ValueError(f"Jumlah waktu harus berupa angka terhingga, bukan {nilai}.")
	return angka


def _durasi(jam: float | int | Decimal | timedelta) -> timedelta:
	"""Jumlah jam (atau timedelta) menjadi timedelta yang dibulatkan ke detik terdekat."""
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
	"""Satu rentang kerja [mulai, selesai) dalam sehari; tidak melewati tengah malam."""

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
	"""Hari libur; jenis salah satu dari JENIS_LIBUR."""

	tanggal: date
	keterangan: str
	jenis: str


@dataclass(frozen=True)
class HariKerjaTambahan:
	"""Hari kerja pengganti (mis. Sabtu) yang memakai jam hari `seperti_hari` (0=Senin … 6=Minggu)."""

	tanggal: date
	keterangan: str
	seperti_hari: int


@dataclass(frozen=True)
class JamKhusus:
	"""Jam kerja khusus per hari untuk rentang tanggal [dari, sampai]; hari yang tak tercantum libur."""

	dari: date
	sampai: date
	keterangan: str
	jam: Mapping[int, tuple[Interval, ...]]


def _periksa_minggu(jam: Mapping[int, tuple[Interval, ...]], lokasi: str) -> list[str]:
	"""Interval terbalik/kosong dan tumpang tindih dalam satu pola mingguan."""
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
	"""Kalender kerja: minggu normal, hari libur, hari kerja tambahan, dan jam kerja khusus.

	Pencarian tabel dipersiapkan di `__post_init__` sehingga tiap tanggal dicari dalam O(1).
	Perhitungan waktu menolak kalender yang tidak lolos `validasi()` dengan `KalenderTidakValid`.
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

	# --- validasi -------------------------------------------------------------------------------------

	def _periksa(self) -> list[str]:
		"""Semua pemeriksaan `validasi()`, termasuk yang menjamin perhitungan waktu selalu berhenti."""
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
		if ada_jam_kerja:  # tiap tahun yang tersentuh pengecualian harus punya hari kerja
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
		"""Semua masalah kalender dalam Bahasa Indonesia; daftar kosong bila kalender sah."""
		return list(self._masalah)

	def pastikan_valid(self) -> None:
		"""Naikkan KalenderTidakValid berisi semua pesan `validasi()` (satu per baris) bila ada."""
		if self._masalah:
			raise KalenderTidakValid("\n".join(self._masalah))

	# --- jam per tanggal ------------------------------------------------------------------------------

	def intervals_on(self, d: date) -> tuple[Interval, ...]:
		"""Interval kerja tanggal d: libur > hari kerja tambahan > jam khusus > minggu normal."""
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
		"""Jumlah jam kerja satu minggu normal."""
		return sum((i.durasi for daftar in self._normal.values() for i in daftar), _NOL) / timedelta(hours=1)

	def _hari_kerja_berikut(self, d: date) -> date:
		"""Hari kerja pertama pada atau sesudah d, dicari paling jauh BATAS_PENCARIAN_HARI hari."""
		for k in range(BATAS_PENCARIAN_HARI):
			hari = d + timedelta(days=k)
			if self.intervals_on(hari):
				return hari
		raise KalenderTidakValid(
			f"Tidak ada hari kerja dalam 3 tahun sejak {_tgl(d)} pada kalender “{self.nama}”: "
			"periksa hari libur dan jam kerjanya."
		)

	# --- aritmetika waktu kerja -----------------------------------------------------------------------

	def next_working_moment(self, dt: datetime) -> datetime:
		"""dt sendiri bila jam kerja, selain itu awal interval kerja berikutnya."""
		self.pastikan_valid()
		d = dt.date()
		pos = dt - _tengah_malam(d)
		for i in self.intervals_on(d):
			if pos < i.akhir:
				return _tengah_malam(d) + max(i.awal, pos)
		d = self._hari_kerja_berikut(d + _SEHARI)
		return _tengah_malam(d) + self.intervals_on(d)[0].awal

	def add_working_hours(self, dt: datetime, hours: float | int | Decimal | timedelta) -> datetime:
		"""Tambah `hours` jam kerja (dibulatkan ke detik) mulai dt; hanya jam kerja yang dihitung.

		Mulai di luar jam kerja dihitung dari saat kerja berikutnya. Bila sisa waktu habis tepat di akhir
		interval, hasilnya akhir interval itu (Senin 11:00 + 1 Jam = Senin 12:00, bukan 13:00).
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
				sisa -= sehari  # lompati hari kerja utuh sekaligus
				d = self._hari_kerja_berikut(d + _SEHARI)

	def add_working_days(self, dt: datetime, days: int) -> datetime:
		"""Tambah `days` hari kerja: tenggat “N Hari” jatuh pada jam yang sama N hari kerja kemudian.

		Aturan (ditetapkan produk):
		1. Mulai di luar jam kerja digeser dulu ke saat kerja berikutnya (Sabtu 09:00 → Senin 07:30).
		2. Tanggal tujuan adalah hari kerja ke-N sesudah tanggal mulai itu (hari tanpa jam kerja dilewati).
		3. Hasilnya jam yang sama pada tanggal tujuan. Bila jam itu bukan jam kerja (jam istirahat, sebelum
		   atau sesudah jam kerja hari itu, mis. hari berjam khusus yang lebih pendek), hasilnya saat kerja
		   BERIKUTNYA sesudahnya: Kamis 11:45 + 1 Hari → Jumat 11:45 (istirahat 11:30–13:00) → Jumat 13:00;
		   jam sesudah interval terakhir hari tujuan bergulir ke awal hari kerja berikutnya.
		days = 0 mengembalikan saat mulai yang sudah digeser; days negatif ditolak dengan ValueError.
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
		"""Lama jam kerja dalam [a, b); nol bila b <= a."""
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
		"""Tenggat standar waktu langkah SOP: `waktu` dalam satuan "Jam" atau "Hari" (bilangan bulat)."""
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
	"""Kalender instansi: Senin–Kamis 07:30–12:00 dan 13:00–16:00, Jumat 07:30–11:30 dan 13:00–16:30.

	Total 37,5 jam seminggu (Perpres 21/2023); Sabtu dan Minggu libur.
	"""
	senin_kamis = (Interval(time(7, 30), time(12)), Interval(time(13), time(16)))
	jumat = (Interval(time(7, 30), time(11, 30)), Interval(time(13), time(16, 30)))
	return KalenderKerja(
		nama="Kalender Kerja Default",
		jam_kerja={0: senin_kamis, 1: senin_kamis, 2: senin_kamis, 3: senin_kamis, 4: jumat},
		libur=tuple(libur),
	)
