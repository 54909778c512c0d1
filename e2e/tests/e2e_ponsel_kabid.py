"""A demo Kepala Bidang submits their Data Kinerja Bidang from the desk on a 390-px-wide screen.

Needs a site prepared with `bench --site S sakip-demo`, served (`bench serve --port 8000`), and
Playwright for Python driving a local Chromium (Debian's `chromium`):

	pip install playwright
	python e2e/tests/e2e_ponsel_kabid.py --url http://demo.localhost:8000 \
		--user kabid.sda@demo.sakip.id --password 'Demo#2026' --dkb DKB-EKI-DPUPR-2026-TW4-SDA

It logs in, opens the document, fills every realisasi through the grid's row form, saves, takes
the "Ajukan" action from the phone's Actions menu, and checks the state through the REST API.
Screenshots go to --shots.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # e2e/: helpers, pages, tests
from helpers.umum import argumen, halaman_ponsel, nilai_server
from pages.formulir import Formulir
from pages.masuk import masuk
from playwright.sync_api import expect


def main() -> int:
	a = argumen("kabid.sda@demo.sakip.id", "DKB-EKI-DPUPR-2026-TW4-SDA")
	shots = a.shots

	with halaman_ponsel(a.chromium) as page:
		berhasil = masuk(page, a.url, a.user, a.password)
		page.screenshot(path=str(shots / "1-desk.png"))
		if not berhasil:
			print("FAIL: the Kepala Bidang cannot open the desk")
			return 1

		page.goto(f"{a.url}/app/data-kinerja-bidang/{a.dkb}")
		page.wait_for_selector(".frappe-control[data-fieldname='baris'] .grid-body", timeout=30000)
		rows = page.locator(".frappe-control[data-fieldname='baris'] .grid-body .grid-row")
		n = rows.count()
		for i in range(n):
			# Tapping a cell makes the row editable in place; the realisasi input is then in the row.
			# Tab from a realisasi moves into the next row's (already editable then).
			field = rows.nth(i).locator("[data-fieldname='realisasi'] input")
			if not (field.count() and field.first.is_visible()):
				rows.nth(i).locator(".grid-static-col[data-fieldname='satuan']").first.click()
			field.first.fill(f"{70 + i},5")
			field.first.press("Tab")
		page.screenshot(path=str(shots / "2-filled.png"))
		page.keyboard.press("Control+s")
		expect(page.locator(".indicator-pill").first).not_to_contain_text("Not Saved", timeout=15000)
		page.wait_for_timeout(1000)

		Formulir(page).aksi("Ajukan")
		confirm = page.locator(".modal.show .btn-primary")
		if confirm.count():
			confirm.first.click()
		page.wait_for_timeout(3000)
		page.screenshot(path=str(shots / "4-submitted.png"))
		state = nilai_server(page, "Data Kinerja Bidang", a.dkb, "workflow_state")
	print(f"{a.user} at 390 px: {a.dkb} workflow_state = {state}")
	return 0 if state == "Diajukan" else 1


if __name__ == "__main__":
	sys.exit(main())
