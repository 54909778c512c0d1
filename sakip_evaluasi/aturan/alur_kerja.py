"""Server-side rules around the Frappe Workflows of the SOP documents: the one place that says what
a user may change in an SOP document, and the reasons a document was returned for.

Frappe checks transitions on the server (role and condition), but "Only Allow Edit For" per state
only in the browser (frappe#16678), and read-only fields and the rows of a grid not at all. Here:

- **who** may change a document in a state: the roles the Workflow lets edit in it;
- **what** they may change (``isian_terbuka``): the fields the DocType leaves editable (not
  read-only, not hidden, not set-only-once once saved) — except that

  - the rows of a table a controller declares in ``TABEL_SISTEM`` (e.g. the indicator rows of a
    Data Kinerja Bidang) are created, removed and ordered only by the app, and users change only
    their open columns;
  - *Alasan Dikembalikan* is written only by the roles that may return the document from its
    state, before they return it; each return is kept in *Riwayat Pengembalian* (``catat_pengembalian``),
    a table nobody but the app writes.

``pastikan_boleh_mengubah`` compares every save with the stored document (form, REST and the Excel
import alike: they all save the document) and refuses any change outside that rule, naming each
one; the form reads the same rule (``aturan_isian``) to lock what the user cannot change. Code of
the app that writes documents itself marks them ``doc.flags.dari_sistem`` (``siklus.sistem``).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import frappe
from frappe import _
from frappe.model import no_value_fields
from frappe.model.base_document import get_controller
from frappe.model.document import Document
from frappe.model.workflow import apply_workflow, get_workflow_name, is_transition_condition_satisfied
from frappe.utils import (
	cint,
	escape_html,
	flt,
	get_datetime,
	get_fullname,
	get_timedelta,
	getdate,
	now_datetime,
)

from sakip_evaluasi.domain.peran import KEPALA_BIDANG
from sakip_evaluasi.pejabat.pemegang import (
	PERAN_ATAS_BIDANG,
	memimpin_bidang,
	peran_di_dokumen,
	sebutan_bidang,
)

DIKEMBALIKAN = "Dikembalikan"
FIELD_ALASAN = "alasan_dikembalikan"
FIELD_RIWAYAT = "riwayat_pengembalian"
# The field the Workflow keeps the state in: a transition changes it, and that is not an edit. (The
# columns Frappe maintains itself, such as name, owner, modified, idx or docstatus, are not DocFields:
# ``meta.fields``, which the rule reads, never lists them.)
FIELD_STATUS = "workflow_state"
_PECAHAN = ("Float", "Currency", "Percent")
_BILANGAN_BULAT = ("Int", "Long Int", "Check")
# How many refused changes one message lists (the rest are counted).
_BATAS_DAFTAR = 12


def dokumen_alur_kerja_sop(doctype: str) -> bool:
	"""True when ``doctype`` is an SOP workflow document: its controller derives from
	``controllers.alur_kerja.DokumenAlurKerja`` (asked of the class, which marks itself)."""
	try:
		return bool(getattr(get_controller(doctype), "ALUR_KERJA_SOP", False))
	except (ImportError, frappe.DoesNotExistError):
		return False


def status_lama(doc) -> str | None:
	before = doc.get_doc_before_save()
	return before.get("workflow_state") if before else None


def status_berubah(doc) -> bool:
	"""True when this save moves the document to another workflow state."""
	return not doc.is_new() and status_lama(doc) != doc.get("workflow_state")


def masuk_status(doc, state: str) -> bool:
	"""True when this save moves the document into ``state``."""
	return status_berubah(doc) and doc.get("workflow_state") == state


# --------------------------------------------------------------------------- the rule


@dataclass(frozen=True)
class TabelSistem:
	"""A child table whose rows only the app creates, removes and orders.

	Users change only ``kolom`` of its rows (None: the columns the row DocType leaves editable),
	in the workflow states ``status`` (None: in every state; outside them the table is open).
	"""

	kolom: tuple[str, ...] | None = None
	status: tuple[str, ...] | None = None

	def berlaku(self, state: str | None) -> bool:
		return self.status is None or state in self.status


@dataclass(frozen=True)
class TabelTerbuka:
	"""What a user may do with the rows of one table: change ``kolom``; add, remove and reorder
	rows when ``susunan``."""

	kolom: frozenset[str]
	susunan: bool


@dataclass(frozen=True)
class Perubahan:
	"""One change a save makes: a field of the document (``tabel`` None), a field of a row, or a
	whole row added, removed or moved (``kolom`` None; ``jenis`` says which)."""

	jenis: str  # "ubah", "tambah", "hapus" or "urutan"
	tabel: str | None = None
	kolom: str | None = None
	baris: Document | None = None


@dataclass(frozen=True)
class IsianTerbuka:
	"""What a user may change in a document of one DocType in one workflow state."""

	kolom: frozenset[str]
	tabel: dict[str, TabelTerbuka]

	def boleh(self, p: Perubahan) -> bool:
		if p.tabel is None:
			return p.kolom in self.kolom
		tabel = self.tabel.get(p.tabel)
		if tabel is None:
			return False
		return tabel.susunan if p.kolom is None else p.kolom in tabel.kolom

	def sebagai_dict(self) -> dict:
		return {
			"kolom": sorted(self.kolom),
			"tabel": {t: {"kolom": sorted(a.kolom), "susunan": a.susunan} for t, a in self.tabel.items()},
		}


def peran_pengubah(doctype: str, state: str | None) -> set[str]:
	"""The roles the Workflow lets edit ``doctype`` in ``state`` (empty: the Workflow sets no rule)."""
	workflow = get_workflow_name(doctype)
	if not workflow or not state:
		return set()
	# A state may be listed more than once, one row per role allowed to edit in it. The Workflow is
	# read from the document cache (every save runs this; saving the Workflow clears the cache).
	return {
		r.allow_edit
		for r in frappe.get_cached_doc("Workflow", workflow).states
		if r.state == state and r.allow_edit
	}


def peran_pengembali(doctype: str, state: str | None = None, doc=None) -> set[str]:
	"""The roles that may return ``doctype`` (a transition into Dikembalikan) from ``state``, or
	from any state when ``state`` is None; for ``doc``, only the transitions whose condition it meets
	(the Kepala Dinas returns a bidang's follow-up only when its head is the acting Sekretaris)."""
	workflow = get_workflow_name(doctype)
	if not workflow:
		return set()
	return {
		t.allowed
		for t in frappe.get_cached_doc("Workflow", workflow).transitions
		if t.next_state == DIKEMBALIKAN
		and (state is None or t.state == state)
		and (doc is None or is_transition_condition_satisfied(t, doc))
	}


def ada_transisi(doctype: str, state: str | None, ke: str) -> bool:
	"""True when ``doctype``'s Workflow moves a document from ``state`` straight into ``ke`` (e.g. a
	returned document is submitted again)."""
	workflow = get_workflow_name(doctype)
	if not workflow or not state:
		return False
	return any(
		t.state == state and t.next_state == ke
		for t in frappe.get_cached_doc("Workflow", workflow).transitions
	)


def kolom_isian(doctype: str) -> list[str]:
	"""The fields of ``doctype`` its form lets a user fill in a saved document: not read-only, not
	hidden, not set-only-once, not fetched from a link, not a table."""
	return [
		df.fieldname
		for df in frappe.get_meta(doctype).fields
		if df.fieldtype not in no_value_fields
		and df.fieldname != FIELD_STATUS
		and not (df.read_only or df.hidden or df.set_only_once or df.fetch_from or df.is_virtual)
	]


def isian_terbuka(doctype: str, state: str | None, peran: set[str], doc=None) -> IsianTerbuka | None:
	"""What a user holding ``peran`` may change in a saved ``doctype`` in ``state`` (``doc``, when
	given, decides the Workflow's conditional returns); None when the Workflow does not let them edit
	it in that state at all."""
	meta = frappe.get_meta(doctype)
	# who may return the document from this state writes the reason, even outside the state's editors
	# (the Inspektorat returning an accepted Tindak Lanjut)
	pengembali = bool(
		meta.has_field(FIELD_ALASAN) and state and peran & peran_pengembali(doctype, state, doc)
	)
	pengubah = peran_pengubah(doctype, state)
	if pengubah and not pengubah & peran:
		if not pengembali:
			return None
		hanya_alasan = {df.fieldname: TabelTerbuka(frozenset(), False) for df in meta.get_table_fields()}
		return IsianTerbuka(frozenset({FIELD_ALASAN}), hanya_alasan)
	kolom = set(kolom_isian(doctype)) - {FIELD_ALASAN}
	if pengembali:
		kolom.add(FIELD_ALASAN)
	sistem: dict[str, TabelSistem] = getattr(get_controller(doctype), "TABEL_SISTEM", {})
	tabel = {}
	for df in meta.get_table_fields():
		isian = set(kolom_isian(df.options))
		aturan = sistem.get(df.fieldname)
		if df.read_only:
			tabel[df.fieldname] = TabelTerbuka(frozenset(), False)
		elif aturan and aturan.berlaku(state):
			terbuka = isian if aturan.kolom is None else isian & set(aturan.kolom)
			tabel[df.fieldname] = TabelTerbuka(frozenset(terbuka), False)
		else:
			tabel[df.fieldname] = TabelTerbuka(frozenset(isian), True)
	return IsianTerbuka(frozenset(kolom), tabel)


def aturan_isian(doctype: str) -> dict[str, dict | None]:
	"""For the form: per workflow state of ``doctype``, what the session user may change (None:
	nothing; the Workflow makes the form read-only then)."""
	if not dokumen_alur_kerja_sop(doctype):
		frappe.throw(_("{0} tidak berjalan dalam alur kerja SOP.").format(_(doctype)))
	frappe.has_permission(doctype, "read", throw=True)
	workflow = get_workflow_name(doctype)
	states = frappe.get_all("Workflow Document State", filters={"parent": workflow}, pluck="state")
	peran = set(frappe.get_roles())
	hasil = {}
	for state in dict.fromkeys(states):
		isian = isian_terbuka(doctype, state, peran)
		hasil[state] = isian.sebagai_dict() if isian else None
	return hasil


# --------------------------------------------------------------------------- what a save changes


def daftar_perubahan(doc, before) -> list[Perubahan]:
	"""Every change ``doc`` makes to ``before`` (the stored document), rows matched by name."""
	perubahan = [Perubahan("ubah", kolom=f) for f in _kolom_berubah(doc, before)]
	for df in doc.meta.get_table_fields():
		perubahan += _perubahan_tabel(
			df.fieldname, doc.get(df.fieldname) or [], before.get(df.fieldname) or []
		)
	return perubahan


def ada_perubahan_isian(doc, before) -> bool:
	return bool(daftar_perubahan(doc, before))


def _perubahan_tabel(tabel: str, sekarang: list, lama: list) -> list[Perubahan]:
	lama_per_nama = {r.name: r for r in lama}
	tetap, nama_tetap, perubahan = [], set(), []
	for row in sekarang:
		# A row without a name, or with a name that is not one of this document's rows (or given
		# twice), is a new row: Frappe would insert it, or overwrite another document's row.
		if row.name in lama_per_nama and not row.is_new() and row.name not in nama_tetap:
			tetap.append(row)
			nama_tetap.add(row.name)
		else:
			perubahan.append(Perubahan("tambah", tabel, baris=row))
	perubahan += [Perubahan("hapus", tabel, baris=r) for r in lama if r.name not in nama_tetap]
	urutan_lama = [r.name for r in lama if r.name in nama_tetap]
	if [r.name for r in tetap] != urutan_lama or (
		not perubahan and [cint(r.idx) for r in tetap] != [cint(r.idx) for r in lama]
	):
		perubahan.append(Perubahan("urutan", tabel))
	for row in tetap:
		lama_row = lama_per_nama[row.name]  # named in the message as the user knew it
		perubahan += [Perubahan("ubah", tabel, f, lama_row) for f in _kolom_berubah(row, lama_row)]
	return perubahan


def _kolom_banding(meta) -> list[tuple[str, str]]:
	"""(fieldname, fieldtype) of the fields a save is compared on; fields copied from a linked
	record by Frappe are not (the link itself is)."""
	kolom = frappe.local.cache.setdefault("sakip_kolom_banding", {})
	if meta.name not in kolom:
		kolom[meta.name] = [
			(df.fieldname, df.fieldtype)
			for df in meta.fields
			if df.fieldtype not in no_value_fields
			and df.fieldname != FIELD_STATUS
			and not (df.is_virtual or df.fetch_from)
		]
	return kolom[meta.name]


def _kolom_berubah(doc, before) -> list[str]:
	# The values straight from the documents' dicts (what Document.get returns for a fieldname,
	# without its per-call checks): a save compares every field of every row.
	baru, lama = vars(doc), vars(before)
	return [
		fieldname
		for fieldname, fieldtype in _kolom_banding(doc.meta)
		if baru.get(fieldname) != lama.get(fieldname)
		and _nilai(fieldtype, baru.get(fieldname)) != _nilai(fieldtype, lama.get(fieldname))
	]


def _nilai(fieldtype: str, value):
	"""``value`` as its column holds it, so the same value typed, sent as JSON or read from the
	database compares equal (100 / 100.0 / "100"; "09:00:00" / timedelta; None / 0 for numbers)."""
	if fieldtype in _PECAHAN:
		return flt(value, 9)
	if fieldtype in _BILANGAN_BULAT:
		return cint(value)
	if value in ("", None):
		return None
	try:
		if fieldtype == "Date":
			return str(getdate(value))
		if fieldtype == "Datetime":
			return str(get_datetime(value))
		if fieldtype == "Time":
			return str(get_timedelta(value))
	except Exception:
		pass  # not a date: compared as typed (Frappe refuses it later)
	return str(value)


# --------------------------------------------------------------------------- enforcement


def pastikan_boleh_mengubah(doc) -> None:
	"""Refuse a save that changes what the user may not change in the document's state: a state
	they may not edit in at all (per the Workflow), or a field, row or row order outside the rule."""
	if doc.is_new() or _dilewati(doc):
		return
	before = doc.get_doc_before_save()
	if not before:
		return
	perubahan = daftar_perubahan(doc, before)
	if not perubahan:
		return
	state = before.get("workflow_state")
	peran = peran_di_dokumen(doc)
	isian = isian_terbuka(doc.doctype, state, peran, before)
	if isian is None:
		pesan = pesan_bukan_pengubah(doc, state)
		semua = set(frappe.get_roles())
		if KEPALA_BIDANG in semua and KEPALA_BIDANG not in peran:
			pesan += " " + _(
				"Sebagai Kepala Bidang Anda hanya mengubah dokumen bidang Anda sendiri, bukan {0}. Tidak ada "
				"data yang diubah."
			).format(sebutan_bidang(doc.bidang))
		elif semua & set(PERAN_ATAS_BIDANG) - peran and memimpin_bidang(frappe.session.user, doc.bidang):
			pesan += " " + _(
				"{0} adalah Kepala {1}: dokumen bidangnya sendiri diverifikasi oleh Kepala Dinas, bukan oleh "
				"Anda. Tidak ada data yang diubah."
			).format(get_fullname(frappe.session.user), sebutan_bidang(doc.bidang))
		frappe.throw(pesan, frappe.PermissionError, title=_("Tidak diizinkan mengubah"))
	ditolak = [p for p in perubahan if not isian.boleh(p)]
	if ditolak:
		frappe.throw(
			_pesan_ditolak(doc, state, isian, ditolak),
			frappe.PermissionError,
			title=_("Tidak diizinkan mengubah"),
		)


def pesan_bukan_pengubah(doc, state: str | None) -> str:
	"""Why a user whose roles the Workflow does not let edit in ``state`` cannot change ``doc``."""
	return _("{0} {1} berstatus {2}: isinya hanya dapat diubah oleh peran {3}.").format(
		_(doc.doctype), doc.name, state, ", ".join(sorted(peran_pengubah(doc.doctype, state)))
	)


def _dilewati(doc) -> bool:
	return bool(
		doc.flags.dari_sistem or frappe.flags.in_install or frappe.flags.in_migrate or frappe.flags.in_patch
	)


def _label(meta, fieldname: str) -> str:
	return _(meta.get_label(fieldname))


def _judul_baris(row) -> str:
	"""A row as the user knows it: its title field, else its first filled list column."""
	kolom = [row.meta.title_field] if row.meta.title_field else []
	kolom += [
		df.fieldname for df in row.meta.fields if df.in_list_view and df.fieldtype not in no_value_fields
	]
	for field in kolom:
		if nilai := row.get(field):
			teks = str(nilai)
			return escape_html(teks if len(teks) <= 60 else teks[:57] + "...")
	return ""


def _uraian(doc, p: Perubahan) -> str:
	if p.tabel is None:
		return _("kolom {0} diubah").format(_label(doc.meta, p.kolom))
	tabel = _label(doc.meta, p.tabel)
	if p.jenis == "urutan":
		return _("urutan baris tabel {0} diubah").format(tabel)
	if p.jenis == "tambah":
		return _("baris baru ditambahkan ke tabel {0}").format(tabel)
	baris = _("baris {0} ({1}) tabel {2}").format(p.baris.idx, _judul_baris(p.baris), tabel)
	if p.jenis == "hapus":
		return _("{0} dihapus").format(baris)
	return _("{0}: kolom {1} diubah").format(baris, _label(p.baris.meta, p.kolom))


def _yang_terbuka(doc, isian: IsianTerbuka) -> str:
	bagian = [_label(doc.meta, f) for f in sorted(isian.kolom)]
	for tabel, aturan in isian.tabel.items():
		meta_baris = frappe.get_meta(doc.meta.get_field(tabel).options)
		kolom = [_label(meta_baris, f) for f in kolom_isian(meta_baris.name) if f in aturan.kolom]
		if kolom:
			bagian.append(_("tabel {0}: {1}").format(_label(doc.meta, tabel), ", ".join(kolom)))
	if not bagian:
		return _("Pada status ini Anda tidak dapat mengubah isian apa pun.")
	return _("Yang dapat Anda ubah pada status ini: {0}.").format("; ".join(bagian))


def _pesan_ditolak(doc, state: str | None, isian: IsianTerbuka, ditolak: list[Perubahan]) -> str:
	baris = [
		_("{0} {1} berstatus {2}: perubahan berikut tidak diizinkan.").format(_(doc.doctype), doc.name, state)
	]
	baris += [f"• {_uraian(doc, p)}" for p in ditolak[:_BATAS_DAFTAR]]
	if len(ditolak) > _BATAS_DAFTAR:
		baris.append(_("• dan {0} perubahan lainnya").format(len(ditolak) - _BATAS_DAFTAR))
	for tabel in dict.fromkeys(p.tabel for p in ditolak if p.tabel and p.kolom is None):
		baris.append(
			_("Baris tabel {0} hanya dibuat, dihapus dan diurutkan oleh sistem.").format(
				_label(doc.meta, tabel)
			)
		)
	if any(p.tabel is None and p.kolom == FIELD_ALASAN for p in ditolak):
		pengembali = peran_pengembali(doc.doctype)
		baris.append(
			_(
				"Alasan Dikembalikan ditulis oleh yang mengembalikan dokumen ({0}) sebelum mengembalikannya; "
				"setiap alasan yang sudah diberikan tersimpan di Riwayat Pengembalian dan tidak dapat diubah."
			).format(_("peran {0}").format(", ".join(sorted(pengembali))) if pengembali else _("tidak ada"))
		)
	baris.append(_yang_terbuka(doc, isian))
	baris.append(_("Tidak ada data yang diubah."))
	return "<br>".join(baris)


# --------------------------------------------------------------------------- returns


def pastikan_alasan_dikembalikan(doc) -> None:
	if masuk_status(doc, DIKEMBALIKAN) and not (doc.get(FIELD_ALASAN) or "").strip():
		frappe.throw(
			_("Tuliskan alasan pengembalian pada kolom Alasan Dikembalikan sebelum mengembalikan dokumen."),
			title=_("Alasan wajib diisi"),
		)


def catat_pengembalian(doc) -> None:
	"""Keep the return this save makes: its reason, who returned the document, when, from which state."""
	doc.append(
		FIELD_RIWAYAT,
		{
			"alasan": doc.get(FIELD_ALASAN).strip(),
			"dikembalikan_oleh": frappe.session.user,
			"waktu": now_datetime(),
			"dari_status": status_lama(doc),
		},
	)


def pastikan_melalui_dokumen(row) -> None:
	if _dilewati(row):
		return
	frappe.throw(
		_("Baris {0} hanya dapat diubah melalui dokumennya ({1} {2}). Tidak ada data yang diubah.").format(
			_(row.doctype), _(row.parenttype or ""), row.parent or ""
		),
		frappe.PermissionError,
		title=_("Tidak diizinkan mengubah"),
	)
