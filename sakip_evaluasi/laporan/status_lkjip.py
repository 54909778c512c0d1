"""Every OPD's LKjIP of a year for the Pemda (Admin SAKIP Pemda, Inspektorat): its stage and how late it
is against the Pemda's deadline (Pengaturan SAKIP, default the end of February), with the number
cards; and the daily reminder to the OPD's officials before the deadline."""

import frappe
from frappe import _
from frappe.utils import getdate

from sakip_evaluasi.domain.doctype import LKJIP, OPD, PENGATURAN
from sakip_evaluasi.domain.lkjip import model as m


def batas(tahun: int):
	p = frappe.get_cached_doc(PENGATURAN)
	return m.batas_lkjip(int(tahun), p.get("bulan_batas_lkjip") or 2, p.get("tanggal_batas_lkjip") or 0)


def baris_status(tahun: int, hari_ini=None) -> list[dict]:
	"""One row per active OPD: its LKjIP (or none), stage, deadline and days late."""
	hari_ini = getdate(hari_ini)
	b = batas(tahun)
	lkjip = {
		r.opd: r
		for r in frappe.get_all(
			LKJIP,
			filters={"tahun": tahun},
			fields=["name", "opd", "workflow_state", "tanggal_final", "rata_rata_capaian"],
		)
	}
	hasil = []
	for opd in frappe.get_all(OPD, filters={"aktif": 1}, fields=["name", "nama_opd"], order_by="name"):
		r = lkjip.get(opd.name)
		selesai = getdate(r.tanggal_final) if r and r.tanggal_final else None
		hasil.append(
			{
				"opd": opd.name,
				"nama_opd": opd.nama_opd,
				"laporan_kinerja": r.name if r else None,
				"tahap": r.workflow_state if r else None,
				"rata_rata_capaian": r.rata_rata_capaian if r else None,
				"batas": b,
				"terlambat_hari": m.terlambat_hari(b, selesai, hari_ini),
			}
		)
	return hasil


def kartu(baris: list[dict]) -> list[dict]:
	"""The report's number cards."""
	r = m.ringkas_status((x["tahap"], x["terlambat_hari"]) for x in baris)
	return [
		{"label": _("OPD"), "value": r.jumlah, "indicator": "Blue", "datatype": "Int"},
		{"label": _("LKjIP Final"), "value": r.final, "indicator": "Green", "datatype": "Int"},
		{"label": _("Belum Disusun"), "value": r.belum_ada, "indicator": "Orange", "datatype": "Int"},
		{"label": _("Terlambat"), "value": r.terlambat, "indicator": "Red", "datatype": "Int"},
		{
			"label": _("Dalam Reviu"),
			"value": r.per_tahap.get(m.DALAM_REVIU, 0),
			"indicator": "Purple",
			"datatype": "Int",
		},
	]


def ingatkan_batas() -> None:
	"""Daily: the officials of every OPD whose LKjIP of last year is not final are reminded 14, 7, 3 and 1
	days before the deadline (a bell notification)."""
	hari_ini = getdate()
	tahun = hari_ini.year - 1
	b = batas(tahun)
	if not m.perlu_pengingat(b, hari_ini):
		return
	for r in baris_status(tahun, hari_ini):
		if r["tahap"] == m.FINAL:
			continue
		try:
			_ingatkan(r, b, tahun)
		except Exception:
			frappe.log_error(title=_("Pengingat LKjIP {0} gagal").format(r["opd"]))


def _ingatkan(r: dict, b, tahun: int) -> None:
	pejabat = frappe.db.get_value(OPD, r["opd"], ["kepala_dinas", "sekretaris", "subkoordinator"]) or ()
	subjek = _("LKjIP {0} tahun {1} jatuh tempo {2} (tahap: {3})").format(
		r["opd"], tahun, frappe.utils.formatdate(b), _(r["tahap"]) if r["tahap"] else _("belum disusun")
	)
	for user in {u for u in pejabat if u}:
		frappe.get_doc(
			{
				"doctype": "Notification Log",
				"for_user": user,
				"type": "Alert",
				"subject": subjek,
				"document_type": LKJIP if r["laporan_kinerja"] else None,
				"document_name": r["laporan_kinerja"],
			}
		).insert(ignore_permissions=True)
