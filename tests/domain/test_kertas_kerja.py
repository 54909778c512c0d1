import json
import re
import zipfile
from dataclasses import replace
from decimal import Decimal
from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from sakip_evaluasi.domain.kertas_kerja import (
	KOLOM,
	BarisKinerja,
	HarapanImpor,
	Kesalahan,
	LembarBidang,
	Perubahan,
	Sampul,
	baca_workbook,
	buat_workbook,
	urai_angka,
)

D = Decimal
RAHASIA = b"rahasia-uji"
BATAS = 5 * 1024 * 1024
DOCTYPE = "Evaluasi Kinerja Triwulan"
DOCNAME = "EVK-2024-0002"


def baris_bidang(awalan: str) -> list[BarisKinerja]:
	return [
		BarisKinerja(f"{awalan}-1", "Persentase dokumen perencanaan tepat waktu", "%", "Positif", D("90")),
		BarisKinerja(f"{awalan}-2", "Jumlah temuan audit", "Temuan", "Negatif", D("7"), D("6.5"), "Lama", ""),
		BarisKinerja(
			f"{awalan}-3", "Indeks kepuasan layanan", "Indeks", "Positif", D("3.25"), None, "", "Sudah"
		),
	]


LEMBAR = [
	LembarBidang("Bidang Perencanaan", "PRC", baris_bidang("prc")),
	LembarBidang("Bidang Keuangan", "KEU", baris_bidang("keu")),
]
SAMPUL = Sampul("Dinas Contoh Provinsi", 2024, 2, "15 Juli 2024", DOCTYPE, DOCNAME)


def harapan(lembar=None, **ubah) -> HarapanImpor:
	data = {"dokumen_doctype": DOCTYPE, "dokumen_nama": DOCNAME, "tahun": 2024, "triwulan": 2}
	data.update(ubah)
	return HarapanImpor(lembar=LEMBAR if lembar is None else lembar, **data)


def ubah_dengan_openpyxl(isi: bytes, fungsi) -> bytes:
	"""Open, change and save the file the way a Kabid's spreadsheet program would."""
	wb = load_workbook(BytesIO(isi))
	fungsi(wb)
	keluaran = BytesIO()
	wb.save(keluaran)
	return keluaran.getvalue()


def baca(isi: bytes, nama="kertas_kerja.xlsx", h=None, rahasia=RAHASIA, batas=BATAS):
	return baca_workbook(isi, nama, h or harapan(), rahasia, batas)


def ditolak(hasil, potongan: str) -> list[Kesalahan]:
	assert hasil.perubahan == []
	assert not hasil.berhasil
	cocok = [k for k in hasil.kesalahan if potongan in k.pesan]
	assert cocok, [k.pesan for k in hasil.kesalahan]
	return cocok


def ganti_zip(isi: bytes, tambah: dict[str, bytes] | None = None, ganti=None) -> bytes:
	keluaran = BytesIO()
	with zipfile.ZipFile(BytesIO(isi)) as lama, zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as baru:
		for info in lama.infolist():
			data = lama.read(info)
			if ganti:
				data = ganti(info.filename, data)
			baru.writestr(info.filename, data)
		for nama, data in (tambah or {}).items():
			baru.writestr(nama, data)
	return keluaran.getvalue()


def ubah_meta(isi: bytes, fungsi) -> bytes:
	def lakukan(wb):
		ws = wb["_meta"]
		teks = "".join(sel.value[1:] for (sel,) in ws.iter_rows(max_col=1) if sel.value)
		meta = json.loads(teks)
		fungsi(meta)
		baru = json.dumps(meta)
		ws.delete_rows(1, ws.max_row)
		for awal in range(0, len(baru), 16000):
			ws.append(["~" + baru[awal : awal + 16000]])

	return ubah_dengan_openpyxl(isi, lakukan)


# --- export -------------------------------------------------------------------------------------


def test_export_structure(kosong):
	wb = load_workbook(BytesIO(kosong))
	assert wb.sheetnames == ["Sampul", "PRC", "KEU", "_meta"]
	assert wb["_meta"].sheet_state == "veryHidden"
	assert wb.security.lockStructure
	ws = wb["PRC"]
	assert [c.value for c in ws[1]] == list(KOLOM)
	assert ws.max_row == 4
	assert [ws.cell(r, 9).value for r in range(2, 5)] == ["prc-1", "prc-2", "prc-3"]
	assert ws.column_dimensions["I"].hidden
	assert ws.freeze_panes == "A2"
	assert ws.protection.sheet and wb["Sampul"].protection.sheet
	assert ws["E3"].value == 7 and ws["E3"].number_format == "#,##0.00"
	for sel in ("A2", "B2", "C2", "D2", "E2", "I2"):
		assert ws[sel].protection.locked, sel
	assert ws["F3"].value == 6.5 and not ws["F3"].protection.locked
	assert ws["G3"].value == "Lama" and not ws["G3"].protection.locked
	# empty input cells take the unlocked column style
	for huruf in "FGH":
		assert not ws.column_dimensions[huruf].protection.locked
	assert ws.column_dimensions["F"].number_format == "#,##0.00"
	assert ws.column_dimensions["B"].width >= 40
	(dv,) = ws.data_validations.dataValidation
	assert (dv.type, str(dv.sqref), dv.allow_blank, dv.showErrorMessage) == ("decimal", "F2:F4", True, True)
	assert "angka" in dv.error


def test_cover_sheet(kosong):
	ws = load_workbook(BytesIO(kosong))["Sampul"]
	teks = "\n".join(str(c.value) for baris in ws.iter_rows() for c in baris if c.value is not None)
	for potongan in (
		"Dinas Contoh Provinsi",
		"2024",
		"Triwulan\nII",
		"15 Juli 2024",
		"Bidang Perencanaan",
		"Bidang Keuangan",
		"Isi kolom Realisasi",
		"Kendala/Hambatan",
		"Upaya/Solusi",
		"Jangan mengubah kolom yang terkunci",
		"Jangan menambah, menghapus",
		".xlsx",
	):
		assert potongan in teks, potongan
	assert re.search(r"^1\.\n", teks, re.M)


def test_sheet_titles_are_valid_unique_and_short():
	kode = ["A/B:C*?", "x" * 40, "X" * 40, "Sampul", "", "'kutip'", "_META"]
	lembar = [LembarBidang(f"Bidang {i}", k, baris_bidang(f"b{i}")) for i, k in enumerate(kode)]
	judul = load_workbook(BytesIO(buat_workbook(SAMPUL, lembar, RAHASIA))).sheetnames[1:-1]
	assert len(judul) == len(kode)
	assert len({j.casefold() for j in judul} | {"sampul", "_meta"}) == len(kode) + 2
	for j in judul:
		assert 0 < len(j) <= 31 and not re.search(r"[\[\]:*?/\\]", j) and j[0] != "'" and j[-1] != "'"
	assert judul[0] == "A-B-C--"


def test_export_refuses_unusable_data():
	with pytest.raises(ValueError, match="Tidak ada bidang"):
		buat_workbook(SAMPUL, [], RAHASIA)
	with pytest.raises(ValueError, match="tidak memiliki indikator"):
		buat_workbook(SAMPUL, [LembarBidang("B", "B", [])], RAHASIA)
	ganda = baris_bidang("x")
	with pytest.raises(ValueError, match="muncul lebih dari sekali"):
		buat_workbook(SAMPUL, [LembarBidang("B", "B", [*ganda, ganda[0]])], RAHASIA)
	with pytest.raises(ValueError, match="Target .* bukan angka"):
		buat_workbook(SAMPUL, [LembarBidang("B", "B", [replace(ganda[0], target="tujuh")])], RAHASIA)
	with pytest.raises(ValueError, match="Rahasia"):
		buat_workbook(SAMPUL, LEMBAR, b"")


def test_export_refuses_text_longer_than_an_excel_cell():
	# Excel holds 32,767 characters in a cell; cutting the text would lose it on the way back.
	panjang = replace(baris_bidang("x")[1], kendala="a" * 32_767)
	buat_workbook(SAMPUL, [LembarBidang("B", "B", [panjang])], RAHASIA)
	terlalu = replace(panjang, kendala="a" * 32_766 + "😀")  # 32,768 UTF-16 units
	with pytest.raises(ValueError, match=r"Sel G2 \(Kendala/Hambatan\): teks lebih dari 32\.767 karakter"):
		buat_workbook(SAMPUL, [LembarBidang("B", "B", [terlalu])], RAHASIA)


_TEKS_SEL = st.text(
	st.sampled_from(list("&<>\"'= \n\r\taZ9,.\x01\ufffe😀")) | st.characters(blacklist_categories=("Cs",)),
	max_size=40,
)
_ANGKA_SEL = st.none() | st.decimals(
	min_value=-(10**12), max_value=10**12, allow_nan=False, allow_infinity=False, places=6
)


@settings(max_examples=60, deadline=None)
@given(
	st.lists(
		st.tuples(_TEKS_SEL, _TEKS_SEL, _TEKS_SEL, _ANGKA_SEL, _ANGKA_SEL, _TEKS_SEL, _TEKS_SEL),
		min_size=1,
		max_size=6,
	)
)
def test_every_value_reads_back_as_written_with_its_cell_style(isi_baris):
	"""Whatever the document holds shows in the workbook as a spreadsheet program reads it: text
	(escaped, trimmed, never a formula), numbers to 15 digits, locked identity cells and unlocked
	input cells with the number format."""
	rows = [
		BarisKinerja(f"k-{i}", ind, sat, pol, tgt, real, ken, upa)
		for i, (ind, sat, pol, tgt, real, ken, upa) in enumerate(isi_baris)
	]
	isi = buat_workbook(SAMPUL, [LembarBidang("Bidang Uji", "UJI", rows)], RAHASIA)
	ws = load_workbook(BytesIO(isi))["UJI"]
	assert ws.max_row == len(rows) + 1

	def teks(nilai):
		t = _teks_diharapkan(nilai)
		return (" " + t if t.startswith("=") else t) or None

	def angka(nilai):  # 15 significant digits, what Excel keeps
		return None if nilai is None else Decimal(format(Decimal(str(nilai)), ".15g"))

	for r, b in enumerate(rows, 2):
		nilai = [ws.cell(r, k).value for k in range(1, 10)]
		nilai[4:6] = [angka(v) for v in nilai[4:6]]
		assert nilai == [
			r - 1,
			teks(b.indikator),
			teks(b.satuan),
			teks(b.polaritas),
			angka(b.target),
			angka(b.realisasi),
			teks(b.kendala),
			teks(b.upaya),
			b.kunci,
		]
		for k in (2, 5):
			assert ws.cell(r, k).protection.locked
		if b.target is not None:
			assert ws.cell(r, 5).number_format == "#,##0.00"
		for k in (6, 7, 8):
			if ws.cell(r, k).value is not None:
				assert not ws.cell(r, k).protection.locked
		if b.realisasi is not None:
			assert ws.cell(r, 6).number_format == "#,##0.00"
	# and the untouched file imports without a change
	hasil = baca(isi, h=harapan([LembarBidang("Bidang Uji", "UJI", rows)]))
	assert hasil.kesalahan == [] and hasil.perubahan == []


def _teks_diharapkan(nilai: str) -> str:
	return re.sub(
		"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", nilai.replace("\r\n", "\n").replace("\r", "\n")
	).strip()


# --- round trip ---------------------------------------------------------------------------------


def isi_kabid(wb):
	prc, keu = wb["PRC"], wb["KEU"]
	prc["F2"] = 85.5  # numeric cell
	prc["F3"] = "1.234,5"  # Indonesian text
	prc["F4"] = "1234.5"
	prc["G2"] = "  Data terlambat\r\ndari OPD  "
	prc["H2"] = "Rapat koordinasi"
	keu["F2"] = 0.1 + 0.2  # a float as Excel computes it
	keu["G3"] = None  # cleared: was "Lama"
	keu["F3"] = None  # cleared: was 6,5


def test_round_trip_yields_exactly_the_changes(kosong):
	hasil = baca(ubah_dengan_openpyxl(kosong, isi_kabid))
	assert hasil.kesalahan == []
	assert hasil.perubahan == [
		Perubahan("Bidang Perencanaan", "prc-1", "realisasi", None, D("85.5")),
		Perubahan("Bidang Perencanaan", "prc-1", "kendala", "", "Data terlambat\ndari OPD"),
		Perubahan("Bidang Perencanaan", "prc-1", "upaya", "", "Rapat koordinasi"),
		Perubahan("Bidang Perencanaan", "prc-2", "realisasi", D("6.5"), D("1234.5")),
		Perubahan("Bidang Perencanaan", "prc-3", "realisasi", None, D("1234.5")),
		Perubahan("Bidang Keuangan", "keu-1", "realisasi", None, D("0.3")),
		Perubahan("Bidang Keuangan", "keu-2", "realisasi", D("6.5"), None),
		Perubahan("Bidang Keuangan", "keu-2", "kendala", "Lama", ""),
	]


def terapkan(lembar: list[LembarBidang], perubahan: list[Perubahan]) -> list[LembarBidang]:
	hasil = []
	for lb in lembar:
		baris = []
		for b in lb.baris:
			for p in perubahan:
				if (p.bidang, p.kunci) == (lb.bidang, b.kunci):
					b = replace(b, **{p.kolom: p.baru if p.baru is not None else None})
			baris.append(b)
		hasil.append(replace(lb, baris=baris))
	return hasil


def test_second_import_of_the_same_file_changes_nothing(kosong):
	terisi = ubah_dengan_openpyxl(kosong, isi_kabid)
	pertama = baca(terisi)
	assert pertama.perubahan
	kedua = baca(terisi, h=harapan(terapkan(LEMBAR, pertama.perubahan)))
	assert kedua.kesalahan == [] and kedua.perubahan == []


def test_untouched_export_imports_without_changes_even_for_awkward_values():
	aneh = [
		BarisKinerja(
			"a-1",
			"  =Rumus palsu di nama\r\n ",
			" % ",
			"Positif",
			D("0.1234567890123456789"),
			D("1E+2"),
			"=bukan rumus",
			"  spasi  ",
		),
		BarisKinerja("a-2", "Nilai besar", "Rp", "Positif", D("123456789012.25"), D("-0.000001"), "", ""),
		BarisKinerja("a-3", "Target kosong", "", "Negatif", None, None, "baris\rbaru", "tab\tdi tengah"),
	]
	lembar = [LembarBidang("Bidang Aneh", "ANEH", aneh)]
	isi = buat_workbook(SAMPUL, lembar, RAHASIA)
	h = harapan(lembar)
	assert baca(isi, h=h) == baca(isi, h=h)
	hasil = baca(isi, h=h)
	assert hasil.kesalahan == [] and hasil.perubahan == []
	# also after a spreadsheet program re-saved it (shared strings instead of inline strings)
	hasil = baca(ubah_dengan_openpyxl(isi, lambda wb: None), h=h)
	assert hasil.kesalahan == [] and hasil.perubahan == []


def test_workbook_may_hold_a_subset_of_the_bidang(kosong):
	satu = buat_workbook(SAMPUL, LEMBAR[:1], RAHASIA)
	terisi = ubah_dengan_openpyxl(satu, lambda wb: wb["PRC"].__setitem__("F2", 5))
	hasil = baca(terisi)
	assert hasil.kesalahan == []
	assert hasil.perubahan == [Perubahan("Bidang Perencanaan", "prc-1", "realisasi", None, D("5"))]


def test_all_row_errors_are_reported_together(kosong):
	def rusak(wb):
		wb["PRC"]["F2"] = "delapan"
		wb["PRC"]["F4"] = "1.234"
		wb["KEU"]["E2"] = 91
		wb["KEU"]["F3"] = 10  # a valid change is not reported while there are errors

	hasil = baca(ubah_dengan_openpyxl(kosong, rusak))
	assert hasil.perubahan == []
	posisi = {(k.lembar, k.baris, k.kolom) for k in hasil.kesalahan}
	assert {("PRC", 2, "Realisasi"), ("PRC", 4, "Realisasi"), ("KEU", 2, "Target")} <= posisi
	assert any("ambigu" in k.pesan for k in hasil.kesalahan)


# --- number parsing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
	"teks, angka",
	[
		("1.234,5", "1234.5"),
		("1234.5", "1234.5"),
		("1234,5", "1234.5"),
		("1,234.5", "1234.5"),
		("1.234.567", "1234567"),
		("1,234,567", "1234567"),
		("1.234.567,89", "1234567.89"),
		("85", "85"),
		(" 85,25 ", "85.25"),
		("-1,5", "-1.5"),
		("+2.75", "2.75"),
		("0,125", "0.125"),
		("0.125", "0.125"),
		("12345.678", "12345.678"),
		("1.2345", "1.2345"),
		("1,23", "1.23"),
	],
)
def test_number_text_rule(teks, angka):
	assert urai_angka(teks) == D(angka)


@pytest.mark.parametrize(
	"teks, pesan",
	[
		("1.234", "ambigu"),
		("12,500", "ambigu"),
		("100.000", "ambigu"),
		("85%", "bukan angka"),
		("1 234", "bukan angka"),
		("12a", "bukan angka"),
		("1e5", "bukan angka"),
		(",5", "bukan angka"),
		("5,", "bukan angka"),
		("", "bukan angka"),
		("1.23.4", "pemisah ribuan"),
		("1,2345,678", "pemisah ribuan"),
		("1.234,5,6", "lebih dari sekali"),
	],
)
def test_number_text_rule_refusals(teks, pesan):
	with pytest.raises(ValueError, match=pesan):
		urai_angka(teks)


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_indonesian_formatting_parses_back(angka):
	bulat, _, pecahan = f"{abs(angka):,.2f}".partition(".")
	teks = ("-" if angka < 0 else "") + bulat.replace(",", ".") + "," + pecahan
	assert urai_angka(teks) == angka


# --- refused inputs -----------------------------------------------------------------------------


def test_a_computed_indicators_realisasi_is_locked_and_refused_when_changed():
	"""A computed indicator's realisasi comes from its components: its cell is locked like the
	target, an untouched file imports, its Kendala still does, and a realisasi typed over it (the sheet
	unprotected) is refused with the indicator named."""
	berumus = BarisKinerja("c-1", "Persentase jalan mantap", "%", "Positif", D("80"), D("75"), dihitung=True)
	lembar = [LembarBidang("Bidang Bina Marga", "BM", [berumus, *baris_bidang("bm")])]
	isi = buat_workbook(SAMPUL, lembar, RAHASIA)
	ws = load_workbook(BytesIO(isi))["BM"]
	assert ws["F2"].value == 75 and ws["F2"].protection.locked
	assert not ws["F4"].protection.locked and not ws["G4"].protection.locked
	h = harapan(lembar)
	assert baca(isi, h=h).perubahan == []

	def kendala(wb):
		wb["BM"]["G2"] = "Hujan"

	hasil = baca(ubah_dengan_openpyxl(isi, kendala), h=h)
	assert hasil.berhasil and [(p.kunci, p.kolom, p.baru) for p in hasil.perubahan] == [
		("c-1", "kendala", "Hujan")
	]

	def timpa(wb):
		wb["BM"].protection.sheet = False
		wb["BM"]["F2"] = 90

	(k,) = ditolak(baca(ubah_dengan_openpyxl(isi, timpa), h=h), "dihitung dari komponen")
	assert (k.baris, k.kolom) == (2, "Realisasi")
	assert "Realisasi indikator 'Persentase jalan mantap'" in k.pesan
