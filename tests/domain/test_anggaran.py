"""Realisasi anggaran of a bidang: penyerapan, the s.d. TW carried from the earlier triwulan, the
checks of a save (above the pagu, negative, a row not in the PK) and the efficiency of resources."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from sakip_evaluasi.domain import anggaran as a


def test_realisasi_sd_tw_adds_the_earlier_triwulan():
	assert a.realisasi_sd_tw(Decimal("2500000"), 1_000_000) == Decimal("3500000")
	assert a.realisasi_sd_tw(None, None) == 0


def test_penyerapan_is_realisasi_sd_tw_against_pagu():
	assert a.penyerapan(1_000_000, 250_000) == 25.0
	assert a.penyerapan(3_000_000, 1_000_000) == 33.33
	assert a.penyerapan(3_000_000, 2_000_000) == 66.67
	assert a.penyerapan(0, 0) is None
	assert a.penyerapan(None, 10) is None


def test_above_pagu_is_refused_naming_the_row():
	baris = [
		a.BarisAnggaran("Realisasi Anggaran baris 1 (Program 1.03.02)", "1.03.02", 10_000_000, 6_000_000, 3_000_000),
		a.BarisAnggaran("Realisasi Anggaran baris 2 (Kegiatan 1.03.02.2.01)", "1.03.02.2.01", 5_000_000, 4_000_000, 1_500_000),
	]  # fmt: skip
	masalah = a.periksa(baris)
	assert masalah == [
		"Realisasi Anggaran baris 2 (Kegiatan 1.03.02.2.01): realisasi s.d. triwulan ini Rp 5.500.000 "
		"melebihi pagu Rp 5.000.000 (realisasi triwulan lalu Rp 4.000.000, triwulan ini Rp 1.500.000)."
	]


def test_exactly_the_pagu_is_accepted_and_a_row_without_pagu_takes_nothing():
	assert a.periksa([a.BarisAnggaran("b1", None, 100, 40, 60)]) == []
	assert a.periksa([a.BarisAnggaran("b1", None, 0, 0, 0)]) == []
	assert a.periksa([a.BarisAnggaran("b1", None, 0, 0, 1)]) == [
		"b1: realisasi s.d. triwulan ini Rp 1 melebihi pagu Rp 0 (realisasi triwulan lalu Rp 0, triwulan ini Rp 1)."
	]


def test_negative_realisasi_is_refused():
	assert a.periksa([a.BarisAnggaran("baris 3", None, 100, 50, -10)]) == [
		"baris 3: realisasi triwulan ini Rp -10 tidak boleh negatif."
	]


def test_rows_are_known_by_code_else_by_name():
	assert a.kunci(" 1.03.02 ", "Program X") == "1.03.02"
	assert a.kunci(None, " Program   Jalan ") == "Program Jalan"


def test_totals_count_a_kegiatan_listed_under_its_program_once():
	baris = [
		("1.03.02", 10_000_000, 4_000_000),
		("1.03.02.2.01", 6_000_000, 3_000_000),
		("1.03.02.2.01.0001", 2_000_000, 1_000_000),
		("1.03.03", 2_000_000, 1_000_000),
	]
	s = a.serapan(baris)
	assert (s.pagu, s.realisasi, s.penyerapan) == (Decimal(12_000_000), Decimal(5_000_000), 41.67)


def test_a_kegiatan_without_its_program_counts_itself():
	s = a.serapan([("1.03.02.2.01", 6_000_000, 3_000_000), ("1.03.02.2.02", 4_000_000, 1_000_000)])
	assert (s.pagu, s.penyerapan) == (Decimal(10_000_000), 40.0)


def test_the_opd_total_adds_the_bidang_totals():
	s = a.jumlah(
		[a.serapan([("1.03.02", 10_000_000, 4_000_000)]), a.serapan([("1.03.03", 2_000_000, 2_000_000)])]
	)
	assert (s.pagu, s.realisasi, s.penyerapan) == (Decimal(12_000_000), Decimal(6_000_000), 50.0)
	assert a.jumlah([]).penyerapan is None


def test_efficiency_is_capaian_against_penyerapan():
	e = a.efisiensi(90.0, 75.0)
	assert (e.indeks, e.kesimpulan) == (1.2, "Efisien")
	e = a.efisiensi(60.0, 80.0)
	assert (e.indeks, e.kesimpulan) == (0.75, "Kurang efisien")
	assert a.efisiensi(None, 50.0).kesimpulan == "Efisiensi belum dapat dihitung"
	assert a.efisiensi(80.0, None).indeks is None
	assert a.efisiensi(80.0, 0).indeks is None


def test_the_lkjip_efficiency_is_the_same_rule():
	from sakip_evaluasi.domain.lkjip import model as m

	e = m.efisiensi([90, 90], 1_000, 750)
	assert (e.serapan, e.indeks, e.kesimpulan) == (75.0, 1.2, "Efisien")


def test_the_opd_row_takes_what_the_bidang_reported_by_code_or_below_it():
	per_kunci = a.realisasi_per_kunci(
		[
			("1.03.02", "Program Jalan", 4_000_000),  # bidang A
			("1.03.02", "Program Jalan", 1_000_000),  # bidang B shares the program
			("1.03.03.2.01", "Kegiatan", 700_000),
			("1.03.03.2.01.0001", "Sub", 300_000),  # under the kegiatan: not counted again
			("1.03.03.2.02", "Kegiatan 2", 200_000),
			(None, "Program tanpa kode", 50_000),
		]
	)
	assert a.realisasi_untuk("1.03.02", "Program Jalan", per_kunci) == Decimal(5_000_000)
	assert a.realisasi_untuk("1.03.03", "Program lain", per_kunci) == Decimal(900_000)
	assert a.realisasi_untuk(None, "Program tanpa kode", per_kunci) == Decimal(50_000)
	assert a.realisasi_untuk("1.03.04", "Tidak dilaporkan", per_kunci) is None
	assert a.realisasi_untuk(None, "Tidak dilaporkan", per_kunci) is None


@given(
	pagu=st.integers(min_value=0, max_value=10**12),
	lalu=st.integers(min_value=0, max_value=10**12),
	tw=st.integers(min_value=-(10**6), max_value=10**12),
)
def test_a_save_passes_exactly_when_the_realisasi_fits_the_pagu(pagu, lalu, tw):
	ok = not a.periksa([a.BarisAnggaran("b", None, pagu, lalu, tw)])
	assert ok == (tw >= 0 and lalu + tw <= pagu)
	if ok and pagu:
		assert 0 <= a.penyerapan(pagu, lalu + tw) <= 100
