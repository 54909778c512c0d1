"""Seeds of the electronic signatures: the signing rules of the app's final documents in Pengaturan
TTE, once per site (an administrator's later edits, deletions included, are kept). The service's address
and credentials are never seeded: a site signs nothing until an administrator points it at the Pemda's
eSign Client Service (docs/operasi.md)."""

import frappe

from sakip_evaluasi.domain.doctype import PENGATURAN_TTE
from sakip_evaluasi.domain.peran import KEPALA_BIDANG, KEPALA_DINAS

# (print format, order, role, document field holding the signer, required workflow state, x mm, may be uploaded)
ATURAN_BAWAAN = (
	("Notulen Rapat Resmi", 1, None, "pimpinan_rapat", "Disahkan", 120, 0),
	("Notulen Rapat Resmi", 2, None, "notulis", "Disahkan", 20, 0),
	("Laporan Hasil Evaluasi Kinerja Triwulan", 1, KEPALA_DINAS, None, None, 220, 0),
	("Matriks Tindak Lanjut", 1, KEPALA_BIDANG, None, "Diterima", 20, 0),
	("Matriks Tindak Lanjut", 2, KEPALA_DINAS, None, "Diterima", 220, 0),
)


def pasang_aturan_bawaan() -> None:
	s = frappe.get_single(PENGATURAN_TTE)
	if s.aturan_bawaan_dipasang:
		return
	if not s.aturan:
		for pf, urutan, peran, kolom, status, x, unggah in ATURAN_BAWAAN:
			if not frappe.db.exists("Print Format", pf):
				continue
			s.append(
				"aturan",
				{
					"print_format": pf,
					"doctype_dokumen": frappe.db.get_value("Print Format", pf, "doc_type"),
					"urutan": urutan,
					"peran": peran,
					"kolom_user": kolom,
					"status_dokumen": status,
					"boleh_unggah": unggah,
					"tampilan": "Terlihat",
					"halaman": 0,
					"x_mm": x,
					"y_mm": 18,
					"lebar_mm": 70,
					"tinggi_mm": 25,
				},
			)
	s.batas_waktu_detik = s.batas_waktu_detik or 30
	s.aturan_bawaan_dipasang = 1
	s.flags.ignore_permissions = True
	s.save()
