"""What the demo's users read on the desk and the phone, walked in a real Chromium (reads only).

On a `sakip-demo` site, served (see e2e/jalankan.py, which runs it in .ci/run's browser lane):

	python e2e/tests/e2e_di_layar.py --url http://127.0.0.1:8125 --shots /tmp/sakip-layar

1. Bahasa Indonesia: every page visited shows none of Frappe's common English desk strings
   (helpers/layar.INGGRIS: "Links", "New …", "Today", "Try the new Print Designer", "Full Page",
   "Mencetak", "Surat Kepala", …): the form's ⋯ menu, the print view, the date picker.
2. Names, never logins: the evaluation's Langkah SOP table, the forms' "terakhir mengubah" and
   activity, the list columns, the Notulen's activity show no login (…@demo.sakip.id).
3. What each role is offered: a Kepala Bidang's sidebar has only the workspaces of their work (no
   Frappe workspace); the Kepala Dinas gets no Duplikat on the evaluation and no Notulen Rapat in
   its Buat menu.
4. No sideways scrolling and no cut title on any phone screen; the Langkah Evaluasi list at 390 px:
   no status pill over a step, every row told apart (step and bidang), at most two filter fields;
   numbers in one Indonesian format (capaian with two decimals in the Data Kinerja Bidang grid).

The last line reads ``di layar: N passed, M failed``.
"""

import re
import sys
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # e2e/: helpers, pages, tests
from helpers.layar import inggris, lebar_halaman, login, teks_layar
from helpers.umum import LEBAR_PONSEL, Temuan, argumen, peramban
from pages.masuk import masuk

EKI = "EKI-DPUPR-2026-TW4"
DESKTOP = {"width": 1366, "height": 768}
RUANG_FRAPPE = ("Users", "Website", "Tools", "Integrations", "Build")
# The app's pages a role walks (path, what to wait for, name of the screen).
HALAMAN = {
	"kadis@demo.sakip.id": (
		(f"/app/evaluasi-kinerja-internal/{EKI}", ".form-layout", "kadis-evaluasi"),
		("/app/evaluasi-kinerja-internal", ".result, .no-result", "kadis-daftar-evaluasi"),
		("/app/langkah-evaluasi", ".result, .no-result", "kadis-langkah"),
		("/app/notulen-rapat/NR-EKI-DPUPR-2026-TW3", ".form-layout", "kadis-notulen"),
	),
	"subkor@demo.sakip.id": (
		("/app/data-kinerja-bidang", ".result, .no-result", "subkor-daftar-dkb"),
		(f"/app/data-kinerja-bidang/DKB-{EKI}-BM", ".form-layout", "subkor-dkb"),
	),
	"kabid.bm@demo.sakip.id": (
		("/app/tugas-saya", ".layout-main-section", "kabid-tugas-saya"),
		(f"/app/data-kinerja-bidang/DKB-{EKI}-BM", ".form-layout", "kabid-dkb"),
	),
}


class Layar(Temuan):
	def __init__(self, a):
		super().__init__()
		self.a = a

	def periksa_layar(self, page, nama: str, ponsel: bool) -> str:
		"""English, logins and (on a phone) the width of what is on screen; a screenshot."""
		page.wait_for_timeout(600)
		teks = teks_layar(page)
		self.periksa(f"{nama}: Bahasa Indonesia {inggris(teks)}", not inggris(teks))
		self.periksa(f"{nama}: names, not logins {login(teks)}", not login(teks))
		if ponsel:
			judul = page.locator(".page-head:visible .title-text").first
			if judul.count():
				utuh = judul.evaluate("(el) => el.scrollWidth <= el.clientWidth + 1")
				self.periksa(f"{nama}: the title {judul.inner_text()!r} is not cut", utuh)
			lebar = lebar_halaman(page)
			self.periksa(
				f"{nama}: {lebar} px wide on a {LEBAR_PONSEL['width']} px phone",
				lebar <= LEBAR_PONSEL["width"],
			)
		page.screenshot(path=str(self.a.shots / f"{nama}.png"))
		return teks

	def kunjungi(self, page, user: str, ponsel: bool) -> None:
		for alamat, tunggu, nama in HALAMAN[user]:
			page.goto(f"{self.a.url}{alamat}")
			page.wait_for_selector(tunggu, timeout=30000)
			page.wait_for_timeout(1500)
			self.periksa_layar(page, f"{nama}-{'ponsel' if ponsel else 'desktop'}", ponsel)


@contextmanager
def sesi(a, user: str, ponsel: bool):
	with peramban(a.chromium) as browser:
		page = browser.new_page(
			viewport=LEBAR_PONSEL if ponsel else DESKTOP,
			device_scale_factor=2 if ponsel else 1,
			is_mobile=ponsel,
			has_touch=ponsel,
		)
		assert masuk(page, a.url, user, a.password), f"{user} cannot open the desk"
		yield page


def menu_formulir(page) -> str:
	"""Open the form's ⋯ menu and return what it offers."""
	page.locator(".page-head .menu-btn-group > button:visible").first.click()
	page.wait_for_timeout(500)
	teks = page.locator(".page-head .menu-btn-group .dropdown-menu").first.inner_text()
	page.keyboard.press("Escape")
	return teks


def kepala_dinas(t: Layar) -> None:
	with sesi(t.a, "kadis@demo.sakip.id", ponsel=False) as page:
		t.kunjungi(page, "kadis@demo.sakip.id", ponsel=False)
		page.goto(f"{t.a.url}/app/evaluasi-kinerja-internal/{EKI}")
		page.wait_for_selector(".form-layout", timeout=30000)
		page.wait_for_timeout(1500)
		menu = menu_formulir(page)
		t.periksa(f"evaluasi ⋯ menu in Bahasa Indonesia {inggris(menu)}", not inggris(menu))
		t.periksa("evaluasi ⋯ menu offers the Kepala Dinas no Duplikat", "Duplikat" not in menu)
		buat = page.locator(".page-head .inner-group-button[data-label='Buat']")
		tawaran = ""
		if buat.count():
			buat.locator("button").first.click()
			page.wait_for_timeout(400)
			tawaran = buat.locator(".dropdown-menu").inner_text()
			page.screenshot(path=str(t.a.shots / "kadis-evaluasi-buat.png"))
			page.keyboard.press("Escape")
		t.periksa(f"Buat offers the Kepala Dinas no Notulen Rapat ({tawaran!r})", "Notulen" not in tawaran)
		langkah = page.locator(".sakip-ringkasan, [data-fieldname='ringkasan_html']").first
		teks = langkah.inner_text() if langkah.count() else teks_layar(page)
		t.periksa(f"Langkah SOP table names people {login(teks)}", not login(teks) and "→" in teks)
		# the date picker of any date field speaks Indonesian
		page.evaluate(
			"""() => { const d = new frappe.ui.Dialog({title: 'Tanggal',
				fields: [{fieldtype: 'Date', fieldname: 't', label: 'Tanggal'}]});
				d.show(); window._d = d; }"""
		)
		page.locator(".modal.show input[data-fieldname='t']").click()
		page.wait_for_selector(".datepicker.active", timeout=10000)
		pemilih = page.locator(".datepicker.active").inner_text()
		page.screenshot(path=str(t.a.shots / "kadis-pemilih-tanggal.png"))
		t.periksa(
			f"date picker in Bahasa Indonesia {inggris(pemilih)}",
			not inggris(pemilih) and "Hari Ini" in pemilih,
		)
		page.evaluate("() => window._d.hide()")
		# a report's summary card and its table: one Indonesian format, two decimals
		page.goto(f"{t.a.url}/app/query-report/Rekap Capaian Kinerja?tahun=2026&triwulan=III")
		page.wait_for_selector(".report-summary .summary-item", timeout=30000)
		page.wait_for_timeout(2000)
		kartu = page.locator(".report-summary .summary-item", has_text="Rata-rata").first.inner_text()
		page.screenshot(path=str(t.a.shots / "kadis-rekap-capaian.png"))
		t.periksa(
			f"the summary card's capaian in the Indonesian format with two decimals ({kartu!r})",
			bool(re.search(r"\d,\d{2}\s?%", kartu)) and not re.search(r"\d\.\d{1,2}\s?%", kartu),
		)
		# the print view: its toolbar and the print command
		page.goto(f"{t.a.url}/app/print/Evaluasi Kinerja Internal/{EKI}")
		page.wait_for_selector(".print-preview, .print-format", timeout=30000)
		page.wait_for_timeout(2500)
		teks = t.periksa_layar(page, "kadis-cetak-desktop", ponsel=False)
		t.periksa("print view says Cetak and Kop Surat", "Cetak" in teks)


def langkah_di_ponsel(t: Layar) -> None:
	"""The Langkah Evaluasi list at 390 px: the steps readable and told apart, the list on the first screen."""
	with sesi(t.a, "kadis@demo.sakip.id", ponsel=True) as page:
		page.goto(f"{t.a.url}/app/langkah-evaluasi")
		page.wait_for_selector(".list-row-container .list-subject a", timeout=30000)
		page.wait_for_timeout(2000)
		t.periksa_layar(page, "kadis-langkah-ponsel", ponsel=True)
		isian = page.locator(".page-form .frappe-control:visible").count()
		t.periksa(f"Langkah list: {isian} filter fields on the first screen (at most 2)", isian <= 2)
		baris = page.evaluate(
			"""() => [...document.querySelectorAll('.list-row-container .list-row')].map((r) => {
				const a = r.querySelector('.list-subject a'), p = r.querySelector('.indicator-pill');
				const ka = a.getBoundingClientRect(), kp = p ? p.getBoundingClientRect() : null;
				return {teks: a.innerText.trim(), tertutup: !!kp && ka.right > kp.left + 1
					&& ka.bottom > kp.top && ka.top < kp.bottom};
			})"""
		)
		teks = [b["teks"] for b in baris]
		t.periksa(f"Langkah list: {len(teks)} rows, each told apart", teks and len(set(teks)) == len(teks))
		tertutup = [b["teks"][:30] for b in baris if b["tertutup"]]
		t.periksa(f"Langkah list: no status pill covers a step ({tertutup})", not tertutup)


def kepala_bidang(t: Layar) -> None:
	for ponsel in (True, False):
		with sesi(t.a, "kabid.bm@demo.sakip.id", ponsel=ponsel) as page:
			ruang = page.evaluate(
				"() => frappe.xcall('frappe.desk.desktop.get_workspace_sidebar_items')"
				".then((r) => r.pages.map((p) => p.name))"
			)
			lain = [r for r in ruang if r in RUANG_FRAPPE]
			t.periksa(f"Kepala Bidang sees only the workspaces of their work (also: {lain})", not lain)
			t.kunjungi(page, "kabid.bm@demo.sakip.id", ponsel=ponsel)
			if not ponsel:
				# capaian in the grid: one Indonesian format, two decimals
				sel = page.locator(
					".frappe-control[data-fieldname='baris'] .grid-body [data-fieldname='capaian'] .static-area"
				)
				nilai = [s.strip() for s in sel.all_inner_texts() if s.strip()]
				salah = [n for n in nilai if not re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d{2}( ?%)?", n)]
				t.periksa(
					f"capaian in the grid with two decimals ({nilai[:5]}, wrong: {salah})",
					nilai and not salah,
				)


def subkoordinator(t: Layar) -> None:
	for ponsel in (True, False):
		with sesi(t.a, "subkor@demo.sakip.id", ponsel=ponsel) as page:
			t.kunjungi(page, "subkor@demo.sakip.id", ponsel=ponsel)


def main() -> int:
	a = argumen("kadis@demo.sakip.id", "")
	t = Layar(a)
	for walk in (kepala_dinas, langkah_di_ponsel, kepala_bidang, subkoordinator):
		try:
			walk(t)
		except Exception as e:  # a page that does not open fails its walk, the others still run
			t.periksa(f"{walk.__name__}: {type(e).__name__}: {str(e).splitlines()[0][:200]}", False)
	return t.hitungan("di layar")


if __name__ == "__main__":
	sys.exit(main())
