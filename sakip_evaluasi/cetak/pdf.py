"""The app's one way to turn HTML into an official PDF: ``pdf_resmi(html)``.

Every official document of the app (the eight print formats, the evidence pack, later the LKjIP and
the documents signed electronically) is printed by headless Chromium (``cetak/chromium.py``): page size,
orientation and margins from the layout's ``@page`` rule, table headings repeated on every page, no row
cut in two, "Halaman n dari N" at the foot of a document of more than one page.

Frappe v15.55.1 has no hook for the PDF generator (v16 has ``pdf_generator``), and its print view
PDF, the Workflow Action e-mail attachment (``frappe.attach_print``) and "Kirim lewat e-mail" all call
``frappe.utils.pdf.get_pdf``. ``pakai_chromium()``, run by the ``before_request`` and ``before_job`` hooks,
puts ``get_pdf`` of this module in its place: HTML that carries the official layouts' marker
(``PENANDA``, written by the ``gaya`` macro of ``templates/cetak/bagian.html``) goes to Chromium, any
other HTML (Frappe's standard print formats, reports) to Frappe's own wkhtmltopdf as before.
"""

import io
import re
from collections import Counter
from collections.abc import Iterable

import frappe
from bs4 import BeautifulSoup
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from sakip_evaluasi.cetak.chromium import Peramban

PENANDA = "sakip-cetak-resmi"  # <meta name="sakip-cetak-resmi"> in every official layout

# Frappe's print view wraps a layout in its page: its bundled stylesheets (Bootstrap: the layouts carry
# their own style, and an official PDF must not depend on the site answering) and the action banner.
_LINK_CSS = re.compile(r"<link[^>]*rel=\"?stylesheet\"?[^>]*>", re.I)
_BANNER = re.compile(r'<div class="action-banner print-hide">.*?</div>', re.S)


def resmi(html: str) -> bool:
	"""Whether ``html`` is one of the app's official documents."""
	return f'name="{PENANDA}"' in html


def bersihkan(html: str) -> str:
	"""The document alone: without the print view's stylesheets and banner."""
	return _LINK_CSS.sub("", _BANNER.sub("", html, count=1))


def pdf_resmi(html: str, nomor_halaman: bool = True, kata_sandi: str | None = None) -> bytes:
	"""Render ``html`` (a whole page with its ``@page`` rule) to an official PDF with Chromium.

	``nomor_halaman``: stamp "Halaman n dari N" at the foot when the document has more than one page.
	``kata_sandi``: encrypt the PDF with it (Frappe's "PDF password" of Print Settings)."""
	return pdf_resmi_banyak([html], nomor_halaman, kata_sandi)[0]


def pdf_resmi_banyak(
	daftar: Iterable[str], nomor_halaman: bool = True, kata_sandi: str | None = None
) -> list[bytes]:
	"""``pdf_resmi`` of several documents with one browser (the evidence pack)."""
	hasil = []
	with Peramban() as peramban:
		for html in daftar:
			html = bersihkan(html)
			pdf = peramban.pdf(html)
			# Chromium keeps a signature block whole but does not pull what precedes it onto the next page
			# (break-before: avoid after a table): when the block ends alone on the last page, the body's
			# last row (then two, three) starts a page of its own, so the block never stands alone.
			for tarik in range(1, 4):
				if not halaman_ttd_sendiri(pdf, html):
					break
				pdf = peramban.pdf(tarik_ke_ttd(html, tarik))
			hasil.append(_rapikan(pdf, nomor_halaman, kata_sandi))
	return hasil


def rata(teks: str) -> str:
	"""A text without whitespace, case folded (PDF text extraction spaces words its own way)."""
	return re.sub(r"\s+", "", teks or "").casefold()


_NOMOR_HALAMAN = re.compile(r"Halaman\s*\d+\s*dari\s*\d+")


def teks_halaman(page) -> str:
	"""A page's text without whitespace (and without its page number), to compare."""
	return rata(_NOMOR_HALAMAN.sub("", page.extract_text()))


def teks_ttd(html: str) -> str:
	"""The text of the signature blocks (``table.sk-ttd``) of a document, without whitespace."""
	return "".join(rata(t.get_text(" ")) for t in BeautifulSoup(html, "html.parser").select("table.sk-ttd"))


def hanya_ttd(teks: str, ttd: str) -> bool:
	"""Whether a page's text holds nothing but signature blocks' text (every character of it is theirs)."""
	return bool(ttd and teks) and not (Counter(teks) - Counter(ttd))


def halaman_ttd_sendiri(pdf: bytes, html: str) -> bool:
	ttd = teks_ttd(html)
	reader = PdfReader(io.BytesIO(pdf))
	return any(hanya_ttd(teks_halaman(p), ttd) for p in reader.pages)


def tarik_ke_ttd(html: str, jumlah: int) -> str:
	"""``html`` with a page break before the last ``jumlah`` rows (or blocks) of the body that precedes
	the first signature block, so that they and the block share a page."""
	sup = BeautifulSoup(html, "html.parser")
	ttd = sup.select_one("table.sk-ttd")
	sebelum = ttd.find_previous_sibling() if ttd else None
	if sebelum is None:
		return html
	if sebelum.name == "table":
		baris = [tr for tr in sebelum.find_all("tr") if not tr.find_parent("thead")]
		sasaran = baris[-jumlah] if len(baris) > jumlah else None
	else:
		sasaran = sebelum
		for _i in range(jumlah - 1):
			sasaran = sasaran.find_previous_sibling() or sasaran
	if sasaran is None:
		return html
	sasaran["style"] = (sasaran.get("style") or "") + ";break-before:page;page-break-before:always"
	return str(sup)


def _rapikan(pdf: bytes, nomor_halaman: bool, kata_sandi: str | None) -> bytes:
	reader = PdfReader(io.BytesIO(pdf))
	halaman = list(reader.pages)
	while len(halaman) > 1 and _kosong(halaman[-1]):
		halaman.pop()
	if len(halaman) == len(reader.pages) and not kata_sandi and not (nomor_halaman and len(halaman) > 1):
		return pdf
	writer = PdfWriter()
	for page in halaman:
		writer.add_page(page)
	if nomor_halaman and len(halaman) > 1:
		cap_nomor_halaman(writer)
	if kata_sandi:
		writer.encrypt(kata_sandi)
	keluaran = io.BytesIO()
	writer.write(keluaran)
	return keluaran.getvalue()


def jumlah_halaman(pdf: bytes) -> int:
	return len(PdfReader(io.BytesIO(pdf)).pages)


def _kosong(page) -> bool:
	"""A page with neither text nor images (a trailing page a renderer may leave)."""
	sumber = page.get("/Resources") or {}
	return not page.extract_text().strip() and not (
		sumber.get("/XObject") if hasattr(sumber, "get") else None
	)


def cap_nomor_halaman(writer: PdfWriter) -> None:
	"""Stamp "Halaman n dari N" at the bottom centre of every page (a pypdf content stream, Helvetica 9)."""
	jumlah = len(writer.pages)
	font = DictionaryObject(
		{
			NameObject("/Type"): NameObject("/Font"),
			NameObject("/Subtype"): NameObject("/Type1"),
			NameObject("/BaseFont"): NameObject("/Helvetica"),
			NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
		}
	)
	for n, page in enumerate(writer.pages, 1):
		lebar = float(page.mediabox.width)
		teks = f"Halaman {n} dari {jumlah}"
		x = lebar / 2 - len(teks) * 2.25  # Helvetica 9 pt: about 4.5 pt a character
		stream = DecodedStreamObject()
		stream.set_data(f"q BT /SKHal 9 Tf 0 g {x:.1f} 18 Td ({teks}) Tj ET Q".encode("latin-1"))
		overlay = PageObject.create_blank_page(width=lebar, height=float(page.mediabox.height))
		overlay[NameObject("/Resources")] = DictionaryObject(
			{NameObject("/Font"): DictionaryObject({NameObject("/SKHal"): font})}
		)
		overlay[NameObject("/Contents")] = writer._add_object(stream)
		page.merge_page(overlay)


# --------------------------------------------------------------------------- Frappe's get_pdf

_ASLI = "_sakip_get_pdf_asli"


def get_pdf(html, options=None, output: PdfWriter | None = None):
	"""``frappe.utils.pdf.get_pdf`` as installed by ``pakai_chromium``: the official layouts by Chromium."""
	import frappe.utils.pdf as frappe_pdf

	if not resmi(html or ""):
		return getattr(frappe_pdf, _ASLI)(html, options, output)
	pdf = pdf_resmi(html, kata_sandi=(options or {}).get("password"))
	if output is not None:
		output.append_pages_from_reader(PdfReader(io.BytesIO(pdf)))
		return output
	return pdf


# Frappe's modules that call get_pdf: the first looks it up at each call, the others bound it on import.
_PEMAKAI = ("frappe.utils.print_format", "frappe.email.email_body")


def pakai_chromium() -> None:
	"""Put ``get_pdf`` in Frappe's place (once a process; the ``before_request``/``before_job`` hooks)."""
	import importlib

	import frappe.utils.pdf as frappe_pdf

	if getattr(frappe_pdf.get_pdf, "__module__", "") != __name__:
		setattr(frappe_pdf, _ASLI, frappe_pdf.get_pdf)
		frappe_pdf.get_pdf = get_pdf
	for nama in _PEMAKAI:
		modul = importlib.import_module(nama)
		if getattr(modul, "get_pdf", None) is not get_pdf:
			modul.get_pdf = get_pdf


def pdf_cetakan(doctype: str, name: str, print_format: str) -> bytes:
	"""The PDF of a document by a print format, as the print view's PDF button gives it."""
	pakai_chromium()
	return frappe.get_print(doctype, name, print_format, as_pdf=True)
