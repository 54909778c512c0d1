import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip_evaluasi.domain.penamaan import (
	awalan_nomor,
	kode_valid,
	nama_bidang,
	nama_evaluasi,
	pisah_wilayah,
	rapikan_kode,
	singkatan,
)


@pytest.mark.parametrize(
	"kode, valid",
	[
		("DPUPR", True),
		("DINKES", True),
		("BPKAD-2", True),
		("A", True),
		("", False),
		("dpupr", False),
		("-DPUPR", False),
		("DPUPR-", False),
		("DP--UPR", False),
		("DPUPR/2", False),
		("D PUPR", False),
		("X" * 21, False),
	],
)
def test_kode_valid(kode, valid):
	assert kode_valid(kode) is valid


def test_rapikan_kode_makes_typed_codes_valid():
	assert rapikan_kode("  dpupr ") == "DPUPR"
	assert rapikan_kode("dinas  kesehatan") == "DINAS-KESEHATAN"
	assert rapikan_kode(None) == ""


def test_names_carry_the_opd_code():
	assert nama_evaluasi("DPUPR", 2026, "III") == "EKI-DPUPR-2026-TW3"
	assert nama_evaluasi("DINKES", "2026", "III") != nama_evaluasi("DPUPR", "2026", "III")
	assert nama_bidang("DPUPR", "SEK") == "DPUPR-SEK"
	assert nama_bidang("DINKES", "SEK") != nama_bidang("DPUPR", "SEK")


@pytest.mark.parametrize(
	"nama, kode",
	[
		("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR"),
		("Dinas Kesehatan", "DK"),
		("Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "BPPRID"),
		("", ""),
	],
)
def test_singkatan(nama, kode):
	assert singkatan(nama) == kode


@given(st.text(max_size=80))
def test_singkatan_is_always_a_valid_code_or_empty(nama):
	kode = singkatan(nama)
	assert kode == "" or kode_valid(kode)


@pytest.mark.parametrize(
	"nama, hasil",
	[
		(
			"Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Contoh",
			("Dinas Pekerjaan Umum dan Penataan Ruang", "Pemerintah Kabupaten Contoh"),
		),
		("Dinas Kesehatan Kota Yogyakarta", ("Dinas Kesehatan", "Pemerintah Kota Yogyakarta")),
		("Bappeda Provinsi Jawa Tengah", ("Bappeda", "Pemerintah Provinsi Jawa Tengah")),
		("Dinas Kesehatan", ("Dinas Kesehatan", None)),
		("", ("", None)),
	],
)
def test_pisah_wilayah(nama, hasil):
	assert pisah_wilayah(nama) == hasil


@pytest.mark.parametrize(
	"jenis,tanggal,awalan",
	[
		("DISP", datetime.date(2027, 1, 4), "DISP-DPUPR-2027-"),
		("Plh", "2027-01-02", "PLH-DPUPR-2027-"),
		("Plt", "2026-12-31 23:59:00", "PLT-DPUPR-2026-"),
	],
)
def test_a_letter_is_numbered_in_the_year_of_its_date(jenis, tanggal, awalan):
	assert awalan_nomor(jenis, "DPUPR", tanggal) == awalan


def test_nama_dokumen_bidang_is_prefix_evaluation_and_bidang_code():
	from sakip_evaluasi.domain.penamaan import nama_dokumen_bidang

	assert nama_dokumen_bidang("DKB", "EKI-DPUPR-2026-TW3", "BM") == "DKB-EKI-DPUPR-2026-TW3-BM"
	assert nama_dokumen_bidang("TL", "EKI-DINKES-2026-TW1", "SEK") == "TL-EKI-DINKES-2026-TW1-SEK"
