from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sakip_evaluasi.domain.capaian import hitung_capaian, nilai_sd_tw
from sakip_evaluasi.domain.proyeksi import (
	AMBANG_DEFAULT,
	AmbangPeringatan,
	StatusProyeksi,
	proyeksikan,
	status_terkini,
)

D = Decimal
AMAN, PERHATIAN, KRITIS, BELUM = (
	StatusProyeksi.AMAN,
	StatusProyeksi.PERLU_PERHATIAN,
	StatusProyeksi.KRITIS,
	StatusProyeksi.BELUM,
)
TANPA_TARGET_TW = (0, 0, 0, 0)  # as the Float columns hold empty quarterly targets


# --- table cases: roll-up × polarity × quarter ------------------------------------------------------


@pytest.mark.parametrize(
	"rollup, polaritas, realisasi, tw, tahunan, target_tw, proyeksi, capaian, status",
	[
		# Kumulatif, quarterly targets: 30 done of the 25 due by TW I (of 100) → 120 by year-end.
		("Kumulatif", "Positif", (30, None, None, None), 1, 100, (25, 25, 25, 25), "120", "120.00", AMAN),
		# Kumulatif, uneven quarterly targets: 10 + 10 of the 40 due by TW II → 50 of 100.
		("Kumulatif", "Positif", (10, 10, None, None), 2, 100, (10, 30, 30, 30), "50", "50.00", KRITIS),
		# Kumulatif, no quarterly targets, two points: evenly, 2/4 of the year.
		("Kumulatif", "Positif", (20, 25, None, None), 2, 100, TANPA_TARGET_TW, "90", "90.00", PERHATIAN),
		# Kumulatif, negative indicator (e.g. accidents): 6 of a ceiling of 20 by TW III (3/4) → 8.
		("Kumulatif", "Negatif", (2, 2, 2, None), 3, 20, TANPA_TARGET_TW, "8", "160.00", AMAN),
		# ... and 18 by TW III → 24 against 20: (2·20 − 24)/20 = 80 % → Kritis.
		("Kumulatif", "Negatif", (6, 6, 6, None), 3, 20, TANPA_TARGET_TW, "24", "80.00", KRITIS),
		# Kumulatif, TW IV: the year's result, nothing extrapolated.
		("Kumulatif", "Positif", (20, 20, 20, 30), 4, 100, (25, 25, 25, 25), "90", "90.00", PERHATIAN),
		# Nilai Akhir, two points: 50 → 60 (+10 a quarter), 2 quarters left → 80 of 100.
		("Nilai Akhir", "Positif", (50, 60, None, None), 2, 100, TANPA_TARGET_TW, "80", "80.00", KRITIS),
		# Nilai Akhir, first and latest point with a gap: 40 (TW I) → 70 (TW III): +15 → 85.
		("Nilai Akhir", "Positif", (40, None, 70, None), 3, 90, TANPA_TARGET_TW, "85", "94.44", PERHATIAN),
		# Nilai Akhir, negative (poverty rate): 10 → 9.5 (−0.5 a quarter), 2 left → 8.5 vs 8.5.
		(
			"Nilai Akhir",
			"Negatif",
			("10", "9.5", None, None),
			2,
			"8.5",
			TANPA_TARGET_TW,
			"8.5",
			"100.00",
			AMAN,
		),
		# Nilai Akhir, one point on a target path: 9 against 10 in TW I, annual 12 → 10.8.
		(
			"Nilai Akhir",
			"Positif",
			(9, None, None, None),
			1,
			12,
			(10, 11, 11, 12),
			"10.8",
			"90.00",
			PERHATIAN,
		),
		# Rata-rata: the mean so far holds for the year.
		("Rata-rata", "Positif", (80, 90, 100, None), 3, 95, TANPA_TARGET_TW, "90", "94.74", PERHATIAN),
		("Rata-rata", "Negatif", (4, 6, None, None), 2, 5, TANPA_TARGET_TW, "5", "100.00", AMAN),
		# Tetap: the latest value holds.
		("Tetap", "Positif", (70, 80, None, None), 2, 100, TANPA_TARGET_TW, "80", "80.00", KRITIS),
		("Tetap", "Negatif", (3, 2, None, None), 2, 3, (3, 3, 3, 3), "2", "133.33", AMAN),
	],
)
def test_proyeksi_per_rollup_dan_polaritas(
	rollup, polaritas, realisasi, tw, tahunan, target_tw, proyeksi, capaian, status
):
	hasil = proyeksikan(realisasi, tw, rollup, tahunan, target_tw, polaritas)
	assert hasil.realisasi == D(proyeksi)
	assert hasil.capaian == D(capaian)
	assert hasil.status is status
	assert hasil.metode  # the method is always stated to the user


def test_tw1_one_point_without_quarterly_targets_is_not_projected():
	for rollup in ("Kumulatif", "Nilai Akhir", "Rata-rata", "Tetap"):
		hasil = proyeksikan((30, None, None, None), 1, rollup, 100, TANPA_TARGET_TW)
		assert hasil.status is BELUM, rollup
		assert hasil.realisasi is None and hasil.capaian is None and hasil.kekurangan is None
		assert "Belum dapat diproyeksikan" in hasil.keterangan
		assert "satu titik data" in hasil.keterangan


def test_one_point_later_in_the_year_is_not_projected_either():
	hasil = proyeksikan((None, None, 50, None), 3, "Nilai Akhir", 100, TANPA_TARGET_TW)
	assert hasil.status is BELUM and "TW III" in hasil.keterangan


def test_current_quarter_empty():
	hasil = proyeksikan((10, None, None, None), 2, "Kumulatif", 100, (25, 25, 25, 25))
	assert hasil.status is BELUM
	assert hasil.keterangan == "Realisasi TW II belum diisi."


def test_no_annual_target():
	assert proyeksikan((10, 10, None, None), 2, "Kumulatif", None).keterangan == "Target tahunan belum diisi."


def test_kumulatif_nothing_due_yet():
	hasil = proyeksikan((5, None, None, None), 1, "Kumulatif", 100, (0, 0, 50, 50))
	assert hasil.status is BELUM
	assert "berjumlah nol" in hasil.keterangan


def test_nilai_akhir_one_point_without_that_quarters_target():
	hasil = proyeksikan((None, 5, None, None), 2, "Nilai Akhir", 10, (0, 0, 0, 10))
	assert hasil.status is BELUM and "target TW II kosong" in hasil.keterangan


def test_method_states_the_numbers():
	hasil = proyeksikan((10, 10, None, None), 2, "Kumulatif", 100, (10, 30, 30, 30))
	assert hasil.metode.startswith("Kumulatif: realisasi s.d. TW II (20) ÷ porsi target tahunan")
	assert "(40 %: target triwulan s.d. TW II (40) dari jumlah target TW I–IV (100))" in hasil.metode
	assert "= 50." in hasil.metode
	assert "Proyeksi capaian = R / T × 100 terhadap target tahunan 100." in hasil.metode
	tren = proyeksikan(("10", "9.5", None, None), 2, "Nilai Akhir", "8.5", polaritas="Negatif")
	assert "tren TW I–II (−0,5 per triwulan) × 2 triwulan tersisa = 8,5" in tren.metode


def test_kekurangan_in_the_indicators_unit():
	assert proyeksikan((10, 10, None, None), 2, "Kumulatif", 100, (10, 30, 30, 30)).kekurangan == D("50.00")
	assert proyeksikan((30, None, None, None), 1, "Kumulatif", 100, (25, 25, 25, 25)).kekurangan == D("0.00")
	negatif = proyeksikan((6, 6, 6, None), 3, "Kumulatif", 20, polaritas="Negatif")
	assert negatif.kekurangan == D("4.00")  # 24 projected against a ceiling of 20


def test_cap_and_special_cases_come_from_capaian():
	capped = proyeksikan((30, None, None, None), 1, "Kumulatif", 100, (25, 25, 25, 25), batas_atas=100)
	assert capped.capaian == D("100.00") and capped.status is AMAN
	assert "dibatasi pada batas atas 100" in capped.keterangan
	# T/R with a projected realisasi of zero and no cap: capaian unbounded → not a status.
	nol = proyeksikan((0, 0, None, None), 2, "Tetap", 5, polaritas="Negatif", metode_negatif="T/R")
	assert nol.capaian is None and nol.status is BELUM
	assert nol.keterangan == "Realisasi nol: capaian tidak terhingga"


def test_thresholds():
	assert AMBANG_DEFAULT.status(D("100")) is AMAN
	assert AMBANG_DEFAULT.status(D("99.99")) is PERHATIAN
	assert AMBANG_DEFAULT.status(85) is PERHATIAN
	assert AMBANG_DEFAULT.status("84.99") is KRITIS
	assert AMBANG_DEFAULT.status(None) is BELUM
	ketat = AmbangPeringatan(aman=D(95), kritis=D(90))
	assert ketat.status(96) is AMAN and ketat.status(92) is PERHATIAN and ketat.status(89) is KRITIS


@pytest.mark.parametrize(
	"tersimpan,capaian,status",
	[
		("Kritis", 68, "Perlu Perhatian"),  # stored under 85/100, read under 60/100
		("Perlu Perhatian", 96, "Perlu Perhatian"),
		("Aman", 59, "Kritis"),
		("Belum Dapat Diproyeksikan", 0, "Belum Dapat Diproyeksikan"),
		("", 0, ""),
		(None, None, ""),
	],
)
def test_a_stored_projection_takes_the_current_thresholds(tersimpan, capaian, status):
	assert (
		status_terkini(tersimpan, capaian, AmbangPeringatan(aman=Decimal(100), kritis=Decimal(60))) == status
	)


def test_threshold_validation():
	assert AMBANG_DEFAULT.validasi() == []
	assert AMBANG_DEFAULT.validasi(batas_atas=120) == []
	assert AmbangPeringatan(D(90), D(90)).validasi() == [
		"Ambang Kritis (90 %) harus lebih kecil dari ambang Aman (90 %)."
	]
	assert AmbangPeringatan(D(100), D(0)).validasi() == ["Ambang Kritis harus lebih dari 0 %."]
	assert "tidak ada indikator yang dapat berstatus Aman" in AmbangPeringatan(D(110), D(85)).validasi(100)[0]
	assert AmbangPeringatan(None, D(85)).validasi() == ["Isi kedua ambang peringatan (Aman dan Kritis)."]


def test_bad_arguments_raise_value_error():
	with pytest.raises(ValueError, match="Triwulan"):
		proyeksikan((1, 1, 1, 1), 5, "Kumulatif", 4)
	with pytest.raises(ValueError, match="4 nilai"):
		proyeksikan((1, 1), 2, "Kumulatif", 4)
	with pytest.raises(ValueError, match="Cara akumulasi"):
		proyeksikan((1, 1, 1, 1), 2, "Median", 4)
	with pytest.raises(ValueError, match="harus angka"):
		proyeksikan(("abc", 1, 1, 1), 2, "Kumulatif", 4)


# --- properties ---------------------------------------------------------------------------------

angka = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False, allow_infinity=False)
positif = st.decimals(min_value=D("0.01"), max_value=10_000, places=2, allow_nan=False, allow_infinity=False)
rollups = st.sampled_from(["Kumulatif", "Nilai Akhir", "Rata-rata", "Tetap"])
polaritas = st.sampled_from([("Positif", "(2T-R)/T"), ("Negatif", "(2T-R)/T"), ("Negatif", "T/R")])
kemungkinan_isi = st.lists(st.one_of(st.none(), angka), min_size=4, max_size=4)
target_tw = st.one_of(st.just([0, 0, 0, 0]), st.lists(angka, min_size=4, max_size=4))


def _lebih_baik_atau_sama(pol: str, lebih: Decimal | None, kurang: Decimal | None) -> bool:
	return lebih is None or kurang is None or lebih >= kurang


@settings(max_examples=400, deadline=None)
@given(kemungkinan_isi, st.integers(1, 4), rollups, positif, target_tw, polaritas, positif)
def test_more_realisasi_in_the_current_quarter_never_worsens_a_positive_projection(
	realisasi, tw, rollup, tahunan, targets, pol, tambah
):
	"""Raising the quarter being entered never lowers a Positif indicator's projected capaian and never
	raises a Negatif one's (where both are computed)."""
	nama_pol, metode = pol
	realisasi = list(realisasi)
	assume(realisasi[tw - 1] is not None)
	rendah = proyeksikan(realisasi, tw, rollup, tahunan, targets, nama_pol, metode)
	realisasi[tw - 1] += tambah
	tinggi = proyeksikan(realisasi, tw, rollup, tahunan, targets, nama_pol, metode)
	if rendah.capaian is None or tinggi.capaian is None:
		return
	if nama_pol == "Positif":
		assert tinggi.capaian >= rendah.capaian
		assert tinggi.realisasi >= rendah.realisasi
	else:
		assert tinggi.capaian <= rendah.capaian


@settings(max_examples=300, deadline=None)
@given(
	kemungkinan_isi,
	st.integers(1, 4),
	st.sampled_from(["Kumulatif", "Rata-rata"]),
	positif,
	target_tw,
	st.integers(0, 3),
	positif,
)
def test_kumulatif_and_rata_rata_are_monotone_in_every_quarter(
	realisasi, tw, rollup, tahunan, targets, idx, tambah
):
	realisasi = list(realisasi)
	assume(realisasi[tw - 1] is not None and idx < tw and realisasi[idx] is not None)
	rendah = proyeksikan(realisasi, tw, rollup, tahunan, targets)
	realisasi[idx] += tambah
	tinggi = proyeksikan(realisasi, tw, rollup, tahunan, targets)
	if rendah.capaian is not None and tinggi.capaian is not None:
		assert tinggi.capaian >= rendah.capaian


@settings(max_examples=300, deadline=None)
@given(st.lists(positif, min_size=4, max_size=4), st.integers(1, 3))
def test_realisasi_exactly_on_the_target_path_projects_the_annual_target(targets, tw):
	"""A Kumulatif indicator whose every quarter meets its quarterly target is projected at 100 %."""
	tahunan = sum(targets, D(0))
	hasil = proyeksikan(list(targets[:tw]) + [None] * (4 - tw), tw, "Kumulatif", tahunan, targets)
	assert hasil.capaian == D("100.00")
	assert hasil.status is AMAN
	assert hasil.kekurangan == D("0.00")


@settings(max_examples=300, deadline=None)
@given(kemungkinan_isi, rollups, positif, polaritas)
def test_tw4_is_the_years_actual_capaian(realisasi, rollup, tahunan, pol):
	"""In TW IV nothing is extrapolated: the projection is the capaian the roll-up gives (capaian.py)."""
	assume(realisasi[3] is not None)
	nama_pol, metode = pol
	hasil = proyeksikan(realisasi, 4, rollup, tahunan, TANPA_TARGET_TW, nama_pol, metode)
	sd = nilai_sd_tw(realisasi, 4, rollup, tahunan)
	assert hasil.realisasi == sd
	assert hasil.capaian == hitung_capaian(tahunan, sd, nama_pol, metode).nilai


@settings(max_examples=300, deadline=None)
@given(kemungkinan_isi, st.integers(1, 4), rollups, st.one_of(st.none(), angka), target_tw, polaritas)
def test_never_raises_and_status_follows_capaian(realisasi, tw, rollup, tahunan, targets, pol):
	hasil = proyeksikan(realisasi, tw, rollup, tahunan, targets, *pol)
	assert hasil.status is AMBANG_DEFAULT.status(hasil.capaian)
	assert (hasil.capaian is None) == (hasil.status is BELUM)
	assert hasil.metode or hasil.keterangan


@given(
	st.decimals(min_value=-50, max_value=300, places=2), st.decimals(min_value=-50, max_value=300, places=2)
)
def test_higher_capaian_never_gets_a_worse_status(a, b):
	urutan = [KRITIS, PERHATIAN, AMAN]
	lo, hi = sorted((a, b))
	assert urutan.index(AMBANG_DEFAULT.status(hi)) >= urutan.index(AMBANG_DEFAULT.status(lo))
