"""The Excel work paper of a Data Kinerja Bidang or a Kertas Kerja Evaluasi: download it, upload it
filled back (``sakip_evaluasi.kertas_kerja_excel``)."""

import frappe

from sakip_evaluasi import kertas_kerja_excel


@frappe.whitelist(methods=["GET"])
def unduh(doctype: str, docname: str) -> None:
	"""Download the work paper of a document the session user may read (an .xlsx file)."""
	nama_file, isi = kertas_kerja_excel.buat_kertas_kerja(doctype, docname)
	frappe.response["filename"] = nama_file
	frappe.response["filecontent"] = isi
	frappe.response["content_type"] = kertas_kerja_excel.JENIS_XLSX
	frappe.response["type"] = "download"


@frappe.whitelist(methods=["POST"])
def impor(doctype: str, docname: str, file_url: str | None = None) -> dict:
	"""Import a filled work paper: the uploaded ``file`` (multipart) or a File attached to the document.
	A problem with the file is answered in the result (``berhasil`` false, every problem listed) and
	writes nothing."""
	return kertas_kerja_excel.impor_berkas(doctype, docname, file_url)
