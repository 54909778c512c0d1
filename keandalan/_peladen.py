"""What the scripts that talk to a real server share (``uji_serentak``, ``uji_beban``, ``uji_gangguan``):
a production-like server on 127.0.0.1 (gunicorn with several workers, an RQ worker, the scheduler),
a connection to the site from the script itself, an HTTP user session that speaks the desk's calls,
and timing statistics.

Run from the bench's ``sites`` directory with the bench's Python (the scripts' docstrings say how).
"""

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests

BATAS_DETIK = 120  # per request
PYTHON = Path(sys.executable)


def _frappe(site: str):
	import frappe

	frappe.init(site=site, sites_path=".")
	frappe.connect()
	return frappe


@contextmanager
def di_situs(site: str):
	"""The site, connected, in this process (for preparing and reading back data)."""
	frappe = _frappe(site)
	try:
		yield frappe
	finally:
		frappe.destroy()


def jalankan_di_situs(site: str, fungsi: str, *args, **kwargs):
	"""Call ``fungsi`` (a dotted path) on the site in this process and return its result."""
	with di_situs(site) as frappe:
		return frappe.get_attr(fungsi)(*args, **kwargs)


def tunggu(fungsi, batas: float, jeda: float = 0.5):
	"""Call ``fungsi`` until it returns something true or ``batas`` seconds pass; its last result."""
	akhir = time.monotonic() + batas
	while True:
		hasil = fungsi()
		if hasil or time.monotonic() > akhir:
			return hasil
		time.sleep(jeda)


def situs_aktif() -> None:
	"""Inside ``di_situs``: a login's trace (an Activity Log) and Frappe's cached verdict cleared, so the
	scheduler treats a throw-away site as in use (it runs a dormant site's jobs once a day)."""
	import frappe
	from frappe.utils.scheduler import schedule_jobs_based_on_activity

	frappe.get_doc(
		{
			"doctype": "Activity Log",
			"subject": "Administrator logged in",
			"operation": "Login",
			"status": "Success",
			"user": "Administrator",
		}
	).insert(ignore_permissions=True)
	frappe.db.commit()
	schedule_jobs_based_on_activity.clear_cache()


def tunggu_antrean_kosong(batas: float = 120) -> bool:
	"""Wait (inside ``di_situs``) until the bench's RQ queues hold no queued or running job."""
	from frappe.utils.background_jobs import get_queues

	akhir = time.monotonic() + batas
	while time.monotonic() < akhir:
		if all(q.count == 0 and q.started_job_registry.count == 0 for q in get_queues()):
			return True
		time.sleep(0.5)
	return False


def keturunan(pid: int) -> list[int]:
	"""Every process descended from ``pid`` (read from /proc), deepest first."""
	anak: dict[int, list[int]] = {}
	for stat in Path("/proc").glob("[0-9]*/stat"):
		try:
			bagian = stat.read_text().rsplit(")", 1)[1].split()
		except OSError:
			continue
		anak.setdefault(int(bagian[1]), []).append(int(stat.parent.name))
	hasil, tumpuk = [], list(anak.get(pid, []))
	while tumpuk:
		p = tumpuk.pop()
		hasil.append(p)
		tumpuk.extend(anak.get(p, []))
	return hasil[::-1]


class Proses:
	"""A child process in its own session (so a signal reaches it and its children), logged to a file."""

	def __init__(self, nama: str, argv: list[str], log: str, env: dict | None = None):
		self.nama, self.argv, self.log_path = nama, argv, log
		self.env = {**os.environ, **(env or {})}
		self.proc = None
		self.mulai()

	def mulai(self) -> None:
		self._log = open(self.log_path, "a")
		self.proc = subprocess.Popen(
			self.argv, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True, env=self.env
		)

	def hidup(self) -> bool:
		return self.proc is not None and self.proc.poll() is None

	def bunuh(self, sinyal=signal.SIGKILL) -> None:
		"""Send ``sinyal`` to the process, its group and every descendant (SIGKILL: no clean-up, as a
		crash). RQ runs each job in a work horse that leaves the worker's session (``os.setsid``), so
		the descendants are found through their parent, not their group."""
		if not self.hidup():
			return
		for pid in keturunan(self.proc.pid):
			try:
				os.kill(pid, sinyal)
			except ProcessLookupError:
				pass
		os.killpg(self.proc.pid, sinyal)

	def berhenti(self, batas: float = 30) -> None:
		if self.hidup():
			os.killpg(self.proc.pid, signal.SIGTERM)
			try:
				self.proc.wait(timeout=batas)
			except subprocess.TimeoutExpired:
				os.killpg(self.proc.pid, signal.SIGKILL)
				self.proc.wait()
		self._log.close()


def gunicorn(port: int, workers: int, log: str) -> Proses:
	"""gunicorn serving the bench's sites on 127.0.0.1:port, as in production (frappe.app)."""
	return Proses(
		"gunicorn",
		[
			str(PYTHON.with_name("gunicorn")),
			"-b",
			f"127.0.0.1:{port}",
			"-w",
			str(workers),
			"-t",
			str(BATAS_DETIK),
			"--preload",
			"frappe.app:application",
		],
		log,
	)


def _bench_helper(*perintah: str) -> list[str]:
	return [str(PYTHON), "-m", "frappe.utils.bench_helper", "frappe", *perintah]


def worker_rq(log: str) -> Proses:
	"""``bench worker`` (every queue) for the bench's sites."""
	return Proses("worker", _bench_helper("worker", "--queue", "default,short,long"), log)


def penjadwal(log: str) -> Proses:
	"""``bench schedule``: enqueues every site's due scheduled jobs."""
	return Proses("scheduler", _bench_helper("schedule"), log)


def tunggu_siap(url: str, site: str, proc: Proses, batas: float = 90) -> None:
	akhir = time.monotonic() + batas
	while time.monotonic() < akhir:
		try:
			if requests.get(f"{url}/api/method/ping", headers={"Host": site}, timeout=5).ok:
				return
		except requests.ConnectionError:
			pass
		if not proc.hidup():
			raise SystemExit(f"{proc.nama} stopped; see {proc.log_path}")
		time.sleep(0.5)
	raise SystemExit(f"{proc.nama} did not answer within {batas:.0f} s")


@contextmanager
def server(site: str, port: int, workers: int, latar: bool = False, nama_log: str = "uji-serentak"):
	"""gunicorn with ``workers`` on 127.0.0.1:port; with ``latar``, an RQ worker and the scheduler
	too. Yields the base URL (with ``latar``: ``(url, {"worker": Proses, "scheduler": Proses})``);
	everything it started is stopped whatever happens."""
	log = f"../logs/{nama_log}-{port}"
	web = gunicorn(port, workers, f"{log}.log")
	latar_proses = {}
	try:
		if latar:
			latar_proses = {
				"worker": worker_rq(f"{log}-worker.log"),
				"scheduler": penjadwal(f"{log}-schedule.log"),
			}
		url = f"http://127.0.0.1:{port}"
		tunggu_siap(url, site, web)
		yield (url, latar_proses) if latar else url
	finally:
		for p in [web, *latar_proses.values()]:
			p.berhenti()


# --------------------------------------------------------------------------- a user over HTTP


class Sesi:
	"""One logged-in user over HTTP, making the calls the desk makes; each call timed into ``catat``
	(action → list of (seconds, HTTP status)) when given."""

	def __init__(self, url: str, site: str, catat: dict | None = None):
		self.url, self.catat = url, catat
		self.s = requests.Session()
		self.s.headers.update({"Host": site, "Accept": "application/json"})

	def _minta(self, aksi: str | None, metode: str, path: str, **kw) -> requests.Response:
		t0 = time.perf_counter()
		try:
			r = self.s.request(metode, f"{self.url}{path}", timeout=BATAS_DETIK, **kw)
			status = r.status_code
		except requests.RequestException as e:
			r, status = None, f"{type(e).__name__}"
		if aksi and self.catat is not None:
			self.catat.setdefault(aksi, []).append((time.perf_counter() - t0, status))
		if r is None:
			raise ConnectionError(f"{aksi or path}: {status}")
		return r

	def masuk(self, user: str, sandi: str) -> None:
		r = self._minta("masuk", "POST", "/api/method/login", data={"usr": user, "pwd": sandi})
		r.raise_for_status()
		self.s.headers["X-Frappe-CSRF-Token"] = self.s.cookies.get("csrf_token", "") or ""

	def metode(self, aksi: str | None, nama: str, metode: str = "POST", **kw) -> requests.Response:
		return self._minta(aksi, metode, f"/api/method/{nama}", **kw)

	def buka(self, doctype: str, name: str, aksi: str = "buka") -> dict:
		"""The form's load (``getdoc``): the document as the desk holds it."""
		r = self.metode(
			aksi, "frappe.desk.form.load.getdoc", "GET", params={"doctype": doctype, "name": name}
		)
		r.raise_for_status()
		return r.json()["docs"][0]

	def simpan(self, doc: dict, aksi: str = "simpan") -> requests.Response:
		"""The form's save (``savedocs``)."""
		return self.metode(
			aksi, "frappe.desk.form.save.savedocs", data={"doc": json.dumps(doc), "action": "Save"}
		)

	def daftar(self, doctype: str, filters: dict, aksi: str = "daftar") -> list:
		"""The list view's query."""
		r = self.metode(
			aksi,
			"frappe.desk.reportview.get",
			data={
				"doctype": doctype,
				"fields": json.dumps([f"`tab{doctype}`.`name`", f"`tab{doctype}`.`workflow_state`"]),
				"filters": json.dumps(filters),
				"page_length": 20,
			},
		)
		r.raise_for_status()
		hasil = r.json()["message"]
		return [dict(zip(hasil["keys"], v, strict=False)) for v in hasil["values"]] if hasil else []

	def aksi_alur(self, doc: dict, action: str, aksi: str) -> requests.Response:
		return self.metode(
			aksi, "frappe.model.workflow.apply_workflow", data={"doc": json.dumps(doc), "action": action}
		)


def pesan_server(r: requests.Response) -> str:
	"""The messages of an answer (``_server_messages`` and ``exc_type``), as plain text."""
	jenis = r.headers.get("Content-Type", "")
	if "json" not in jenis and "text" not in jenis:  # a file (the work paper): its type and size
		return f"{jenis or 'tanpa Content-Type'}, {len(r.content)} bytes"
	try:
		data = r.json()
	except ValueError:
		return r.text[:300]
	pesan = []
	for teks in json.loads(data.get("_server_messages") or "[]"):
		try:
			pesan.append(json.loads(teks).get("message", ""))
		except (ValueError, AttributeError):
			pesan.append(str(teks))
	return " | ".join([data.get("exc_type", ""), *pesan]).strip(" |")


# --------------------------------------------------------------------------- statistics


def persentil(nilai: list[float], p: float) -> float:
	if not nilai:
		return float("nan")
	urut = sorted(nilai)
	k = (len(urut) - 1) * p / 100
	f = int(k)
	return urut[f] + (urut[min(f + 1, len(urut) - 1)] - urut[f]) * (k - f)


def ringkas(catat: dict, detik: float) -> list[dict]:
	"""Per action: count, p50/p95 in seconds, errors (status ≥ 400 or none), server errors (≥ 500)."""
	baris = []
	for aksi, data in sorted(catat.items()):
		waktu = [t for t, _s in data]
		baris.append(
			{
				"aksi": aksi,
				"n": len(data),
				"p50": statistics.median(waktu),
				"p95": persentil(waktu, 95),
				"galat": sum(1 for _t, s in data if not isinstance(s, int) or s >= 400),
				"galat_server": sum(1 for _t, s in data if not isinstance(s, int) or s >= 500),
				"per_detik": len(data) / detik if detik else 0,
			}
		)
	return baris


def tabel_markdown(baris: list[dict]) -> str:
	kepala = "| action | n | p50 (s) | p95 (s) | errors | server errors | per s |"
	garis = "|---|---:|---:|---:|---:|---:|---:|"
	isi = [
		f"| {b['aksi']} | {b['n']} | {b['p50']:.2f} | {b['p95']:.2f} | {b['galat']} | {b['galat_server']} "
		f"| {b['per_detik']:.1f} |"
		for b in baris
	]
	return "\n".join([kepala, garis, *isi])


def argumen(doc: str) -> argparse.ArgumentParser:
	"""A run's options, described by the first line of its docstring: ``--site`` (required) and what
	the run adds."""
	ap = argparse.ArgumentParser(description=doc.splitlines()[0])
	ap.add_argument("--site", required=True)
	return ap


def laporkan(nama: str, hasil: list[tuple[str, bool]]) -> int:
	"""Print each check as PASS or FAIL, then the run's last line ``<nama>: N passed, M failed``;
	the exit status."""
	for teks, ok in hasil:
		print(f"{'PASS' if ok else 'FAIL'}: {teks}")
	gagal = sum(1 for _teks, ok in hasil if not ok)
	print(f"{nama}: {len(hasil) - gagal} passed, {gagal} failed")
	return 1 if gagal else 0
