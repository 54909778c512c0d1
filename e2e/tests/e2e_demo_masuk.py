"""Every demo login works on the served demo, in Bahasa Indonesia, on a 390-px-wide screen.

Run against `bash scripts/demo.sh` (which serves http://localhost:8000):

	python3 -m venv /tmp/e2e && /tmp/e2e/bin/pip install playwright
	/tmp/e2e/bin/python e2e/tests/e2e_demo_masuk.py --url http://localhost:8000

For each demo user it logs in through the login page, checks the desk opens with the user's
language `id`, takes a screenshot (--shots), and logs out. The last line reads
``demo logins: N passed, M failed``.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # e2e/: helpers, pages, tests
from helpers.umum import LEBAR_PONSEL, argumen, peramban
from pages.masuk import masuk

LOGIN = (
	"kadis@demo.sakip.id",
	"sekretaris@demo.sakip.id",
	"subkor@demo.sakip.id",
	"kabid.bm@demo.sakip.id",
	"kabid.sda@demo.sakip.id",
	"kabid.ck@demo.sakip.id",
	"kabid.tr@demo.sakip.id",
	"kadis.dinkes@demo.sakip.id",
	"kabid.yankes@demo.sakip.id",
	"kadis.disdik@demo.sakip.id",
	"inspektorat@demo.sakip.id",
	"bappeda@demo.sakip.id",
	"admin.pemda@demo.sakip.id",
)


def main() -> int:
	a = argumen(LOGIN[0], "")
	lulus = gagal = 0
	with peramban(a.chromium) as browser:  # one Chromium, a fresh context (no cookies) per user
		for user in LOGIN:
			konteks = browser.new_context(
				viewport=LEBAR_PONSEL, device_scale_factor=2, is_mobile=True, has_touch=True
			)
			page = konteks.new_page()
			try:
				ok = masuk(page, a.url, user, a.password)
				bahasa = page.evaluate("() => frappe.boot.lang")
				simpan = page.evaluate("() => __('Save')")
			except Exception as e:  # a login that does not open the desk is a failure, not a crash
				ok, bahasa, simpan = False, f"({type(e).__name__})", ""
			page.screenshot(path=str(a.shots / f"masuk-{user.split('@')[0]}.png"))
			konteks.close()
			if ok and bahasa == "id":
				lulus += 1
				print(f"PASS: {user} opens the desk in '{bahasa}' ('Save' reads '{simpan}')")
			else:
				gagal += 1
				print(f"FAIL: {user}: desk opened={ok}, language={bahasa!r}")
	print(f"demo logins: {lulus} passed, {gagal} failed")
	return 1 if gagal else 0


if __name__ == "__main__":
	sys.exit(main())
