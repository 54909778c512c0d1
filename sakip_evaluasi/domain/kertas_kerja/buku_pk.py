"""The PK workbook (*Buku Kerja PK*): one Excel workbook per OPD and year holding the year's Renstra
targets, the Perjanjian Kinerja of the Kepala OPD and of each Kepala Bidang, their Rencana Aksi and
programs. The OPD fills it from its own files and uploads it once; the app has no national format to
follow, so this module defines the layout (documented in docs/buku-kerja-pk.md).

Built on the work paper's machinery: the checks on the bytes before openpyxl reads anything, the
styles and sheet protection, the texts and numbers as written and read, the ``_meta`` sheet and the
signature of ``tanda_tangan``.

Layout
------
- "Petunjuk": OPD (B4), Tahun (B5), Renstra (B6), template version, the colours of input and locked
  cells (row 8); one row per PK (PK code, who, document, status when exported); how to fill. Locked.
- "Renstra": the indicators of the Renstra OPD covering the year; Target <tahun> is the input.
- "Sasaran", "Indikator", "Rencana Aksi", "Program": one row per row of a PK table; column A ("PK")
  says whose PK: ``OPD`` for the Kepala OPD's, the bidang code for a Kepala Bidang's. Every data row
  is an input row (blank rows are provided); the Indikator sheet's last column is a formula (the sum
  of the quarterly targets, to check a Kumulatif roll-up), locked and checked cell by cell.
- "Indikator Kinerja": the OPD's Indikator Kinerja master (code, bidang, name, satuan, polaritas,
  akumulasi), locked: the codes the Indikator and Rencana Aksi sheets name.
- "_meta" (veryHidden): format, version, OPD, year, the PKs (code, bidang, document and its
  ``modified`` when exported), the Renstra and its ``modified``, each sheet's number of rows, and
  ``tanda_tangan`` = HMAC-SHA256 over all that plus every locked cell as it reads back.

The import (``buku_pk_impor.baca_buku_pk``) is all or nothing and names every bad cell.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from sakip_evaluasi.domain.doctype import INDIKATOR_KINERJA, OPD, RENCANA_AKSI
from sakip_evaluasi.domain.kertas_kerja.ekspor import (
	_atur_cetak,
	_daftarkan_gaya,
	_lindungi,
	_sel,
	_tulis_meta,
)
from sakip_evaluasi.domain.kertas_kerja.nilai import _angka_dokumen, _kanon_dokumen, _teks, _teks_tulis
from sakip_evaluasi.domain.kertas_kerja.tanda_tangan import _periksa_rahasia, tanda_tangan_data

FORMAT_PK = "sakip_evaluasi/buku_kerja_pk"
VERSI_PK = "1"
KODE_OPD = OPD  # column "PK" of the Kepala OPD's PK rows; a bidang's rows carry its code

J_PETUNJUK = "Petunjuk"
J_RENSTRA = "Renstra"
J_SASARAN = "Sasaran"
J_INDIKATOR = "Indikator"
J_RENCANA = RENCANA_AKSI
J_PROGRAM = "Program"
J_MASTER = INDIKATOR_KINERJA

YA, TIDAK = "Ya", "Tidak"
POLARITAS = ("Positif", "Negatif")
METODE_NEGATIF = ("(2T-R)/T", "T/R")
AKUMULASI = ("Kumulatif", "Nilai Akhir", "Rata-rata", "Tetap")
TRIWULAN = ("I", "II", "III", "IV")
JENIS_PROGRAM = ("Program", "Kegiatan", "Sub Kegiatan")

# Input sheets: (title, column titles, width of each column). The Indikator sheet's last column is
# the formula column.
KOLOM_SASARAN = ("PK", "Kode Sasaran", "Sasaran", "Kode Sasaran PK OPD")
KOLOM_INDIKATOR = (
	"PK",
	"Kode Sasaran",
	"Kode Indikator",
	"Nama Indikator",
	"Definisi Operasional",
	"IKU",
	"Satuan",
	"Polaritas",
	"Rumus Negatif",
	"Akumulasi",
	"Target Tahunan",
	"Target TW I",
	"Target TW II",
	"Target TW III",
	"Target TW IV",
	"Jumlah TW I-IV",
)
KOLOM_RENCANA = ("PK", "Kode Indikator", "Triwulan", "Aksi / Kegiatan", "Penanggung Jawab")
KOLOM_PROGRAM = ("PK", "Jenis", "Kode SIPD", "Nomenklatur", "Anggaran (Rp)", "Keterangan")
KOLOM_RENSTRA = ("Kode", "Sasaran", "Indikator", "Satuan", "Baseline", "Target Akhir Periode", "Target")
KOLOM_MASTER = ("Kode Indikator", "Bidang", "Indikator", "Satuan", "Polaritas", "Akumulasi")
_LEBAR = {
	J_SASARAN: (8, 14, 60, 20),
	J_INDIKATOR: (8, 12, 14, 50, 40, 7, 12, 11, 12, 13, 14, 12, 12, 12, 12, 14),
	J_RENCANA: (8, 14, 10, 60, 30),
	J_PROGRAM: (8, 14, 22, 60, 18, 30),
	J_RENSTRA: (10, 40, 50, 12, 12, 14, 14),
	J_MASTER: (14, 10, 60, 12, 11, 13),
}
LEMBAR_ISIAN = (J_SASARAN, J_INDIKATOR, J_RENCANA, J_PROGRAM)
KOLOM_LEMBAR = {
	J_SASARAN: KOLOM_SASARAN,
	J_INDIKATOR: KOLOM_INDIKATOR,
	J_RENCANA: KOLOM_RENCANA,
	J_PROGRAM: KOLOM_PROGRAM,
	J_RENSTRA: KOLOM_RENSTRA,
	J_MASTER: KOLOM_MASTER,
}
URUTAN_LEMBAR = (J_PETUNJUK, J_RENSTRA, *LEMBAR_ISIAN, J_MASTER)
CADANGAN_BARIS = {J_SASARAN: 60, J_INDIKATOR: 200, J_RENCANA: 200, J_PROGRAM: 150}
KOLOM_JUMLAH = len(KOLOM_INDIKATOR) - 1  # the formula column of the Indikator sheet (0-based)
_TW_AWAL, _TW_AKHIR = 11, 14  # the Target TW I..IV columns (0-based)
# Cells of the cover that say whose workbook it is (a message about another OPD's or year's names them).
SEL_OPD = ("B", 4)
SEL_TAHUN = ("B", 5)
BARIS_PK_PERTAMA = 11  # the first row of the cover's table of PKs
BARIS_WARNA = 8  # the cover's row showing the colours of input and locked cells
LEBAR_PETUNJUK = (16, 80, 28, 24)
TINGGI_JUDUL = 30  # the header row of a table sheet: two lines


def huruf(kolom: int) -> str:
	return get_column_letter(kolom + 1)


def rumus_jumlah(baris: int) -> str:
	"""The formula of the Indikator sheet's last column in Excel row ``baris``."""
	a, b = huruf(_TW_AWAL), huruf(_TW_AKHIR)
	return f'=IF(COUNT({a}{baris}:{b}{baris})=0,"",SUM({a}{baris}:{b}{baris}))'


# --------------------------------------------------------------------------- the data


@dataclass(frozen=True)
class SasaranBaris:
	kode_sasaran: str
	sasaran: str
	kode_sasaran_opd: str = ""


@dataclass(frozen=True)
class IndikatorBaris:
	kode_sasaran: str
	indikator: str  # the Indikator Kinerja code, "" when none
	nama_indikator: str
	satuan: str
	polaritas: str = "Positif"
	akumulasi: str = "Kumulatif"
	definisi: str = ""
	iku: bool = False
	metode_negatif: str = ""
	target_tahunan: Decimal | None = None
	target_tw: tuple = (None, None, None, None)


@dataclass(frozen=True)
class RencanaAksiBaris:
	indikator: str
	triwulan: str
	aksi: str
	penanggung_jawab: str = ""


@dataclass(frozen=True)
class ProgramBaris:
	jenis: str
	kode_sipd: str
	nama: str
	anggaran: Decimal | None = None
	keterangan: str = ""


@dataclass(frozen=True)
class IsiPK:
	"""The four tables of one PK."""

	sasaran: tuple = ()
	indikator: tuple = ()
	rencana_aksi: tuple = ()
	program: tuple = ()


@dataclass(frozen=True)
class PihakPK:
	"""One PK of the workbook: ``kode`` is what column "PK" says (``KODE_OPD`` or the bidang code);
	``dokumen`` the PK it writes to ("" when there is none yet), ``status`` its workflow state,
	``diubah`` its ``modified`` (text); ``isi`` its tables now."""

	kode: str
	bidang: str
	nama: str
	dokumen: str = ""
	status: str = ""
	diubah: str = ""
	isi: IsiPK = field(default_factory=IsiPK)

	@property
	def dapat_diubah(self) -> bool:
		return not self.dokumen or self.status in ("", "Draft")


@dataclass(frozen=True)
class TargetRenstraBaris:
	kode: str
	sasaran: str
	indikator: str
	satuan: str
	baseline: Decimal | None
	target_akhir: Decimal | None
	target: Decimal | None


@dataclass(frozen=True)
class IndikatorMaster:
	kode: str
	bidang: str  # the bidang code, as column "PK"
	indikator: str
	satuan: str
	polaritas: str
	akumulasi: str


@dataclass(frozen=True)
class BukuPK:
	"""What the workbook of ``opd`` and ``tahun`` holds (export) or is checked against (import)."""

	opd: str
	nama_opd: str
	tahun: int
	pihak: Sequence[PihakPK]
	master: Sequence[IndikatorMaster] = ()
	renstra: str = ""
	renstra_diubah: str = ""
	target_renstra: Sequence[TargetRenstraBaris] = ()


# --------------------------------------------------------------------------- rows as cells


def _angka(nilai: Decimal | None) -> Decimal | int | float | None:
	angka = _angka_dokumen(nilai, "Angka")
	if angka is None:
		return None
	return int(angka) if angka == angka.to_integral_value() else float(angka)


def sel_sasaran(kode: str, b: SasaranBaris) -> tuple:
	return (kode, b.kode_sasaran, b.sasaran, b.kode_sasaran_opd)


def sel_indikator(kode: str, b: IndikatorBaris) -> tuple:
	return (
		kode,
		b.kode_sasaran,
		b.indikator,
		b.nama_indikator,
		b.definisi,
		YA if b.iku else TIDAK,
		b.satuan,
		b.polaritas,
		b.metode_negatif,
		b.akumulasi,
		_angka(b.target_tahunan),
		*(_angka(t) for t in b.target_tw),
	)


def sel_rencana(kode: str, b: RencanaAksiBaris) -> tuple:
	return (kode, b.indikator, b.triwulan, b.aksi, b.penanggung_jawab)


def sel_program(kode: str, b: ProgramBaris) -> tuple:
	return (kode, b.jenis, b.kode_sipd, b.nama, _angka(b.anggaran), b.keterangan)


def sel_renstra(b: TargetRenstraBaris) -> tuple:
	return (
		b.kode,
		b.sasaran,
		b.indikator,
		b.satuan,
		_angka(b.baseline),
		_angka(b.target_akhir),
		_angka(b.target),
	)


def sel_master(b: IndikatorMaster) -> tuple:
	return (b.kode, b.bidang, b.indikator, b.satuan, b.polaritas, b.akumulasi)


def _baris_lembar(buku: BukuPK) -> dict[str, list[tuple]]:
	baris: dict[str, list[tuple]] = {j: [] for j in LEMBAR_ISIAN}
	for p in buku.pihak:
		baris[J_SASARAN] += [sel_sasaran(p.kode, b) for b in p.isi.sasaran]
		baris[J_INDIKATOR] += [sel_indikator(p.kode, b) for b in p.isi.indikator]
		baris[J_RENCANA] += [sel_rencana(p.kode, b) for b in p.isi.rencana_aksi]
		baris[J_PROGRAM] += [sel_program(p.kode, b) for b in p.isi.program]
	return baris


# --------------------------------------------------------------------------- what the signature covers


def kanon_teks(nilai: Sequence[object]) -> list[str]:
	"""A locked row of texts as the signature reads it."""
	return [_teks(v) for v in nilai]


def kanon_renstra(b: TargetRenstraBaris) -> list[str]:
	return [
		_teks(b.kode),
		_teks(b.sasaran),
		_teks(b.indikator),
		_teks(b.satuan),
		_kanon_dokumen(_angka_dokumen(b.baseline, "Baseline")),
		_kanon_dokumen(_angka_dokumen(b.target_akhir, "Target akhir")),
	]


def kepala_meta(buku: BukuPK, jumlah_baris: dict[str, int]) -> dict:
	return {
		"format": FORMAT_PK,
		"versi": VERSI_PK,
		"opd": buku.opd,
		"tahun": int(buku.tahun),
		"pihak": [[p.kode, p.bidang, p.dokumen, p.diubah] for p in buku.pihak],
		"renstra": [buku.renstra, buku.renstra_diubah],
		"baris": jumlah_baris,
	}


def tanda(rahasia: bytes, kepala: dict, petunjuk: list, renstra: list, master: list) -> str:
	"""The signature over the identity (``kepala``) and every locked cell as it reads back."""
	data = {k: kepala[k] for k in ("format", "versi", "opd", "tahun", "pihak", "renstra", "baris")}
	return tanda_tangan_data(
		rahasia, {**data, "petunjuk": petunjuk, "renstra_baris": renstra, "master": master}
	)


# --------------------------------------------------------------------------- export


def buat_buku_pk(buku: BukuPK, rahasia: bytes) -> bytes:
	"""The PK workbook of ``buku`` as ``.xlsx`` bytes, signed with ``rahasia``."""
	_periksa_rahasia(rahasia)
	kode = [p.kode for p in buku.pihak]
	if not buku.pihak or kode[0] != KODE_OPD or len(set(kode)) != len(kode):
		raise ValueError("Buku kerja PK memerlukan PK OPD dan kode bidang yang berbeda-beda.")
	wb = Workbook(write_only=True)
	_daftarkan_gaya(wb)
	petunjuk = isi_petunjuk(buku)
	_petunjuk(wb, buku, petunjuk)
	isi = _baris_lembar(buku)
	jumlah = {j: len(isi[j]) + CADANGAN_BARIS[j] for j in LEMBAR_ISIAN}
	_lembar_renstra(wb, buku)
	for judul in LEMBAR_ISIAN:
		_lembar_isian(wb, judul, isi[judul], jumlah[judul], kode)
	_lembar_master(wb, buku)
	meta = kepala_meta(buku, jumlah)
	meta["tanda_tangan"] = tanda(
		rahasia,
		meta,
		kanon_petunjuk(petunjuk),
		[kanon_renstra(b) for b in buku.target_renstra],
		[kanon_teks(sel_master(b)) for b in buku.master],
	)
	_tulis_meta(wb, meta)
	wb.security = WorkbookProtection(lockStructure=True)
	keluaran = BytesIO()
	wb.save(keluaran)
	return keluaran.getvalue()


def _kolom(ws, judul: str) -> None:
	for k, lebar in enumerate(_LEBAR[judul]):
		ws.column_dimensions[huruf(k)].width = lebar
	ws.freeze_panes = "A2"
	_atur_cetak(ws, "1:1")
	ws.row_dimensions[1].height = TINGGI_JUDUL
	ws.append([_sel(ws, t, "KK Judul") for t in KOLOM_LEMBAR[judul]])


def isi_petunjuk(buku: BukuPK) -> list[tuple]:
	"""The cover's rows as texts ``(label, ...)``; the signature covers them as they read back."""
	baris: list[tuple] = [
		("BUKU KERJA PERJANJIAN KINERJA",),
		(buku.nama_opd,),
		(),
		("OPD", buku.opd, buku.nama_opd),  # row 4 (SEL_OPD)
		("Tahun", str(buku.tahun)),  # row 5 (SEL_TAHUN)
		("Renstra", buku.renstra or "(belum ada Renstra OPD yang mencakup tahun ini)"),
		("Versi templat", VERSI_PK),
		("Warna sel", "Kuning: sel isian, diisi OPD", "Abu-abu: terkunci, tidak diubah"),  # BARIS_WARNA
		(),
		("Kode PK", "Pihak Pertama", "Dokumen", "Status saat diunduh"),
	]
	baris += [
		(p.kode, p.nama, p.dokumen or "(dibuat saat diunggah)", p.status or "Belum ada") for p in buku.pihak
	]
	baris += [(), ("Petunjuk pengisian",)]
	baris += [(f"{nomor}.", isi) for nomor, isi in enumerate(PETUNJUK, 1)]
	return baris


def kanon_petunjuk(baris: Sequence[Sequence[object]]) -> list[list[str]]:
	"""The cover's rows as signed: trimmed texts, trailing blanks and blank rows left out."""
	hasil = []
	for b in baris:
		teks = [_teks(v) for v in b]
		while teks and not teks[-1]:
			teks.pop()
		if teks:
			hasil.append(teks)
	return hasil


def _petunjuk(wb: Workbook, buku: BukuPK, baris: list[tuple]) -> None:
	ws = wb.create_sheet(J_PETUNJUK)
	for k, lebar in enumerate(LEBAR_PETUNJUK):
		ws.column_dimensions[huruf(k)].width = lebar
	ws.sheet_view.showGridLines = False
	_atur_cetak(ws)
	for nomor, isi in enumerate(baris, 1):
		gaya = ("KK Sampul Judul",) if nomor == 1 else ("KK Sampul Label",) + ("KK Sampul Teks",) * 3
		if nomor == BARIS_PK_PERTAMA - 1:
			gaya = ("KK Sampul Label",) * 4
		if nomor == BARIS_WARNA:
			gaya = ("KK Sampul Label", "KK Isian Teks", "KK Terkunci")
		sel = [_sel(ws, _teks_tulis(v), g) for v, g in zip(isi, gaya, strict=False)]
		if nomor == BARIS_WARNA:
			# the colours themselves, locked (KK Isian Teks would leave the sample open to typing)
			for s in sel[1:]:
				s.protection = Protection(locked=True)
		_tinggi(ws, nomor, isi[1:], LEBAR_PETUNJUK[1:])  # column A's labels do not wrap
		ws.append(sel)
	_lindungi(ws)


def _tinggi(ws, nomor: int, isi: Sequence[object], lebar: Sequence[int]) -> None:
	"""Row ``nomor`` as tall as its longest wrapped text (before it is appended)."""
	baris_teks = tinggi_baris(isi, lebar)
	if baris_teks > 1:
		ws.row_dimensions[nomor].height = 15 * baris_teks


def tinggi_baris(isi: Sequence[object], lebar: Sequence[int]) -> int:
	"""How many lines the longest wrapped text of a row takes in columns of ``lebar`` characters: Excel
	and LibreOffice do not grow a row of a generated file to fit its wrapped text."""
	return max(
		[1]
		+ [
			sum(-(-max(len(bagian), 1) // lebar[k]) for bagian in str(v).split("\n"))
			for k, v in enumerate(isi)
			if v and k < len(lebar)
		]
	)


PETUNJUK = (
	"Isi sel berwarna kuning saja; sel abu-abu, judul kolom dan lembar terkunci.",
	"Kolom PK pada lembar Sasaran, Indikator, Rencana Aksi dan Program menyebut PK pemilik baris: OPD "
	"untuk PK Kepala OPD, atau kode bidang (tabel di atas) untuk PK Kepala Bidang.",
	"Kode Indikator diambil dari lembar Indikator Kinerja (wajib untuk PK Kepala Bidang, indikator bidang "
	"itu sendiri). Bila Nama Indikator, Satuan, Polaritas atau Akumulasi dikosongkan, diisi dari lembar itu.",
	"Target TW I-IV mengikuti akumulasinya: Kumulatif berjumlah target tahunan (lihat kolom Jumlah TW I-IV), "
	"Rata-rata berrata-rata target tahunan, Nilai Akhir TW IV sama dengan target tahunan, Tetap setiap "
	"triwulan sama dengan target tahunan.",
	"Sasaran PK Kepala Bidang mengacu ke kode sasaran PK OPD (kolom Kode Sasaran PK OPD).",
	"Baris kosong diabaikan. Isi tabel sebuah PK pada buku kerja menggantikan seluruh isi tabel PK itu; "
	"PK yang belum ada dibuat sebagai Draft.",
	"Hanya PK berstatus Draft yang dapat diisi lewat buku kerja. PK yang sudah diajukan, ditandatangani "
	"atau berlaku diubah melalui PK Perubahan.",
	"Lembar Renstra: isi Target tahun ini untuk setiap indikator Renstra.",
	"Simpan sebagai Excel Workbook (.xlsx), lalu unggah melalui tombol Unggah Buku Kerja PK. Bila ada satu "
	"kesalahan saja, tidak ada data yang diubah dan setiap sel yang salah disebutkan.",
)


def _lembar_renstra(wb: Workbook, buku: BukuPK) -> None:
	ws = wb.create_sheet(J_RENSTRA)
	_kolom(ws, J_RENSTRA)
	for nomor, b in enumerate(buku.target_renstra, 2):
		sel = sel_renstra(b)
		_tinggi(ws, nomor, sel[:4], _LEBAR[J_RENSTRA])
		ws.append(
			[
				_sel(ws, v if k >= 4 else _teks_tulis(v), "KK Terkunci Angka" if k >= 4 else "KK Terkunci")
				for k, v in enumerate(sel[:-1])
			]
			+ [_sel(ws, sel[-1], "KK Isian Angka")]
		)
	_lindungi(ws)


def _lembar_isian(wb: Workbook, judul: str, baris: list[tuple], jumlah: int, kode: list[str]) -> None:
	ws = wb.create_sheet(judul)
	_kolom(ws, judul)
	kolom = KOLOM_LEMBAR[judul]
	angka = _kolom_angka(judul)
	n_isian = KOLOM_JUMLAH if judul == J_INDIKATOR else len(kolom)
	for i in range(jumlah):
		nilai = baris[i] if i < len(baris) else (None,) * n_isian
		_tinggi(ws, i + 2, [v if k not in angka else None for k, v in enumerate(nilai)], _LEBAR[judul])
		sel = [
			_sel(ws, v if k in angka else _teks_tulis(v), "KK Isian Angka" if k in angka else "KK Isian Teks")
			for k, v in enumerate(nilai)
		]
		if judul == J_INDIKATOR:
			sel.append(_sel(ws, rumus_jumlah(i + 2), "KK Terkunci Angka"))
		ws.append(sel)
	for k, pilihan in _pilihan(judul, kode).items():
		dv = DataValidation(
			type="list",
			formula1='"' + ",".join(pilihan) + '"',
			allow_blank=True,
			showErrorMessage=True,
			errorTitle=f"{kolom[k]} tidak dikenal",
			error=f"Pilih salah satu: {', '.join(pilihan)}.",
		)
		dv.add(f"{huruf(k)}2:{huruf(k)}{jumlah + 1}")
		ws.data_validations.append(dv)
	_lindungi(ws)


def _kolom_angka(judul: str) -> set[int]:
	return {J_INDIKATOR: set(range(10, 15)), J_PROGRAM: {4}}.get(judul, set())


def _pilihan(judul: str, kode: list[str]) -> dict[int, Sequence[str]]:
	pilihan: dict[int, Sequence[str]] = {0: kode}
	if judul == J_INDIKATOR:
		pilihan.update({5: (YA, TIDAK), 7: POLARITAS, 8: METODE_NEGATIF, 9: AKUMULASI})
	elif judul == J_RENCANA:
		pilihan[2] = TRIWULAN
	elif judul == J_PROGRAM:
		pilihan[1] = JENIS_PROGRAM
	# an Excel list is at most 255 characters: a long list of bidang codes is checked on import only
	return {k: v for k, v in pilihan.items() if len(",".join(v)) <= 250}


def _lembar_master(wb: Workbook, buku: BukuPK) -> None:
	ws = wb.create_sheet(J_MASTER)
	_kolom(ws, J_MASTER)
	for nomor, b in enumerate(buku.master, 2):
		_tinggi(ws, nomor, sel_master(b), _LEBAR[J_MASTER])
		ws.append([_sel(ws, _teks_tulis(v), "KK Terkunci") for v in sel_master(b)])
	_lindungi(ws)
