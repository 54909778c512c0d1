"""The evidence pack of one Evaluasi Kinerja Internal (what the Inspektorat asks for in the LKE AKIP,
KKE Format 4 and 6): one PDF of every document of the triwulan in SOP order, with a cover listing
them and "Halaman n dari N" on every page, and a ZIP of that PDF with the Excel work papers and every
attachment (bukti dukung).

Each document is rendered on its own by its print format (its own paper and orientation), the
wkhtmltopdf runs in parallel, then the pages are merged and numbered with pypdf. The result is kept
as two private Files attached to the evaluation (a new pack replaces the previous one).
"""

import io
import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import frappe
import pdfkit
from frappe import _
from frappe.utils import cint, escape_html, now_datetime
from frappe.utils.pdf import cleanup, prepare_options, scrub_urls
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from sakip_evaluasi.aturan.kertas_kerja import buat_kertas_kerja
from sakip_evaluasi.cetak.konteks import CETAKAN, kertas, kop, periode
from sakip_evaluasi.domain import tulisan
from sakip_evaluasi.domain.doctype import EVALUASI
from sakip_evaluasi.domain.peran import ADMIN_PEMDA, BAPPEDA, INSPEKTORAT, KEPALA_DINAS, SEKRETARIS, SUBKOOR
from sakip_evaluasi.laporan import kepatuhan_sop
from sakip_evaluasi.pejabat.pemegang import sebutan_bidang
from sakip_evaluasi.pejabat.penandatangan import pejabat_pada

PERAN_PAKET = (KEPALA_DINAS, SEKRETARIS, SUBKOOR, INSPEKTORAT, BAPPEDA, ADMIN_PEMDA, "System Manager")
# SOP order of the pack: (kind of print, DocType of its documents)
URUTAN = (
	("lembar_disposisi", "Disposisi"),
	("ringkasan_kertas_kerja", "Kertas Kerja Evaluasi"),
	("data_kinerja_bidang", "Data Kinerja Bidang"),
	("undangan_rapat", "Notulen Rapat"),
	("daftar_hadir", "Notulen Rapat"),
	("notulen_rapat", "Notulen Rapat"),
	("laporan_e81", EVALUASI),
	("matriks_tindak_lanjut", "Tindak Lanjut Evaluasi"),
)
JUDUL = {
	"lembar_disposisi": "Lembar Disposisi",
	"ringkasan_kertas_kerja": "Ringkasan Kertas Kerja Evaluasi",
	"data_kinerja_bidang": "Data Kinerja Bidang",
	"undangan_rapat": "Undangan Rapat",
	"daftar_hadir": "Daftar Hadir",
	"notulen_rapat": "Notulen Rapat",
	"laporan_e81": "Laporan Hasil Evaluasi Kinerja Triwulan (E.81)",
	"matriks_tindak_lanjut": "Matriks Tindak Lanjut",
	"kepatuhan_sop": "Kepatuhan SOP",
}
PARALEL = 2  # wkhtmltopdf runs at a time (the servers have two cores)


@dataclass
class Bagian:
	judul: str
	keterangan: str
	html: str
	options: dict
	pdf: bytes = b""
	halaman: int = 0


def pastikan_boleh(evaluasi: str) -> None:
	"""The pack is for the OPD's officials and the Pemda's readers who can read the evaluation."""
	frappe.has_permission(EVALUASI, "read", evaluasi, throw=True)
	if not set(PERAN_PAKET) & set(frappe.get_roles()):
		frappe.throw(
			_(
				"Paket bukti hanya dapat dibuat oleh Kepala Dinas, Sekretaris, Subkoordinator, Inspektorat, Bappeda atau Admin SAKIP Pemda."
			),
			frappe.PermissionError,
			title=_("Tidak diizinkan"),
		)


def dokumen_paket(evaluasi: str) -> list[tuple[str, str, str]]:
	"""(kind of print, DocType, name) of every document of the evaluation, in SOP order."""
	hasil = []
	for jenis, doctype in URUTAN:
		if doctype == EVALUASI:
			hasil.append((jenis, doctype, evaluasi))
			continue
		urut = "bidang asc, creation asc" if frappe.get_meta(doctype).has_field("bidang") else "creation asc"
		saring = {"evaluasi": evaluasi}
		if doctype == "Disposisi":
			saring["workflow_state"] = ("!=", "Dibatalkan")
		for nama in frappe.get_all(doctype, filters=saring, pluck="name", order_by=urut):
			hasil.append((jenis, doctype, nama))
	return hasil


def _bagian_dokumen(jenis: str, doctype: str, nama: str) -> Bagian:
	_dt, print_format = CETAKAN[jenis]
	doc = frappe.get_doc(doctype, nama)
	html = frappe.get_print(doctype, nama, print_format, doc=doc)
	keterangan = nama
	if doc.get("bidang"):
		keterangan = frappe.db.get_value("Bidang", doc.bidang, "nama_bidang") or doc.bidang
	return _siapkan(JUDUL[jenis], keterangan, html)


# Frappe's bundled print stylesheet (Bootstrap): the layouts carry their own style, and parsing 200 kB
# of CSS (Frappe reads the page options from every <style> with cssutils) would cost seconds a document.
_LINK_CSS = re.compile(r'<link[^>]*rel="stylesheet"[^>]*>')
_BANNER = re.compile(r'<div class="action-banner print-hide">.*?</div>', re.S)


def _siapkan(judul: str, keterangan: str, html: str) -> Bagian:
	html = _LINK_CSS.sub("", _BANNER.sub("", html, count=1))
	html, options = prepare_options(scrub_urls(html), {})
	options.update({"disable-javascript": "", "disable-local-file-access": "", "disable-smart-shrinking": ""})
	options.pop("page-size", None)  # the print format's page-width/page-height decide
	return Bagian(judul, keterangan, html, options)


def _halaman_html(isi: str, landscape: bool = False) -> str:
	"""A page of the pack's own (cover, Kepatuhan SOP) in the documents' style."""
	k = frappe._dict(kertas=kertas(landscape))
	gaya = frappe.render_template(
		'{% from "sakip_evaluasi/templates/cetak/bagian.html" import gaya %}{{ gaya(k) }}', {"k": k}
	)
	return (
		'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
		f'{gaya}</head><body><div class="print-format">{isi}</div></body></html>'
	)


def _kepatuhan(evaluasi) -> Bagian:
	"""The Kepatuhan SOP table of the triwulan (the report's rows per step) and each step's times."""
	filters = frappe._dict(opd=evaluasi.opd, tahun=evaluasi.tahun, triwulan=evaluasi.triwulan)
	rows = kepatuhan_sop.baris_laporan(filters, "Langkah")
	langkah = frappe.get_all(
		"Langkah Evaluasi",
		filters={"evaluasi": evaluasi.name},
		fields=[
			"langkah",
			"kegiatan",
			"bidang",
			"pelaksana",
			"mulai",
			"batas_waktu",
			"selesai",
			"status_sla",
			"terlambat_jam",
		],
		order_by="langkah asc, bidang asc",
	)

	def waktu(x):
		return f"{tulisan.tanggal_panjang(x, False)} {tulisan.jam(x)}" if x else "-"

	isi = [
		frappe.render_template(
			'{% from "sakip_evaluasi/templates/cetak/bagian.html" import kop %}{{ kop(k) }}',
			{"k": frappe._dict(kop=kop(evaluasi.opd))},
		),
		f'<div class="sk-judul">Kepatuhan SOP</div><div class="sk-subjudul">{escape_html(periode(evaluasi))}</div>',
		'<table class="sk-tabel"><thead><tr><th>Langkah</th><th>Langkah Dinilai</th><th>Tepat Waktu</th>'
		"<th>Terlambat</th><th>% Tepat Waktu</th><th>Median Keterlambatan (Jam Kerja)</th>"
		"<th>Keterlambatan Terburuk (Jam Kerja)</th><th>Masih Berjalan</th></tr></thead><tbody>",
	]
	for r in rows:
		isi.append(
			"<tr>"
			f"<td>{escape_html(r['kelompok'])}</td><td class='sk-kanan'>{cint(r.get('jumlah'))}</td>"
			f"<td class='sk-kanan'>{cint(r.get('tepat_waktu'))}</td><td class='sk-kanan'>{cint(r.get('terlambat'))}</td>"
			f"<td class='sk-kanan'>{tulisan.persen_id(r.get('persen_tepat_waktu'))}</td>"
			f"<td class='sk-kanan'>{tulisan.angka_id(r.get('median_terlambat_jam'))}</td>"
			f"<td class='sk-kanan'>{tulisan.angka_id(r.get('terburuk_jam'))}</td>"
			f"<td class='sk-kanan'>{cint(r.get('berjalan'))}</td></tr>"
		)
	if not rows:
		isi.append("<tr><td colspan='8' class='sk-tengah'>-</td></tr>")
	isi.append("</tbody></table><h4 class='sk-bagian'>Waktu setiap langkah</h4>")
	isi.append(
		'<table class="sk-tabel"><thead><tr><th>Langkah</th><th>Kegiatan</th><th>Bidang</th><th>Pelaksana</th>'
		"<th>Mulai</th><th>Batas Waktu</th><th>Selesai</th><th>Status</th><th>Terlambat (Jam Kerja)</th></tr></thead><tbody>"
	)
	nama = {}
	for j in langkah:
		if j.pelaksana and j.pelaksana not in nama:
			nama[j.pelaksana] = pejabat_pada(j.pelaksana, j.mulai, evaluasi.opd).nama
		isi.append(
			"<tr>"
			f"<td class='sk-tengah'>{cint(j.langkah)}</td><td>{escape_html(j.kegiatan or '')}</td>"
			f"<td>{escape_html(sebutan_bidang(j.bidang)) if j.bidang else '-'}</td>"
			f"<td>{escape_html(nama.get(j.pelaksana, '') or '-')}</td>"
			f"<td>{waktu(j.mulai)}</td><td>{waktu(j.batas_waktu)}</td><td>{waktu(j.selesai)}</td>"
			f"<td>{escape_html(j.status_sla or '-')}</td><td class='sk-kanan'>{tulisan.angka_id(j.terlambat_jam)}</td></tr>"
		)
	isi.append("</tbody></table>")
	return _siapkan(JUDUL["kepatuhan_sop"], evaluasi.name, _halaman_html("".join(isi), landscape=True))


def _sampul(evaluasi, bagian: list[Bagian]) -> Bagian:
	k = kop(evaluasi.opd)
	baris, mulai = [], 2
	for i, b in enumerate(bagian, 1):
		baris.append(
			f"<tr><td class='sk-tengah'>{i}</td><td>{escape_html(b.judul)}</td><td>{escape_html(b.keterangan)}</td>"
			f"<td class='sk-kanan'>{mulai}</td></tr>"
		)
		mulai += b.halaman
	isi = (
		frappe.render_template(
			'{% from "sakip_evaluasi/templates/cetak/bagian.html" import kop %}{{ kop(k) }}',
			{"k": frappe._dict(kop=k)},
		)
		+ '<div style="margin-top:30mm" class="sk-judul">Paket Bukti Evaluasi Kinerja Internal</div>'
		f'<div class="sk-subjudul">{escape_html(k.nama_opd)}<br>{escape_html(periode(evaluasi))}</div>'
		'<h4 class="sk-bagian">Daftar Isi</h4><table class="sk-tabel"><thead><tr><th style="width:6%">No.</th>'
		'<th>Dokumen</th><th>Keterangan</th><th style="width:12%">Halaman</th></tr></thead><tbody>'
		+ "".join(baris)
		+ "</tbody></table>"
		f"<p class='sk-kecil'>Disusun oleh aplikasi SAKIP Evaluasi pada {tulisan.tanggal_panjang(now_datetime())} "
		f"pukul {tulisan.jam(now_datetime())}, dari dokumen {escape_html(evaluasi.name)}.</p>"
	)
	return _siapkan("Sampul", evaluasi.name, _halaman_html(isi))


def _render(b: Bagian) -> Bagian:
	try:
		pdf = pdfkit.from_string(b.html, options=b.options, verbose=True)
	finally:
		cleanup(b.options)
	b.pdf, b.halaman = _tanpa_halaman_kosong_akhir(pdf)
	return b


def html_dokumen(doctype: str, nama: str, print_format: str) -> str:
	"""One document's print HTML as its PDF is made from it (Indonesian, the print permission checked by
	the caller)."""
	sebelumnya, bahasa = frappe.flags.ignore_print_permissions, frappe.local.lang
	frappe.flags.ignore_print_permissions, frappe.local.lang = True, "id"
	try:
		return frappe.get_print(doctype, nama, print_format, doc=frappe.get_doc(doctype, nama))
	finally:
		frappe.flags.ignore_print_permissions, frappe.local.lang = sebelumnya, bahasa


def pdf_dokumen(html: str) -> bytes:
	"""The official PDF of one document's print HTML (``html_dokumen``): the app's one way from a print
	to a PDF, the pack's parts and the documents signed electronically alike."""
	return _render(_siapkan("", "", html)).pdf


def _tanpa_halaman_kosong_akhir(pdf: bytes) -> tuple[bytes, int]:
	"""wkhtmltopdf adds an empty last page when a signature block ends just at the bottom of a page:
	drop trailing pages with neither text nor images."""
	reader = PdfReader(io.BytesIO(pdf))
	halaman = len(reader.pages)
	while halaman > 1 and _kosong(reader.pages[halaman - 1]):
		halaman -= 1
	if halaman == len(reader.pages):
		return pdf, halaman
	writer = PdfWriter()
	for page in reader.pages[:halaman]:
		writer.add_page(page)
	keluaran = io.BytesIO()
	writer.write(keluaran)
	return keluaran.getvalue(), halaman


def _kosong(page) -> bool:
	sumber = page.get("/Resources") or {}
	return not page.extract_text().strip() and not (
		sumber.get("/XObject") if hasattr(sumber, "get") else None
	)


def _render_semua(bagian: list[Bagian]) -> None:
	with ThreadPoolExecutor(max_workers=PARALEL) as pool:
		list(pool.map(_render, bagian))


def _nomor_halaman(writer: PdfWriter) -> None:
	"""Stamp "Halaman n dari N" at the bottom centre of every page (pypdf content stream, Helvetica)."""
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


def buat_pdf(evaluasi: str) -> tuple[bytes, list[Bagian]]:
	"""The pack's PDF of ``evaluasi`` and its parts (cover first)."""
	eki = frappe.get_doc(EVALUASI, evaluasi)
	sebelumnya, bahasa = frappe.flags.ignore_print_permissions, frappe.local.lang
	frappe.flags.ignore_print_permissions = True  # the reader's right was checked on the evaluation
	frappe.local.lang = "id"  # the documents are Indonesian, whatever the reader's desk language
	try:
		bagian = [_bagian_dokumen(*d) for d in dokumen_paket(evaluasi)]
		bagian.append(_kepatuhan(eki))
		_render_semua(bagian)
		sampul = _render(_sampul(eki, bagian))
	finally:
		frappe.flags.ignore_print_permissions, frappe.local.lang = sebelumnya, bahasa
	writer = PdfWriter()
	for b in [sampul, *bagian]:
		writer.append(PdfReader(io.BytesIO(b.pdf)))
	_nomor_halaman(writer)
	keluaran = io.BytesIO()
	writer.write(keluaran)
	return keluaran.getvalue(), [sampul, *bagian]


def lampiran(evaluasi: str) -> list[tuple[str, bytes]]:
	"""(path in the ZIP, content) of every file attached to the evaluation's documents and of every
	bukti dukung field, once each."""
	dokumen = [(EVALUASI, evaluasi)] + [(dt, nama) for _j, dt, nama in dokumen_paket(evaluasi)]
	dokumen = list(dict.fromkeys(dokumen))
	File = frappe.qb.DocType("File")
	kondisi = None
	for dt, nama in dokumen:
		c = (File.attached_to_doctype == dt) & (File.attached_to_name == nama)
		kondisi = c if kondisi is None else kondisi | c
	berkas = (
		frappe.qb.from_(File)
		.select(File.name, File.file_name, File.file_url, File.attached_to_doctype, File.attached_to_name)
		.where(kondisi & (File.is_folder == 0))
		.where(~File.file_name.like("Paket Bukti %"))
		.run(as_dict=True)
	)
	hasil, dilihat = [], set()
	for f in berkas:
		if not f.file_url or f.file_url in dilihat:
			continue
		dilihat.add(f.file_url)
		try:
			isi = frappe.get_doc("File", f.name).get_content()
		except Exception:
			continue  # a record whose file is gone from disk
		if isinstance(isi, str):
			isi = isi.encode()
		hasil.append((f"Bukti Dukung/{f.attached_to_name}/{f.file_name}", isi))
	return hasil


def buat_zip(evaluasi: str, pdf: bytes) -> bytes:
	keluaran = io.BytesIO()
	with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
		z.writestr(f"Paket Bukti {evaluasi}.pdf", pdf)
		for _j, dt, nama in dokumen_paket(evaluasi):
			if dt in ("Kertas Kerja Evaluasi", "Data Kinerja Bidang"):
				nama_file, isi = buat_kertas_kerja(dt, nama)
				z.writestr(f"Kertas Kerja/{nama_file}", isi)
		for path, isi in lampiran(evaluasi):
			z.writestr(path, isi)
	return keluaran.getvalue()


def simpan_paket(evaluasi: str) -> dict:
	"""Make the pack of ``evaluasi`` and keep it as two private Files attached to it (replacing the
	previous pack): {"pdf": url, "zip": url, "halaman": pages, "dokumen": parts}."""
	pastikan_boleh(evaluasi)
	pdf, bagian = buat_pdf(evaluasi)
	arsip = buat_zip(evaluasi, pdf)
	hasil = {
		"halaman": sum(b.halaman for b in bagian),
		"dokumen": [[b.judul, b.keterangan, b.halaman] for b in bagian],
	}
	for ext, isi in (("pdf", pdf), ("zip", arsip)):
		nama_file = f"Paket Bukti {evaluasi}.{ext}"
		for lama in frappe.get_all(
			"File",
			filters={"attached_to_doctype": EVALUASI, "attached_to_name": evaluasi, "file_name": nama_file},
			pluck="name",
		):
			frappe.delete_doc("File", lama, ignore_permissions=True)
		berkas = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": nama_file,
				"attached_to_doctype": EVALUASI,
				"attached_to_name": evaluasi,
				"is_private": 1,
				"content": isi,
			}
		).insert(ignore_permissions=True)
		hasil[ext] = berkas.file_url
	return hasil


# --------------------------------------------------------------------------- in the background

ACARA_SELESAI = "sakip_paket_bukti"  # realtime event to the user who asked, with simpan_paket's answer


def antrekan(evaluasi: str) -> dict:
	"""Queue the pack of ``evaluasi`` (one job per evaluation at a time): the user is told on the page
	(realtime) and by a notification when it is ready."""
	pastikan_boleh(evaluasi)
	frappe.enqueue(
		"sakip_evaluasi.cetak.paket.buat_di_latar",
		queue="long",
		timeout=1800,
		job_id=f"paket-bukti-{evaluasi}",
		deduplicate=True,
		evaluasi=evaluasi,
		user=frappe.session.user,
	)
	return {"antre": True, "evaluasi": evaluasi}


def buat_di_latar(evaluasi: str, user: str) -> dict:
	"""The job: the pack made as ``user``, then the notification and the realtime answer."""
	frappe.set_user(user)
	try:
		hasil = simpan_paket(evaluasi)
	except Exception:
		frappe.db.rollback()
		frappe.log_error(title=f"Paket bukti {evaluasi}")
		frappe.publish_realtime(ACARA_SELESAI, {"evaluasi": evaluasi, "gagal": True}, user=user)
		raise
	frappe.get_doc(
		{
			"doctype": "Notification Log",
			"for_user": user,
			"type": "Alert",
			"document_type": EVALUASI,
			"document_name": evaluasi,
			"subject": _("Paket bukti {0} siap: {1} halaman (PDF dan ZIP terlampir pada evaluasi).").format(
				evaluasi, hasil["halaman"]
			),
		}
	).insert(ignore_permissions=True)
	# the job commits when it ends; the page is told after that
	frappe.publish_realtime(ACARA_SELESAI, {"evaluasi": evaluasi, **hasil}, user=user, after_commit=True)
	return hasil
