"""Computed indicators (``domain.rumus``): the realisasi from the component values a Kepala Bidang
enters, the formula with its numbers, and every bad input refused with the indicator's name."""

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip_evaluasi.domain.proyeksi import nilai_baris
from sakip_evaluasi.domain.rumus import (
	Komponen,
	KomponenTidakSah,
	Rumus,
	hitung_realisasi,
	masalah_rumus,
	teks_komponen,
	urai_komponen,
)

D = Decimal
MANTAP = "Jalan kondisi mantap (km)"
PANJANG = "Panjang jalan kabupaten (km)"
RASIO = Rumus("Rasio", (Komponen(MANTAP, "Pembilang"), Komponen(PANJANG, "Penyebut")), persen=True)
INDEKS = Rumus(
	"Jumlah Berbobot",
	(Komponen("Skor A", bobot="0.5"), Komponen("Skor B", bobot=0.3), Komponen("Skor C", bobot=D("0.2"))),
)


def test_a_percentage_ratio_spells_out_its_numbers():
	hasil = hitung_realisasi(RASIO, {MANTAP: "412,5", PANJANG: "550"}, "Persentase jalan mantap")
	assert hasil.realisasi == D("75.00")
	assert hasil.uraian == "Realisasi = 412,5 / 550 × 100 = 75,00%"


def test_a_plain_ratio_has_no_percent_and_reads_thousands():
	rumus = Rumus("Rasio", RASIO.komponen, persen=False)
	hasil = hitung_realisasi(rumus, {MANTAP: "1.100,0", PANJANG: "550"}, "Rasio")
	assert hasil.realisasi == D("2.00")
	assert hasil.uraian == "Realisasi = 1100 / 550 = 2,00"


def test_a_weighted_sum():
	hasil = hitung_realisasi(INDEKS, {"Skor A": "80", "Skor B": "90", "Skor C": "70,5"}, "Indeks")
	assert hasil.realisasi == D("81.10")
	assert hasil.uraian == "Realisasi = 0,5 × 80 + 0,3 × 90 + 0,2 × 70,5 = 81,10"


def test_an_empty_component_leaves_the_realisasi_empty_and_names_the_formula():
	hasil = hitung_realisasi(RASIO, {MANTAP: "412,5", PANJANG: ""}, "X")
	assert hasil.realisasi is None
	assert hasil.uraian == f"Realisasi = {MANTAP} / {PANJANG} × 100"
	assert hitung_realisasi(INDEKS, {}, "X").realisasi is None


def test_a_divisor_of_zero_is_refused_with_the_indicator_named():
	with pytest.raises(KomponenTidakSah, match="Indikator 'Persentase jalan mantap': penyebut .* bernilai 0"):
		hitung_realisasi(RASIO, {MANTAP: "0", PANJANG: "0"}, "Persentase jalan mantap")


def test_a_component_typed_into_a_plain_indicator_is_refused():
	with pytest.raises(KomponenTidakSah, match="Indikator 'Panjang jalan baru' tidak berumus: komponen Foo"):
		hitung_realisasi(None, {"Foo": "3"}, "Panjang jalan baru")
	assert hitung_realisasi(None, {"Foo": ""}, "Panjang jalan baru").realisasi is None


def test_a_formula_naming_no_component_is_refused():
	assert masalah_rumus(Rumus("Rasio", ()), "Indeks X") == [
		"Indikator 'Indeks X': rumus tidak menyebut komponen. Isi tabel Komponen Rumus, atau ubah Jenis "
		"Indikator menjadi Langsung."
	]
	with pytest.raises(KomponenTidakSah, match="Indikator 'Indeks X': rumus tidak menyebut komponen"):
		hitung_realisasi(Rumus("Jumlah Berbobot", ()), {}, "Indeks X")


@pytest.mark.parametrize(
	"rumus,pesan",
	[
		(Rumus("Rasio", (Komponen("a", "Pembilang"), Komponen("b", "Pembilang"))), "tepat satu komponen"),
		(Rumus("Rasio", (Komponen("a", "Pembilang"),)), "tepat satu komponen"),
		(Rumus("Jumlah Berbobot", (Komponen("a", bobot=None),)), "bobot komponen 'a' belum diisi"),
		(Rumus("Jumlah Berbobot", (Komponen("a", bobot=1), Komponen("a", bobot=1))), "a tercantum lebih"),
		(Rumus("", (Komponen("a", bobot=1),)), "jenis rumus belum dipilih"),
		(Rumus("Jumlah Berbobot", (Komponen(" ", bobot=1),)), "harus bernama"),
	],
)
def test_formula_problems(rumus, pesan):
	masalah = masalah_rumus(rumus, "Ind")
	assert masalah and all(m.startswith("Indikator 'Ind'") for m in masalah)
	assert any(pesan in m for m in masalah)


def test_a_value_that_is_not_a_number_or_an_unknown_component_names_both():
	with pytest.raises(
		KomponenTidakSah, match=re.escape(f"Indikator 'I', komponen '{MANTAP}': 'banyak' bukan angka")
	):
		hitung_realisasi(RASIO, {MANTAP: "banyak", PANJANG: "5"}, "I")
	with pytest.raises(KomponenTidakSah, match="komponen Lain tidak ada dalam rumusnya"):
		hitung_realisasi(RASIO, {"Lain": "5"}, "I")


def test_the_computed_realisasi_rolls_up_and_scores_as_a_typed_one():
	"""The computed value goes through the row's one function as if typed: the same capaian,
	predikat, roll-up and projection."""
	hasil = hitung_realisasi(RASIO, {MANTAP: "412,5", PANJANG: "550"}, "I")
	dihitung = nilai_baris(
		str(hasil.realisasi), 2, realisasi_lalu=(D(70),) * 4, target_sd_tw=80, akumulasi="Rata-rata"
	)
	diketik = nilai_baris("75", 2, realisasi_lalu=(D(70),) * 4, target_sd_tw=80, akumulasi="Rata-rata")
	assert dihitung.kolom() == diketik.kolom()
	assert dihitung.realisasi_sd_tw == D("72.5")


@given(
	p=st.decimals(min_value=0, max_value=10**6, places=2),
	q=st.decimals(min_value=D("0.01"), max_value=10**6, places=2),
)
def test_a_ratio_is_the_quotient_rounded_to_two_decimals(p, q):
	hasil = hitung_realisasi(RASIO, {MANTAP: str(p), PANJANG: str(q)}, "I")
	assert abs(hasil.realisasi - p / q * 100) <= D("0.005")


def test_the_component_text_round_trips_and_names_the_indicator_when_malformed():
	teks = teks_komponen(RASIO, {MANTAP: "412,5"})
	assert teks == f"{MANTAP}: 412,5\n{PANJANG}:"
	assert urai_komponen(teks + "\n\n", "I") == {MANTAP: "412,5", PANJANG: ""}
	assert urai_komponen("Rasio: a: 5", "I") == {"Rasio: a": "5"}  # the value follows the last colon
	assert urai_komponen(None, "I") == {}
	with pytest.raises(KomponenTidakSah, match="Indikator 'I': baris komponen '550' harus berbentuk"):
		urai_komponen("550", "I")
	with pytest.raises(KomponenTidakSah, match="Indikator 'I': komponen a diisi lebih dari sekali"):
		urai_komponen("a: 1\na: 2", "I")
	hasil = hitung_realisasi(RASIO, urai_komponen(f"{MANTAP}: 412,5\n{PANJANG}: 550", "I"), "I")
	assert hasil.teks == "75,00"
