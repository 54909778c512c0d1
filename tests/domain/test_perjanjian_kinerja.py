"""Perjanjian Kinerja: the Rencana Aksi's roll-up against the annual target, the rows' checks, the SIPD
codes, the version in force per triwulan, what a PK Perubahan may not rewrite, and the deadline."""

from datetime import date, datetime

import pytest

from sakip_evaluasi.domain import perjanjian_kinerja as pk
from sakip_evaluasi.domain.perjanjian_kinerja import BarisIndikator, VersiPK


@pytest.mark.parametrize(
	("tahunan", "tw", "akumulasi"),
	[
		(100, (25, 25, 25, 25), "Kumulatif"),
		(100, (10, 20, 30, 40), "Kumulatif"),
		(80, (78, 79, 81, 82), "Rata-rata"),
		(75, (60, 65, 70, 75), "Nilai Akhir"),
		(90, (90, 90, 90, 90), "Tetap"),
		(90, (90, 0, 0, 0), "Tetap"),
		(100, (0, 0, 0, 0), "Kumulatif"),  # no Rencana Aksi yet: nothing to contradict
		(0.3, (0.1, 0.1, 0.1, 0), "Kumulatif"),  # decimals add up exactly
	],
)
def test_rencana_aksi_sesuai_rollup(tahunan, tw, akumulasi):
	assert pk.periksa_rollup("Baris 1", tahunan, tw, akumulasi) is None


@pytest.mark.parametrize(
	("tahunan", "tw", "akumulasi", "potongan"),
	[
		(
			100,
			(25, 25, 25, 20),
			"Kumulatif",
			"jumlah target TW I–IV = 95, tidak sama dengan target tahunan 100",
		),
		(80, (70, 70, 70, 70), "Rata-rata", "rata-rata target TW I–IV = 70"),
		(75, (60, 65, 70, 72), "Nilai Akhir", "target TW IV = 72"),
		(90, (90, 85, 90, 90), "Tetap", "target TW II tidak sama dengan target tahunan 90"),
		(10.5, (2.5, 2.5, 2.5, 2.5), "Kumulatif", "= 10, tidak sama dengan target tahunan 10,5"),
	],
)
def test_rencana_aksi_bertentangan_ditolak_dengan_nama_baris(tahunan, tw, akumulasi, potongan):
	pesan = pk.periksa_rollup("Indikator PK baris 3", tahunan, tw, akumulasi)
	assert pesan.startswith("Indikator PK baris 3:")
	assert potongan in pesan


def test_indikator_ganda_menyebut_kedua_baris():
	daftar = [
		BarisIndikator("Baris 1", "Panjang jalan mantap"),
		BarisIndikator("Baris 2", "Indeks kepuasan"),
		BarisIndikator("Baris 3", " panjang jalan MANTAP "),
	]
	assert pk.indikator_ganda(daftar) == [
		"Baris 3: indikator ' panjang jalan MANTAP ' sudah tercantum di Baris 1."
	]


def test_sasaran_dan_kaskade():
	daftar = [BarisIndikator("Baris 1", "A", "S1"), BarisIndikator("Baris 2", "B", "S9")]
	assert pk.sasaran_tak_dikenal(daftar, ["S1", "S2"]) == [
		"Baris 2: sasaran 'S9' tidak ada di tabel Sasaran PK ini."
	]
	masalah = pk.tanpa_induk(
		[("Sasaran PK baris 1", "S1"), ("Sasaran PK baris 2", None)], ["S1"], "PK-X-2026-V1"
	)
	assert masalah == [
		"Sasaran PK baris 2: tidak mengacu ke sasaran PK OPD PK-X-2026-V1 (kode '' tidak ada di sana)."
	]


@pytest.mark.parametrize(
	("jenis", "kode", "benar"),
	[
		("Program", "1.03.02", True),
		("Kegiatan", "1.03.02.2.01", True),
		("Sub Kegiatan", "1.03.02.2.01.0001", True),
		("Program", "1.03.02.2.01", False),
		("Sub Kegiatan", "1.03.02.2.01", False),
		("Kegiatan", None, True),
	],
)
def test_kode_sipd(jenis, kode, benar):
	assert (pk.periksa_kode_sipd("Program PK baris 1", jenis, kode) is None) is benar


def test_versi_yang_berlaku_per_triwulan():
	v1, v2 = VersiPK("PK-1", 1, 1), VersiPK("PK-2", 2, 3)
	assert [pk.versi_pada([v1, v2], tw).nama for tw in (1, 2, 3, 4)] == ["PK-1", "PK-1", "PK-2", "PK-2"]
	assert pk.versi_pada([v2], 2) is None


def test_perubahan_tidak_menulis_ulang_triwulan_lalu():
	assert pk.target_lama_berubah("Baris 1", (25, 25, 25, 25), (25, 25, 30, 30), 3) is None
	pesan = pk.target_lama_berubah("Baris 1", (25, 25, 25, 25), (20, 30, 25, 25), 3)
	assert (
		pesan
		== "Baris 1: target TW I, II sudah dipakai sebelum PK Perubahan berlaku (mulai TW III) dan tidak boleh diubah."
	)


def test_batas_satu_bulan_setelah_dpa():
	assert pk.batas_penyusunan(date(2026, 1, 15)) == datetime(2026, 2, 15, 23, 59, 59)
	assert pk.batas_penyusunan(date(2026, 1, 31)) == datetime(2026, 2, 28, 23, 59, 59)
	assert pk.batas_penyusunan(date(2025, 12, 20)) == datetime(2026, 1, 20, 23, 59, 59)


def test_status_batas_seperti_langkah_sop():
	dpa = date(2026, 1, 15)
	assert pk.status_batas(dpa, datetime(2026, 1, 20)) == "Berjalan"
	assert pk.status_batas(dpa, datetime(2026, 2, 10)) == "Hampir Jatuh Tempo"
	assert pk.status_batas(dpa, datetime(2026, 2, 16)) == "Terlambat"
	assert pk.status_batas(dpa, datetime(2026, 3, 1), datetime(2026, 2, 14, 10)) == "Selesai Tepat Waktu"
	assert pk.status_batas(dpa, datetime(2026, 3, 1), datetime(2026, 2, 16, 10)) == "Selesai Terlambat"


def test_renstra_periode_kode_dan_tahun():
	assert (
		pk.periksa_renstra(
			2025, 2029, [("Indikator 1", "IK1")], [("Target 1", "IK1", 2025), ("Target 2", "IK1", 2029)]
		)
		== []
	)
	masalah = pk.periksa_renstra(
		2025,
		2029,
		[("Indikator 1", "IK1"), ("Indikator 2", "IK1")],
		[("Target 1", "IK1", 2030), ("Target 2", "IK2", 2026), ("Target 3", "IK1", 2030)],
	)
	assert masalah == [
		"Indikator 2: kode 'IK1' sudah dipakai di Indikator 1.",
		"Target 1: tahun 2030 di luar periode Renstra 2025–2029.",
		"Target 2: kode indikator 'IK2' tidak ada di tabel Indikator.",
		"Target 3: tahun 2030 di luar periode Renstra 2025–2029.",
		"Target 3: target 'IK1' tahun 2030 sudah ada di Target 1.",
	]
	assert pk.periksa_renstra(2029, 2025, [], [])[0].startswith("Periode Renstra 2029–2025 tidak valid")
