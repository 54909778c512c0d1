"""Peringatan dini in a real Chromium, at desktop (1366 px) and phone (390 px) width.

Needs a site prepared with `bench --site S sakip-demo`, served (`bench --site S serve --port 8010`),
and Playwright for Python driving a local Chromium (Debian's `chromium`):

	pip install playwright
	python e2e/tests/e2e_peringatan_dini.py --url http://demo.localhost:8000

For each width it logs in (Kepala Dinas at desktop width, the Kepala Bidang of Sumber Daya Air on the
phone), opens their workspace and checks its number cards show a number (and, for the Kepala Dinas, that the two charts draw),
opens the report *Peringatan Dini Capaian* for 2026 TW III and checks rows with a coloured status and
the chart, and opens a Data Kinerja Bidang whose grid shows the status column and the headline naming
the Kritis indicators. A Kepala Bidang's report holds only their bidang. Screenshots go to --shots.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # e2e/: helpers, pages, tests
from helpers.umum import argumen, peramban
from pages.masuk import masuk

UKURAN = {"desktop": {"width": 1366, "height": 900}, "ponsel": {"width": 390, "height": 844}}


def cari_dkb(page, url: str, bidang: str) -> str:
	"""The name of the 2026 TW III Data Kinerja Bidang of ``bidang``, asked of the server (names are
	the app's to choose)."""
	return page.evaluate(
		"""async ([url, bidang]) => {
			const q = new URLSearchParams({filters: JSON.stringify(
				{tahun: 2026, triwulan: "III", bidang})});
			const r = await fetch(url + "/api/resource/Data Kinerja Bidang?" + q);
			return (await r.json()).data[0].name;
		}""",
		[url, bidang],
	)


def periksa(lebar: str, user: str, bidang: str, a, browser) -> list[str]:
	gagal = []
	mobile = lebar == "ponsel"
	page = browser.new_page(
		viewport=UKURAN[lebar], device_scale_factor=1 if not mobile else 2, is_mobile=mobile, has_touch=mobile
	)
	if not masuk(page, a.url, user, a.password):
		return [f"{lebar}: {user} cannot open the desk"]

	# the Kepala Dinas's workspace has the cards and charts; a Kepala Bidang's (Bidang Saya) the cards
	page.goto(f"{a.url}/app/{'bidang-saya' if mobile else 'sakip-evaluasi'}")
	page.wait_for_selector(".number-widget-box", timeout=30000)
	page.wait_for_timeout(4000)  # cards and charts load their data
	kartu = page.locator(".number-widget-box")
	angka = [kartu.nth(i).locator(".number").inner_text().strip() for i in range(kartu.count())]
	judul = [kartu.nth(i).locator(".widget-title").inner_text().strip() for i in range(kartu.count())]
	print(f"[{lebar}] cards: {list(zip(judul, angka, strict=False))}")
	if len(angka) < 2 or not all(n.isdigit() for n in angka):
		gagal.append(f"{lebar}: number cards {angka}")
	grafik = page.locator(".widget.dashboard-widget-box .chart-container svg, .widget .frappe-chart")
	print(f"[{lebar}] charts drawn: {grafik.count()}")
	if not mobile and grafik.count() < 2:
		gagal.append(f"{lebar}: charts drawn {grafik.count()}")
	page.locator(".number-widget-box").first.scroll_into_view_if_needed()
	page.screenshot(path=str(a.shots / f"{lebar}-1-workspace.png"), full_page=True)

	page.goto(f"{a.url}/app/query-report/Peringatan Dini Capaian?tahun=2026&triwulan=III")
	page.wait_for_selector(".dt-row .indicator-pill", timeout=30000)
	page.wait_for_timeout(2000)
	di_laporan = {b.strip() for b in page.locator(".dt-scrollable .dt-row .dt-cell--col-1").all_inner_texts()}
	pil = page.locator(".dt-row .indicator-pill").all_inner_texts()
	print(f"[{lebar}] report rows' bidang: {sorted(di_laporan)}; statuses: {sorted(set(pil))}")
	if not pil:
		gagal.append(f"{lebar}: no coloured status in the report")
	if page.locator(".chart-wrapper svg, .report-wrapper .chart-container svg").count() == 0:
		gagal.append(f"{lebar}: report chart missing")
	page.screenshot(path=str(a.shots / f"{lebar}-2-laporan.png"), full_page=False)
	if mobile and di_laporan - {bidang, ""}:
		gagal.append(f"{lebar}: a Kepala Bidang sees other bidang: {di_laporan}")

	dkb = cari_dkb(page, a.url, bidang)
	page.goto(f"{a.url}/app/data-kinerja-bidang/{dkb}")
	page.wait_for_selector(".frappe-control[data-fieldname='baris'] .grid-body .grid-row", timeout=30000)
	page.wait_for_timeout(1500)
	ringkasan = page.locator(".peringatan-dini-ringkasan")
	teks = ringkasan.inner_text() if ringkasan.count() else ""
	print(f"[{lebar}] summary above the grid: {' '.join(teks.split())[:200]!r}")
	if "Kritis" not in teks:
		gagal.append(f"{lebar}: the form does not name the Kritis indicators")
	ringkasan.first.scroll_into_view_if_needed()
	page.screenshot(path=str(a.shots / f"{lebar}-3-data-kinerja.png"), full_page=False)
	# The row's edit button (on a phone at the end of the sideways-scrolling grid).
	page.locator(".frappe-control[data-fieldname='baris'] .grid-body .grid-row .btn-open-row").nth(
		1
	).dispatch_event("click")
	page.wait_for_selector(".grid-row-open [data-fieldname='metode_proyeksi']", timeout=10000)
	page.locator(".grid-row-open [data-fieldname='metode_proyeksi']").scroll_into_view_if_needed()
	metode = page.locator(".grid-row-open [data-fieldname='metode_proyeksi'] .control-value").inner_text()
	print(f"[{lebar}] method shown: {metode.strip()[:120]!r}")
	if "Proyeksi capaian" not in metode:
		gagal.append(f"{lebar}: the row form does not show the method")
	page.screenshot(path=str(a.shots / f"{lebar}-4-baris.png"), full_page=False)
	page.close()
	return gagal


def main() -> int:
	a = argumen("", "", shots="/tmp/sakip-e2e-peringatan")
	with peramban(a.chromium) as browser:
		gagal = periksa("desktop", "kadis@demo.sakip.id", "DPUPR-SDA", a, browser)
		gagal += periksa("ponsel", "kabid.sda@demo.sakip.id", "DPUPR-SDA", a, browser)
	for g in gagal:
		print("FAIL:", g)
	print("Peringatan dini check:", "failed" if gagal else "passed", f"(screenshots in {a.shots})")
	return 1 if gagal else 0


if __name__ == "__main__":
	sys.exit(main())
