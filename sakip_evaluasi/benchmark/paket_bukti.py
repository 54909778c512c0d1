"""Evidence pack benchmark: the PDF and ZIP of one triwulan of 4 bidang × 30 indicators (a script,
not a test).

Run it on a throw-away site (it commits an OPD "PB" with its users, indicators and a whole 2026
triwulan I cycle, made by the demo's own steps, and keeps them so a second run starts at once)::

    bench --site bench.localhost execute sakip_evaluasi.benchmark.paket_bukti.jalankan

It times (median of ``ulang`` runs, seconds) the whole pack as the endpoint makes it, and its parts:
rendering every print format to HTML, wkhtmltopdf (two at a time), merging and numbering with pypdf,
and the ZIP (Excel work papers and attachments).
"""

import io
import statistics
import time

import frappe
from pypdf import PdfReader

from sakip_evaluasi.cetak import paket
from sakip_evaluasi.demo import buat as demo
from sakip_evaluasi.domain.penamaan import nama_evaluasi
from sakip_evaluasi.domain.peran import KEPALA_DINAS, SEKRETARIS, SUBKOOR

OPD = "PB"
BIDANG, INDIKATOR = 4, 30
TRIWULAN = "I"


def _data() -> tuple:
	pejabat = {
		KEPALA_DINAS: ("kadis.pb", "Dr. Ir. Hendra Wijaya, M.T."),
		SEKRETARIS: ("sekretaris.pb", "Dra. Ratna Sari, M.Si."),
		SUBKOOR: ("subkor.pb", "Yudi Prasetyo, S.E."),
	}
	bidang = {
		f"B{b}": (f"Bidang Benchmark {b}", f"kabid.pb{b}", f"Kepala Bidang {b}, S.T.") for b in range(1, 5)
	}
	indikator = tuple(
		(
			f"B{b}",
			f"Indikator benchmark {k:02d} bidang {b}: persentase layanan yang memenuhi standar",
			"%",
			"Positif",
			"Kumulatif",
			(20 + k % 5, 25, 25, 25),
		)
		for b in range(1, BIDANG + 1)
		for k in range(1, INDIKATOR + 1)
	)
	return ("Dinas Benchmark Paket Bukti", pejabat, bidang, indikator, {TRIWULAN: 8})


def siapkan(password: str = "Bench#2026") -> str:
	"""The OPD and its whole triwulan (idempotent: the demo's steps skip what exists)."""
	demo.OPD_DEMO[OPD] = _data()
	nama_opd, pejabat, bidang, indikator, _siklus = demo.OPD_DEMO[OPD]
	for _baris in demo.buat_opd(OPD, nama_opd, pejabat, bidang, indikator, password):
		pass
	for _baris in demo.jalankan_siklus(OPD, TRIWULAN, sampai_langkah=8):
		pass
	frappe.db.commit()
	return nama_evaluasi(OPD, 2026, TRIWULAN)


def _median(fn, ulang: int) -> tuple[float, object]:
	waktu, hasil = [], None
	for _ in range(ulang):
		mulai = time.perf_counter()
		hasil = fn()
		waktu.append(time.perf_counter() - mulai)
	return statistics.median(waktu), hasil


def jalankan(ulang: int = 5) -> None:
	evaluasi = siapkan()
	dokumen = paket.dokumen_paket(evaluasi)
	baris = frappe.db.count("Baris Data Kinerja", {"parent": ("like", f"DKB-{evaluasi}%")})
	print(
		f"Evidence pack benchmark: {evaluasi}, {len(dokumen)} documents, {baris} indicator rows; median of {ulang} runs."
	)

	def html():
		frappe.flags.ignore_print_permissions = True
		try:
			return [paket._bagian_dokumen(*d) for d in dokumen]
		finally:
			frappe.flags.ignore_print_permissions = False

	t_html, bagian = _median(html, ulang)
	t_wk, _ = _median(lambda: paket._render_semua(bagian), ulang)
	t_pdf, (pdf, semua) = _median(lambda: paket.buat_pdf(evaluasi), ulang)
	t_zip, arsip = _median(lambda: paket.buat_zip(evaluasi, pdf), ulang)
	t_total, _ = _median(lambda: (lambda p: paket.buat_zip(evaluasi, p[0]))(paket.buat_pdf(evaluasi)), ulang)
	halaman = len(PdfReader(io.BytesIO(pdf)).pages)
	print("| part | seconds |")
	print("|---|---:|")
	print(f"| render {len(dokumen)} print formats to HTML | {t_html:.2f} |")
	print(f"| headless Chromium, one browser for every document | {t_wk:.2f} |")
	print(
		f"| PDF: all of it + cover, Kepatuhan SOP, merge and page numbers ({halaman} pages) | {t_pdf:.2f} |"
	)
	print(f"| ZIP: PDF, Excel work papers, attachments ({len(arsip) // 1024} KiB) | {t_zip:.2f} |")
	print(f"| **whole pack (PDF + ZIP)** | **{t_total:.2f}** |")
	frappe.db.rollback()
