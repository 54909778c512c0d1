"""One row of a Kertas Kerja / Data Kinerja Bidang, computed by one pure function
(``domain.proyeksi.nilai_baris``): the realisasi typed, the earlier quarters and the indicator's
settings in; every stored field (and the formula spelled out) out, with all the defaults."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip_evaluasi.domain import proyeksi
from sakip_evaluasi.domain.capaian import (
	SKALA_PERMENDAGRI_86_2017,
	hitung_capaian,
	nilai_kolom,
	nilai_sd_tw,
	uraian_capaian,
)
from sakip_evaluasi.domain.proyeksi import AMBANG_DEFAULT, proyeksikan

D = Decimal
KOSONG = (None, None, None, None)


def test_a_filled_row_gets_every_stored_field():
	hasil = proyeksi.nilai_baris(
		"30",
		3,
		realisasi_lalu=(D(10), D(20), None, None),
		target_sd_tw=60,
		akumulasi="Kumulatif",
		polaritas="Positif",
		metode_negatif="(2T-R)/T",
		target_tahunan=100,
		target_per_tw=(10, 20, 30, 40),
	)
	assert hasil.realisasi == D(30)
	assert hasil.realisasi_sd_tw == D(60)
	assert hasil.kolom() == {
		"realisasi_sd_tw": 60.0,
		"capaian": 100.0,
		"predikat": "Sangat Tinggi",
		"rumus": "Positif: R / T × 100",
		"target_tahunan": 100.0,
		"status_proyeksi": "Aman",
		"proyeksi_realisasi": 100.0,
		"proyeksi_capaian": 100.0,
		"kekurangan_proyeksi": 0.0,
		"metode_proyeksi": hasil.proyeksi.metode,
	}
	assert hasil.uraian == (
		"Capaian = Realisasi s.d. TW III ÷ Target s.d. TW III × 100 = 60 ÷ 60 × 100 = 100,00 %"
	)


def test_an_empty_row_has_no_capaian_and_no_projection_status():
	hasil = proyeksi.nilai_baris(None, 2, target_sd_tw=30, target_tahunan=100)
	assert (hasil.realisasi, hasil.realisasi_sd_tw, hasil.capaian.nilai) == (None, None, None)
	kolom = hasil.kolom()
	assert (kolom["realisasi_sd_tw"], kolom["capaian"], kolom["predikat"], kolom["status_proyeksi"]) == (
		0.0,
		0.0,
		"",
		"",
	)
	assert kolom["rumus"] == "Positif: R / T × 100 — Realisasi belum diisi"
	assert hasil.uraian == "Capaian = Realisasi s.d. TW II ÷ Target s.d. TW II × 100: Realisasi belum diisi"


def test_empty_settings_take_the_defaults():
	"""No akumulasi, polaritas or method: Kumulatif, Positif and (2T-R)/T."""
	kosong = proyeksi.nilai_baris("5", 2, realisasi_lalu=(D(5), None, None, None), target_sd_tw=20)
	bawaan = proyeksi.nilai_baris(
		"5",
		2,
		realisasi_lalu=(D(5), None, None, None),
		target_sd_tw=20,
		akumulasi="Kumulatif",
		polaritas="Positif",
		metode_negatif="(2T-R)/T",
	)
	assert kosong == bawaan
	assert kosong.kolom()["capaian"] == 50.0
	negatif = proyeksi.nilai_baris("6", 1, target_sd_tw=8, polaritas="Negatif", metode_negatif="")
	assert negatif.kolom()["capaian"] == 125.0  # (2·8 − 6)/8


def test_the_realisasi_is_read_the_indonesian_way_and_later_quarters_do_not_count():
	hasil = proyeksi.nilai_baris(
		"1.234,5", 2, realisasi_lalu=(D(1), D(999), D(7), D(7)), target_sd_tw=2000, akumulasi="Kumulatif"
	)
	assert hasil.realisasi == D("1234.5")
	assert hasil.realisasi_sd_tw == D("1235.5")  # TW I (1) + this quarter; TW III–IV ignored


def test_a_realisasi_that_is_not_a_number_is_refused_with_the_parsers_message():
	with pytest.raises(ValueError, match="'12 km' bukan angka"):
		proyeksi.nilai_baris("12 km", 1, target_sd_tw=10)


def test_the_cap_and_the_scale_are_the_settings_given():
	hasil = proyeksi.nilai_baris("150", 1, target_sd_tw=100, batas_atas=D(120))
	assert hasil.kolom()["capaian"] == 120.0
	assert "dibatasi pada batas atas 120" in hasil.kolom()["rumus"]


_angka = st.one_of(st.none(), st.decimals(min_value=0, max_value=10_000, places=2))


@settings(max_examples=300, deadline=None)
@given(
	realisasi=_angka,
	lalu=st.tuples(_angka, _angka, _angka, _angka),
	triwulan=st.integers(1, 4),
	target_sd=_angka,
	tahunan=_angka,
	target_tw=st.tuples(_angka, _angka, _angka, _angka),
	akumulasi=st.sampled_from(("", "Kumulatif", "Nilai Akhir", "Rata-rata", "Tetap")),
	polaritas=st.sampled_from(("", "Positif", "Negatif")),
	metode=st.sampled_from(("", "(2T-R)/T", "T/R")),
	batas=st.sampled_from((None, D(100), D(120), D(150))),
)
def test_the_row_is_the_rules_composed(
	realisasi, lalu, triwulan, target_sd, tahunan, target_tw, akumulasi, polaritas, metode, batas
):
	"""The one function gives what the capaian, roll-up, predikat and projection rules give when
	composed by hand, for any row."""
	teks = None if realisasi is None else format(realisasi, "f").replace(".", ",")
	hasil = proyeksi.nilai_baris(
		teks,
		triwulan,
		realisasi_lalu=lalu,
		target_sd_tw=target_sd,
		akumulasi=akumulasi,
		polaritas=polaritas,
		metode_negatif=metode,
		target_tahunan=tahunan,
		target_per_tw=target_tw,
		batas_atas=batas,
	)
	rollup, arah, cara = akumulasi or "Kumulatif", polaritas or "Positif", metode or "(2T-R)/T"
	per_tw = [*lalu[: triwulan - 1], realisasi, *([None] * (4 - triwulan))]
	sd = nilai_sd_tw(per_tw, triwulan, rollup) if realisasi is not None else None
	capaian = hitung_capaian(target_sd, sd, arah, cara, batas)
	proy = proyeksikan(per_tw, triwulan, rollup, tahunan, target_tw, arah, cara, batas, AMBANG_DEFAULT)
	assert hasil.realisasi_sd_tw == sd
	assert hasil.capaian == capaian
	assert hasil.proyeksi == proy
	assert hasil.uraian == uraian_capaian(target_sd, sd, triwulan, capaian)
	kolom = hasil.kolom()
	assert kolom["capaian"] == nilai_kolom(capaian.nilai)
	assert kolom["predikat"] == (SKALA_PERMENDAGRI_86_2017.predikat(capaian.nilai) or "")
	assert kolom["status_proyeksi"] == (proy.status.value if realisasi is not None else "")
