from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip_evaluasi.domain.periode import TRIWULAN
from sakip_evaluasi.domain.tindak_lanjut import (
	BELUM_ADA,
	DALAM_PROSES,
	TUNTAS,
	kunci_periode,
	label_periode,
	masalah_tuntas,
	masih_terbuka,
	rekomendasi_tertua,
	sebelum,
	tautan_sah,
	umur_hari,
)

HARI_INI = date(2026, 11, 30)


@pytest.mark.parametrize(
	"status, terbuka", [(BELUM_ADA, True), (DALAM_PROSES, True), (None, True), ("", True), (TUNTAS, False)]
)
def test_only_a_tuntas_follow_up_is_closed(status, terbuka):
	assert masih_terbuka(status) is terbuka


def test_a_tuntas_follow_up_needs_a_bukti_and_a_date():
	assert masalah_tuntas(TUNTAS, None, None, None, None, HARI_INI) == [
		"lampirkan bukti atau isi tautan bukti",
		"isi tanggal tuntas",
	]
	assert masalah_tuntas(TUNTAS, "/private/files/ba.pdf", None, HARI_INI, None, HARI_INI) == []
	assert masalah_tuntas(TUNTAS, None, "https://drive.example.go.id/ba", HARI_INI, None, HARI_INI) == []


def test_an_open_follow_up_needs_neither():
	for status in (BELUM_ADA, DALAM_PROSES):
		assert masalah_tuntas(status, None, None, None, None, HARI_INI) == []


@pytest.mark.parametrize(
	"tautan, sah",
	[
		("https://drive.example.go.id/ba.pdf", True),
		("http://10.0.0.1/bukti", True),
		("drive.example.go.id/ba.pdf", False),
		("javascript:alert(1)", False),
		("ftp://host/x", False),
		("https://", False),
	],
)
def test_a_link_as_bukti_is_a_web_address(tautan, sah):
	assert tautan_sah(tautan) is sah
	masalah = masalah_tuntas(TUNTAS, None, tautan, HARI_INI, None, HARI_INI)
	assert ("tautan bukti harus alamat web lengkap (diawali http:// atau https://)" in masalah) is not sah


def test_the_completion_date_lies_between_the_recommendation_and_today():
	besok = HARI_INI + timedelta(days=1)
	assert masalah_tuntas(TUNTAS, "b.pdf", None, besok, None, HARI_INI) == [
		"tanggal tuntas tidak boleh setelah hari ini"
	]
	assert masalah_tuntas(TUNTAS, "b.pdf", None, date(2026, 7, 1), date(2026, 7, 20), HARI_INI) == [
		"tanggal tuntas tidak boleh sebelum tanggal rekomendasi"
	]
	assert masalah_tuntas(TUNTAS, "b.pdf", None, date(2026, 7, 20), date(2026, 7, 20), HARI_INI) == []


def test_age_counts_to_completion_or_today():
	assert umur_hari(date(2026, 7, 20), None, HARI_INI) == 133
	assert umur_hari(date(2026, 7, 20), date(2026, 8, 19), HARI_INI) == 30
	assert umur_hari(None, None, HARI_INI) is None
	# a first date after today (a clock set wrong) is not a negative age
	assert umur_hari(HARI_INI + timedelta(days=3), None, HARI_INI) == 0


def test_periods_are_named_and_ordered_like_the_documents():
	assert label_periode("II", 2026) == "TW II 2026"
	assert sebelum(2026, "III", 2026, "IV")
	assert sebelum(2025, "IV", 2026, "I")
	assert not sebelum(2026, "IV", 2026, "IV")
	assert not sebelum(2027, "I", 2026, "IV")


@given(st.integers(2000, 2100), st.sampled_from(TRIWULAN), st.integers(2000, 2100), st.sampled_from(TRIWULAN))
def test_period_order_is_the_order_of_time(t1, q1, t2, q2):
	assert sebelum(t1, q1, t2, q2) == ((t1, TRIWULAN.index(q1)) < (t2, TRIWULAN.index(q2)))
	assert (kunci_periode(t1, q1) == kunci_periode(t2, q2)) == ((t1, q1) == (t2, q2))


def test_the_oldest_open_recommendation():
	baris = [
		(TUNTAS, date(2026, 1, 10)),
		(DALAM_PROSES, date(2026, 4, 12)),
		(BELUM_ADA, date(2026, 7, 20)),
		(BELUM_ADA, None),
	]
	assert rekomendasi_tertua(baris) == (3, date(2026, 4, 12))
	assert rekomendasi_tertua([(TUNTAS, date(2026, 1, 10))]) == (0, None)
	assert rekomendasi_tertua([]) == (0, None)
