"""A demo Kepala Bidang submits their Data Kinerja Bidang from the desk on a 390-px-wide screen.

Needs a site prepared with `bench --site S sakip-demo`, served (`bench serve --port 8000`), and
Playwright for Python driving a local Chromium (Debian's `chromium`):

	pip install playwright
	python scripts/e2e_ponsel_kabid.py --url http://demo.localhost:8000 \
		--user kabid.sda@demo.sakip.id --password 'Demo#2026' --dkb DKB-EKI-2026-TW4-SDA

It logs in, opens the document, fills every realisasi through the grid's row form, saves, takes
the "Ajukan" action from the phone's Actions menu, and checks the state through the REST API.
Screenshots go to --shots.
"""

import argparse
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright


def main() -> int:
	p = argparse.ArgumentParser()
	p.add_argument("--url", default="http://demo.localhost:8000")
	p.add_argument("--user", default="kabid.sda@demo.sakip.id")
	p.add_argument("--password", default="Demo#2026")
	p.add_argument("--dkb", default="DKB-EKI-2026-TW4-SDA")
	p.add_argument("--chromium", default="/usr/bin/chromium")
	p.add_argument("--shots", default="/tmp/sakip-e2e")
	a = p.parse_args()
	shots = Path(a.shots)
	shots.mkdir(parents=True, exist_ok=True)

	with sync_playwright() as pw:
		browser = pw.chromium.launch(
			executable_path=a.chromium,
			args=[
				"--no-sandbox",
				"--disable-gpu",
				"--disable-background-networking",
				"--disable-component-update",
			],
		)
		page = browser.new_page(
			viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True
		)
		page.goto(f"{a.url}/login")
		page.fill("#login_email", a.user)
		page.fill("#login_password", a.password)
		page.click(".btn-login")
		page.wait_for_url("**/app**", timeout=30000)
		page.wait_for_selector(".codex-editor, .widget-group, .layout-main-section", timeout=30000)
		page.wait_for_timeout(1500)
		page.screenshot(path=str(shots / "1-desk.png"))
		if page.get_by_text("Not permitted").first.is_visible() or "setup-wizard" in page.url:
			print("FAIL: the Kepala Bidang cannot open the desk")
			return 1

		page.goto(f"{a.url}/app/data-kinerja-bidang/{a.dkb}")
		page.wait_for_selector(".frappe-control[data-fieldname='baris'] .grid-body", timeout=30000)
		rows = page.locator(".frappe-control[data-fieldname='baris'] .grid-body .grid-row")
		n = rows.count()
		for i in range(n):
			# Tapping a cell makes the row editable in place; the realisasi input is then in the row.
			rows.nth(i).locator("[data-fieldname='satuan']").click()
			field = rows.nth(i).locator("[data-fieldname='realisasi'] input")
			field.fill(f"{70 + i},5")
			field.press("Tab")
		page.screenshot(path=str(shots / "2-filled.png"))
		page.keyboard.press("Control+s")
		expect(page.locator(".indicator-pill").first).not_to_contain_text("Not Saved", timeout=15000)
		page.wait_for_timeout(1000)

		# On a phone the workflow actions sit behind an icon-only button at the top right.
		page.locator(".page-head .actions-btn-group > button:visible").first.click()
		page.wait_for_timeout(500)
		page.screenshot(path=str(shots / "3-actions.png"))
		page.locator(
			".page-head .actions-btn-group .dropdown-menu a:visible", has_text="Ajukan"
		).first.click()
		confirm = page.locator(".modal.show .btn-primary")
		if confirm.count():
			confirm.first.click()
		page.wait_for_timeout(3000)
		page.screenshot(path=str(shots / "4-submitted.png"))

		# Ask the server (from the logged-in page, so with the Kabid's session) for the state.
		state = page.evaluate(
			"""async (name) => {
				const r = await fetch("/api/method/frappe.client.get_value?" + new URLSearchParams({
					doctype: "Data Kinerja Bidang", filters: name, fieldname: "workflow_state"}));
				return (await r.json()).message.workflow_state;
			}""",
			a.dkb,
		)
		browser.close()
	print(f"{a.user} at 390 px: {a.dkb} workflow_state = {state}")
	return 0 if state == "Diajukan" else 1


if __name__ == "__main__":
	sys.exit(main())
