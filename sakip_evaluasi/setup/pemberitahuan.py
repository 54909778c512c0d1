"""Told at every handover: installs the Frappe **Notification** records defined in ``aturan/serah.py``.

They are ordinary Notification records: an administrator edits or switches one off in the desk, and
the app never overwrites them (a missing one is created again at the next migrate). The e-mail records
are enabled only while the site can send e-mail, switched with it by ``extends/surel.selaraskan_surel``
(after install, after migrate, when an Email Account is saved or deleted); a record an administrator
switched off stays off. Their messages call the template functions of ``halaman/pemberitahuan.py``.
"""

import frappe

from sakip_evaluasi.aturan.serah import LONCENG, SUREL, definisi, nama_pemberitahuan
from sakip_evaluasi.extends.surel import (
	KUNCI_PEMBERITAHUAN_DIMATIKAN,
	selaraskan_surel,
	surel_keluar_aktif,
	tandai_pemberitahuan_dimatikan,
)


def pasang() -> None:
	"""Create the missing records (idempotent; an administrator's edits are kept) and match the
	e-mail ones to the site's outgoing e-mail."""
	for d in definisi():
		if not frappe.db.exists("Notification", d["name"]):
			doc = frappe.get_doc(d)
			if d["channel"] == SUREL and not surel_keluar_aktif():
				doc.enabled = 0
				tandai_pemberitahuan_dimatikan(doc.name, True)
			doc.insert(ignore_permissions=True)
	selaraskan_surel()


def hapus() -> None:
	"""On uninstall: the app's Notification records go."""
	for d in definisi():
		frappe.delete_doc("Notification", d["name"], ignore_missing=True, force=True)
	frappe.db.set_global(KUNCI_PEMBERITAHUAN_DIMATIKAN, None)
