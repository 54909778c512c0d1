"""The OPD (Perangkat Daerah) of a new evaluation, and what it takes from its OPD.

Pengaturan SAKIP holds what is one per Pemda (the SLA check, the predikat scale, the upload limit,
the default SOP and calendar); each OPD holds its officials, its own SOP or calendar when it has
one, and its letterhead.
"""

import frappe
from frappe import _
from frappe.utils import get_fullname, today

from sakip_evaluasi.domain.doctype import PENGATURAN
from sakip_evaluasi.domain.penerima import PERAN_PEMDA, field_penerima
from sakip_evaluasi.domain.peran import PERAN_SOP
from sakip_evaluasi.pejabat.izin import JABATAN_OPD, opd_pengguna, pengelola_pemda


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
	"""The SOP and Kalender Kerja an evaluation of ``opd`` follows: the ones chosen on the OPD's form;
	else the OPD's own (an SOP or calendar whose OPD it is, the latest changed); else the Pemda's
	defaults (Pengaturan SAKIP)."""
	sendiri = frappe.db.get_value("OPD", opd, ["sop", "kalender_kerja"], as_dict=True) if opd else None
	pengaturan = frappe.get_cached_doc(PENGATURAN)
	return (
		(sendiri and sendiri.sop) or _acuan_milik("SOP", opd) or pengaturan.sop_default,
		(sendiri and sendiri.kalender_kerja)
		or _acuan_milik("Kalender Kerja", opd)
		or pengaturan.kalender_kerja_default,
	)


def periksa_acuan_opd(opd_doc) -> None:
	"""The SOP and calendar chosen on an OPD's form are the Pemda's or that OPD's own, never another
	OPD's."""
	for field, doctype in (("sop", "SOP"), ("kalender_kerja", "Kalender Kerja")):
		nama = opd_doc.get(field)
		milik = nama and frappe.db.get_value(doctype, nama, "opd")
		if milik and milik != opd_doc.name:
			frappe.throw(
				_(
					"{0} {1} milik {2}, bukan {3}. Pilih {0} seluruh Pemda atau milik {3}. OPD belum disimpan."
				).format(_(doctype), nama, nama_opd(milik), nama_opd(opd_doc.name)),
				frappe.ValidationError,
				title=_("{0} OPD lain").format(_(doctype)),
			)


def _acuan_milik(doctype: str, opd: str | None) -> str | None:
	if not opd:
		return None
	milik = frappe.get_all(doctype, filters={"opd": opd}, pluck="name", order_by="modified desc", limit=1)
	return milik[0] if milik else None


def periksa_opd_acuan(doc) -> None:
	"""An SOP or Kalender Kerja without an OPD is the Pemda's, which every OPD runs on: only the Admin
	SAKIP Pemda (or System Manager) makes one or turns an OPD's own into one."""
	if doc.get("opd") or pengelola_pemda():
		return
	if not doc.is_new() and not doc.has_value_changed("opd"):
		return  # its has_permission hook already refuses changing a Pemda-wide one
	label = _(doc.doctype)
	frappe.throw(
		_(
			"{0} tanpa OPD berlaku untuk seluruh Pemda dan hanya dapat dibuat oleh Admin SAKIP Pemda. Isi "
			"OPD dengan OPD Anda{1}. {0} belum disimpan."
		).format(label, _(" ({0})").format(", ".join(opd_pengguna())) if opd_pengguna() else ""),
		frappe.ValidationError,
		title=_("{0} seluruh Pemda").format(label),
	)


# --------------------------------------------------------------------------- people named on a document


def pengguna_opd(opd: str, peran_pemda: tuple[str, ...] = ()) -> set[str]:
	"""The enabled users who may act in ``opd``: its officials, the heads (and acting heads) of its
	bidang, a Plt/Plh whose appointment in it runs today, anyone an administrator scoped to it (User
	Permission on the OPD; officials and Kepala Bidang get theirs from ``izin``), and the holders of
	``peran_pemda`` (Pemda-wide roles the SOP gives a part)."""
	users = set(frappe.get_all("User Permission", filters={"allow": "OPD", "for_value": opd}, pluck="user"))
	users.update(frappe.db.get_value("OPD", opd, list(JABATAN_OPD)) or ())
	for b in frappe.get_all(
		"Bidang", filters={"opd": opd}, fields=["kepala_bidang", "pelaksana_kepala_bidang"]
	):
		users.update((b.kepala_bidang, b.pelaksana_kepala_bidang))
	hari = today()
	users.update(
		frappe.get_all(
			"Penunjukan Pelaksana",
			filters={"docstatus": 1, "opd": opd, "mulai": ("<=", hari), "selesai": (">=", hari)},
			pluck="user",
		)
	)
	if peran_pemda:
		users.update(
			frappe.get_all(
				"Has Role", filters={"parenttype": "User", "role": ("in", peran_pemda)}, pluck="parent"
			)
		)
	if frappe.db.count("OPD") == 1:
		# a single-agency site: a holder of an SOP role limited to no OPD acts in it (as
		# ``pejabat.pemegang_aktif`` reads it)
		users.update(_pemegang_peran_sop_tanpa_opd())
	users.discard(None)
	if not users:
		return set()
	return set(frappe.get_all("User", filters={"name": ("in", list(users)), "enabled": 1}, pluck="name"))


def _pemegang_peran_sop_tanpa_opd() -> set[str]:
	pemegang = set(
		frappe.get_all("Has Role", filters={"parenttype": "User", "role": ("in", PERAN_SOP)}, pluck="parent")
	)
	terbatas = set(frappe.get_all("User Permission", filters={"allow": "OPD"}, pluck="user"))
	return pemegang - terbatas - {"Administrator", "Guest"}


def opd_dokumen(doc) -> str | None:
	"""The OPD of a document of the SOP (its own field, else its evaluation's)."""
	if doc.get("opd"):
		return doc.opd
	if doc.get("evaluasi"):
		return frappe.db.get_value("Evaluasi Kinerja Internal", doc.evaluasi, "opd")
	return None


def penerima_sah(doc, users, field: str) -> list[str]:
	"""Of ``users`` named in ``doc``'s routing ``field`` ("kepada", "peserta.peserta"), those who may be
	told: the guard before a notification, Event, e-mail or ToDo goes out."""
	opd = opd_dokumen(doc)
	if not opd:
		return [u for u in users if u]
	sah = pengguna_opd(opd, PERAN_PEMDA.get((doc.doctype, field), ()))
	return [u for u in users if u and u in sah]


def periksa_penerima(doc) -> None:
	"""Refuse a user named in a routing field of ``doc`` (``domain.penerima``) who may not act in
	its OPD: on every save (desk, REST, Data Import). A name already stored is not asked again, so a
	document naming someone who has since left the OPD still saves (the guards keep them uninformed)."""
	opd = opd_dokumen(doc)
	if not opd:
		return
	sebelum = None if doc.is_new() else doc.get_doc_before_save()
	for tabel, field in field_penerima(doc.doctype):
		kunci = f"{tabel}.{field}" if tabel else field
		sah = None
		for row, user in _isian(doc, tabel, field):
			if not user or (
				sebelum is not None and (row and row.name, user) in _isian_sebelum(sebelum, tabel, field)
			):
				continue
			if sah is None:
				sah = pengguna_opd(opd, PERAN_PEMDA.get((doc.doctype, kunci), ()))
			if user not in sah:
				_tolak_penerima(doc, opd, tabel, field, row, user)


def _isian(doc, tabel: str | None, field: str) -> list[tuple]:
	if tabel:
		return [(row, row.get(field)) for row in doc.get(tabel) or ()]
	return [(None, doc.get(field))]


def _isian_sebelum(doc, tabel: str | None, field: str) -> set[tuple]:
	return {(row and row.name, user) for row, user in _isian(doc, tabel, field)}


def _tolak_penerima(doc, opd: str, tabel: str | None, field: str, row, user: str) -> None:
	if tabel:
		meta = frappe.get_meta(row.doctype)
		tempat = _("{0} baris {1}, {2}").format(
			_(doc.meta.get_label(tabel)), row.idx, _(meta.get_label(field))
		)
	else:
		tempat = _(doc.meta.get_label(field))
	dokumen = _(doc.doctype) if doc.is_new() else f"{_(doc.doctype)} {doc.name}"
	frappe.throw(
		_(
			"{0}: {1} tidak bertugas di {2}, sehingga tidak dapat dicantumkan pada {3}. Pilih pejabat, "
			"Kepala Bidang, Plt/Plh atau pegawai {2}; tamu dari instansi lain ditulis sebagai nama, bukan "
			"pengguna. {4} belum disimpan."
		).format(tempat, sebutan_pengguna(user), nama_opd(opd), dokumen, _(doc.doctype)),
		frappe.ValidationError,
		title=_("Pengguna di luar OPD"),
	)


def sebutan_pengguna(user: str) -> str:
	"""A user as people know them: full name, and their position where one is recorded."""
	nama = get_fullname(user)
	pegawai = frappe.db.get_value("Pegawai", {"user": user}, "name")
	jabatan = pegawai and frappe.db.get_value("Jabatan", {"pemegang": pegawai}, "nama_jabatan")
	return f"{nama} ({jabatan})" if jabatan else nama


def nama_opd(opd: str) -> str:
	"""What people call an OPD, with its code: "Dinas Kesehatan (DINKES)"."""
	nama = frappe.db.get_value("OPD", opd, "nama_opd")
	return f"{nama} ({opd})" if nama and nama != opd else opd


def cari_pengguna_opd(
	opd: str | None, txt: str, start: int, page_len: int, field_kunci: str, doctype: str
) -> list:
	"""The link search of a routing field: the users who may act in ``opd`` matching ``txt``."""
	if not opd:
		return []
	users = sorted(pengguna_opd(opd, PERAN_PEMDA.get((doctype, field_kunci), ())))
	if not users:
		return []
	txt = f"%{txt or ''}%"
	return frappe.get_all(
		"User",
		filters={"name": ("in", users)},
		or_filters={"name": ("like", txt), "full_name": ("like", txt)},
		fields=["name", "full_name"],
		order_by="full_name asc",
		limit_start=start,
		limit_page_length=page_len,
		as_list=True,
	)
