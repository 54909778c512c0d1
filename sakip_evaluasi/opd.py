"""The OPD (Perangkat Daerah) of a new evaluation, and what it takes from its OPD.

Pengaturan SAKIP holds what is one per Pemda (the SLA check, the predikat scale, the upload limit,
the default SOP and calendar); each OPD holds its officials, its own SOP or calendar when it has
one, and its letterhead.
"""

import frappe
from frappe import _

from sakip_evaluasi.izin import opd_pengguna

PENGATURAN = "Pengaturan SAKIP"


def opd_baru(opd: str | None) -> str:
	"""The OPD a new evaluation belongs to: the one chosen; else the user's own OPD (their single
	User Permission on OPD); else the site's only OPD. Refuses with a message otherwise."""
	if not opd:
		milik = opd_pengguna()
		if len(milik) == 1:
			opd = milik[0]
		elif not milik and frappe.db.count("OPD") == 1:
			opd = frappe.get_all("OPD", pluck="name", limit=1)[0]
	if not opd:
		frappe.throw(
			_("Pilih OPD (Perangkat Daerah) yang dievaluasi. Evaluasi belum disimpan."),
			frappe.MandatoryError,
			title=_("OPD belum diisi"),
		)
	aktif = frappe.db.get_value("OPD", opd, "aktif")
	if aktif is None:
		frappe.throw(
			_("OPD {0} tidak ada. Pilih OPD yang terdaftar. Evaluasi belum disimpan.").format(opd),
			frappe.LinkValidationError,
			title=_("OPD tidak dikenal"),
		)
	if not aktif:
		frappe.throw(
			_("OPD {0} tidak aktif. Aktifkan dahulu di formulir OPD. Evaluasi belum disimpan.").format(opd),
			title=_("OPD tidak aktif"),
		)
	return opd


def sop_dan_kalender(opd: str | None) -> tuple[str | None, str | None]:
	"""The SOP and Kalender Kerja an evaluation of ``opd`` follows: the OPD's own, or the Pemda's
	defaults (Pengaturan SAKIP)."""
	sendiri = frappe.db.get_value("OPD", opd, ["sop", "kalender_kerja"], as_dict=True) if opd else None
	pengaturan = frappe.get_cached_doc(PENGATURAN)
	return (
		(sendiri and sendiri.sop) or pengaturan.sop_default,
		(sendiri and sendiri.kalender_kerja) or pengaturan.kalender_kerja_default,
	)
