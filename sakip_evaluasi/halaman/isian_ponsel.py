"""Isian ponsel: a Data Kinerja Bidang read and filled as one card per indicator on a phone (the desk
page ``isian-kinerja``), and taken on by the workflow from there.

What the page may show and change comes from the same rules as the form: Frappe's permissions (User
Permissions on Bidang and OPD), the workflow state's edit rule (``alur_kerja.isian_terbuka``) and the
workflow's transitions for the session user (``tugas_saya.aksi_pengguna``). The capaian while the
user types is computed here by the rule every save uses (``capaian_baris.hitung_semua_baris``),
without writing anything. Saving and the workflow actions go through Frappe's own endpoints
(``frappe.client.save``, ``apply_workflow``) so their checks apply unchanged.
"""

import frappe
from frappe import _
from frappe.model.workflow import get_transitions
from frappe.utils import format_datetime, get_datetime

from sakip_evaluasi.aturan import anggaran_bidang
from sakip_evaluasi.aturan.alur_kerja import DIKEMBALIKAN, FIELD_ALASAN, FIELD_RIWAYAT, isian_terbuka
from sakip_evaluasi.aturan.capaian_baris import hitung_semua_baris, status_proyeksi_kini
from sakip_evaluasi.aturan.rumus_indikator import RUMUS, realisasi_berumus
from sakip_evaluasi.aturan.serah import PENERIMA_PERAN, SERAH
from sakip_evaluasi.domain.angka import urai_angka
from sakip_evaluasi.domain.capaian import urai_realisasi
from sakip_evaluasi.domain.doctype import DKB, EVALUASI, KOLOM_CAPAIAN_BARIS, LANGKAH
from sakip_evaluasi.domain.periode import nomor_triwulan
from sakip_evaluasi.domain.rumus import KomponenTidakSah, urai_komponen
from sakip_evaluasi.domain.tulisan import angka_id
from sakip_evaluasi.halaman.tugas_saya import aksi_pengguna, batas_dokumen, nama_dan_jabatan, petunjuk
from sakip_evaluasi.pejabat.pemegang import pemegang_peran, peran_di_dokumen, sebutan_bidang
from sakip_evaluasi.sla.pemicu import pemicu_sop

TABEL = "baris"
# What a card shows of a row, besides what may be typed in it.
KOLOM_KARTU = (
	"name",
	*KOLOM_CAPAIAN_BARIS,
	"akumulasi",
	"rumus",
	"status_proyeksi",
	"kendala",
	"upaya",
	"bukti_dukung",
	"jenis_indikator",
)
# What a card lets a user type, in the order it shows them (each only when the state's rule opens it).
KOLOM_ISIAN = ("realisasi", "kendala", "upaya", "bukti_dukung")
STATUS_BATAL = ("Dibatalkan",)
# What an anggaran card shows (its one typed column: realisasi_tw).
KOLOM_ANGGARAN = (
	"name",
	"jenis",
	"kode_sipd",
	"nama",
	"pagu",
	"realisasi_sd_tw_lalu",
	"realisasi_tw",
	"realisasi_sd_tw",
	"penyerapan",
)


def _dokumen(dokumen: str):
	if not dokumen or not frappe.db.exists(DKB, dokumen):
		frappe.throw(_("Data Kinerja Bidang {0} tidak ditemukan.").format(dokumen), frappe.DoesNotExistError)
	doc = frappe.get_doc(DKB, dokumen)
	doc.check_permission("read")
	return doc


def _kartu(row, triwulan: int) -> dict:
	"""One card; a computed indicator's card carries its components (komponen, nilai), which it
	shows as the fields to fill instead of the realisasi."""
	kartu = {k: row.get(k) for k in KOLOM_KARTU}
	kartu["uraian_capaian"] = getattr(row, "uraian_capaian", "")
	kartu["triwulan"] = triwulan
	kartu["komponen"] = []
	if row.jenis_indikator == RUMUS:
		try:
			nilai = urai_komponen(row.komponen, row.nama_indikator or row.indikator)
		except KomponenTidakSah:
			nilai = {}
		kartu["komponen"] = [{"komponen": k, "nilai": v} for k, v in nilai.items()]
	return kartu


def kolom_terbuka(doc) -> list[str]:
	"""The columns of a row the session user may fill now (empty: the page is read-only for them)."""
	if not frappe.has_permission(DKB, "write", doc):
		return []
	isian = isian_terbuka(DKB, doc.workflow_state, peran_di_dokumen(doc), doc)
	if isian is None or TABEL not in isian.tabel:
		return []
	kolom = [k for k in KOLOM_ISIAN if k in isian.tabel[TABEL].kolom]
	# the components, only where the document has a computed indicator
	if "komponen" in isian.tabel[TABEL].kolom and any(r.jenis_indikator == RUMUS for r in doc.baris):
		kolom.append("komponen")
	return kolom


def anggaran_terbuka(doc) -> bool:
	"""True when the session user may type the realisasi anggaran now."""
	if not doc.get(anggaran_bidang.TABEL) or not frappe.has_permission(DKB, "write", doc):
		return False
	isian = isian_terbuka(DKB, doc.workflow_state, peran_di_dokumen(doc), doc)
	tabel = isian and isian.tabel.get(anggaran_bidang.TABEL)
	return bool(tabel and "realisasi_tw" in tabel.kolom)


def muat(dokumen: str) -> dict:
	"""Everything the page shows of ``dokumen``: the header, one card per indicator (with the capaian
	spelled out), what the user may fill, the actions waiting for them and what each sets in motion."""
	doc = _dokumen(dokumen)
	status_proyeksi_kini(doc)  # an accepted document shows the current thresholds' status
	triwulan = nomor_triwulan(doc.triwulan)
	# The stored capaian is recomputed (not saved) for its explanation with the stored realisasi.
	hitung_semua_baris(doc)
	user = frappe.session.user
	aksi = aksi_pengguna(doc, user)
	transisi = {t.action: t.next_state for t in get_transitions(doc) if t.action in aksi}
	# Who may return the document reviews it here: the cards are read-only for them (a correction
	# the state allows them is made in the full form).
	memeriksa = DIKEMBALIKAN in transisi.values()
	riwayat = doc.get(FIELD_RIWAYAT) or []
	terakhir = riwayat[-1] if riwayat and doc.workflow_state == DIKEMBALIKAN else None
	jam = batas_dokumen(doc, user)
	return {
		"name": doc.name,
		"modified": str(doc.modified),
		"judul": _("Data Kinerja {0}").format(sebutan_bidang(doc.bidang)),
		"evaluasi": doc.evaluasi,
		"tahun": doc.tahun,
		"triwulan": doc.triwulan,
		"workflow_state": doc.workflow_state,
		"status_label": _(doc.workflow_state),
		"baris": [_kartu(r, triwulan) for r in doc.baris],
		"kolom_terbuka": [] if memeriksa else kolom_terbuka(doc),
		"anggaran": [{k: r.get(k) for k in KOLOM_ANGGARAN} for r in doc.get(anggaran_bidang.TABEL) or []],
		"anggaran_terbuka": not memeriksa and anggaran_terbuka(doc),
		"petunjuk": petunjuk(DKB, doc.workflow_state, aksi) if aksi else "",
		"batas_waktu": jam.get("batas_waktu"),
		"sisa_jam": jam.get("sisa_jam"),
		"warna_sla": jam.get("warna_sla"),
		"pengembalian": {
			"alasan": terakhir.alasan,
			"oleh": nama_dan_jabatan(terakhir.dikembalikan_oleh, doc.evaluasi),
			"waktu": terakhir.waktu,
		}
		if terakhir
		else None,
		"aksi": [
			{
				"aksi": a,
				"label": _(a),
				"status_berikut": transisi.get(a),
				"perlu_alasan": transisi.get(a) == DIKEMBALIKAN,
				"selanjutnya": selanjutnya(doc, transisi.get(a)),
			}
			for a in aksi
		],
		"form_url": f"/app/data-kinerja-bidang/{doc.name}",
		"field_alasan": FIELD_ALASAN,
	}


def hitung(dokumen: str, realisasi: dict, komponen: dict | None = None) -> dict:
	"""The capaian of each row of ``dokumen`` as it would be with the realisasi typed so far
	(``realisasi``: row name → text) and the component values of its computed indicators
	(``komponen``: row name → its component text, "nama: nilai" lines), computed by the rule every save applies; nothing is
	written. A value that is not a number (or components that give no realisasi, e.g. a divisor of 0)
	is reported on its row, the others are computed."""
	doc = _dokumen(dokumen)
	galat = {}
	komponen = komponen or {}
	for row in doc.baris:
		if row.name in komponen:
			row.komponen = komponen[row.name]
	_berumus, salah_rumus = realisasi_berumus(doc)
	for row in doc.baris:
		if row.name in salah_rumus:
			galat[row.name] = salah_rumus[row.name]
			row.komponen = None  # computed as not filled yet
	for row in doc.baris:
		if row.name not in realisasi:
			continue
		teks = realisasi[row.name]
		try:
			urai_realisasi(teks)
		except ValueError as e:
			galat[row.name] = str(e)
			teks = None
		row.realisasi = teks
	hitung_semua_baris(doc)
	triwulan = nomor_triwulan(doc.triwulan)
	hasil = {}
	for row in doc.baris:
		kartu = _kartu(row, triwulan)
		hasil[row.name] = {
			k: kartu[k]
			for k in (
				"realisasi",
				"realisasi_sd_tw",
				"capaian",
				"predikat",
				"status_proyeksi",
				"uraian_capaian",
			)
		}
		hasil[row.name]["terisi"] = row.realisasi not in (None, "")
		hasil[row.name]["galat"] = galat.get(row.name, "")
	return hasil


def hitung_anggaran(dokumen: str, realisasi: dict) -> dict:
	"""The realisasi s.d. TW and penyerapan of each realisasi anggaran row of ``dokumen`` with the
	amounts typed so far (row name → text), and what a save would refuse on it; nothing is written."""
	doc = _dokumen(dokumen)
	bukan_angka = {}
	for row in doc.get(anggaran_bidang.TABEL) or []:
		if row.name not in realisasi:
			continue
		teks = (realisasi[row.name] or "").strip()
		try:
			row.realisasi_tw = float(urai_angka(teks)) if teks else 0
		except ValueError as e:
			bukan_angka[row.name] = str(e)
			row.realisasi_tw = 0
	masalah = anggaran_bidang.hitung_baris(doc)
	return {
		row.name: {
			"nilai": row.realisasi_tw,  # the amount the save sends (a number, whatever way it was typed)
			"realisasi_sd_tw": row.realisasi_sd_tw,
			"penyerapan": row.penyerapan,
			"bukan_angka": bool(bukan_angka.get(row.name)),
			"galat": bukan_angka.get(row.name) or masalah.get(row.name, ""),
		}
		for row in doc.get(anggaran_bidang.TABEL) or []
	}


def _waktu(nilai) -> str:
	return format_datetime(get_datetime(nilai), "dd-MM-yyyy HH:mm") if nilai else ""


def selanjutnya(doc, status: str | None) -> str:
	"""What taking the document into ``status`` sets in motion, for the confirmation: who receives it,
	what they do, and the deadline of the step that follows."""
	if not status:
		return ""
	eki = frappe.get_doc(EVALUASI, doc.evaluasi) if frappe.db.exists(EVALUASI, doc.evaluasi) else None
	penerima = []
	for t in frappe.get_all(
		"Workflow Transition",
		filters={"parent": frappe.db.get_value("Workflow", {"document_type": DKB, "is_active": 1})},
		fields=["state", "action", "allowed", "next_state"],
	):
		if t.state != status or t.next_state in STATUS_BATAL:
			continue
		user = pemegang_peran(t.allowed, eki, doc.bidang).user
		nama = nama_dan_jabatan(user, doc.evaluasi) if user else _(t.allowed)
		if nama not in penerima:
			penerima.append(nama)
	bagian = []
	if penerima:
		bagian.append(_("Dokumen ini akan sampai ke {0}.").format(", ".join(penerima)))
	else:  # the document's way ends here: who is told of it
		diberi_tahu = _diberi_tahu(doc, status, eki)
		if diberi_tahu:
			bagian.append(_("{0} menerima pemberitahuan.").format(", ".join(diberi_tahu)))
	if status == DIKEMBALIKAN:
		bagian.append(
			_("Alasan Anda tampil di atas dokumennya; Kepala Bidang memperbaiki lalu mengajukan lagi.")
		)
	langkah = _langkah_berikut(doc, status, eki, akhir=not penerima)
	if langkah:
		bagian.append(langkah)
	return " ".join(bagian)


def _diberi_tahu(doc, status: str, eki) -> list[str]:
	"""Name and jabatan of each holder of an SOP role whom the handover Notification of ``status``
	tells (aturan.serah)."""
	nama = []
	for doctype, state, kepada, *_sisa in SERAH:
		if doctype == DKB and state == status and kepada in PENERIMA_PERAN:
			user = pemegang_peran(PENERIMA_PERAN[kepada], eki, doc.bidang).user
			if user:
				nama.append(nama_dan_jabatan(user, doc.evaluasi))
	return nama


def _langkah_berikut(doc, status: str, eki, akhir: bool = False) -> str:
	"""The SOP step that follows the one this document finishes in ``status`` (``akhir``: a state the
	document does not leave, after the step it belongs to): its deadline when its clock runs, else its
	time standard."""
	if eki is None:
		return ""
	pemicu = pemicu_sop(eki.get("sop"))
	sekarang = next((p for p in pemicu if p.doctype == DKB and p.status_selesai == status), None)
	if sekarang is None and akhir:
		sekarang = next((p for p in pemicu if p.doctype == DKB), None)
	if sekarang is None:
		return ""
	berikut = next((p for p in pemicu if p.no > sekarang.no), None)
	if berikut is None:
		return ""
	batas = frappe.db.get_value(
		LANGKAH, {"evaluasi": eki.name, "langkah": berikut.no}, "batas_waktu", order_by="batas_waktu desc"
	)
	if batas:
		return _("Langkah {0} ({1}) berjalan dengan batas waktu {2}.").format(
			berikut.no, berikut.kegiatan, _waktu(batas)
		)
	return _(
		"Setelah data semua bidang diajukan, langkah {0} ({1}) dimulai dengan waktu {2} {3} kerja."
	).format(berikut.no, berikut.kegiatan, angka_id(berikut.waktu, None), _(berikut.satuan or "").lower())
