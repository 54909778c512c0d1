from decimal import Decimal

import pytest

from sakip_evaluasi.domain.peran import PERAN_SOP
from sakip_evaluasi.domain.sop import SOP, LangkahSOP, langkah_ditugaskan, pisah_peran, sop_dari_dict


def langkah(no=1, waktu="1", satuan="Jam", pelaksana="Sekretaris", lain=()):
	return LangkahSOP(
		no=no,
		kegiatan="Kegiatan",
		pelaksana=pelaksana,
		waktu=Decimal(waktu),
		satuan=satuan,
		pelaksana_lain=lain,
	)


def test_valid_sop_has_no_problems():
	assert SOP("SOP A", (langkah(1), langkah(2, "2", "Hari"))).validasi(PERAN_SOP) == []


@pytest.mark.parametrize(
	"steps, message",
	[
		((langkah(1, "0"),), "Waktu langkah 1 harus lebih dari nol"),
		((langkah(1, "-1"),), "Waktu langkah 1 harus lebih dari nol"),
		((langkah(1), langkah(1)), "Nomor langkah 1 dipakai lebih dari sekali"),
		((langkah(1, satuan="Menit"),), "Satuan waktu langkah 1 harus Jam atau Hari"),
		((langkah(1, "1.5", "Hari"),), "dalam Hari harus bilangan bulat"),
		((langkah(1, pelaksana="Bendahara"),), "bukan peran yang dikenal: Bendahara"),
		((langkah(1, lain=("Sekretaris",)),), "pelaksana yang sama lebih dari sekali"),
		((langkah(0),), "Nomor langkah harus bilangan bulat positif"),
		((), "paling sedikit satu langkah"),
	],
	ids=[
		"waktu-nol",
		"waktu-negatif",
		"nomor-ganda",
		"satuan-asing",
		"hari-pecahan",
		"peran-asing",
		"pelaksana-ganda",
		"nomor-nol",
		"tanpa-langkah",
	],
)
def test_bad_sop_is_refused_with_a_message(steps, message):
	problems = SOP("SOP A", steps).validasi(PERAN_SOP)
	assert any(message in p for p in problems), problems


def test_unknown_roles_are_not_checked_without_a_role_list():
	assert SOP("SOP A", (langkah(1, pelaksana="Bendahara"),)).validasi() == []


def test_roles_may_be_written_per_line_or_with_commas():
	assert pisah_peran("Sekretaris\nKepala Dinas, Kepala Bidang\n\n") == (
		"Sekretaris",
		"Kepala Dinas",
		"Kepala Bidang",
	)
	assert pisah_peran(None) == ()


def test_record_shape_converts_including_blank_cells():
	sop = sop_dari_dict(
		{"nama_sop": "X", "unit": "Sekretariat", "langkah": [{"no": None, "kegiatan": "K", "waktu": None}]}
	)
	assert sop.identitas == {"unit": "Sekretariat"}
	problems = sop.validasi()
	assert any("Waktu langkah 0" in p for p in problems)
	assert any("harus memiliki pelaksana" in p for p in problems)


def test_step_lookup():
	sop = SOP("SOP A", (langkah(1), langkah(2)))
	assert sop.langkah_nomor(2).no == 2
	with pytest.raises(KeyError):
		sop.langkah_nomor(9)


SOP_EVALUASI = (
	(1, "Disposisi"),
	(2, "Disposisi"),
	(3, "Kertas Kerja Evaluasi"),
	(4, "Kertas Kerja Evaluasi"),
	(5, "Data Kinerja Bidang"),
	(6, "Notulen Rapat"),
	(7, "Notulen Rapat"),
	(8, "Tindak Lanjut Evaluasi"),
)


@pytest.mark.parametrize(
	"no, ditugaskan",
	[(1, (2,)), (2, (3, 4)), (4, (5,)), (5, (6, 7)), (8, ())],
)
def test_a_disposisi_assigns_the_next_output_of_the_sop(no, ditugaskan):
	assert langkah_ditugaskan(SOP_EVALUASI, no) == ditugaskan


def test_the_assigned_steps_follow_the_step_numbers_not_the_order_given():
	assert langkah_ditugaskan(tuple(reversed(SOP_EVALUASI)), 2) == (3, 4)
	# a step without an output is not timed and not listed: the next timed steps are assigned
	assert langkah_ditugaskan(((1, "Disposisi"), (5, "Kertas Kerja Evaluasi"), (6, "Notulen Rapat")), 1) == (
		5,
	)
