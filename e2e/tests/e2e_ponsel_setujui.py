"""The Subkoordinator returns one Data Kinerja Bidang and accepts another on a phone, counting taps.

Real Chromium at 390 × 844 (touch), Bahasa Indonesia, on a `sakip-demo` site after
`e2e_ponsel_isian.py` (so two bidang of EKI-DPUPR-2026-TW4 have submitted: Bina Marga by the demo,
Sumber Daya Air by that walk). Each document is opened from Tugas Saya (the opening tap is not
counted); then a return is Kembalikan, the reason (typed) and Kembalikan, an acceptance Terima and Ya,
Terima. Taps after opening must be at most 3 per document (an acceptance at most 2); the page must be
no wider than the phone; the states are checked through the REST API.

	python e2e/tests/e2e_ponsel_setujui.py --url http://localhost:8101 \
		--kembalikan DKB-EKI-DPUPR-2026-TW4-BM --terima DKB-EKI-DPUPR-2026-TW4-SDA

Prints the taps and a pass/fail line; exits 1 on failure.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # e2e/: helpers, pages, tests
from helpers.umum import Ketukan, Temuan, argumen, jalankan, nilai_server, ponsel_masuk
from pages.isian_kinerja import IsianKinerja
from pages.tugas_saya import TugasSaya

BATAS_KEMBALIKAN = 3
BATAS_TERIMA = 2
DKB = "Data Kinerja Bidang"


def buka(page, p, dkb: str, aksi: str, layar: str):
	"""From Tugas Saya, open ``dkb`` (the opening tap, not counted), keep a picture as ``layar``, tap
	``aksi``: the taps counted from there, the page and the confirmation dialog."""
	TugasSaya(page, p.url).buka().kartu(dkb).first.tap()
	halaman = IsianKinerja(page).tunggu(".bilah-aksi [data-aksi]")
	k = Ketukan(page, p.shots)
	k.layar(layar)
	k.tap(halaman.tombol(aksi), aksi)
	dialog = page.locator(".modal.show")
	dialog.first.wait_for(timeout=10000)
	return k, halaman, dialog


def main() -> int:
	p = argumen(
		"subkor@demo.sakip.id",
		"",
		kembalikan="DKB-EKI-DPUPR-2026-TW4-BM",
		terima="DKB-EKI-DPUPR-2026-TW4-SDA",
	)
	pilihan = p
	temuan = Temuan()

	with ponsel_masuk(p, "the Subkoordinator") as page:
		# --- return, with a reason
		k1, halaman, dialog = buka(page, p, pilihan.kembalikan, "Kembalikan", "setujui-1-dibuka")
		alasan = dialog.locator("textarea").first
		alasan.wait_for(timeout=10000)
		page.wait_for_timeout(500)
		if not alasan.evaluate("(el) => el === document.activeElement"):
			k1.tap(alasan, "kotak alasan")
		page.keyboard.type("Realisasi indikator 2 belum sesuai laporan bulanan; periksa dan ajukan lagi.")
		k1.layar("setujui-2-alasan")
		k1.tap(dialog.locator(".btn-primary"), "Kembalikan (kirim)")
		halaman.tunggu_terkirim()
		k1.layar("setujui-3-dikembalikan")
		state = nilai_server(page, DKB, pilihan.kembalikan, "workflow_state")
		temuan.cek(
			state == "Dikembalikan", f"{pilihan.kembalikan}: workflow_state {state!r}, expected Dikembalikan"
		)
		alasan_server = nilai_server(page, DKB, pilihan.kembalikan, "alasan_dikembalikan")
		temuan.cek("indikator 2" in (alasan_server or ""), "the reason was not stored")

		# --- accept
		k2, halaman, dialog = buka(page, p, pilihan.terima, "Terima", "setujui-4-dibuka")
		k2.layar("setujui-5-konfirmasi")
		# the confirmation names who is told and what follows (it was empty)
		teks = dialog.first.locator(".modal-body").inner_text()
		temuan.cek(
			"menerima pemberitahuan" in teks and "langkah" in teks.lower(),
			f"the Terima confirmation does not say who is told and what follows: {teks!r}",
		)
		temuan.cek(page.locator(".modal.show").count() == 1, "one Terima opened more than one confirmation")
		k2.tap(dialog.locator(".btn-primary"), "Ya, Terima")
		halaman.tunggu_terkirim()
		k2.layar("setujui-6-diterima")
		state = nilai_server(page, DKB, pilihan.terima, "workflow_state")
		temuan.cek(state == "Diterima", f"{pilihan.terima}: workflow_state {state!r}, expected Diterima")

	print("\n".join(["Kembalikan:", *k1.log, "Terima:", *k2.log]))
	temuan.cek(k1.jumlah <= BATAS_KEMBALIKAN, f"return took {k1.jumlah} taps, at most {BATAS_KEMBALIKAN}")
	temuan.cek(k2.jumlah <= BATAS_TERIMA, f"acceptance took {k2.jumlah} taps, at most {BATAS_TERIMA}")
	temuan.gagal += k1.lebar_berlebih + k2.lebar_berlebih
	print(
		f"Subkoordinator setelah membuka: Kembalikan {k1.jumlah} ketukan (batas {BATAS_KEMBALIKAN}), "
		f"Terima {k2.jumlah} ketukan (batas {BATAS_TERIMA})"
	)
	return temuan.hasil("e2e ponsel setujui")


if __name__ == "__main__":
	sys.exit(jalankan(main))
