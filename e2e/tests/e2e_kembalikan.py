"""The Subkoordinator returns a submitted Data Kinerja Bidang from a phone, asked for the reason.

Needs a site prepared with `bench --site S sakip-demo` (Bina Marga's TW IV data is submitted
there), served (`bench serve --port 8000`), and Playwright for Python with Debian's `chromium`:

	python e2e/tests/e2e_kembalikan.py --url http://demo.localhost:8000

At 390 px it logs in as the Subkoordinator, opens the document, takes "Kembalikan" from the
phone's Actions menu and checks that a dialog asks for the reason; cancelling it leaves the
document Diajukan; taking the action again and giving a reason returns it: state Dikembalikan,
the reason in Alasan Dikembalikan and in the timeline.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # e2e/: helpers, pages, tests
from helpers.umum import argumen, halaman_ponsel, nilai_server
from pages.formulir import Formulir
from pages.masuk import masuk

DKB = "Data Kinerja Bidang"
ALASAN = "Realisasi indikator 3 belum sesuai laporan bulanan; mohon diperiksa."


def main() -> int:
	a = argumen("subkor@demo.sakip.id", "DKB-EKI-DPUPR-2026-TW4-BM")
	shots = a.shots
	gagal = []

	with halaman_ponsel(a.chromium) as page:
		if not masuk(page, a.url, a.user, a.password):
			print("FAIL: the Subkoordinator cannot open the desk")
			return 1
		page.goto(f"{a.url}/app/data-kinerja-bidang/{a.dkb}")
		page.wait_for_selector(".frappe-control[data-fieldname='baris'] .grid-body", timeout=30000)
		page.wait_for_timeout(1000)
		if nilai_server(page, DKB, a.dkb, "workflow_state") != "Diajukan":
			print(f"FAIL: {a.dkb} is not Diajukan (run sakip-demo on a fresh site)")
			return 1

		Formulir(page).aksi("Kembalikan")
		dialog = page.locator(".modal.show", has_text="Alasan Dikembalikan")
		dialog.wait_for(timeout=10000)
		page.screenshot(path=str(shots / "kembalikan-1-dialog.png"))
		page.wait_for_timeout(800)
		dialog.locator(".btn-modal-close").click()  # the ✕: the user changes their mind
		dialog.wait_for(state="hidden", timeout=10000)
		page.wait_for_timeout(1000)
		if nilai_server(page, DKB, a.dkb, "workflow_state") != "Diajukan":
			gagal.append("cancelling the dialog changed the state")

		Formulir(page).aksi("Kembalikan")
		dialog.wait_for(timeout=10000)
		dialog.locator("textarea[data-fieldname='alasan']").fill(ALASAN)
		dialog.locator(".btn-primary").click()
		page.wait_for_timeout(4000)
		page.screenshot(path=str(shots / "kembalikan-2-done.png"))
		state = nilai_server(page, DKB, a.dkb, "workflow_state")
		alasan = nilai_server(page, DKB, a.dkb, "alasan_dikembalikan")
		page.reload()
		page.wait_for_selector(".new-timeline", timeout=30000)
		page.locator(".new-timeline").scroll_into_view_if_needed()
		page.wait_for_timeout(1000)
		linimasa = page.locator(".new-timeline", has_text=ALASAN).count()
	if state != "Dikembalikan":
		gagal.append(f"state is {state}, not Dikembalikan")
	if alasan != ALASAN:
		gagal.append(f"Alasan Dikembalikan is {alasan!r}")
	if not linimasa:
		gagal.append("the reason is not in the timeline")
	print(f"{a.user} at 390 px: {a.dkb} workflow_state = {state}; alasan_dikembalikan = {alasan!r}")
	for g in gagal:
		print("FAIL:", g)
	return 1 if gagal else 0


if __name__ == "__main__":
	sys.exit(main())
