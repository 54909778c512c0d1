"""Evaluasi AKIP for the desk: link the evidence the app holds, list the differences, and make the
LKE of a year (``sakip_evaluasi.aturan.akip``, ``aturan.akip_bukti``, ``aturan.lke``)."""

import frappe
from frappe import _

from sakip_evaluasi.api.kertas_kerja import batasi_unggah_per_pengguna, unduhan
from sakip_evaluasi.aturan import akip, lke_excel
from sakip_evaluasi.aturan.akip_bukti import tautkan_bukti_aplikasi
from sakip_evaluasi.aturan.lke import pastikan_lke
from sakip_evaluasi.cetak import folder_bukti, lhe
from sakip_evaluasi.domain.doctype import AKIP, LKE


@frappe.whitelist(methods=["POST"])
def tautkan_bukti(evaluasi: str) -> dict:
	"""Link every document of the app that evidences a criterion and is not linked yet (the OPD's own,
	of the assessed year); saved as the session user, so only while the OPD may edit."""
	doc = frappe.get_doc(AKIP, evaluasi)
	doc.check_permission("write")
	jumlah = tautkan_bukti_aplikasi(doc)
	if jumlah:
		doc.save()
	return {"ditambahkan": jumlah}


@frappe.whitelist()
@frappe.read_only()
def perbedaan(evaluasi: str) -> list[dict]:
	"""The criteria where the Inspektorat's answer differs from the OPD's."""
	doc = frappe.get_doc(AKIP, evaluasi)
	doc.check_permission("read")
	return akip.perbedaan(doc)


@frappe.whitelist(methods=["POST"])
def buat_lke(tahun: int) -> str:
	"""The LKE of ``tahun``: a copy of the latest earlier one (or the reference), when missing."""
	frappe.has_permission(LKE, "create", throw=True)
	if not 2000 <= int(tahun) <= 2100:
		frappe.throw(_("Tahun {0} tidak sah. Tidak ada data yang diubah.").format(tahun))
	return pastikan_lke(int(tahun))


@frappe.whitelist(methods=["GET"])
def unduh_lke(evaluasi: str) -> None:
	"""The LKE workbook (.xlsx) of an evaluation, with the current party's columns to fill."""
	unduhan(*lke_excel.buat_lke_excel(evaluasi))


@frappe.whitelist(methods=["POST"])
@batasi_unggah_per_pengguna
def impor_lke(evaluasi: str, file_url: str | None = None) -> dict:
	"""Import a filled LKE workbook (the uploaded ``file`` or a File attached to the evaluation), all
	or nothing; a refused file lists every problem by cell and writes nothing."""
	return lke_excel.impor_lke_excel(evaluasi, file_url)


@frappe.whitelist(methods=["GET"])
def unduh_lhe(evaluasi: str) -> None:
	"""The Laporan Hasil Evaluasi (PDF) of a final evaluation."""
	unduhan(*lhe.pdf_lhe(evaluasi), "application/pdf")


@frappe.whitelist(methods=["POST"])
def buat_folder_bukti(evaluasi: str) -> dict:
	"""Queue the evidence folders (ZIP) of an evaluation; a notification tells when it is ready."""
	return folder_bukti.antrekan(evaluasi)
