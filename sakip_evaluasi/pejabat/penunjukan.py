"""Acting officials: a *Penunjukan Pelaksana* (Plt or Plh) names a Pegawai to act in a position, by a
letter, from ``mulai`` to ``selesai`` (both days included).

Who holds the role is decided by ``pejabat.pemegang_peran`` from the dates alone. What this module
does is the rest, granted when the appointment starts and revoked when it ends — at once when it is
submitted or cancelled, and by the scheduled job ``selaraskan_penunjukan`` (hooks.py) for the dates:

- the acting user gets the position's role and the User Permissions on its OPD (and Bidang), and
  loses at the end what they did not have before;
- the position (Jabatan) shows the acting official, and a Bidang its ``pelaksana_kepala_bidang``,
  which the Kepala Bidang's workflow conditions admit;
- the running clocks of the position (as holder and as superior) move to the acting user at the start
  and back to the definitive holder at the end;
- every workflow action taken as acting official is recorded on the document's timeline
  (``catat_tindakan_pelaksana``), and an action of one whose appointment no longer (or not yet) runs is
  refused with a message (``pastikan_penunjukan_berlaku``).

Plh (temporary absence): the definitive holder keeps their rights; the steps, clocks and
notifications go to the acting official. Plt (vacancy): appointed only to a position without a
definitive holder.

The letter (Surat Perintah) is signed by the position's superior: the Kepala Dinas for a position
inside the OPD, the Kepala Daerah (or the Sekda on his behalf) for the Kepala Dinas, which only the
Admin SAKIP Pemda records (``periksa_surat``).

A Kepala Bidang acting in an OPD-wide position (e.g. Plh Sekretaris) keeps their User Permission on
their Bidang, applied while the appointment runs to a DocType without a Bidang link
(``IZIN_BIDANG_DITAHAN``), so they read and act across the OPD — every bidang's Data Kinerja Bidang and
Tindak Lanjut — as the holder would; it applies to all DocTypes again when the appointment ends.
Their Kepala Bidang changes stay limited to their bidang and what their bidang submits is checked by
the Kepala Dinas, not by them (``pejabat.peran_di_dokumen``: their edits and actions; the Tindak
Lanjut workflow's conditions; ``pejabat.pemegang_peran``: the step's clock and Tugas Saya).
"""

import json

import frappe
from frappe import _
from frappe.model.workflow import get_workflow_name
from frappe.utils import formatdate, get_fullname, getdate, today

from sakip_evaluasi.domain.doctype import JABATAN, PEGAWAI, PENUNJUKAN
from sakip_evaluasi.domain.kepegawaian import bertumpang
from sakip_evaluasi.domain.peran import ADMIN_PEMDA, KEPALA_BIDANG, KEPALA_DINAS
from sakip_evaluasi.pejabat.izin import (
	_beri_izin,
	_cabut_izin,
	_hapus_peran,
	_tambah_peran,
	memegang_jabatan_di,
)
from sakip_evaluasi.pejabat.jabatan import (
	baris_riwayat,
	memegang_peran,
	pemegang_pada,
	pindahkan_langkah,
	terapkan_pergantian_terjadwal,
	user_pegawai,
)
from sakip_evaluasi.pejabat.pemegang import (
	PEJABAT,
	PLT,
	memimpin_bidang,
	penunjukan_pada,
	peran_di_dokumen,
	sebutan_bidang,
)

TERJADWAL, BERJALAN, SELESAI, DIBATALKAN = "Terjadwal", "Berjalan", "Selesai", "Dibatalkan"
# Who signs the Surat Perintah (the field's options).
TTD_KADIS, TTD_KEPALA_DAERAH, TTD_SEKDA = (
	"Kepala Dinas",
	"Kepala Daerah",
	"Sekretaris Daerah a.n. Kepala Daerah",
)
# While a Kepala Bidang acts in an OPD-wide position their User Permission on their Bidang stays on
# their user but applies only to this DocType, which has no link to Bidang: it hides nothing, so they
# read every bidang's documents as the holder would (checked by the tests). Their Kepala Bidang
# changes are limited to their bidang by ``pejabat.peran_di_dokumen`` and the workflow's conditions.
IZIN_BIDANG_DITAHAN = PEGAWAI


# --------------------------------------------------------------------------- validation


def periksa_penunjukan(doc) -> None:
	"""Refuse an appointment that could not work, saying what to change."""
	akhir = _("Penunjukan belum disimpan.")
	periksa_surat(doc, akhir)
	if doc.mulai and doc.selesai and getdate(doc.selesai) < getdate(doc.mulai):
		frappe.throw(
			_("Tanggal selesai ({0}) sebelum tanggal mulai ({1}). Perbaiki masa penunjukan. {2}").format(
				formatdate(doc.selesai), formatdate(doc.mulai), akhir
			),
			title=_("Masa penunjukan tidak valid"),
		)
	jabatan = frappe.db.get_value(JABATAN, doc.jabatan, ["pemegang", "nama_jabatan"], as_dict=True)
	if jabatan and doc.pegawai and doc.pegawai == jabatan.pemegang:
		frappe.throw(
			_(
				"{0} adalah pemegang definitif {1}: Plt/Plh ditunjuk untuk pegawai lain yang menggantikannya. "
				"Pilih pegawai lain. {2}"
			).format(doc.nama_pegawai or doc.pegawai, jabatan.nama_jabatan, akhir),
			title=_("Pegawai tidak valid"),
		)
	if jabatan and doc.jenis == PLT and jabatan.pemegang:
		frappe.throw(
			_(
				"Plt ditunjuk untuk jabatan yang kosong, tetapi {0} masih dijabat {1}. Untuk ketidakhadiran "
				"sementara pejabat definitif tunjuk Plh; bila jabatan memang kosong, kosongkan dahulu Pemegang "
				"Definitif pada jabatan {0}. {2}"
			).format(
				jabatan.nama_jabatan, frappe.db.get_value("Pegawai", jabatan.pemegang, "nama_lengkap"), akhir
			),
			title=_("Jabatan belum kosong"),
		)
	user = user_pegawai(doc.pegawai)
	if not user or not frappe.db.get_value("User", user, "enabled"):
		frappe.throw(
			_(
				"{0} belum memiliki pengguna aktif, sehingga tidak dapat bertindak di aplikasi. Isi Pengguna "
				"pada formulir Pegawai {0}. {1}"
			).format(doc.nama_pegawai or doc.pegawai, akhir),
			title=_("Pegawai tanpa pengguna"),
		)
	_pastikan_tidak_bertumpang(doc, akhir)


def periksa_surat(doc, akhir: str) -> None:
	"""The letter's signer must be the position's superior: the Kepala Dinas for a position inside the
	OPD; the Kepala Daerah (or the Sekda on his behalf) for the Kepala Dinas, whose appointment only the
	Admin SAKIP Pemda records. The Kepala Dinas's name is that of the holder on the letter's date."""
	jabatan = frappe.db.get_value(JABATAN, doc.jabatan, ["peran", "opd", "nama_jabatan"], as_dict=True)
	if not jabatan:
		return
	if jabatan.peran == KEPALA_DINAS:
		if ADMIN_PEMDA not in frappe.get_roles():
			frappe.throw(
				_(
					"Plt/Plh {0} ditunjuk dengan surat Kepala Daerah (atau Sekretaris Daerah atas namanya) dan "
					"hanya dicatat oleh Admin SAKIP Pemda; {1} tidak dapat menunjuk Plt/Plh atasannya. {2}"
				).format(jabatan.nama_jabatan, get_fullname(frappe.session.user), akhir),
				frappe.PermissionError,
				title=_("Tidak berwenang menunjuk"),
			)
		if doc.penandatangan not in (TTD_KEPALA_DAERAH, TTD_SEKDA):
			frappe.throw(
				_(
					"Surat penunjukan Plt/Plh {0} ditandatangani Kepala Daerah atau Sekretaris Daerah atas nama "
					"Kepala Daerah, bukan {1}. Pilih Penandatangan Surat yang sesuai. {2}"
				).format(jabatan.nama_jabatan, _(doc.penandatangan or "-"), akhir),
				title=_("Penandatangan tidak berwenang"),
			)
		if not (doc.nama_penandatangan or "").strip():
			frappe.throw(
				_("Isi Nama Penandatangan surat penunjukan Plt/Plh {0} ({1}). {2}").format(
					jabatan.nama_jabatan, _(doc.penandatangan), akhir
				),
				frappe.MandatoryError,
				title=_("Nama penandatangan belum diisi"),
			)
		return
	if doc.penandatangan != TTD_KADIS:
		frappe.throw(
			_(
				"Surat penunjukan Plt/Plh {0} ditandatangani Kepala Dinas {1} sebagai atasan jabatan itu, bukan "
				"{2}. Pilih Kepala Dinas sebagai Penandatangan Surat. {3}"
			).format(jabatan.nama_jabatan, jabatan.opd, _(doc.penandatangan or "-"), akhir),
			title=_("Penandatangan tidak berwenang"),
		)
	kadis = pemegang_pada(opd=jabatan.opd, peran=KEPALA_DINAS, tanggal=doc.tanggal_surat)
	if kadis is None:
		frappe.throw(
			_(
				"Pada tanggal surat ({0}) jabatan Kepala Dinas {1} kosong, sehingga tidak ada yang berwenang "
				"menandatangani penunjukan {2}. Periksa tanggal surat. {3}"
			).format(formatdate(doc.tanggal_surat), jabatan.opd, jabatan.nama_jabatan, akhir),
			title=_("Penandatangan tidak berwenang"),
		)
	doc.nama_penandatangan = kadis.nama


def _pastikan_tidak_bertumpang(doc, akhir: str) -> None:
	if not (doc.mulai and doc.selesai):
		return
	for lain in frappe.get_all(
		PENUNJUKAN,
		filters={"jabatan": doc.jabatan, "docstatus": 1, "name": ("!=", doc.name or "")},
		fields=["name", "jenis", "nama_pegawai", "mulai", "selesai"],
	):
		if bertumpang(getdate(doc.mulai), getdate(doc.selesai), getdate(lain.mulai), getdate(lain.selesai)):
			frappe.throw(
				_(
					"Masa penunjukan {0} s.d. {1} bertumpang dengan {2} {3} ({4}, {5} s.d. {6}). Satu jabatan "
					"hanya memiliki satu Plt/Plh pada satu hari: ubah tanggalnya, atau batalkan penunjukan {3} "
					"dahulu. {7}"
				).format(
					formatdate(doc.mulai),
					formatdate(doc.selesai),
					lain.jenis,
					lain.name,
					lain.nama_pegawai,
					formatdate(lain.mulai),
					formatdate(lain.selesai),
					akhir,
				),
				title=_("Masa penunjukan bertumpang"),
			)


# --------------------------------------------------------------------------- history


def catat_riwayat(doc) -> None:
	"""On submit: the appointment enters the position's history (what ``pemegang_pada`` reads)."""
	jabatan = frappe.get_doc(JABATAN, doc.jabatan)
	jabatan.append(
		"riwayat",
		baris_riwayat(
			doc.pegawai, doc.jenis, doc.mulai, doc.selesai, doc.nomor_surat, doc.tanggal_surat, doc.name
		),
	)
	jabatan.flags.ignore_permissions = True
	jabatan.save()


def hapus_riwayat(doc) -> None:
	"""On cancel: a cancelled appointment never held the position."""
	frappe.db.delete(
		"Riwayat Jabatan", {"parenttype": JABATAN, "parent": doc.jabatan, "penunjukan": doc.name}
	)


# --------------------------------------------------------------------------- start and end


def status_seharusnya(doc, hari_ini=None) -> str:
	hari = getdate(hari_ini or today())
	if doc.docstatus == 2:
		return DIBATALKAN
	if hari < getdate(doc.mulai):
		return TERJADWAL
	return SELESAI if hari > getdate(doc.selesai) else BERJALAN


def selaraskan(doc, hari_ini=None) -> bool:
	"""Bring the appointment's rights and clocks in line with its dates; True when something changed."""
	baru = status_seharusnya(doc, hari_ini)
	if baru == doc.status:
		return False
	if baru == BERJALAN:
		_mulai(doc)
	elif doc.status == BERJALAN:
		_akhiri(doc)
	doc.db_set("status", baru, update_modified=False)
	return True


def selaraskan_penunjukan(hari_ini=None, commit: bool = True) -> list[str]:
	"""The scheduled job: every change of holder whose TMT has come has taken effect, and every
	submitted appointment that should start or end has started or ended."""
	berubah = []
	titik = "sakip_pergantian"
	frappe.db.savepoint(titik)
	try:
		# a change of holder whose TMT has come takes effect first
		berubah += terapkan_pergantian_terjadwal(hari_ini)
	except Exception:
		frappe.db.rollback(save_point=titik)
		frappe.log_error(title=_("Pergantian pemegang jabatan terjadwal gagal diterapkan"))
	if commit:
		frappe.db.commit()
	for nama in frappe.get_all(
		PENUNJUKAN, filters={"docstatus": 1, "status": ("in", (TERJADWAL, BERJALAN))}, pluck="name"
	):
		titik = "sakip_penunjukan"
		frappe.db.savepoint(titik)
		try:
			if selaraskan(frappe.get_doc(PENUNJUKAN, nama), hari_ini):
				berubah.append(nama)
		except Exception:
			frappe.db.rollback(save_point=titik)
			frappe.log_error(title=_("Penunjukan {0} gagal diselaraskan").format(nama))
		if commit:
			frappe.db.commit()
	return berubah


def _mulai(doc) -> None:
	user = doc.user or user_pegawai(doc.pegawai)
	hak = {"peran": False, "izin": []}
	if doc.peran not in frappe.get_roles(user):
		_tambah_peran(user, doc.peran)
		hak["peran"] = True
	for allow, nilai in _izin_jabatan(doc):
		if not frappe.db.exists("User Permission", {"user": user, "allow": allow, "for_value": nilai}):
			_beri_izin(user, allow, nilai)
			hak["izin"].append([allow, nilai])
	if doc.peran != KEPALA_BIDANG:
		hak["izin_bidang"] = _persempit_izin_bidang(user)
	doc.db_set("hak_diberikan", json.dumps(hak), update_modified=False)
	frappe.db.set_value(
		JABATAN,
		doc.jabatan,
		{
			"jenis_pelaksana": doc.jenis,
			"pelaksana": doc.pegawai,
			"penunjukan": doc.name,
			"pelaksana_sampai": doc.selesai,
		},
		update_modified=False,
	)
	if doc.peran == KEPALA_BIDANG and doc.bidang:
		frappe.db.set_value("Bidang", doc.bidang, "pelaksana_kepala_bidang", user, update_modified=False)
	definitif = user_pegawai(frappe.db.get_value(JABATAN, doc.jabatan, "pemegang"))
	dipindah = pindahkan_langkah(doc.opd, doc.peran, doc.bidang, definitif, user)
	doc.add_comment(
		"Info",
		_("{0} mulai berlaku: {1} memegang langkah SOP {2}{3}.").format(
			doc.name,
			get_fullname(user),
			doc.nama_jabatan,
			_(" (langkah berjalan dipindahkan dari evaluasi {0})").format(", ".join(dipindah))
			if dipindah
			else "",
		),
	)


def _akhiri(doc) -> None:
	user = doc.user or user_pegawai(doc.pegawai)
	frappe.db.set_value(
		JABATAN,
		{"name": doc.jabatan, "penunjukan": doc.name},
		{"jenis_pelaksana": None, "pelaksana": None, "penunjukan": None, "pelaksana_sampai": None},
		update_modified=False,
	)
	if doc.peran == KEPALA_BIDANG and doc.bidang:
		frappe.db.set_value(
			"Bidang", {"name": doc.bidang, "pelaksana_kepala_bidang": user}, "pelaksana_kepala_bidang", None
		)
	hak = json.loads(doc.hak_diberikan or "{}")
	for allow, nilai in hak.get("izin", []):
		if not _masih_berhak(user, allow, nilai, doc.name):
			_cabut_izin(user, allow, nilai)
	_pulihkan_izin_bidang(user, hak.get("izin_bidang", []), doc.name)
	if hak.get("peran") and not memegang_peran(user, doc.peran):
		_hapus_peran(user, doc.peran)
	definitif = user_pegawai(frappe.db.get_value(JABATAN, doc.jabatan, "pemegang"))
	pindahkan_langkah(doc.opd, doc.peran, doc.bidang, user, definitif)
	doc.add_comment(
		"Info",
		_(
			"{0} berakhir: peran dan Izin Pengguna {1} sebagai {2} dicabut; langkah berjalan kembali ke {3}."
		).format(
			doc.name, get_fullname(user), doc.nama_jabatan, get_fullname(definitif) if definitif else "-"
		),
	)


def _persempit_izin_bidang(user: str) -> list[str]:
	"""A Kepala Bidang acting in an OPD-wide position: their User Permissions on their Bidang (applied
	to every DocType) are kept, applied to ``IZIN_BIDANG_DITAHAN`` only while it runs; the names changed."""
	nama = frappe.get_all(
		"User Permission", filters={"user": user, "allow": "Bidang", "apply_to_all_doctypes": 1}, pluck="name"
	)
	for n in nama:
		izin = frappe.get_doc("User Permission", n)
		izin.apply_to_all_doctypes, izin.applicable_for = 0, IZIN_BIDANG_DITAHAN
		izin.save(ignore_permissions=True)
	return nama


def _pulihkan_izin_bidang(user: str, nama: list[str], kecuali: str) -> None:
	"""At the end: the bidang limit is whole again, unless another OPD-wide appointment still runs."""
	if any(p.peran != KEPALA_BIDANG for p in penunjukan_pada({"user": user}) if p.penunjukan != kecuali):
		return
	for n in nama:
		if frappe.db.exists("User Permission", n):
			izin = frappe.get_doc("User Permission", n)
			izin.apply_to_all_doctypes, izin.applicable_for = 1, None
			izin.save(ignore_permissions=True)


def _izin_jabatan(doc) -> list[tuple[str, str]]:
	izin = [("OPD", doc.opd)]
	if doc.peran == KEPALA_BIDANG and doc.bidang:
		izin.append(("Bidang", doc.bidang))
	return izin


def _masih_berhak(user: str, allow: str, nilai: str, kecuali: str) -> bool:
	"""Whether ``user`` keeps a User Permission on ``nilai`` after appointment ``kecuali`` ends."""
	if allow == "OPD" and memegang_jabatan_di(user, nilai):
		return True
	if allow == "Bidang" and frappe.db.exists("Bidang", {"name": nilai, "kepala_bidang": user}):
		return True
	lain = [p for p in penunjukan_pada({"user": user}) if p.penunjukan != kecuali]
	return any(nilai in (frappe.db.get_value(JABATAN, p.jabatan, "opd"), p.bidang) for p in lain)


# --------------------------------------------------------------------------- actions as acting official


def peran_transisi(
	doctype: str, dari: str | None, ke: str | None = None, aksi: str | None = None
) -> set[str]:
	"""The roles the Workflow lets move ``doctype`` from state ``dari`` (to ``ke``, or by ``aksi``)."""
	workflow = get_workflow_name(doctype)
	if not workflow or not dari:
		return set()
	filters = {"parent": workflow, "state": dari}
	if ke:
		filters["next_state"] = ke
	if aksi:
		filters["action"] = aksi
	return set(frappe.get_all("Workflow Transition", filters=filters, pluck="allowed"))


def _penunjukan_untuk(user: str, opd: str, peran: set[str], bidang: str | None):
	"""The appointments of ``user`` in ``opd`` whose role may take the transition (for a Kepala Bidang:
	of the document's bidang)."""
	return {
		"user": user,
		"opd": opd,
		"peran": ("in", sorted(peran) or [""]),
	}, lambda p: p.peran != KEPALA_BIDANG or not bidang or p.bidang == bidang


def catat_tindakan_pelaksana(doc, dari: str | None) -> None:
	"""A workflow action just moved ``doc`` from state ``dari``: when the user took it as an acting
	official, the timeline says so (who, as what, under which letter)."""
	user = frappe.session.user
	if not doc.get("opd") or user == "Administrator":
		return
	filters, cocok = _penunjukan_untuk(
		user, doc.opd, peran_transisi(doc.doctype, dari, doc.workflow_state), doc.get("bidang")
	)
	for p in penunjukan_pada(filters):
		if cocok(p):
			doc.add_comment(
				"Comment",
				_("{0} ({1}) bertindak sebagai {2} berdasarkan {3}: {4} → {5}.").format(
					get_fullname(user), user, p.sebutan, p.surat, dari, doc.workflow_state
				),
			)
			return


def pastikan_penunjukan_berlaku(doc, peran: set[str]) -> None:
	"""Refuse a workflow action on ``doc`` needing one of ``peran`` when the user would take it only
	by an acting appointment that does not run today (ended, or not yet started)."""
	user = frappe.session.user
	opd = doc.get("opd")
	if not opd or user == "Administrator" or not peran:
		return
	filters, cocok = _penunjukan_untuk(user, opd, peran, doc.get("bidang"))
	if any(cocok(p) for p in penunjukan_pada(filters)):
		return  # acting today
	if any(_memegang_definitif(user, opd, r, doc.get("bidang")) for r in peran):
		return
	hari = getdate(today())
	for p in frappe.get_all(
		PENUNJUKAN,
		filters={**filters, "docstatus": 1},
		fields=[
			"name",
			"jenis",
			"nama_jabatan",
			"nomor_surat",
			"tanggal_surat",
			"mulai",
			"selesai",
			"peran",
			"bidang",
		],
		order_by="selesai desc",
	):
		if not cocok(p):
			continue
		keadaan = _("berakhir") if getdate(p.selesai) < hari else _("belum berlaku")
		frappe.throw(
			_(
				"Penunjukan Anda sebagai {0}. {1} ({2}, surat nomor {3} tanggal {4}) berlaku {5} s.d. {6} dan "
				"hari ini ({7}) {8}, sehingga Anda tidak dapat bertindak atas {9} {10}. Tidak ada data yang diubah."
			).format(
				p.jenis,
				p.nama_jabatan,
				p.name,
				p.nomor_surat,
				formatdate(p.tanggal_surat),
				formatdate(p.mulai),
				formatdate(p.selesai),
				formatdate(hari),
				keadaan,
				_(doc.doctype),
				doc.name,
			),
			frappe.PermissionError,
			title=_("Penunjukan Plt/Plh tidak berlaku"),
		)


def pastikan_wewenang_bidang(doc, aksi: str) -> None:
	"""A Kepala Bidang acts as Kepala Bidang only on their own bidang's documents; and one who also holds
	a role over the bidang (an acting Sekretaris) does not verify or return what their own bidang
	submitted: the Kepala Dinas does (the workflow's conditions offer it to them). Refused with the
	reason, where Frappe would only say the action is not valid."""
	bidang = doc.get("bidang") if doc.meta.has_field("bidang") else None
	user = frappe.session.user
	if not bidang or user == "Administrator":
		return
	peran = peran_transisi(doc.doctype, doc.get("workflow_state"), aksi=aksi)
	milik = memimpin_bidang(user, bidang)
	roles = set(frappe.get_roles(user))
	berlaku = peran_di_dokumen(doc, user)
	if peran == {KEPALA_BIDANG} and KEPALA_BIDANG in roles and not milik:
		frappe.throw(
			_(
				"Sebagai Kepala Bidang Anda hanya bertindak atas dokumen bidang Anda sendiri; {0} {1} milik {2}, "
				"yang dijalankan Kepala Bidangnya. Tidak ada data yang diubah."
			).format(_(doc.doctype), doc.name, sebutan_bidang(bidang)),
			frappe.PermissionError,
			title=_("Dokumen bidang lain"),
		)
	if milik and peran & roles and not peran & berlaku:
		frappe.throw(
			_(
				"{0} adalah Kepala {1}: tindakan {2} atas {3} {4}, yang diajukan bidangnya sendiri, diverifikasi "
				"oleh Kepala Dinas, bukan oleh Anda. Tidak ada data yang diubah."
			).format(get_fullname(user), sebutan_bidang(bidang), _(aksi), _(doc.doctype), doc.name),
			frappe.PermissionError,
			title=_("Dokumen bidang sendiri"),
		)


def _memegang_definitif(user: str, opd: str, peran: str, bidang: str | None) -> bool:
	if peran == KEPALA_BIDANG:
		return bool(bidang) and frappe.db.get_value("Bidang", bidang, "kepala_bidang") == user
	field = PEJABAT.get(peran)
	return bool(field) and frappe.db.get_value("OPD", opd, field) == user
