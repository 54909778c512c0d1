"""A demo Kepala Bidang fills their Data Kinerja Bidang in the desk form's grid (1366 × 768) and submits it.

On a phone the Isian Kinerja page does this (e2e_ponsel_isian.py); at 390 px the grid's realisasi
column lies beyond the screen. Needs a site prepared with `sakip-demo`, served (see e2e/jalankan.py):

	python e2e/tests/e2e_formulir_kabid.py --url http://127.0.0.1:8125 \\
		--user kabid.ck@demo.sakip.id --dkb DKB-EKI-DPUPR-2026-TW4-CK

It logs in, opens the document (the grid's first row must be on the first screen), types every realisasi in the grid and checks that each row's capaian
(two decimals, Indonesian format) and realisasi s.d. TW follow the typing before anything is saved
(they read 0 until saved), saves, takes "Ajukan" from the Actions menu, and checks the state through the
REST API. The last line reads ``formulir kabid: N passed, M failed``.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # e2e/: helpers, pages, tests
from helpers.umum import Temuan, argumen, nilai_server, peramban
from pages.formulir import Formulir
from pages.masuk import masuk
from playwright.sync_api import expect

GRID = ".frappe-control[data-fieldname='baris'] .grid-body"
ANGKA = re.compile(r"\d{1,3}(\.\d{3})*,\d{2}")


def baca_capaian(rows, n: int) -> list[str]:
	return [
		rows.nth(i).locator("[data-fieldname='capaian'] .static-area").first.inner_text().strip()
		for i in range(n)
	]


def main() -> int:
	a = argumen("kabid.ck@demo.sakip.id", "DKB-EKI-DPUPR-2026-TW4-CK")
	t = Temuan()
	with peramban(a.chromium) as browser:
		page = browser.new_page(viewport={"width": 1366, "height": 768})
		berhasil = masuk(page, a.url, a.user, a.password)
		page.screenshot(path=str(a.shots / "1-desk.png"))
		if not berhasil:
			print("FAIL: the Kepala Bidang cannot open the desk")
			return 1

		page.goto(f"{a.url}/app/data-kinerja-bidang/{a.dkb}")
		page.wait_for_selector(GRID, timeout=30000)
		page.wait_for_timeout(1000)
		rows = page.locator(f"{GRID} .grid-row")
		n = rows.count()
		kotak = rows.first.bounding_box()
		t.periksa(
			f"the rows' grid starts on the first screen (first row at y={kotak and kotak['y']:.0f})",
			bool(kotak) and kotak["y"] + kotak["height"] <= 768,
		)
		for i in range(n):
			# A click on a cell makes the row editable in place; Tab moves to the next row's realisasi.
			field = rows.nth(i).locator("[data-fieldname='realisasi'] input")
			if not (field.count() and field.first.is_visible()):
				rows.nth(i).locator(".grid-static-col[data-fieldname='satuan']").first.click()
			field.first.fill(f"{70 + i},5")
		page.wait_for_timeout(2500)  # the live computation (debounced, one request)
		langsung = baca_capaian(rows, n)
		page.screenshot(path=str(a.shots / "2-filled.png"))
		terpotong = page.evaluate(
			"""(grid) => [...document.querySelectorAll(grid + " .grid-static-col")]
				.filter((c) => ['predikat', 'status_proyeksi'].includes(c.dataset.fieldname))
				.map((c) => c.querySelector('.static-area') || c)
				.filter((el) => el.innerText.trim() && el.scrollWidth > el.clientWidth + 1)
				.map((el) => el.innerText.trim())""",
			GRID,
		)
		t.periksa(f"predikat and peringatan read whole in the grid (cut: {terpotong})", not terpotong)
		page.keyboard.press("Control+s")
		page.wait_for_timeout(1000)
		page.screenshot(path=str(a.shots / "3-disimpan.png"))  # a refused save shows its message here
		expect(page.locator(".indicator-pill").first).not_to_contain_text("Belum Disimpan", timeout=15000)
		page.reload()
		page.wait_for_selector(GRID, timeout=30000)
		page.wait_for_timeout(1500)
		tersimpan = baca_capaian(rows, n)
		t.periksa(
			f"capaian follow the typing, as the save stores them: {langsung} (saved {tersimpan})",
			n > 0 and langsung == tersimpan and any(c not in ("", "0") for c in langsung),
		)
		salah = [c for c in langsung if c != "0" and not ANGKA.fullmatch(c)]
		t.periksa(f"capaian in the Indonesian format with two decimals (wrong: {salah})", not salah)

		Formulir(page).aksi("Ajukan")
		confirm = page.locator(".modal.show .btn-primary")
		if confirm.count():
			confirm.first.click()
		page.wait_for_timeout(3000)
		page.screenshot(path=str(a.shots / "4-submitted.png"))
		state = nilai_server(page, "Data Kinerja Bidang", a.dkb, "workflow_state")
		t.periksa(f"{a.dkb} submitted (workflow_state {state!r})", state == "Diajukan")
	return t.hitungan("formulir kabid")


if __name__ == "__main__":
	sys.exit(main())
