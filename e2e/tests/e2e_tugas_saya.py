"""Tugas Saya and the handover, walked in a real Chromium in Bahasa Indonesia, on a phone (390 × 844)
and a desktop (1366 × 768).

Needs a site prepared with `bench --site S sakip-demo` (Bina Marga's TW IV data is submitted there),
served with a background worker (the bell's Notification Logs are written by Frappe's queue):

	bench --site S serve --port 8020 & bench worker &
	python e2e/tests/e2e_tugas_saya.py --url http://S:8020 --shots /tmp/sakip-e2e-tugas

At each width:

1. the Subkoordinator logs in and lands on Tugas Saya, where Bina Marga's submitted data waits for
   him (what to do, deadline); one tap opens it; he returns it with a reason from the Actions menu;
2. the Kepala Bidang of Bina Marga logs in, lands on Tugas Saya, sees the returned data with the
   reason at the top, finds it in the bell, opens it (the reason and the next action on the form), fills
   nothing and submits it again (so the next width starts from the same state);
3. the Kepala Dinas logs in: nothing waits for him, and he sees the running evaluation (current step,
   who holds it, late steps); his evaluation form offers no Save.

The documents are found on the site (the 2026 triwulan IV evaluation, Bina Marga's data by its
kode BM), never assumed by name. Every page visited is searched for English strings of Frappe's desk (``INGGRIS``); screenshots of
each stage go to ``--shots``. Exit status 0 when every check passed.
"""

import sys
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # e2e/: helpers, pages, tests
from helpers.layar import inggris, login, teks_layar
from helpers.umum import Temuan, argumen, nilai_server, peramban
from pages.formulir import Formulir, buka_lonceng
from pages.masuk import masuk
from pages.tugas_saya import TugasSaya

DKB = "Data Kinerja Bidang"
SUBKOR = "subkor@demo.sakip.id"
KABID = "kabid.bm@demo.sakip.id"
KADIS = "kadis@demo.sakip.id"
UKURAN = {"ponsel": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 768}}


class Walk(Temuan):
	def __init__(self, a):
		super().__init__()
		self.a = a
		self.catatan: list[str] = []

	def inggris(self, page, tempat: str) -> None:
		teks = teks_layar(page)
		self.cek(not inggris(teks), f"{tempat}: English on screen: {'; '.join(inggris(teks))}")
		self.cek(not login(teks), f"{tempat}: a login where a name belongs: {'; '.join(login(teks))}")

	def foto(self, page, nama: str) -> None:
		page.screenshot(path=str(self.a.shots / f"{nama}.png"))

	def masuk_tugas_saya(self, page, user: str, siapa: str, ukuran: str, dokumen: str | None = None):
		"""Log ``user`` in and check they land on Tugas Saya (and that ``dokumen`` waits there, on one
		card); the block and the document's cards."""
		self.cek(masuk(page, self.a.url, user, self.a.password), f"{ukuran}: {siapa} cannot log in")
		self.cek(page.url.rstrip("/").endswith("/app/tugas-saya"), f"{ukuran}: {siapa} landed on {page.url}")
		blok = TugasSaya(page).blok()
		kartu = blok.locator("a.kartu", has_text=dokumen) if dokumen else None
		if dokumen:
			self.cek(kartu.count() == 1, f"{ukuran}: {dokumen} is not in {siapa}'s Tugas Saya")
		return blok, kartu


@contextmanager
def halaman(chromium: str, ukuran: str):
	with peramban(chromium) as browser:
		ponsel = ukuran == "ponsel"
		yield browser.new_page(
			viewport=UKURAN[ukuran],
			device_scale_factor=2 if ponsel else 1,
			is_mobile=ponsel,
			has_touch=ponsel,
			locale="id-ID",
		)


def nama_dokumen(a) -> tuple[str, str]:
	"""The demo's stopped cycle (2026, triwulan IV) and Bina Marga's (kode BM) data in it, read from the
	site as the Subkoordinator sees them: names are never assumed (they may carry an OPD code)."""
	with halaman(a.chromium, "desktop") as page:
		masuk(page, a.url, SUBKOR, a.password)
		cari = """async ([doctype, filters]) => {
			const r = await fetch("/api/method/frappe.client.get_value?" + new URLSearchParams({
				doctype, filters: JSON.stringify(filters), fieldname: "name"}));
			return (await r.json()).message?.name;
		}"""
		eki = page.evaluate(
			cari, ["Evaluasi Kinerja Internal", {"opd": "DPUPR", "tahun": 2026, "triwulan": "IV"}]
		)
		dkb = page.evaluate(cari, [DKB, {"evaluasi": eki, "kode_bidang": "BM"}])
	return eki, dkb


def jalan(w: Walk, ukuran: str, eki: str, dkb: str, alasan: str) -> None:
	a = w.a
	# 1. The Subkoordinator: Tugas Saya, one tap, return with a reason.
	with halaman(a.chromium, ukuran) as page:
		blok, kartu = w.masuk_tugas_saya(page, SUBKOR, "the Subkoordinator", ukuran, dkb)
		w.cek("Periksa data kinerja bidang" in blok.inner_text(), f"{ukuran}: no 'what to do' for Subkor")
		w.foto(page, f"{ukuran}-1-subkor-tugas-saya")
		w.inggris(page, f"{ukuran} Subkor Tugas Saya")
		kartu.first.click()
		Formulir(page).ke_formulir_dkb(dkb)
		page.wait_for_selector(".form-message, .frappe-control[data-fieldname='baris']", timeout=30000)
		page.wait_for_timeout(2000)
		w.cek("Tindakan Anda" in page.locator(".form-message").first.inner_text(), f"{ukuran}: no banner")
		w.foto(page, f"{ukuran}-2-subkor-form")
		w.inggris(page, f"{ukuran} Subkor form")
		Formulir(page).aksi("Kembalikan")
		dialog = page.locator(".modal.show", has_text="Alasan Dikembalikan")
		dialog.wait_for(timeout=10000)
		dialog.locator("textarea[data-fieldname='alasan']").fill(alasan)
		w.inggris(page, f"{ukuran} return dialog")
		dialog.locator(".btn-primary").click()
		page.wait_for_timeout(4000)
		state = nilai_server(page, DKB, dkb, "workflow_state")
		w.cek(state == "Dikembalikan", f"{ukuran}: after Kembalikan the state is {state}")
		w.foto(page, f"{ukuran}-3-subkor-returned")
		# Back to Tugas Saya (the desk's own navigation, no reload): the returned data no longer waits.
		page.go_back()
		page.wait_for_timeout(800)
		if "isian-kinerja" in page.url:  # on a phone the card opened the page, then the form
			page.go_back()
		page.wait_for_url("**/app/tugas-saya", timeout=30000)
		blok = TugasSaya(page).blok()
		page.wait_for_timeout(1500)
		w.cek(
			blok.locator("a.kartu", has_text=dkb).count() == 0,
			f"{ukuran}: after the return {dkb} still waits in the Subkoordinator's Tugas Saya",
		)
	# The bell is written by the background worker.
	import time

	time.sleep(4)
	# 2. The Kepala Bidang: Tugas Saya with the reason, the bell, the form.
	with halaman(a.chromium, ukuran) as page:
		blok, kartu = w.masuk_tugas_saya(page, KABID, "the Kepala Bidang", ukuran, dkb)
		teks = kartu.first.inner_text() if kartu.count() else ""
		w.cek(alasan in teks, f"{ukuran}: the reason is not on the Kabid's Tugas Saya card")
		w.cek("Dikembalikan" in teks, f"{ukuran}: the card does not say Dikembalikan")
		w.foto(page, f"{ukuran}-4-kabid-tugas-saya")
		w.inggris(page, f"{ukuran} Kabid Tugas Saya")
		lonceng = buka_lonceng(page)
		w.cek("dikembalikan" in lonceng and dkb in lonceng, f"{ukuran}: the bell does not tell the return")
		w.foto(page, f"{ukuran}-5-kabid-lonceng")
		w.inggris(page, f"{ukuran} Kabid bell")
		blok = TugasSaya(page, a.url).buka().blok()
		blok.locator("a.kartu", has_text=dkb).first.click()
		Formulir(page).ke_formulir_dkb(dkb)
		page.wait_for_selector(".form-message", timeout=30000)
		page.wait_for_timeout(2500)
		pesan = page.locator(".form-message").first.inner_text()
		w.cek(
			alasan in pesan and "Tindakan Anda" in pesan, f"{ukuran}: the form's top lacks reason or action"
		)
		w.foto(page, f"{ukuran}-6-kabid-form")
		page.locator(".new-timeline").scroll_into_view_if_needed()
		page.wait_for_timeout(800)
		w.foto(page, f"{ukuran}-7-kabid-form-bawah")
		w.inggris(page, f"{ukuran} Kabid form")
		Formulir(page).aksi("Ajukan")
		page.wait_for_timeout(4000)
		state = nilai_server(page, DKB, dkb, "workflow_state")
		w.cek(state == "Diajukan", f"{ukuran}: the Kabid's Ajukan left the state {state}")
	# 3. The Kepala Dinas: what waits for him, the running evaluation, a read-only evaluation.
	with halaman(a.chromium, ukuran) as page:
		blok, _ = w.masuk_tugas_saya(page, KADIS, "the Kepala Dinas", ukuran)
		teks = blok.inner_text()
		w.cek("Evaluasi yang sedang berjalan" in teks, f"{ukuran}: no running evaluation for the Kadis")
		w.cek(eki in teks and "Langkah saat ini" in teks, f"{ukuran}: the running step is missing")
		w.foto(page, f"{ukuran}-8-kadis-tugas-saya")
		w.inggris(page, f"{ukuran} Kadis Tugas Saya")
		blok.locator("a.kartu", has_text=eki).first.click()
		page.wait_for_url(f"**/evaluasi-kinerja-internal/{eki}", timeout=30000)
		page.wait_for_timeout(2500)
		simpan = page.locator(".page-head .primary-action:visible", has_text="Simpan").count()
		w.cek(simpan == 0, f"{ukuran}: the Kadis is offered Simpan on the evaluation")
		w.foto(page, f"{ukuran}-9-kadis-evaluasi")
		w.inggris(page, f"{ukuran} Kadis evaluation")
		w.catatan.append(f"{ukuran}: Kadis Tugas Saya: {teks.splitlines()[0] if teks else ''}")


def main() -> int:
	a = argumen(SUBKOR, "")
	w = Walk(a)
	eki, dkb = nama_dokumen(a)
	if a.dkb:
		dkb = a.dkb
	if not (eki and dkb):
		print("FAIL: no 2026 triwulan IV evaluation with Bina Marga's data (run sakip-demo on the site)")
		return 1
	for ukuran, alasan in (
		("ponsel", "Realisasi indikator 3 belum sesuai laporan bulanan; mohon diperiksa."),
		("desktop", "Kendala indikator 2 belum diisi; lengkapi sebelum diajukan lagi."),
	):
		jalan(w, ukuran, eki, dkb, alasan)
	for c in w.catatan:
		print(c)
	for g in w.gagal:
		print("FAIL:", g)
	print("e2e Tugas Saya:", "passed" if not w.gagal else f"{len(w.gagal)} failure(s)")
	return 1 if w.gagal else 0


if __name__ == "__main__":
	sys.exit(main())
