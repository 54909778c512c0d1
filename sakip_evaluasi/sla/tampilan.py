"""The step clocks as the desk shows them: status derived from the clock now, not from the last check.

The endpoints that serve them are in ``sakip_evaluasi.api.sla``.
"""

import frappe
from frappe.utils import get_datetime, get_fullname, now_datetime

from sakip_evaluasi.domain import sla
from sakip_evaluasi.sla.dasar import kalender_evaluasi
from sakip_evaluasi.sla.mesin import ringkasan_langkah

KOLOM = (
	"name",
	"langkah",
	"kegiatan",
	"bidang",
	"pelaksana",
	"mulai",
	"batas_peringatan",
	"batas_waktu",
	"selesai",
	"waktu",
	"satuan",
)


def jam_langkah(evaluasi: str) -> dict:
	"""Every clock of ``evaluasi`` the user may read: started, due, finished, status and late by (working hours)."""
	eki = frappe.get_doc("Evaluasi Kinerja Internal", evaluasi)
	eki.check_permission("read")
	sekarang = now_datetime()
	kalender = kalender_evaluasi(eki)
	baris = []
	for j in frappe.get_list(
		"Langkah Evaluasi",
		filters={"evaluasi": evaluasi},
		fields=list(KOLOM),
		order_by="langkah asc, bidang asc",
	):
		batas = get_datetime(j.batas_waktu)
		selesai = get_datetime(j.selesai) if j.selesai else None
		status = sla.status_pada(
			sekarang, batas, get_datetime(j.batas_peringatan) if j.batas_peringatan else None, selesai
		)
		terlambat = 0.0
		if status in (sla.TERLAMBAT, sla.SELESAI_TERLAMBAT):
			terlambat = sla.keterlambatan_jam(kalender, batas, selesai or sekarang)
		baris.append(
			{
				**j,
				"status_sla": status,
				"terlambat_jam": terlambat,
				"nama_pelaksana": get_fullname(j.pelaksana) if j.pelaksana else "",
			}
		)
	return {"sekarang": sekarang, "langkah": baris, **ringkasan_langkah(evaluasi)}
