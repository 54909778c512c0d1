"""Signing the official documents electronically (TTE), a generic mechanism keyed by print format.

Pengaturan TTE lists, per print format, who signs (the holder that day of a position of the
document's OPD, Plt/Plh included, or the user in one of the document's fields), in which order, and
where the visible mark goes. A signing makes a **Dokumen TTE**: one version of one document's PDF,
rendered once (``siapkan``) with the QR and the UU ITE footer, then signed in turn by each signer
(``tanda_tangani``) or, for a signer allowed to, replaced by a PDF signed elsewhere and verified
(``unggah_tertanda``). Once a version carries a signature, the document is locked
(``extends/tte_kunci``); a correction is a new version with its reason (``versi_baru``).

The passphrase (or TOTP) is held in a ``Rahasia`` for the one request to the service and goes nowhere
else. A request once sent is never retried: an answer lost to the timeout is recorded as an unknown
outcome, and signing again is allowed once the app has checked that no signed file came back.
"""

import json
import re
import secrets

import frappe
from frappe import _
from frappe.utils import cint, escape_html, get_datetime, now_datetime

from sakip_evaluasi.cetak import paket, tte_klien, tte_pdf
from sakip_evaluasi.cetak.tte_klien import Rahasia
from sakip_evaluasi.domain import tte as d
from sakip_evaluasi.domain.doctype import DOKUMEN_TTE, PENGATURAN_TTE
from sakip_evaluasi.pejabat.jabatan import pemegang_pada
from sakip_evaluasi.pejabat.penandatangan import pejabat_pada

MENUNGGU, SEBAGIAN, SELESAI, DIGANTI = (
	"Menunggu Tanda Tangan",
	"Sebagian Ditandatangani",
	"Selesai",
	"Diganti",
)
BELUM, DITANDATANGANI, DIUNGGAH, TIDAK_DIKETAHUI = "Menunggu", "Ditandatangani", "Diunggah", "Tidak Diketahui"
_KOMENTAR = re.compile(r"<!--.*?-->", re.S)


def tolak(pesan: str, judul: str | None = None) -> None:
	frappe.throw(pesan, title=judul or _("Tanda tangan elektronik"))


# --------------------------------------------------------------------------- uploads

BATAS_BAWAAN_MB = 10


def batas_unggah_mb() -> int:
	return cint(frappe.db.get_single_value("Pengaturan SAKIP", "batas_ukuran_unggah_mb")) or BATAS_BAWAAN_MB


def pastikan_pdf_unggahan(isi: bytes) -> None:
	"""An uploaded file must be a PDF within the site's upload limit."""
	batas = batas_unggah_mb()
	if len(isi) > batas * 1024 * 1024:
		frappe.throw(
			_(
				"Berkas {0:.1f} MB melebihi batas unggah {1} MB. Unggah PDF yang lebih kecil; tidak ada yang berubah."
			).format(len(isi) / 1024 / 1024, batas),
			title=_("Berkas terlalu besar"),
		)
	if not d.adalah_pdf(isi):
		frappe.throw(
			_(
				"Berkas yang diunggah bukan PDF. Unggah berkas PDF dokumen yang ditandatangani; tidak ada yang berubah."
			),
			title=_("Bukan PDF"),
		)


# --------------------------------------------------------------------------- rules


def aturan(print_format: str) -> list:
	"""The signing rules of ``print_format``, in order (none: it is not signed electronically)."""
	rows = [r for r in frappe.get_cached_doc(PENGATURAN_TTE).aturan if r.print_format == print_format]
	return sorted(rows, key=lambda r: (r.urutan or 0, r.idx))


def doctype_bertanda() -> set[str]:
	"""The DocTypes one of whose print formats is signed."""
	return {r.doctype_dokumen for r in frappe.get_cached_doc(PENGATURAN_TTE).aturan if r.doctype_dokumen}


def versi_berlaku(doctype: str, nama: str, print_format: str | None = None):
	"""The current (not replaced) version of ``doctype``/``nama`` for ``print_format``, or None."""
	saring = {"dokumen_doctype": doctype, "dokumen_name": nama, "status": ("!=", DIGANTI), "segel": 0}
	if print_format:
		saring["print_format"] = print_format
	nama_tte = frappe.db.get_value(DOKUMEN_TTE, saring, "name", order_by="versi desc")
	return frappe.get_doc(DOKUMEN_TTE, nama_tte) if nama_tte else None


def sudah_bertanda(t) -> bool:
	return any(r.status in d.SELESAI for r in t.penandatangan)


# --------------------------------------------------------------------------- who signs


def _penandatangan_seharusnya(sumber, r) -> tuple[str | None, str]:
	"""(user, how the user is named) expected for signer row ``r`` of ``sumber`` today."""
	if r.kolom_user:
		user = sumber.get(r.kolom_user)
		return user, (
			sumber.meta.get_label(r.kolom_user) if sumber.meta.has_field(r.kolom_user) else r.kolom_user
		)
	p = pemegang_pada(opd=sumber.get("opd"), peran=r.peran, bidang=sumber.get("bidang")) if r.peran else None
	return (p.user if p else None), (p.sebutan if p else r.peran or "")


def _memegang_hari_ini(user: str, sumber, peran: str | None) -> bool:
	if not peran:
		return True
	p = pemegang_pada(opd=sumber.get("opd"), peran=peran, bidang=sumber.get("bidang"))
	return bool(p and p.user == user)


def _baris_saya(t, sumber, user: str):
	"""The signer row of ``user`` in ``t``; refuses with who should sign when ``user`` is nobody's."""
	calon = []
	for r in t.penandatangan:
		harus, sebut = _penandatangan_seharusnya(sumber, r)
		if harus == user and _memegang_hari_ini(user, sumber, r.peran if r.kolom_user else None):
			return r
		calon.append(f"{escape_html(sebut)}: {escape_html(_nama(harus) or _('(jabatan kosong)'))}")
	tolak(
		_(
			"Anda tidak memegang jabatan penandatangan dokumen {0} pada hari ini (definitif, Plt atau Plh). "
			"Penandatangannya: {1}. Tidak ada yang berubah."
		).format(t.dokumen_name, "; ".join(calon)),
		_("Bukan penandatangan"),
	)


def _nama(user: str | None) -> str:
	return pejabat_pada(user, now_datetime(), None).nama if user else ""


def nik_pegawai(user: str) -> str:
	nik = frappe.db.get_value("Pegawai", {"user": user}, "nik")
	if not nik:
		tolak(
			_(
				"NIK Anda belum tercatat pada data Pegawai. Isi NIK lewat tombol <b>NIK Saya</b> di formulir "
				"Pegawai Anda (atau minta admin SAKIP mengisinya), lalu tanda tangani lagi. Tidak ada yang berubah."
			),
			_("NIK belum diisi"),
		)
	return nik


# --------------------------------------------------------------------------- preparing the PDF


def _sidik(sumber, print_format: str) -> tuple[str, str]:
	"""(print HTML, its SHA-256): what the signers see, to notice a change after the PDF was made."""
	html = paket.html_dokumen(sumber.doctype, sumber.name, print_format)
	# Frappe ends a print with a comment naming the reader: not part of the document
	return html, d.sha256(_KOMENTAR.sub("", html).encode())


def _pastikan_bisa_disiapkan(sumber, print_format: str) -> list:
	rules = aturan(print_format)
	if not rules:
		tolak(
			_("Format cetak {0} tidak ditandatangani secara elektronik (Pengaturan TTE).").format(
				print_format
			)
		)
	frappe.has_permission(sumber.doctype, "read", sumber.name, throw=True)
	wajib = {r.status_dokumen for r in rules if r.status_dokumen}
	if wajib and sumber.get("workflow_state") not in wajib:
		tolak(
			_("{0} {1} belum dapat ditandatangani: statusnya {2}, harus {3}. Tidak ada yang berubah.").format(
				_(sumber.doctype), sumber.name, sumber.get("workflow_state") or "-", " / ".join(sorted(wajib))
			)
		)
	return rules


def siapkan(doctype: str, nama: str, print_format: str) -> dict:
	"""Render the document's PDF for signing (a new unsigned version, or a fresh render of the current
	one while nobody has signed it)."""
	sumber = frappe.get_doc(doctype, nama)
	rules = _pastikan_bisa_disiapkan(sumber, print_format)
	t = versi_berlaku(doctype, nama, print_format)
	if t and sudah_bertanda(t):
		tolak(
			_(
				"Versi {0} dokumen {1} sudah ditandatangani, sehingga PDF-nya tidak dapat dibuat ulang. Untuk "
				"koreksi, buat versi baru dengan alasannya (tombol Versi Baru). Tidak ada yang berubah."
			).format(t.versi, nama)
		)
	html, sidik = _sidik(sumber, print_format)
	if not t:
		t = _versi_baru_kosong(sumber, print_format, rules)
	pdf = tte_pdf.cap_verifikasi(paket.pdf_dokumen(html), t.token)
	_lepas_berkas(t, "berkas_asli")
	t.berkas_asli = _simpan_berkas(t, f"{nama} v{t.versi} (belum ditandatangani).pdf", pdf)
	t.berkas_tertanda, t.sha256_tertanda, t.sidik_isi = None, None, sidik
	t.save(ignore_permissions=True)
	return ringkasan(t)


def _versi_baru_kosong(sumber, print_format: str, rules: list):
	lama = frappe.get_all(
		DOKUMEN_TTE,
		filters={
			"dokumen_doctype": sumber.doctype,
			"dokumen_name": sumber.name,
			"print_format": print_format,
		},
		fields=["name", "versi", "alasan_diganti"],
		order_by="versi desc",
		limit=1,
	)
	t = frappe.new_doc(DOKUMEN_TTE)
	t.update(
		{
			"dokumen_doctype": sumber.doctype,
			"dokumen_name": sumber.name,
			"print_format": print_format,
			"opd": sumber.get("opd"),
			"versi": (lama[0].versi + 1) if lama else 1,
			"versi_sebelumnya": lama[0].name if lama else None,
			"alasan_versi": lama[0].alasan_diganti if lama else None,
			"status": MENUNGGU,
			"token": secrets.token_urlsafe(24),
		}
	)
	for r in rules:
		t.append(
			"penandatangan",
			{
				"urutan": r.urutan,
				"peran": r.peran,
				"kolom_user": r.kolom_user,
				"boleh_unggah": r.boleh_unggah,
				"status_dokumen": r.status_dokumen,
				"status": BELUM,
				"properti": json.dumps(
					{k: r.get(k) for k in ("tampilan", "halaman", "x_mm", "y_mm", "lebar_mm", "tinggi_mm")}
				),
			},
		)
	t.insert(ignore_permissions=True)
	return t


def _simpan_berkas(t, nama_file: str, isi: bytes, doctype: str | None = None, nama: str | None = None) -> str:
	f = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": nama_file,
			"attached_to_doctype": doctype or DOKUMEN_TTE,
			"attached_to_name": nama or t.name,
			"is_private": 1,
			"content": isi,
		}
	).insert(ignore_permissions=True)
	return f.file_url


def _lepas_berkas(t, kolom: str) -> None:
	if t.get(kolom):
		for f in frappe.get_all(
			"File", filters={"file_url": t.get(kolom), "attached_to_name": t.name}, pluck="name"
		):
			frappe.delete_doc("File", f, ignore_permissions=True)


def isi_berkas(file_url: str) -> bytes:
	nama = frappe.db.get_value("File", {"file_url": file_url}, "name")
	return frappe.get_doc("File", nama).get_content()


def berkas_terkini(t) -> bytes:
	return isi_berkas(t.berkas_tertanda or t.berkas_asli)


# --------------------------------------------------------------------------- signing


def _pastikan_giliran(t, r) -> None:
	if r.status in d.SELESAI:
		tolak(
			_(
				"Anda sudah menandatangani versi {0} dokumen {1} pada {2}. Satu versi ditandatangani satu kali "
				"oleh setiap penandatangan; tidak ada yang berubah."
			).format(t.versi, t.dokumen_name, frappe.utils.format_datetime(r.waktu, "dd-MM-yyyy HH:mm")),
			_("Sudah ditandatangani"),
		)
	if t.status == DIGANTI:
		tolak(_("Versi {0} sudah diganti versi yang lebih baru. Tidak ada yang berubah.").format(t.versi))
	giliran = d.giliran_berikutnya([d.Giliran(x.urutan or 0, x.status) for x in t.penandatangan])
	if giliran and (r.urutan or 0) > giliran.urutan:
		menunggu = [
			x for x in t.penandatangan if (x.urutan or 0) == giliran.urutan and x.status not in d.SELESAI
		]
		sumber = frappe.get_doc(t.dokumen_doctype, t.dokumen_name)
		siapa = "; ".join(
			f"{escape_html(s)}: {escape_html(_nama(u) or '-')}"
			for u, s in (_penandatangan_seharusnya(sumber, x) for x in menunggu)
		)
		tolak(
			_(
				"Belum giliran Anda: dokumen {0} menunggu tanda tangan {1} lebih dulu. Tidak ada yang berubah."
			).format(t.dokumen_name, siapa),
			_("Belum giliran"),
		)


def _pastikan_tak_berubah(t, sumber) -> None:
	if not t.berkas_asli:
		tolak(_("PDF dokumen ini belum dibuat. Pilih Siapkan PDF lebih dulu. Tidak ada yang berubah."))
	_html, sidik = _sidik(sumber, t.print_format)
	if sidik != t.sidik_isi:
		saran = (
			_("Buat versi baru dengan alasannya (tombol Versi Baru).")
			if sudah_bertanda(t)
			else _("Pilih Siapkan PDF untuk membuat ulang PDF-nya, periksa, lalu tanda tangani.")
		)
		tolak(
			_(
				"Isi dokumen {0} berubah sesudah PDF-nya dibuat pada {1}, sehingga PDF itu tidak lagi sama dengan "
				"dokumennya. {2} Tidak ada yang berubah."
			).format(t.dokumen_name, frappe.utils.format_datetime(t.modified, "dd-MM-yyyy HH:mm"), saran),
			_("Dokumen berubah"),
		)


def _pastikan_tak_ada_hasil_kembali(t, r, ulang: bool) -> None:
	"""After an unknown outcome: sign again only when asked, and only if no signed file came back."""
	if r.status != TIDAK_DIKETAHUI:
		return
	kini = t.sha256_tertanda or d.sha256(berkas_terkini(t))
	if kini != r.sha256:
		tolak(
			_(
				"Sudah ada berkas bertanda tangan baru untuk versi ini; muat ulang halaman. Tidak ada yang berubah."
			)
		)
	if not ulang:
		tolak(
			_(
				"Percobaan tanda tangan Anda pada {0} berakhir tanpa jawaban dari layanan TTE (hasil tidak "
				"diketahui). Aplikasi sudah memeriksa: belum ada berkas bertanda tangan yang kembali. Centang "
				"<b>Tanda tangani lagi</b> untuk mengirim ulang. Tidak ada yang berubah."
			).format(frappe.utils.format_datetime(r.waktu, "dd-MM-yyyy HH:mm")),
			_("Hasil sebelumnya tidak diketahui"),
		)


def _properti(t, r, sumber, pdf: bytes, nama: str, sebutan: str) -> dict:
	s = frappe.get_cached_doc(PENGATURAN_TTE)
	p = json.loads(r.properti or "{}")
	prop = {
		"location": s.lokasi or "",
		"reason": _("Menandatangani {0} {1} versi {2}").format(_(t.dokumen_doctype), t.dokumen_name, t.versi),
	}
	if p.get("tampilan", "Terlihat") == "Tidak Terlihat":
		return {"tampilan": "INVISIBLE", **prop}
	halaman, lebar = tte_pdf.ukuran_halaman(pdf, int(p.get("halaman") or 0))
	return {
		"tampilan": "VISIBLE",
		"page": halaman,
		**d.kotak_tanda(
			lebar,
			p.get("x_mm") or 110,
			p.get("y_mm") or 30,
			p.get("lebar_mm") or 70,
			p.get("tinggi_mm") or 25,
		),
		"imageBase64": tte_pdf.gambar_tanda(nama, sebutan),
		**prop,
	}


def status_saya() -> dict:
	"""The signer's certificate status, for the badge before they type the passphrase."""
	nik = nik_pegawai(frappe.session.user)
	try:
		status = tte_klien.status_sertifikat(nik)
	except d.GalatTte as g:
		return {"status": g.jenis, "boleh": False, "pesan": g.pesan}
	return {"status": status, "boleh": status == d.BOLEH_TANDA_TANGAN, "pesan": d.pesan_status(status)}


def siapkan_dan_tanda_tangani(
	doctype: str, nama: str, print_format: str, secret_passphrase: Rahasia, totp: bool = False
) -> dict:
	"""The first signer in one action: the PDF rendered for signing and signed in the same request (its
	content was read just now, so it is not read a second time to check it is unchanged)."""
	h = siapkan(doctype, nama, print_format)
	return tanda_tangani(h["name"], secret_passphrase, totp, baru_disiapkan=True)


def tanda_tangani(
	nama_tte: str,
	secret_passphrase: Rahasia,
	totp: bool = False,
	ulang: bool = False,
	baru_disiapkan: bool = False,
) -> dict:
	"""Sign version ``nama_tte`` as the session user. A refusal changes nothing; an unknown outcome is
	recorded and returned (not thrown, so that the record stays)."""
	t = frappe.get_doc(DOKUMEN_TTE, nama_tte, for_update=True)
	sumber = frappe.get_doc(t.dokumen_doctype, t.dokumen_name)
	frappe.has_permission(sumber.doctype, "read", sumber.name, throw=True)
	user = frappe.session.user
	r = _baris_saya(t, sumber, user)
	_pastikan_giliran(t, r)
	if r.status_dokumen and sumber.get("workflow_state") != r.status_dokumen:
		tolak(_("Dokumen belum berstatus {0}. Tidak ada yang berubah.").format(r.status_dokumen))
	if not baru_disiapkan:
		_pastikan_tak_berubah(t, sumber)
	_pastikan_tak_ada_hasil_kembali(t, r, ulang)
	nik = nik_pegawai(user)
	try:
		status = tte_klien.status_sertifikat(nik)
		if status != d.BOLEH_TANDA_TANGAN:
			raise d.GalatTte(status)
		pejabat = pejabat_pada(
			user, now_datetime(), sumber.get("opd"), {r.peran} if r.peran else None, sumber.get("bidang")
		)
		pdf = berkas_terkini(t)
		prop = _properti(t, r, sumber, pdf, pejabat.nama, pejabat.sebutan)
		hasil = tte_klien.tanda_tangani(nik, secret_passphrase, totp, pdf, prop)
	except d.GalatTte as g:
		if not g.tak_diketahui:
			tolak(g.pesan, _("Tanda tangan elektronik gagal"))
		r.update({"status": TIDAK_DIKETAHUI, "waktu": now_datetime(), "sha256": d.sha256(pdf), "user": user})
		r.keterangan = _(
			"Layanan TTE tidak menjawab dalam batas waktu; hasil tidak diketahui. Tidak diulang otomatis."
		)
		t.save(ignore_permissions=True)
		return {"tak_diketahui": True, "pesan": g.pesan, **ringkasan(t)}
	_catat_tanda(t, r, hasil, user, pejabat.nama, pejabat.sebutan, DITANDATANGANI)
	return ringkasan(t)


def _catat_tanda(
	t, r, pdf: bytes, user: str | None, nama: str, sebutan: str, status: str, waktu=None
) -> None:
	hash_ = d.sha256(pdf)
	r.update(
		{
			"status": status,
			"user": user,
			"nama": nama,
			"sebutan": sebutan,
			"waktu": waktu or now_datetime(),
			"sha256": hash_,
			"keterangan": None,
		}
	)
	urut = sum(1 for x in t.penandatangan if x.status in d.SELESAI)
	if t.berkas_tertanda:
		_lepas_berkas(t, "berkas_tertanda")
	t.berkas_tertanda = _simpan_berkas(t, f"{t.dokumen_name} v{t.versi} (TTE {urut}).pdf", pdf)
	t.sha256_tertanda = hash_
	t.status = SELESAI if urut == len(t.penandatangan) else SEBAGIAN
	t.save(ignore_permissions=True)
	if t.status == SELESAI:
		_simpan_berkas(
			t,
			f"{t.dokumen_name} v{t.versi} (ditandatangani elektronik).pdf",
			pdf,
			t.dokumen_doctype,
			t.dokumen_name,
		)


# --------------------------------------------------------------------------- signed elsewhere, corrections


def unggah_tertanda(nama_tte: str, isi: bytes) -> dict:
	"""A PDF of this version signed outside the app by the signer whose turn it is (allowed to by the
	rules): checked to be this version's file with one signature more, verified by the service, kept."""
	t = frappe.get_doc(DOKUMEN_TTE, nama_tte, for_update=True)
	frappe.has_permission(t.dokumen_doctype, "write", t.dokumen_name, throw=True)
	pastikan_pdf_unggahan(isi)
	giliran = d.giliran_berikutnya([d.Giliran(x.urutan or 0, x.status) for x in t.penandatangan])
	r = next(
		(
			x
			for x in t.penandatangan
			if giliran and (x.urutan or 0) == giliran.urutan and x.status not in d.SELESAI
		),
		None,
	)
	if not r or not r.boleh_unggah:
		tolak(
			_(
				"Giliran tanda tangan versi {0} ini tidak boleh diunggah dari luar aplikasi. Tidak ada yang berubah."
			).format(t.versi)
		)
	if not isi.startswith(berkas_terkini(t)):
		tolak(
			_(
				"PDF yang diunggah bukan PDF versi {0} dokumen {1} yang ditambah tanda tangan: isinya berbeda. Unduh "
				"PDF versi ini, tandatangani, lalu unggah hasilnya. Tidak ada yang berubah."
			).format(t.versi, t.dokumen_name)
		)
	try:
		v = tte_klien.verifikasi(isi)
	except d.GalatTte as g:
		tolak(g.pesan)
	info = v.get("signatureInformations") or []
	sebelumnya = sum(1 for x in t.penandatangan if x.status in d.SELESAI)
	if v.get("conclusion") != "VALID" or int(v.get("signatureCount") or 0) <= sebelumnya:
		tolak(
			_(
				"Layanan TTE tidak menyatakan PDF ini sah dengan tanda tangan baru ({0}). Tidak ada yang berubah."
			).format(escape_html(v.get("description") or v.get("conclusion") or "-"))
		)
	terakhir = info[-1] if info else {}
	waktu = (
		get_datetime(terakhir.get("signatureDate")[:19].replace("T", " "))
		if terakhir.get("signatureDate")
		else None
	)
	_catat_tanda(t, r, isi, None, terakhir.get("signerName") or "-", r.peran or "", DIUNGGAH, waktu)
	return ringkasan(t)


def versi_baru(nama_tte: str, alasan: str) -> dict:
	"""Replace a signed version: the document opens for the correction; the next PDF is version n+1
	carrying ``alasan``."""
	t = frappe.get_doc(DOKUMEN_TTE, nama_tte, for_update=True)
	frappe.has_permission(t.dokumen_doctype, "write", t.dokumen_name, throw=True)
	alasan = (alasan or "").strip()
	if len(alasan) < 10:
		tolak(
			_(
				"Tulis alasan koreksi (paling sedikit 10 huruf); alasan dicatat pada versi baru. Tidak ada yang berubah."
			)
		)
	if t.status == DIGANTI:
		tolak(_("Versi {0} sudah diganti. Tidak ada yang berubah.").format(t.versi))
	t.status, t.alasan_diganti = DIGANTI, alasan
	t.save(ignore_permissions=True)
	return ringkasan(t)


def ringkasan(t) -> dict:
	"""What the form's panel shows of a version."""
	return {
		"name": t.name,
		"versi": t.versi,
		"status": t.status,
		"berkas_asli": t.berkas_asli,
		"berkas_tertanda": t.berkas_tertanda,
		"sha256": t.sha256_tertanda,
		"url_verifikasi": tte_pdf.url_verifikasi(t.token),
		"penandatangan": [
			{
				"urutan": r.urutan,
				"nama": r.nama,
				"sebutan": r.sebutan or r.peran,
				"status": r.status,
				"waktu": str(r.waktu or ""),
				"boleh_unggah": r.boleh_unggah,
			}
			for r in t.penandatangan
		],
	}
