from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip_evaluasi.domain.capaian import (
	RUMUS_KONDISI_KHUSUS,
	RUMUS_POSITIF,
	RUMUS_T_PER_R,
	SKALA_PERMENDAGRI_86_2017,
	HasilCapaian,
	MetodeNegatif,
	Polaritas,
	Predikat,
	RollUp,
	SkalaPredikat,
	hitung_capaian,
	nilai_kolom,
	nilai_sd_tw,
	uraian_capaian,
)

D = Decimal


# --- worked examples ---------------------------------------------------------------------------


def test_negatif_kondisi_khusus_below_target_is_above_100():
	hasil = hitung_capaian(7, D("6.5"), Polaritas.NEGATIF)
	assert hasil == HasilCapaian(D("107.14"), RUMUS_KONDISI_KHUSUS, "")


def test_negatif_kondisi_khusus_above_target_is_below_100():
	hasil = hitung_capaian(8, 9, "Negatif")
	assert hasil.nilai == D("87.50")
	assert str(hasil.nilai) == "87.50"
	assert hasil.rumus == "Negatif: (2T − R) / T × 100"


def test_positif():
	hasil = hitung_capaian(100, 80, Polaritas.POSITIF)
	assert hasil == HasilCapaian(D("80.00"), RUMUS_POSITIF, "")
	assert hasil.rumus == "Positif: R / T × 100"


def test_negatif_t_per_r():
	hasil = hitung_capaian(8, 9, Polaritas.NEGATIF, MetodeNegatif.T_PER_R)
	assert hasil == HasilCapaian(D("88.89"), RUMUS_T_PER_R, "")
	assert hitung_capaian(8, 9, "Negatif", "T/R").nilai == D("88.89")


def test_enum_values_match_select_options():
	assert [p.value for p in Polaritas] == ["Positif", "Negatif"]
	assert [m.value for m in MetodeNegatif] == ["(2T-R)/T", "T/R"]
	assert [r.value for r in RollUp] == ["Kumulatif", "Nilai Akhir", "Rata-rata", "Tetap"]


@pytest.mark.parametrize(
	"target, realisasi, expected",
	[
		(3, 1, "33.33"),
		(3, 2, "66.67"),
		(8, D("0.005"), "0.06"),  # 0.0625 → half-up
		(200, 1, "0.50"),
		(8, D("0.0004"), "0.01"),  # 0.005 exactly → half-up to 0.01
	],
)
def test_rounding_is_half_up_to_two_decimals(target, realisasi, expected):
	assert str(hitung_capaian(target, realisasi, "Positif").nilai) == expected


@pytest.mark.parametrize(
	"target, realisasi", [("7", "6.5"), (7.0, 6.5), (D("7"), D("6.50")), (" 7 ", "6.5 ")]
)
def test_inputs_may_be_strings_floats_or_decimals(target, realisasi):
	assert hitung_capaian(target, realisasi, "Negatif").nilai == D("107.14")


# --- special cases -----------------------------------------------------------------------------


@pytest.mark.parametrize(
	"polaritas, metode", [("Positif", None), ("Negatif", "(2T-R)/T"), ("Negatif", "T/R")]
)
@pytest.mark.parametrize("realisasi", [None, ""])
def test_missing_realisasi(polaritas, metode, realisasi):
	hasil = hitung_capaian(10, realisasi, polaritas, metode or MetodeNegatif.KONDISI_KHUSUS)
	assert hasil.nilai is None
	assert hasil.keterangan == "Realisasi belum diisi"


def test_missing_target():
	hasil = hitung_capaian(None, 5, "Positif")
	assert hasil.nilai is None
	assert hasil.keterangan == "Target belum diisi"


def test_not_a_number_is_stated_not_raised():
	assert "Realisasi bukan angka" in hitung_capaian(10, "abc", "Positif").keterangan
	assert "Target bukan angka" in hitung_capaian("NaN", 1, "Positif").keterangan
	assert hitung_capaian(float("inf"), 1, "Positif").nilai is None


def test_positif_zero_target():
	nol = hitung_capaian(0, 0, "Positif")
	assert (nol.nilai, nol.keterangan) == (D("100.00"), "Target dan realisasi nol")
	tidak = hitung_capaian(0, 5, "Positif")
	assert (tidak.nilai, tidak.keterangan) == (None, "Target nol: capaian tidak dapat dihitung")


def test_kondisi_khusus_zero_target():
	assert hitung_capaian(0, 0, "Negatif").nilai == D("100.00")
	hasil = hitung_capaian(0, 3, "Negatif")
	assert hasil.nilai is None
	assert "Target nol" in hasil.keterangan


def test_t_per_r_zero_realisasi():
	assert hitung_capaian(0, 0, "Negatif", "T/R").nilai == D("100.00")
	tak_hingga = hitung_capaian(5, 0, "Negatif", "T/R")
	assert (tak_hingga.nilai, tak_hingga.keterangan) == (None, "Realisasi nol: capaian tidak terhingga")
	dibatasi = hitung_capaian(5, 0, "Negatif", "T/R", batas_atas=120)
	assert dibatasi.nilai == D("120.00")
	assert "Realisasi nol: capaian tidak terhingga" in dibatasi.keterangan
	assert "batas atas 120" in dibatasi.keterangan


def test_t_per_r_zero_target_with_realisasi_is_zero():
	assert hitung_capaian(0, 4, "Negatif", "T/R").nilai == D("0.00")


def test_t_per_r_negative_realisasi():
	hasil = hitung_capaian(5, -1, "Negatif", "T/R")
	assert hasil.nilai is None
	assert "Realisasi negatif" in hasil.keterangan


def test_negative_target_is_not_computed():
	hasil = hitung_capaian(-5, 1, "Positif")
	assert hasil.nilai is None
	assert "Target negatif" in hasil.keterangan


def test_negative_result_is_floored_at_zero():
	hasil = hitung_capaian(8, 20, "Negatif")  # (16 − 20) / 8 = −50 %
	assert hasil.nilai == D("0.00")
	assert "negatif" in hasil.keterangan and "ditetapkan menjadi 0" in hasil.keterangan
	assert hitung_capaian(10, -2, "Positif").nilai == D("0.00")


@pytest.mark.parametrize("cap", [100, 120, 150, D("120"), "150"])
def test_cap_clips_and_says_so(cap):
	hasil = hitung_capaian(10, 20, "Positif", batas_atas=cap)
	assert hasil.nilai == D(str(cap)).quantize(D("0.01"))
	assert "dibatasi pada batas atas" in hasil.keterangan
	assert "Capaian 200" in hasil.keterangan


def test_cap_not_mentioned_when_not_reached():
	assert hitung_capaian(10, 9, "Positif", batas_atas=120) == HasilCapaian(D("90.00"), RUMUS_POSITIF, "")


def test_bad_configuration_raises_in_indonesian():
	with pytest.raises(ValueError, match="Polaritas tidak dikenal"):
		hitung_capaian(1, 1, "Netral")
	with pytest.raises(ValueError, match="Metode polaritas negatif tidak dikenal"):
		hitung_capaian(1, 1, "Negatif", "R/T")
	with pytest.raises(ValueError, match="Batas atas capaian harus angka positif"):
		hitung_capaian(1, 1, "Positif", batas_atas=0)


# --- properties --------------------------------------------------------------------------------

angka = st.one_of(
	st.integers(min_value=-(10**12), max_value=10**12),
	st.floats(allow_nan=False, allow_infinity=False),
	st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**9), max_value=10**9, places=4),
)
target_positif = st.one_of(
	st.integers(min_value=1, max_value=10**9),
	st.decimals(min_value=D("0.0001"), max_value=10**9, places=4),
	st.floats(min_value=1e-6, max_value=1e12),
)
cap = st.sampled_from([None, 100, 120, 150])
cara = st.sampled_from(
	[
		(Polaritas.POSITIF, MetodeNegatif.KONDISI_KHUSUS),
		(Polaritas.NEGATIF, MetodeNegatif.KONDISI_KHUSUS),
		(Polaritas.NEGATIF, MetodeNegatif.T_PER_R),
	]
)


@settings(max_examples=300)
@given(target=angka, realisasi=angka, cara=cara, cap=cap)
def test_never_raises_and_cap_is_never_exceeded(target, realisasi, cara, cap):
	hasil = hitung_capaian(target, realisasi, cara[0], cara[1], batas_atas=cap)
	assert isinstance(hasil.rumus, str) and hasil.rumus
	if hasil.nilai is None:
		assert hasil.keterangan
	else:
		assert hasil.nilai >= 0
		assert hasil.nilai.as_tuple().exponent == -2  # rounded to 2 decimals
		if cap is not None:
			assert hasil.nilai <= cap


@settings(max_examples=300)
@given(target=target_positif, r1=angka, r2=angka, cap=cap)
def test_positif_is_non_decreasing_in_realisasi(target, r1, r2, cap):
	rendah, tinggi = sorted(
		[D(repr(r1)) if isinstance(r1, float) else D(r1), D(repr(r2)) if isinstance(r2, float) else D(r2)]
	)
	a = hitung_capaian(target, rendah, "Positif", batas_atas=cap).nilai
	b = hitung_capaian(target, tinggi, "Positif", batas_atas=cap).nilai
	if a is not None and b is not None:
		assert a <= b


@settings(max_examples=300)
@given(target=target_positif, r1=angka, r2=angka, cap=cap, metode=st.sampled_from(list(MetodeNegatif)))
def test_negatif_is_non_increasing_in_realisasi(target, r1, r2, cap, metode):
	rendah, tinggi = sorted(
		[D(repr(r1)) if isinstance(r1, float) else D(r1), D(repr(r2)) if isinstance(r2, float) else D(r2)]
	)
	a = hitung_capaian(target, rendah, "Negatif", metode, batas_atas=cap).nilai
	b = hitung_capaian(target, tinggi, "Negatif", metode, batas_atas=cap).nilai
	if a is not None and b is not None:
		assert a >= b


# --- s.d. TW roll-up ---------------------------------------------------------------------------

TW = [D(10), None, D(30), D(40)]


@pytest.mark.parametrize(
	"rollup, triwulan, expected",
	[
		(RollUp.KUMULATIF, 1, D(10)),
		(RollUp.KUMULATIF, 2, D(10)),
		(RollUp.KUMULATIF, 3, D(40)),
		(RollUp.KUMULATIF, 4, D(80)),
		(RollUp.NILAI_AKHIR, 2, D(10)),
		(RollUp.NILAI_AKHIR, 3, D(30)),
		(RollUp.RATA_RATA, 3, D(20)),
		(RollUp.RATA_RATA, 4, D(80) / 3),
		(RollUp.TETAP, 3, D(30)),
		(RollUp.TETAP, 2, D(100)),  # quarter empty → annual target
	],
)
def test_nilai_sd_tw(rollup, triwulan, expected):
	hasil = nilai_sd_tw(TW, triwulan, rollup, target_tahunan=D(100))
	assert hasil.quantize(D("0.000001")) == expected.quantize(D("0.000001"))


@pytest.mark.parametrize("rollup", ["Kumulatif", "Nilai Akhir", "Rata-rata"])
def test_nilai_sd_tw_all_missing_is_none(rollup):
	assert nilai_sd_tw([None, None, D(5), None], 2, rollup) is None


def test_nilai_sd_tw_tetap_without_annual_target():
	assert nilai_sd_tw([None] * 4, 4, "Tetap") is None


def test_nilai_sd_tw_rejects_bad_input():
	with pytest.raises(ValueError, match="Triwulan harus 1 sampai 4"):
		nilai_sd_tw(TW, 5, "Kumulatif")
	with pytest.raises(ValueError, match="4 nilai"):
		nilai_sd_tw(TW[:3], 1, "Kumulatif")
	with pytest.raises(ValueError, match="Cara akumulasi tidak dikenal"):
		nilai_sd_tw(TW, 1, "Jumlah")


# --- predikat ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
	"nilai, expected",
	[
		(D("150"), "Sangat Tinggi"),
		(D("91"), "Sangat Tinggi"),
		(D("91.00"), "Sangat Tinggi"),
		(D("90.99"), "Tinggi"),
		(D("90.5"), "Tinggi"),
		(D("76"), "Tinggi"),
		(D("75.99"), "Sedang"),
		(D("75.5"), "Sedang"),
		(D("66"), "Sedang"),
		(D("65.99"), "Rendah"),
		(D("51"), "Rendah"),
		(D("50.99"), "Sangat Rendah"),
		(D("50.5"), "Sangat Rendah"),
		(D("0"), "Sangat Rendah"),
		(D("-5"), "Sangat Rendah"),
		(91, "Sangat Tinggi"),
		(90.99, "Tinggi"),
		(None, None),
	],
)
def test_predikat_permendagri_band_edges(nilai, expected):
	assert SKALA_PERMENDAGRI_86_2017.predikat(nilai) == expected


def test_default_scale_is_valid():
	assert SKALA_PERMENDAGRI_86_2017.validasi() == []


def test_scale_order_does_not_matter():
	skala = SkalaPredikat((Predikat("Rendah", D(0)), Predikat("Tinggi", D(50))))
	assert skala.predikat(D(50)) == "Tinggi"
	assert skala.predikat(D("49.99")) == "Rendah"


def test_scale_validation_messages():
	assert SkalaPredikat(()).validasi() == ["Skala predikat harus memiliki paling sedikit satu tingkat."]
	assert SkalaPredikat(()).predikat(D(50)) is None
	masalah = SkalaPredikat(
		(Predikat("Baik", D(80)), Predikat("Baik", D(60)), Predikat("Cukup", D(60)), Predikat("", D(0)))
	).validasi()
	assert "Nama predikat 'Baik' dipakai lebih dari sekali." in masalah
	assert any("Batas bawah 60 dipakai lebih dari sekali" in m for m in masalah)
	assert "Nama predikat tidak boleh kosong." in masalah


# --- the value a Float column holds -------------------------------------------------------------


@pytest.mark.parametrize(
	"nilai, expected",
	[
		(D("8.370"), 8.37),
		(D("191.63"), 191.63),
		(None, 0.0),
		(D("1") / D("3"), 0.333333333),
		(D("0.0000000005"), 0.000000001),  # half up, as the database rounds
		(D("-0.0000000004"), 0.0),
		(7, 7.0),
		(0.1, 0.1),
	],
)
def test_nilai_kolom_is_what_the_column_reads_back(nilai, expected):
	hasil = nilai_kolom(nilai)
	assert type(hasil) is float
	assert hasil == expected
	assert str(hasil) != "-0.0"


def test_nilai_kolom_refuses_what_is_not_a_number():
	with pytest.raises(ValueError, match="bukan angka"):
		nilai_kolom("x")


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=-(10**11), max_value=10**11, allow_nan=False, allow_infinity=False, places=12))
def test_nilai_kolom_equals_the_column_text_read_back(nilai):
	# MariaDB keeps DECIMAL(21,9): the 9-decimal text of the value, which Frappe reads as a float.
	teks = str(nilai.quantize(D("1e-9"), rounding="ROUND_HALF_UP"))
	assert nilai_kolom(nilai) == float(teks)
	assert nilai_kolom(nilai_kolom(nilai)) == nilai_kolom(nilai)


# --------------------------------------------------------------------------- uraian_capaian


@pytest.mark.parametrize(
	("target", "realisasi", "polaritas", "metode", "tw", "uraian"),
	[
		(
			100,
			75,
			"Positif",
			"(2T-R)/T",
			3,
			"Capaian = Realisasi s.d. TW III ÷ Target s.d. TW III × 100 = 75 ÷ 100 × 100 = 75,00 %",
		),
		(
			7,
			Decimal("6.5"),
			"Negatif",
			"(2T-R)/T",
			2,
			"Capaian = (2 × Target s.d. TW II − Realisasi s.d. TW II) ÷ Target s.d. TW II × 100"
			" = (2 × 7 − 6,5) ÷ 7 × 100 = 107,14 %",
		),
		(
			8,
			10,
			"Negatif",
			"T/R",
			1,
			"Capaian = Target s.d. TW I ÷ Realisasi s.d. TW I × 100 = 8 ÷ 10 × 100 = 80,00 %",
		),
		(
			0,
			5,
			"Positif",
			"(2T-R)/T",
			4,
			"Capaian = Realisasi s.d. TW IV ÷ Target s.d. TW IV × 100: Target nol: capaian tidak dapat dihitung",
		),
	],
)
def test_uraian_capaian_spells_the_formula_with_the_numbers(target, realisasi, polaritas, metode, tw, uraian):
	hasil = hitung_capaian(target, realisasi, polaritas, metode)
	assert uraian_capaian(target, realisasi, tw, hasil) == uraian


def test_uraian_capaian_says_when_the_cap_applied():
	hasil = hitung_capaian(100, 130, "Positif", batas_atas=120)
	assert uraian_capaian(100, 130, 1, hasil) == (
		"Capaian = Realisasi s.d. TW I ÷ Target s.d. TW I × 100 = 130 ÷ 100 × 100 = 120,00 %"
		" (Capaian 130 dibatasi pada batas atas 120)"
	)


def test_rata_rata_is_the_mean_of_the_values_given_to_two_decimals():
	from sakip_evaluasi.domain.capaian import rata_rata

	assert rata_rata([]) is None
	assert rata_rata([None, None]) is None
	assert rata_rata([100, 50.5, None]) == 75.25
	assert rata_rata([1, 2, 2]) == 1.67
	assert rata_rata([0.1, 0.2]) == 0.15  # in Decimal: no 0.15000000000000002
