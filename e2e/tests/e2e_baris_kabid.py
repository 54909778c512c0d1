"""A Kepala Bidang opens their returned Data Kinerja Bidang: the form shows the latest return at the
top and offers only what the server's rule lets them change; over HTTP the server refuses the rest.

Run after `e2e_kembalikan.py` on a site prepared with `bench --site S sakip-demo` and served
(`bench serve --port 8000`), with Playwright for Python and Debian's `chromium`:

	python e2e/tests/e2e_baris_kabid.py --url http://demo.localhost:8000

At 390 px, logged in as the Kepala Bidang of Bina Marga, it checks that
- the reason of the latest return (who, when, why) is at the top of the form;
- the rows' grid offers no add or delete, and a row's form no insert, duplicate or delete;
- in a row the Target is read-only and the Realisasi is not; Alasan Dikembalikan is read-only;
- a realisasi typed in the grid saves;
- ``PUT /api/resource/Data Kinerja Bidang/<name>`` with one row left out answers 403 with the
  message naming the row, and so does a PUT rewriting Alasan Dikembalikan; the rows and the
  reason stay as they were.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # e2e/: helpers, pages, tests
from helpers.umum import argumen, halaman_ponsel, nilai_server
from pages.masuk import masuk
from playwright.sync_api import expect

DKB = "Data Kinerja Bidang"
GRID = ".frappe-control[data-fieldname='baris']"


def put(page, name: str, ubah: str) -> dict:
	"""PUT the document as the page's user, after ``ubah`` (JS on ``doc``) changed it."""
	return page.evaluate(
		f"""async (name) => {{
			const url = "/api/resource/Data Kinerja Bidang/" + encodeURIComponent(name);
			const doc = (await (await fetch(url)).json()).data;
			{ubah}
			const r = await fetch(url, {{method: "PUT", body: JSON.stringify(doc),
				headers: {{"Content-Type": "application/json", "X-Frappe-CSRF-Token": frappe.csrf_token}}}});
			const body = await r.json();
			return {{status: r.status, pesan: JSON.stringify(body._server_messages || body.exception || "")}};
		}}""",
		name,
	)


def jumlah_baris(page, name: str) -> int:
	return page.evaluate(
		"""async (name) => (await (await fetch("/api/resource/Data Kinerja Bidang/"
			+ encodeURIComponent(name))).json()).data.baris.length""",
		name,
	)


def main() -> int:
	a = argumen("kabid.bm@demo.sakip.id", "DKB-EKI-DPUPR-2026-TW4-BM")
	gagal = []

	with halaman_ponsel(a.chromium) as page:
		if not masuk(page, a.url, a.user, a.password):
			print("FAIL: the Kepala Bidang cannot open the desk")
			return 1
		if nilai_server(page, DKB, a.dkb, "workflow_state") != "Dikembalikan":
			print(f"FAIL: {a.dkb} is not Dikembalikan (run e2e_kembalikan.py first)")
			return 1
		alasan = nilai_server(page, DKB, a.dkb, "alasan_dikembalikan")
		page.goto(f"{a.url}/app/data-kinerja-bidang/{a.dkb}")
		page.wait_for_selector(f"{GRID} .grid-body .grid-row", timeout=30000)
		page.wait_for_timeout(2000)
		page.screenshot(path=str(a.shots / "baris-1-form.png"))

		pesan_atas = page.locator(".form-message").first.inner_text()
		if "Dikembalikan oleh" not in pesan_atas or alasan.split()[0] not in pesan_atas:
			gagal.append(f"the latest return is not at the top: {pesan_atas!r}")
		if page.locator(f"{GRID} .grid-add-row:visible").count():
			gagal.append("the grid offers Add Row")
		terkunci = page.evaluate(
			"""() => {
				const grid = cur_frm.fields_dict.baris.grid;
				const df = (f) => grid.docfields.find((d) => d.fieldname === f);
				return {target: df("target_tw").read_only, realisasi: df("realisasi").read_only,
					alasan: cur_frm.get_docfield("alasan_dikembalikan").read_only,
					hapus: grid.df.cannot_delete_rows, tambah: grid.df.cannot_add_rows};
			}"""
		)
		if terkunci != {"target": 1, "realisasi": 0, "alasan": 1, "hapus": True, "tambah": True}:
			gagal.append(f"the form does not lock what the rule closes: {terkunci}")

		page.evaluate("() => cur_frm.fields_dict.baris.grid.grid_rows[0].show_form()")
		page.wait_for_selector(".grid-row-open", timeout=10000)
		page.wait_for_timeout(800)
		page.screenshot(path=str(a.shots / "baris-2-row-form.png"))
		for tombol in (".grid-delete-row", ".grid-insert-row-below", ".grid-duplicate-row"):
			if page.locator(f".grid-row-open {tombol}:visible").count():
				gagal.append(f"a row's form offers {tombol}")
		page.evaluate("() => cur_frm.fields_dict.baris.grid.grid_rows[0].hide_form()")
		page.wait_for_timeout(800)
		# tapping a cell makes the row editable in place, as a Kabid fills it on a phone; the first
		# indicator whose realisasi is typed (a computed one's is read-only: its components are typed)
		urutan = page.evaluate("() => cur_frm.doc.baris.findIndex((r) => r.jenis_indikator !== 'Rumus')")
		baris = page.locator(f"{GRID} .grid-body .grid-row").nth(urutan)
		baris.locator(".grid-static-col[data-fieldname='satuan']").click()
		baris.locator(".grid-static-col[data-fieldname='realisasi'] input").fill("81,5")
		baris.locator(".grid-static-col[data-fieldname='realisasi'] input").press("Tab")
		page.keyboard.press("Control+s")
		expect(page.locator(".indicator-pill").first).not_to_contain_text("Not Saved", timeout=15000)
		page.wait_for_timeout(1000)
		realisasi = page.evaluate(
			"""async ([name, i]) => (await (await fetch("/api/resource/Data Kinerja Bidang/"
				+ encodeURIComponent(name))).json()).data.baris[i].realisasi""",
			[a.dkb, urutan],
		)
		if realisasi != "81,5":
			gagal.append(f"the realisasi typed in the grid was not saved: {realisasi!r}")

		sebelum = jumlah_baris(page, a.dkb)
		r = put(page, a.dkb, "doc.baris.pop();")
		if r["status"] != 403 or "dihapus" not in r["pesan"]:
			gagal.append(f"PUT without a row: {r}")
		r2 = put(page, a.dkb, 'doc.alasan_dikembalikan = "Sudah benar";')
		if r2["status"] != 403 or "Alasan Dikembalikan" not in r2["pesan"]:
			gagal.append(f"PUT rewriting the reason: {r2}")
		sesudah = jumlah_baris(page, a.dkb)
		if sesudah != sebelum or nilai_server(page, DKB, a.dkb, "alasan_dikembalikan") != alasan:
			gagal.append("a refused PUT changed the document")

	print(
		f"{a.user} at 390 px: {a.dkb} rows {sebelum} → {sesudah}; PUT without a row {r['status']}, "
		f"PUT rewriting the reason {r2['status']}; realisasi saved {realisasi!r}"
	)
	for g in gagal:
		print("FAIL:", g)
	return 1 if gagal else 0


if __name__ == "__main__":
	sys.exit(main())
