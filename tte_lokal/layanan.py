"""A local stand-in for the Pemda's BSrE eSign Client Service (API v2), for the tests and the demo.

Same paths, request and response shapes and error codes as the real service
(``shared/reference/bsre-esign-v2.md``): HTTP Basic on every call, JSON in and out, PDFs as base64.
Signatures are real PAdES (pyHanko, ``/ETSI.CAdES.detached``, B-T with a test TSA) from a test CA made
at start. It runs in its own virtual environment (scripts/tte_lokal.sh), never in the bench's: pyHanko's
releases need a newer ``cryptography`` than Frappe v15 pins.

Scripted behaviour (the table in pengguna.json): a NIK per certificate status, one wrong-passphrase
answer (2031), a NIK whose answer comes after ``--gantung-detik`` seconds (an unknown outcome for a
client with a short timeout), HTTP 500 for a file that is not a PDF (as the live service answers).

Test-only paths under ``/_uji/`` (not in the real API): ``GET /_uji/hitungan`` (sign requests received
per NIK, to prove a client never retries), ``GET /_uji/akar`` (the test root CA, PEM).

    python layanan.py --port 8190 --user sakip --password sakip-lokal
"""

import argparse
import base64
import binascii
import io
import json
import secrets
import threading
import time
from collections import Counter
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ca import OtoritasUji
from pyhanko.pdf_utils import images
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

KODE_STATUS = {
	"ISSUE": 1111,
	"NOT_REGISTERED": 2011,
	"NO_CERTIFICATE": 2021,
	"WAITING_FOR_VERIFICATION": 2022,
	"NEW": 2022,
	"EXPIRED": 2023,
	"RENEW": 2024,
	"SUSPEND": 2025,
	"REVOKE": 2026,
}
PESAN_STATUS = {
	"ISSUE": "Sertifikat aktif",
	"NOT_REGISTERED": "User tidak terdaftar",
	"NO_CERTIFICATE": "User belum memiliki sertifikat",
	"WAITING_FOR_VERIFICATION": "Pendaftaran sedang diverifikasi",
	"NEW": "Sertifikat belum diaktivasi",
	"EXPIRED": "Sertifikat kedaluwarsa",
	"RENEW": "Sertifikat sedang diperbarui",
	"SUSPEND": "Sertifikat dibekukan",
	"REVOKE": "Sertifikat dicabut",
}
SALAH_PASSPHRASE = 2031
SALAH_TOTP_SEGEL = 2032


class Galat(Exception):
	def __init__(self, http: int, isi: dict | str):
		self.http, self.isi = http, isi


class Layanan:
	def __init__(self, data: dict, gantung_detik: float) -> None:
		self.pengguna = data["pengguna"]
		self.passphrase = data["passphrase"]
		self.segel = data.get("segel", {})
		self.gantung_detik = gantung_detik
		self.ca = OtoritasUji()
		self.hitungan: Counter = Counter()
		self.totp: dict[str, str] = {}  # one-time codes issued (sign TOTP per NIK, seal TOTP per subscriber)
		self.kunci = threading.Lock()
		self.vc = ValidationContext(trust_roots=[self.ca.akar.cert])

	# ----------------------------------------------------------------- identity

	def _cari(self, body: dict) -> tuple[str, dict | None]:
		nik = str(body.get("nik") or "")
		if nik:
			return nik, self.pengguna.get(nik)
		email = str(body.get("email") or "")
		for k, v in self.pengguna.items():
			if email and v.get("email") == email:
				return k, v
		return nik or email, None

	def status(self, body: dict) -> dict:
		_k, p = self._cari(body)
		s = p["status"] if p else "NOT_REGISTERED"
		return {"status_code": KODE_STATUS[s], "message": PESAN_STATUS[s], "status": s}

	def _penanda(self, body: dict):
		kunci, p = self._cari(body)
		if not p:
			raise Galat(400, {"error": "User tidak terdaftar", "status_code": 2011})
		if p["status"] != "ISSUE":
			raise Galat(400, {"error": PESAN_STATUS[p["status"]], "status_code": KODE_STATUS[p["status"]]})
		if "passphrase" in body:
			if body.get("passphrase") != self.passphrase:
				raise Galat(400, {"error": "Passphrase anda salah", "status_code": SALAH_PASSPHRASE})
		elif not self._pakai_totp(kunci, body.get("totp")):
			raise Galat(400, {"error": "TOTP tidak valid", "status_code": SALAH_PASSPHRASE})
		return kunci, p

	def _pakai_totp(self, kunci: str, totp) -> bool:
		with self.kunci:
			if totp and self.totp.get(kunci) == str(totp):
				del self.totp[kunci]  # one time only
				return True
		return False

	# ----------------------------------------------------------------- signing

	def sign(self, body: dict) -> dict:
		mulai = time.monotonic()
		kunci, p = self._penanda(body)
		with self.kunci:
			self.hitungan[kunci] += 1
		if p.get("gantung"):
			time.sleep(self.gantung_detik)
		pasangan = self.ca.sertifikat(kunci, p["nama"], p.get("email"))
		hasil = [self._tanda_tangani(f, _properti(body), pasangan, p["nama"]) for f in _berkas(body)]
		return {"time": int((time.monotonic() - mulai) * 1000), "file": hasil}

	def seal(self, body: dict) -> dict:
		mulai = time.monotonic()
		id_ = str(body.get("idSubscriber") or "")
		s = self.segel.get(id_)
		if not s:
			raise Galat(400, {"error": "Subscriber tidak terdaftar", "status_code": 2011})
		if not self._pakai_totp("segel:" + id_, body.get("totp")):
			raise Galat(
				400, {"error": "TOTP segel tidak valid atau kedaluwarsa", "status_code": SALAH_TOTP_SEGEL}
			)
		pasangan = self.ca.sertifikat("segel:" + id_, s["nama"])
		hasil = [self._tanda_tangani(f, _properti(body), pasangan, s["nama"]) for f in _berkas(body)]
		return {"time": int((time.monotonic() - mulai) * 1000), "file": hasil}

	def totp_baru(self, kunci: str) -> str:
		kode = f"{secrets.randbelow(10**6):06d}"
		with self.kunci:
			self.totp[kunci] = kode
		return kode

	def _tanda_tangani(self, b64: str, prop: dict, pasangan, nama: str) -> str:
		pdf = _pdf(b64)
		try:
			w = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
			halaman = int(w.root["/Pages"]["/Count"])
		except Exception:
			raise Galat(500, _spring(500, "Internal Server Error", "/api/v2/sign/pdf")) from None
		signer = signers.SimpleSigner(
			signing_cert=pasangan.cert,
			signing_key=pasangan.key,
			cert_registry=SimpleCertificateStore.from_certs([self.ca.akar.cert]),
		)
		nama_field = f"TTE{secrets.token_hex(4)}"
		meta = signers.PdfSignatureMetadata(
			field_name=nama_field,
			subfilter=fields.SigSeedSubFilter.PADES,
			md_algorithm="sha256",
			reason=prop.get("reason") or None,
			location=prop.get("location") or None,
			contact_info=prop.get("contactInfo") or None,
		)
		ts = DummyTimeStamper(
			tsa_cert=self.ca.tsa.cert,
			tsa_key=self.ca.tsa.key,
			certs_to_embed=SimpleCertificateStore.from_certs([self.ca.akar.cert]),
		)
		gaya, spec = None, fields.SigFieldSpec(sig_field_name=nama_field)
		if str(prop.get("tampilan", "INVISIBLE")).upper() == "VISIBLE":
			nomor = int(prop.get("page") or halaman)
			if not 1 <= nomor <= halaman:
				raise Galat(400, {"error": f"Halaman {nomor} tidak ada", "status_code": 2041})
			x, y = float(prop.get("originX", 0)), float(prop.get("originY", 0))
			lebar, tinggi = float(prop.get("width", 150)), float(prop.get("height", 60))
			spec = fields.SigFieldSpec(
				sig_field_name=nama_field,
				on_page=nomor - 1,
				box=(int(x), int(y), int(x + lebar), int(y + tinggi)),
			)
			latar = _latar(prop.get("imageBase64"))
			# the caller's picture is the mark (as BSrE draws it); without one, the signer and the time
			gaya = TextStampStyle(
				stamp_text=" " if latar else "Ditandatangani secara elektronik oleh\n%(signer)s\n%(ts)s",
				timestamp_format="%d-%m-%Y %H:%M:%S %Z",
				background=latar,
				background_opacity=1.0 if latar else 0.35,
				border_width=0,
			)
		pdf_signer = signers.PdfSigner(
			meta, signer=signer, timestamper=ts, stamp_style=gaya, new_field_spec=spec
		)
		keluar = io.BytesIO()
		pdf_signer.sign_pdf(w, output=keluar)
		return base64.b64encode(keluar.getvalue()).decode()

	# ----------------------------------------------------------------- verification

	def verify(self, body: dict) -> dict:
		pdf = _pdf(body.get("file"))
		try:
			r = PdfFileReader(io.BytesIO(pdf), strict=False)
			tanda = r.embedded_signatures
		except Exception:
			raise Galat(500, _spring(500, "Internal Server Error", "/api/v2/verify/pdf")) from None
		if not tanda:
			return {
				"conclusion": "NO_SIGNATURE",
				"description": "Dokumen tidak memiliki tanda tangan elektronik",
				"signatureCount": 0,
				"signatureInformations": [],
			}
		info, semua_sah = [], True
		for i, t in enumerate(tanda, 1):
			s = validate_pdf_signature(t, signer_validation_context=self.vc)
			sah = bool(s.intact and s.valid and s.trusted)
			semua_sah = semua_sah and sah
			waktu = s.signer_reported_dt or (s.timestamp_validity and s.timestamp_validity.timestamp)
			info.append(
				{
					"id": f"Signature{i}",
					"fieldName": t.field_name,
					"signerName": s.signing_cert.subject.native.get("common_name", ""),
					"signatureDate": waktu.astimezone(timezone.utc).isoformat() if waktu else "",
					"location": str(t.sig_object.get("/Location", "")),
					"reason": str(t.sig_object.get("/Reason", "")),
					"certificateDetails": [{"subject": s.signing_cert.subject.human_friendly}],
					"certLevelCode": "QESig" if sah else "",
					"integrityValid": bool(s.intact and s.valid),
					"certificateTrusted": bool(s.trusted),
					"signatureFormat": "PAdES-BASELINE-T" if s.timestamp_validity else "PAdES-BASELINE-B",
					"ltv": False,
					"lastSignature": i == len(tanda),
					"timestampInfomation": {
						"valid": bool(s.timestamp_validity and s.timestamp_validity.valid)
					},
					"digestAlgorithm": "SHA256",
					"signatureAlgorithm": "RSA",
				}
			)
		return {
			"conclusion": "VALID" if semua_sah else "NOT_VALID",
			"description": "Dokumen valid" if semua_sah else "Ada tanda tangan yang tidak valid",
			"signatureCount": len(tanda),
			"signatureInformations": info,
		}


def _berkas(body: dict) -> list[str]:
	f = body.get("file")
	f = f if isinstance(f, list) else [f]
	if not f or not all(isinstance(x, str) and x for x in f):
		raise Galat(500, _spring(500, "Internal Server Error", "/api/v2/sign/pdf"))
	return f


def _properti(body: dict) -> dict:
	p = body.get("signatureProperties") or {}
	return (p[0] if p else {}) if isinstance(p, list) else p


def _pdf(b64) -> bytes:
	try:
		pdf = base64.b64decode(b64 or "", validate=True)
	except (binascii.Error, TypeError):
		pdf = b""
	if not pdf.startswith(b"%PDF-"):
		raise Galat(500, _spring(500, "Internal Server Error", "/api/v2"))
	return pdf


def _latar(b64: str | None):
	if not b64:
		return None
	from PIL import Image

	try:
		return images.PdfImage(Image.open(io.BytesIO(base64.b64decode(b64))))
	except Exception:
		raise Galat(400, {"error": "imageBase64 tidak valid", "status_code": 2041}) from None


def _spring(status: int, error: str, path: str) -> dict:
	return {
		"timestamp": datetime.now(timezone.utc).isoformat(),
		"status": status,
		"error": error,
		"path": path,
	}


def buat_handler(layanan: Layanan, user: str, password: str):
	auth_benar = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
	rute = {
		"/api/v2/sign/pdf": layanan.sign,
		"/api/v2/user/check/status": layanan.status,
		"/api/v2/verify/pdf": layanan.verify,
		"/api/v2/seal/pdf": layanan.seal,
		"/api/v2/sign/get/totp": lambda b: _kirim_totp(layanan, b),
		"/api/v2/seal/get/totp": lambda b: _totp_segel(layanan, b),
	}

	class Handler(BaseHTTPRequestHandler):
		protocol_version = "HTTP/1.1"

		def log_message(self, *args) -> None:  # bodies carry passphrases: log nothing but the path
			pass

		def _kirim(self, http: int, isi) -> None:
			data = isi if isinstance(isi, bytes) else json.dumps(isi).encode()
			self.send_response(http)
			self.send_header(
				"Content-Type", "application/json" if not isinstance(isi, bytes) else "text/plain"
			)
			self.send_header("Content-Length", str(len(data)))
			self.end_headers()
			self.wfile.write(data)

		def _izin(self) -> bool:
			if self.headers.get("Authorization") != auth_benar:
				self._kirim(401, _spring(401, "Unauthorized", self.path))
				return False
			return True

		def do_GET(self) -> None:
			if self.path == "/_uji/hitungan":
				return self._kirim(200, dict(layanan.hitungan))
			if self.path == "/_uji/akar":
				return self._kirim(200, layanan.ca.akar.pem)
			if not self._izin():
				return
			if self.path.startswith("/api/v2/user/certificate/chain/"):
				return self._kirim(400, b"Bad Request")
			self._kirim(404, _spring(404, "Not Found", self.path))

		def do_POST(self) -> None:
			panjang = int(self.headers.get("Content-Length") or 0)
			mentah = self.rfile.read(panjang)
			if not self._izin():
				return
			fungsi = rute.get(self.path)
			if not fungsi:
				return self._kirim(404, _spring(404, "Not Found", self.path))
			try:
				body = json.loads(mentah or b"{}")
			except ValueError:
				return self._kirim(400, b"Bad Request")
			try:
				self._kirim(200, fungsi(body))
			except Galat as g:
				self._kirim(g.http, g.isi)

	return Handler


def _kirim_totp(layanan: Layanan, body: dict) -> dict:
	kunci, p = layanan._cari(body)
	if not p:
		raise Galat(400, {"error": "User tidak terdaftar", "status_code": 2011})
	kode = layanan.totp_baru(kunci)
	# The real service sends the code to the BeSign Mobile app; the stand-in prints it on its console.
	print(f"TOTP tanda tangan untuk NIK {kunci[:4]}…: {kode}", flush=True)
	return {"success": True, "message": "TOTP dikirim ke aplikasi BeSign Mobile"}


def _totp_segel(layanan: Layanan, body: dict) -> dict:
	id_ = str(body.get("idSubscriber") or "")
	if id_ not in layanan.segel:
		raise Galat(400, {"error": "Subscriber tidak terdaftar", "status_code": 2011})
	kode = layanan.totp_baru("segel:" + id_)
	return {"message": "TOTP segel dibuat", "totp": kode, "expires": 300, "result": True}


def main() -> None:
	ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	ap.add_argument("--host", default="127.0.0.1")
	ap.add_argument("--port", type=int, default=8190)
	ap.add_argument("--user", default="sakip")
	ap.add_argument("--password", default="sakip-lokal")
	ap.add_argument("--pengguna", default=str(Path(__file__).with_name("pengguna.json")))
	ap.add_argument("--gantung-detik", type=float, default=8.0)
	a = ap.parse_args()
	layanan = Layanan(json.loads(Path(a.pengguna).read_text()), a.gantung_detik)
	server = ThreadingHTTPServer((a.host, a.port), buat_handler(layanan, a.user, a.password))
	print(f"layanan TTE lokal siap di http://{a.host}:{a.port}/api/v2", flush=True)
	server.serve_forever()


if __name__ == "__main__":
	main()
