from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip_evaluasi.domain import kepegawaian as k

HARI_INI = date(2026, 11, 30)


def kode(nip):
	return [m.kode for m in k.masalah_nip(nip, HARI_INI)]


@pytest.mark.parametrize(
	"nip",
	[
		"198001012005011001",
		"19800101 200501 1 001",
		"19750815.199903.2.004",
		"200002292024012001",  # 29 February of a leap year
	],
)
def test_valid_nips(nip):
	assert k.masalah_nip(nip, HARI_INI) == []


@pytest.mark.parametrize(
	"nip, harapan",
	[
		("", [k.KOSONG]),
		(None, [k.KOSONG]),
		("19800101200501100", [k.PANJANG]),  # 17 digits
		("1980010120050110011", [k.PANJANG]),  # 19 digits
		("19800101200501100A", [k.BUKAN_ANGKA]),
		("١٩٨٠٠١٠١٢٠٠٥٠١١٠٠١", [k.BUKAN_ANGKA]),  # Arabic-Indic digits are digits, not a NIP
		("198013012005011001", [k.TANGGAL_LAHIR]),  # month 13
		("198002302005011001", [k.TANGGAL_LAHIR]),  # 30 February
		("190001012005011001", [k.TANGGAL_LAHIR]),  # born 1900
		("203001012005011001", [k.TANGGAL_LAHIR]),  # born in the future
		("198001012005001001", [k.TMT]),  # month 00
		("198001012030011001", [k.TMT]),  # TMT in the future
		("198001011995011001", [k.TMT_TERLALU_MUDA]),  # a civil servant at 15
		("198001012005013001", [k.JENIS_KELAMIN]),
		("198001012005011000", [k.NOMOR_URUT]),
		("198013012030013000", [k.TANGGAL_LAHIR, k.TMT, k.JENIS_KELAMIN, k.NOMOR_URUT]),
	],
)
def test_malformed_nips_say_what_is_wrong(nip, harapan):
	assert kode(nip) == harapan


def test_the_problem_carries_the_part_it_is_about():
	assert k.masalah_nip("198013012005011001", HARI_INI) == [k.MasalahNIP(k.TANGGAL_LAHIR, "19801301")]
	assert k.masalah_nip("1980", HARI_INI) == [k.MasalahNIP(k.PANJANG, "4")]


def test_parts():
	assert k.bagian_nip("19800101 200501 1 001") == ("19800101", "200501", "1", "001")


@given(
	lahir=st.dates(date(1950, 1, 1), date(2000, 12, 31)),
	umur=st.integers(18, 25),
	kelamin=st.sampled_from("12"),
	urut=st.integers(1, 999),
)
def test_every_well_formed_nip_is_valid(lahir, umur, kelamin, urut):
	nip = f"{lahir:%Y%m%d}{lahir.year + umur}{lahir.month:02d}{kelamin}{urut:03d}"
	if date(lahir.year + umur, lahir.month, 1) <= HARI_INI:
		assert k.masalah_nip(nip, HARI_INI) == []


def test_ranks_run_from_juru_muda_to_pembina_utama_plus_pppk():
	assert k.PANGKAT_GOLONGAN[0] == "Juru Muda (I/a)"
	assert k.PANGKAT_GOLONGAN[-2] == "Pembina Utama (IV/e)"
	assert len(k.PANGKAT_GOLONGAN) == 18 and k.PANGKAT_GOLONGAN[-1] == "PPPK"


@pytest.mark.parametrize(
	"a, b, harapan",
	[
		((1, 7), (8, 14), False),
		((1, 7), (7, 14), True),  # the last day of one is the first of the other
		((1, 30), (10, 12), True),
		((10, 12), (1, 9), False),
	],
)
def test_periods_overlap_when_they_share_a_day(a, b, harapan):
	hari = [date(2026, 12, d) for d in (*a, *b)]
	assert k.bertumpang(*hari) is harapan
	assert k.bertumpang(hari[2], hari[3], hari[0], hari[1]) is harapan


def test_a_date_in_a_period():
	mulai, selesai = date(2026, 12, 1), date(2026, 12, 7)
	assert k.berlaku_pada(mulai, selesai, date(2026, 12, 7))
	assert not k.berlaku_pada(mulai, selesai, date(2026, 12, 8))
	assert not k.berlaku_pada(mulai, selesai, date(2026, 11, 30))
	assert k.berlaku_pada(mulai, None, date(2099, 1, 1))


def test_the_pegawai_form_offers_exactly_these_ranks():
	import json
	from pathlib import Path

	path = Path(k.__file__).parent.parent / "sakip_evaluasi/doctype/pegawai/pegawai.json"
	field = next(f for f in json.loads(path.read_text())["fields"] if f["fieldname"] == "pangkat_golongan")
	assert field["options"].split("\n") == ["", *k.PANGKAT_GOLONGAN]


@pytest.mark.parametrize(
	"nip, tercetak",
	[
		("196805121994031005", "19680512 199403 1 005"),
		("19680512 199403 1 005", "19680512 199403 1 005"),
		("19680512.199403.1.005", "19680512 199403 1 005"),
		(" 198001012005012002 ", "19800101 200501 2 002"),
		("12345", "12345"),  # not a NIP: as typed
		("", ""),
		(None, ""),
	],
)
def test_nip_tercetak_dalam_empat_bagian(nip, tercetak):
	assert k.nip_tercetak(nip) == tercetak


@pytest.mark.parametrize(
	"penanda, hasil",
	[
		("Sekretaris Dinas PUPR", "a.n. Kepala Dinas PUPR"),
		("Plh. Sekretaris Dinas PUPR", "a.n. Kepala Dinas PUPR"),
		("Kepala Dinas PUPR", ""),  # the head signs himself
		("Plt. Kepala Dinas PUPR", ""),  # an acting head signs as the head, Plt. above the position
		("Plh. Kepala Dinas PUPR", ""),
		("", ""),
	],
)
def test_atas_nama_bila_bukan_kepala_yang_menandatangani(penanda, hasil):
	assert k.atas_nama(penanda, "Kepala Dinas PUPR") == hasil
