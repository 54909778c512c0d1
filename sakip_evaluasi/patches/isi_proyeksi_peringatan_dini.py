"""Give the documents saved before peringatan dini existed their projections, and Pengaturan SAKIP its
two thresholds.

Every Data Kinerja Bidang and Kertas Kerja Evaluasi has its rows computed as a save computes them
(``capaian_baris.hitung_semua_baris``: capaian and, beside it, the projection, status and method),
written to the rows only: the documents' modified stamp, workflow state and Versions are left as they
were, and nothing a user entered changes. A document whose realisasi cannot be read is skipped (its
next save says why, as before).
"""

import frappe

from sakip_evaluasi.aturan.capaian_baris import hitung_semua_baris
from sakip_evaluasi.domain.proyeksi import AMBANG_DEFAULT

KOLOM = (
	"target_tahunan",
	"status_proyeksi",
	"proyeksi_realisasi",
	"proyeksi_capaian",
	"kekurangan_proyeksi",
	"metode_proyeksi",
)


def execute() -> None:
	for field, nilai in (
		("ambang_aman_proyeksi", AMBANG_DEFAULT.aman),
		("ambang_kritis_proyeksi", AMBANG_DEFAULT.kritis),
	):
		if frappe.db.get_single_value("Pengaturan SAKIP", field) in (None, "", 0):
			frappe.db.set_single_value("Pengaturan SAKIP", field, float(nilai))
	frappe.clear_document_cache("Pengaturan SAKIP", "Pengaturan SAKIP")
	for doctype in ("Data Kinerja Bidang", "Kertas Kerja Evaluasi"):
		tabel = frappe.get_meta(doctype).get_field("baris").options
		for name in frappe.get_all(doctype, pluck="name"):
			doc = frappe.get_doc(doctype, name)
			if hitung_semua_baris(doc):
				continue
			for row in doc.baris:
				frappe.db.set_value(tabel, row.name, {k: row.get(k) for k in KOLOM}, update_modified=False)
