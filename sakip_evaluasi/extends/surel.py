"""E-mail on a site with or without an outgoing Email Account.

Frappe e-mails a Workflow Action (with signed approve/reject links) on every transition of a
Workflow whose *Send Email Alert* is on. On a site without an outgoing Email Account each attempt
fails and lands in the Error Log ("Failed to send workflow action email"), for every transition.
This module keeps Frappe's own switch, ``Workflow.send_email_alert`` of the app's workflows, in
step with the site:

- no outgoing e-mail: the app switches the e-mail of its workflows off (and remembers which ones
  it switched), and the System Managers are told once, by a Notification Log, that e-mail is off
  and how to turn it on; the Pengaturan SAKIP form says so as long as it is off;
- an outgoing account appears: the workflows the app switched off are switched on again, so
  Workflow Action e-mails go out; a workflow whose e-mail an administrator switched off stays off.

The e-mail records of the handover Notifications (``aturan/serah.py``) follow the site the same way:
off while it cannot send e-mail, on again only the ones the app switched off.

The bell is not affected: the SLA engine's Notification Logs (each step's turn, Hampir Jatuh
Tempo, Terlambat) and the meeting invitations are written with or without e-mail, and the engine
queues its own e-mails only when :func:`surel_keluar_aktif`.

Runs after install and after every migrate, and whenever an Email Account is saved or deleted
(``doc_events`` in ``hooks.py``). Mail settings in ``site_config.json`` are seen at the next migrate.
"""

import frappe
from frappe import _

from sakip_evaluasi.aturan.serah import SERAH, SUREL, definisi
from sakip_evaluasi.aturan.workflow import KUNCI_SUREL_DIMATIKAN, definisi_workflow, dimatikan_aplikasi
from sakip_evaluasi.domain.doctype import PENGATURAN
from sakip_evaluasi.pejabat.pemegang import pemegang_aktif

_KUNCI_DIBERITAHUKAN = "sakip_evaluasi_surel_mati_diberitahukan"
# The handover Notification e-mail records the app switched off (one name a line).
KUNCI_PEMBERITAHUAN_DIMATIKAN = "sakip_evaluasi_pemberitahuan_surel_dimatikan"


def surel_keluar_aktif() -> bool:
	"""Whether Frappe can queue e-mail here: a default outgoing Email Account, mail settings in
	``site_config.json``, or e-mail muted on purpose (then Frappe queues without sending)."""
	from frappe.email.doctype.email_account.email_account import EmailAccount

	return bool(
		frappe.db.exists("Email Account", {"enable_outgoing": 1, "default_outgoing": 1})
		or EmailAccount.find_from_config()
		or frappe.are_emails_muted()
	)


def workflow_aplikasi() -> list[str]:
	"""The app's shipped workflows that send Workflow Action e-mails by definition."""
	return [d["name"] for d in definisi_workflow() if d.get("send_email_alert")]


def selaraskan_surel() -> dict[str, bool]:
	"""Switch the app's e-mails on or off to match the site: the workflows' Workflow Action e-mails
	and the handover Notifications' e-mail records. Returns workflow → e-mail on."""
	aktif = surel_keluar_aktif()
	hasil = _selaraskan_workflow(aktif)
	_selaraskan_pemberitahuan(aktif)
	kabari_administrator(aktif)
	return hasil


def _selaraskan_workflow(aktif: bool) -> dict[str, bool]:
	hasil = {}
	for name in workflow_aplikasi():
		nilai = frappe.db.get_value("Workflow", name, "send_email_alert")
		if nilai is None:
			continue  # not installed (yet)
		kunci = KUNCI_SUREL_DIMATIKAN.format(name)
		if not aktif and nilai:
			_setel(name, 0)
			frappe.db.set_global(kunci, "1")
		elif aktif and not nilai and dimatikan_aplikasi(name):
			_setel(name, 1)
			frappe.db.set_global(kunci, None)
		elif nilai and dimatikan_aplikasi(name):
			frappe.db.set_global(kunci, None)  # switched on again by someone: no longer the app's doing
		hasil[name] = bool(frappe.db.get_value("Workflow", name, "send_email_alert"))
	return hasil


def _pemberitahuan_dimatikan() -> set[str]:
	return set(filter(None, (frappe.db.get_global(KUNCI_PEMBERITAHUAN_DIMATIKAN) or "").split("\n")))


def tandai_pemberitahuan_dimatikan(name: str, dimatikan: bool) -> None:
	"""Remember (or forget) that the app switched the e-mail Notification ``name`` off."""
	nama = _pemberitahuan_dimatikan()
	(nama.add if dimatikan else nama.discard)(name)
	frappe.db.set_global(KUNCI_PEMBERITAHUAN_DIMATIKAN, "\n".join(sorted(nama)) or None)


def _selaraskan_pemberitahuan(aktif: bool) -> None:
	"""The handover e-mail records: the app switches off the ones that are on when the site cannot send
	e-mail, and on again only the ones it switched off."""
	dimatikan = _pemberitahuan_dimatikan()
	for d in definisi():
		if d["channel"] != SUREL:
			continue
		enabled = frappe.db.get_value("Notification", d["name"], "enabled")
		if enabled is None:
			continue
		if not aktif and enabled:
			frappe.db.set_value("Notification", d["name"], "enabled", 0, update_modified=False)
			tandai_pemberitahuan_dimatikan(d["name"], True)
		elif aktif and not enabled and d["name"] in dimatikan:
			frappe.db.set_value("Notification", d["name"], "enabled", 1, update_modified=False)
			tandai_pemberitahuan_dimatikan(d["name"], False)
	for doctype in {d[0] for d in SERAH}:
		frappe.cache.hdel("notifications", doctype)


def _setel(workflow: str, nilai: int) -> None:
	# Not a save: the switch follows the site, it is not an edit of the workflow (no Version, and
	# workflow_sync counts it as the shipped value, see workflow_sync.definisi_terpasang).
	frappe.db.set_value("Workflow", workflow, "send_email_alert", nilai, update_modified=False)


def kabari_administrator(aktif: bool) -> None:
	"""Tell every System Manager once (a Notification Log) that e-mail is off; again only after it
	was on in between."""
	sudah = frappe.db.get_global(_KUNCI_DIBERITAHUKAN)
	if aktif and sudah:
		frappe.db.set_global(_KUNCI_DIBERITAHUKAN, None)
	if aktif or sudah:
		return
	for user in ["Administrator", *pemegang_aktif("System Manager")]:
		frappe.get_doc(
			{
				"doctype": "Notification Log",
				"for_user": user,
				"type": "Alert",
				"document_type": PENGATURAN,
				"document_name": PENGATURAN,
				"subject": _("SAKIP: e-mail keluar belum aktif, pemberitahuan hanya tampil di lonceng"),
				"email_content": pesan_surel_mati(),
				"from_user": "Administrator",
			}
		).insert(ignore_permissions=True)
	frappe.db.set_global(_KUNCI_DIBERITAHUKAN, "1")


def pesan_surel_mati() -> str:
	"""What an administrator reads while e-mail is off (Bahasa Indonesia)."""
	return _(
		"Situs ini belum memiliki Email Account keluar. Pemberitahuan langkah SOP tetap tampil di lonceng "
		"(Notification Log) dan daftar Workflow Action, tetapi tidak dikirim lewat e-mail; e-mail Workflow "
		"Action dimatikan agar tidak mencatat kesalahan di Error Log. Untuk mengaktifkan e-mail, buat Email "
		"Account dengan Enable Outgoing dan Default Outgoing dicentang: e-mail Workflow Action menyala lagi "
		"dengan sendirinya."
	)


def email_account_berubah(doc, method=None) -> None:
	"""Email Account on_update / after_delete."""
	selaraskan_surel()


def lupakan() -> None:
	"""On uninstall: the app's bookkeeping and its notices to administrators go."""
	for name in workflow_aplikasi():
		frappe.db.set_global(KUNCI_SUREL_DIMATIKAN.format(name), None)
	frappe.db.set_global(_KUNCI_DIBERITAHUKAN, None)
	frappe.db.delete("Notification Log", {"document_type": PENGATURAN})
