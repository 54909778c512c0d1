"""Who signs a printed document: the official who took the signing action, as they were then.

A print is an archive of what happened, so the signature block names **the user who took the
workflow action** (Frappe records a Comment of type "Workflow", owned by the acting user, on every
transition), with the position that user held **on that day**: the Riwayat Jabatan row of a position
in the document's OPD whose role may take the transition (Definitif, or Plt/Plh under an
appointment). A later change of holder does not change an old print.
"""

from dataclasses import dataclass
from datetime import date, datetime

import frappe
from frappe.utils import get_datetime, get_fullname, getdate

from sakip_evaluasi.pejabat.jabatan import DEFINITIF, sebutan_baku

KOMENTAR_WORKFLOW = "Workflow"


@dataclass(frozen=True)
class Penandatangan:
	"""One signature block: the person, the position as signed ("Plh. Sekretaris …") and when."""

	nama: str
	nip: str | None
	pangkat_golongan: str | None
	sebutan: str
	sebagai: str  # Definitif, Plt or Plh
	user: str | None
	waktu: datetime | None

	@property
	def tanggal(self) -> date | None:
		return self.waktu.date() if self.waktu else None

	@property
	def pelaksana(self) -> bool:
		return self.sebagai != DEFINITIF


def waktu_tindakan(doc, tindakan: str) -> tuple[str, datetime] | None:
	"""(user, moment) of the latest workflow action ``tindakan`` ("Sahkan", "Kirim", …) taken on
	``doc``, read from the Workflow comments; None when it was never taken."""
	keadaan = _transisi(doc.doctype, tindakan, "next_state")
	if not keadaan:
		return None
	teks = sorted(keadaan | {frappe._(k) for k in keadaan})
	komentar = frappe.get_all(
		"Comment",
		filters={
			"comment_type": KOMENTAR_WORKFLOW,
			"reference_doctype": doc.doctype,
			"reference_name": doc.name,
			"content": ("in", teks),
		},
		fields=["owner", "creation"],
		order_by="creation desc",
		limit=1,
	)
	return (komentar[0].owner, get_datetime(komentar[0].creation)) if komentar else None


def penandatangan(doc, tindakan: str) -> Penandatangan | None:
	"""The signer of ``doc`` for workflow action ``tindakan``: who took it and as what, on that day.
	None when the action was not taken (the block then prints the position with an empty name)."""
	diambil = waktu_tindakan(doc, tindakan)
	if not diambil:
		return None
	user, waktu = diambil
	peran = _transisi(doc.doctype, tindakan, "allowed")
	return pejabat_pada(user, waktu, doc.get("opd"), peran, doc.get("bidang"))


def pejabat_pada(
	user: str,
	waktu: datetime | date | str | None,
	opd: str | None,
	peran: set[str] | None = None,
	bidang: str | None = None,
) -> Penandatangan:
	"""``user`` as they signed on ``waktu``: the position of ``opd`` (with a role in ``peran``) they
	held that day, by the positions' history; their Pegawai (or full name) when none is recorded."""
	hari = getdate(waktu) if waktu else getdate()
	baris = _riwayat_user(user, hari, opd)
	if peran:
		cocok = [r for r in baris if r.peran in peran and (not bidang or not r.bidang or r.bidang == bidang)]
		baris = cocok or baris
	waktu_dt = get_datetime(waktu) if waktu else None
	if baris:
		# an acting appointment covers the day it was used; else the definitive position
		r = max(baris, key=lambda r: (r.jenis != DEFINITIF, getdate(r.dari)))
		sebutan = r.nama_jabatan if r.jenis == DEFINITIF else f"{r.jenis}. {r.nama_jabatan}"
		return Penandatangan(
			nama=r.nama_sekarang or r.nama_pegawai or _nama(user),
			nip=r.nip or r.nip_sekarang,
			pangkat_golongan=r.pangkat_golongan or r.pangkat_sekarang,
			sebutan=sebutan,
			sebagai=r.jenis,
			user=user,
			waktu=waktu_dt,
		)
	pegawai = frappe.db.get_value(
		"Pegawai", {"user": user}, ["nama_lengkap", "nip", "pangkat_golongan"], as_dict=True
	)
	satu_peran = sorted(peran)[0] if peran else None
	sebutan = sebutan_baku(opd, satu_peran, bidang) if opd and satu_peran else ""
	return Penandatangan(
		nama=(pegawai and pegawai.nama_lengkap) or _nama(user),
		nip=pegawai and pegawai.nip,
		pangkat_golongan=pegawai and pegawai.pangkat_golongan,
		sebutan=sebutan,
		sebagai=DEFINITIF,
		user=user,
		waktu=waktu_dt,
	)


def _nama(user: str) -> str:
	"""A person's name, never their e-mail address."""
	nama = get_fullname(user) or ""
	return "" if "@" in nama else nama


def _riwayat_user(user: str, hari: date, opd: str | None) -> list:
	R, J, P = frappe.qb.DocType("Riwayat Jabatan"), frappe.qb.DocType("Jabatan"), frappe.qb.DocType("Pegawai")
	query = (
		frappe.qb.from_(R)
		.join(J)
		.on((R.parent == J.name) & (R.parenttype == "Jabatan"))
		.left_join(P)
		.on(P.name == R.pegawai)
		.select(
			R.jenis,
			R.nama_pegawai,
			R.nip,
			R.pangkat_golongan,
			R.dari,
			J.nama_jabatan,
			J.peran,
			J.bidang,
			P.nama_lengkap.as_("nama_sekarang"),
			P.nip.as_("nip_sekarang"),
			P.pangkat_golongan.as_("pangkat_sekarang"),
		)
		.where((R.user == user) & (R.dari <= hari) & (R.sampai.isnull() | (R.sampai >= hari)))
	)
	if opd:
		query = query.where(J.opd == opd)
	return query.run(as_dict=True)


def _transisi(doctype: str, tindakan: str, kolom: str) -> set[str]:
	"""``kolom`` (next_state, allowed) of the workflow transitions of ``doctype`` by ``tindakan``."""
	from frappe.model.workflow import get_workflow_name

	workflow = get_workflow_name(doctype)
	if not workflow:
		return set()
	return set(
		frappe.get_all("Workflow Transition", filters={"parent": workflow, "action": tindakan}, pluck=kolom)
	)
