"""The Kepala Dinas reads the running evaluation's clock on a phone, with no sideways scrolling.

Real Chromium at 390 × 844 (touch), Bahasa Indonesia, on a `sakip-demo` site. After login: the running
evaluation's card in Tugas Saya opens the evaluation (1 tap); its steps are a stacked list (step,
holder, deadline, status, late by) and no table is wider than the screen. Then the Langkah Evaluasi
list opens filtered to the running evaluation (not every quarter mixed), and the Kepatuhan SOP chart
(per step) shows whole labels. The page's scroll width is checked on every screen.

	python e2e/tests/e2e_ponsel_sla.py --url http://localhost:8101 --evaluasi EKI-DPUPR-2026-TW4

Prints the taps and a pass/fail line; exits 1 on failure.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # e2e/: helpers, pages, tests
from helpers.umum import Ketukan, Temuan, argumen, jalankan, ponsel_masuk
from pages.tugas_saya import TugasSaya


def main() -> int:
	a = argumen("kadis@demo.sakip.id", "", evaluasi="EKI-DPUPR-2026-TW4")
	temuan = Temuan()

	with ponsel_masuk(a, "the Kepala Dinas") as page:
		k = Ketukan(page, a.shots)
		TugasSaya(page).ketuk_kartu(k, a.evaluasi, "sla-1-tugas-saya")
		page.wait_for_url(f"**/evaluasi-kinerja-internal/{a.evaluasi}", timeout=30000, wait_until="commit")
		daftar = page.locator(".sakip-daftar-jam li")
		daftar.first.wait_for(state="visible", timeout=30000)
		temuan.cek(daftar.count() >= 1, "the steps are not listed")
		teks = daftar.first.inner_text()
		temuan.cek("Langkah" in teks and "Batas Waktu" in teks, f"a step lacks its step/deadline: {teks!r}")
		temuan.cek(
			page.locator(".sakip-jam-langkah table:visible").count() == 0,
			"the wide SLA table is shown on the phone",
		)
		daftar.first.scroll_into_view_if_needed()
		k.layar("sla-2-evaluasi")
		daftar.last.scroll_into_view_if_needed()
		k.layar("sla-3-evaluasi-akhir")

		page.goto(f"{a.url}/app/langkah-evaluasi")
		page.wait_for_function(
			"""(ev) => window.cur_list && cur_list.doctype === 'Langkah Evaluasi'
				&& cur_list.filter_area && cur_list.filter_area.get().some((f) => f[1] === 'evaluasi' && f[3] === ev)""",
			arg=a.evaluasi,
			timeout=30000,
		)
		page.wait_for_timeout(1500)
		lain = page.evaluate(
			"(ev) => cur_list.data.filter((d) => d.evaluasi && d.evaluasi !== ev).length", a.evaluasi
		)
		temuan.cek(lain == 0, f"the Langkah Evaluasi list shows {lain} steps of other evaluations")
		k.layar("sla-4-daftar-langkah")

		page.goto(f"{a.url}/app/query-report/Kepatuhan SOP")
		page.locator(".chart-container svg .x.axis text").first.wait_for(timeout=30000)
		page.wait_for_timeout(2500)
		label = page.locator(".chart-container svg .x.axis text").all_text_contents()
		temuan.cek(bool(label) and not any(".." in t for t in label), f"chart labels cut: {label}")
		k.layar("sla-5-kepatuhan-sop")

	print("\n".join(k.log))
	temuan.gagal += k.lebar_berlebih
	print(f"Kepala Dinas: jam langkah dibaca dengan {k.jumlah} ketukan setelah masuk, tanpa geser ke samping")
	return temuan.hasil("e2e ponsel sla")


if __name__ == "__main__":
	sys.exit(jalankan(main))
