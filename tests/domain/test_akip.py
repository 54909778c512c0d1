"""Evaluasi AKIP scores (domain.akip) against examples worked out by hand from the LKE of
PermenPANRB 88/2021 (the reference CSV shipped in setup/data)."""

from decimal import Decimal
from pathlib import Path

import pytest

from sakip_evaluasi.domain import akip

CSV = Path(__file__).resolve().parents[2] / "sakip_evaluasi" / "setup" / "data" / "lke_88_2021.csv"


@pytest.fixture(scope="module")
def lke() -> akip.StrukturLKE:
	return akip.baca_csv(CSV.read_text(encoding="utf-8"))


def semua(lke, jawaban_per_sub: dict[str, str]) -> dict[str, str]:
	return {k.kode: jawaban_per_sub[k.subkomponen] for k in lke.kriteria}


def test_lke_88_2021_has_four_components_twelve_sub_components_and_80_criteria(lke):
	assert [(k.kode, k.bobot) for k in lke.komponen] == [
		("1", 30),
		("2", 30),
		("3", 15),
		("4", 25),
	]
	assert len(lke.subkomponen) == 12
	assert len(lke.kriteria) == 80
	per_komponen = {k: sum(1 for kr in lke.kriteria if kr.subkomponen[0] == k) for k in "1234"}
	assert per_komponen == {"1": 25, "2": 20, "3": 22, "4": 13}
	assert akip.masalah_bobot(lke) == []


def test_sub_component_value_is_weight_times_mean_of_its_answers():
	# 1.a (bobot 6): AA A BB B C E = 100+90+80+70+50+0 = 390, mean 65 -> 6 x 65 / 100 = 3.90
	jawaban = [("AA-E", j) for j in ("AA", "A", "BB", "B", "C", "E")]
	assert akip.nilai_subkomponen(6, jawaban) == Decimal("3.9")
	# Y/T, bobot 3: Y Y Y T Y T = 400/6 -> 3 x 66.67% = 2.00
	jawaban = [("Y/T", j) for j in ("Y", "Y", "Y", "T", "Y", "T")]
	assert akip.dua_desimal(akip.nilai_subkomponen(3, jawaban)) == Decimal("2.00")
	# A/B/C, bobot 5: A B C = 100+50+0 = 150, mean 50 -> 2.50
	assert akip.nilai_subkomponen(5, [("A/B/C", "A"), ("A/B/C", "B"), ("A/B/C", "C")]) == Decimal("2.5")
	# a criterion not answered counts 0: AA and nothing, bobot 9 -> 4.50
	assert akip.nilai_subkomponen(9, [("AA-E", "AA"), ("AA-E", None)]) == Decimal("4.5")


def test_whole_worksheet_by_hand(lke):
	# 1.a all A (6 x .9 = 5.4), 1.b all BB (9 x .8 = 7.2), 1.c all B (15 x .7 = 10.5) -> 23.1;
	# component 2 all A -> 27; component 3 all A -> 13.5; component 4 all BB -> 20; total 83.6 -> A
	jawaban = {"1.a": "A", "1.b": "BB", "1.c": "B"}
	jawaban |= {s.kode: "A" for s in lke.subkomponen if s.komponen in ("2", "3")}
	jawaban |= {s.kode: "BB" for s in lke.subkomponen if s.komponen == "4"}
	hasil = akip.hitung(lke, semua(lke, jawaban))
	assert hasil.subkomponen["1.a"] == Decimal("5.4")
	assert hasil.komponen == {
		"1": Decimal("23.1"),
		"2": Decimal("27"),
		"3": Decimal("13.5"),
		"4": Decimal("20"),
	}
	assert akip.dua_desimal(hasil.total) == Decimal("83.60")
	assert hasil.predikat == "A"


def test_components_by_their_weights(lke):
	# component 1 all AA (30), 2 all B (30 x .7 = 21), 3 all CC (15 x .6 = 9), 4 all E (0) -> 60.00:
	# not above 60, so CC
	per_komponen = {"1": "AA", "2": "B", "3": "CC", "4": "E"}
	hasil = akip.hitung(lke, semua(lke, {s.kode: per_komponen[s.komponen] for s in lke.subkomponen}))
	assert hasil.komponen == {"1": 30, "2": 21, "3": 9, "4": 0}
	assert hasil.total == 60
	assert hasil.predikat == "CC"


@pytest.mark.parametrize(
	"nilai, predikat",
	[
		("100", "AA"),
		("90.01", "AA"),
		("90", "A"),
		("80.5", "A"),
		("80", "BB"),
		("70", "B"),
		("60.01", "B"),
		("60", "CC"),
		("50", "C"),
		("30.01", "C"),
		("30", "D"),
		("0", "D"),
	],
)
def test_predikat_has_strict_lower_bounds(nilai, predikat):
	assert akip.predikat_akip(nilai) == predikat


def test_all_answers_the_same(lke):
	assert akip.hitung(lke, semua(lke, {s.kode: "AA" for s in lke.subkomponen})).total == 100
	hasil = akip.hitung(lke, semua(lke, {s.kode: "BB" for s in lke.subkomponen}))
	assert (hasil.total, hasil.predikat) == (80, "BB")
	assert akip.hitung(lke, {}).predikat == "D"


def test_answer_outside_the_scale_is_refused(lke):
	assert akip.masalah_jawaban("Y/T", "A") == "jawaban 'A' di luar skala Y/T (pilihan: Y, T)"
	assert akip.masalah_jawaban("A/B/C", "") is None
	with pytest.raises(akip.JawabanTidakSah, match="di luar skala AA-E"):
		akip.hitung(lke, {"1.a.1": "F"})
	with pytest.raises(akip.JawabanTidakSah, match="tidak dikenal"):
		akip.pilihan_jawaban("1-5")


def test_weights_that_do_not_add_up_are_named(lke):
	rusak = akip.StrukturLKE(
		komponen=(akip.Komponen("1", "Perencanaan Kinerja", Decimal(35)), *lke.komponen[1:]),
		subkomponen=lke.subkomponen,
		kriteria=lke.kriteria,
	)
	assert akip.masalah_bobot(rusak) == [
		"jumlah bobot komponen 105, seharusnya 100",
		"jumlah bobot subkomponen komponen 1 (Perencanaan Kinerja) 30, seharusnya 35",
	]
	kosong = akip.StrukturLKE(lke.komponen, lke.subkomponen, lke.kriteria[1:])
	assert akip.masalah_bobot(kosong) == []
	tanpa_1a = akip.StrukturLKE(
		lke.komponen, lke.subkomponen, tuple(k for k in lke.kriteria if k.subkomponen != "1.a")
	)
	assert akip.masalah_bobot(tanpa_1a) == ["subkomponen 1.a belum memiliki kriteria"]


def test_evaluation_year_assesses_the_year_before():
	assert akip.tahun_dinilai(2027) == 2026


def test_difference_is_an_evaluator_answer_other_than_the_opd():
	assert akip.berbeda("A", "BB")
	assert akip.berbeda(None, "BB")
	assert not akip.berbeda("A", "A")
	assert not akip.berbeda("A", None)
