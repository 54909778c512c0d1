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
from _peladen import Sesi, di_situs, laporkan, persentil, pesan_server

HASIL: list[tuple[str, bool]] = []
DKB = "Data Kinerja Bidang"
LANGKAH = "Langkah Evaluasi"


def cek(teks: str, ok: bool) -> bool:
	HASIL.append((teks, ok))
	print(f"  {'PASS' if ok else 'FAIL'}: {teks}", flush=True)
	return ok


def judul(teks: str) -> None:
	print(f"\n## {teks}\n", flush=True)


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
	judul("Front: assets once, socket.io sticky")
	aset = {}
	for h in ("a", "b"):
		r = requests.get(f"{k.URL[h]}/login", headers={"Host": k.SITE}, timeout=60)
		aset[h] = sorted(set(re.findall(r"/assets/[^\"'?]+\.(?:js|css)", r.text)))
	print(f"  /login of host A names {len(aset['a'])} bundles, e.g. {aset['a'][:2]}")
	cek(
		f"both hosts' pages name the same built bundles ({len(aset['a'])} files)",
		bool(aset["a"]) and aset["a"] == aset["b"],
	)
	status = {u: requests.get(f"{k.URL['nginx']}{u}", timeout=60).status_code for u in aset["a"]}
	cek(
		f"nginx serves each of them from the one build ({sorted(set(status.values()))})",
		set(status.values()) == {200},
	)
	jalur = {h: (k.DIR / f"host-{h}" / "sites" / "assets").resolve() for h in ("a", "b")}
	cek(f"both hosts' sites/assets are one directory ({jalur['a']})", jalur["a"] == jalur["b"])

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
	cek(
		f"8 socket.io sessions through nginx: handshake, namespace (authenticated through nginx) and 3 "
		f"messages each, every request on its session's host ({len(gagal)} failed; requests per host {hulu})",
		not gagal and len(hulu_per_sesi) == 8,
	)
	cek(f"the sessions are spread over both hosts' socket.io servers ({sorted(hulu)})", len(hulu) == 2)


# --------------------------------------------------------------------------- replika


def _diukur(panggil, n: int = 3) -> dict:
	sebelum = {p: k.statistik(p) for p in ("primer", "replika")}
	for _ in range(n):
		r = panggil()
		if r is not None and not r.ok:
			raise SystemExit(f"{r.status_code} {r.text[:300]}")
	return {p: k.selisih(sebelum[p], k.statistik(p)) for p in ("primer", "replika")}


def _daftar_langkah(s: Sesi, filters: dict):
	return s.metode(
		None,
		"sakip_evaluasi.api.sla.daftar_langkah",
		data={
			"doctype": LANGKAH,
			"fields": json.dumps([f"`tab{LANGKAH}`.`name`"]),
			"filters": json.dumps(filters),
			"page_length": 50,
		},
	)


def replika() -> None:
	judul("Replica: reads there, writes on the primary, own writes, lag, SLA status")
	st = k.status_replika()
	cek(
		f"replica replicates the primary by GTID: IO {st.get('Slave_IO_Running')}, SQL {st.get('Slave_SQL_Running')}, "
		f"Using_Gtid {st.get('Using_Gtid')}, Gtid_IO_Pos {st.get('Gtid_IO_Pos')}",
		st.get("Slave_IO_Running") == "Yes"
		and st.get("Slave_SQL_Running") == "Yes"
		and st.get("Using_Gtid") == "Slave_Pos",
	)
	try:
		with k.db("replika", sebagai_situs=True) as c, c.cursor() as cur:
			cur.execute("update `tabDefaultValue` set defvalue = defvalue where parent = 'skala'")
		tolak = "accepted"
	except Exception as e:  # the read_only refusal is the point
		tolak = str(e)[:120]
	cek(
		f"the replica is read_only: a write as the site's user is refused ({tolak})",
		"read-only" in tolak or "1290" in tolak,
	)

	with di_situs(k.SITE):
		from sakip_evaluasi.uji import beban

		data = beban.siapkan(3, 2)
	ev, sandi = data["evaluasi"], data["sandi"]
	print(f"  caught up in {k.tunggu_replika():.2f} s after the preparation")
	url = k.URL["nginx"]
	subkor, kabid = Sesi(url, k.SITE), Sesi(url, k.SITE)
	subkor.masuk(data["pejabat"]["subkor"], sandi)
	p = data["pengguna"][0]
	kabid.masuk(p["user"], sandi)

	def laporan(nama, filters):
		return lambda: subkor.metode(
			None, "frappe.desk.query_report.run", data={"report_name": nama, "filters": json.dumps(filters)}
		)

	titik = [
		(
			"list view (frappe.desk.reportview.get)",
			True,
			lambda: subkor.metode(
				None,
				"frappe.desk.reportview.get",
				data={
					"doctype": DKB,
					"fields": json.dumps([f"`tab{DKB}`.`name`"]),
					"filters": json.dumps({"evaluasi": ev}),
				},
			),
		),
		(
			"report Kepatuhan SOP (query_report.run)",
			True,
			laporan("Kepatuhan SOP", {"kelompok": "Langkah", "tahun": 2097}),
		),
		(
			"report Rekap Capaian Kinerja (query_report.run)",
			True,
			laporan("Rekap Capaian Kinerja", {"tahun": 2097, "triwulan": "I"}),
		),
		(
			"Langkah Evaluasi list (api.sla.daftar_langkah)",
			True,
			lambda: _daftar_langkah(subkor, {"evaluasi": ev}),
		),
		(
			"SLA clocks on the form (api.sla.jam_langkah)",
			False,
			lambda: subkor.metode(None, "sakip_evaluasi.api.sla.jam_langkah", "GET", params={"evaluasi": ev}),
		),
		(
			"cycle documents (api.siklus.dokumen_evaluasi)",
			True,
			lambda: subkor.metode(
				None, "sakip_evaluasi.api.siklus.dokumen_evaluasi", "GET", params={"evaluasi": ev}
			),
		),
		(
			"Tugas Saya (api.tugas_saya.daftar)",
			True,
			lambda: kabid.metode(None, "sakip_evaluasi.api.tugas_saya.daftar", "GET"),
		),
		(
			"form load (frappe.desk.form.load.getdoc)",
			False,
			lambda: kabid.metode(
				None, "frappe.desk.form.load.getdoc", "GET", params={"doctype": DKB, "name": p["dkb"]}
			),
		),
	]
	print(
		"\n| call | marked read_only | SELECTs on the replica | SELECTs on the primary | writes on the primary |"
	)
	print("|---|---|---:|---:|---:|")
	for nama, dari_replika, panggil in titik:
		d = _diukur(panggil)
		print(
			f"| {nama} | {'yes' if dari_replika else 'no'} | {d['replika']['s']} | {d['primer']['s']} | {d['primer']['u']} |"
		)
		HASIL.append(
			(
				f"{nama}: {'served from the replica' if dari_replika else 'read from the primary'} "
				f"({d['replika']['s']} SELECTs there, 3 calls)",
				(d["replika"]["s"] > 0) == dari_replika,
			)
		)

	# a report that refuses its input, run on the replica: the user gets its message, not a 500
	r = laporan("Rekap Capaian Kinerja", {})()
	cek(
		f"a report refusing its input on the replica answers with its own message ({r.status_code}: "
		f"{pesan_server(r)[:80]!r}), not the replica's read-only error",
		r.status_code == 417 and "Pilih tahun" in pesan_server(r),
	)

	# saves: on the primary; and each seen by its author right after
	segera_form, segera_daftar, tunggu = 0, 0, []
	sebelum = {q: k.statistik(q) for q in ("primer", "replika")}
	for n in range(10):
		doc = kabid.buka(DKB, p["dkb"])
		doc["baris"][0]["kendala"] = f"Skala {n} {time.time()}"
		r = kabid.simpan(doc)
		disimpan = r.json()["docs"][0]
		form = kabid.buka(DKB, p["dkb"])
		daftar = kabid.metode(
			None,
			"frappe.desk.reportview.get",
			data={
				"doctype": DKB,
				"fields": json.dumps([f"`tab{DKB}`.`modified`"]),
				"filters": json.dumps({"name": p["dkb"]}),
			},
		).json()["message"]["values"][0][0]
		segera_form += (
			form["modified"] == disimpan["modified"]
			and form["baris"][0]["kendala"] == doc["baris"][0]["kendala"]
		)
		segera_daftar += daftar == disimpan["modified"]
		tunggu.append(k.tunggu_replika())
	d = {q: k.selisih(sebelum[q], k.statistik(q)) for q in ("primer", "replika")}
	cek(
		f"10 saves written on the primary ({d['primer']['u']} writes there), none by the site's user on the "
		f"replica ({d['replika']['u']})",
		d["primer"]["u"] > 0 and d["replika"]["u"] == 0,
	)
	cek(
		f"own write seen right after saving: the form (read from the primary) {segera_form}/10",
		segera_form == 10,
	)
	print(
		f"  the list (read from the replica) right after saving showed the save {segera_daftar}/10 times; "
		f"replica caught up within {max(tunggu) * 1000:.0f} ms (max of 10, MASTER_GTID_WAIT)"
	)

	# the SLA status while the replica lags
	from frappe.utils import add_to_date, now_datetime

	with di_situs(k.SITE) as frappe:
		from sakip_evaluasi.uji import gangguan

		langkah = gangguan.langkah_berjalan(ev)[0]
		batas = add_to_date(now_datetime(), seconds=12)
		frappe.db.sql(
			"update `tabLangkah Evaluasi` set batas_peringatan = %s, batas_waktu = %s, status_sla = 'Berjalan' where name = %s",
			(add_to_date(now_datetime(), hours=-1), batas, langkah),
		)
		frappe.db.commit()
	k.tunggu_replika()
	k.satu("replika", "STOP SLAVE SQL_THREAD")
	try:
		time.sleep(15)
		with di_situs(k.SITE) as frappe:
			from sakip_evaluasi.sla import jadwal

			jadwal.periksa()  # what the scheduled check does on the primary
			di_primer = frappe.db.get_value(LANGKAH, langkah, "status_sla")
		tersimpan = k.satu(
			"replika",
			f"select status_sla s from `{k.site_config()['db_name']}`.`tabLangkah Evaluasi` where name=%s",
			(langkah,),
		)["s"]
		tertinggal = k.transaksi_tertinggal()
		sebelum = k.statistik("replika")
		r = _daftar_langkah(subkor, {"name": langkah})
		isi = r.json()["message"]
		baris = dict(zip(isi["keys"], isi["values"][0], strict=False)) if isi else {}
		dari_replika = k.selisih(sebelum, k.statistik("replika"))["s"]
		print(
			f"  replica stopped applying: {tertinggal} transactions behind; step {langkah} stored there as "
			f"{tersimpan!r}, on the primary {di_primer!r}"
		)
		cek(
			f"SLA status right with the replica behind: the list (from the replica, {dari_replika} SELECTs) shows "
			f"{baris.get('status_sla')!r} from the clock, the replica's stored flag still {tersimpan!r}",
			baris.get("status_sla") == "Terlambat"
			and tersimpan != "Terlambat"
			and dari_replika > 0
			and tertinggal > 0,
		)
	finally:
		k.satu("replika", "START SLAVE SQL_THREAD")
	kejar = k.tunggu_replika()
	cek(
		f"the replica caught up again in {kejar:.2f} s ({k.transaksi_tertinggal()} behind, "
		f"Seconds_Behind_Master {k.status_replika().get('Seconds_Behind_Master')})",
		kejar >= 0,
	)
	with di_situs(k.SITE):
		from sakip_evaluasi.uji import beban

		beban.bersihkan()


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


def _tunggu(fungsi, batas: float, jeda: float = 2):
	akhir = time.monotonic() + batas
	while True:
		hasil = fungsi()
		if hasil or time.monotonic() > akhir:
			return hasil
		time.sleep(jeda)


def _sekarang() -> str:
	return str(k.satu("primer", "select now(6) t")["t"])


def penjadwal(jumlah: int = 10) -> None:
	judul(f"The scheduler on both hosts ({jumlah} overdue steps)")
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
	ev = data["evaluasi"]
	try:
		k.jalankan("scheduler-b", k.PENJADWAL, "b")  # the mistake: host A runs one already
		time.sleep(3)
		cek(
			"a second scheduler runs on host B beside host A's",
			bool(k.pid("scheduler-b")) and Path(f"/proc/{k.pid('scheduler-b')}").exists(),
		)
		for putaran in ("both schedulers", "two checks started at one instant from both hosts"):
			sejak = _sekarang()
			with di_situs(k.SITE):
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
			selesai = _tunggu(
				lambda: (lambda x: x["terlambat"] == n and x["tertunda"] == 0 and x["pesan"] > 0 and x)(
					_keadaan(ev, sejak)
				),
				240,
			)
			time.sleep(15)  # any second run (the other scheduler's tick, the other check) lands here
			x = _keadaan(ev, sejak)
			flip = _flip(sejak)
			if putaran.startswith("two"):
				dibalik = [
					int(m)
					for h in ("a", "b")
					for m in re.findall(r"DIBALIK (\d+)", (k.DIR / "log" / f"periksa-{h}.log").read_text())
				]
				print(f"  the two checks flipped {dibalik} (the schedulers' checks the rest)")
			cek(
				f"[{putaran}] every step flipped once: {len(flip)} of {n} steps flipped, "
				f"{sum(flip.values())} flips in all (trigger on the primary)",
				bool(selesai) and len(flip) == n and set(flip.values()) == {1},
			)
			cek(
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

	return bool(_tunggu(ping, batas, 1))


def mati() -> None:
	pengguna = int(os.environ.get("SKALA_PENGGUNA_MATI", 10))
	judul(f"Host B's gunicorn killed mid-run ({pengguna} users over nginx)")
	momen = {}
	hulu_b = f"127.0.0.1:{k.PORT['b']}"

	def bunuh_b():
		t0 = time.time()
		while time.time() - t0 < 600:
			if sum(1 for a in k.akses(t0) if "savedocs" in a["path"] and a["hulu"].startswith(hulu_b)) >= 3:
				break
			time.sleep(0.2)
		momen["t"] = time.time()
		k.bunuh("web-b")
		print(
			f"  host B's gunicorn SIGKILLed at +{momen['t'] - t0:.1f} s after the users started", flush=True
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
	cek(f"host B killed during the run ({'yes' if t_mati else 'no'})", bool(t_mati))
	cek(
		f"requests in flight failed cleanly: {len(buruk)} failed, all as nginx's 502 ({sorted(set(map(str, buruk)))}), "
		"none hung past the timeout",
		all(s == 502 for s in buruk),
	)
	cek(
		f"nginx routed on: {len(sesudah)} requests after the kill, {ke_a} answered by host A, "
		f"{sum(1 for a in sesudah if a['status'] >= '500')} failed",
		ke_a > 0 and all(a["status"] < "500" for a in sesudah),
	)
	for teks, ok in uji_beban.periksa(hasil["data"], hasil["keadaan"], catat):
		cek(f"[host B killed] {teks}", ok)
	k.jalankan("web-b", k.gunicorn("b"), "b")
	cek("host B's gunicorn started again and answers", _tunggu_ping(k.URL["b"]))


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
	judul(f"{pengguna} users: both hosts behind nginx, then host A alone")
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
		cek(
			f"[{nama}] 0 server errors ({galat_server}), 0 unexpected answers ({len(catat.aneh)})",
			galat_server == 0 and not catat.aneh,
		)
		for teks, ok in cek_db:
			cek(f"[{nama}] {teks}", ok)
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
			cek(f"step {nama} ran to its end ({type(e).__name__}: {str(e)[:200]})", False)
	print()
	return laporkan("skala", HASIL)


if __name__ == "__main__":
	sys.exit(main())
