"""The PK workbook (domain.kertas_kerja.buku_pk): an OPD's Renstra targets, PKs, Rencana Aksi and
programs out to Excel and back in one upload; every bad cell named, nothing taken from a refused
file."""

from dataclasses import replace
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from sakip_evaluasi.domain.kertas_kerja.buku_pk import (
	BARIS_WARNA,
	KODE_OPD,
	BukuPK,
	IndikatorBaris,
	IndikatorMaster,
	IsiPK,
	PihakPK,
	ProgramBaris,
	RencanaAksiBaris,
	SasaranBaris,
	TargetRenstraBaris,
	buat_buku_pk,
)
from sakip_evaluasi.domain.kertas_kerja.buku_pk_impor import baca_buku_pk
from tests.domain.test_lke_excel import isi_ulang

RAHASIA = b"rahasia-uji"
BATAS = 5 * 1024 * 1024


def buku(**ubah) -> BukuPK:
	opd = PihakPK(
		KODE_OPD,
		"",
		"Kepala Dinas PUPR",
		"PK-DPUPR-2097-V1",
		"Draft",
		"2097-01-02 10:00:00",
		IsiPK(
			sasaran=(SasaranBaris("S1", "Meningkatnya kualitas jalan"),),
			indikator=(
				IndikatorBaris(
					"S1", "", "Indeks jalan", "indeks", akumulasi="Tetap", target_tahunan=Decimal(80)
				),
			),
			program=(ProgramBaris("Program", "1.03.02", "Program Jalan", Decimal(1_000_000_000)),),
		),
	)
	bm = PihakPK(KODE_OPD and "BM", "DPUPR-BM", "Kepala Bidang Bina Marga")
	dasar = BukuPK(
		opd="DPUPR",
		nama_opd="Dinas PUPR",
		tahun=2097,
		pihak=[opd, bm],
		master=[
			IndikatorMaster("IK-00001", "BM", "Persentase jalan mantap", "%", "Positif", "Kumulatif"),
			IndikatorMaster("IK-00002", "SDA", "Luas irigasi", "ha", "Positif", "Nilai Akhir"),
		],
		renstra="RENSTRA-DPUPR-2095-2099",
		renstra_diubah="2097-01-01 09:00:00",
		target_renstra=[
			TargetRenstraBaris(
				"IK1", "Jalan mantap", "Persentase jalan mantap", "%", Decimal(60), Decimal(90), Decimal(70)
			)
		],
	)
	return replace(dasar, **ubah)


def baca(isi: bytes, b: BukuPK | None = None):
	return baca_buku_pk(isi, "Buku Kerja PK.xlsx", b or buku(), RAHASIA, BATAS)


def isi_bidang(wb) -> None:
	"""What a Sekretariat types: the Kepala Bidang's PK, one indicator taken from the master."""
	ws = wb["Indikator"]
	ws["A3"], ws["B3"], ws["C3"] = "BM", "S1", "IK-00001"
	ws["K3"], ws["L3"], ws["M3"], ws["N3"], ws["O3"] = 100, 10, 20, 30, 40
	wb["Rencana Aksi"]["A2"].value = "BM"
	for k, v in zip("BCD", ("IK-00001", "I", "Survei kondisi jalan"), strict=True):
		wb["Rencana Aksi"][f"{k}2"] = v
	wb["Renstra"]["G2"] = "75,5"


def _sasaran_bidang(wb):
	ws = wb["Sasaran"]
	ws["A3"], ws["B3"], ws["C3"], ws["D3"] = "BM", "S1", "Jalan mantap", "S1"


def test_unchanged_workbook_round_trips_without_changes():
	hasil = baca(buat_buku_pk(buku(), RAHASIA))
	assert hasil.berhasil and hasil.pk == {} and hasil.renstra == {}


def test_an_opd_fills_its_bidang_pk_and_renstra_target_in_one_upload():
	def ubah(wb):
		isi_bidang(wb)
		_sasaran_bidang(wb)

	hasil = baca(isi_ulang(buat_buku_pk(buku(), RAHASIA), ubah))
	assert hasil.kesalahan == []
	assert set(hasil.pk) == {"BM"}
	bm = hasil.pk["BM"]
	assert bm.sasaran == (SasaranBaris("S1", "Jalan mantap", "S1"),)
	(ind,) = bm.indikator
	# name, satuan, polaritas and akumulasi come from the Indikator Kinerja sheet when left blank
	assert (ind.indikator, ind.nama_indikator, ind.satuan, ind.akumulasi) == (
		"IK-00001",
		"Persentase jalan mantap",
		"%",
		"Kumulatif",
	)
	assert ind.target_tw == (10, 20, 30, 40)
	assert bm.rencana_aksi == (RencanaAksiBaris("IK-00001", "I", "Survei kondisi jalan"),)
	assert hasil.renstra == {"IK1": Decimal("75.5")}


def kesalahan(ubah, b: BukuPK | None = None) -> list:
	hasil = baca(isi_ulang(buat_buku_pk(b or buku(), RAHASIA), ubah), b)
	assert not hasil.berhasil and hasil.pk == {} and hasil.renstra == {}
	return hasil.kesalahan


def satu(ubah, b: BukuPK | None = None):
	(k,) = kesalahan(ubah, b)
	return k


@pytest.mark.parametrize(
	"ubah, lembar, sel, potongan",
	[
		(
			lambda wb: wb["Indikator"].__setitem__("P2", "=1+1"),
			"Indikator",
			"P2",
			"dihitung otomatis dari Target TW I-IV dan tidak boleh diketik atau diubah",
		),
		(lambda wb: wb["Indikator"].__setitem__("K2", "delapan puluh"), "Indikator", "K2", "Target Tahunan"),
		(lambda wb: wb["Indikator"].__setitem__("J2", "Naik"), "Indikator", "J2", "bukan pilihan yang sah"),
		(lambda wb: wb["Indikator"].__setitem__("G2", None), "Indikator", "G2", "wajib diisi"),
		(lambda wb: wb["Indikator"].__setitem__("K2", "=80"), "Indikator", "K2", "berisi rumus"),
		(lambda wb: wb["Program"].__setitem__("E2", -5), "Program", "E2", "tidak boleh negatif"),
		(lambda wb: wb["Program"].__setitem__("C2", "1.03"), "Program", "C2", "bukan kode Program"),
		(lambda wb: wb["Sasaran"].__setitem__("A2", "XX"), "Sasaran", "A2", "PK 'XX' tidak dikenal"),
		(lambda wb: wb["Renstra"].__setitem__("G2", "1.234"), "Renstra", "G2", "Target"),
		(lambda wb: wb["Indikator"].__setitem__("A1", "Pemilik"), "Indikator", "A1", "judul kolom diubah"),
	],
)
def test_a_bad_cell_is_refused_naming_it(ubah, lembar, sel, potongan):
	k = satu(ubah)
	assert (k.lembar, f"{k.kolom}{k.baris}") == (lembar, sel)
	assert f"Sel {sel}" in k.pesan and potongan in k.pesan


def test_a_kumulatif_target_that_does_not_add_up_names_the_cell():
	def ubah(wb):
		isi_bidang(wb)
		_sasaran_bidang(wb)
		wb["Indikator"]["O3"] = 35

	k = satu(ubah)
	assert (k.lembar, k.kolom, k.baris) == ("Indikator", "K", 3)
	assert "Sel K3 (Indikator, PK BM): akumulasi Kumulatif, jumlah target TW I–IV = 95" in k.pesan


def test_a_bidang_indicator_of_another_bidang_and_a_sasaran_without_parent_are_refused():
	def ubah(wb):
		isi_bidang(wb)
		wb["Sasaran"]["A3"], wb["Sasaran"]["B3"], wb["Sasaran"]["C3"], wb["Sasaran"]["D3"] = (
			"BM",
			"S1",
			"J",
			"S9",
		)
		wb["Indikator"]["C3"] = "IK-00002"

	pesan = {(k.lembar, k.kolom, k.baris): k.pesan for k in kesalahan(ubah)}
	assert "milik bidang SDA, bukan BM" in pesan[("Indikator", "C", 3)]
	assert "tidak mengacu ke sasaran PK OPD" in pesan[("Sasaran", "D", 3)]


def test_a_locked_cell_changed_breaks_the_signature():
	k = satu(lambda wb: wb["Indikator Kinerja"].__setitem__("C2", "Jalan baik"))
	assert "Tanda tangan Buku Kerja PK tidak cocok" in k.pesan


def test_a_workbook_of_another_opd_or_year_names_the_cover_cell():
	isi = buat_buku_pk(buku(), RAHASIA)
	k = baca(isi, buku(opd="DINKES")).kesalahan[0]
	assert (k.lembar, k.kolom, k.baris) == ("Petunjuk", "B", 4)
	assert "bukan OPD DINKES tahun 2097 yang dipilih untuk diunggah" in k.pesan
	assert "Pilih OPD DPUPR tahun 2097 sebelum mengunggah berkas ini" in k.pesan
	k = baca(isi, buku(tahun=2098)).kesalahan[0]
	assert (k.kolom, k.baris) == ("B", 5)


def test_a_workbook_signed_by_another_site_is_refused():
	hasil = baca_buku_pk(buat_buku_pk(buku(), b"situs-lain"), "b.xlsx", buku(), RAHASIA, BATAS)
	assert "Tanda tangan Buku Kerja PK tidak cocok" in hasil.kesalahan[0].pesan


def test_a_pk_past_its_draft_is_never_overwritten():
	b = buku()
	berlaku = replace(b.pihak[0], status="Berlaku")
	b = replace(b, pihak=[berlaku, b.pihak[1]])
	k = satu(lambda wb: wb["Indikator"].__setitem__("K2", 85), b)
	assert "PK-DPUPR-2097-V1 (OPD) berstatus Berlaku" in k.pesan and "PK Perubahan" in k.pesan


def test_a_pk_changed_since_the_download_is_not_overwritten():
	isi = isi_ulang(buat_buku_pk(buku(), RAHASIA), lambda wb: wb["Indikator"].__setitem__("K2", 85))
	b = buku()
	b = replace(b, pihak=[replace(b.pihak[0], diubah="2097-02-01 08:00:00"), b.pihak[1]])
	(k,) = baca(isi, b).kesalahan
	assert "telah dibuat atau diubah sejak buku kerja ini diunduh" in k.pesan


def test_not_a_workbook_is_refused():
	hasil = baca_buku_pk(b"bukan excel", "a.xlsx", buku(), RAHASIA, BATAS)
	assert not hasil.berhasil and hasil.pk == {}


def test_every_sheet_prints_landscape_one_page_wide_with_its_header_on_every_page():
	wb = load_workbook(BytesIO(buat_buku_pk(buku(), RAHASIA)))
	for ws in wb.worksheets:
		if ws.sheet_state != "visible":
			continue
		p = ws.page_setup
		assert (p.orientation, p.paperSize, p.fitToWidth, p.fitToHeight) == ("landscape", 9, 1, 0), ws.title
		assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
		if ws.title != "Petunjuk":
			# the header repeated on each printed page, two lines high ("Kode Sasaran" wraps)
			assert ws.print_title_rows == "$1:$1", ws.title
			assert ws.row_dimensions[1].height >= 30, ws.title


def test_the_cover_is_readable_its_long_instructions_in_tall_rows_and_the_colours_shown():
	wb = load_workbook(BytesIO(buat_buku_pk(buku(), RAHASIA)))
	ws = wb["Petunjuk"]
	lebar_b = ws.column_dimensions["B"].width
	petunjuk = [r for r in ws.iter_rows(min_row=1) if r[0].value and str(r[0].value).endswith(".")]
	assert len(petunjuk) >= 9
	for r in petunjuk:
		baris_teks = -(-len(r[1].value) // lebar_b)
		if baris_teks > 1:
			# LibreOffice and Excel keep a generated row one line high: its text would overlap the next
			assert ws.row_dimensions[r[1].row].height >= 15 * baris_teks, r[1].value
	warna = ws[BARIS_WARNA]
	assert warna[0].value == "Warna sel"
	assert (warna[1].fill.fgColor.rgb[-6:], warna[2].fill.fgColor.rgb[-6:]) == ("FFF2CC", "F2F2F2")
	# the colour samples are locked like the rest of the cover
	assert warna[1].protection.locked and warna[2].protection.locked
	# a PK not created yet says so
	assert [r[3].value for r in ws.iter_rows() if r[0].value == "BM"] == ["Belum ada"]


def test_a_long_locked_text_gets_a_row_tall_enough_not_to_overlap_the_next():
	panjang = "Meningkatnya kinerja Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Contoh"
	b = buku()
	b = replace(b, target_renstra=[replace(b.target_renstra[0], sasaran=panjang)])
	wb = load_workbook(BytesIO(buat_buku_pk(b, RAHASIA)))
	ws = wb["Renstra"]
	assert ws["B2"].value == panjang
	assert ws.row_dimensions[2].height >= 15 * -(-len(panjang) // ws.column_dimensions["B"].width)
	# an exported PK's own short rows stay one line
	assert wb["Indikator"].row_dimensions[2].height is None
