"""Continued from ``test_kalender.py`` (split to keep modules short)."""

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sakip_evaluasi.domain.kalender import (
	KalenderKerja,
	Libur,
	kalender_default,
)
from tests.domain.test_kalender import (  # noqa: F401 (fixtures and helpers of the first part)
	ANEH,
	DEFAULT,
	KAMIS_LIBUR,
	PUASA,
	SABTU_MASUK,
)

# --- properties -------------------------------------------------------------------------------------------

MOMEN = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31, 23, 59, 59))
DETIK = st.integers(min_value=0, max_value=200 * 3600).map(lambda s: timedelta(seconds=s))
KALENDER = st.one_of(
	st.sampled_from([DEFAULT, KAMIS_LIBUR, SABTU_MASUK, PUASA, ANEH]),
	st.sets(st.dates(date(2025, 1, 1), date(2027, 12, 31)), max_size=60).map(
		lambda tanggal: kalender_default(tuple(Libur(d, "Acak", "Libur Daerah") for d in sorted(tanggal)))
	),
)
PROPERTI = settings(max_examples=200, deadline=None)


def akhir_interval(kalender: KalenderKerja, momen: datetime) -> bool:
	return any(i.selesai == momen.time() for i in kalender.intervals_on(momen.date()))


@PROPERTI
@given(KALENDER, MOMEN, DETIK)
def test_adding_then_measuring_gives_the_amount_back(kalender, mulai, jumlah):
	akhir = kalender.add_working_hours(mulai, jumlah)
	assert kalender.working_time_between(kalender.next_working_moment(mulai), akhir) == jumlah


@PROPERTI
@given(KALENDER, MOMEN, DETIK.filter(bool))
def test_hour_results_are_working_moments_or_interval_ends(kalender, mulai, jumlah):
	akhir = kalender.add_working_hours(mulai, jumlah)
	assert kalender.is_working_moment(akhir) or akhir_interval(kalender, akhir)
	assert kalender.is_working_moment(akhir - timedelta(microseconds=1))  # never pushed past a gap


@PROPERTI
@given(KALENDER, MOMEN, st.integers(min_value=0, max_value=40))
def test_day_results_are_working_moments(kalender, mulai, hari):
	akhir = kalender.add_working_days(mulai, hari)
	assert kalender.is_working_moment(akhir)
	assert akhir >= kalender.next_working_moment(mulai)


@PROPERTI
@given(KALENDER, MOMEN, MOMEN, DETIK, st.integers(min_value=0, max_value=40))
def test_later_start_never_ends_earlier(kalender, a, b, jumlah, hari):
	a, b = min(a, b), max(a, b)
	assert kalender.add_working_hours(a, jumlah) <= kalender.add_working_hours(b, jumlah)
	assert kalender.add_working_days(a, hari) <= kalender.add_working_days(b, hari)


@PROPERTI
@given(
	KALENDER,
	MOMEN,
	DETIK,
	DETIK,
	st.integers(min_value=0, max_value=40),
	st.integers(min_value=0, max_value=40),
)
def test_more_time_never_ends_earlier(kalender, mulai, x, y, m, n):
	x, y = min(x, y), max(x, y)
	assert kalender.add_working_hours(mulai, x) <= kalender.add_working_hours(mulai, y)
	m, n = min(m, n), max(m, n)
	assert kalender.add_working_days(mulai, m) <= kalender.add_working_days(mulai, n)


@PROPERTI
@given(KALENDER, MOMEN, MOMEN, MOMEN)
def test_working_time_between_is_additive(kalender, a, b, c):
	a, b, c = sorted((a, b, c))
	assert kalender.working_time_between(a, b) + kalender.working_time_between(
		b, c
	) == kalender.working_time_between(a, c)
