"""The LKjIP as an editable Word file (python-docx), and the file read back.

The export writes each part under a heading; the narratives are read back by those headings, the
computed tables are read back cell by cell so that the caller can check them unchanged. The file says
whose report it is in its core properties (``identifier``) and on its first page.
"""

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

AWALAN_IDENTITAS = "LKJIP"
DAFTAR_ISI = "DAFTAR ISI"

# The narratives: heading (level 1 or 2) → the field it is read back into.
NARASI: tuple[tuple[str, int, str], ...] = (
	("IKHTISAR EKSEKUTIF", 1, "ikhtisar_eksekutif"),
	("BAB I PENDAHULUAN", 1, "pendahuluan"),
	("C. Capaian Kinerja Lainnya", 2, "capaian_lainnya"),
	("BAB IV PENUTUP", 1, "penutup"),
)
JUDUL_ANALISIS = "Analisis Penyebab Keberhasilan/Kegagalan"
AWALAN_ANALISIS = "Indikator "


@dataclass
class Tabel:
	judul: str  # the heading above it: how the import finds it
	kepala: Sequence[str]
	baris: Sequence[Sequence[str]]
	dihitung: bool = True  # computed: checked unchanged on upload


@dataclass
class DokumenLKjIP:
	identitas: str  # LKJIP|<opd>|<tahun>
	nama_pemda: str
	nama_opd: str
	tahun: int
	narasi: Mapping[str, str]
	analisis: Sequence[tuple[str, str]]  # (nama indikator, teks) in Bab III order
	bab2: Tabel
	bab3: Sequence[Tabel]
	lampiran: Sequence[Tabel]
	pernyataan: str | None = None
	halaman: Mapping[str, int] = field(default_factory=dict)  # heading → page (the second pass)


def identitas(opd: str, tahun: int) -> str:
	return f"{AWALAN_IDENTITAS}|{opd}|{tahun}"


def _paragraf(doc, teks: str, tebal=False, tengah=False, ukuran: int | None = None):
	p = doc.add_paragraph()
	run = p.add_run(teks)
	run.bold = tebal
	if ukuran:
		run.font.size = Pt(ukuran)
	if tengah:
		p.alignment = WD_ALIGN_PARAGRAPH.CENTER
	return p


def _field(run, instr: str) -> None:
	for jenis, teks in (("begin", None), (None, instr), ("separate", None), (None, "1"), ("end", None)):
		if jenis:
			el = OxmlElement("w:fldChar")
			el.set(qn("w:fldCharType"), jenis)
		elif teks == instr:
			el = OxmlElement("w:instrText")
			el.set(qn("xml:space"), "preserve")
			el.text = instr
		else:
			el = OxmlElement("w:t")
			el.text = teks
		run._r.append(el)


# Column weights by header: the running number narrow, names wide, figures in between.
_KOLOM_LEBAR = {"Sasaran": 5, "Sasaran Strategis": 5, "Indikator": 6, "Indikator Kinerja": 6, "Program/Kegiatan": 6, "Aksi": 6, "Anggaran (Rp)": 4, "Realisasi (Rp)": 4}  # fmt: skip
_KOLOM_TEKS = {
	*_KOLOM_LEBAR.keys() - {"Anggaran (Rp)", "Realisasi (Rp)"},
	"Kode",
	"Satuan",
	"Triwulan",
	"Penanggung Jawab",
	"Kesimpulan",
	"Predikat",
}
_KOLOM_SASARAN = {"Sasaran", "Sasaran Strategis"}


def _sifat_baris(row, **atribut: str) -> None:
	"""``w:trPr`` flags of a row: ``tblHeader`` (repeated on every page), ``cantSplit``."""
	tr_pr = row._tr.get_or_add_trPr()
	for nama in atribut:
		el = OxmlElement(f"w:{nama}")
		el.set(qn("w:val"), "true")
		tr_pr.append(el)


def _lebar_kolom(kepala: Sequence[str], lebar_mm: float) -> list[float]:
	bobot = [1.4 if k == "No" else _KOLOM_LEBAR.get(k, 2.6) for k in kepala]
	return [lebar_mm * b / sum(bobot) for b in bobot]


def _gabung_sasaran(tabel, kepala: Sequence[str]) -> None:
	"""A sasaran repeated on consecutive rows is written once, its cell merged down."""
	for j, k in enumerate(kepala):
		if k not in _KOLOM_SASARAN:
			continue
		sel = [row.cells[j] for row in tabel.rows[1:]]
		awal = 0
		for i in range(1, len(sel) + 1):
			if i < len(sel) and sel[i].text == sel[awal].text:
				continue
			if i - awal > 1:
				for bawah in sel[awal + 1 : i]:
					bawah.text = ""
				sel[awal].merge(sel[i - 1])
			awal = i


def _tabel(doc, t: Tabel, lebar_mm: float = 165) -> None:
	"""A bordered table: its header repeated on every page, no row split over two pages, columns
	sized by what they hold, figures right-aligned."""
	tabel = doc.add_table(rows=1, cols=len(t.kepala))
	tabel.style = "Table Grid"
	tabel.alignment = WD_TABLE_ALIGNMENT.CENTER
	tabel.autofit = False
	for sel, teks in zip(tabel.rows[0].cells, t.kepala, strict=True):
		sel.text = teks
		for r in sel.paragraphs[0].runs:
			r.bold = True
	_sifat_baris(tabel.rows[0], tblHeader="true", cantSplit="true")
	for isi in t.baris:
		row = tabel.add_row()
		_sifat_baris(row, cantSplit="true")
		for s, teks in zip(row.cells, isi, strict=True):
			s.text = teks
	lebar = _lebar_kolom(t.kepala, lebar_mm)
	for kolom, mm in zip(tabel.columns, lebar, strict=True):
		kolom.width = Mm(mm)  # the grid LibreOffice lays out by
	for row in tabel.rows:
		for j, sel in enumerate(row.cells):
			sel.width = Mm(lebar[j])
			for p in sel.paragraphs:
				if row._index and t.kepala[j] not in _KOLOM_TEKS and t.kepala[j] != "No":
					p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
				for r in p.runs:
					r.font.size = Pt(9)
	_gabung_sasaran(tabel, t.kepala)


def _narasi(doc, teks: str | None) -> None:
	for baris in (teks or "").split("\n") or [""]:
		doc.add_paragraph(baris)


def judul_isi(d: DokumenLKjIP) -> list[tuple[str, int]]:
	"""The headings the table of contents lists, in order."""
	judul = [("IKHTISAR EKSEKUTIF", 1), ("BAB I PENDAHULUAN", 1), ("BAB II PERENCANAAN KINERJA", 1)]
	judul += [("BAB III AKUNTABILITAS KINERJA", 1)] + [(t.judul, 2) for t in d.bab3]
	judul += [(JUDUL_ANALISIS, 2), ("C. Capaian Kinerja Lainnya", 2), ("BAB IV PENUTUP", 1), ("LAMPIRAN", 1)]
	judul += [(t.judul, 2) for t in d.lampiran]
	if d.pernyataan:
		judul.append(("PERNYATAAN TELAH DIREVIU", 1))
	return judul


def _kop(doc, d: DokumenLKjIP, judul: str) -> None:
	pemda = d.nama_pemda.upper()
	if pemda and not pemda.startswith("PEMERINTAH"):
		pemda = f"PEMERINTAH {pemda}"
	_paragraf(doc, pemda, tebal=True, tengah=True, ukuran=14)
	_paragraf(doc, d.nama_opd.upper(), tebal=True, tengah=True, ukuran=16)
	_paragraf(doc, "_" * 70, tengah=True)
	_paragraf(doc, judul, tebal=True, tengah=True, ukuran=14)


def _dokumen(d: DokumenLKjIP, kertas_mm: tuple[int, int]):
	"""A new Word document of ``kertas_mm`` paper, 25 mm side margins, headings in black."""
	doc = Document()
	doc.core_properties.identifier = d.identitas
	doc.core_properties.title = f"LKjIP {d.nama_opd} {d.tahun}"
	bagian = doc.sections[0]
	bagian.page_width, bagian.page_height = Mm(kertas_mm[0]), Mm(kertas_mm[1])
	bagian.left_margin = bagian.right_margin = Mm(25)
	for gaya in ("Heading 1", "Heading 2", "Heading 3"):
		doc.styles[gaya].font.color.rgb = RGBColor(0, 0, 0)
	return doc


def _lebar_isi(bagian) -> float:
	return (bagian.page_width - bagian.left_margin - bagian.right_margin) / Mm(1)


def _tabel_lampiran(doc, t: Tabel, lebar_mm: float) -> None:
	if t.baris:
		_tabel(doc, t, lebar_mm)
	else:
		doc.add_paragraph("Tidak ada data.")


def tulis(d: DokumenLKjIP, kertas_mm: tuple[int, int] = (215, 330)) -> bytes:
	doc = _dokumen(d, kertas_mm)
	bagian = doc.sections[0]
	bagian.different_first_page_header_footer = True  # the cover carries no page number
	kaki = bagian.footer.paragraphs[0]
	kaki.alignment = WD_ALIGN_PARAGRAPH.CENTER
	kaki.add_run("Halaman ")
	_field(kaki.add_run(), "PAGE")
	lebar = _lebar_isi(bagian)
	_kop(doc, d, f"LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN {d.tahun}")
	doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
	doc.add_heading(DAFTAR_ISI, 1)
	for judul, tingkat in judul_isi(d):
		hal = d.halaman.get(judul)
		p = doc.add_paragraph(f"{judul}\t{hal if hal else '…'}")
		p.paragraph_format.left_indent = Mm(8 * (tingkat - 1))
		p.paragraph_format.space_after = Pt(2)
		p.paragraph_format.tab_stops.add_tab_stop(Mm(lebar - 2), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
	narasi = dict(d.narasi)

	def bab(judul: str) -> None:
		doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
		doc.add_heading(judul, 1)

	bab("IKHTISAR EKSEKUTIF")
	_narasi(doc, narasi.get("ikhtisar_eksekutif"))
	bab("BAB I PENDAHULUAN")
	_narasi(doc, narasi.get("pendahuluan"))
	bab("BAB II PERENCANAAN KINERJA")
	doc.add_heading(d.bab2.judul, 2)
	_tabel(doc, d.bab2, lebar)
	bab("BAB III AKUNTABILITAS KINERJA")
	for t in d.bab3:
		doc.add_heading(t.judul, 2)
		_tabel(doc, t, lebar)
	doc.add_heading(JUDUL_ANALISIS, 2)
	for i, (nama, teks) in enumerate(d.analisis, start=1):
		doc.add_heading(f"{AWALAN_ANALISIS}{i}. {nama}", 3)
		_narasi(doc, teks)
	doc.add_heading("C. Capaian Kinerja Lainnya", 2)
	_narasi(doc, narasi.get("capaian_lainnya"))
	bab("BAB IV PENUTUP")
	_narasi(doc, narasi.get("penutup"))
	# The attachments on landscape pages: the E.81 table has ten columns.
	lampiran = doc.add_section(WD_SECTION.NEW_PAGE)
	lampiran.orientation = WD_ORIENT.LANDSCAPE
	lampiran.page_width, lampiran.page_height = bagian.page_height, bagian.page_width
	lampiran.different_first_page_header_footer = False
	doc.add_heading("LAMPIRAN", 1)
	for t in d.lampiran:
		doc.add_heading(t.judul, 2)
		_tabel_lampiran(doc, t, _lebar_isi(lampiran))
	if d.pernyataan:
		akhir = doc.add_section(WD_SECTION.NEW_PAGE)
		akhir.orientation = WD_ORIENT.PORTRAIT
		akhir.page_width, akhir.page_height = bagian.page_width, bagian.page_height
		doc.add_heading("PERNYATAAN TELAH DIREVIU", 1)
		_narasi(doc, d.pernyataan)
	keluar = io.BytesIO()
	doc.save(keluar)
	return keluar.getvalue()


def tulis_lampiran(
	d: DokumenLKjIP, tabel: Tabel, judul: str, kertas_mm: tuple[int, int] = (215, 330)
) -> bytes:
	"""One attachment on its own (the PK or the Rencana Aksi of the e-SAKIP ZIP), under the same kop."""
	doc = _dokumen(d, kertas_mm)
	_kop(doc, d, f"{judul} TAHUN {d.tahun}")
	_tabel_lampiran(doc, tabel, _lebar_isi(doc.sections[0]))
	keluar = io.BytesIO()
	doc.save(keluar)
	return keluar.getvalue()


# --------------------------------------------------------------------------- reading it back


@dataclass
class HasilBaca:
	identitas: str
	narasi: dict[str, str]
	analisis: list[tuple[str, str]]
	tabel: dict[str, list[list[str]]]  # heading → rows (header row first)


class BerkasTidakDikenal(ValueError):
	pass


def baca(isi: bytes) -> HasilBaca:
	"""The narratives by their headings, the analyses by indicator, every table under its heading."""
	try:
		doc = Document(io.BytesIO(isi))
	except Exception:
		raise BerkasTidakDikenal("Berkas bukan dokumen Word (.docx) yang dapat dibaca.") from None
	per_judul = {judul: field for judul, _, field in NARASI}
	narasi: dict[str, list[str]] = {}
	analisis: list[tuple[str, list[str]]] = []
	tabel: dict[str, list[list[str]]] = {}
	judul_kini: str | None = None
	tujuan: list[str] | None = None
	for bagian in doc.iter_inner_content():
		if isinstance(bagian, Paragraph):
			gaya = bagian.style.name if bagian.style is not None else ""
			if gaya.startswith("Heading"):
				judul_kini = bagian.text.strip()
				if judul_kini in per_judul:
					tujuan = narasi.setdefault(per_judul[judul_kini], [])
				elif gaya == "Heading 3" and judul_kini.startswith(AWALAN_ANALISIS):
					analisis.append((judul_kini.split(". ", 1)[-1], []))
					tujuan = analisis[-1][1]
				else:
					tujuan = None
			elif tujuan is not None:
				tujuan.append(bagian.text)
		elif isinstance(bagian, Table) and judul_kini:
			tabel[judul_kini] = [[sel.text.strip() for sel in row.cells] for row in bagian.rows]

	def rapi(baris: list[str]) -> str:
		while baris and not baris[-1].strip():
			baris = baris[:-1]
		return "\n".join(baris).strip("\n")

	return HasilBaca(
		identitas=(doc.core_properties.identifier or "").strip(),
		narasi={k: rapi(v) for k, v in narasi.items()},
		analisis=[(nama, rapi(teks)) for nama, teks in analisis],
		tabel=tabel,
	)


def tabel_berubah(diharapkan: Sequence[Tabel], terbaca: Mapping[str, list[list[str]]]) -> list[str]:
	"""Every computed table of the upload that differs from what the data gives, named by its heading,
	row and column."""
	masalah = []
	for t in diharapkan:
		if not t.dihitung:
			continue
		ada = terbaca.get(t.judul)
		if ada is None:
			masalah.append(f"Tabel '{t.judul}' tidak ditemukan di berkas.")
			continue
		harap = [list(t.kepala)] + [list(b) for b in t.baris]
		if len(ada) != len(harap):
			masalah.append(f"Tabel '{t.judul}': jumlah baris {len(ada) - 1}, seharusnya {len(harap) - 1}.")
			continue
		for i, (a, h) in enumerate(zip(ada, harap, strict=True)):
			for kolom, (x, y) in enumerate(zip(a, h, strict=False)):
				if x != y.strip():
					masalah.append(
						f"Tabel '{t.judul}' baris {i}, kolom '{harap[0][kolom]}': tertulis '{x}', "
						f"dihitung dari data '{y}'."
					)
					break
	return masalah
