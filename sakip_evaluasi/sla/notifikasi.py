"""Pemberitahuan SLA: each state a step reaches is told to its holder once, and Terlambat is escalated
once to the holder's superior in the SOP chain (Kepala Bidang and Subkor → Sekretaris; Sekretaris →
Kepala Dinas).

A message is a Notification Log (the bell in the desk) plus an e-mail put on Frappe's e-mail queue
when the site can send e-mail (``surel.surel_keluar_aktif``); without it, the bell alone.

Exactly once: the engine and the scheduled check only *flag* a step (``notifikasi_tertunda``). The
background job claims a flagged step with ``UPDATE … SET notifikasi_tertunda = 0 WHERE name = %s AND
notifikasi_tertunda = 1`` — a second worker waits on the row lock and then claims nothing — and
writes the messages and their bookkeeping column (``diberitahu_mulai`` … ``eskalasi_terlambat``) in
the same transaction. A message whose bookkeeping column is already filled is never sent again. A
step that fails is rolled back, logged, counted in ``gagal_notifikasi`` and retried by the next
check, at most ``BATAS_GAGAL`` times; the other steps go on.
"""

import frappe
from frappe import _
from frappe.utils import cint, escape_html, get_fullname, get_url_to_form, now_datetime
from redis.exceptions import RedisError

from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.doctype import EVALUASI, LANGKAH
from sakip_evaluasi.extends.jadwal_terjadwal import lepaskan_job_mati
from sakip_evaluasi.extends.surel import surel_keluar_aktif
from sakip_evaluasi.pejabat.opd import pengguna_opd

JOB_ID = "sakip_evaluasi_sla_notifikasi"
BATAS_GAGAL = 3
KOLOM = (
	"name",
	"evaluasi",
	"langkah",
	"kegiatan",
	"bidang",
	"pelaksana",
	"atasan",
	"status_sla",
	"batas_waktu",
	"waktu",
	"satuan",
	*sla.CATATAN_NOTIFIKASI.values(),
)


def ada_tertunda() -> bool:
	return bool(
		frappe.db.get_value(
			LANGKAH, {"notifikasi_tertunda": 1, "gagal_notifikasi": ("<", BATAS_GAGAL)}, "name"
		)
	)


def serahkan(setelah_commit: bool = False) -> bool:
	"""Hand the flagged notifications to one background job (not queued twice); never waits on e-mail.

	The flags live in the database, so a hand-off that cannot reach the queue loses nothing: without
	Redis the user's save still goes through and the next scheduled check hands the flags off again."""
	if frappe.flags.in_test and not frappe.flags.sla_antrekan_dalam_tes:
		return False  # tests call kirim_tertunda() themselves, inside their transaction
	if setelah_commit:
		frappe.db.after_commit.add(antrekan)
		return True
	return antrekan()


def antrekan() -> bool:
	"""Queue the notification job; False (logged, not raised) when the queue cannot be reached.

	A job left "started" by a worker that was killed keeps its id, and Frappe's deduplication would
	then refuse every new job until RQ cleans it up minutes later: a started job whose heartbeat (RQ
	renews it every ``job_monitoring_interval``, 30 s) is older than ``jadwal_terjadwal.DETAK_MATI`` is removed first."""
	try:
		lepaskan_job_mati(JOB_ID)
		frappe.enqueue(
			"sakip_evaluasi.sla.notifikasi.kirim_tertunda",
			queue="short",
			job_id=JOB_ID,
			deduplicate=True,
		)
	except RedisError:
		frappe.logger("sakip_evaluasi").warning("SLA notifications not queued: Redis unreachable")
		return False
	return True


def kirim_tertunda(batas: int = 200, commit: bool = True) -> int:
	"""Send every flagged notification; returns the number of messages sent. The background job."""
	terkirim = 0
	while True:
		names = frappe.get_all(
			LANGKAH,
			filters={"notifikasi_tertunda": 1, "gagal_notifikasi": ("<", BATAS_GAGAL)},
			pluck="name",
			order_by="name asc",
			limit=batas,
		)
		for name in names:
			terkirim += _kirim_aman(name, commit)
		if len(names) < batas:
			return terkirim


def _kirim_aman(name: str, commit: bool) -> int:
	titik = "sakip_evaluasi_sla_notifikasi"
	frappe.db.savepoint(titik)
	try:
		terkirim = kirim_langkah(name)
	except Exception:
		frappe.db.rollback(save_point=titik)
		frappe.db.sql(
			"update `tabLangkah Evaluasi` set gagal_notifikasi = gagal_notifikasi + 1 where name = %s", name
		)
		frappe.log_error(
			title=_("Pemberitahuan SLA {0} gagal dikirim").format(name),
			reference_doctype=LANGKAH,
			reference_name=name,
		)
		terkirim = 0
	if commit:
		frappe.db.commit()
	return terkirim


def kirim_langkah(name: str) -> int:
	"""Claim one flagged step and send what its state still owes; returns the number of messages sent."""
	frappe.db.sql(
		"update `tabLangkah Evaluasi` set notifikasi_tertunda = 0 where name = %s and notifikasi_tertunda = 1",
		name,
	)
	if cint(frappe.db._cursor.rowcount) != 1:
		return 0  # claimed by another worker, or nothing to send
	row = frappe.db.get_value(LANGKAH, name, list(KOLOM), as_dict=True)
	sudah = [kolom for kolom in sla.CATATAN_NOTIFIKASI.values() if row.get(kolom)]
	sekarang = now_datetime()
	catatan, terkirim = {}, 0
	sah = _boleh_diberi_tahu(row.evaluasi)
	for penerima, status in sla.notifikasi_perlu(row.status_sla, sudah, bool(row.atasan)):
		user = row.pelaksana if penerima == sla.KEPADA_PELAKSANA else row.atasan
		if sah is not None and user not in sah:
			user = None  # no longer acts in the evaluation's OPD: told nothing, as a disabled user
		subjek, isi = pesan(row, penerima, status)
		terkirim += beri_tahu(user, subjek, isi, row.name)
		catatan[sla.CATATAN_NOTIFIKASI[(penerima, status)]] = sekarang
	if catatan:
		frappe.db.set_value(LANGKAH, name, catatan, update_modified=False)
	return terkirim


def _boleh_diberi_tahu(evaluasi: str | None) -> set[str] | None:
	"""Who may be told of a clock of ``evaluasi``: the users who act in its OPD (the guard the handover
	notifications pass through, ``pejabat.opd.penerima_sah``); None when the evaluation has no OPD."""
	opd = evaluasi and frappe.db.get_value(EVALUASI, evaluasi, "opd")
	return pengguna_opd(opd) if opd else None


def beri_tahu(user: str | None, subjek: str, isi: str, langkah: str) -> int:
	"""A Notification Log for ``user`` and the same text by e-mail (queued); 0 when nobody to tell."""
	if not user:
		return 0
	data = frappe.db.get_value("User", user, ["enabled", "email"], as_dict=True)
	if not data or not data.enabled:
		return 0
	frappe.get_doc(
		{
			"doctype": "Notification Log",
			"for_user": user,
			"type": "Alert",  # Frappe sends no e-mail of its own for an Alert: the e-mail below is the one
			"document_type": LANGKAH,
			"document_name": langkah,
			"subject": subjek,
			"email_content": isi,
			"from_user": "Administrator",
		}
	).insert(ignore_permissions=True)
	# Without outgoing e-mail Frappe refuses to queue; that e-mail is off is told to administrators
	# once, by ``sakip_evaluasi.extends.surel``, not here on every run.
	if data.email and surel_keluar_aktif():
		frappe.sendmail(
			recipients=[data.email],
			subject=subjek,
			message=isi,
			reference_doctype=LANGKAH,
			reference_name=langkah,
			delayed=True,
		)
	return 1


def pesan(row, penerima: str, status: str) -> tuple[str, str]:
	"""Subject and body (Bahasa Indonesia) of one notification."""
	langkah = _("Langkah {0}").format(row.langkah) + (f" ({escape_html(row.bidang)})" if row.bidang else "")
	batas = row.batas_waktu.strftime("%d-%m-%Y %H:%M") if row.batas_waktu else "-"
	kegiatan = escape_html(row.kegiatan or "")
	tautan = get_url_to_form("Evaluasi Kinerja Internal", row.evaluasi)
	lihat = _('<p><a href="{0}">Buka {1}</a></p>').format(escape_html(tautan), escape_html(row.evaluasi))
	if penerima == sla.KEPADA_ATASAN:
		subjek = _("Eskalasi: {0} {1} terlambat").format(langkah, row.evaluasi)
		isi = _(
			"<p>{0} {1} yang dipegang {2} melewati batas waktu {3} dan belum selesai.</p><p>{4}</p>"
		).format(
			langkah,
			row.evaluasi,
			escape_html(get_fullname(row.pelaksana) if row.pelaksana else "-"),
			batas,
			kegiatan,
		)
		return subjek, isi + lihat
	if status == sla.TERLAMBAT:
		subjek = _("{0} {1} terlambat").format(langkah, row.evaluasi)
		isi = _("<p>{0} {1} melewati batas waktu {2}. Segera selesaikan.</p><p>{3}</p>")
	elif status == sla.HAMPIR_JATUH_TEMPO:
		subjek = _("{0} {1} hampir jatuh tempo").format(langkah, row.evaluasi)
		isi = _("<p>{0} {1} jatuh tempo pada {2}.</p><p>{3}</p>")
	else:
		subjek = _("{0} {1} menunggu tindakan Anda").format(langkah, row.evaluasi)
		isi = _("<p>{0} {1} sekarang giliran Anda, dengan batas waktu {2}.</p><p>{3}</p>")
	return subjek, isi.format(langkah, row.evaluasi, batas, kegiatan) + lihat
