"""Template functions of the handover Notification records (``jinja.methods`` in ``hooks.py``).

The records (``aturan/serah.py``, installed by ``setup/pemberitahuan.py``) call them by name inside
their recipients and messages, so the names stay as they are: ``penerima_serah`` (who is told: a user
field of the document, or the holder of an SOP role for it by the one rule ``pejabat.pemegang_peran``),
``batas_serah`` (the deadline of the document's work), ``nama_pengguna`` (a person by name and
position) and ``tautan_dokumen``. A step's turn, warnings and escalation are the SLA engine's messages
(``sla.notifikasi``): ``penerima_serah`` leaves out a user to whom the same save gave a step's turn (a
Langkah Evaluasi of theirs opened by it), whom the engine tells; nobody is told twice.
"""

import frappe
from frappe import _
from frappe.utils import get_url_to_form

from sakip_evaluasi.aturan.serah import PENERIMA_PERAN
from sakip_evaluasi.domain.doctype import EVALUASI, LANGKAH
from sakip_evaluasi.domain.peran import KEPALA_BIDANG
from sakip_evaluasi.halaman.tugas_saya import batas_dokumen, nama_dan_jabatan
from sakip_evaluasi.pejabat.opd import penerima_sah
from sakip_evaluasi.pejabat.pemegang import pemegang_peran


def _diurus_mesin_sla(doc, user: str) -> bool:
	"""True when this very save gave ``user`` a step's turn in the document's evaluation (a clock of
	theirs opened by it): the SLA engine tells them of that turn."""
	if not doc.get("evaluasi"):
		return False
	filters = {
		"evaluasi": doc.evaluasi,
		"pelaksana": user,
		"selesai": ("is", "not set"),
		"creation": (">=", doc.modified),
	}
	return bool(frappe.db.exists(LANGKAH, filters))


def penerima_serah(doc, penerima: str) -> str:
	"""Template function of the Notification records: the user in ``doc``'s user field ``penerima``
	(e.g. ``kepada``; the users of a child table's field, "peserta.peserta", one a line), or who holds
	``penerima`` (``PENERIMA_PERAN``) for ``doc`` — its evaluation's official, its bidang's Kepala
	Bidang — or nothing when the SLA engine already told them. A user named in a field who may not act
	in the document's OPD is never told."""
	if "." in penerima:
		tabel, _titik, field = penerima.partition(".")
		users = [row.get(field) for row in doc.get(tabel) or ()]
		return "\n".join(dict.fromkeys(penerima_sah(doc, users, penerima)))
	peran = PENERIMA_PERAN.get(penerima)
	if not peran:
		user = doc.get(penerima) if doc.meta.has_field(penerima) else None
		user = next(iter(penerima_sah(doc, [user], penerima)), None)
	elif peran == KEPALA_BIDANG:
		user = pemegang_peran(peran, bidang=doc.get("bidang")).user if doc.get("bidang") else None
	else:
		if not doc.get("evaluasi") or not frappe.db.exists(EVALUASI, doc.evaluasi):
			return ""
		user = pemegang_peran(peran, frappe.get_doc(EVALUASI, doc.evaluasi)).user
	if not user or _diurus_mesin_sla(doc, user):
		return ""
	return user


def batas_serah(doc) -> str:
	"""Template function: the deadline of the document's work and the working time left, as text."""
	jam = batas_dokumen(doc)
	if not jam["batas_waktu"]:
		return ""
	teks = frappe.utils.format_datetime(jam["batas_waktu"], "dd-MM-yyyy HH:mm")
	if jam["sisa_jam"] < 0:
		return _("{0} (terlambat {1} jam kerja)").format(teks, abs(jam["sisa_jam"]))
	return _("{0} (sisa {1} jam kerja)").format(teks, jam["sisa_jam"])


def nama_pengguna(user: str | None, doc=None) -> str:
	"""Template function: a user's full name and position where known (never the e-mail address)."""
	return nama_dan_jabatan(user, doc.get("evaluasi") if doc else None)


def tautan_dokumen(doc) -> str:
	"""Template function: the address of the document's form."""
	return get_url_to_form(doc.doctype, doc.name)
