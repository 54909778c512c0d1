"""The LKjIP (Laporan Kinerja) in the form: draft or regenerate it, its Word file out and back in, its
PDF and the e-SAKIP ZIP (``aturan.laporan_kinerja``, ``cetak.laporan_kinerja``)."""

import frappe

from sakip_evaluasi.aturan import laporan_kinerja as lk
from sakip_evaluasi.cetak import laporan_kinerja as cetak

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _unduh(nama_file: str, isi: bytes, jenis: str) -> None:
	frappe.response["filename"] = nama_file
	frappe.response["filecontent"] = isi
	frappe.response["content_type"] = jenis
	frappe.response["type"] = "download"


def _baca(nama: str):
	doc = frappe.get_doc(lk.LKJIP, nama)
	doc.check_permission("read")
	return doc


@frappe.whitelist(methods=["POST"])
def susun(opd: str, tahun: int) -> str:
	"""Draft the LKjIP of ``opd`` and ``tahun`` from the data, or regenerate its tables; its name."""
	return lk.susun(opd, int(tahun))


@frappe.whitelist(methods=["GET"])
def unduh_word(nama: str) -> None:
	doc = _baca(nama)
	_unduh(f"{doc.name}.docx", cetak.word(doc), DOCX)


@frappe.whitelist(methods=["POST"])
def unggah_word(nama: str, file_url: str) -> dict:
	"""Read back an edited Word file attached as ``file_url``; it becomes the report's Word file."""
	berkas = frappe.get_doc("File", {"file_url": file_url})
	berkas.check_permission("read")
	hasil = cetak.unggah_word(nama, berkas.get_content())
	frappe.db.set_value(lk.LKJIP, nama, "berkas_word", file_url, update_modified=False)
	return hasil


@frappe.whitelist(methods=["GET"])
def unduh_pdf(nama: str) -> None:
	doc = _baca(nama)
	_unduh(f"{doc.name}.pdf", cetak.pdf(doc), "application/pdf")


@frappe.whitelist(methods=["GET"])
def unduh_zip(nama: str) -> None:
	doc = _baca(nama)
	_unduh(f"e-SAKIP-{doc.name}.zip", cetak.zip_esakip(doc), "application/zip")
