"""The LKE workbook (domain.kertas_kerja.lke): out to Excel and back, every bad cell named, nothing
taken from a refused file."""

from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sakip_evaluasi.domain import akip
from sakip_evaluasi.domain.kertas_kerja.lke import (
	PIHAK_INSPEKTORAT,
	PIHAK_OPD,
	BarisLKE,
	DokumenLKE,
	baca_workbook_lke,
	buat_workbook_lke,
)

CSV = Path(__file__).resolve().parents[2] / "sakip_evaluasi" / "setup" / "data" / "lke_88_2021.csv"
RAHASIA = b"rahasia-uji"
BATAS = 5 * 1024 * 1024


@pytest.fixture(scope="module")
def dokumen() -> DokumenLKE:
	lke = akip.baca_csv(CSV.read_text(encoding="utf-8"))
	baris = [
		BarisLKE(f"row{i}", k.kode, k.subkomponen, k.teks, "Y/T" if k.kode == "1.a.2" else k.skala)
		for i, k in enumerate(lke.kriteria)
	]
	return DokumenLKE("AKIP-DPUPR-2097", "DPUPR", "Dinas PUPR", 2097, PIHAK_OPD, baris)


def isi_ulang(isi: bytes, ubah) -> bytes:
	"""The workbook as a user saves it after editing cells (openpyxl keeps the hidden sheets)."""
	wb = load_workbook(BytesIO(isi))
	ubah(wb)
	keluaran = BytesIO()
	wb.save(keluaran)
	return keluaran.getvalue()


def baca(isi: bytes, d: DokumenLKE):
	return baca_workbook_lke(isi, "LKE.xlsx", d, RAHASIA, BATAS)


def test_unchanged_workbook_round_trips_without_changes(dokumen):
	hasil = baca(buat_workbook_lke(dokumen, RAHASIA), dokumen)
	assert hasil.berhasil and hasil.perubahan == []


def test_answers_and_notes_typed_in_excel_are_the_changes(dokumen):
	def ubah(wb):
		ws = wb["LKE"]
		ws["F2"] = "bb"  # lower case is read as the scale's answer
		ws["G2"] = "Renstra sudah ada"
		ws["F3"] = "Y"

	hasil = baca(isi_ulang(buat_workbook_lke(dokumen, RAHASIA), ubah), dokumen)
	assert hasil.berhasil
	assert {(p.bidang, p.kolom, p.baru) for p in hasil.perubahan} == {
		("1.a.1", "jawaban_opd", "BB"),
		("1.a.1", "catatan_opd", "Renstra sudah ada"),
		("1.a.2", "jawaban_opd", "Y"),
	}


def test_answer_outside_the_scale_is_refused_naming_the_cell(dokumen):
	def ubah(wb):
		wb["LKE"]["F2"] = "Z"
		wb["LKE"]["F3"] = "A"  # a Y/T criterion
		wb["LKE"]["F4"] = "BB"  # good, but the file is refused whole

	hasil = baca(isi_ulang(buat_workbook_lke(dokumen, RAHASIA), ubah), dokumen)
	assert not hasil.berhasil and hasil.perubahan == []
	pesan = [k.pesan for k in hasil.kesalahan]
	assert any(p.startswith("Sel F2 (kriteria 1.a.1)") and "di luar skala AA-E" in p for p in pesan)
	assert any(p.startswith("Sel F3 (kriteria 1.a.2)") and "di luar skala Y/T" in p for p in pesan)
	assert {(k.baris, k.kolom) for k in hasil.kesalahan} == {(2, "F"), (3, "F")}


def test_changed_criterion_text_is_refused_naming_the_cell(dokumen):
	def ubah(wb):
		wb["LKE"]["D5"] = "Kriteria yang dilonggarkan"

	hasil = baca(isi_ulang(buat_workbook_lke(dokumen, RAHASIA), ubah), dokumen)
	assert not hasil.berhasil
	assert hasil.kesalahan[0].pesan.startswith("Sel D5 (Kriteria, kriteria 1.a.4) terkunci dan telah diubah")


def test_workbook_of_another_opd_or_year_is_refused_naming_the_cover_cell(dokumen):
	isi = buat_workbook_lke(dokumen, RAHASIA)
	lain = replace(dokumen, opd="DINKES", docname="AKIP-DINKES-2097")
	hasil = baca(isi, lain)
	assert [(k.lembar, k.baris, k.kolom) for k in hasil.kesalahan] == [("Sampul", 4, "B")]
	assert "LKE OPD DPUPR tahun 2097, bukan OPD DINKES" in hasil.kesalahan[0].pesan
	tahun_lain = replace(dokumen, tahun=2098, docname="AKIP-DPUPR-2098")
	hasil = baca(isi, tahun_lain)
	assert [(k.lembar, k.baris, k.kolom) for k in hasil.kesalahan] == [("Sampul", 5, "B")]


def test_other_partys_columns_are_locked_and_checked(dokumen):
	d = replace(dokumen, pihak=PIHAK_INSPEKTORAT)

	def ubah(wb):
		wb["LKE"]["F2"] = "AA"  # the OPD's answer, locked for the Inspektorat
		wb["LKE"]["H2"] = "B"

	hasil = baca(isi_ulang(buat_workbook_lke(d, RAHASIA), ubah), d)
	assert [(k.baris, k.kolom) for k in hasil.kesalahan] == [(2, "F")]


def test_workbook_signed_with_another_key_is_refused(dokumen):
	hasil = baca_workbook_lke(buat_workbook_lke(dokumen, b"situs-lain"), "LKE.xlsx", dokumen, RAHASIA, BATAS)
	assert not hasil.berhasil and "Tanda tangan LKE tidak cocok" in hasil.kesalahan[0].pesan


def test_added_row_and_foreign_file_are_refused(dokumen):
	def ubah(wb):
		wb["LKE"].append([99, "9.z.9", "x", "baru", "Y/T", "Y", "", "", "", "palsu"])

	hasil = baca(isi_ulang(buat_workbook_lke(dokumen, RAHASIA), ubah), dokumen)
	assert any("baris tambahan" in k.pesan for k in hasil.kesalahan)
	assert "bukan .xlsx" in baca(b"bukan excel", dokumen).kesalahan[0].pesan


def test_only_the_answering_partys_columns_are_unlocked(dokumen):
	wb = load_workbook(BytesIO(buat_workbook_lke(dokumen, RAHASIA)))
	ws = wb["LKE"]
	assert ws.protection.sheet and wb.security.lockStructure
	assert ws["F2"].protection.locked is False and ws["G2"].protection.locked is False
	assert ws["D2"].protection.locked and ws["H2"].protection.locked
	assert wb["_meta"].sheet_state == "veryHidden"
