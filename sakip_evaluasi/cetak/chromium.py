"""Headless Chromium (Debian's ``chromium``) driven over the DevTools protocol on a pipe.

The app's official documents are printed by Chromium rather than wkhtmltopdf: Chromium repeats a
table's ``<thead>`` on every page, never cuts a row marked ``break-inside: avoid``, honours ``@page``
size and margins, prints page numbers in its footer template and keeps links and a document outline
(a later table of contents). The browser is started with ``--remote-debugging-pipe`` (file
descriptors 3 and 4, messages as JSON ended by a NUL byte), so no websocket client nor playwright is
needed at run time; it loads each document from a private temporary file with scripts disabled and
every host unreachable (an official PDF depends on nothing but its HTML).

No Frappe here: ``sakip_evaluasi.cetak.pdf`` is the app's entry point (``pdf_resmi``).
"""

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

BATAS_DETIK = 60  # one document may take this long before the render is abandoned
CALON = ("chromium", "chromium-browser", "google-chrome", "chrome")
ARGUMEN = (
	"--headless",
	"--remote-debugging-pipe",
	"--disable-gpu",
	"--disable-dev-shm-usage",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--disable-extensions",
	"--disable-default-apps",
	"--no-first-run",
	"--no-default-browser-check",
	"--mute-audio",
	"--hide-scrollbars",
	"--font-render-hinting=none",  # the same glyph widths on every host: stable line breaks
	"--blink-settings=scriptEnabled=false",
	# an official PDF is made of its HTML alone: no request leaves the browser
	"--host-resolver-rules=MAP * ~NOTFOUND",
	"--proxy-server=127.0.0.1:9",
)


class ChromiumTidakAda(RuntimeError):
	"""No Chromium on this host (install Debian's ``chromium``)."""


class ChromiumGagal(RuntimeError):
	"""Chromium failed or took too long on a document."""


def cari_chromium() -> str:
	"""Path of the Chromium binary: $SAKIP_CHROMIUM, else the first of ``CALON`` on PATH."""
	if jalur := os.environ.get("SAKIP_CHROMIUM"):
		return jalur
	for nama in CALON:
		if jalur := shutil.which(nama):
			return jalur
	for jalur in ("/usr/bin/chromium", "/usr/lib/chromium/chromium"):
		if os.access(jalur, os.X_OK):
			return jalur
	raise ChromiumTidakAda(
		"Chromium tidak terpasang di server ini: dokumen resmi dicetak ke PDF dengan Chromium "
		"(paket Debian 'chromium'). Minta administrator memasangnya."
	)


def _fd_tinggi(fd: int) -> int:
	"""A copy of ``fd`` numbered 10 or more (closed on exec), so mapping it to 3/4 cannot collide."""
	baru = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
	os.close(fd)
	return baru


class Peramban:
	"""One headless Chromium for a series of documents (``with Peramban() as p: p.pdf(html)``)."""

	def __init__(self, tanpa_sandbox: bool | None = None):
		self.tanpa_sandbox = (os.geteuid() == 0) if tanpa_sandbox is None else tanpa_sandbox
		self._id = 0
		self._sisa = b""
		self._proses = None

	# ------------------------------------------------------------------ process and pipe
	def __enter__(self) -> "Peramban":
		self._dir = tempfile.mkdtemp(prefix="sakip-chromium-")
		baca_anak, tulis_kami = (_fd_tinggi(fd) for fd in os.pipe())
		baca_kami, tulis_anak = (_fd_tinggi(fd) for fd in os.pipe())
		argumen = [cari_chromium(), *ARGUMEN, f"--user-data-dir={self._dir}/profil"]
		if self.tanpa_sandbox:
			argumen.append("--no-sandbox")
		# bash maps the two pipe ends to the descriptors 3 and 4 the protocol expects
		perintah = ["bash", "-c", f'exec "$@" 3<&{baca_anak} 4>&{tulis_anak}', "chromium", *argumen]
		try:
			self._proses = subprocess.Popen(
				perintah,
				pass_fds=(baca_anak, tulis_anak),
				stdin=subprocess.DEVNULL,
				stdout=subprocess.DEVNULL,
				stderr=subprocess.DEVNULL,
				env={**os.environ, "HOME": self._dir},
			)
		finally:
			os.close(baca_anak)
			os.close(tulis_anak)
		self._tulis, self._baca = tulis_kami, baca_kami
		return self

	def __exit__(self, *exc) -> None:
		try:
			if self._proses and self._proses.poll() is None:
				try:
					self._kirim("Browser.close", batas=5)
				except Exception:
					pass
				try:
					self._proses.wait(timeout=5)
				except subprocess.TimeoutExpired:
					self._proses.kill()
					self._proses.wait()
		finally:
			for fd in (self._tulis, self._baca):
				try:
					os.close(fd)
				except OSError:
					pass
			shutil.rmtree(self._dir, ignore_errors=True)

	def _kirim(self, metode: str, params: dict | None = None, sesi: str | None = None, batas=BATAS_DETIK):
		self._id += 1
		pesan = {"id": self._id, "method": metode, "params": params or {}}
		if sesi:
			pesan["sessionId"] = sesi
		os.write(self._tulis, json.dumps(pesan).encode() + b"\0")
		return self._tunggu(lambda m, i=self._id: m.get("id") == i, batas)

	def _tunggu(self, cocok, batas: float) -> dict:
		akhir = time.monotonic() + batas
		while True:
			while b"\0" in self._sisa:
				mentah, self._sisa = self._sisa.split(b"\0", 1)
				m = json.loads(mentah)
				if cocok(m):
					if "error" in m:
						raise ChromiumGagal(m["error"].get("message", str(m["error"])))
					return m
			if time.monotonic() > akhir:
				raise ChromiumGagal("Chromium tidak menjawab dalam batas waktu.")
			siap, _w, _x = select.select([self._baca], [], [], 0.5)
			if siap:
				potong = os.read(self._baca, 1 << 20)
				if not potong:
					raise ChromiumGagal("Chromium berhenti saat mencetak.")
				self._sisa += potong

	# ------------------------------------------------------------------ one document
	def pdf(self, html: str, kaki: str | None = None) -> bytes:
		"""The PDF of ``html``: page size and margins from its ``@page`` rule, backgrounds printed;
		``kaki`` a footer template (Chromium fills ``<span class="pageNumber">``/``totalPages``)."""
		berkas = Path(self._dir) / f"dokumen-{self._id + 1}.html"
		berkas.write_text(html, encoding="utf-8")
		target = self._kirim("Target.createTarget", {"url": "about:blank"})["result"]["targetId"]
		sesi = self._kirim("Target.attachToTarget", {"targetId": target, "flatten": True})["result"][
			"sessionId"
		]
		try:
			self._kirim("Page.enable", sesi=sesi)
			self._kirim("Page.navigate", {"url": berkas.as_uri()}, sesi=sesi)
			self._tunggu(
				lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == sesi, BATAS_DETIK
			)
			params = {
				"printBackground": True,
				"preferCSSPageSize": True,
				"displayHeaderFooter": bool(kaki),
				"headerTemplate": "<span></span>",
				"footerTemplate": kaki or "<span></span>",
				"generateDocumentOutline": True,
			}
			data = self._kirim("Page.printToPDF", params, sesi=sesi)["result"]["data"]
			return base64.b64decode(data)
		finally:
			self._kirim("Target.closeTarget", {"targetId": target})
			berkas.unlink(missing_ok=True)


def pdf_dari_html(html: str, kaki: str | None = None) -> bytes:
	"""One document with a browser of its own."""
	with Peramban() as p:
		return p.pdf(html, kaki)
