"""Rekapitulasi Nilai AKIP: per OPD of a year, its four component values, the Nilai AKIP and its
predikat, its rank among the OPD and the change from the year before — the table the Inspektorat
sends to the Bupati (and that LKE criteria 4.a.2 and 4.c.1 ask for).

The Inspektorat's values count once the review has them (Disetujui, Final); before that the row shows
the OPD's self-assessment and says so. Read with ``frappe.get_list`` as the session user: an OPD's
users see their own OPD; the Inspektorat, Bappeda and the Admin SAKIP Pemda every OPD.
"""

import frappe
from frappe import _
from frappe.utils import flt

from sakip_evaluasi.domain.akip import DISETUJUI, FINAL, dua_desimal, label_predikat, predikat_akip
from sakip_evaluasi.domain.doctype import AKIP

KOMPONEN = ("1", "2", "3", "4")
_DINILAI_INSPEKTORAT = (DISETUJUI, FINAL)


def nilai_per_opd(tahun: int) -> dict[str, dict]:
	"""Per OPD: its evaluation of ``tahun``, the values that count and whose they are."""
	evaluasi = frappe.get_list(
		AKIP,
		filters={"tahun": tahun},
		fields=["name", "opd", "nama_opd", "workflow_state", "nilai_opd", "nilai_akhir"],
		limit_page_length=0,
	)
	if not evaluasi:
		return {}
	komponen: dict[str, dict[str, tuple[float, float]]] = {}
	for r in frappe.get_all(
		"Nilai Komponen AKIP",
		filters={"parenttype": AKIP, "parent": ("in", [e.name for e in evaluasi])},
		fields=["parent", "kode", "nilai_opd", "nilai_inspektorat"],
	):
		komponen.setdefault(r.parent, {})[r.kode] = (flt(r.nilai_opd), flt(r.nilai_inspektorat))
	hasil = {}
	for e in evaluasi:
		apip = e.workflow_state in _DINILAI_INSPEKTORAT
		nilai = flt(e.nilai_akhir if apip else e.nilai_opd)
		hasil[e.opd] = {
			"evaluasi": e.name,
			"opd": e.opd,
			"nama_opd": e.nama_opd,
			"status": e.workflow_state,
			"sumber": _("Inspektorat") if apip else _("Penilaian mandiri"),
			"nilai": nilai,
			**{f"komponen_{k}": komponen.get(e.name, {}).get(k, (0, 0))[1 if apip else 0] for k in KOMPONEN},
		}
	return hasil


def baris_laporan(tahun: int) -> list[dict]:
	sekarang = nilai_per_opd(tahun)
	lalu = nilai_per_opd(tahun - 1)
	data = sorted(sekarang.values(), key=lambda r: (-r["nilai"], r["opd"]))
	peringkat, sebelumnya = 0, None
	for i, r in enumerate(data, 1):
		if r["nilai"] != sebelumnya:
			peringkat, sebelumnya = i, r["nilai"]
		r["peringkat"] = peringkat
		predikat = predikat_akip(dua_desimal(r["nilai"]))
		r["predikat"] = f"{predikat} ({label_predikat(predikat)})"
		lama = lalu.get(r["opd"])
		r["nilai_lalu"] = lama["nilai"] if lama else None
		r["perubahan"] = flt(r["nilai"] - lama["nilai"], 2) if lama else None
	return data
