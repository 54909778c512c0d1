"""Continued from ``test_kertas_kerja.py`` (split to keep modules short)."""

import zipfile
from dataclasses import replace
from io import BytesIO

import pytest
from openpyxl import Workbook

from sakip_evaluasi.domain.kertas_kerja import (
	KOLOM,
	TEMPLATE_VERSION,
	Perubahan,
)
from tests.domain.test_kertas_kerja import (  # noqa: F401 (fixtures and helpers of the first part)
	BATAS,
	DOCTYPE,
	LEMBAR,
	D,
	baca,
	ditolak,
	ganti_zip,
	harapan,
	ubah_dengan_openpyxl,
	ubah_meta,
)


@pytest.mark.parametrize("nama", ["kertas.xlsm", "kertas.xls", "kertas.csv", "kertas", "kertas.xlsx.exe"])
def test_refuses_other_file_types(kosong, nama):
	ditolak(baca(kosong, nama=nama), "Jenis berkas tidak didukung")


def test_accepts_upper_case_extension(kosong):
	assert baca(kosong, nama="KERTAS.XLSX").berhasil


def test_refuses_oversized_file(kosong):
	ditolak(baca(kosong, batas=len(kosong) - 1), "melebihi batas")


def test_refuses_empty_bytes():
	ditolak(baca(b""), "Berkas kosong")


def test_refuses_password_protected_file():
	ole2 = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 4096
	ditolak(baca(ole2), "dilindungi kata sandi atau bukan .xlsx")


def test_refuses_truncated_file(kosong):
	ditolak(baca(kosong[: len(kosong) // 2]), "rusak")


def test_refuses_non_zip_bytes():
	ditolak(baca(b"No,Indikator\n1,Contoh\n"), "rusak")


def test_refuses_text_given_instead_of_bytes():
	# Frappe's File.get_content() returns str for a file whose bytes decode as UTF-8: a caller
	# passing that on gets a refusal, not a TypeError.
	ditolak(baca("No,Indikator\n1,Contoh\n"), "berisi teks biasa, bukan buku kerja Excel")
	ditolak(baca(""), "berisi teks biasa")


@pytest.mark.parametrize("isi", [None, 12, ["PK"]])
def test_refuses_content_that_is_not_bytes(isi):
	ditolak(baca(isi), "rusak atau bukan .xlsx")


def test_accepts_a_bytearray_or_memoryview(kosong):
	assert baca(bytearray(kosong)).berhasil
	assert baca(memoryview(kosong)).berhasil


def test_refuses_corrupt_part(kosong):
	def rusakkan(nama, data):
		return b"<worksheet><sheetData><row" if nama.endswith("sheet2.xml") else data

	ditolak(baca(ganti_zip(kosong, ganti=rusakkan)), "rusak")


def test_refuses_zip_bomb_by_total_size(kosong):
	keluaran = BytesIO(kosong)
	with zipfile.ZipFile(keluaran, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
		with zf.open("xl/media/nol.bin", "w", force_zip64=True) as bagian:
			blok = b"\x00" * (1024 * 1024)
			for _ in range(200):
				bagian.write(blok)
	bom = keluaran.getvalue()
	assert len(bom) < BATAS  # small on disk, 200 MB declared
	ditolak(baca(bom), "zip bomb")


def test_refuses_zip_bomb_by_compression_ratio(kosong):
	bom = ganti_zip(kosong, tambah={"xl/media/nol.bin": b"\x00" * (5 * 1024 * 1024)})
	ditolak(baca(bom, batas=10 * 1024 * 1024), "rasio kompresi")


def test_refuses_macro_workbook(kosong):
	ditolak(baca(ganti_zip(kosong, tambah={"xl/vbaProject.bin": b"\x00" * 64})), "makro (VBA)")


def test_refuses_xml_entities(kosong):
	def dtd(nama, data):
		if nama == "xl/workbook.xml":
			awal = data.index(b"<workbook")
			return data[:awal] + b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + data[awal:]
		return data

	ditolak(baca(ganti_zip(kosong, ganti=dtd)), "DTD")


def test_refuses_workbook_without_meta():
	wb = Workbook()
	wb.active.append(list(KOLOM))
	wb.active.append([1, "Indikator", "%", "Positif", 10, 9, "", "", "k-1"])
	keluaran = BytesIO()
	wb.save(keluaran)
	ditolak(baca(keluaran.getvalue()), "lembar _meta tidak ditemukan")


def test_refuses_empty_workbook():
	keluaran = BytesIO()
	Workbook().save(keluaran)
	ditolak(baca(keluaran.getvalue()), "Berkas kosong")


def test_refuses_sheet_without_rows(kosong):
	ditolak(
		baca(ubah_dengan_openpyxl(kosong, lambda wb: wb["KEU"].delete_rows(2, 10))), "tidak berisi baris data"
	)


def test_refuses_workbook_without_data_sheets(kosong):
	def hapus(wb):
		wb.remove(wb["PRC"])
		wb.remove(wb["KEU"])

	hasil = baca(ubah_dengan_openpyxl(kosong, hapus))
	ditolak(hasil, "tidak berisi lembar data")
	ditolak(hasil, "Lembar 'PRC' untuk bidang 'Bidang Perencanaan' tidak ditemukan")


def test_refuses_bad_signature_from_another_secret(kosong):
	ditolak(baca(kosong, rahasia=b"rahasia-lain"), "Tanda tangan kertas kerja tidak cocok")


def test_refuses_edited_meta(kosong):
	def ubah(meta):
		meta["lembar"][0]["kunci"].reverse()

	ditolak(baca(ubah_meta(kosong, ubah)), "Tanda tangan kertas kerja tidak cocok")


def test_refuses_broken_meta(kosong):
	def rusak(wb):
		wb["_meta"]["A1"] = "~{bukan json"

	ditolak(baca(ubah_dengan_openpyxl(kosong, rusak)), "Lembar _meta rusak")


def test_refuses_other_document(kosong):
	ditolak(baca(kosong, h=harapan(dokumen_nama="EVK-2024-0003")), "Berkas ini untuk dokumen")


def test_refuses_other_period(kosong):
	hasil = baca(kosong, h=harapan(triwulan=3))
	(k,) = ditolak(hasil, "Berkas ini untuk periode Triwulan II 2024")
	assert "Triwulan III 2024" in k.pesan


def test_refuses_other_bidang(kosong):
	ditolak(
		baca(kosong, h=harapan(LEMBAR[:1])), "bidang 'Bidang Keuangan' yang tidak termasuk dalam impor ini"
	)


def test_refuses_other_template_version(kosong):
	def versi_lama(meta):
		meta["versi"] = "0"

	(k,) = ditolak(baca(ubah_meta(kosong, versi_lama)), "Versi templat berkas (0) tidak sesuai")
	assert f"({TEMPLATE_VERSION})" in k.pesan


def test_refuses_added_sheet(kosong):
	ditolak(
		baca(ubah_dengan_openpyxl(kosong, lambda wb: wb.create_sheet("Catatan"))),
		"Lembar 'Catatan' tidak dikenal",
	)


def test_refuses_unknown_row_key(kosong):
	(k,) = ditolak(
		baca(ubah_dengan_openpyxl(kosong, lambda wb: wb["PRC"].__setitem__("I3", "asing-9"))),
		"Kunci baris 'asing-9' tidak dikenal",
	)
	assert (k.lembar, k.baris) == ("PRC", 3)


def test_refuses_duplicated_row_key(kosong):
	(k,) = ditolak(
		baca(ubah_dengan_openpyxl(kosong, lambda wb: wb["PRC"].__setitem__("I3", "prc-1"))),
		"muncul lebih dari sekali",
	)
	assert k.baris == 3


def test_refuses_missing_row(kosong):
	(k,) = ditolak(
		baca(ubah_dengan_openpyxl(kosong, lambda wb: wb["KEU"].delete_rows(3))),
		"(kunci keu-2) tidak ada di lembar",
	)
	assert "Jumlah temuan audit" in k.pesan


def test_refuses_added_row(kosong):
	def tambah(wb):
		wb["PRC"].append([4, "Indikator baru", "%", "Positif", 10, 9])

	(k,) = ditolak(baca(ubah_dengan_openpyxl(kosong, tambah)), "Baris tambahan tanpa kunci")
	assert k.baris == 5


@pytest.mark.parametrize(
	"sel, nilai, kolom",
	[
		("B3", "Jumlah temuan", "Indikator"),
		("C3", "Kasus", "Satuan"),
		("D3", "Positif", "Polaritas"),
		("E3", 8, "Target"),
		("E3", "tujuh", "Target"),
		("E3", None, "Target"),
	],
)
def test_refuses_changed_locked_column(kosong, sel, nilai, kolom):
	(k,) = ditolak(
		baca(ubah_dengan_openpyxl(kosong, lambda wb: wb["PRC"].__setitem__(sel, nilai))),
		f"Kolom terkunci {kolom} berbeda",
	)
	assert (k.lembar, k.baris, k.kolom) == ("PRC", 3, kolom)
	ditolak(baca(ubah_dengan_openpyxl(kosong, lambda wb: wb["PRC"].__setitem__(sel, nilai))), "Tanda tangan")


def test_refuses_target_changed_in_the_document_after_export(kosong):
	baru = [replace(LEMBAR[0], baris=[replace(LEMBAR[0].baris[0], target=D("95"))]), LEMBAR[1]]
	ditolak(baca(kosong, h=harapan(baru)), "unduh ulang")


@pytest.mark.parametrize("sel", ["F2", "G2", "H3", "B2"])
def test_refuses_formulas(kosong, sel):
	(k,) = ditolak(baca(ubah_dengan_openpyxl(kosong, lambda wb: wb["PRC"].__setitem__(sel, "=1+1"))), "rumus")
	assert (k.lembar, k.baris) == ("PRC", int(sel[1:]))


def test_refuses_formula_on_the_cover(kosong):
	ditolak(baca(ubah_dengan_openpyxl(kosong, lambda wb: wb["Sampul"].__setitem__("D3", "=NOW()"))), "rumus")


def test_refuses_cell_outside_the_columns(kosong):
	ditolak(
		baca(ubah_dengan_openpyxl(kosong, lambda wb: wb["PRC"].__setitem__("K2", "catatan"))),
		"di luar kolom kertas kerja",
	)


@pytest.mark.parametrize(
	"nilai, pesan",
	[("delapan", "bukan angka"), ("85%", "bukan angka"), ("1.234", "ambigu"), (True, "nilai logika")],
)
def test_refuses_realisasi_that_is_not_a_number(kosong, nilai, pesan):
	(k,) = ditolak(baca(ubah_dengan_openpyxl(kosong, lambda wb: wb["KEU"].__setitem__("F4", nilai))), pesan)
	assert (k.lembar, k.baris, k.kolom) == ("KEU", 4, "Realisasi")
	assert k.pesan.startswith("Realisasi")


def test_refuses_a_flood_of_rows(kosong):
	def banjir(wb):
		ws = wb["PRC"]
		for i in range(1100):
			ws.cell(5 + i, 7).value = "isi"

	ditolak(baca(ubah_dengan_openpyxl(kosong, banjir)), "jauh lebih banyak baris")


def test_file_level_errors_point_at_the_whole_file():
	(k,) = baca(b"", nama="x.csv").kesalahan
	assert (k.lembar, k.baris, k.kolom) == ("", None, None)


def test_numbers_typed_into_text_columns_become_text(kosong):
	hasil = baca(ubah_dengan_openpyxl(kosong, lambda wb: wb["PRC"].__setitem__("G2", 12)))
	assert hasil.perubahan == [Perubahan("Bidang Perencanaan", "prc-1", "kendala", "", "12")]


def test_bad_secret_or_expectation_is_a_programming_error(kosong):
	with pytest.raises(ValueError, match="Rahasia"):
		baca(kosong, rahasia=b"")
	with pytest.raises(ValueError, match="muncul lebih dari sekali"):
		baca(kosong, h=harapan([LEMBAR[0], LEMBAR[0]]))
