from datetime import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.kalender import kalender_default
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


# --------------------------------------------------------------------------- one model: record → deadline

BARIS_REKAMAN = [
	{
		"no": 5,
		"kegiatan": "Mengisi data kinerja",
		"pelaksana": "Kepala Bidang",
		"waktu": 2.0,
		"satuan": "Hari",
		"dokumen_output": "Data Kinerja Bidang",
		"status_selesai": "Diajukan",
		"status_mulai": " Draft ",
		"per_bidang": 1,
		"syarat_dokumen": "  ",
		"field_tanggal_mulai": None,
		"field_jam_mulai": "",
	},
	{
		"no": 7,
		"kegiatan": "Rapat",
		"pelaksana": "Sekretaris",
		"waktu": 0.5,
		"satuan": "Jam",
		"dokumen_output": "Notulen Rapat",
		"status_selesai": "Disahkan",
		"per_bidang": 0,
		"syarat_dokumen": "doc.jenis == 'Evaluasi'",
		"field_tanggal_mulai": "tanggal_rapat",
		"field_jam_mulai": "jam_mulai",
	},
	{"no": 1, "kegiatan": "Menugaskan", "pelaksana": "Kepala Dinas", "waktu": 1, "satuan": "Jam"},
]


def test_a_record_row_carries_what_the_sla_engine_needs():
	sop = sop_dari_dict({"nama_sop": "SOP A", "langkah": BARIS_REKAMAN})
	isi = sop.langkah_nomor(5)
	assert (
		isi.doctype,
		isi.status_selesai,
		isi.status_mulai,
		isi.per_bidang,
		isi.syarat,
		isi.field_tanggal,
		isi.field_jam,
	) == ("Data Kinerja Bidang", "Diajukan", "Draft", True, None, None, None)
	rapat = sop.langkah_nomor(7)
	assert (rapat.per_bidang, rapat.syarat, rapat.field_tanggal, rapat.field_jam) == (
		False,
		"doc.jenis == 'Evaluasi'",
		"tanggal_rapat",
		"jam_mulai",
	)
	assert sop.langkah_nomor(1).doctype is None and not sop.langkah_nomor(1).berwaktu


def test_the_timed_steps_are_those_with_an_output_and_its_state_in_step_order():
	sop = sop_dari_dict({"nama_sop": "SOP A", "langkah": BARIS_REKAMAN})
	assert [langkah.no for langkah in sop.langkah_berwaktu()] == [5, 7]


@settings(max_examples=200, deadline=None)
@given(
	waktu=st.decimals(min_value="0.01", max_value="40", places=2),
	satuan=st.sampled_from(("Jam", "Hari")),
	dari_float=st.booleans(),
)
def test_a_step_time_reaches_the_deadline_as_the_record_wrote_it(waktu, satuan, dari_float):
	"""The Float column holds a step time as a float: the model reads exactly the number written
	(no float on the way), and the deadline is the calendar's for that number."""
	if satuan == "Hari":
		waktu = waktu.to_integral_value() or Decimal(1)
	tertulis = float(waktu) if dari_float else str(waktu)
	baris = {**BARIS_REKAMAN[0], "waktu": tertulis, "satuan": satuan}
	langkah_ = sop_dari_dict({"nama_sop": "SOP A", "langkah": [baris]}).langkah[0]
	assert type(langkah_.waktu) is Decimal
	assert langkah_.waktu == waktu
	kal = kalender_default()
	mulai = datetime(2026, 11, 20, 9, 0)
	harapan = kal.tambah_waktu(mulai, waktu, satuan)
	assert sla.rencanakan(kal, mulai, langkah_.waktu, langkah_.satuan).batas_waktu == harapan
