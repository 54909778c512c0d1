"""The print check (run by ``.ci/run`` on a site with the demo): every official print format rendered to
PDF, as the print view's PDF button gives it, from the demo's completed cycle, and asserted page by page
with pypdf:

- the page size and orientation the layout sets (Pengaturan SAKIP's paper, landscape where set);
- no login (a user's e-mail address) and no record code (a document's ID, a bidang's or indicator's
  code) in the text;
- no page holding only a signature block;
- on every page that holds a row of a table with headings, the headings (repeated on continued pages).

A 30-row Data Kinerja Bidang (a demo document with its rows repeated, not saved) shows a table running
over pages. ``bench --site S execute sakip_evaluasi.uji.periksa_cetak.jalankan --kwargs '{"keluar":
"/tmp/cetak"}'`` writes each PDF there and prints a line per document and ``cetak: N formats passed,
M failed``.
"""

import io
import re
from pathlib import Path

import frappe
from bs4 import BeautifulSoup
from pypdf import PdfReader

from sakip_evaluasi.cetak.konteks import CETAKAN, LANDSCAPE, kertas
from sakip_evaluasi.cetak.pdf import hanya_ttd, pakai_chromium, rata, teks_halaman, teks_ttd
from sakip_evaluasi.domain.doctype import EVALUASI

EVALUASI_DEMO = "EKI-DPUPR-2026-TW3"  # walked through all eight steps by the demo
MM = 72 / 25.4


def _kode_terlarang(evaluasi: str) -> set[str]:
	"""Logins and record codes that must never be printed."""
	kode = set(frappe.get_all("User", filters={"name": ("like", "%@%")}, pluck="name"))
	kode |= {
		b.name for b in frappe.get_all("Bidang", fields=["name", "nama_bidang"]) if b.nama_bidang != b.name
	}
	kode |= set(frappe.get_all("Indikator Kinerja", pluck="name"))
	kode.add(evaluasi)
	for _jenis, (doctype, _pf) in CETAKAN.items():
		if doctype != EVALUASI:
			kode |= set(frappe.get_all(doctype, filters={"evaluasi": evaluasi}, pluck="name"))
	return {rata(k) for k in kode if k and len(k) >= 5}


def _tabel(html: str) -> list[tuple[str, list[str]]]:
	"""(heading marker, row markers) of every table with headings."""
	sup = BeautifulSoup(html, "html.parser")
	tabel = []
	for t in sup.select("table"):
		thead = t.find("thead")
		if not thead:
			continue
		judul = max((rata(th.get_text(" ")) for th in thead.find_all("th")), key=len, default="")
		baris = []
		for tr in t.find_all("tr"):
			if tr.find_parent("thead"):
				continue
			sel = max((rata(td.get_text(" ")) for td in tr.find_all("td")), key=len, default="")
			if len(sel) >= 10:
				baris.append(sel[:16])
		tabel.append((judul, baris))
	return tabel


def periksa_pdf(pdf: bytes, html: str, landscape: bool, terlarang: set[str]) -> list[str]:
	"""Every fault of one printed document, as sentences (empty: it passes)."""
	salah = []
	k = kertas(landscape)
	reader = PdfReader(io.BytesIO(pdf))
	tabel, ttd = _tabel(html), teks_ttd(html)
	for n, page in enumerate(reader.pages, 1):
		lebar, tinggi = float(page.mediabox.width) / MM, float(page.mediabox.height) / MM
		if abs(lebar - k.lebar) > 1 or abs(tinggi - k.tinggi) > 1:
			salah.append(f"halaman {n}: {lebar:.0f} × {tinggi:.0f} mm, bukan {k.lebar} × {k.tinggi} mm")
		teks = teks_halaman(page)
		for kode in terlarang:
			if kode in teks:
				salah.append(f"halaman {n}: memuat kode/login {kode}")
		if hanya_ttd(teks, ttd):
			salah.append(f"halaman {n}: hanya blok tanda tangan")
		for judul, baris in tabel:
			if judul and any(b in teks for b in baris) and judul not in teks:
				salah.append(f"halaman {n}: baris tabel tanpa judul kolom ({judul[:30]})")
	return salah


def _dokumen(evaluasi: str) -> list[tuple[str, str, str, object]]:
	"""(kind of print, DocType, name, the document or None) of every document to print."""
	hasil = []
	for jenis, (doctype, _pf) in CETAKAN.items():
		if doctype == EVALUASI:
			hasil.append((jenis, doctype, evaluasi, None))
			continue
		for nama in frappe.get_all(
			doctype, filters={"evaluasi": evaluasi}, pluck="name", order_by="name asc"
		):
			hasil.append((jenis, doctype, nama, None))
	# a table over several pages: a Data Kinerja Bidang of 30 rows (in memory, never saved)
	dkb = frappe.get_all("Data Kinerja Bidang", filters={"evaluasi": evaluasi}, pluck="name", limit=1)
	if dkb:
		doc = frappe.get_doc("Data Kinerja Bidang", dkb[0])
		asli = [r.as_dict() for r in doc.baris]
		doc.set("baris", [])
		for i in range(30):
			r = dict(asli[i % len(asli)])
			for f in ("name", "idx"):
				r.pop(f, None)
			doc.append("baris", r)
		hasil.append(("data_kinerja_bidang", doc.doctype, f"{doc.name} (30 baris)", doc))
	return hasil


def jalankan(evaluasi: str = EVALUASI_DEMO, keluar: str | None = None) -> dict:
	"""Print every official format of ``evaluasi`` and check it; prints the summary line."""
	pakai_chromium()
	frappe.flags.ignore_print_permissions = True
	frappe.local.lang = "id"
	terlarang = _kode_terlarang(evaluasi)
	folder = Path(keluar) if keluar else None
	if folder:
		folder.mkdir(parents=True, exist_ok=True)
	gagal: dict[str, list[str]] = {}
	for jenis, doctype, nama, doc in _dokumen(evaluasi):
		print_format = CETAKAN[jenis][1]
		asli = doc.name if doc else nama
		html = frappe.get_print(doctype, asli, print_format, doc=doc)
		pdf = frappe.get_print(doctype, asli, print_format, doc=doc, as_pdf=True)
		salah = periksa_pdf(pdf, html, jenis in LANDSCAPE, terlarang)
		halaman = len(PdfReader(io.BytesIO(pdf)).pages)
		if folder:
			(folder / f"{jenis}-{re.sub(r'[^A-Za-z0-9]+', '-', nama)}.pdf").write_bytes(pdf)
		print(f"{jenis} {nama}: {halaman} halaman, {'ok' if not salah else '; '.join(salah)}")
		gagal.setdefault(jenis, []).extend(f"{nama}: {s}" for s in salah)
	lulus = sum(1 for s in gagal.values() if not s)
	print(f"cetak: {lulus} formats passed, {len(gagal) - lulus} failed")
	return {"lulus": lulus, "gagal": {j: s for j, s in gagal.items() if s}}
