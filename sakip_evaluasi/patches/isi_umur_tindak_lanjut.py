"""Give the follow-ups written before carrying forward existed their first date and period, a Tuntas
row its completion date, and each Tindak Lanjut Evaluasi its aging columns.

A row's first date is the day of the meeting that made the recommendation (the Notulen's
``tanggal_rapat``), else the day its Tindak Lanjut was created; a Tuntas row without a completion
date gets the day its document was last changed. Written to the rows and the two aging columns
only: modified stamps, workflow states and Versions stay as they were, and nothing a user entered
changes. A Tuntas row that has no bukti keeps its status; its next submission asks for one.
"""

import frappe
from frappe.utils import getdate

from sakip_evaluasi.aturan.tindak_lanjut import ringkas
from sakip_evaluasi.domain.doctype import TL
from sakip_evaluasi.domain.tindak_lanjut import TUNTAS, label_periode


def execute() -> None:
	for name in frappe.get_all(TL, pluck="name"):
		doc = frappe.get_doc(TL, name)
		tanggal_rapat = doc.notulen and frappe.db.get_value("Notulen Rapat", doc.notulen, "tanggal_rapat")
		awal = getdate(tanggal_rapat or doc.creation)
		for row in doc.baris:
			isi = {}
			if not row.tanggal_rekomendasi:
				isi["tanggal_rekomendasi"] = row.tanggal_rekomendasi = awal
			if not row.triwulan_asal and doc.triwulan and doc.tahun:
				isi["triwulan_asal"] = label_periode(doc.triwulan, doc.tahun)
			if row.status == TUNTAS and not row.tanggal_tuntas:
				isi["tanggal_tuntas"] = getdate(doc.modified)
			if isi:
				frappe.db.set_value(row.doctype, row.name, isi, update_modified=False)
		ringkas(doc)
		frappe.db.set_value(
			TL,
			name,
			{"jumlah_belum_tuntas": doc.jumlah_belum_tuntas, "rekomendasi_tertua": doc.rekomendasi_tertua},
			update_modified=False,
		)
