"""The kertas kerja in a real spreadsheet program: LibreOffice Calc opens, fills and saves it.

Since the app writes the data rows' XML itself, this checks that a spreadsheet program other than
openpyxl reads the workbook as meant, and that a file filled and saved there comes back in.
Needs Debian's ``libreoffice-calc-nogui`` (it brings ``python3-uno``); run from the app folder with
the project's Python (openpyxl):

	python scripts/periksa_libreoffice.py

1. Export a two-bidang workbook with awkward values (``&``, ``<``, quotes, emoji, a text that
   starts with "=", line breaks, 15-digit and tiny numbers).
2. Calc opens it and saves it again untouched: every value reads back, and the import sees no
   change and no error.
3. Calc fills it as a Kabid would (``_isi_libreoffice_uno.py``, under Debian's python3 through
   UNO): a number, "1.234,5" typed as text, a Kendala, a cleared Upaya; the import sees exactly
   those four changes.
4. A locked target changed in Calc (sheet protection lifted) is refused.

Exit status 0 when every check holds.
"""

import subprocess
import sys
import tempfile
from decimal import Decimal
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import load_workbook  # noqa: E402

from sakip_evaluasi.domain.kertas_kerja import (  # noqa: E402
	BarisKinerja,
	HarapanImpor,
	LembarBidang,
	Perubahan,
	Sampul,
	baca_workbook,
	buat_workbook,
)

D = Decimal
RAHASIA = b"periksa-libreoffice-rahasia-0123"
BATAS = 5 * 1024 * 1024
BARIS = [
	BarisKinerja(
		"k-1",
		'Indikator & <ukuran> "kutip" ünï 😀',
		"%",
		"Positif",
		D("75.5"),
		D("0.000123"),
		"=bukan rumus",
		"baris\ndua",
	),
	BarisKinerja("k-2", "Jumlah temuan", "Temuan", "Negatif", D("-123456789012345"), None, "", ""),
	BarisKinerja("k-3", "Nilai besar", "Rp", "Positif", D("123456789012.25"), D("7"), "a", "b"),
]
LEMBAR = [LembarBidang("Bidang Uji", "UJI", BARIS), LembarBidang("Bidang Dua", "DUA", BARIS[:2])]
SAMPUL = Sampul("Dinas Contoh", 2026, 3, "01-10-2026 pukul 16.00", "Data Kinerja Bidang", "DKB-1")
HARAPAN = HarapanImpor("Data Kinerja Bidang", "DKB-1", 2026, 3, LEMBAR)
PENGISI = Path(__file__).resolve().parent / "_isi_libreoffice_uno.py"


def calc(berkas: Path, hasil: Path, *perintah: str) -> bytes:
	"""Open ``berkas`` in headless Calc, carry out ``perintah``, save as .xlsx to ``hasil``."""
	subprocess.run(
		["/usr/bin/python3", str(PENGISI), str(berkas), str(hasil), *perintah], check=True, timeout=180
	)
	return hasil.read_bytes()


def periksa(syarat: bool, apa: str) -> bool:
	print(("ok   " if syarat else "GAGAL"), apa)
	return syarat


def main() -> int:
	folder = Path(tempfile.mkdtemp(prefix="sakip-lo-"))
	asli = folder / "kertas_kerja.xlsx"
	asli.write_bytes(buat_workbook(SAMPUL, LEMBAR, RAHASIA))
	baik = True

	utuh = calc(asli, folder / "utuh.xlsx")
	ws = load_workbook(BytesIO(utuh))["UJI"]
	baris = list(ws.iter_rows(min_row=2, values_only=True))
	baik &= periksa(
		baris[0][:9]
		== (
			1,
			'Indikator & <ukuran> "kutip" ünï 😀',
			"%",
			"Positif",
			75.5,
			0.000123,
			" =bukan rumus",
			"baris\ndua",
			"k-1",
		)
		and baris[1][4] == -123456789012345
		and baris[2][4] == 123456789012.25,
		"Calc reads every value as written (escaped text, emoji, line break, '=' kept as text, numbers)",
	)
	hasil = baca_workbook(utuh, "utuh.xlsx", HARAPAN, RAHASIA, BATAS)
	baik &= periksa(
		hasil.kesalahan == [] and hasil.perubahan == [], "saved again untouched by Calc: no change, no error"
	)

	terisi = calc(
		asli,
		folder / "terisi.xlsx",
		"UJI!F2=80.25",
		"UJI!F3='1.234,5",
		"UJI!G3='Cuaca buruk & banjir",
		"UJI!H4='",
	)
	hasil = baca_workbook(terisi, "terisi.xlsx", HARAPAN, RAHASIA, BATAS)
	diharapkan = [
		Perubahan("Bidang Uji", "k-1", "realisasi", D("0.000123"), D("80.25")),
		Perubahan("Bidang Uji", "k-2", "realisasi", None, D("1234.5")),
		Perubahan("Bidang Uji", "k-2", "kendala", "", "Cuaca buruk & banjir"),
		Perubahan("Bidang Uji", "k-3", "upaya", "b", ""),
	]
	for p in hasil.perubahan:
		print("     ", p)
	baik &= periksa(
		hasil.kesalahan == [] and hasil.perubahan == diharapkan, "filled in Calc: exactly the four changes"
	)

	diubah = calc(asli, folder / "diubah.xlsx", "!buka-proteksi", "UJI!E2=99")
	hasil = baca_workbook(diubah, "diubah.xlsx", HARAPAN, RAHASIA, BATAS)
	for k in hasil.kesalahan:
		print("     ", k)
	baik &= periksa(
		hasil.perubahan == [] and any(k.kolom == "Target" and k.baris == 2 for k in hasil.kesalahan),
		"target changed in Calc: refused, the cell named",
	)
	print("LibreOffice check:", "passed" if baik else "FAILED", f"(files in {folder})")
	return 0 if baik else 1


if __name__ == "__main__":
	sys.exit(main())
