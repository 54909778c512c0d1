"""A Kepala Bidang fills their Data Kinerja Bidang on a phone and submits it, counting taps.

Real Chromium at 390 × 844 (touch), Bahasa Indonesia, on a site prepared with `sakip-demo` (its
EKI-DPUPR-2026-TW4 waits at step 5 for three bidang). After login: the task card in Tugas Saya opens
the Isian Kinerja page (1 tap), the first realisasi field (1 tap), the others reached with the
keyboard's "next" key (typing), a tap on one capaian shows its formula, Ajukan and the confirmation
(2 taps). It checks on every screen that the page is no wider than the phone, that a value that is not
a number is refused inline, that the capaian follows the typing, that the confirmation says who
receives the document and what follows, and the state through the REST API.

	python e2e/tests/e2e_ponsel_isian.py --url http://localhost:8101 \
		--user kabid.sda@demo.sakip.id --dkb DKB-EKI-DPUPR-2026-TW4-SDA --shots /tmp/sakip-ponsel

Prints the taps and a pass/fail line; exits 1 on failure.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # e2e/: helpers, pages, tests
from helpers.umum import Ketukan, Temuan, argumen, halaman_ponsel, masuk, nilai_server

BATAS_KETUKAN = 8


def main() -> int:
	a = argumen("kabid.sda@demo.sakip.id", "DKB-EKI-DPUPR-2026-TW4-SDA")
	temuan = Temuan()

	with halaman_ponsel(a.chromium) as page:
		if not masuk(page, a.url, a.user, a.password):
			print("FAIL: the Kepala Bidang cannot open the desk")
			return 1
		k = Ketukan(page, a.shots)
		kartu = page.locator(".tugas-saya a.kartu", has_text=a.dkb)
		kartu.first.wait_for(timeout=30000)
		k.layar("isian-1-tugas-saya")
		k.tap(kartu, f"Tugas Saya: kartu {a.dkb}")
		page.wait_for_url("**/app/isian-kinerja**", timeout=30000, wait_until="commit")
		isian = page.locator(".sakip-isian input[data-kolom='realisasi']")
		isian.first.wait_for(timeout=30000)
		n = isian.count()
		temuan.cek(n == 5, f"{n} indicators on the page, expected 5")
		k.layar("isian-2-halaman")

		k.tap(isian.nth(0), "realisasi indikator 1")
		page.keyboard.type("12x")
		galat = page.locator(".sakip-isian .galat").first
		try:
			page.wait_for_function(
				"() => document.querySelector('.sakip-isian .galat').textContent.trim() !== ''",
				timeout=10000,
			)
		except Exception:
			pass
		temuan.cek(bool(galat.inner_text().strip()), "'12x' was not refused inline")
		k.layar("isian-3-galat")
		for _ in range(3):
			page.keyboard.press("Backspace")
		for i in range(n):
			page.keyboard.type(f"{60 + 7 * i},5")
			page.keyboard.press("Enter")  # the phone keyboard's "next" key
		page.wait_for_function(
			"""() => [...document.querySelectorAll('.sakip-isian [data-capaian] b')]
				.every((b) => b.textContent.includes('%'))""",
			timeout=15000,
		)
		temuan.cek(not galat.inner_text().strip(), "the inline error stayed after the value was corrected")
		k.layar("isian-4-terisi")
		k.tap(page.locator(".sakip-isian [data-capaian]").nth(0), "capaian indikator 1 (rumus)")
		uraian = page.locator(".sakip-isian [data-uraian]").first
		temuan.cek(
			uraian.is_visible() and "s.d. TW" in uraian.inner_text(), "the capaian formula did not show"
		)
		k.layar("isian-5-rumus")

		k.tap(page.locator(".sakip-isian .bilah-aksi [data-aksi='Ajukan']"), "Ajukan")
		dialog = page.locator(".modal.show")
		dialog.first.wait_for(timeout=10000)
		teks = dialog.first.inner_text()
		temuan.cek("akan sampai ke" in teks, f"the confirmation does not say who receives it: {teks!r}")
		k.layar("isian-6-konfirmasi")
		k.tap(dialog.locator(".btn-primary"), "Ya, Ajukan")
		page.wait_for_function(
			"() => !document.querySelector('.sakip-isian input[data-kolom=\"realisasi\"]')", timeout=30000
		)
		k.layar("isian-7-diajukan")
		state = nilai_server(page, "Data Kinerja Bidang", a.dkb, "workflow_state")
		temuan.cek(state == "Diajukan", f"workflow_state is {state!r}, expected 'Diajukan'")

	print("\n".join(k.log))
	temuan.cek(k.jumlah <= BATAS_KETUKAN, f"{k.jumlah} taps, at most {BATAS_KETUKAN} allowed")
	temuan.gagal += k.lebar_berlebih
	print(f"Kepala Bidang, 5 indikator + Ajukan: {k.jumlah} ketukan setelah masuk (batas {BATAS_KETUKAN})")
	return temuan.hasil("e2e ponsel isian")


if __name__ == "__main__":
	sys.exit(main())
