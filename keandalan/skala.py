"""The checks of the two-host run (``keandalan/skala.sh`` stands the set-up up and calls this).

Steps (arguments, in the order given; ``skala.sh`` passes ``depan replika penjadwal mati beban``):

- ``depan``: assets built once and the same from both hosts; socket.io sessions through nginx stay
  on one host (sticky by the session cookie) and are spread over both;
- ``replika``: the replica runs (GTID) and refuses writes; which endpoints read from it (counted on
  the replica: its USER_STATISTICS for the site's database user) and that writes go to the primary;
  a user's own write seen right after saving; the replica's lag; the SLA status right while the
  replica is behind;
- ``penjadwal``: the scheduler started by mistake on host B too, beside host A's: every overdue step
  flipped once (a trigger on the primary records every change of ``status_sla``), every
  notification sent once; then two checks started at the same instant from both hosts;
- ``mati``: host B's gunicorn SIGKILLed in the middle of a load run: what was in flight fails with
  a clean 502, nginx routes on to host A, nothing acknowledged is lost; host B started again;
- ``beban``: ``SKALA_PENGGUNA`` users (the load mix of ``uji_beban.py``) over nginx (both hosts),
  then the same over host A alone: server errors, lost acknowledged writes, save p95 side by side,
  the replica's lag sampled throughout.

Run from host A's sites directory with host A's Python (``skala.sh`` does). The last line reads
``skala: N passed, M failed``.
"""

import json
import os
import re
import sys
import threading
import time
from argparse import Namespace
from pathlib import Path

import _skala as k
import requests
import uji_beban
from _peladen import di_situs, laporkan, persentil, situs_aktif, tunggu, tunggu_antrean_kosong
from _skala_replika import replika


def opsi(**lain) -> Namespace:
	dasar = {
		"site": k.SITE,
		"indikator": int(os.environ.get("SKALA_INDIKATOR", 10)),
		"putaran": int(os.environ.get("SKALA_PUTARAN", 3)),
		"bentrok": 3,
		"batas": 900.0,
		"simpan_ditolak": None,
		"keep": False,
	}
	return Namespace(**{**dasar, **lain})


# --------------------------------------------------------------------------- depan


def depan() -> None:
	k.judul("Front: assets once, socket.io sticky")
	aset = {}
	for h in ("a", "b"):
		r = requests.get(f"{k.URL[h]}/login", headers={"Host": k.SITE}, timeout=60)
		aset[h] = sorted(set(re.findall(r"/assets/[^\"'?]+\.(?:js|css)", r.text)))
	print(f"  /login of host A names {len(aset['a'])} bundles, e.g. {aset['a'][:2]}")
	k.cek(
		f"both hosts' pages name the same built bundles ({len(aset['a'])} files)",
		bool(aset["a"]) and aset["a"] == aset["b"],
	)
	status = {u: requests.get(f"{k.URL['nginx']}{u}", timeout=60).status_code for u in aset["a"]}
	k.cek(
		f"nginx serves each of them from the one build ({sorted(set(status.values()))})",
		set(status.values()) == {200},
	)
	jalur = {h: (k.DIR / f"host-{h}" / "sites" / "assets").resolve() for h in ("a", "b")}
	k.cek(f"both hosts' sites/assets are one directory ({jalur['a']})", jalur["a"] == jalur["b"])
	konf = {h: (k.DIR / f"host-{h}" / "sites" / k.SITE / "site_config.json").resolve() for h in ("a", "b")}
	k.cek(f"both hosts read one site_config.json, one encryption_key ({konf['a']})", konf["a"] == konf["b"])
	# a private file uploaded through host A, downloaded through host B with the same session
	s = requests.Session()
	s.headers["Host"] = k.SITE
	s.post(f"{k.URL['a']}/api/method/login", data={"usr": "Administrator", "pwd": "admin"}, timeout=60)
	isi = f"skala {time.time()}".encode()
	r = s.post(
		f"{k.URL['a']}/api/method/upload_file",
		files={"file": ("skala.txt", isi)},
		data={"is_private": 1},
		headers={"X-Frappe-CSRF-Token": s.cookies.get("csrf_token", "")},
		timeout=60,
	)
	url_berkas = r.json().get("message", {}).get("file_url", "") if r.ok else ""
	r = s.get(f"{k.URL['b']}{url_berkas}", timeout=60) if url_berkas else r
	k.cek(
		f"a private file uploaded through host A is downloaded through host B, same session ({url_berkas}: "
		f"{r.status_code})",
		bool(url_berkas) and r.ok and r.content == isi,
	)

	sejak = time.time()
	hulu_per_sesi, gagal = {}, []
	ns = f"/{k.SITE}"
	for i in range(8):
		s = requests.Session()
		s.headers["Origin"] = k.URL["nginx"]
		s.post(
			f"{k.URL['nginx']}/api/method/login", data={"usr": "Administrator", "pwd": "admin"}, timeout=60
		)
		dasar = f"{k.URL['nginx']}/socket.io/?EIO=4&transport=polling"
		r = s.get(f"{dasar}&t={i}", timeout=30)
		sid = json.loads(r.text[1:])["sid"] if r.ok and r.text.startswith("0") else None
		if not sid:
			gagal.append((i, "handshake", r.status_code, r.text[:80]))
			continue
		jawab = [s.post(f"{dasar}&sid={sid}", data=f"40{ns},", timeout=30)]
		jawab.append(s.get(f"{dasar}&sid={sid}", timeout=30))  # the namespace's answer (auth through nginx)
		if not jawab[-1].text.startswith(f"40{ns},"):
			gagal.append((i, "namespace", jawab[-1].status_code, jawab[-1].text[:120]))
		for n in range(3):
			jawab.append(s.post(f"{dasar}&sid={sid}", data=f'42{ns},["skala_{n}"]', timeout=30))
		if any(not j.ok for j in jawab):
			gagal.append(
				(i, "poll", [j.status_code for j in jawab], [j.text[:60] for j in jawab if not j.ok])
			)
		hulu_per_sesi[sid] = None
	hulu = {}
	for a in k.akses(sejak):
		if a["path"].startswith("/socket.io"):
			hulu.setdefault(a["hulu"], 0)
			hulu[a["hulu"]] += 1
	for g in gagal:
		print("  socket.io:", g)
	k.cek(
		f"8 socket.io sessions through nginx: handshake, namespace (authenticated through nginx) and 3 "
		f"messages each, every request on its session's host ({len(gagal)} failed; requests per host {hulu})",
		not gagal and len(hulu_per_sesi) == 8,
	)
	k.cek(f"the sessions are spread over both hosts' socket.io servers ({sorted(hulu)})", len(hulu) == 2)


# --------------------------------------------------------------------------- penjadwal

PEMICU = """CREATE TRIGGER `{db}`.skala_flip AFTER UPDATE ON `{db}`.`tabLangkah Evaluasi` FOR EACH ROW
IF NOT (NEW.status_sla <=> OLD.status_sla) THEN
INSERT INTO skala_audit.flip (langkah, lama, baru, koneksi, t)
VALUES (NEW.name, OLD.status_sla, NEW.status_sla, CONNECTION_ID(), NOW(6)); END IF"""


def _flip(sejak: str) -> dict:
	with k.db("primer") as c, c.cursor() as cur:
		cur.execute(
			"select langkah, count(*) n, count(distinct koneksi) k from skala_audit.flip "
			"where baru = 'Terlambat' and t >= %s group by langkah",
			(sejak,),
		)
		return {r["langkah"]: r["n"] for r in cur.fetchall()}


def _keadaan(ev, sejak):
	with di_situs(k.SITE):
		from sakip_evaluasi.uji import gangguan

		return gangguan.keadaan(ev, sejak)


def _sekarang() -> tuple[str, str]:
	"""Now for the trigger's rows (the database server's clock) and for Frappe's records (the site's time zone)."""
	with di_situs(k.SITE):
		from frappe.utils import now

		return str(k.satu("primer", "select now(6) t")["t"]), now()


def penjadwal(jumlah: int = 10) -> None:
	k.judul(f"The scheduler on both hosts ({jumlah} overdue steps)")
	db = k.site_config()["db_name"]
	with k.db("primer") as c, c.cursor() as cur:
		cur.execute("CREATE DATABASE IF NOT EXISTS skala_audit")
		cur.execute(
			"CREATE TABLE IF NOT EXISTS skala_audit.flip (id int auto_increment primary key, langkah varchar(140), "
			"lama varchar(40), baru varchar(40), koneksi bigint, t datetime(6))"
		)
		cur.execute(f"DROP TRIGGER IF EXISTS `{db}`.skala_flip")
		cur.execute(PEMICU.format(db=db))
	with di_situs(k.SITE):
		from sakip_evaluasi.uji import gangguan

		data = gangguan.siapkan(jumlah)
		situs_aktif()
		tunggu_antrean_kosong()  # the preparation's own jobs (e.g. the links of removed users)
	ev = data["evaluasi"]
	try:
		k.jalankan("scheduler-b", k.PENJADWAL, "b")  # the mistake: host A runs one already
		time.sleep(3)
		k.cek(
			"a second scheduler runs on host B beside host A's",
			bool(k.pid("scheduler-b")) and Path(f"/proc/{k.pid('scheduler-b')}").exists(),
		)
		for putaran in ("both schedulers", "two checks started at one instant from both hosts"):
			sejak_db, sejak = _sekarang()
			with di_situs(k.SITE) as frappe:
				if putaran.startswith("two"):  # the steps owe their messages again (as after a new deadline)
					from sakip_evaluasi.domain.sla import CATATAN_NOTIFIKASI

					kosong = ", ".join(f"`{c}` = null" for c in CATATAN_NOTIFIKASI.values())
					frappe.db.sql(f"update `tabLangkah Evaluasi` set {kosong} where evaluasi = %s", ev)
					frappe.db.commit()
				n = gangguan.jadikan_terlambat(ev)
			if putaran.startswith("two"):
				t0 = time.time() + 6
				skrip = (
					f"import time, frappe; frappe.init(site='{k.SITE}', sites_path='.'); frappe.connect(); "
					f"from sakip_evaluasi.sla import jadwal; time.sleep(max(0, {t0} - time.time())); "
					"print('DIBALIK', jadwal.periksa().terlambat, flush=True); frappe.destroy()"
				)
				for h in ("a", "b"):
					k.jalankan(f"periksa-{h}", f'../env/bin/python -c "{skrip}"', h)
			selesai = tunggu(
				lambda: (lambda x: x["terlambat"] == n and x["tertunda"] == 0 and x["pesan"] > 0 and x)(
					_keadaan(ev, sejak)
				),
				240,
				2,
			)
			time.sleep(15)  # any second run (the other scheduler's tick, the other check) lands here
			x = _keadaan(ev, sejak)
			flip = _flip(sejak_db)
			if putaran.startswith("two"):
				dibalik = [
					int(m)
					for h in ("a", "b")
					for m in re.findall(r"DIBALIK (\d+)", (k.DIR / "log" / f"periksa-{h}.log").read_text())
				]
				print(f"  the two checks flipped {dibalik} (the schedulers' checks the rest)")
			k.cek(
				f"[{putaran}] every step flipped once: {len(flip)} of {n} steps flipped, "
				f"{sum(flip.values())} flips in all (trigger on the primary)",
				bool(selesai) and len(flip) == n and set(flip.values()) == {1},
			)
			k.cek(
				f"[{putaran}] every notification sent once: {x['pesan']} Notification Logs, {x['pesan_unik']} distinct, "
				f"{len(x['ganda'])} twice; {x['tertunda']} still flagged; Error Log {x['error_log']}",
				x["pesan"] == x["pesan_unik"]
				and not x["ganda"]
				and x["tertunda"] == 0
				and not x["error_log"],
			)
		jalan = {h: (k.DIR / "log" / f"worker-{h}.log").read_text().count("periksa_sla") for h in ("a", "b")}
		print(f"  the SLA check's job in each host's worker log: {jalan}")
	finally:
		k.hentikan("scheduler-b")
		for h in ("a", "b"):
			k.hentikan(f"periksa-{h}")
		with k.db("primer") as c, c.cursor() as cur:
			cur.execute(f"DROP TRIGGER IF EXISTS `{db}`.skala_flip")
			cur.execute("DROP DATABASE IF EXISTS skala_audit")
		with di_situs(k.SITE):
			gangguan.bersihkan()


# --------------------------------------------------------------------------- mati


def _tunggu_ping(url: str, batas: float = 120) -> bool:
	def ping():
		try:
			return requests.get(f"{url}/api/method/ping", headers={"Host": k.SITE}, timeout=5).ok
		except requests.RequestException:
			return False

	return bool(tunggu(ping, batas, 1))


def mati() -> None:
	pengguna = int(os.environ.get("SKALA_PENGGUNA_MATI", 10))
	k.judul(f"Host B's gunicorn killed mid-run ({pengguna} users over nginx)")
	momen = {}
	hulu_b = f"127.0.0.1:{k.PORT['b']}"

	def bunuh_b():
		t0 = time.time()
		while time.time() - t0 < 600:
			if sum(1 for a in k.akses(t0) if "savedocs" in a["path"] and a["hulu"].startswith(hulu_b)) >= 3:
				break
			time.sleep(0.2)
		# nginx keeps no idle connection to a host: one established to host B's port is a request in flight
		while time.time() - t0 < 600 and not k.dalam_proses(k.PORT["b"]):
			time.sleep(0.02)
		momen["t"] = time.time()
		momen["dalam_proses"] = k.dalam_proses(k.PORT["b"])
		k.bunuh("web-b")
		print(
			f"  host B's gunicorn SIGKILLed at +{momen['t'] - t0:.1f} s after the users started, "
			f"{momen['dalam_proses']} requests in flight to it",
			flush=True,
		)

	sejak = time.time()
	hasil = uji_beban.jalankan_tingkat(opsi(putaran=2, bentrok=1), k.URL["nginx"], pengguna, selama=bunuh_b)
	catat = hasil["catat"]
	semua = [(t, s) for data in catat.waktu.values() for t, s in data]
	buruk = [s for _t, s in semua if not isinstance(s, int) or s >= 500]
	log = k.akses(sejak)
	t_mati = momen.get("t", 0)
	gagal_ngx = [a for a in log if a["status"].startswith("5")]
	sesudah = [a for a in log if a["t"] > t_mati + 1]
	ke_a = sum(1 for a in sesudah if a["hulu"].endswith(f":{k.PORT['a']}") and a["status"] < "500")
	print(
		f"  nginx: {len(gagal_ngx)} answers 5xx {[(a['metode'], a['path'][-40:], a['status'], a['hulu']) for a in gagal_ngx][:6]}"
	)
	k.cek(f"host B killed during the run ({'yes' if t_mati else 'no'})", bool(t_mati))
	k.cek(
		f"requests in flight failed cleanly: {len(buruk)} failed, all as nginx's 502 ({sorted(set(map(str, buruk)))}), "
		"none hung past the timeout",
		all(s == 502 for s in buruk),
	)
	k.cek(
		f"nginx routed on: {len(sesudah)} requests after the kill, {ke_a} answered by host A, "
		f"{sum(1 for a in sesudah if a['status'] >= '500')} failed",
		ke_a > 0 and all(a["status"] < "500" for a in sesudah),
	)
	for teks, ok in uji_beban.periksa(hasil["data"], hasil["keadaan"], catat):
		k.cek(f"[host B killed] {teks}", ok)
	k.jalankan("web-b", k.gunicorn("b"), "b")
	k.cek("host B's gunicorn started again and answers", _tunggu_ping(k.URL["b"]))


# --------------------------------------------------------------------------- beban


def _lag(berhenti: threading.Event, contoh: list) -> None:
	while not berhenti.is_set():
		try:
			st = k.status_replika()
			contoh.append((k.transaksi_tertinggal(), st.get("Seconds_Behind_Master")))
		except Exception as e:  # a sample lost is not a finding
			contoh.append((None, repr(e)[:60]))
		berhenti.wait(2)


def beban() -> None:
	pengguna = int(os.environ.get("SKALA_PENGGUNA", 50))
	k.judul(f"{pengguna} users: both hosts behind nginx, then host A alone")
	baris = []
	for nama, url in (("two hosts (nginx)", k.URL["nginx"]), ("one host (A alone)", k.URL["a"])):
		contoh, berhenti = [], threading.Event()
		pengamat = threading.Thread(target=_lag, args=(berhenti, contoh), daemon=True)
		sebelum = {q: k.statistik(q) for q in ("primer", "replika")}
		pengamat.start()
		hasil = uji_beban.jalankan_tingkat(opsi(), url, pengguna)
		berhenti.set()
		pengamat.join()
		d = {q: k.selisih(sebelum[q], k.statistik(q)) for q in ("primer", "replika")}
		catat = hasil["catat"]
		waktu = {a: [t for t, _s in v] for a, v in catat.waktu.items()}
		galat_server = sum(b["galat_server"] for b in hasil["baris"])
		cek_db = uji_beban.periksa(hasil["data"], hasil["keadaan"], catat)
		hilang = re.search(r"\((\d+) of (\d+)", cek_db[0][0]).groups()
		lag = [c[0] for c in contoh if c[0] is not None]
		detik = [c[1] for c in contoh if isinstance(c[1], int)]
		baris.append(
			{
				"nama": nama,
				"n": sum(len(v) for v in waktu.values()),
				"detik": hasil["detik"],
				"galat_server": galat_server,
				"aneh": len(catat.aneh),
				"hilang": hilang,
				"simpan": waktu.get("simpan Data Kinerja Bidang", []),
				"polos": waktu.get("simpan dokumen polos", []),
				"daftar": waktu.get("daftar", []),
				"replika_s": d["replika"]["s"],
				"primer_u": d["primer"]["u"],
				"lag": (max(lag) if lag else None, max(detik) if detik else None),
			}
		)
		k.cek(
			f"[{nama}] 0 server errors ({galat_server}), 0 unexpected answers ({len(catat.aneh)})",
			galat_server == 0 and not catat.aneh,
		)
		for teks, ok in cek_db:
			k.cek(f"[{nama}] {teks}", ok)
	print(
		"\n| setup | requests | s | server errors | lost acknowledged fields | save DKB p50 / p95 (s) | "
		"save plain p95 (s) | list p95 (s) | SELECTs on replica | writes on primary | replica lag max (trx / s) |"
	)
	print("|---|---:|---:|---:|---|---|---:|---:|---:|---:|---|")
	for b in baris:
		print(
			f"| {b['nama']} | {b['n']} | {b['detik']:.0f} | {b['galat_server']} | {b['hilang'][0]} of {b['hilang'][1]} "
			f"| {persentil(b['simpan'], 50):.2f} / {persentil(b['simpan'], 95):.2f} | {persentil(b['polos'], 95):.2f} "
			f"| {persentil(b['daftar'], 95):.2f} | {b['replika_s']} | {b['primer_u']} | {b['lag'][0]} / {b['lag'][1]} |"
		)
	print(json.dumps({"pengguna": pengguna, "putaran": opsi().putaran, "indikator": opsi().indikator}))


LANGKAH_RUN = {"depan": depan, "replika": replika, "penjadwal": penjadwal, "mati": mati, "beban": beban}


def main() -> int:
	sys.path.insert(0, str(Path(__file__).parent))
	for nama in sys.argv[1:] or list(LANGKAH_RUN):
		try:
			LANGKAH_RUN[nama]()
		except Exception as e:  # one step's crash is reported, the others still run
			import traceback

			traceback.print_exc()
			k.cek(f"step {nama} ran to its end ({type(e).__name__}: {str(e)[:200]})", False)
	print()
	return laporkan("skala", k.HASIL)


if __name__ == "__main__":
	sys.exit(main())
