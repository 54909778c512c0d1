"""The workflow rules of the SOP documents, for their forms (``sakip_evaluasi.aturan.alur_kerja``)."""

import random
import time

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.model.workflow import apply_workflow

from sakip_evaluasi.aturan import alur_kerja
from sakip_evaluasi.pejabat.penunjukan import (
	pastikan_penunjukan_berlaku,
	pastikan_wewenang_bidang,
	peran_transisi,
)


@frappe.whitelist()
def aturan_isian(doctype: str) -> dict[str, dict | None]:
	"""Per workflow state of ``doctype``, what the session user may change (None: nothing); the form
	locks the rest, and every save enforces the same rule."""
	return alur_kerja.aturan_isian(doctype)


# Attempts of a workflow action that MariaDB chose as a deadlock victim, and the longest pause between two.
PERCOBAAN_TINDAKAN = 6
JEDA_TERLAMA = 2.0


@frappe.whitelist(methods=["POST"])
def ambil_tindakan(doc: str | dict, action: str) -> Document:
	"""Frappe's ``apply_workflow`` (the desk's action menu and REST answer here through
	``override_whitelisted_methods``), with these additions:

	- an acting official (Plt/Plh) whose appointment does not run today is refused with a message
	  that says so, before Frappe's own checks (which would only say the action is not valid once the
	  scheduled job has taken their role away);
	- a Kepala Bidang acting over the OPD (e.g. Plh Sekretaris) is told that what their own bidang
	  submitted is verified by the Kepala Dinas;
	- an action MariaDB ends as a deadlock victim is tried again (``coba_lagi_bila_deadlock``)."""
	data = frappe.parse_json(doc)
	if data.get("doctype") and data.get("name") and alur_kerja.dokumen_alur_kerja_sop(data["doctype"]):
		tersimpan = frappe.get_doc(data["doctype"], data["name"])
		pastikan_penunjukan_berlaku(
			tersimpan, peran_transisi(tersimpan.doctype, tersimpan.get("workflow_state"), aksi=action)
		)
		pastikan_wewenang_bidang(tersimpan, action)
	return coba_lagi_bila_deadlock(lambda: apply_workflow(doc, action), action, data)


def coba_lagi_bila_deadlock(tindakan, action: str, data: dict):
	"""Run ``tindakan``; a deadlock victim is run again. At the end of a quarter many transitions move one
	evaluation at the same moment (each locks the evaluation, its clocks and Frappe's Workflow Action
	rows); InnoDB then rolls one transaction back whole and asks for it to be retried: nothing of it
	was written, so it is run again — up to ``PERCOBAAN_TINDAKAN`` times, with a growing random pause
	so the contenders part. Should every attempt lose, the traceback goes to the Error Log and the
	user is told, in words, that nothing was saved and to try again (HTTP 417, as a save that met a
	newer version is told; not a server error)."""
	for percobaan in range(1, PERCOBAAN_TINDAKAN + 1):
		jumlah_pesan = len(frappe.local.message_log)
		try:
			return tindakan()
		except frappe.QueryDeadlockError:
			jejak = frappe.get_traceback(with_context=True)
			frappe.db.rollback()
			del frappe.local.message_log[jumlah_pesan:]
			if percobaan == PERCOBAAN_TINDAKAN:
				break
			time.sleep(min(JEDA_TERLAMA, random.uniform(0.05, 0.25) * 2 ** (percobaan - 1)))
	# Deferred: the request's rollback would take an Error Log inserted now with it.
	frappe.log_error(
		f"Tindakan '{action}' kalah deadlock {PERCOBAAN_TINDAKAN} kali",
		jejak,
		reference_doctype=data.get("doctype"),
		reference_name=data.get("name"),
		defer_insert=True,
	)
	frappe.throw(
		_(
			"Tindakan {0} belum tersimpan: dokumen ini sedang diproses bersamaan oleh pengguna lain. "
			"Tidak ada yang berubah; silakan ulangi tindakan ini."
		).format(_(action)),
		frappe.TimestampMismatchError,
		title=_("Belum tersimpan"),
	)
