"""The user guides' pictures that no other walk takes (docs/panduan/*.md, ``../gambar/<name>.png``),
each taken as its role sees the screen at 1366 × 768, on the `sakip-demo` site after the other walks
(e2e/jalankan.py copies them into docs/gambar). Each screen is also checked for English desk strings
and logins, like e2e_di_layar.

	python e2e/tests/e2e_panduan.py --url http://127.0.0.1:8125 --shots /tmp/sakip-panduan

The last line reads ``panduan: N passed, M failed``.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # e2e/: helpers, pages, tests
from helpers.layar import inggris, login, teks_layar
from helpers.umum import Temuan, argumen, peramban
from pages.masuk import masuk

FORM = ".form-layout"
DAFTAR = ".result, .no-result"
TW3, TW4 = "EKI-DPUPR-2026-TW3", "EKI-DPUPR-2026-TW4"
# user → (picture, path, what to wait for, what to click then (or None))
GAMBAR = {
	"admin.pemda@demo.sakip.id": (
		("admin-sakip-pemda-1", "/app/pengaturan-sakip", FORM, None),
		("admin-sakip-pemda-2", "/app/opd/DPUPR", FORM, None),
		("admin-sakip-pemda-3", "/app/jabatan/JAB-DPUPR-KADIS", FORM, None),
		("admin-sakip-pemda-4", "/app/penunjukan-pelaksana/PLH-DPUPR-2026-001", FORM, None),
	),
	"inspektorat@demo.sakip.id": (
		("inspektorat-bappeda-3", f"/app/evaluasi-kinerja-internal/{TW3}", FORM, "button:has-text('Cetak')"),
		("inspektorat-bappeda-4", f"/app/tindak-lanjut-evaluasi/TL-{TW3}-BM", FORM, None),
	),
	"kabid.bm@demo.sakip.id": (
		(
			"kepala-bidang-6",
			f"/app/data-kinerja-bidang/DKB-{TW4}-BM",
			FORM,
			"button:has-text('Kertas Kerja')",
		),
		("kepala-bidang-8", f"/app/tindak-lanjut-evaluasi/TL-{TW3}-BM", FORM, None),
	),
	"kadis@demo.sakip.id": (
		("kepala-dinas-1", "/app/tugas-saya", ".layout-main-section", None),
		("kepala-dinas-3", "/app/disposisi/DISP-DPUPR-2026-00001", FORM, None),
		("kepala-dinas-4", f"/app/notulen-rapat/NR-{TW3}", FORM, None),
	),
	"sekretaris@demo.sakip.id": (
		("sekretaris-1", "/app/tugas-saya", ".layout-main-section", None),
		("sekretaris-2", "/app/disposisi/DISP-DPUPR-2026-00002", FORM, None),
		("sekretaris-3", f"/app/tindak-lanjut-evaluasi/TL-{TW3}-CK", FORM, None),
	),
	"subkor@demo.sakip.id": (
		("subkoordinator-1", "/app/tugas-saya", ".layout-main-section", None),
		("subkoordinator-2", f"/app/kertas-kerja-evaluasi/KKE-{TW4}", FORM, None),
		("subkoordinator-5", f"/app/notulen-rapat/NR-{TW3}", FORM, None),
	),
}


def main() -> int:
	a = argumen("kadis@demo.sakip.id", "")
	t = Temuan()
	for user, layar in GAMBAR.items():
		with peramban(a.chromium) as browser:
			page = browser.new_page(viewport={"width": 1366, "height": 768})
			if not masuk(page, a.url, user, a.password):
				t.periksa(f"{user} opens the desk", False)
				continue
			for nama, alamat, tunggu, klik in layar:
				try:
					page.goto(f"{a.url}{alamat}")
					page.wait_for_selector(tunggu, timeout=30000)
					page.wait_for_timeout(1800)
					if klik:
						page.locator(klik).first.click()
						page.wait_for_timeout(600)
					teks = teks_layar(page)
					page.screenshot(path=str(a.shots / f"{nama}.png"))
					t.periksa(f"{nama}: Bahasa Indonesia {inggris(teks)}", not inggris(teks))
					t.periksa(f"{nama}: names, not logins {login(teks)}", not login(teks))
				except Exception as e:
					t.periksa(f"{nama} ({alamat}): {type(e).__name__}: {str(e).splitlines()[0][:160]}", False)
	return t.hitungan("panduan")


if __name__ == "__main__":
	sys.exit(main())
