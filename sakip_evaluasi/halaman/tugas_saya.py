"""Tugas Saya: every SOP document that waits for the session user's action, and the running evaluations.

One rule for "waits for me": a document of an SOP workflow is the user's task when Frappe's own
workflow rules (``frappe.model.workflow.get_transitions``: the transition's role and its condition,
e.g. the Kepala Bidang *of that bidang*) offer the user an action that moves it on, and — for the
actions of the evaluation's officials (Kepala Dinas, Sekretaris, Subkoordinator) — the user is the
official who holds that role for the document's evaluation (``pejabat.pemegang_peran``). Cancelling
and returning are rights, not tasks: offered alone (the Inspektorat may return an accepted Tindak
Lanjut) they make nothing wait for the user; beside an action that moves the document on (Terima or
Kembalikan of submitted data) the return is one of the choices listed. The candidates are read with
``frappe.get_list``, so Frappe's permissions (role permissions and User Permissions: a Kepala Bidang's
bidang, later the OPD) scope the list by themselves.

Each task carries what to do (``PETUNJUK``), the deadline and the working time left from the SLA
engine's clock of the document (``Langkah Evaluasi``; else the document's own ``batas_waktu``; else the
clock of the evaluation's current step, which cannot end while the document waits — e.g. a submitted
Data Kinerja Bidang waiting for verification), and
the status colour (``domain.sla.WARNA_STATUS``). The same facts make the banner of a form
(:func:`tugas_dokumen`).
"""

from datetime import datetime
from urllib.parse import urlencode

import frappe
from frappe import _
from frappe.model.workflow import get_transitions, get_workflow_name
from frappe.utils import get_datetime, get_fullname, get_url, get_url_to_form, now_datetime

from sakip_evaluasi.aturan.alur_kerja import DIKEMBALIKAN, FIELD_RIWAYAT, dokumen_alur_kerja_sop
from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.doctype import EVALUASI, LANGKAH
from sakip_evaluasi.domain.peran import BAPPEDA, INSPEKTORAT, KEPALA_DINAS, SEKRETARIS
from sakip_evaluasi.pejabat.pemegang import PEJABAT, pemegang_peran, sebutan_bidang
from sakip_evaluasi.sla.kalender import kalender_evaluasi
from sakip_evaluasi.sla.pemicu import pemicu_sop
from sakip_evaluasi.sla.tampilan import status_kini

# The SOP documents that run through a Workflow, in the order of the SOP.
DOKUMEN_SOP = (
	"Disposisi",
	"Kertas Kerja Evaluasi",
	"Data Kinerja Bidang",
	"Notulen Rapat",
	"Tindak Lanjut Evaluasi",
)
# What to do with a document in a state, for the one who may act on it (Bahasa Indonesia).
PETUNJUK = {
	("Disposisi", "Draft"): "Lengkapi instruksi dan catatan disposisi, lalu Kirim.",
	("Disposisi", "Dikirim"): "Baca disposisi, lalu Terima.",
	("Disposisi", "Diterima"): "Laksanakan disposisi, lalu Selesaikan.",
	("Kertas Kerja Evaluasi", "Draft"): "Lengkapi kertas kerja evaluasi, lalu Ajukan kepada Sekretaris.",
	(
		"Kertas Kerja Evaluasi",
		"Dikembalikan",
	): "Perbaiki kertas kerja sesuai alasan pengembalian, lalu Ajukan lagi.",
	(
		"Kertas Kerja Evaluasi",
		"Diajukan",
	): "Periksa kertas kerja, lalu Setujui, atau Kembalikan dengan alasan.",
	("Kertas Kerja Evaluasi", "Disetujui"): "Distribusikan kertas kerja kepada setiap bidang.",
	(
		"Kertas Kerja Evaluasi",
		"Didistribusikan",
	): "Setelah data kinerja setiap bidang diterima, Rekap kertas kerja.",
	(
		"Data Kinerja Bidang",
		"Draft",
	): "Isi realisasi setiap indikator (dan kendala serta upaya bila ada), lalu Ajukan.",
	("Data Kinerja Bidang", "Dikembalikan"): "Perbaiki data sesuai alasan pengembalian, lalu Ajukan lagi.",
	(
		"Data Kinerja Bidang",
		"Diajukan",
	): "Periksa data kinerja bidang, lalu Terima, atau Kembalikan dengan alasan.",
	("Notulen Rapat", "Draft"): "Isi nomor, tanggal, jam dan tempat rapat, lalu Kirim Undangan.",
	(
		"Notulen Rapat",
		"Undangan Dikirim",
	): "Setelah rapat, isi pimpinan, notulis, kehadiran dan hasil rapat, lalu Ajukan Notulen.",
	(
		"Notulen Rapat",
		"Dikembalikan",
	): "Perbaiki notulen sesuai alasan pengembalian, lalu Ajukan Notulen lagi.",
	(
		"Notulen Rapat",
		"Notulen Diajukan",
	): "Periksa notulen rapat, lalu Sahkan, atau Kembalikan dengan alasan.",
	(
		"Tindak Lanjut Evaluasi",
		"Draft",
	): "Isi tindak lanjut dan statusnya untuk setiap rekomendasi, lalu Ajukan.",
	(
		"Tindak Lanjut Evaluasi",
		"Dikembalikan",
	): "Perbaiki tindak lanjut sesuai alasan pengembalian, lalu Ajukan lagi.",
	(
		"Tindak Lanjut Evaluasi",
		"Diajukan",
	): "Periksa tindak lanjut, lalu Verifikasi, atau Kembalikan dengan alasan.",
	(
		"Tindak Lanjut Evaluasi",
		"Diverifikasi",
	): "Periksa tindak lanjut yang diverifikasi, lalu Terima, atau Kembalikan dengan alasan.",
}
# The states in which a document's own batas_waktu is the deadline of the work waiting on it (the
# disposisi's instruction for its addressee; step 5 for the Kepala Bidang filling their data).
BATAS_DOKUMEN_BERLAKU = {
	"Disposisi": ("Dikirim", "Diterima"),
	"Data Kinerja Bidang": ("Draft", "Dikembalikan"),
}
# A transition into these states is no work waiting for anyone (the sender may still cancel a sent
# disposisi, but it waits for its addressee).
STATUS_BUKAN_TUGAS = ("Dibatalkan",)
# A transition into this state is a right, not a task: it is listed only beside an action that moves
# the document on (an accepted Tindak Lanjut the Inspektorat may return waits for nobody).
STATUS_HAK = (DIKEMBALIKAN,)
# How many candidate documents of one DocType are read per request.
BATAS_DOKUMEN = 200
# Who also sees the running evaluations (current step, holder, late steps).
PERAN_PEMANTAU = (KEPALA_DINAS, SEKRETARIS, INSPEKTORAT, BAPPEDA, "System Manager")
KOLOM_LANGKAH = ("name", "evaluasi", "langkah", "kegiatan", "bidang", "pelaksana", "dokumen_doctype")


def petunjuk(doctype: str, state: str | None, aksi: list[str]) -> str:
	"""What to do with a ``doctype`` in ``state`` (translated), else the actions offered."""
	if teks := PETUNJUK.get((doctype, state)):
		return _(teks)
	return _("Jalankan: {0}.").format(", ".join(_(a) for a in aksi)) if aksi else ""


def _status_dengan_aksi(doctype: str, peran: set[str]) -> list[str]:
	"""The states of ``doctype``'s workflow from which a transition is allowed to one of ``peran``."""
	workflow = get_workflow_name(doctype)
	if not workflow:
		return []
	return sorted(
		set(
			frappe.get_all(
				"Workflow Transition",
				filters={"parent": workflow, "allowed": ("in", list(peran))},
				pluck="state",
			)
		)
	)


class _Pejabat:
	"""The evaluation's officials, read once per evaluation per request."""

	def __init__(self) -> None:
		self._evaluasi: dict[str, object] = {}

	def evaluasi(self, name: str):
		if name not in self._evaluasi:
			self._evaluasi[name] = (
				frappe.get_doc(EVALUASI, name) if frappe.db.exists(EVALUASI, name) else None
			)
		return self._evaluasi[name]

	def boleh(self, doc, peran: str, user: str) -> bool:
		"""False when ``peran`` is an official's role and ``user`` is not the one holding it for the
		document's evaluation."""
		if peran not in PEJABAT or not doc.get("evaluasi"):
			return True
		eki = self.evaluasi(doc.evaluasi)
		return eki is None or pemegang_peran(peran, eki).user == user


def aksi_pengguna(doc, user: str, pejabat: _Pejabat | None = None) -> list[str]:
	"""The workflow actions ``user`` (the session user) may take on ``doc`` now that move its work on
	(not cancelling it); none when all they may do is return it (a right, not a task)."""
	pejabat = pejabat or _Pejabat()
	peran = set(frappe.get_roles(user))
	aksi, maju = [], False
	for t in get_transitions(doc):
		if t.next_state in STATUS_BUKAN_TUGAS:
			continue
		if t.allowed in peran and pejabat.boleh(doc, t.allowed, user):
			maju |= t.next_state not in STATUS_HAK
			if t.action not in aksi:
				aksi.append(t.action)
	return aksi if maju else []


def _langkah_berjalan(**filters) -> dict[tuple, list]:
	"""Running clocks (matching ``filters``) by (evaluasi, output DocType of the step, bidang): the
	SOP of each evaluation says which DocType a step's output is."""
	per_kunci: dict[tuple, list] = {}
	dokumen: dict[str, dict[int, str]] = {}
	for j in frappe.get_all(
		LANGKAH,
		filters={**filters, "selesai": ("is", "not set")},
		fields=[*KOLOM_LANGKAH, "mulai", "batas_waktu", "batas_peringatan", "selesai"],
		order_by="langkah asc",
	):
		if j.evaluasi not in dokumen:
			sop = frappe.db.get_value(EVALUASI, j.evaluasi, "sop")
			dokumen[j.evaluasi] = {p.no: p.doctype for p in pemicu_sop(sop)}
		doctype = j.dokumen_doctype or dokumen[j.evaluasi].get(j.langkah)
		per_kunci.setdefault((j.evaluasi, doctype, j.bidang or None), []).append(j)
	return per_kunci


def _jam(doc, user: str, berjalan: dict[tuple, list], pejabat: _Pejabat, sekarang: datetime) -> dict:
	"""The deadline of ``doc``'s work: the running clock of its step (the user's own first), else the
	document's own batas_waktu; with the working time left, the status and its colour."""
	kandidat = berjalan.get((doc.get("evaluasi"), doc.doctype, doc.get("bidang") or None), [])
	langkah = next((j for j in kandidat if j.pelaksana == user), kandidat[0] if kandidat else None)
	batas = get_datetime(langkah.batas_waktu) if langkah else None
	if (
		batas is None
		and doc.get("batas_waktu")
		and doc.workflow_state in BATAS_DOKUMEN_BERLAKU.get(doc.doctype, ())
	):
		batas = get_datetime(doc.batas_waktu)
	if batas is None and (langkah := langkah_saat_ini(berjalan, doc.get("evaluasi"))):
		batas = get_datetime(langkah.batas_waktu)
	if batas is None:
		return {"batas_waktu": None, "sisa_jam": None, "status_sla": "", "warna_sla": "gray", "langkah": None}
	status = status_kini(langkah, sekarang) if langkah else sla.status_pada(sekarang, batas)
	eki = pejabat.evaluasi(doc.evaluasi) if doc.get("evaluasi") else None
	kalender = kalender_evaluasi(eki or frappe._dict())
	return {
		"batas_waktu": batas,
		"sisa_jam": _sisa_jam(kalender, batas, sekarang),
		"status_sla": status,
		"warna_sla": sla.WARNA_STATUS[status],
		"langkah": langkah.langkah if langkah else None,
	}


def langkah_saat_ini(berjalan: dict[tuple, list], evaluasi: str | None):
	"""The clock of ``evaluasi``'s current step (the first step still running; per bidang, the one due
	first) among the running clocks ``berjalan``; None when none runs."""
	jam = [j for (eki, _dt, _b), daftar in berjalan.items() if eki == evaluasi for j in daftar]
	if not evaluasi or not jam:
		return None
	no = min(j.langkah for j in jam)
	return min((j for j in jam if j.langkah == no), key=lambda j: get_datetime(j.batas_waktu))


def _sisa_jam(kalender, batas: datetime, sekarang: datetime) -> float:
	"""Working hours left until ``batas``; negative: the working hours it is late by."""
	if sekarang > batas:
		return -sla.keterlambatan_jam(kalender, batas, sekarang)
	return round(kalender.working_time_between(sekarang, batas).total_seconds() / 3600, 2)


def nama_dan_jabatan(user: str | None, evaluasi: str | None = None) -> str:
	"""A user as people know them: full name, and the position where the app knows it (the
	evaluation's official, a bidang's head)."""
	if not user:
		return ""
	nama = get_fullname(user)
	if evaluasi:
		pejabat = frappe.db.get_value(EVALUASI, evaluasi, list(PEJABAT.values()), as_dict=True) or {}
		for peran, field in PEJABAT.items():
			if pejabat.get(field) == user:
				return f"{nama} ({_(peran)})"
	if bidang := frappe.db.get_value("Bidang", {"kepala_bidang": user}, "nama_bidang"):
		return f"{nama} ({_('Kepala {0}').format(bidang)})"
	return nama


def _judul(doc) -> str:
	bagian = [_(doc.doctype)]
	if doc.get("bidang"):
		bagian.append(sebutan_bidang(doc.bidang))
	if doc.doctype == "Disposisi" and doc.get("dari"):
		bagian.append(_("dari {0}").format(nama_dan_jabatan(doc.dari, doc.get("evaluasi"))))
	return " · ".join(bagian)


def _alasan_terakhir(doc) -> dict | None:
	if doc.get("workflow_state") != DIKEMBALIKAN:
		return None
	riwayat = doc.get(FIELD_RIWAYAT) or []
	if not riwayat:
		return None
	r = riwayat[-1]
	return {
		"alasan": r.alasan,
		"oleh": nama_dan_jabatan(r.dikembalikan_oleh, doc.get("evaluasi")),
		"waktu": r.waktu,
	}


def _tugas(doc, user: str, berjalan, pejabat: _Pejabat, sekarang: datetime) -> dict | None:
	aksi = aksi_pengguna(doc, user, pejabat)
	if not aksi:
		return None
	return {
		"doctype": doc.doctype,
		"name": doc.name,
		"judul": _judul(doc),
		"evaluasi": doc.get("evaluasi"),
		"workflow_state": doc.workflow_state,
		"status_label": _(doc.workflow_state),
		"aksi": [_(a) for a in aksi],
		"petunjuk": petunjuk(doc.doctype, doc.workflow_state, aksi),
		"pengembalian": _alasan_terakhir(doc),
		"url": get_url_to_form(doc.doctype, doc.name),
		"url_ponsel": tautan_ponsel(doc.doctype, doc.name),
		**_jam(doc, user, berjalan, pejabat, sekarang),
	}


# Documents with a page made for a phone: on a narrow screen the task opens there (the form is one
# tap away from it).
HALAMAN_PONSEL = {"Data Kinerja Bidang": "isian-kinerja"}


def tautan_ponsel(doctype: str, name: str) -> str | None:
	"""The phone page of a document, when its DocType has one."""
	if halaman := HALAMAN_PONSEL.get(doctype):
		return get_url(f"/app/{halaman}?{urlencode({'dokumen': name})}")
	return None


def _urutan(t: dict) -> tuple:
	# Late first, then the nearest deadline; tasks without a deadline last.
	batas = t["batas_waktu"]
	return (batas is None, batas or datetime.max, t["doctype"], t["name"])


def daftar_tugas(user: str | None = None) -> list[dict]:
	"""Every SOP document awaiting the session user's action (``user``: must be the session user,
	Frappe evaluates the transition conditions with ``frappe.session``)."""
	user = user or frappe.session.user
	peran = set(frappe.get_roles(user))
	pejabat, sekarang = _Pejabat(), now_datetime()
	berjalan = None
	hasil = []
	for doctype in DOKUMEN_SOP:
		states = _status_dengan_aksi(doctype, peran)
		if not states or not frappe.has_permission(doctype, "read", user=user):
			continue
		names = frappe.get_list(
			doctype,
			filters={"workflow_state": ("in", states)},
			pluck="name",
			order_by="modified desc",
			limit_page_length=BATAS_DOKUMEN,
		)
		for name in names:
			if berjalan is None:
				berjalan = _langkah_berjalan()
			if tugas := _tugas(frappe.get_doc(doctype, name), user, berjalan, pejabat, sekarang):
				hasil.append(tugas)
	return sorted(hasil, key=_urutan)


def evaluasi_berjalan(user: str | None = None) -> list[dict]:
	"""For the Kepala Dinas and the Sekretaris: each running evaluation the user may read, its current
	step, who holds it, and its late steps."""
	user = user or frappe.session.user
	if not set(frappe.get_roles(user)) & set(PERAN_PEMANTAU):
		return []
	sekarang = now_datetime()
	hasil = []
	for eki in frappe.get_list(
		EVALUASI,
		fields=["name", "tahun", "triwulan", "langkah_saat_ini", "pemegang_langkah", "kalender_kerja"],
		order_by="tahun desc, triwulan desc",
		limit_page_length=20,
	):
		langkah = frappe.get_all(
			LANGKAH,
			filters={"evaluasi": eki.name, "selesai": ("is", "not set")},
			fields=[*KOLOM_LANGKAH, "batas_waktu", "batas_peringatan", "selesai"],
			order_by="langkah asc, bidang asc",
		)
		if not langkah:
			continue
		kalender = kalender_evaluasi(eki)
		terlambat = [
			{
				"langkah": j.langkah,
				"kegiatan": j.kegiatan,
				"bidang": j.bidang,
				"pelaksana": get_fullname(j.pelaksana) if j.pelaksana else "",
				"batas_waktu": j.batas_waktu,
				"terlambat_jam": sla.keterlambatan_jam(kalender, get_datetime(j.batas_waktu), sekarang),
			}
			for j in langkah
			if status_kini(j, sekarang) == sla.TERLAMBAT
		]
		batas = get_datetime(langkah_saat_ini({(eki.name, None, None): langkah}, eki.name).batas_waktu)
		hasil.append(
			{
				"name": eki.name,
				"url": get_url_to_form(EVALUASI, eki.name),
				"batas_waktu": batas,
				"sisa_jam": _sisa_jam(kalender, batas, sekarang),
				"langkah_saat_ini": eki.langkah_saat_ini,
				"pemegang_langkah": eki.pemegang_langkah,
				"terlambat": terlambat,
				"warna_sla": sla.WARNA_STATUS[sla.TERLAMBAT if terlambat else sla.BERJALAN],
			}
		)
	return hasil


def tugas_saya() -> dict:
	"""What the Tugas Saya page shows to the session user."""
	return {
		"tugas": daftar_tugas(),
		"evaluasi": evaluasi_berjalan(),
		"sekarang": now_datetime(),
	}


def tugas_dokumen(doctype: str, name: str) -> dict:
	"""The banner of a form: what the session user is to do with this document, by when, and the
	working time left (``aksi`` empty: nothing waits for them)."""
	if doctype not in DOKUMEN_SOP and not dokumen_alur_kerja_sop(doctype):
		frappe.throw(_("{0} tidak berjalan dalam alur kerja SOP.").format(_(doctype)))
	doc = frappe.get_doc(doctype, name)
	doc.check_permission("read")
	if doctype not in DOKUMEN_SOP:
		# a workflow document outside the quarterly cycle (Evaluasi AKIP, ...): its form says its own
		# stage and deadline; Tugas Saya does not list it
		return {"aksi": [], "petunjuk": ""}
	user = frappe.session.user
	pejabat = _Pejabat()
	aksi = aksi_pengguna(doc, user, pejabat)
	return {
		"aksi": [_(a) for a in aksi],
		"petunjuk": petunjuk(doctype, doc.workflow_state, aksi) if aksi else "",
		**batas_dokumen(doc, user, pejabat),
	}


def batas_dokumen(doc, user: str | None = None, pejabat: _Pejabat | None = None) -> dict:
	"""The deadline of the work on ``doc`` (``user``'s own clock first), the working time left
	(negative: late by), its status and colour."""
	berjalan = _langkah_berjalan(evaluasi=doc.evaluasi) if doc.get("evaluasi") else {}
	return _jam(doc, user or "", berjalan, pejabat or _Pejabat(), now_datetime())
