"""The step clocks as the desk shows them: status derived from the clock now, not from the last check,
with the colour the desk shows it in (``domain.sla.WARNA_STATUS``).

The endpoints that serve them are in ``sakip_evaluasi.api.sla``.
"""

from datetime import datetime

import frappe
from frappe import _
from frappe.desk import reportview
from frappe.utils import get_datetime, get_fullname, now_datetime

from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.doctype import LANGKAH
from sakip_evaluasi.sla.kalender import kalender_evaluasi
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
# What a step's status is derived from.
KOLOM_JAM = ("batas_waktu", "batas_peringatan", "selesai")


def status_kini(langkah, sekarang: datetime) -> str:
	"""The SLA status at ``sekarang`` of a step's clock: a Langkah Evaluasi, or a row with its
	batas_waktu, batas_peringatan and selesai."""
	return sla.status_pada(
		sekarang,
		get_datetime(langkah.batas_waktu),
		get_datetime(langkah.batas_peringatan) if langkah.batas_peringatan else None,
		get_datetime(langkah.selesai) if langkah.selesai else None,
	)


def jam_langkah(evaluasi: str) -> dict:
	"""Every clock of ``evaluasi`` the user may read: started, due, finished, status (and its colour)
	and late by (working hours)."""
	eki = frappe.get_doc("Evaluasi Kinerja Internal", evaluasi)
	eki.check_permission("read")
	sekarang = now_datetime()
	kalender = kalender_evaluasi(eki)
	baris = []
	for j in frappe.get_list(
		LANGKAH,
		filters={"evaluasi": evaluasi},
		fields=list(KOLOM),
		order_by="langkah asc, bidang asc",
	):
		status = status_kini(j, sekarang)
		terlambat = 0.0
		if status in (sla.TERLAMBAT, sla.SELESAI_TERLAMBAT):
			terlambat = sla.keterlambatan_jam(
				kalender, get_datetime(j.batas_waktu), get_datetime(j.selesai) if j.selesai else sekarang
			)
		baris.append(
			{
				**j,
				"status_sla": status,
				"warna_sla": sla.WARNA_STATUS[status],
				"terlambat_jam": terlambat,
				"nama_pelaksana": get_fullname(j.pelaksana) if j.pelaksana else "",
			}
		)
	return {"sekarang": sekarang, "langkah": baris, **ringkasan_langkah(evaluasi)}


def daftar_langkah(args: frappe._dict) -> dict | list:
	"""The rows of the Langkah Evaluasi list as ``frappe.desk.reportview.get`` gives them (``args``:
	its parameters, already checked by ``reportview.get_form_params``), each with ``status_sla``
	derived from the clock now and ``warna_sla``, its colour."""
	if args.doctype != LANGKAH:
		frappe.throw(_("Daftar ini hanya untuk {0}.").format(_(LANGKAH)))
	args.fields = list(args.fields or [f"`tab{LANGKAH}`.`name`"])
	args.fields += [
		kolom for f in ("status_sla", *KOLOM_JAM) if (kolom := f"`tab{LANGKAH}`.`{f}`") not in args.fields
	]
	sekarang = now_datetime()
	rows = reportview.execute(**args)
	for row in rows:
		row.status_sla = status_kini(row, sekarang)
		row.warna_sla = sla.WARNA_STATUS[row.status_sla]
	return reportview.compress(rows, args=args)
