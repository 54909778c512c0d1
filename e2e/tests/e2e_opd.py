"""A Pemda of three OPDs in a real Chromium, on the served demo (`bash scripts/demo.sh`):

	/tmp/e2e/bin/python e2e/tests/e2e_opd.py --url http://localhost:8000

- the Kepala Dinas of DINKES sees only DINKES's evaluations in the list, and opening DPUPR's
  evaluation by its URL shows no document;
- the Inspektorat sees every OPD's evaluations and opens the Rekapitulasi Kinerja OPD for 2026 with a
  row and a chart bar per OPD, at 1366 px and at 390 px.

Screenshots go to --shots. The last line reads ``opd checks: N passed, M failed``.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # e2e/: helpers, pages, tests
from helpers.umum import Temuan, argumen, peramban
from pages.daftar import teks_halaman
from pages.masuk import masuk

EKI = "/app/evaluasi-kinerja-internal"
LAYAR = {"desktop": {"width": 1366, "height": 768}, "ponsel": {"width": 390, "height": 844}}


def main() -> int:
	a = argumen("inspektorat@demo.sakip.id", "")
	temuan = Temuan()

	with peramban(a.chromium) as browser:
		for layar, ukuran in LAYAR.items():
			# the Kepala Dinas of DINKES
			page = browser.new_page(viewport=ukuran)
			masuk(page, a.url, "kadis.dinkes@demo.sakip.id", a.password)
			teks = teks_halaman(page, f"{a.url}{EKI}?tahun=2026", ".list-row-container, .no-result")
			temuan.periksa(
				f"{layar}: Kadis DINKES lists DINKES only",
				"EKI-DINKES-2026-TW3" in teks and "DPUPR" not in teks,
			)
			page.screenshot(path=str(a.shots / f"opd-kadis-dinkes-daftar-{layar}.png"))
			page.goto(f"{a.url}{EKI}/EKI-DPUPR-2026-TW3")
			page.wait_for_timeout(3000)
			terbuka = (
				page.locator(".form-layout:visible").count() > 0 and "EKI-DPUPR-2026-TW3" in page.title()
			)
			temuan.periksa(f"{layar}: Kadis DINKES cannot open DPUPR's evaluation", not terbuka)
			page.screenshot(path=str(a.shots / f"opd-kadis-dinkes-dpupr-{layar}.png"))
			page.close()

			# the Inspektorat
			page = browser.new_page(viewport=ukuran)
			masuk(page, a.url, a.user, a.password)
			teks = teks_halaman(page, f"{a.url}{EKI}?tahun=2026", ".list-row-container")
			temuan.periksa(
				f"{layar}: Inspektorat lists every OPD",
				all(k in teks for k in ("EKI-DPUPR-2026-TW3", "EKI-DINKES-2026-TW3", "EKI-DISDIK-2026-TW3")),
			)
			page.screenshot(path=str(a.shots / f"opd-inspektorat-daftar-{layar}.png"))
			alamat = f"{a.url}/app/query-report/Rekapitulasi Kinerja OPD?tahun=2026"
			baris = teks_halaman(page, alamat, ".dt-row", 2500, ".report-wrapper, .datatable")
			temuan.periksa(
				f"{layar}: Rekapitulasi Kinerja OPD has a row per OPD",
				all(k in baris for k in ("DPUPR", "DINKES", "DISDIK")),
			)
			temuan.periksa(
				f"{layar}: the chart is drawn",
				page.locator(".chart-container svg, .frappe-chart").count() > 0,
			)
			page.screenshot(path=str(a.shots / f"opd-rekapitulasi-{layar}.png"), full_page=True)
			page.close()
	return temuan.hitungan("opd checks")


if __name__ == "__main__":
	sys.exit(main())
