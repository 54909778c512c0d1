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
from helpers.umum import Ketukan, Temuan, argumen, jalankan, nilai_server, ponsel_masuk
from pages.isian_kinerja import IsianKinerja
from pages.tugas_saya import TugasSaya

BATAS_KETUKAN = 8


def main() -> int:
	a = argumen("kabid.sda@demo.sakip.id", "DKB-EKI-DPUPR-2026-TW4-SDA")
	temuan = Temuan()

	with ponsel_masuk(a, "the Kepala Bidang") as page:
		k = Ketukan(page, a.shots)
		TugasSaya(page).ketuk_kartu(k, a.dkb, "isian-1-tugas-saya")
		halaman = IsianKinerja(page).tunggu("input[data-kolom='realisasi']")
		# Back to Tugas Saya and the card again (not counted): the page is drawn a second time, and
		# every tap below must still count once (handlers bound once per page, not per visit).
		page.go_back()
		TugasSaya(page).kartu(a.dkb).first.tap()
		halaman.tunggu("input[data-kolom='realisasi']")
		isian = halaman.realisasi
		n = isian.count()
		temuan.cek(n == 5, f"{n} indicators on the page, expected 5")
		k.layar("isian-2-halaman")

		k.tap(isian.nth(0), "realisasi indikator 1")
		page.keyboard.type("12x")
		galat = halaman.galat
		halaman.tunggu_galat()
		temuan.cek(bool(galat.inner_text().strip()), "'12x' was not refused inline")
		k.layar("isian-3-galat")
		for _ in range(3):
			page.keyboard.press("Backspace")
		for i in range(n):
			page.keyboard.type(f"{60 + 7 * i},5")
			page.keyboard.press("Enter")  # the phone keyboard's "next" key
		halaman.tunggu_capaian_terhitung()
		temuan.cek(not galat.inner_text().strip(), "the inline error stayed after the value was corrected")
		k.layar("isian-4-terisi")
		k.tap(halaman.capaian.nth(0), "capaian indikator 1 (rumus)")
		uraian = halaman.uraian
		temuan.cek(
			uraian.is_visible() and "s.d. TW" in uraian.inner_text(), "the capaian formula did not show"
		)
		k.layar("isian-5-rumus")
		# One Simpan is one save (not counted as a tap of the walk: saving first is optional).
		simpan: list[str] = []
		page.on("request", lambda r: "frappe.client.save" in r.url and simpan.append(r.url))
		halaman.bagian("[data-simpan]").first.tap()
		page.wait_for_timeout(3500)
		temuan.cek(len(simpan) == 1, f"one Simpan sent {len(simpan)} saves")
		galat = page.locator(".modal.show")
		temuan.cek(not galat.count(), f"Simpan answered with a dialog: {galat.all_inner_texts()}")
		if temuan.gagal:  # the walk cannot go on as a user would
			k.layar("isian-5-simpan-gagal")
			return temuan.hasil("e2e ponsel isian")

		k.tap(halaman.tombol("Ajukan"), "Ajukan")
		dialog = page.locator(".modal.show")
		dialog.first.wait_for(timeout=10000)
		page.wait_for_timeout(800)
		temuan.cek(dialog.count() == 1, f"one Ajukan opened {dialog.count()} confirmations")
		teks = dialog.first.inner_text()
		temuan.cek("akan sampai ke" in teks, f"the confirmation does not say who receives it: {teks!r}")
		k.layar("isian-6-konfirmasi")
		k.tap(dialog.locator(".btn-primary"), "Ya, Ajukan")
		halaman.tunggu_terkunci()
		k.layar("isian-7-diajukan")
		state = nilai_server(page, "Data Kinerja Bidang", a.dkb, "workflow_state")
		temuan.cek(state == "Diajukan", f"workflow_state is {state!r}, expected 'Diajukan'")

	print("\n".join(k.log))
	temuan.cek(k.jumlah <= BATAS_KETUKAN, f"{k.jumlah} taps, at most {BATAS_KETUKAN} allowed")
	temuan.gagal += k.lebar_berlebih
	print(f"Kepala Bidang, 5 indikator + Ajukan: {k.jumlah} ketukan setelah masuk (batas {BATAS_KETUKAN})")
	return temuan.hasil("e2e ponsel isian")


if __name__ == "__main__":
	sys.exit(jalankan(main))
