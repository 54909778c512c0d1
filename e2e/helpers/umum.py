"""Shared steps of the browser checks (Playwright for Python driving Debian's Chromium)."""

import argparse
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

LEBAR_PONSEL = {"width": 390, "height": 844}


# Debian's Chromium as root in a container, without what a check does not need.
ARGUMEN_CHROMIUM = (
	"--no-sandbox",
	"--disable-gpu",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--no-first-run",
)


def argumen(user: str, dkb: str, shots: str = "/tmp/sakip-e2e", **tambahan: str | None) -> argparse.Namespace:
	"""The options every check takes: site URL, login, document, Chromium, screenshot folder; and a
	check's own (``tambahan``: option name → default, None for an option that must be given)."""
	p = argparse.ArgumentParser()
	p.add_argument("--url", default="http://demo.localhost:8000")
	p.add_argument("--user", default=user)
	p.add_argument("--password", default="Demo#2026")
	p.add_argument("--dkb", default=dkb)
	p.add_argument("--chromium", default="/usr/bin/chromium")
	p.add_argument("--shots", default=shots)
	for nama, bawaan in tambahan.items():
		p.add_argument(f"--{nama}", default=bawaan, required=bawaan is None)
	a = p.parse_args()
	a.shots = Path(a.shots)
	a.shots.mkdir(parents=True, exist_ok=True)
	return a


@contextmanager
def peramban(chromium: str):
	"""A Chromium browser, closed on the way out."""
	with sync_playwright() as pw:
		browser = pw.chromium.launch(executable_path=chromium, args=list(ARGUMEN_CHROMIUM))
		try:
			yield browser
		finally:
			browser.close()


@contextmanager
def halaman_ponsel(chromium: str):
	"""A page in a 390 × 844 touch screen (a phone)."""
	with peramban(chromium) as browser:
		yield browser.new_page(viewport=LEBAR_PONSEL, device_scale_factor=2, is_mobile=True, has_touch=True)


class TidakBisaMasuk(Exception):
	"""The user of a check could not open the desk: the check stops there (see ``jalankan``)."""


@contextmanager
def ponsel_masuk(a: argparse.Namespace, siapa: str):
	"""A phone page logged in as ``a.user``; TidakBisaMasuk when the desk does not open for ``siapa``."""
	from pages.masuk import masuk

	with halaman_ponsel(a.chromium) as page:
		if not masuk(page, a.url, a.user, a.password):
			raise TidakBisaMasuk(f"FAIL: {siapa} cannot open the desk")
		yield page


def jalankan(main) -> int:
	"""Run a check's ``main``; a user who cannot log in fails it with the reason."""
	try:
		return main()
	except TidakBisaMasuk as e:
		print(e)
		return 1


class Temuan:
	"""What a check found: ``cek`` keeps the message of a condition that does not hold, ``periksa``
	also prints each named check as PASS or FAIL; ``hasil`` prints the check's last line."""

	def __init__(self):
		self.gagal: list[str] = []
		self.lulus = 0

	def cek(self, syarat: bool, pesan: str) -> None:
		if syarat:
			self.lulus += 1
		else:
			self.gagal.append(pesan)

	def periksa(self, nama: str, ok: bool) -> None:
		print(f"{'PASS' if ok else 'FAIL'}: {nama}")
		self.cek(ok, nama)

	def hasil(self, judul: str) -> int:
		"""``<judul>: passed``, or ``<judul>: FAIL`` with each failure below it; the exit status."""
		if self.gagal:
			print(f"{judul}: FAIL\n  " + "\n  ".join(self.gagal))
			return 1
		print(f"{judul}: passed")
		return 0

	def hitungan(self, judul: str) -> int:
		"""``<judul>: N passed, M failed``; the exit status."""
		print(f"{judul}: {self.lulus} passed, {len(self.gagal)} failed")
		return 1 if self.gagal else 0


def nilai_server(page, doctype: str, name: str, fieldname: str):
	"""A field as the server holds it, asked from the logged-in page (the user's own session)."""
	return page.evaluate(
		"""async ([doctype, name, fieldname]) => {
			const r = await fetch("/api/method/frappe.client.get_value?" + new URLSearchParams({
				doctype, filters: name, fieldname}));
			return (await r.json()).message[fieldname];
		}""",
		[doctype, name, fieldname],
	)


class Ketukan:
	"""Counts the taps of a walk: every touch on a button, link, menu item, card or field goes through
	``tap`` (typing goes through the keyboard and is not counted). ``layar`` checks that the screen
	shown has nothing wider than the phone (no sideways scrolling) and keeps a screenshot of it."""

	def __init__(self, page, shots: Path, lebar: int = LEBAR_PONSEL["width"]):
		self.page, self.shots, self.lebar = page, shots, lebar
		self.jumlah = 0
		self.log: list[str] = []
		self.lebar_berlebih: list[str] = []

	def tap(self, locator, keterangan: str) -> None:
		locator.first.wait_for(state="visible", timeout=30000)
		locator.first.tap()
		self.jumlah += 1
		self.log.append(f"{self.jumlah}. {keterangan}")

	def layar(self, nama: str) -> int:
		self.page.wait_for_timeout(400)
		lebar = self.page.evaluate("document.documentElement.scrollWidth")
		self.page.screenshot(path=str(self.shots / f"{nama}.png"))
		if lebar > self.lebar:
			self.lebar_berlebih.append(f"{nama}: scrollWidth {lebar} px")
		return lebar
