"""What anyone may learn of a signed document (the public verification page), and the institution's
e-seal on the evidence pack.

A guest who scans the QR (a random token) or uploads a PDF learns which document and version it is,
who signed it and when, and whether the file matches the stored SHA-256 — nothing else of the
document. The certificate itself is checked by the national service (a link).
"""

import frappe
from frappe import _
from frappe.utils import cint, escape_html, now_datetime

from sakip_evaluasi.cetak import paket, tte, tte_klien, tte_pdf
from sakip_evaluasi.cetak.tte_klien import Rahasia
from sakip_evaluasi.domain import tte as d
from sakip_evaluasi.domain.doctype import EVALUASI, PENGATURAN_TTE
from sakip_evaluasi.domain.peran import KEPALA_DINAS
from sakip_evaluasi.pejabat.jabatan import pemegang_pada
from sakip_evaluasi.pejabat.penandatangan import pejabat_pada

# --------------------------------------------------------------------------- the public page


def _publik(t, cocok: bool | None = None, hash_unggahan: str | None = None) -> dict:
	opd = frappe.db.get_value("OPD", t.opd, "nama_opd") if t.opd else None
	pengganti = None
	if t.status == tte.DIGANTI:
		pengganti = frappe.db.get_value(
			tte.DOKUMEN_TTE,
			{"versi_sebelumnya": t.name},
			["versi", "alasan_versi"],
			as_dict=True,
		)
	return {
		"jenis": _("Paket Bukti Evaluasi (segel elektronik)") if t.segel else _(t.dokumen_doctype),
		"nomor": t.dokumen_name,
		"opd": opd,
		"versi": t.versi,
		"status": t.status,
		"diganti": bool(pengganti) or t.status == tte.DIGANTI,
		"versi_pengganti": pengganti.versi if pengganti else None,
		"alasan_versi": t.alasan_versi,
		"sha256": t.sha256_tertanda,
		"penandatangan": [
			{
				"nama": r.nama,
				"jabatan": r.sebutan,
				"waktu": frappe.utils.format_datetime(r.waktu, "dd-MM-yyyy HH:mm"),
			}
			for r in t.penandatangan
			if r.status in d.SELESAI
		],
		"belum": [r.sebutan or r.peran for r in t.penandatangan if r.status not in d.SELESAI],
		"cocok": cocok,
		"hash_unggahan": hash_unggahan,
		"layanan_nasional": d.LAYANAN_VERIFIKASI_NASIONAL,
	}


def _dengan_token(token: str):
	nama = frappe.db.get_value(tte.DOKUMEN_TTE, {"token": token}, "name") if token else None
	return frappe.get_doc(tte.DOKUMEN_TTE, nama) if nama else None


def _dengan_hash(hash_: str):
	nama = frappe.db.get_value(tte.DOKUMEN_TTE, {"sha256_tertanda": hash_}, "name")
	if not nama:
		nama = frappe.db.get_value(
			"Penandatangan TTE", {"sha256": hash_, "parenttype": tte.DOKUMEN_TTE}, "parent"
		)
	return frappe.get_doc(tte.DOKUMEN_TTE, nama) if nama else None


def periksa(token: str | None = None, isi: bytes | None = None) -> dict:
	"""The public answer: by QR token, by an uploaded PDF, or both (does this file match that token?)."""
	if isi is not None:
		tte.pastikan_pdf_unggahan(isi)
	hash_ = d.sha256(isi) if isi is not None else None
	t = _dengan_token(token) if token else None
	if token and not t:
		return {"ditemukan": False, "pesan": _("Kode verifikasi tidak dikenal. Periksa tautan QR-nya.")}
	if t:
		cocok = None
		if hash_:
			cocok = hash_ == t.sha256_tertanda or any(r.sha256 == hash_ for r in t.penandatangan)
		return {"ditemukan": True, **_publik(t, cocok, hash_)}
	t = _dengan_hash(hash_) if hash_ else None
	if not t:
		return {
			"ditemukan": False,
			"hash_unggahan": hash_,
			"layanan_nasional": d.LAYANAN_VERIFIKASI_NASIONAL,
			"pesan": _(
				"Berkas ini tidak sama dengan dokumen bertanda tangan mana pun yang tersimpan di aplikasi ini "
				"(mungkin diubah, dicetak ulang, atau bukan dari aplikasi ini). Keabsahan sertifikatnya dapat "
				"diperiksa di layanan verifikasi nasional."
			),
		}
	return {"ditemukan": True, **_publik(t, True, hash_)}


# --------------------------------------------------------------------------- the seal on the pack


def _pastikan_penyegel(evaluasi) -> None:
	p = pemegang_pada(opd=evaluasi.opd, peran=KEPALA_DINAS)
	if not p or p.user != frappe.session.user:
		frappe.throw(
			_(
				"Segel elektronik paket bukti hanya dapat diminta oleh Kepala Dinas (atau Plt/Plh-nya) pada hari "
				"ini: {0}. Tidak ada yang berubah."
			).format(escape_html(p.nama if p else _("jabatan kosong"))),
			frappe.PermissionError,
			title=_("Tidak diizinkan"),
		)


def segel_paket(evaluasi: str, secret_kode: Rahasia) -> dict:
	"""Seal the evaluation's latest evidence pack with the institution's e-seal, the official having
	typed the seal's one-time code (used for this request only)."""
	paket.pastikan_boleh(evaluasi)
	eki = frappe.get_doc(EVALUASI, evaluasi)
	_pastikan_penyegel(eki)
	id_subscriber = frappe.get_cached_doc(PENGATURAN_TTE).id_subscriber_segel
	if not id_subscriber:
		frappe.throw(
			_("ID Subscriber segel elektronik belum diisi pada Pengaturan TTE. Hubungi admin aplikasi.")
		)
	url = frappe.db.get_value(
		"File",
		{
			"attached_to_doctype": EVALUASI,
			"attached_to_name": evaluasi,
			"file_name": f"Paket Bukti {evaluasi}.pdf",
		},
		"file_url",
	)
	if not url:
		frappe.throw(
			_("Paket bukti {0} belum dibuat. Buat paket bukti lebih dulu (menu Cetak), lalu segel.").format(
				evaluasi
			)
		)
	token = frappe.generate_hash(length=32)
	pdf = tte_pdf.cap_verifikasi(tte.isi_berkas(url), token, hanya_halaman_pertama=True)
	try:
		hasil = tte_klien.segel(
			id_subscriber,
			secret_kode,
			pdf,
			{"tampilan": "INVISIBLE", "reason": _("Segel elektronik paket bukti {0}").format(evaluasi)},
		)
	except d.GalatTte as g:
		frappe.throw(g.pesan, title=_("Segel elektronik gagal"))
	versi = cint(frappe.db.count(tte.DOKUMEN_TTE, {"dokumen_name": evaluasi, "segel": 1})) + 1
	for lama in frappe.get_all(
		tte.DOKUMEN_TTE,
		filters={"dokumen_name": evaluasi, "segel": 1, "status": ("!=", tte.DIGANTI)},
		pluck="name",
	):
		frappe.db.set_value(
			tte.DOKUMEN_TTE,
			lama,
			{"status": tte.DIGANTI, "alasan_diganti": _("Paket bukti dibuat dan disegel ulang")},
		)
	t = frappe.new_doc(tte.DOKUMEN_TTE)
	t.update(
		{
			"dokumen_doctype": EVALUASI,
			"dokumen_name": evaluasi,
			"opd": eki.opd,
			"versi": versi,
			"segel": 1,
			"status": tte.SELESAI,
			"token": token,
			"sha256_tertanda": d.sha256(hasil),
		}
	)
	pejabat = pejabat_pada(frappe.session.user, now_datetime(), eki.opd, {KEPALA_DINAS})
	t.append(
		"penandatangan",
		{
			"urutan": 1,
			"peran": KEPALA_DINAS,
			"user": frappe.session.user,
			"nama": frappe.get_cached_doc(PENGATURAN_TTE).id_subscriber_segel
			and _("Segel elektronik {0}").format(eki.opd),
			"sebutan": _("atas permintaan {0} ({1})").format(pejabat.nama, pejabat.sebutan),
			"status": tte.DITANDATANGANI,
			"waktu": now_datetime(),
			"sha256": d.sha256(hasil),
		},
	)
	t.insert(ignore_permissions=True)
	t.berkas_tertanda = tte._simpan_berkas(
		t, f"Paket Bukti {evaluasi} (segel elektronik v{versi}).pdf", hasil
	)
	t.save(ignore_permissions=True)
	tte._simpan_berkas(
		t, f"Paket Bukti {evaluasi} (segel elektronik v{versi}).pdf", hasil, EVALUASI, evaluasi
	)
	return tte.ringkasan(t)
