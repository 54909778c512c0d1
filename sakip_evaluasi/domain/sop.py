"""An SOP Administrasi Pemerintahan (PermenPANRB 35/2012) as plain data.

The Frappe layer converts an ``SOP`` record into these classes; the SLA engine and the seeds
work on them, so they can be tested without a site.
"""

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sakip_evaluasi.domain.kalender import SATUAN_WAKTU


@dataclass(frozen=True)
class LangkahSOP:
	"""One row of the procedure table: No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output."""

	no: int
	kegiatan: str
	pelaksana: str
	waktu: Decimal
	satuan: str
	kelengkapan: str = ""
	output: str = ""
	pelaksana_lain: tuple[str, ...] = ()

	@property
	def semua_pelaksana(self) -> tuple[str, ...]:
		return (self.pelaksana, *self.pelaksana_lain)


@dataclass(frozen=True)
class SOP:
	nama: str
	langkah: tuple[LangkahSOP, ...]
	identitas: Mapping[str, str] = field(default_factory=dict)

	def validasi(self, peran_dikenal: Collection[str] | None = None) -> list[str]:
		"""Every problem of the procedure table, in Bahasa Indonesia; empty when valid."""
		masalah: list[str] = []
		if not self.langkah:
			masalah.append("SOP harus memiliki paling sedikit satu langkah.")
		dilihat: set[int] = set()
		for langkah in self.langkah:
			masalah.extend(_masalah_langkah(langkah, peran_dikenal))
			if langkah.no in dilihat:
				masalah.append(f"Nomor langkah {langkah.no} dipakai lebih dari sekali.")
			dilihat.add(langkah.no)
		return masalah

	def langkah_nomor(self, no: int) -> LangkahSOP:
		for langkah in self.langkah:
			if langkah.no == no:
				return langkah
		raise KeyError(f"SOP {self.nama} tidak memiliki langkah nomor {no}.")


def _masalah_langkah(langkah: LangkahSOP, peran_dikenal: Collection[str] | None) -> Iterable[str]:
	if langkah.no is None or langkah.no <= 0:
		yield f"Nomor langkah harus bilangan bulat positif (tertulis: {langkah.no})."
	if langkah.waktu is None or langkah.waktu <= 0:
		yield f"Waktu langkah {langkah.no} harus lebih dari nol (tertulis: {langkah.waktu})."
	if langkah.satuan not in SATUAN_WAKTU:
		yield f"Satuan waktu langkah {langkah.no} harus Jam atau Hari (tertulis: {langkah.satuan})."
	elif langkah.satuan == "Hari" and langkah.waktu is not None and langkah.waktu != int(langkah.waktu):
		yield f"Waktu langkah {langkah.no} dalam Hari harus bilangan bulat (tertulis: {langkah.waktu})."
	if not langkah.pelaksana:
		yield f"Langkah {langkah.no} harus memiliki pelaksana."
	if peran_dikenal is not None:
		for peran in langkah.semua_pelaksana:
			if peran not in peran_dikenal:
				yield f"Pelaksana langkah {langkah.no} bukan peran yang dikenal: {peran}."
	if len(set(langkah.semua_pelaksana)) != len(langkah.semua_pelaksana):
		yield f"Langkah {langkah.no} menyebut pelaksana yang sama lebih dari sekali."


def langkah_ditugaskan(langkah: Sequence[tuple[int, str]], no: int) -> tuple[int, ...]:
	"""The steps that the output of step ``no`` (a disposisi) assigns to its addressee.

	``langkah`` holds (number, output DocType) of the SOP's timed steps. The assigned work is the
	next output of the SOP: the steps right after ``no`` that produce the same DocType as the first
	of them (in the seeded SOP, step 1's disposisi assigns step 2, the Sekretaris's own disposisi;
	step 2's disposisi assigns steps 3-4, the work paper). Empty when no step follows.
	"""
	sesudah = sorted((n, doctype) for n, doctype in langkah if n > no)
	if not sesudah:
		return ()
	berikut = sesudah[0][1]
	hasil = []
	for n, doctype in sesudah:
		if doctype != berikut:
			break
		hasil.append(n)
	return tuple(hasil)


def ke_desimal(nilai: object) -> Decimal | None:
	"""A number from a record or a JSON file as Decimal (None for empty)."""
	if nilai is None or nilai == "":
		return None
	try:
		return Decimal(str(nilai))
	except InvalidOperation:
		raise ValueError(f"Bukan angka: {nilai!r}") from None


def pisah_peran(teks: str | None) -> tuple[str, ...]:
	"""Role names written one per line (or separated by commas) in a text field."""
	if not teks:
		return ()
	bagian = (p.strip() for baris in teks.splitlines() for p in baris.split(","))
	return tuple(p for p in bagian if p)


def sop_dari_dict(data: Mapping) -> SOP:
	"""Build an SOP from the seed JSON shape (and from ``frappe.as_json`` of a record)."""
	langkah = tuple(
		LangkahSOP(
			no=int(row.get("no") or 0),
			kegiatan=row.get("kegiatan") or "",
			pelaksana=row.get("pelaksana") or "",
			pelaksana_lain=pisah_peran(row.get("pelaksana_lain")),
			kelengkapan=row.get("kelengkapan") or "",
			waktu=ke_desimal(row.get("waktu")),
			satuan=row.get("satuan") or "",
			output=row.get("output") or "",
		)
		for row in data["langkah"]
	)
	identitas = {k: v for k, v in data.items() if k not in ("langkah", "nama_sop") and isinstance(v, str)}
	return SOP(nama=data["nama_sop"], langkah=langkah, identitas=identitas)
