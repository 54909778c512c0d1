"""An SOP Administrasi Pemerintahan (PermenPANRB 35/2012) as plain data.

The one model of an SOP step, from the ``SOP`` record to a clock's deadline: the Frappe layer
converts the record once (``sop_dari_dict``), and the seeds, the SOP's validation and the SLA
engine (``sla.pemicu.pemicu_sop``) all work on it, so it can be tested without a site. A step's
waktu stays a Decimal all the way to ``domain.sla.rencanakan``.
"""

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sakip_evaluasi.domain.kalender import SATUAN_WAKTU


@dataclass(frozen=True)
class LangkahSOP:
	"""One row of the procedure table: No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output, and
	what times it (the trigger columns of the record).

	A step is timed (``berwaktu``) when it names the DocType carrying its output (``doctype``) and
	the workflow state that completes it (``status_selesai``). ``status_mulai`` is the state that
	starts it (else its predecessors' end), ``per_bidang`` opens one clock per bidang, ``syarat`` is
	a condition on the output document, ``field_tanggal``/``field_jam`` name the fields of a
	scheduled start (a meeting's date and time).
	"""

	no: int
	kegiatan: str
	pelaksana: str
	waktu: Decimal
	satuan: str
	kelengkapan: str = ""
	output: str = ""
	pelaksana_lain: tuple[str, ...] = ()
	doctype: str | None = None
	status_selesai: str | None = None
	status_mulai: str | None = None
	per_bidang: bool = False
	syarat: str | None = None
	field_tanggal: str | None = None
	field_jam: str | None = None

	@property
	def semua_pelaksana(self) -> tuple[str, ...]:
		return (self.pelaksana, *self.pelaksana_lain)

	@property
	def berwaktu(self) -> bool:
		"""Whether the SLA engine times this step."""
		return bool(self.doctype and self.status_selesai)


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

	def langkah_berwaktu(self) -> tuple[LangkahSOP, ...]:
		"""The steps the SLA engine times, in step order."""
		return tuple(sorted((lg for lg in self.langkah if lg.berwaktu), key=lambda lg: lg.no))

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


def _teks(nilai: object) -> str | None:
	"""A text cell trimmed; None when empty."""
	return (str(nilai).strip() if nilai is not None else "") or None


def langkah_dari_baris(row: Mapping) -> LangkahSOP:
	"""One step from a row of the procedure table (the seed JSON, or a Langkah SOP record as a dict)."""
	return LangkahSOP(
		no=int(row.get("no") or 0),
		kegiatan=row.get("kegiatan") or "",
		pelaksana=row.get("pelaksana") or "",
		pelaksana_lain=pisah_peran(row.get("pelaksana_lain")),
		kelengkapan=row.get("kelengkapan") or "",
		waktu=ke_desimal(row.get("waktu")),
		satuan=row.get("satuan") or "",
		output=row.get("output") or "",
		doctype=_teks(row.get("dokumen_output")),
		status_selesai=_teks(row.get("status_selesai")),
		status_mulai=_teks(row.get("status_mulai")),
		per_bidang=bool(int(row.get("per_bidang") or 0)),
		syarat=_teks(row.get("syarat_dokumen")),
		field_tanggal=_teks(row.get("field_tanggal_mulai")),
		field_jam=_teks(row.get("field_jam_mulai")),
	)


def sop_dari_dict(data: Mapping) -> SOP:
	"""Build an SOP from the seed JSON shape (and from ``as_dict()`` of a record)."""
	langkah = tuple(langkah_dari_baris(row) for row in data["langkah"])
	identitas = {k: v for k, v in data.items() if k not in ("langkah", "nama_sop") and isinstance(v, str)}
	return SOP(nama=data["nama_sop"], langkah=langkah, identitas=identitas)
