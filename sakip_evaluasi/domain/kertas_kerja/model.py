"""The work paper's data classes and the workbook layout shared by export and import."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.utils import get_column_letter

TEMPLATE_VERSION = "1"
FORMAT_META = "sakip_evaluasi/kertas_kerja"
JUDUL_SAMPUL = "Sampul"
JUDUL_META = "_meta"

KOLOM = (
	"No",
	"Indikator",
	"Satuan",
	"Polaritas",
	"Target",
	"Realisasi",
	"Kendala/Hambatan",
	"Upaya/Solusi",
	"Kunci",
)
(_NO, _INDIKATOR, _SATUAN, _POLARITAS, _TARGET, _REALISASI, _KENDALA, _UPAYA, _KUNCI) = range(len(KOLOM))
_JUMLAH_KOLOM = len(KOLOM)
_HURUF = tuple(get_column_letter(i + 1) for i in range(_JUMLAH_KOLOM))
FORMAT_ANGKA = "#,##0.00"
_META_AWALAN = "~"  # so no _meta cell can start with "=" and be taken for a formula

_ILEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class BarisKinerja:
	"""One indicator row; ``kunci`` is a stable row key (the Frappe child row name). ``dihitung``: a
	computed indicator, whose realisasi comes from its components (entered in the form or on the
	phone), so its Realisasi cell is locked like the target."""

	kunci: str
	indikator: str
	satuan: str
	polaritas: str
	target: Decimal | None
	realisasi: Decimal | None = None
	kendala: str = ""
	upaya: str = ""
	dihitung: bool = False


@dataclass(frozen=True)
class LembarBidang:
	bidang: str
	kode_bidang: str
	baris: list[BarisKinerja]


@dataclass(frozen=True)
class Sampul:
	instansi: str
	tahun: int
	triwulan: int
	batas_waktu: str
	dokumen_doctype: str
	dokumen_nama: str


@dataclass(frozen=True)
class HarapanImpor:
	"""What the document holds now: the rows with their current values."""

	dokumen_doctype: str
	dokumen_nama: str
	tahun: int
	triwulan: int
	lembar: list[LembarBidang]


@dataclass(frozen=True)
class Kesalahan:
	"""One problem; ``lembar`` is "" for the file as a whole, ``baris`` the Excel row number."""

	lembar: str
	baris: int | None
	kolom: str | None
	pesan: str


@dataclass(frozen=True)
class Perubahan:
	"""One changed input cell; ``kolom`` is "realisasi", "kendala" or "upaya"."""

	bidang: str
	kunci: str
	kolom: str
	lama: Decimal | str | None
	baru: Decimal | str | None


@dataclass(frozen=True)
class HasilImpor:
	"""``perubahan`` is only filled when ``kesalahan`` is empty."""

	kesalahan: list[Kesalahan] = field(default_factory=list)
	perubahan: list[Perubahan] = field(default_factory=list)

	@property
	def berhasil(self) -> bool:
		return not self.kesalahan
