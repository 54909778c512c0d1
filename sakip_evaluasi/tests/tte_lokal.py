"""The local eSign service for the integration tests: started (scripts/tte_lokal.sh, its own virtual
environment) when it does not answer yet, and the site pointed at it."""

import base64
import json
import os
import subprocess
import urllib.request

import frappe


def port() -> int:
	"""The service's port: the site's ``sakip_tte_port`` (CI gives each lane its own), else 8190."""
	return int(frappe.conf.get("sakip_tte_port") or os.environ.get("SAKIP_TTE_PORT") or 8190)


def url() -> str:
	return f"http://127.0.0.1:{port()}"


USER, PASSWORD = "sakip", "sakip-lokal"
PASSPHRASE = "Rahasia#2026"
NIK = {n: f"32000000000000{n:02d}" for n in range(1, 9)}
NIK_STATUS = {
	"NO_CERTIFICATE": "3200000000000090",
	"EXPIRED": "3200000000000091",
	"SUSPEND": "3200000000000092",
	"REVOKE": "3200000000000093",
	"WAITING_FOR_VERIFICATION": "3200000000000094",
	"NEW": "3200000000000095",
	"RENEW": "3200000000000096",
	"NOT_REGISTERED": "3299999999999999",
}
NIK_LAMBAT = "3200000000000099"


def _dapat(jalur: str) -> bytes:
	with urllib.request.urlopen(url() + jalur, timeout=3) as r:
		return r.read()


def pastikan_layanan() -> None:
	try:
		_dapat("/_uji/hitungan")
		return
	except OSError:
		pass
	skrip = frappe.get_app_path("sakip_evaluasi", "..", "scripts", "tte_lokal.sh")
	subprocess.run(
		["bash", skrip, "start"], check=True, timeout=600, env={**os.environ, "SAKIP_TTE_PORT": str(port())}
	)


def arahkan_situs(batas_waktu: int = 30) -> None:
	s = frappe.get_single("Pengaturan TTE")
	s.url_layanan = f"{url()}/api/v2"
	s.pengguna_layanan = USER
	s.kata_sandi_layanan = PASSWORD
	s.batas_waktu_detik = batas_waktu
	s.lokasi = "Kota Uji"
	s.id_subscriber_segel = "SEGEL-UJI-01"
	s.flags.ignore_permissions = True
	s.save()


def hitungan() -> dict:
	"""Sign requests the service received, per NIK."""
	return json.loads(_dapat("/_uji/hitungan"))


def panggil(jalur: str, isi: dict) -> dict:
	"""A call straight to the service (a signer signing outside the app, a seal code)."""
	req = urllib.request.Request(
		f"{url()}/api/v2{jalur}",
		data=json.dumps(isi).encode(),
		headers={
			"Content-Type": "application/json",
			"Authorization": "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode(),
		},
	)
	with urllib.request.urlopen(req, timeout=30) as r:
		return json.loads(r.read())


def kode_segel() -> str:
	return panggil("/seal/get/totp", {"idSubscriber": "SEGEL-UJI-01", "data": 1})["totp"]


def tanda_tangani_di_luar(pdf: bytes, nik: str) -> bytes:
	jawab = panggil(
		"/sign/pdf",
		{
			"nik": nik,
			"passphrase": PASSPHRASE,
			"signatureProperties": [{"tampilan": "INVISIBLE"}],
			"file": [base64.b64encode(pdf).decode()],
		},
	)
	return base64.b64decode(jawab["file"][0])


def verifikasi(pdf: bytes) -> dict:
	return panggil("/verify/pdf", {"file": base64.b64encode(pdf).decode()})
