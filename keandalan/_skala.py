"""What ``skala.py`` needs of the set-up ``skala.sh`` stood up: its settings (environment), the two
MariaDB servers (as the run's root and as the site's user), the processes it started (pid files),
and nginx's access log.

Every connection here is made on purpose to one server: ``db("primer")`` or ``db("replika")``.
"""

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pymysql

DIR = Path(os.environ.get("SKALA_DIR", "/home/frappe/skala-33"))
SITE = os.environ.get("SKALA_SITE", "skala.localhost")
SANDI_ROOT = os.environ.get("SKALA_DB_SANDI", "")
PORT = {
	"primer": int(os.environ.get("SKALA_PORT_PRIMER", 3316)),
	"replika": int(os.environ.get("SKALA_PORT_REPLIKA", 3317)),
	"nginx": int(os.environ.get("SKALA_PORT_NGINX", 8330)),
	"a": int(os.environ.get("SKALA_PORT_WEB_A", 8331)),
	"b": int(os.environ.get("SKALA_PORT_WEB_B", 8332)),
}
URL = {k: f"http://127.0.0.1:{PORT[k]}" for k in ("nginx", "a", "b")}

HASIL: list[tuple[str, bool]] = []


def cek(teks: str, ok: bool) -> bool:
	HASIL.append((teks, ok))
	print(f"  {'PASS' if ok else 'FAIL'}: {teks}", flush=True)
	return ok


def judul(teks: str) -> None:
	print(f"\n## {teks}\n", flush=True)


def site_config() -> dict:
	return json.loads((DIR / "bersama" / SITE / "site_config.json").read_text())


def db(peran: str, sebagai_situs: bool = False):
	"""A connection (autocommit) to ``peran`` (primer/replika): as the run's root, or as the site's
	own database user (what Frappe connects as)."""
	if sebagai_situs:
		conf = site_config()
		user, sandi, nama_db = conf["db_name"], conf["db_password"], conf["db_name"]
	else:
		user, sandi, nama_db = "root", SANDI_ROOT, None
	return pymysql.connect(
		host="127.0.0.1",
		port=PORT[peran],
		user=user,
		password=sandi,
		database=nama_db,
		autocommit=True,
		cursorclass=pymysql.cursors.DictCursor,
	)


def satu(peran: str, sql: str, args=None) -> dict | None:
	with db(peran) as c, c.cursor() as cur:
		cur.execute(sql, args)
		return cur.fetchone()


def statistik(peran: str) -> dict:
	"""The site user's statements on ``peran`` so far (MariaDB's USER_STATISTICS, ``--userstat``)."""
	baris = satu(
		peran,
		"select SELECT_COMMANDS s, UPDATE_COMMANDS u, OTHER_COMMANDS o from information_schema.USER_STATISTICS "
		"where USER = %s",
		(site_config()["db_name"],),
	)
	return {k: int(v) for k, v in (baris or {"s": 0, "u": 0, "o": 0}).items()}


def selisih(sebelum: dict, sesudah: dict) -> dict:
	return {k: sesudah[k] - sebelum[k] for k in sesudah}


def status_replika() -> dict:
	return satu("replika", "SHOW SLAVE STATUS") or {}


def posisi_primer() -> str:
	return satu("primer", "select @@gtid_binlog_pos p")["p"]


def tunggu_replika(batas: float = 60) -> float:
	"""Seconds until the replica has applied everything the primary has written so far (MASTER_GTID_WAIT);
	-1 when it did not within ``batas``."""
	pos = posisi_primer()
	t0 = time.perf_counter()
	hasil = satu("replika", "select MASTER_GTID_WAIT(%s, %s) r", (pos, batas))["r"]
	return time.perf_counter() - t0 if hasil == 0 else -1.0


def transaksi_tertinggal() -> int:
	"""How many transactions of the primary the replica has not applied yet (one GTID domain, server 1)."""

	def nomor(pos: str) -> int:
		for bagian in (pos or "").split(","):
			if bagian.count("-") == 2 and bagian.split("-")[1] == "1":
				return int(bagian.split("-")[2])
		return 0

	replika = satu("replika", "select @@gtid_slave_pos p")["p"]
	return nomor(posisi_primer()) - nomor(replika)


# --------------------------------------------------------------------------- processes


def pid(nama: str) -> int | None:
	f = DIR / "pid" / f"{nama}.pid"
	return int(f.read_text()) if f.exists() else None


def bunuh(nama: str, sinyal=signal.SIGKILL) -> None:
	"""Signal the process group of ``nama`` (started by ``skala.sh`` or ``jalankan``, each in its own
	session): SIGKILL, as a crash."""
	p = pid(nama)
	if p:
		try:
			os.killpg(p, sinyal)
		except (ProcessLookupError, PermissionError):
			pass


def jalankan(nama: str, perintah: str, host: str = "a") -> int:
	"""Start ``perintah`` (a shell line) in host ``host``'s sites directory, in its own session,
	logged to log/NAME.log, pid in pid/NAME.pid (so the tear-down stops it whatever happens)."""
	log = open(DIR / "log" / f"{nama}.log", "a")
	p = subprocess.Popen(
		["bash", "-c", f"cd '{DIR}/host-{host}/sites' && exec {perintah}"],
		stdout=log,
		stderr=subprocess.STDOUT,
		stdin=subprocess.DEVNULL,
		start_new_session=True,
	)
	f = DIR / "pid" / f"{nama}.pid"
	f.unlink(missing_ok=True)  # the file skala.sh wrote belongs to root; the directory to us
	f.write_text(str(p.pid))
	return p.pid


def hentikan(nama: str, batas: float = 20) -> None:
	p = pid(nama)
	if not p:
		return
	bunuh(nama, signal.SIGTERM)
	akhir = time.monotonic() + batas
	while time.monotonic() < akhir and Path(f"/proc/{p}").exists():
		try:
			os.waitpid(p, os.WNOHANG)
		except ChildProcessError:
			pass
		time.sleep(0.2)
	bunuh(nama, signal.SIGKILL)
	(DIR / "pid" / f"{nama}.pid").unlink(missing_ok=True)


def dalam_proses(port: int) -> int:
	"""Connections established to ``port`` on 127.0.0.1 (nginx opens one per request in flight)."""
	hasil = subprocess.run(
		["ss", "-Htn", "state", "established", f"( sport = :{port} )"], capture_output=True, text=True
	)
	return len([b for b in hasil.stdout.splitlines() if b.strip()])


def gunicorn(host: str) -> str:
	return f"../env/bin/gunicorn -b 127.0.0.1:{PORT[host]} -w 3 -t 120 --preload frappe.app:application"


PENJADWAL = "../env/bin/python -m frappe.utils.bench_helper frappe schedule"


# --------------------------------------------------------------------------- nginx's access log


def akses(sejak: float = 0) -> list[dict]:
	"""nginx's access log since ``sejak`` (epoch seconds): time, method, path, status, upstream(s)."""
	hasil = []
	f = DIR / "nginx" / "access.log"
	if not f.exists():
		return hasil
	for baris in f.read_text().splitlines():
		bagian = baris.split("|")
		if len(bagian) < 7 or float(bagian[0]) < sejak:
			continue
		hasil.append(
			{
				"t": float(bagian[0]),
				"metode": bagian[1],
				"path": bagian[2],
				"status": bagian[3],
				"hulu": bagian[4],
				"status_hulu": bagian[5],
			}
		)
	return hasil
