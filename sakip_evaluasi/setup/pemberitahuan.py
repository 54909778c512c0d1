"""Told at every handover: Frappe **Notification** records, created once by install code.

Each transition that hands work to someone — a submission to verify, a return (with its reason), an
acceptance, an invitation — tells that person in the bell (channel *System Notification*) and, as a
separate record, by e-mail (channel *Email*), with the reason and the deadline. They are ordinary
Notification records: an administrator edits or switches one off in the desk, and the app never
overwrites them (a missing one is created again at the next migrate).

Recipients come from the document itself, never from a role (a role recipient would reach every holder
of the role, across bidang and OPD, whatever the document's permissions): a user field of the document
(``kepada``, ``dari``, the meeting's participants), or the holder of an SOP role *for this document* —
the official of its evaluation, the Kepala Bidang of its bidang — by the one rule
``pejabat.pemegang_peran``, through the template function ``penerima_serah`` (a Jinja method of the
app, see ``hooks.py``, with ``batas_serah``, ``nama_pengguna`` and ``tautan_dokumen``). A step's turn, warnings and escalation are the SLA engine's messages
(``sla.notifikasi``): ``penerima_serah`` leaves out a user to whom the same save gave a step's turn (a
Langkah Evaluasi of theirs opened by it), whom the engine tells; nobody is told twice.

The e-mail records are enabled only while the site can send e-mail (``surel.surel_keluar_aktif``),
switched with it (after install, after migrate, when an Email Account is saved or deleted); a record an
administrator switched off stays off.
"""

import frappe
from frappe import _
from frappe.utils import get_url_to_form

from sakip_evaluasi.domain.peran import KEPALA_BIDANG, KEPALA_DINAS, SEKRETARIS, SUBKOOR
from sakip_evaluasi.extends.surel import surel_keluar_aktif
from sakip_evaluasi.halaman.tugas_saya import batas_dokumen, nama_jabatan
from sakip_evaluasi.pejabat.opd import penerima_sah
from sakip_evaluasi.pejabat.pemegang import EVALUASI, pemegang_peran
from sakip_evaluasi.sla.jam import LANGKAH

LONCENG = "System Notification"
SUREL = "Email"
_KUNCI_DIMATIKAN = "sakip_evaluasi_pemberitahuan_surel_dimatikan"

# Who receives a handover: a user field of the document ("kepada"), the participants ("peserta.peserta",
# a child table's user field), or the holder of an SOP role for the document (penerima_serah). A user
# named in a field who may not act in the document's OPD is left out (opd.penerima_sah).
PENERIMA_PERAN = {
	"kepala_bidang": KEPALA_BIDANG,
	"subkoordinator": SUBKOOR,
	"sekretaris": SEKRETARIS,
	"kepala_dinas": KEPALA_DINAS,
}

_DIKEMBALIKAN = (
	"<p>{{ _(doc.doctype) }} {{ doc.name }} dikembalikan oleh {{ nama_pengguna(doc.modified_by, doc) }}."
	"</p><p><b>Alasan:</b> {{ doc.alasan_dikembalikan or '' }}</p>"
)
_BATAS = "{% set batas = batas_serah(doc) %}{% if batas %}<p><b>Batas waktu:</b> {{ batas }}</p>{% endif %}"
_BUKA = '<p><a href="{{ tautan_dokumen(doc) }}">Buka {{ _(doc.doctype) }} {{ doc.name }}</a></p>'

# (DocType, state entered, recipient, subject, what to do): one handover each.
SERAH = (
	(
		"Disposisi",
		"Dikirim",
		"kepada",
		"Disposisi {{ doc.name }} dari {{ nama_pengguna(doc.dari, doc) }}",
		"<p>Anda menerima disposisi {{ doc.name }}. Baca, lalu Terima.</p><p>{{ doc.catatan or '' }}</p>",
	),
	(
		"Disposisi",
		"Diterima",
		"dari",
		"Disposisi {{ doc.name }} diterima oleh {{ nama_pengguna(doc.kepada, doc) }}",
		"<p>Disposisi {{ doc.name }} telah diterima.</p>",
	),
	(
		"Disposisi",
		"Selesai",
		"dari",
		"Disposisi {{ doc.name }} diselesaikan oleh {{ nama_pengguna(doc.kepada, doc) }}",
		"<p>Disposisi {{ doc.name }} telah dilaksanakan dan diselesaikan.</p>",
	),
	(
		"Kertas Kerja Evaluasi",
		"Diajukan",
		"sekretaris",
		"Kertas Kerja Evaluasi {{ doc.name }} menunggu pemeriksaan Anda",
		"<p>Periksa kertas kerja evaluasi {{ doc.name }}, lalu Setujui, atau Kembalikan dengan alasan.</p>",
	),
	(
		"Kertas Kerja Evaluasi",
		"Dikembalikan",
		"subkoordinator",
		"Kertas Kerja Evaluasi {{ doc.name }} dikembalikan",
		_DIKEMBALIKAN + "<p>Perbaiki, lalu Ajukan lagi.</p>",
	),
	(
		"Kertas Kerja Evaluasi",
		"Disetujui",
		"subkoordinator",
		"Kertas Kerja Evaluasi {{ doc.name }} disetujui",
		"<p>Kertas kerja evaluasi {{ doc.name }} disetujui. Distribusikan kepada setiap bidang.</p>",
	),
	(
		"Data Kinerja Bidang",
		"Diajukan",
		"subkoordinator",
		"Data Kinerja {{ doc.bidang }} ({{ doc.name }}) menunggu pemeriksaan Anda",
		"<p>{{ doc.bidang }} mengajukan data kinerjanya. Periksa, lalu Terima, atau Kembalikan dengan alasan.</p>",
	),
	(
		"Data Kinerja Bidang",
		"Dikembalikan",
		"kepala_bidang",
		"Data Kinerja {{ doc.bidang }} ({{ doc.name }}) dikembalikan",
		_DIKEMBALIKAN + "<p>Perbaiki data sesuai alasan, lalu Ajukan lagi.</p>",
	),
	(
		"Data Kinerja Bidang",
		"Diterima",
		"kepala_bidang",
		"Data Kinerja {{ doc.bidang }} ({{ doc.name }}) diterima",
		"<p>Data kinerja {{ doc.bidang }} telah diterima oleh Subkoordinator Perencanaan dan Pelaporan.</p>",
	),
	(
		"Notulen Rapat",
		"Undangan Dikirim",
		"peserta.peserta",
		"Undangan: {{ doc.acara or 'Rapat Evaluasi Kinerja Internal' }}",
		"<p>Anda diundang ke {{ doc.acara or 'Rapat Evaluasi Kinerja Internal' }} pada "
		"{{ doc.get_formatted('tanggal_rapat') }} pukul {{ doc.get_formatted('jam_mulai') }} "
		"di {{ doc.tempat or '' }}.</p>",
	),
	(
		"Notulen Rapat",
		"Notulen Diajukan",
		"kepala_dinas",
		"Notulen Rapat {{ doc.name }} menunggu pengesahan Anda",
		"<p>Periksa notulen rapat {{ doc.name }}, lalu Sahkan, atau Kembalikan dengan alasan.</p>",
	),
	(
		"Notulen Rapat",
		"Dikembalikan",
		"subkoordinator",
		"Notulen Rapat {{ doc.name }} dikembalikan",
		_DIKEMBALIKAN + "<p>Perbaiki notulen, lalu Ajukan Notulen lagi.</p>",
	),
	(
		"Notulen Rapat",
		"Disahkan",
		"subkoordinator",
		"Notulen Rapat {{ doc.name }} disahkan",
		"<p>Notulen rapat {{ doc.name }} disahkan oleh Kepala Dinas.</p>",
	),
	(
		"Tindak Lanjut Evaluasi",
		"Diajukan",
		"sekretaris",
		"Tindak Lanjut {{ doc.bidang }} ({{ doc.name }}) menunggu verifikasi Anda",
		"<p>Periksa tindak lanjut {{ doc.bidang }}, lalu Verifikasi, atau Kembalikan dengan alasan.</p>",
	),
	(
		"Tindak Lanjut Evaluasi",
		"Diverifikasi",
		"kepala_dinas",
		"Tindak Lanjut {{ doc.bidang }} ({{ doc.name }}) menunggu persetujuan Anda",
		"<p>Tindak lanjut {{ doc.bidang }} telah diverifikasi Sekretaris. Periksa, lalu Terima, atau "
		"Kembalikan dengan alasan.</p>",
	),
	(
		"Tindak Lanjut Evaluasi",
		"Dikembalikan",
		"kepala_bidang",
		"Tindak Lanjut {{ doc.bidang }} ({{ doc.name }}) dikembalikan",
		_DIKEMBALIKAN + "<p>Perbaiki tindak lanjut, lalu Ajukan lagi.</p>",
	),
	(
		"Tindak Lanjut Evaluasi",
		"Diterima",
		"kepala_bidang",
		"Tindak Lanjut {{ doc.bidang }} ({{ doc.name }}) diterima",
		"<p>Tindak lanjut {{ doc.bidang }} telah diterima oleh Kepala Dinas.</p>",
	),
)


def nama_pemberitahuan(doctype: str, state: str, channel: str) -> str:
	return f"SAKIP: {doctype} {state} ({'lonceng' if channel == LONCENG else 'e-mail'})"


def _penerima(penerima: str) -> dict:
	return {"cc": f"{{{{ penerima_serah(doc, '{penerima}') }}}}"}


def definisi() -> list[dict]:
	"""The shipped Notification records (bell and e-mail for every handover)."""
	hasil = []
	for doctype, state, penerima, subjek, isi in SERAH:
		for channel in (LONCENG, SUREL):
			hasil.append(
				{
					"doctype": "Notification",
					"name": nama_pemberitahuan(doctype, state, channel),
					"subject": subjek,
					"document_type": doctype,
					"event": "Value Change",
					"value_changed": "workflow_state",
					"condition": f"doc.workflow_state == {state!r}",
					"channel": channel,
					"enabled": 1,
					"message_type": "HTML",
					"message": isi + _BATAS + _BUKA,
					"recipients": [_penerima(penerima)],
				}
			)
	return hasil


def pasang() -> None:
	"""Create the missing records (idempotent; an administrator's edits are kept) and match the
	e-mail ones to the site's outgoing e-mail."""
	for d in definisi():
		if not frappe.db.exists("Notification", d["name"]):
			doc = frappe.get_doc(d)
			if d["channel"] == SUREL and not surel_keluar_aktif():
				doc.enabled = 0
				_tandai_dimatikan(doc.name, True)
			doc.insert(ignore_permissions=True)
	selaraskan_surel()


def _dimatikan_aplikasi() -> set[str]:
	return set(filter(None, (frappe.db.get_global(_KUNCI_DIMATIKAN) or "").split("\n")))


def _tandai_dimatikan(name: str, dimatikan: bool) -> None:
	nama = _dimatikan_aplikasi()
	(nama.add if dimatikan else nama.discard)(name)
	frappe.db.set_global(_KUNCI_DIMATIKAN, "\n".join(sorted(nama)) or None)


def selaraskan_surel() -> None:
	"""E-mail records on while the site can send e-mail: the app switches off the ones that are on when
	it cannot, and on again only the ones it switched off."""
	aktif = surel_keluar_aktif()
	dimatikan = _dimatikan_aplikasi()
	for d in definisi():
		if d["channel"] != SUREL:
			continue
		enabled = frappe.db.get_value("Notification", d["name"], "enabled")
		if enabled is None:
			continue
		if not aktif and enabled:
			frappe.db.set_value("Notification", d["name"], "enabled", 0, update_modified=False)
			_tandai_dimatikan(d["name"], True)
		elif aktif and not enabled and d["name"] in dimatikan:
			frappe.db.set_value("Notification", d["name"], "enabled", 1, update_modified=False)
			_tandai_dimatikan(d["name"], False)
	for doctype in {d[0] for d in SERAH}:
		frappe.cache.hdel("notifications", doctype)


def email_account_berubah(doc, method=None) -> None:
	"""Email Account on_update / after_delete."""
	selaraskan_surel()


def hapus() -> None:
	"""On uninstall: the app's Notification records go."""
	for d in definisi():
		frappe.delete_doc("Notification", d["name"], ignore_missing=True, force=True)
	frappe.db.set_global(_KUNCI_DIMATIKAN, None)


# --------------------------------------------------------------------------- template functions


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
	return nama_jabatan(user, doc.get("evaluasi") if doc else None)


def tautan_dokumen(doc) -> str:
	"""Template function: the address of the document's form."""
	return get_url_to_form(doc.doctype, doc.name)
