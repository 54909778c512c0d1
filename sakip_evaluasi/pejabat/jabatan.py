"""Positions (Jabatan) of an OPD held by people (Pegawai, with NIP): one per official of the SOP
(Kepala Dinas, Sekretaris, Subkoordinator) and one Kepala Bidang per Bidang.

- Every OPD and every Bidang gets its positions when it is created (and by the install and the patch
  ``isi_jabatan`` for those that exist), filled from the users named today, with a Pegawai made
  per user where none exists (NIP left empty: "NIP belum diisi").
- The position is the source, the old fields follow: changing a position's holder writes the OPD's
  user field or the Bidang's Kepala Bidang, so the User Permission sync (``izin``) and every reader
  of ``pejabat.pemegang_peran`` keep working. A change made on the OPD or Bidang form is taken over
  by the position the same way.
- A change of holder closes the previous holder's history row and opens one for the new holder,
  moves the running clocks of that role in the OPD (as holder and as superior) with the role itself.
  It takes effect at its TMT (00:00, the site's time zone): at once when the TMT is today or past;
  a future TMT is kept as the position's scheduled change (``pemegang_berikut``), which the scheduled
  job applies on that day (``terapkan_pergantian_terjadwal``). The history says who held it when
  from the moment the change is saved, so signatures follow the TMT either way.
- Who names an OPD's officials: only the Admin SAKIP Pemda (``pastikan_pengubah_pejabat``).
- ``pemegang_pada``: who held a position on a given day, as what (Definitif/Plt/Plh), with NIP,
  pangkat and the letter — what a signature block prints.
"""

from dataclasses import dataclass
from datetime import date

import frappe
from frappe import _
from frappe.utils import add_days, formatdate, get_fullname, getdate, today

from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.doctype import EVALUASI, JABATAN, LANGKAH, PEGAWAI
from sakip_evaluasi.domain.peran import (
	ADMIN_PEMDA,
	KEPALA_BIDANG,
	KEPALA_DINAS,
	PERAN_SOP,
	SEKRETARIS,
	SUBKOOR,
)
from sakip_evaluasi.pejabat.izin import _hapus_peran, _tambah_peran
from sakip_evaluasi.pejabat.pemegang import PEJABAT, penunjukan_pada, sebutan_bidang

DEFINITIF = "Definitif"
KODE_PERAN = {KEPALA_DINAS: "KADIS", SEKRETARIS: "SEKRETARIS", SUBKOOR: "SUBKOR", KEPALA_BIDANG: "KABID"}


def nama_jabatan(opd: str, peran: str, bidang: str | None = None) -> str:
	"""The record name of a position: JAB-DPUPR-SEKRETARIS, JAB-DPUPR-KABID-BM."""
	nama = f"JAB-{opd}-{KODE_PERAN[peran]}"
	if peran == KEPALA_BIDANG:
		kode = bidang[len(opd) + 1 :] if bidang and bidang.startswith(f"{opd}-") else bidang
		nama += f"-{kode}"
	return nama


def sebutan_baku(opd: str, peran: str, bidang: str | None = None) -> str:
	"""The position's title as signed: "Sekretaris Dinas Pekerjaan Umum dan Penataan Ruang"."""
	if peran == KEPALA_BIDANG:
		return _("Kepala {0}").format(sebutan_bidang(bidang))
	nama_opd = frappe.db.get_value("OPD", opd, "nama_opd") or opd
	if peran == KEPALA_DINAS:
		return _("Kepala {0}").format(nama_opd)
	return f"{_(peran)} {nama_opd}"


def user_pegawai(pegawai: str | None) -> str | None:
	return frappe.db.get_value(PEGAWAI, pegawai, "user") if pegawai else None


def pegawai_untuk_user(user: str | None, opd: str | None = None) -> str | None:
	"""The Pegawai whose user is ``user``; one is made (NIP empty, marked migrated) when none exists."""
	if not user:
		return None
	if nama := frappe.db.get_value(PEGAWAI, {"user": user}, "name"):
		return nama
	doc = frappe.get_doc(
		{
			"doctype": PEGAWAI,
			"nama_lengkap": get_fullname(user) or user,
			"user": user,
			"opd": opd,
			"dari_migrasi": 1,
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.name


# --------------------------------------------------------------------------- creating the positions


def siapkan_jabatan_opd(opd: str) -> list[str]:
	"""The positions of ``opd`` (its three officials and the head of each of its bidang), created
	where missing and filled from the users named on the OPD and the Bidang; their names."""
	pejabat = frappe.db.get_value("OPD", opd, list(PEJABAT.values()), as_dict=True) or {}
	nama = [_pastikan_jabatan(opd, peran, None, pejabat.get(field)) for peran, field in PEJABAT.items()]
	for b in frappe.get_all(
		"Bidang", filters={"opd": opd}, fields=["name", "kepala_bidang"], order_by="name"
	):
		nama.append(_pastikan_jabatan(opd, KEPALA_BIDANG, b.name, b.kepala_bidang))
	return nama


def siapkan_semua_jabatan() -> int:
	"""Every OPD's positions (install and patch); the number created."""
	sebelum = frappe.db.count(JABATAN)
	for opd in frappe.get_all("OPD", pluck="name", order_by="name"):
		siapkan_jabatan_opd(opd)
	return frappe.db.count(JABATAN) - sebelum


def _pastikan_jabatan(opd: str, peran: str, bidang: str | None, user: str | None) -> str:
	nama = nama_jabatan(opd, peran, bidang)
	if frappe.db.exists(JABATAN, nama):
		return nama
	doc = frappe.get_doc(
		{
			"doctype": JABATAN,
			"opd": opd,
			"peran": peran,
			"bidang": bidang if peran == KEPALA_BIDANG else None,
			"nama_jabatan": sebutan_baku(opd, peran, bidang),
			"pemegang": pegawai_untuk_user(user, opd),
		}
	)
	doc.flags.dari_pejabat_opd = True  # the OPD / Bidang already names this user
	doc.insert(ignore_permissions=True)
	return nama


def hapus_jabatan(filters: dict) -> None:
	"""An OPD or Bidang deleted: its positions go with it."""
	for nama in frappe.get_all(JABATAN, filters=filters, pluck="name"):
		frappe.delete_doc(JABATAN, nama, ignore_permissions=True, force=True)


# --------------------------------------------------------------------------- the OPD and Bidang forms


def ikuti_pejabat_opd(opd_doc) -> None:
	"""The OPD's official fields changed on its form: its positions take the new holders."""
	if opd_doc.flags.dari_jabatan:
		return
	for peran, field in PEJABAT.items():
		nama = nama_jabatan(opd_doc.name, peran)
		if not frappe.db.exists(JABATAN, nama):
			siapkan_jabatan_opd(opd_doc.name)
		_ikuti(nama, opd_doc.get(field), opd_doc.name)


def ikuti_kepala_bidang(bidang_doc) -> None:
	"""The Bidang's Kepala Bidang changed on its form: its position takes the new holder."""
	if bidang_doc.flags.dari_jabatan:
		return
	nama = nama_jabatan(bidang_doc.opd, KEPALA_BIDANG, bidang_doc.name)
	if not frappe.db.exists(JABATAN, nama):
		_pastikan_jabatan(bidang_doc.opd, KEPALA_BIDANG, bidang_doc.name, bidang_doc.kepala_bidang)
		return
	_ikuti(nama, bidang_doc.kepala_bidang, bidang_doc.opd)


def _ikuti(nama: str, user: str | None, opd: str) -> None:
	doc = frappe.get_doc(JABATAN, nama)
	if user_pegawai(doc.pemegang) == user:
		return
	doc.pemegang = pegawai_untuk_user(user, opd)
	doc.flags.dari_pejabat_opd = True
	doc.save(ignore_permissions=True)


# --------------------------------------------------------------------------- a change of holder


def pastikan_pengubah_pejabat(doc, fields: list[str], akhir: str) -> None:
	"""Refuse a save by anyone but the Admin SAKIP Pemda (or a System Manager) that changes who holds
	an OPD's positions (``fields`` of ``doc``). A change the app makes itself (a position following its
	OPD, the scheduled change at its TMT, install and migrate) passes."""
	if doc.is_new() or doc.flags.dari_jabatan or doc.flags.dari_pejabat_opd or doc.flags.pergantian_terjadwal:
		return
	if frappe.flags.in_install or frappe.flags.in_migrate or frappe.flags.in_patch:
		return
	if {ADMIN_PEMDA, "System Manager"} & set(frappe.get_roles()):
		return
	berubah = [doc.meta.get_label(f) for f in fields if doc.has_value_changed(f)]
	if berubah:
		frappe.throw(
			_(
				"Pejabat OPD ({0} pada {1} {2}) hanya diubah oleh Admin SAKIP Pemda, berdasarkan SK atau surat "
				"pejabat yang berwenang. Minta Admin SAKIP Pemda mengubahnya. {3}"
			).format(", ".join(_(b) for b in berubah), _(doc.doctype), doc.name, akhir),
			frappe.PermissionError,
			title=_("Tidak berwenang mengubah pejabat"),
		)


def jadwalkan_pergantian(doc) -> bool:
	"""Before saving a position whose holder changed: with a TMT after today the change waits for it.
	The history is written now (the previous holder until the day before the TMT), the new holder is
	kept as ``pemegang_berikut`` and the position keeps its holder until the scheduled job applies the
	change on the TMT. True when the change was scheduled."""
	sebelum = doc.get_doc_before_save()
	if sebelum is None or doc.flags.pergantian_terjadwal or not doc.pemegang:
		return False
	tmt = getdate(doc.tmt_pemegang) if doc.tmt_pemegang and doc.has_value_changed("tmt_pemegang") else None
	if not tmt or tmt <= getdate(today()):
		return False
	baru = doc.pemegang
	catat_pemegang(doc)
	doc.pemegang_berikut, doc.tmt_berikut, doc.sk_berikut = baru, tmt, doc.nomor_sk
	doc.pemegang, doc.tmt_pemegang, doc.nomor_sk = sebelum.pemegang, sebelum.tmt_pemegang, sebelum.nomor_sk
	frappe.msgprint(
		_(
			"{0} menjadi pemegang {1} mulai TMT {2}: sampai hari itu {3} tetap memegangnya. Hak, Izin Pengguna "
			"dan langkah SOP berjalan berpindah pada TMT oleh tugas terjadwal."
		).format(
			frappe.db.get_value(PEGAWAI, baru, "nama_lengkap") or baru,
			doc.nama_jabatan,
			formatdate(tmt),
			frappe.db.get_value(PEGAWAI, doc.pemegang, "nama_lengkap") or _("(kosong)"),
		),
		title=_("Pergantian pemegang terjadwal"),
		indicator="blue",
	)
	return True


def batalkan_pergantian_terjadwal(doc) -> None:
	"""A scheduled change replaced by another one: its history row goes, the current holder's row is
	open again."""
	if not doc.pemegang_berikut or doc.flags.pergantian_terjadwal:
		return
	tmt = getdate(doc.tmt_berikut)
	for r in list(doc.riwayat):
		if r.jenis == DEFINITIF and r.pegawai == doc.pemegang_berikut and getdate(r.dari) == tmt:
			doc.remove(r)
		elif r.jenis == DEFINITIF and r.sampai and getdate(r.sampai) == add_days(tmt, -1):
			r.sampai = None
	doc.pemegang_berikut = doc.tmt_berikut = doc.sk_berikut = None


def terapkan_pergantian_terjadwal(hari_ini=None) -> list[str]:
	"""The scheduled job's part for positions: every scheduled change whose TMT has come takes effect
	(the holder's field, role, User Permissions, running clocks); the positions changed."""
	hari = getdate(hari_ini or today())
	berubah = []
	for nama in frappe.get_all(
		JABATAN, filters={"pemegang_berikut": ("is", "set"), "tmt_berikut": ("<=", hari)}, pluck="name"
	):
		doc = frappe.get_doc(JABATAN, nama)
		doc.pemegang, doc.tmt_pemegang, doc.nomor_sk = doc.pemegang_berikut, doc.tmt_berikut, doc.sk_berikut
		doc.pemegang_berikut = doc.tmt_berikut = doc.sk_berikut = None
		doc.flags.pergantian_terjadwal = True  # its history was written when it was scheduled
		doc.save(ignore_permissions=True)
		berubah.append(nama)
	return berubah


def catat_pemegang(doc) -> None:
	"""Before saving a position whose holder changed: close the open history row of the previous
	definitive holder (the day before the new one's TMT) and open one for the new holder."""
	mulai = getdate(
		(doc.tmt_pemegang if doc.is_new() or doc.has_value_changed("tmt_pemegang") else None) or today()
	)
	nomor = doc.nomor_sk if doc.is_new() or doc.has_value_changed("nomor_sk") else None
	terbuka = [r for r in doc.riwayat if r.jenis == DEFINITIF and not r.sampai]
	for r in terbuka:
		if getdate(r.dari) > mulai:
			frappe.throw(
				_(
					"TMT pemegang baru ({0}) sebelum {1} mulai menjabat ({2}). Isi TMT Pemegang dengan tanggal "
					"pemegang baru mulai menjabat. Jabatan belum disimpan."
				).format(formatdate(mulai), r.nama_pegawai, formatdate(r.dari)),
				title=_("TMT tidak valid"),
			)
		r.sampai = max(getdate(r.dari), add_days(mulai, -1))
	doc.tmt_pemegang, doc.nomor_sk = mulai, nomor
	if doc.pemegang:
		doc.append("riwayat", baris_riwayat(doc.pemegang, DEFINITIF, mulai, None, nomor))


def baris_riwayat(pegawai: str, jenis: str, dari, sampai, nomor=None, tanggal=None, penunjukan=None) -> dict:
	"""A history row: the person as they were then (name, NIP, pangkat, user), as what, from when."""
	p = frappe.db.get_value(
		PEGAWAI, pegawai, ["nama_lengkap", "nip", "pangkat_golongan", "user"], as_dict=True
	)
	return {
		"jenis": jenis,
		"pegawai": pegawai,
		"nama_pegawai": p.nama_lengkap,
		"nip": p.nip,
		"pangkat_golongan": p.pangkat_golongan,
		"user": p.user,
		"dari": dari,
		"sampai": sampai,
		"nomor_surat": nomor,
		"tanggal_surat": tanggal,
		"penunjukan": penunjukan,
	}


def lengkapi_riwayat(pegawai: str, nip: str | None, pangkat: str | None) -> None:
	"""A NIP or pangkat filled in later (a person made from an existing user) completes the history rows
	written without one; a row that carries one keeps it (the pangkat of that day)."""
	for kolom, nilai in (("nip", nip), ("pangkat_golongan", pangkat)):
		if nilai:
			frappe.db.sql(
				f"""update `tabRiwayat Jabatan` set `{kolom}` = %s
				where pegawai = %s and ifnull(`{kolom}`, '') = ''""",
				(nilai, pegawai),
			)


def pemegang_berganti(doc, pegawai_lama: str | None) -> None:
	"""After saving a position whose holder changed: the OPD's field or the Bidang's Kepala Bidang
	follow (with the role and the User Permissions), and the running clocks move to the new holder."""
	lama, baru = user_pegawai(pegawai_lama), user_pegawai(doc.pemegang)
	if lama == baru:
		return
	if not doc.flags.dari_pejabat_opd:
		if baru:
			_tambah_peran(baru, doc.peran)
		if doc.peran == KEPALA_BIDANG:
			sumber = frappe.get_doc("Bidang", doc.bidang)
			sumber.kepala_bidang = baru
		else:
			sumber = frappe.get_doc("OPD", doc.opd)
			sumber.set(PEJABAT[doc.peran], baru)
		sumber.flags.dari_jabatan = True
		sumber.save(ignore_permissions=True)
		if lama and doc.peran != KEPALA_BIDANG and not memegang_peran(lama, doc.peran):
			_hapus_peran(lama, doc.peran)
	if lama and baru and doc.peran != KEPALA_BIDANG:
		# evaluations still running record their official: the new holder takes them over
		frappe.db.sql(
			f"""update `tab{EVALUASI}` e set e.`{PEJABAT[doc.peran]}` = %(baru)s
			where e.opd = %(opd)s and e.`{PEJABAT[doc.peran]}` = %(lama)s and exists (select 1 from
			`tab{LANGKAH}` l where l.evaluasi = e.name and l.selesai is null)""",
			{"baru": baru, "lama": lama, "opd": doc.opd},
		)
	pindahkan_langkah(doc.opd, doc.peran, doc.bidang, lama, baru)


def memegang_peran(user: str, peran: str) -> bool:
	"""Whether ``user`` still holds a position with ``peran`` (definitive, or acting today)."""
	if peran == KEPALA_BIDANG:
		if frappe.db.exists("Bidang", {"kepala_bidang": user}):
			return True
	elif frappe.db.exists("OPD", {PEJABAT[peran]: user}):
		return True
	return bool(penunjukan_pada({"user": user, "peran": peran}))


def pindahkan_langkah(
	opd: str, peran: str, bidang: str | None, dari: str | None, ke: str | None
) -> list[str]:
	"""The running clocks of ``opd`` that ``dari`` holds as ``peran`` (for ``bidang``), and those whose
	superior ``dari`` is as ``peran``, go to ``ke``, who is told about each; the evaluations touched."""
	if not (dari and ke) or dari == ke:
		return []
	L = frappe.qb.DocType(LANGKAH)
	berjalan = (L.opd == opd) & L.selesai.isnull()
	milik = berjalan & (L.peran == peran) & (L.pelaksana == dari)
	if peran == KEPALA_BIDANG and bidang:
		milik &= L.bidang == bidang
	bawahan = [p for p in PERAN_SOP if sla.atasan(p) == peran]
	diawasi = berjalan & (L.atasan == dari) & L.peran.isin(bawahan or [""])
	evaluasi = set()
	for syarat, isian in (
		(milik, {"pelaksana": ke, **dict.fromkeys(_CATATAN_PELAKSANA)}),
		(diawasi, {"atasan": ke, "eskalasi_terlambat": None}),
	):
		rows = frappe.qb.from_(L).select(L.name, L.evaluasi).where(syarat).run(as_dict=True)
		for r in rows:
			frappe.db.set_value(
				LANGKAH,
				r.name,
				{**isian, "notifikasi_tertunda": 1, "gagal_notifikasi": 0},
				update_modified=False,
			)
			evaluasi.add(r.evaluasi)
	if evaluasi:
		from sakip_evaluasi.sla import mesin, notifikasi

		for nama in sorted(evaluasi):
			mesin.perbarui_ringkasan(nama)
		notifikasi.serahkan(setelah_commit=True)
	return sorted(evaluasi)


# A moved clock tells its new holder again where it stands (its turn, warning, late).
_CATATAN_PELAKSANA = tuple(
	kolom for (penerima, _status), kolom in sla.CATATAN_NOTIFIKASI.items() if penerima == sla.KEPADA_PELAKSANA
)


# --------------------------------------------------------------------------- history


@dataclass(frozen=True)
class PemegangPada:
	"""Who held a position on a day, as a signature block prints them."""

	jabatan: str
	nama_jabatan: str
	sebagai: str  # Definitif, Plt or Plh
	pegawai: str
	nama: str
	nip: str | None
	pangkat_golongan: str | None
	user: str | None
	nomor_surat: str | None
	tanggal_surat: date | None

	@property
	def nip_tampil(self) -> str:
		return f"NIP {self.nip}" if self.nip else _("NIP belum diisi")

	@property
	def sebutan(self) -> str:
		""" "Plh. Sekretaris Dinas …" for an acting official, the position's title otherwise."""
		return self.nama_jabatan if self.sebagai == DEFINITIF else f"{self.sebagai}. {self.nama_jabatan}"


def pemegang_pada(
	jabatan: str | None = None,
	tanggal: date | str | None = None,
	*,
	opd: str | None = None,
	peran: str | None = None,
	bidang: str | None = None,
) -> PemegangPada | None:
	"""Who held ``jabatan`` (or ``opd``'s position ``peran``, for ``bidang``) on ``tanggal`` (default
	today): an acting official (Plt/Plh) whose appointment covered the day, else the definitive holder
	of that day; None when it was vacant."""
	jabatan = jabatan or nama_jabatan(opd, peran, bidang)
	hari = getdate(tanggal or today())
	R = frappe.qb.DocType("Riwayat Jabatan")
	rows = (
		frappe.qb.from_(R)
		.select("*")
		.where(
			(R.parenttype == JABATAN)
			& (R.parent == jabatan)
			& (R.dari <= hari)
			& (R.sampai.isnull() | (R.sampai >= hari))
		)
		.run(as_dict=True)
	)
	if not rows:
		return None
	# acting first (it covers the day), then the most recent definitive appointment
	row = max(rows, key=lambda r: (r.jenis != DEFINITIF, getdate(r.dari), r.idx))
	nama_jab = frappe.db.get_value(JABATAN, jabatan, "nama_jabatan")
	sekarang = frappe.db.get_value(PEGAWAI, row.pegawai, ["nip", "pangkat_golongan"], as_dict=True) or {}
	return PemegangPada(
		jabatan=jabatan,
		nama_jabatan=nama_jab,
		sebagai=row.jenis,
		pegawai=row.pegawai,
		nama=row.nama_pegawai,
		nip=row.nip or sekarang.get("nip"),
		pangkat_golongan=row.pangkat_golongan or sekarang.get("pangkat_golongan"),
		user=row.user,
		nomor_surat=row.nomor_surat,
		tanggal_surat=getdate(row.tanggal_surat) if row.tanggal_surat else None,
	)
