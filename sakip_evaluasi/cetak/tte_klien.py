"""The client of the Pemda's eSign Client Service (BSrE API v2): one HTTP request per call, never
retried, the credential of the signer used for that one request only.

The service's address, user and password are read from Pengaturan TTE (the password from Frappe's
encrypted store); nothing of a request body is logged. A sign request that gets no answer within the
timeout raises ``GalatTte(TAK_DIKETAHUI)``: the signature may or may not have been made, and the
caller records that. Facts: ``shared/reference/bsre-esign-v2.md``.
"""

import base64
import json
from dataclasses import dataclass

import frappe
import requests

from sakip_evaluasi.domain import tte as d
from sakip_evaluasi.domain.doctype import PENGATURAN_TTE

BATAS_WAKTU_STATUS = 5  # seconds; the status check is quick (≈0.5 s live)
BATAS_WAKTU_VERIFIKASI = 120


class Rahasia:
	"""A passphrase, TOTP or seal code: printed nowhere (tracebacks with variables, logs, repr)."""

	__slots__ = ("_secret",)

	def __init__(self, secret: str) -> None:
		self._secret = secret

	def __repr__(self) -> str:
		return "********"

	__str__ = __repr__

	def buka(self) -> str:
		return self._secret


@dataclass(frozen=True)
class Layanan:
	url: str
	user: str
	secret_password: Rahasia
	batas_waktu: int


def layanan() -> Layanan:
	"""The configured service; refuses (in Bahasa Indonesia) when it is not configured."""
	s = frappe.get_cached_doc(PENGATURAN_TTE)
	url = (s.url_layanan or "").strip().rstrip("/")
	if not url or not s.pengguna_layanan:
		raise d.GalatTte(d.BELUM_DIATUR)
	secret_password = s.get_password("kata_sandi_layanan", raise_exception=False) or ""
	if not secret_password:
		raise d.GalatTte(d.BELUM_DIATUR)
	return Layanan(url, s.pengguna_layanan, Rahasia(secret_password), int(s.batas_waktu_detik or 30))


def _post(lay: Layanan, jalur: str, isi: dict, secret: dict[str, Rahasia], batas: float):
	"""One POST, no retry (a fresh Session has no retrying adapter)."""
	with requests.Session() as sesi:
		sesi.mount("http://", requests.adapters.HTTPAdapter(max_retries=0))
		sesi.mount("https://", requests.adapters.HTTPAdapter(max_retries=0))
		secret_body = json.dumps({**isi, **{k: v.buka() for k, v in secret.items()}})
		return sesi.post(
			f"{lay.url}{jalur}",
			data=secret_body,
			headers={"Content-Type": "application/json", "Accept": "application/json"},
			auth=(lay.user, lay.secret_password.buka()),
			timeout=(min(5, batas), batas),
		)


def _kirim(
	jalur: str,
	isi: dict,
	secret: dict[str, Rahasia] | None = None,
	batas: float | None = None,
	segel: bool = False,
	tanda: bool = False,
) -> dict:
	"""The JSON answer of one call, or ``GalatTte``. ``tanda``: a request that makes a signature, whose
	lost answer is an unknown outcome rather than a plain failure."""
	lay = layanan()
	try:
		jawaban = _post(lay, jalur, isi, secret or {}, batas or lay.batas_waktu)
	except requests.ConnectTimeout:
		raise d.GalatTte(d.TAK_TERJANGKAU) from None
	except requests.ConnectionError as e:
		# a connection dropped after the request was sent leaves a signature's outcome unknown
		terkirim = tanda and "Connection refused" not in str(e) and "Name or service" not in str(e)
		raise d.GalatTte(d.TAK_DIKETAHUI if terkirim else d.TAK_TERJANGKAU) from None
	except requests.Timeout:
		raise d.GalatTte(d.TAK_DIKETAHUI if tanda else d.TAK_TERJANGKAU) from None
	jenis_isi = jawaban.headers.get("Content-Type", "")
	data = None
	if "json" in jenis_isi:
		try:
			data = jawaban.json()
		except ValueError:
			data = None
	if jawaban.status_code != 200:
		raise d.galat_dari_jawaban(jawaban.status_code, data, segel=segel)
	if not isinstance(data, dict):
		raise d.GalatTte(d.DITOLAK_LAYANAN, jawaban.status_code)
	return data


# --------------------------------------------------------------------------- the API


def identitas(nik: str) -> dict:
	return {"nik": nik}


def status_sertifikat(nik: str) -> str:
	"""The certificate status of ``nik`` (ISSUE, EXPIRED, NOT_REGISTERED, …)."""
	data = _kirim("/user/check/status", identitas(nik), batas=BATAS_WAKTU_STATUS)
	return str(data.get("status") or d.KODE_STATUS.get(data.get("status_code"), "NOT_REGISTERED"))


def _pdf_jawaban(data: dict) -> bytes:
	berkas = data.get("file")
	isi = berkas[0] if isinstance(berkas, list) and berkas else berkas
	try:
		pdf = base64.b64decode(isi or "")
	except (ValueError, TypeError):
		pdf = b""
	if not d.adalah_pdf(pdf):
		raise d.GalatTte(d.DITOLAK_LAYANAN)
	return pdf


def tanda_tangani(nik: str, secret: Rahasia, totp: bool, pdf: bytes, properti: dict) -> bytes:
	"""The PDF signed by ``nik`` (one file per request). ``secret`` is their passphrase, or a TOTP."""
	isi = {**identitas(nik), "signatureProperties": [properti], "file": [base64.b64encode(pdf).decode()]}
	data = _kirim("/sign/pdf", isi, {"totp" if totp else "passphrase": secret}, tanda=True)
	return _pdf_jawaban(data)


def segel(id_subscriber: str, secret_kode: Rahasia, pdf: bytes, properti: dict) -> bytes:
	"""The PDF sealed with the institution's e-seal; ``secret_kode`` is the seal's one-time code."""
	isi = {
		"idSubscriber": id_subscriber,
		"signatureProperties": [properti],
		"file": [base64.b64encode(pdf).decode()],
	}
	data = _kirim("/seal/pdf", isi, {"totp": secret_kode}, segel=True, tanda=True)
	return _pdf_jawaban(data)


def verifikasi(pdf: bytes) -> dict:
	"""The service's verification of a PDF: conclusion, signatureCount, signatureInformations."""
	return _kirim("/verify/pdf", {"file": base64.b64encode(pdf).decode()}, batas=BATAS_WAKTU_VERIFIKASI)
