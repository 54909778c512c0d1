"""Faults injected into a running server, each asserted: nothing lost, nothing twice, and it recovers.

- ``worker``: the RQ worker is SIGKILLed while the SLA notification job is sending (some messages
  written, others not); the worker is started again and the next scheduled check runs: every
  overdue step's holder and superior are told exactly once.
- ``koneksi``: the scheduled SLA check runs in the worker and its database connection is KILLed
  (``KILL <id>`` of that connection only, found in the process list while its UPDATE waits on a row
  this script holds locked; the shared MariaDB keeps running); the next run catches up.
- ``redis``: the site is pointed at a private ``redis-server --port 6390 --save ''`` this script
  starts (never the shared one); Redis is killed while a Kabid works over HTTP: saving, uploading
  and submitting still go through or get a clear message (no server error, nothing lost); Redis
  comes back empty, the worker is restarted and the scheduled check and its notifications resume.

Run as the bench user from the bench's ``sites`` directory, on a throw-away site with the
scheduler enabled (``bench --site SITE enable-scheduler``):

    cd ~/frappe-bench/sites && ../env/bin/python /path/to/keandalan/uji_gangguan.py --site SITE [worker|koneksi|redis]

Prints what happened per fault; the last line reads ``gangguan: N passed, M failed``.
"""

import json
import shutil
import sys
import time
from io import BytesIO

import pymysql
from _peladen import (
	Proses,
	Sesi,
	argumen,
	di_situs,
	laporkan,
	pesan_server,
	server,
	tunggu,
	tunggu_antrean_kosong,
	worker_rq,
)
from openpyxl import load_workbook

DKB = "Data Kinerja Bidang"
PORT_REDIS = 6390


def _keadaan(site, evaluasi, sejak):
	with di_situs(site):
		from sakip_evaluasi.uji import gangguan

		return gangguan.keadaan(evaluasi, sejak)


def _periksa_sla_di_worker(site) -> None:
	"""What the scheduler does when the check is due: enqueue its Scheduled Job Type."""
	with di_situs(site) as frappe:
		from sakip_evaluasi.sla.jadwal import METODE

		frappe.get_doc("Scheduled Job Type", {"method": METODE}).enqueue(force=True)
		frappe.db.commit()


def _siapkan(site, jumlah):
	with di_situs(site) as frappe:
		from sakip_evaluasi.uji import gangguan

		data = gangguan.siapkan(jumlah)
		data["n"] = gangguan.jadikan_terlambat(data["evaluasi"])
		langkah = frappe.get_all("Langkah Evaluasi", filters={"evaluasi": data["evaluasi"]}, pluck="name")
		data["pesan_awal"] = frappe.db.count(
			"Notification Log", {"document_type": "Langkah Evaluasi", "document_name": ("in", langkah)}
		)
		data["sejak"] = str(frappe.utils.now_datetime())
		return data


def _bersihkan(site):
	with di_situs(site):
		from sakip_evaluasi.uji import gangguan

		gangguan.bersihkan()


def _antrean_kosong(site) -> bool:
	with di_situs(site):
		return tunggu_antrean_kosong(300)


def _semua_terkirim(site, ev, data, n) -> bool:
	k = _keadaan(site, ev, data["sejak"])
	return k["terlambat"] == n and k["pesan_unik"] == 2 * n and k["tertunda"] == 0


def _hasil_akhir(nama, k, n, lama: bool = True) -> list[tuple[str, bool]]:
	harapan = 2 * n  # each overdue step: its holder, and the holder's superior (escalation)
	return [
		(f"{nama}: every overdue step flipped ({k['terlambat']}/{n})", k["terlambat"] == n),
		(f"{nama}: every message sent ({k['pesan_unik']}/{harapan})", k["pesan_unik"] == harapan),
		(f"{nama}: nothing sent twice ({len(k['ganda'])} duplicates)", not k["ganda"]),
		(f"{nama}: nothing left flagged ({k['tertunda']})", k["tertunda"] == 0),
	]


# --------------------------------------------------------------------------- worker killed mid-job


def uji_worker(args) -> list[tuple[str, bool]]:
	data = _siapkan(args.site, args.bidang)
	ev, n = data["evaluasi"], data["n"]
	worker = worker_rq("../logs/uji-gangguan-worker.log")
	try:
		_antrean_kosong(args.site)  # what the preparation queued (a Contact per new user, …)
		_periksa_sla_di_worker(args.site)  # flips every step; the job starts sending
		with di_situs(args.site) as frappe:  # one connection, polled every 10 ms
			langkah = frappe.get_all("Langkah Evaluasi", filters={"evaluasi": ev}, pluck="name")

			def pesan_tertulis():
				frappe.db.rollback()  # a fresh snapshot: see what the job committed
				return (
					frappe.db.count(
						"Notification Log",
						{"document_type": "Langkah Evaluasi", "document_name": ("in", langkah)},
					)
					- data["pesan_awal"]
				)

			terkirim = tunggu(pesan_tertulis, 120, 0.01)
			worker.bunuh()  # SIGKILL: the worker and the job's work horse, no clean-up
		k = _keadaan(args.site, ev, data["sejak"])
		print(
			f"worker: killed with {k['pesan']} of {2 * n} messages written, {k['tertunda']} steps still flagged"
		)
		mid = 0 < k["pesan"] < 2 * n
		time.sleep(3)
		berhenti = _keadaan(args.site, ev, data["sejak"])["pesan"] == k["pesan"]  # the job died too
		worker = worker_rq("../logs/uji-gangguan-worker.log")
		t0 = time.monotonic()
		pulih = tunggu(
			lambda: (_periksa_sla_di_worker(args.site), _semua_terkirim(args.site, ev, data, n))[1],
			args.batas,
			5,
		)
		detik = time.monotonic() - t0
		k = _keadaan(args.site, ev, data["sejak"])
		print(
			f"worker: restarted; all sent {detik:.0f} s later (checks every 5 s): {json.dumps(k, default=str)[:400]}"
		)
		return [
			(f"worker: killed in the middle of the job ({terkirim} → {k['pesan']} messages)", mid),
			("worker: the job died with the worker (no message written after the kill)", berhenti),
			(f"worker: caught up after the restart ({detik:.0f} s)", bool(pulih)),
			*_hasil_akhir("worker", k, n),
		]
	finally:
		worker.berhenti()
		_bersihkan(args.site)


# --------------------------------------------------------------------------- the check's connection killed


def uji_koneksi(args) -> list[tuple[str, bool]]:
	data = _siapkan(args.site, args.bidang)
	ev, n = data["evaluasi"], data["n"]
	worker = worker_rq("../logs/uji-gangguan-worker.log")
	try:
		_antrean_kosong(args.site)
		with di_situs(args.site) as frappe:
			from sakip_evaluasi.uji import gangguan

			conf, kunci = frappe._dict(frappe.conf), gangguan.langkah_berjalan(ev)[0]
		# Another connection holds one overdue clock locked, so the check's UPDATE waits on it.
		db = pymysql.connect(
			host=conf.db_host or "127.0.0.1",
			port=int(conf.db_port or 3306),
			user=conf.db_name,
			password=conf.db_password,
			database=conf.db_name,
			autocommit=False,
		)
		target = None
		try:
			with db.cursor() as c:
				c.execute("select name from `tabLangkah Evaluasi` where name = %s for update", (kunci,))
				c.execute("select connection_id()")
				saya = c.fetchone()[0]
				_periksa_sla_di_worker(args.site)

				def koneksi_pemeriksa():
					c.execute(
						"""select id from information_schema.processlist where db = %s and id != %s
						and info like 'update `tabLangkah Evaluasi` set status_sla%%'""",
						(conf.db_name, saya),
					)
					return c.fetchall()

				target = tunggu(koneksi_pemeriksa, 60, 0.2)
				if target:
					c.execute(f"kill {int(target[0][0])}")  # that connection only
			db.rollback()  # releases the lock
		finally:
			db.close()
		print(
			f"koneksi: the check's connection {target[0][0] if target else '(not found)'} killed while it waited"
		)
		time.sleep(3)
		k = _keadaan(args.site, ev, data["sejak"])
		print(
			f"koneksi: after the kill: {k['terlambat']} flipped, {k['pesan']} messages, errors {k['error_log']}"
		)
		utuh = k["terlambat"] == 0 and k["pesan"] == 0
		t0 = time.monotonic()
		_periksa_sla_di_worker(args.site)  # the next run
		pulih = tunggu(lambda: _semua_terkirim(args.site, ev, data, n), args.batas, 1)
		k = _keadaan(args.site, ev, data["sejak"])
		print(
			f"koneksi: next run caught up in {time.monotonic() - t0:.0f} s: {json.dumps(k, default=str)[:300]}"
		)
		return [
			("koneksi: the check's own connection was found and killed", bool(target)),
			("koneksi: the killed run was rolled back (nothing flipped half-way, nothing sent)", utuh),
			("koneksi: the next run caught up", bool(pulih)),
			*_hasil_akhir("koneksi", k, n),
		]
	finally:
		worker.berhenti()
		_bersihkan(args.site)


# --------------------------------------------------------------------------- Redis gone


def _atur_redis(site, url: str | None) -> None:
	"""Point the site's cache and queue at ``url`` (None: back to the bench's), and drop this process's
	Redis connections: Frappe keeps one cache and one queue connection per process (``frappe.cache``,
	``background_jobs._redis_queue_conn``) for as long as the process lives, so after a fault run that
	had already talked to the bench's Redis, this script's own enqueues of the check would still go
	there — where no worker of this run listens — and the check would seem never to run again."""
	with di_situs(site):
		from frappe.installer import update_site_config

		for kunci in ("redis_cache", "redis_queue"):
			update_site_config(kunci, url if url else "None")
	lupakan_redis()


def lupakan_redis() -> None:
	"""This process's cached Redis connections dropped: the next use connects by the site's config."""
	import frappe
	import frappe.utils.background_jobs as jobs

	frappe.cache = None
	jobs._redis_queue_conn = None


def worker_situs(site: str, log: str) -> Proses:
	"""An RQ worker on the site's own queue Redis (``bench worker`` listens on the bench's)."""
	kode = (
		"import frappe\nfrom frappe.utils.background_jobs import get_queue_list, get_redis_conn, Worker\n"
		f"frappe.init(site={site!r}, sites_path='.')\n"
		"conn = get_redis_conn(); queues = get_queue_list(None, build_queue_name=True)\n"
		"frappe.destroy()\nWorker(queues, connection=conn).work(logging_level='WARNING')\n"
	)
	return Proses("worker", [sys.executable, "-c", kode], log)


def uji_redis(args) -> list[tuple[str, bool]]:
	redis_bin = shutil.which("redis-server")
	if not redis_bin:
		return [("redis: redis-server is installed", False)]
	redis_argv = [
		redis_bin,
		"--port",
		str(PORT_REDIS),
		"--save",
		"",
		"--appendonly",
		"no",
		"--bind",
		"127.0.0.1",
	]
	redis = Proses("redis", redis_argv, "../logs/uji-gangguan-redis.log")
	time.sleep(1)
	_atur_redis(args.site, f"redis://127.0.0.1:{PORT_REDIS}")
	data = _siapkan(args.site, 2)
	ev, p = data["evaluasi"], data["pengguna"][0]
	hasil, catat = [], {}
	worker = worker_situs(args.site, "../logs/uji-gangguan-worker.log")
	try:
		_antrean_kosong(args.site)
		with server(args.site, args.port, 2, nama_log="uji-gangguan") as url:
			s = Sesi(url, args.site, catat)
			s.masuk(p["user"], data["sandi"])
			redis.bunuh()
			worker.bunuh()
			print("redis: killed (and its worker with it)")
			jawab = {}
			doc = s.buka(DKB, p["dkb"], "buka")
			for i, row in enumerate(doc["baris"]):
				row["realisasi"], row["kendala"] = str(700 + i), "Disimpan saat Redis mati"
			jawab["simpan"] = s.simpan(doc)
			jawab["unduh"] = s.metode(
				None,
				"sakip_evaluasi.api.kertas_kerja.unduh",
				"GET",
				params={"doctype": DKB, "docname": p["dkb"]},
			)
			isi = jawab["unduh"].content
			wb = load_workbook(BytesIO(isi))
			ws = next(ws for ws in wb.worksheets if ws.sheet_state == "visible" and ws["I1"].value)
			ws["F2"] = 777
			keluar = BytesIO()
			wb.save(keluar)
			doc = s.buka(DKB, p["dkb"], "buka")
			jawab["unggah"] = s.metode(
				"unggah",
				"sakip_evaluasi.api.kertas_kerja.impor",
				data={"doctype": DKB, "docname": p["dkb"]},
				files={"file": ("kertas_kerja.xlsx", keluar.getvalue())},
			)
			doc = s.buka(DKB, p["dkb"], "buka")
			jawab["ajukan"] = s.aksi_alur(doc, "Ajukan", "ajukan")
			for aksi, r in jawab.items():
				print(f"redis: without Redis, {aksi}: HTTP {r.status_code} {pesan_server(r)[:200]}")
				hasil.append(
					(
						f"redis: {aksi} without Redis answered without a server error ({r.status_code})",
						r.status_code < 500,
					)
				)
			with di_situs(args.site) as frappe:
				db = frappe.get_doc(DKB, p["dkb"])
				tersimpan = {
					"simpan": all(r.kendala == "Disimpan saat Redis mati" for r in db.baris),
					"unggah": db.baris[0].realisasi == "777",
					"ajukan": db.workflow_state == "Diajukan",
					"unduh": True,
				}
			for aksi, r in jawab.items():
				hasil.append(
					(f"redis: {aksi} acknowledged is stored ({tersimpan[aksi]})", tersimpan[aksi] or not r.ok)
				)
			redis = Proses("redis", redis_argv, "../logs/uji-gangguan-redis.log")
			time.sleep(1)
			worker = worker_situs(args.site, "../logs/uji-gangguan-worker.log")
			print("redis: back (empty) and the worker restarted")
			doc = s.buka(DKB, p["dkb"], "buka")
			hasil.append(
				(
					"redis: the session survived Redis coming back empty",
					doc.get("name") == p["dkb"],
				)
			)
			with di_situs(args.site) as frappe:
				from sakip_evaluasi.uji import gangguan

				n = gangguan.jadikan_terlambat(ev)
			_periksa_sla_di_worker(args.site)
			pulih = tunggu(lambda: _semua_terkirim(args.site, ev, data, n), args.batas, 1)
			k = _keadaan(args.site, ev, data["sejak"])
			print(f"redis: after it came back: {json.dumps(k, default=str)[:300]}")
			hasil += [
				("redis: the check and its notifications resumed", bool(pulih)),
				*_hasil_akhir("redis", k, n),
			]
	finally:
		worker.berhenti()
		_bersihkan(args.site)  # while the site still points at its Redis
		_atur_redis(args.site, None)
		redis.berhenti()
	return hasil


def main() -> int:
	ap = argumen(__doc__)
	ap.add_argument("gangguan", nargs="*", default=["worker", "koneksi", "redis"])
	ap.add_argument("--bidang", type=int, default=40, help="step-5 clocks made overdue")
	ap.add_argument("--port", type=int, default=8031)
	ap.add_argument("--batas", type=float, default=240, help="seconds to wait for a recovery")
	args = ap.parse_args()
	uji = {"worker": uji_worker, "koneksi": uji_koneksi, "redis": uji_redis}
	hasil = []
	for nama in args.gangguan:
		print(f"\n## {nama}")
		hasil += uji[nama](args)
	print()
	return laporkan("gangguan", hasil)


if __name__ == "__main__":
	sys.exit(main())
