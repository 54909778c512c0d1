"""Dates, times and numbers as official documents write them (sakip_evaluasi.domain.tulisan)."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest

from sakip_evaluasi.domain.tulisan import angka_id, jam, persen_id, tanggal_panjang, ukuran_kertas


@pytest.mark.parametrize(
	"nilai, hasil",
	[
		(date(2026, 11, 30), "Senin, 30 November 2026"),
		("2026-11-30", "Senin, 30 November 2026"),
		(datetime(2026, 1, 1, 23, 59), "Kamis, 1 Januari 2026"),
		("2026-08-17 08:00:00", "Senin, 17 Agustus 2026"),
		(date(2096, 2, 29), "Rabu, 29 Februari 2096"),
		(date(2026, 12, 6), "Minggu, 6 Desember 2026"),
		(None, "-"),
		("", "-"),
	],
)
def test_tanggal_panjang(nilai, hasil):
	assert tanggal_panjang(nilai) == hasil


def test_tanggal_tanpa_hari():
	assert tanggal_panjang(date(2026, 5, 2), dengan_hari=False) == "2 Mei 2026"


def test_tanggal_salah():
	with pytest.raises(ValueError, match="Tanggal tidak dikenal"):
		tanggal_panjang("30/11/2026")


@pytest.mark.parametrize(
	"nilai, hasil",
	[
		(time(9, 5), "09.05"),
		(datetime(2026, 1, 1, 13, 30), "13.30"),
		(timedelta(hours=14, minutes=7), "14.07"),
		("9:00:00", "09.00"),
		(None, "-"),
	],
)
def test_jam(nilai, hasil):
	assert jam(nilai) == hasil


@pytest.mark.parametrize(
	"nilai, desimal, hasil",
	[
		(1234.56, 2, "1.234,56"),
		(1234567.891, 2, "1.234.567,89"),
		(0.005, 2, "0,01"),
		(Decimal("2.675"), 2, "2,68"),
		(87.5, 2, "87,50"),
		(-1234.5, 1, "-1.234,5"),
		(-0.001, 2, "0,00"),
		(100, 0, "100"),
		(1000, 0, "1.000"),
		(12.50, None, "12,5"),
		(1500000, None, "1.500.000"),
		("7.25", 2, "7,25"),
		(None, 2, "-"),
		("", 2, "-"),
		("belum ada", 2, "belum ada"),
	],
)
def test_angka_id(nilai, desimal, hasil):
	assert angka_id(nilai, desimal) == hasil


def test_persen():
	assert persen_id(107.142857) == "107,14%"
	assert persen_id(None) == "-"


def test_ukuran_kertas():
	assert ukuran_kertas("F4") == (215, 330)
	assert ukuran_kertas("A4") == (210, 297)
	assert ukuran_kertas(None) == (215, 330)
