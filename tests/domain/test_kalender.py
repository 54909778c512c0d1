from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest

from sakip_evaluasi.domain.kalender import (
	HariKerjaTambahan,
	Interval,
	JamKhusus,
	KalenderKerja,
	KalenderTidakValid,
	Libur,
	kalender_default,
)


def iv(mulai: str, selesai: str) -> Interval:
	return Interval(time.fromisoformat(mulai), time.fromisoformat(selesai))


def t(teks: str) -> datetime:
	return datetime.fromisoformat(teks)


def libur(tanggal: str, keterangan: str = "Libur", jenis: str = "Libur Nasional") -> Libur:
	return Libur(date.fromisoformat(tanggal), keterangan, jenis)


# Week of 2026-11-16 (Mon) … 2026-11-20 (Fri), 2026-11-21 (Sat), 2026-11-23 (Mon).
DEFAULT = kalender_default()
KAMIS_LIBUR = kalender_default((libur("2026-11-19"),))
SABTU_MASUK = KalenderKerja(
	"Sabtu masuk",
	DEFAULT.jam_kerja,
	hari_kerja_tambahan=(HariKerjaTambahan(date(2026, 11, 21), "Pengganti cuti bersama", 0),),
)
RAMADAN = JamKhusus(
	date(2026, 2, 19),  # Thursday
	date(2026, 3, 19),
	"Ramadan",
	{
		0: (iv("08:00", "15:00"),),
		1: (iv("08:00", "15:00"),),
		2: (iv("08:00", "15:00"),),
		3: (iv("08:00", "15:00"),),
		4: (iv("08:00", "11:30"), iv("13:00", "15:30")),
	},
)
PUASA = KalenderKerja("Puasa", DEFAULT.jam_kerja, jam_khusus=(RAMADAN,))
# An odd calendar for the properties: second-exact edges, a one-second interval, a day ending 23:59:59,
# a working Saturday, an off week inside a special range, holidays and an extra day.
ANEH = KalenderKerja(
	"Aneh",
	{
		0: (iv("22:00", "23:59:59"), iv("06:00", "09:15:30"), iv("10:00:00", "10:00:01")),
		2: (iv("00:00", "00:00:01"), iv("13:00", "13:30")),
		5: (iv("09:00", "12:00"),),
	},
	libur=(libur("2025-12-27"), libur("2026-06-01", jenis="Cuti Bersama"), libur("2027-03-03")),
	hari_kerja_tambahan=(HariKerjaTambahan(date(2026, 6, 4), "Kamis masuk", 2),),
	jam_khusus=(JamKhusus(date(2026, 9, 1), date(2026, 9, 20), "Libur panjang", {}),),
)


def test_default_calendar_is_valid_and_has_37_5_hours():
	assert DEFAULT.nama == "Kalender Kerja Default"
	assert DEFAULT.validasi() == []
	assert DEFAULT.jam_per_minggu() == 37.5
	for kalender in (KAMIS_LIBUR, SABTU_MASUK, PUASA, ANEH):
		assert kalender.validasi() == [], kalender.nama


@pytest.mark.parametrize(
	"kalender, mulai, jam, hasil",
	[
		(DEFAULT, "2026-11-20 16:00", 1, "2026-11-23 08:00"),
		(DEFAULT, "2026-11-16 11:30", 1, "2026-11-16 13:30"),
		(DEFAULT, "2026-11-16 11:00", 1, "2026-11-16 12:00"),
		(DEFAULT, "2026-11-21 09:00", 1, "2026-11-23 08:30"),
		(DEFAULT, "2026-11-23 06:00", 1, "2026-11-23 08:30"),
		(DEFAULT, "2026-11-16 12:30", 1, "2026-11-16 14:00"),
		(DEFAULT, "2026-11-16 16:00", 1, "2026-11-17 08:30"),
		(DEFAULT, "2026-11-16 07:30", 7.5, "2026-11-16 16:00"),
		(DEFAULT, "2026-11-16 07:30", 37.5, "2026-11-20 16:30"),
		(DEFAULT, "2026-11-16 07:30", Decimal("0.5"), "2026-11-16 08:00"),
		(DEFAULT, "2026-11-16 07:30", timedelta(minutes=90), "2026-11-16 09:00"),
		(DEFAULT, "2026-11-16 07:30", 1 / 3600, "2026-11-16 07:30:01"),
		(DEFAULT, "2026-11-16 07:30", Decimal("0.0001"), "2026-11-16 07:30"),  # 0.36 s rounds to 0
		(DEFAULT, "2026-11-16 07:30", 0, "2026-11-16 07:30"),
		(KAMIS_LIBUR, "2026-11-18 16:00", 1, "2026-11-20 08:30"),
		(kalender_default((libur("2026-08-17"),)), "2026-08-14 16:00", 1, "2026-08-18 08:00"),
		(SABTU_MASUK, "2026-11-20 16:00", 1, "2026-11-21 08:00"),
		(SABTU_MASUK, "2026-11-21 15:00", 2, "2026-11-23 08:30"),
		(PUASA, "2026-02-23 08:00", 7, "2026-02-23 15:00"),
		(PUASA, "2026-02-23 14:00", 2, "2026-02-24 09:00"),
		(PUASA, "2026-02-20 11:00", 1, "2026-02-20 13:30"),
		(PUASA, "2026-02-18 15:00", 2, "2026-02-19 09:00"),
	],
	ids=[
		"jumat-sore-ke-senin",
		"lewat-istirahat",
		"habis-tepat-di-akhir-interval",
		"mulai-sabtu",
		"mulai-sebelum-jam-kerja",
		"mulai-dalam-istirahat",
		"mulai-setelah-pulang",
		"satu-hari-penuh",
		"satu-minggu-penuh",
		"setengah-jam-decimal",
		"timedelta",
		"satu-detik",
		"pecahan-detik-dibulatkan",
		"nol-jam",
		"kamis-libur-dilewati",
		"senin-libur-dilewati",
		"sabtu-masuk-dihitung",
		"sabtu-masuk-jam-senin",
		"ramadan-sehari",
		"ramadan-hari-pendek",
		"ramadan-istirahat-jumat",
		"masuk-ramadan",
	],
)
def test_add_working_hours(kalender, mulai, jam, hasil):
	assert kalender.add_working_hours(t(mulai), jam) == t(hasil)


@pytest.mark.parametrize(
	"kalender, mulai, hari, hasil",
	[
		(DEFAULT, "2026-11-18 10:00", 2, "2026-11-20 10:00"),
		(KAMIS_LIBUR, "2026-11-18 10:00", 2, "2026-11-23 10:00"),
		(DEFAULT, "2026-11-19 11:45", 1, "2026-11-20 13:00"),
		(DEFAULT, "2026-11-20 16:15", 1, "2026-11-24 07:30"),
		(DEFAULT, "2026-11-19 16:15", 1, "2026-11-23 07:30"),
		(DEFAULT, "2026-11-20 10:00", 1, "2026-11-23 10:00"),
		(DEFAULT, "2026-11-21 09:00", 1, "2026-11-24 07:30"),
		(DEFAULT, "2026-11-16 12:30", 1, "2026-11-17 13:00"),
		(DEFAULT, "2026-11-16 10:00", 5, "2026-11-23 10:00"),
		(DEFAULT, "2026-11-21 09:00", 0, "2026-11-23 07:30"),
		(SABTU_MASUK, "2026-11-20 10:00", 1, "2026-11-21 10:00"),
		(PUASA, "2026-02-18 15:30", 1, "2026-02-20 08:00"),
		(PUASA, "2026-02-18 07:45", 1, "2026-02-19 08:00"),
		(PUASA, "2026-03-19 14:00", 1, "2026-03-20 14:00"),
	],
	ids=[
		"rabu-plus-dua",
		"libur-kamis-dilewati",
		"jatuh-di-istirahat-jumat",
		"jatuh-sesudah-jam-pulang",
		"mulai-sesudah-pulang-digeser-dulu",
		"jumat-ke-senin",
		"mulai-sabtu-digeser-dulu",
		"mulai-istirahat-digeser-dulu",
		"lima-hari-seminggu",
		"nol-hari-menggeser-saja",
		"sabtu-masuk-dihitung",
		"ramadan-lebih-pendek-ke-hari-berikut",
		"ramadan-mulai-lebih-siang",
		"keluar-ramadan",
	],
)
def test_add_working_days(kalender, mulai, hari, hasil):
	assert kalender.add_working_days(t(mulai), hari) == t(hasil)


@pytest.mark.parametrize("hari", [-1, 1.5, True], ids=["negatif", "pecahan", "bool"])
def test_add_working_days_refuses_bad_counts(hari):
	with pytest.raises(ValueError, match="Jumlah hari kerja"):
		DEFAULT.add_working_days(t("2026-11-16 10:00"), hari)


@pytest.mark.parametrize(
	"jam, pesan",
	[
		(-1, "tidak boleh negatif"),
		(timedelta(hours=-1), "tidak boleh negatif"),
		(float("nan"), "terhingga"),
		("1", "harus berupa angka"),
	],
	ids=["negatif", "timedelta-negatif", "nan", "teks"],
)
def test_add_working_hours_refuses_bad_amounts(jam, pesan):
	with pytest.raises(ValueError, match=pesan):
		DEFAULT.add_working_hours(t("2026-11-16 10:00"), jam)


@pytest.mark.parametrize(
	"kalender, tanggal, harapan",
	[
		(DEFAULT, "2026-11-16", (iv("07:30", "12:00"), iv("13:00", "16:00"))),
		(DEFAULT, "2026-11-20", (iv("07:30", "11:30"), iv("13:00", "16:30"))),
		(DEFAULT, "2026-11-21", ()),
		(KAMIS_LIBUR, "2026-11-19", ()),
		(SABTU_MASUK, "2026-11-21", (iv("07:30", "12:00"), iv("13:00", "16:00"))),
		(PUASA, "2026-02-20", (iv("08:00", "11:30"), iv("13:00", "15:30"))),
		(PUASA, "2026-02-21", ()),
		(PUASA, "2026-03-20", (iv("07:30", "11:30"), iv("13:00", "16:30"))),
		(ANEH, "2026-09-07", ()),
		(ANEH, "2026-06-04", (iv("00:00", "00:00:01"), iv("13:00", "13:30"))),
	],
	ids=[
		"senin",
		"jumat",
		"sabtu",
		"libur",
		"hari-tambahan",
		"ramadan-jumat",
		"ramadan-sabtu",
		"sesudah-ramadan",
		"jam-khusus-kosong",
		"urut-menurut-jam",
	],
)
def test_intervals_on(kalender, tanggal, harapan):
	assert kalender.intervals_on(date.fromisoformat(tanggal)) == harapan
	assert kalender.is_working_day(date.fromisoformat(tanggal)) == bool(harapan)


def test_precedence_holiday_then_extra_day_then_special_hours():
	sabtu_ramadan = date(2026, 2, 21)
	kalender = KalenderKerja(
		"Urutan",
		DEFAULT.jam_kerja,
		libur=(libur("2026-02-23"), libur("2026-02-28")),
		hari_kerja_tambahan=(
			HariKerjaTambahan(sabtu_ramadan, "Masuk", 4),
			HariKerjaTambahan(date(2026, 2, 28), "Bentrok", 0),
		),
		jam_khusus=(RAMADAN,),
	)
	assert kalender.intervals_on(date(2026, 2, 23)) == ()  # holiday beats special hours
	assert kalender.intervals_on(date(2026, 2, 28)) == ()  # holiday beats extra day (and is reported)
	assert kalender.intervals_on(sabtu_ramadan) == DEFAULT.intervals_on(
		date(2026, 2, 20)
	)  # extra beats special
	assert kalender.intervals_on(date(2026, 2, 24)) == (iv("08:00", "15:00"),)


@pytest.mark.parametrize(
	"momen, kerja",
	[
		("2026-11-16 07:29:59", False),
		("2026-11-16 07:30", True),
		("2026-11-16 11:59:59", True),
		("2026-11-16 12:00", False),
		("2026-11-16 13:00", True),
		("2026-11-16 16:00", False),
		("2026-11-21 09:00", False),
	],
	ids=[
		"sebelum-masuk",
		"tepat-masuk",
		"detik-terakhir-pagi",
		"mulai-istirahat",
		"akhir-istirahat",
		"pulang",
		"sabtu",
	],
)
def test_is_working_moment_uses_half_open_intervals(momen, kerja):
	assert DEFAULT.is_working_moment(t(momen)) is kerja


@pytest.mark.parametrize(
	"momen, hasil",
	[
		("2026-11-16 09:00", "2026-11-16 09:00"),
		("2026-11-16 12:00", "2026-11-16 13:00"),
		("2026-11-20 16:30", "2026-11-23 07:30"),
		("2026-11-22 23:59:59", "2026-11-23 07:30"),
	],
	ids=["sudah-kerja", "istirahat", "jumat-pulang", "minggu-malam"],
)
def test_next_working_moment(momen, hasil):
	assert DEFAULT.next_working_moment(t(momen)) == t(hasil)


@pytest.mark.parametrize(
	"kalender, a, b, jam",
	[
		(DEFAULT, "2026-11-16 07:30", "2026-11-23 07:30", 37.5),
		(DEFAULT, "2026-11-16 00:00", "2026-11-17 00:00", 7.5),
		(DEFAULT, "2026-11-16 11:30", "2026-11-16 13:30", 1),
		(DEFAULT, "2026-11-20 16:00", "2026-11-23 08:00", 1),
		(DEFAULT, "2026-11-23 08:00", "2026-11-20 16:00", 0),
		(DEFAULT, "2026-11-16 09:00", "2026-11-16 09:00", 0),
		(KAMIS_LIBUR, "2026-11-16 07:30", "2026-11-23 07:30", 30),
		(SABTU_MASUK, "2026-11-16 07:30", "2026-11-23 07:30", 45),
		(PUASA, "2026-02-23 00:00", "2026-03-02 00:00", 34),
	],
	ids=[
		"seminggu",
		"sehari",
		"lewat-istirahat",
		"lewat-akhir-pekan",
		"terbalik",
		"kosong",
		"dengan-libur",
		"dengan-sabtu-masuk",
		"minggu-ramadan",
	],
)
def test_working_time_between(kalender, a, b, jam):
	assert kalender.working_time_between(t(a), t(b)) == timedelta(hours=jam)


@pytest.mark.parametrize(
	"waktu, satuan, hasil",
	[
		(1, "Jam", "2026-11-20 13:30"),
		(Decimal("1.5"), "Jam", "2026-11-20 14:00"),
		(2, "Hari", "2026-11-24 11:00"),
		(Decimal("2.0"), "Hari", "2026-11-24 11:00"),
		(1.0, "Hari", "2026-11-23 11:00"),
	],
	ids=["jam", "jam-pecahan", "hari", "hari-decimal-bulat", "hari-float-bulat"],
)
def test_tambah_waktu(waktu, satuan, hasil):
	assert DEFAULT.tambah_waktu(t("2026-11-20 11:00"), waktu, satuan) == t(hasil)


@pytest.mark.parametrize(
	"waktu, satuan, pesan",
	[
		(1, "Menit", "Satuan waktu “Menit” tidak dikenal"),
		(0, "Jam", "harus lebih dari 0"),
		(-2, "Hari", "harus lebih dari 0"),
		(Decimal("1.5"), "Hari", "harus bilangan bulat"),
		(None, "Jam", "harus berupa angka"),
	],
	ids=["satuan-asing", "nol", "negatif", "hari-pecahan", "kosong"],
)
def test_tambah_waktu_refuses(waktu, satuan, pesan):
	with pytest.raises(ValueError, match=pesan):
		DEFAULT.tambah_waktu(t("2026-11-20 11:00"), waktu, satuan)


def test_large_amounts_jump_whole_days():
	mulai = t("2025-01-06 07:30")
	akhir = DEFAULT.add_working_hours(mulai, 100_000)
	assert DEFAULT.working_time_between(mulai, akhir) == timedelta(hours=100_000)
	assert DEFAULT.add_working_hours(mulai, 37.5 * 52) == t("2026-01-02 16:30")  # 52 weeks, ends on a Friday


# --- validasi ---------------------------------------------------------------------------------------------

SENIN = {0: (iv("07:30", "12:00"),)}
TAHUN_TANPA_KERJA = (
	"Tidak ada satu pun hari kerja pada tahun 2026: semua hari tertutup hari libur atau tanpa jam kerja."
)


def semua_hari(tahun: int) -> tuple[Libur, ...]:
	awal = date(tahun, 1, 1)
	return tuple(
		Libur(awal + timedelta(days=k), "Libur", "Libur Daerah")
		for k in range((date(tahun + 1, 1, 1) - awal).days)
	)


@pytest.mark.parametrize(
	"kalender, pesan",
	[
		(
			KalenderKerja("X", {0: (iv("12:00", "07:30"),), 1: (iv("08:00", "12:00"),)}),
			"Interval Senin 12:00–07:30 terbalik: jam mulai harus sebelum jam selesai.",
		),
		(
			KalenderKerja("X", {0: (iv("08:00", "08:00"),), 1: (iv("08:00", "12:00"),)}),
			"Interval Senin 08:00–08:00 kosong: jam mulai harus sebelum jam selesai.",
		),
		(
			KalenderKerja("X", {1: (iv("11:00", "13:00"), iv("07:30", "12:00"))}),
			"Interval Selasa 07:30–12:00 dan 11:00–13:00 tumpang tindih.",
		),
		(
			KalenderKerja("X", {}),
			"Minggu kerja normal tidak punya jam kerja sama sekali: isi jam kerja minimal satu hari.",
		),
		(
			KalenderKerja("X", {0: (iv("12:00", "07:30"),)}),
			"Minggu kerja normal tidak punya jam kerja sama sekali: isi jam kerja minimal satu hari.",
		),
		(
			KalenderKerja("X", {7: (iv("08:00", "12:00"),), **SENIN}),
			"Hari ke-7 tidak dikenal: gunakan 0 (Senin) sampai 6 (Minggu).",
		),
		(
			KalenderKerja("X", SENIN, libur=(libur("2026-08-17"), libur("2026-08-17", "Lagi"))),
			"Tanggal libur 17-08-2026 tercantum lebih dari sekali.",
		),
		(
			KalenderKerja("X", SENIN, libur=(libur("2026-08-17", jenis="Libur Kantor"),)),
			"Jenis libur “Libur Kantor” pada 17-08-2026 tidak dikenal: "
			"gunakan Libur Nasional, Cuti Bersama, Libur Daerah.",
		),
		(
			KalenderKerja(
				"X",
				SENIN,
				libur=(libur("2026-11-21"),),
				hari_kerja_tambahan=(HariKerjaTambahan(date(2026, 11, 21), "Masuk", 0),),
			),
			"Hari kerja tambahan 21-11-2026 juga tercantum sebagai hari libur.",
		),
		(
			KalenderKerja(
				"X", SENIN, hari_kerja_tambahan=(HariKerjaTambahan(date(2026, 11, 21), "Masuk", 0),) * 2
			),
			"Hari kerja tambahan 21-11-2026 tercantum lebih dari sekali.",
		),
		(
			KalenderKerja(
				"X", SENIN, hari_kerja_tambahan=(HariKerjaTambahan(date(2026, 11, 21), "Masuk", 9),)
			),
			"Hari kerja tambahan 21-11-2026: hari ke-9 tidak dikenal, gunakan 0 (Senin) sampai 6 (Minggu).",
		),
		(
			KalenderKerja(
				"X", SENIN, jam_khusus=(JamKhusus(date(2026, 3, 19), date(2026, 2, 19), "Ramadan", {}),)
			),
			"Jam khusus “Ramadan”: tanggal mulai 19-03-2026 sesudah tanggal selesai 19-02-2026.",
		),
		(
			KalenderKerja(
				"X", SENIN, jam_khusus=(RAMADAN, JamKhusus(date(2026, 3, 19), date(2026, 3, 31), "Mudik", {}))
			),
			"Jam khusus “Ramadan” dan “Mudik” tumpang tindih tanggalnya.",
		),
		(
			KalenderKerja(
				"X",
				SENIN,
				jam_khusus=(
					JamKhusus(date(2026, 2, 19), date(2026, 3, 19), "Ramadan", {4: (iv("13:00", "11:30"),)}),
				),
			),
			"Interval Jumat 13:00–11:30 pada jam khusus “Ramadan” terbalik: "
			"jam mulai harus sebelum jam selesai.",
		),
		(
			KalenderKerja(
				"X",
				SENIN,
				jam_khusus=(
					JamKhusus(
						date(2026, 2, 19),
						date(2026, 3, 19),
						"Ramadan",
						{4: (iv("08:00", "11:30"), iv("11:00", "15:00"))},
					),
				),
			),
			"Interval Jumat 08:00–11:30 dan 11:00–15:00 pada jam khusus “Ramadan” tumpang tindih.",
		),
		(
			kalender_default(semua_hari(2026)),
			TAHUN_TANPA_KERJA,
		),
		(
			KalenderKerja(
				"X", SENIN, jam_khusus=(JamKhusus(date(2025, 12, 1), date(2027, 1, 31), "Tutup", {}),)
			),
			TAHUN_TANPA_KERJA,
		),
	],
	ids=[
		"interval-terbalik",
		"interval-kosong",
		"interval-tumpang-tindih",
		"tanpa-jam-kerja",
		"hanya-interval-terbalik",
		"hari-asing",
		"libur-ganda",
		"jenis-libur-asing",
		"hari-tambahan-libur",
		"hari-tambahan-ganda",
		"seperti-hari-asing",
		"jam-khusus-terbalik",
		"jam-khusus-tumpang-tindih",
		"interval-khusus-terbalik",
		"interval-khusus-tumpang-tindih",
		"setahun-libur",
		"setahun-jam-khusus-kosong",
	],
)
def test_validasi_refuses_bad_calendars(kalender, pesan):
	assert pesan in kalender.validasi(), kalender.validasi()
	with pytest.raises(KalenderTidakValid) as info:
		kalender.pastikan_valid()
	assert str(info.value) == "\n".join(kalender.validasi())
	with pytest.raises(KalenderTidakValid):
		kalender.add_working_hours(t("2026-11-16 08:00"), 1)


def test_valid_calendars_accept_touching_intervals_and_extra_days_in_special_ranges():
	kalender = KalenderKerja(
		"X",
		{0: (iv("07:30", "12:00"), iv("12:00", "16:00")), 6: (iv("00:00", "23:59:59"),)},
		hari_kerja_tambahan=(HariKerjaTambahan(date(2026, 2, 21), "Masuk", 0),),
		jam_khusus=(RAMADAN, JamKhusus(date(2026, 3, 20), date(2026, 3, 31), "Sesudahnya", {})),
	)
	assert kalender.validasi() == []
	kalender.pastikan_valid()
	assert kalender.add_working_hours(t("2026-11-16 11:00"), 1) == t("2026-11-16 12:00")


def test_pastikan_valid_joins_all_messages():
	kalender = KalenderKerja("X", {0: (iv("12:00", "07:30"),)}, libur=(libur("2026-01-01"),) * 2)
	assert len(kalender.validasi()) == 3
	with pytest.raises(
		KalenderTidakValid, match="terbalik(.|\n)*tidak punya jam kerja(.|\n)*lebih dari sekali"
	):
		kalender.pastikan_valid()


def test_search_forward_is_bounded():
	kalender = kalender_default(sum((semua_hari(tahun) for tahun in range(2025, 2029)), ()))
	for metode in (
		lambda: kalender.next_working_moment(t("2025-01-01 08:00")),
		lambda: kalender.add_working_days(t("2025-01-01 08:00"), 1),
		lambda: kalender.working_time_between(t("2025-01-01 08:00"), t("2025-01-02 08:00")),
	):
		with pytest.raises(KalenderTidakValid):
			metode()
	object.__setattr__(kalender, "_masalah", ())  # pretend it were valid: the search itself must still stop
	with pytest.raises(KalenderTidakValid, match="Tidak ada hari kerja dalam 3 tahun sejak 02-01-2025"):
		kalender.next_working_moment(t("2025-01-01 08:00"))
