"""Concurrent requests against a real server: every Kepala Bidang submits at once.

The last day of a quarter: N Kepala Bidang take *Ajukan* on their Data Kinerja Bidang within the
same second. This script starts gunicorn with several workers on 127.0.0.1 for one site of a bench,
prepares a committed evaluation at SOP step 5 with N bidang (``sakip_evaluasi.uji.serentak``),
logs every Kabid in over HTTP, releases all submissions together (a barrier), stops the server and
checks what the users would see: every submission accepted, every step-5 clock closed, step 6
started and the evaluation's summary current. Then it removes what it made.

Run it with the bench's Python, from the bench's ``sites`` directory, as the bench user
(``.ci/run`` does this on its throw-away site):

    cd ~/frappe-bench/sites && ../env/bin/python /path/to/keandalan/uji_serentak.py --site SITE

Bounded: at most ``--users`` requests of each kind, each with a timeout; the server is stopped
whatever happens. Exit status 0 only when every check passed; the last line reads
``serentak: N passed, M failed``.
"""

import json
import os
import sys
import threading
import time

import requests
from _peladen import BATAS_DETIK, argumen, di_situs, laporkan, server


def kabid_mengajukan(
	url: str, site: str, user: str, sandi: str, dkb: str, mulai: threading.Barrier, hasil: dict
):
	s = requests.Session()
	s.headers["Host"] = site
	try:
		r = s.post(f"{url}/api/method/login", data={"usr": user, "pwd": sandi}, timeout=BATAS_DETIK)
		r.raise_for_status()
		doc = s.get(f"{url}/api/resource/Data Kinerja Bidang/{dkb}", timeout=BATAS_DETIK).json()["data"]
	except Exception as e:
		mulai.abort()
		hasil[user] = ("persiapan gagal", repr(e))
		return
	try:
		mulai.wait(timeout=BATAS_DETIK)
	except threading.BrokenBarrierError:
		hasil[user] = ("tidak dimulai", "")
		return
	t0 = time.perf_counter()
	r = s.post(
		f"{url}/api/method/frappe.model.workflow.apply_workflow",
		data={"doc": json.dumps(doc), "action": "Ajukan"},
		timeout=BATAS_DETIK,
	)
	hasil[user] = (r.status_code, f"{time.perf_counter() - t0:.2f} s", r.text[:300] if not r.ok else "")


def main() -> int:
	ap = argumen(__doc__)
	ap.add_argument("--users", type=int, default=24)
	ap.add_argument("--workers", type=int, default=4)
	ap.add_argument("--port", type=int, default=18000 + os.getpid() % 1000)
	ap.add_argument("--keep", action="store_true", help="leave the prepared data on the site")
	args = ap.parse_args()

	with di_situs(args.site):
		from sakip_evaluasi.uji import serentak

		data = serentak.siapkan(args.users)
	print(f"{data['evaluasi']}: {len(data['pengguna'])} Data Kinerja Bidang ready to submit")

	hasil: dict = {}
	try:
		with server(args.site, args.port, args.workers) as url:
			mulai = threading.Barrier(len(data["pengguna"]))
			threads = [
				threading.Thread(
					target=kabid_mengajukan,
					args=(url, args.site, p["user"], data["sandi"], p["dkb"], mulai, hasil),
				)
				for p in data["pengguna"]
			]
			t0 = time.perf_counter()
			for t in threads:
				t.start()
			for t in threads:
				t.join(BATAS_DETIK * 3)
			print(
				f"{len(threads)} submissions at once over HTTP ({args.workers} gunicorn workers): "
				f"{time.perf_counter() - t0:.1f} s in all"
			)
		with di_situs(args.site):
			from sakip_evaluasi.uji import serentak

			keadaan = serentak.keadaan(data["evaluasi"], data["sejak"])
	finally:
		if not args.keep:
			with di_situs(args.site):
				from sakip_evaluasi.uji import serentak

				serentak.bersihkan()

	n = len(data["pengguna"])
	diterima = sum(1 for h in hasil.values() if h[0] == 200)
	for user, h in sorted(hasil.items()):
		if h[0] != 200:
			print(f"  {user}: {h}")
	print("state after the submissions:", json.dumps(keadaan, ensure_ascii=False))
	checks = [
		(f"every submission answered 200 ({diterima}/{n})", diterima == n),
		(
			f"every Data Kinerja Bidang is Diajukan ({keadaan['dkb_diajukan']}/{n})",
			keadaan["dkb_diajukan"] == n,
		),
		(
			f"every step-5 clock closed ({keadaan['langkah5_selesai']}/{keadaan['langkah5']})",
			keadaan["langkah5"] == n and keadaan["langkah5_selesai"] == n,
		),
		("step 6 started", keadaan["langkah6_dibuka"]),
		(
			f"no error logged on the server ({keadaan['error_log']} in the Error Log)",
			keadaan["error_log"] == 0,
		),
		(
			f"the evaluation's summary shows step 6 ({keadaan['langkah_saat_ini']!r})",
			(keadaan["langkah_saat_ini"] or "").startswith("6."),
		),
	]
	return laporkan("serentak", checks)


if __name__ == "__main__":
	sys.exit(main())
