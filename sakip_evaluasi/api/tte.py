"""Electronic signatures (``sakip_evaluasi.cetak.tte``) and the public verification
(``sakip_evaluasi.cetak.tte_verifikasi``).

The signer's passphrase, TOTP or seal code arrives as the form field ``password`` (a name Frappe's
traceback sanitizer masks), is taken out of the request's form data at once and handed on wrapped in a
``Rahasia``: it reaches the eSign service in one request and nothing else.
"""

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit

from sakip_evaluasi.cetak import tte, tte_verifikasi
from sakip_evaluasi.cetak.tte_klien import Rahasia
from sakip_evaluasi.domain.doctype import PENGATURAN_TTE


def _ambil_rahasia(password: str) -> Rahasia:
	frappe.form_dict.pop("password", None)
	if frappe.request:
		frappe.local.form_dict = frappe._dict({k: v for k, v in frappe.form_dict.items() if k != "password"})
	if not (password or "").strip():
		frappe.throw(
			_("Ketik passphrase (atau kode TOTP) sertifikat elektronik Anda. Tidak ada yang berubah.")
		)
	return Rahasia(password.strip())


def _berkas_unggahan(kolom: str = "berkas") -> bytes:
	berkas = frappe.request.files.get(kolom) if frappe.request and frappe.request.files else None
	if not berkas:
		frappe.throw(_("Pilih berkas PDF yang akan diunggah. Tidak ada yang berubah."))
	return berkas.stream.read()


@frappe.whitelist()
def panel(doctype: str, name: str) -> dict:
	"""What the form's TTE panel shows: each signed print format of the document and its current
	version (signers, files, the verification link)."""
	frappe.has_permission(doctype, "read", name, throw=True)
	hasil = []
	for pf in dict.fromkeys(
		r.print_format for r in frappe.get_cached_doc(PENGATURAN_TTE).aturan if r.doctype_dokumen == doctype
	):
		t = tte.versi_berlaku(doctype, name, pf)
		hasil.append({"print_format": pf, "versi": tte.ringkasan(t) if t else None})
	return {"cetakan": hasil}


@frappe.whitelist()
def status_sertifikat_saya() -> dict:
	"""The session user's certificate status on the eSign service (the badge before signing)."""
	return tte.status_saya()


@frappe.whitelist(methods=["POST"])
def siapkan_pdf(doctype: str, name: str, print_format: str) -> dict:
	"""Render the document's PDF for signing (with the QR and the UU ITE footer)."""
	return tte.siapkan(doctype, name, print_format)


@frappe.whitelist(methods=["POST"])
def tanda_tangani(dokumen_tte: str, password: str, totp: int = 0, ulang: int = 0) -> dict:
	"""Sign version ``dokumen_tte`` with the signer's passphrase (or TOTP when ``totp``); ``ulang`` after
	an unknown outcome."""
	secret = _ambil_rahasia(password)
	del password
	return tte.tanda_tangani(dokumen_tte, secret, bool(int(totp or 0)), bool(int(ulang or 0)))


@frappe.whitelist(methods=["POST"])
def siapkan_dan_tanda_tangani(
	doctype: str, name: str, print_format: str, password: str, totp: int = 0
) -> dict:
	"""The first signer in one action: render the PDF for signing and sign it in the same request."""
	secret = _ambil_rahasia(password)
	del password
	return tte.siapkan_dan_tanda_tangani(doctype, name, print_format, secret, bool(int(totp or 0)))


@frappe.whitelist(methods=["POST"])
def unggah_tertanda(dokumen_tte: str) -> dict:
	"""A PDF of this version signed outside the app (form field ``berkas``), verified and kept."""
	return tte.unggah_tertanda(dokumen_tte, _berkas_unggahan())


@frappe.whitelist(methods=["POST"])
def versi_baru(dokumen_tte: str, alasan: str) -> dict:
	"""Replace a signed version for a correction; ``alasan`` is recorded on the next version."""
	return tte.versi_baru(dokumen_tte, alasan)


@frappe.whitelist(methods=["POST"])
def segel_paket(evaluasi: str, password: str) -> dict:
	"""Seal the evaluation's evidence pack; ``password`` is the seal's one-time code."""
	secret = _ambil_rahasia(password)
	del password
	return tte_verifikasi.segel_paket(evaluasi, secret)


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=30, seconds=60)
def verifikasi(t: str | None = None) -> dict:
	"""The public verification: by the QR's token ``t``, by an uploaded PDF (form field ``berkas``), or
	both. Guests may call it, 30 times a minute per address."""
	isi = None
	if frappe.request and frappe.request.files and frappe.request.files.get("berkas"):
		isi = _berkas_unggahan()
	if not t and isi is None:
		frappe.throw(_("Pindai kode QR dokumen atau pilih berkas PDF-nya."))
	return tte_verifikasi.periksa(t, isi)


@frappe.whitelist()
def nik_saya() -> dict:
	"""The session user's own NIK (personal data: only they and the administrators see it)."""
	return {"nik": frappe.db.get_value("Pegawai", {"user": frappe.session.user}, "nik")}


@frappe.whitelist(methods=["POST"])
def simpan_nik_saya(nik: str) -> dict:
	"""Record the session user's own NIK on their Pegawai."""
	from sakip_evaluasi.pejabat.jabatan import pegawai_untuk_user

	doc = frappe.get_doc("Pegawai", pegawai_untuk_user(frappe.session.user))
	doc.nik = nik
	doc.save(ignore_permissions=True)
	return {"nik": doc.nik}
