"""The PDF a signer signs: the document rendered by its print format (the app's one PDF function,
``cetak.paket.pdf_dokumen``), then stamped, before any signature, with the QR code to the public
verification page (a random token, never the record's name) and the footer BSrE documents carry (UU
ITE Pasal 5 ayat 1). Anything added after a signature would break it, so nothing is added later.

Also the picture of each visible mark (name, position, "ditandatangani secara elektronik").
"""

import base64
import io
import textwrap

import pyqrcode
from frappe.utils import get_url
from PIL import Image, ImageDraw, ImageFont
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from sakip_evaluasi.domain import tte as d

RUTE_VERIFIKASI = "/verifikasi_tte"
QR_MM = 13.0
TEPI_KANAN_MM = 12.0


def url_verifikasi(token: str) -> str:
	return get_url(f"{RUTE_VERIFIKASI}?t={token}")


def _qr(url: str, x: float, y: float, sisi: float) -> str:
	"""The QR code of ``url`` as filled squares of a PDF content stream, ``sisi`` points wide at (x, y)."""
	kode = pyqrcode.create(url, error="M").code
	n = len(kode)
	m = sisi / (n + 2)  # a quiet zone of one module on each side
	kotak = [f"1 g {x:.2f} {y:.2f} {sisi:.2f} {sisi:.2f} re f 0 g"]
	for r, baris in enumerate(kode):
		for c, v in enumerate(baris):
			if v:
				kotak.append(
					f"{x + (c + 1) * m:.2f} {y + (n - r) * m:.2f} {m + 0.05:.2f} {m + 0.05:.2f} re f"
				)
	return "\n".join(kotak)


def _teks(s: str) -> str:
	return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _kaki(lebar: float, url: str) -> bytes:
	"""QR at the bottom right, the UU ITE statement and the verification hints beside it."""
	sisi = QR_MM * d.MM
	x_qr = lebar - TEPI_KANAN_MM * d.MM - sisi
	y_qr = 2.5 * d.MM
	ukuran = 5.6
	lebar_teks = x_qr - 15 * d.MM - 6
	per_baris = max(40, int(lebar_teks / (ukuran * 0.47)))
	baris = textwrap.wrap(d.KETERANGAN_UU_ITE, per_baris)
	baris.append(
		f"Verifikasi keaslian: pindai kode QR atau unggah PDF ini di {d.LAYANAN_VERIFIKASI_NASIONAL}"
	)
	y = y_qr + sisi - ukuran
	isi = [_qr(url, x_qr, y_qr, sisi), "BT", f"/SKTte {ukuran} Tf 0.15 g"]
	for i, b in enumerate(baris):
		isi.append(f"1 0 0 1 {15 * d.MM:.1f} {y - i * (ukuran + 1.2):.1f} Tm ({_teks(b)}) Tj")
	isi.append("ET")
	return ("q\n" + "\n".join(isi) + "\nQ").encode("latin-1", "replace")


def cap_verifikasi(pdf: bytes, token: str, hanya_halaman_pertama: bool = False) -> bytes:
	"""``pdf`` with the footer and the QR on every page (or on the first only: the evidence pack, whose
	pages carry their numbers at the bottom)."""
	url = url_verifikasi(token)
	writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
	font = DictionaryObject(
		{
			NameObject("/Type"): NameObject("/Font"),
			NameObject("/Subtype"): NameObject("/Type1"),
			NameObject("/BaseFont"): NameObject("/Helvetica"),
			NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
		}
	)
	for n, page in enumerate(writer.pages):
		if hanya_halaman_pertama and n:
			break
		lebar, tinggi = float(page.mediabox.width), float(page.mediabox.height)
		stream = DecodedStreamObject()
		stream.set_data(_kaki(lebar, url))
		overlay = PageObject.create_blank_page(width=lebar, height=tinggi)
		overlay[NameObject("/Resources")] = DictionaryObject(
			{NameObject("/Font"): DictionaryObject({NameObject("/SKTte"): font})}
		)
		overlay[NameObject("/Contents")] = writer._add_object(stream)
		page.merge_page(overlay)
	keluaran = io.BytesIO()
	writer.write(keluaran)
	return keluaran.getvalue()


def ukuran_halaman(pdf: bytes, halaman: int) -> tuple[int, float]:
	"""(1-based page number, its width in points) of ``halaman`` (0 = the last page)."""
	reader = PdfReader(io.BytesIO(pdf))
	jumlah = len(reader.pages)
	nomor = halaman if 1 <= halaman <= jumlah else jumlah
	return nomor, float(reader.pages[nomor - 1].mediabox.width)


def _huruf(ukuran: int):
	for jalur in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVuSans.ttf"):
		try:
			return ImageFont.truetype(jalur, ukuran)
		except OSError:
			continue
	return ImageFont.load_default(size=ukuran)


def gambar_tanda(nama: str, sebutan: str) -> str:
	"""The visible mark's picture (PNG, base64): who signs, as what, electronically."""
	img = Image.new("RGB", (700, 250), (242, 247, 252))
	g = ImageDraw.Draw(img)
	g.rectangle((0, 0, 699, 249), outline=(30, 80, 140), width=4)
	g.text((22, 16), "Ditandatangani secara elektronik oleh:", fill=(30, 80, 140), font=_huruf(26))
	y = 62
	for b in textwrap.wrap(nama, 34)[:2]:
		g.text((22, y), b, fill=(0, 0, 0), font=_huruf(34))
		y += 42
	for b in textwrap.wrap(sebutan, 44)[:2]:
		g.text((22, y), b, fill=(40, 40, 40), font=_huruf(24))
		y += 30
	g.text((22, 212), "Sertifikat elektronik BSrE - BSSN", fill=(90, 90, 90), font=_huruf(20))
	keluaran = io.BytesIO()
	img.save(keluaran, "PNG", optimize=True)
	return base64.b64encode(keluaran.getvalue()).decode()
