"""Load over real HTTP: the end of a quarter, every Kabid entering and uploading at once.

Starts a production-like server on 127.0.0.1 (gunicorn with ``--workers`` workers, an RQ worker and
the scheduler: ``_peladen.server``), and for each level of ``--users`` concurrent users:

- prepares a committed cycle at step 5 (``sakip_evaluasi.uji.beban``): one Data Kinerja Bidang per
  Kabid with ``--indikator`` rows, and beside each a plain document of the same shape (a DocType the
  run creates with the same fields and rows and no hooks);
- **two saves of one document at once** (``--bentrok`` pairs, a barrier between two sessions of the
  same Kabid): exactly one is accepted, the other gets Frappe's "document has been modified"
  (TimestampMismatchError), never a silent overwrite;
- four users in five are Kabid: ``--putaran`` rounds of open their Data Kinerja Bidang, save
  realisasi and kendala (the form's save), open and save the plain twin with the same change,
  download the work paper and upload it filled; then submit (*Ajukan*). One in five is an official
  (Subkoordinator, Sekretaris, Kepala Dinas in turn): list, open, and the Subkoordinator accepts
  (*Terima*) or returns (reason, *Kembalikan*) what was submitted, until every Kabid is done;
- then reads the database back: every field equals the last acknowledged write, every state the
  last acknowledged transition; no error logged.

Run as the bench user from the bench's ``sites`` directory, on a throw-away site (it sets the
officials' passwords and commits its data, removed at the end unless ``--keep``):

    cd ~/frappe-bench/sites && ../env/bin/python /path/to/keandalan/uji_beban.py --site SITE

Bounded: ``--putaran`` rounds per Kabid, ``--batas`` seconds per level, a timeout per request. Prints
a Markdown table per level; the last line reads ``beban: N passed, M failed``.
"""

import argparse
import json
import random
import sys
import threading
import time
from io import BytesIO
from pathlib import Path

from _peladen import Sesi, di_situs, pesan_server, ringkas, server, tabel_markdown, tunggu_antrean_kosong
from openpyxl import load_workbook

DKB = "Data Kinerja Bidang"
POLOS = "Uji Beban Polos"
UNDUH = "sakip_evaluasi.api.kertas_kerja.unduh"
IMPOR = "sakip_evaluasi.api.kertas_kerja.impor"
BENTROK = "TimestampMismatchError"


class Catatan:
	"""What the run acknowledged, per document: row values and workflow state, with the moment of
	the acknowledgement (the last one wins); and the unexpected answers."""

	def __init__(self):
		self.kunci = threading.Lock()
		self.waktu: dict = {}  # action → [(seconds, status)]
		self.baris: dict = {}  # doc name → {row name: {"realisasi", "kendala"}}
		self.status: dict = {}  # doc name → (moment, state)
		self.aneh: list = []  # (action, status, message)
		self.bentrok: list = []  # (doc, statuses, messages)
		self.folder_ditolak = None  # where a refused upload's files are kept (--simpan-ditolak)

	def tulis(self, doc: str, baris: dict) -> None:
		with self.kunci:
			self.baris.setdefault(doc, {}).update({k: dict(v) for k, v in baris.items()})

	def keadaan(self, doc: str, state: str) -> None:
		with self.kunci:
			self.status[doc] = (time.monotonic(), state)

	def tidak_terduga(self, aksi: str, r) -> None:
		pesan = pesan_server(r)
		if r.ok:  # an upload answered with its refusal
			hasil = r.json().get("message") or {}
			pesan = f"{hasil.get('pesan')} {[k.get('pesan') for k in hasil.get('kesalahan', [])][:3]}"
		with self.kunci:
			self.aneh.append((aksi, r.status_code, pesan[:300]))


def isi_baris(doc: dict, putaran: int, user: str) -> dict:
	"""Change every row of ``doc`` (in place): a realisasi and kendala unique to this write."""
	baru = {}
	for i, row in enumerate(doc["baris"]):
		row["realisasi"] = str(100 * (putaran + 1) + i)
		row["kendala"] = f"Kendala {user} putaran {putaran} baris {i}"
		baru[row["name"]] = {"realisasi": row["realisasi"], "kendala": row["kendala"]}
	return baru


def isi_kertas_kerja(isi: bytes, putaran: int) -> tuple[bytes, dict]:
	"""The downloaded work paper filled as a Kabid would: a new realisasi in every row (column F),
	keyed by the row key (column I)."""
	wb = load_workbook(BytesIO(isi))
	ws = next(ws for ws in wb.worksheets if ws.sheet_state == "visible" and ws["I1"].value)
	baru = {}
	for r in range(2, ws.max_row + 1):
		kunci = ws[f"I{r}"].value
		if kunci:
			ws[f"F{r}"] = 5000 + 100 * putaran + r
			baru[kunci] = str(5000 + 100 * putaran + r)
	keluaran = BytesIO()
	wb.save(keluaran)
	return keluaran.getvalue(), baru


def kabid(url, site, p, polos, sandi, putaran, catat: Catatan, mulai, akhir, selesai):
	s = Sesi(url, site, catat.waktu)
	try:
		s.masuk(p["user"], sandi)
		mulai.wait(timeout=120)
		for n in range(putaran):
			if time.monotonic() > akhir:
				break
			doc = s.buka(DKB, p["dkb"], "buka Data Kinerja Bidang")
			baru = isi_baris(doc, n, p["user"])
			r = s.simpan(doc, "simpan Data Kinerja Bidang")
			catat.tulis(p["dkb"], baru) if r.ok else catat.tidak_terduga("simpan Data Kinerja Bidang", r)
			twin = s.buka(POLOS, polos, "buka dokumen polos")
			baru = isi_baris(twin, n, p["user"])
			r = s.simpan(twin, "simpan dokumen polos")
			catat.tulis(polos, baru) if r.ok else catat.tidak_terduga("simpan dokumen polos", r)
			r = s.metode("unduh kertas kerja", UNDUH, "GET", params={"doctype": DKB, "docname": p["dkb"]})
			if not r.ok:
				catat.tidak_terduga("unduh kertas kerja", r)
				continue
			unduhan = r
			isi, baru = isi_kertas_kerja(r.content, n)
			r = s.metode(
				"unggah kertas kerja",
				IMPOR,
				data={"doctype": DKB, "docname": p["dkb"]},
				files={"file": ("kertas_kerja.xlsx", isi)},
			)
			if r.ok and r.json()["message"]["berhasil"]:
				catat.tulis(p["dkb"], {k: {"realisasi": v} for k, v in baru.items()})
			else:
				catat.tidak_terduga("unggah kertas kerja", r)
				if catat.folder_ditolak:  # the downloaded and the uploaded file, to look at
					for nama, data in (("unduh", unduhan.content), ("unggah", isi)):
						(catat.folder_ditolak / f"{p['dkb']}-{n}-{nama}.xlsx").write_bytes(data)
		doc = s.buka(DKB, p["dkb"], "buka Data Kinerja Bidang")
		r = s.aksi_alur(doc, "Ajukan", "ajukan")
		catat.keadaan(p["dkb"], "Diajukan") if r.ok else catat.tidak_terduga("ajukan", r)
	except Exception as e:  # a broken session is a finding, not a crash of the run
		with catat.kunci:
			catat.aneh.append(("kabid", p["user"], repr(e)[:300]))
	finally:
		selesai.release()


def pejabat(url, site, user, sandi, evaluasi, catat: Catatan, mulai, akhir, semua_selesai):
	s = Sesi(url, site, catat.waktu)
	acak = random.Random(user)
	try:
		s.masuk(user, sandi)
		mulai.wait(timeout=120)
		subkor = "subkor" in user
		while time.monotonic() < akhir:
			diajukan = s.daftar(DKB, {"evaluasi": evaluasi, "workflow_state": "Diajukan"}, "daftar")
			if not diajukan:
				if semua_selesai():
					return
				s.buka("Evaluasi Kinerja Internal", evaluasi, "buka evaluasi")
				time.sleep(0.5)
				continue
			doc = s.buka(DKB, acak.choice(diajukan)["name"], "buka (pejabat)")
			if not subkor:
				time.sleep(0.2)
				continue
			if acak.random() < 0.7:
				r = s.aksi_alur(doc, "Terima", "terima")
				catat.keadaan(doc["name"], "Diterima") if r.ok else _bentrok_atau_aneh(catat, "terima", r)
				continue
			doc["alasan_dikembalikan"] = f"Mohon periksa bukti dukung ({doc['name']})"
			r = s.simpan(doc, "simpan alasan")
			if not r.ok:
				_bentrok_atau_aneh(catat, "simpan alasan", r)
				continue
			r = s.aksi_alur(r.json()["docs"][0], "Kembalikan", "kembalikan")
			catat.keadaan(doc["name"], "Dikembalikan") if r.ok else _bentrok_atau_aneh(catat, "kembalikan", r)
	except Exception as e:
		with catat.kunci:
			catat.aneh.append(("pejabat", user, repr(e)[:300]))


def _bentrok_atau_aneh(catat: Catatan, aksi: str, r) -> None:
	"""Two officials acting on one document at once: the later one is told it changed (expected)."""
	pesan = pesan_server(r)
	if r.status_code == 417 and (
		BENTROK in pesan or "tidak dapat" in pesan or "not a valid" in pesan.lower()
	):
		return
	if r.status_code == 403 and "berstatus" in pesan:  # another official already moved it on
		return
	catat.tidak_terduga(aksi, r)


def dua_simpan_sekaligus(url, site, p, sandi, catat: Catatan) -> tuple:
	"""Two sessions of one Kabid open the same document, then save different values at the same
	instant: (statuses, messages)."""
	sesi = [Sesi(url, site) for _ in range(2)]
	docs = []
	for s in sesi:
		s.masuk(p["user"], sandi)
		docs.append(s.buka(DKB, p["dkb"]))
	baru = [isi_baris(doc, 90 + i, f"sesi{i}") for i, doc in enumerate(docs)]
	gerbang = threading.Barrier(2)
	hasil = [None, None]

	def simpan(i):
		gerbang.wait(timeout=60)
		hasil[i] = sesi[i].simpan(docs[i])

	threads = [threading.Thread(target=simpan, args=(i,)) for i in range(2)]
	for t in threads:
		t.start()
	for t in threads:
		t.join(180)
	for i, r in enumerate(hasil):
		if r is not None and r.ok:
			catat.tulis(p["dkb"], baru[i])
	status = tuple(r.status_code if r is not None else None for r in hasil)
	pesan = tuple(pesan_server(r)[:160] if r is not None and not r.ok else "" for r in hasil)
	catat.bentrok.append((p["dkb"], status, pesan))
	return status, pesan


def periksa(data, keadaan, catat: Catatan) -> list[tuple[str, bool]]:
	"""The database against what was acknowledged."""
	hilang = []
	for doc, baris in catat.baris.items():
		db = keadaan["dkb"].get(doc) or keadaan["polos"].get(doc) or {}
		for row, nilai in baris.items():
			for kolom, v in nilai.items():
				if str(db.get(row, {}).get(kolom)) != v:
					hilang.append((doc, row, kolom, v, db.get(row, {}).get(kolom)))
	for contoh in hilang[:5]:
		print("  lost write:", contoh)
	status_salah = [
		(doc, st, keadaan["status"].get(doc))
		for doc, (_t, st) in catat.status.items()
		if keadaan["status"].get(doc) != st
	]
	for contoh in status_salah[:5]:
		print("  state not the last acknowledged:", contoh)
	bentrok_ok = all(sorted(s) == [200, 417] and BENTROK in "".join(m) for _d, s, m in catat.bentrok)
	n_kolom = sum(len(v) for b in catat.baris.values() for v in b.values())
	return [
		(f"0 lost writes ({len(hilang)} of {n_kolom} acknowledged fields differ)", not hilang),
		(f"every state is the last acknowledged transition ({len(status_salah)} differ)", not status_salah),
		(
			f"two saves of one document at once: one accepted, one told '{BENTROK}' "
			f"({[s for _d, s, _m in catat.bentrok]})",
			bool(catat.bentrok) and bentrok_ok,
		),
		(f"no error logged on the server ({keadaan['error_log']})", keadaan["error_log"] == 0),
	]


def jalankan_tingkat(args, url, pengguna: int, selama=None) -> dict:
	"""One level: prepare, the simultaneous save pairs, ``pengguna`` users over ``url``, the database
	read back. ``selama`` (optional) is called in a thread as the users start (e.g. a fault to inject).
	Returns the record (``catat``), what the database holds (``keadaan``), the per-action summary
	(``baris``), the seconds of the load (``detik``) and the prepared data (``data``)."""
	n_pejabat = max(1, pengguna // 5)
	n_kabid = pengguna - n_pejabat
	t0 = time.perf_counter()
	with di_situs(args.site):
		from sakip_evaluasi.uji import beban

		data = beban.siapkan(n_kabid, args.indikator)
		tunggu_antrean_kosong()  # the jobs the preparation queued (e.g. a Contact per new user)
	print(
		f"\n## {pengguna} concurrent users ({n_kabid} Kabid, {n_pejabat} officials), "
		f"{args.indikator} indicators each, over {url} — prepared in {time.perf_counter() - t0:.0f} s"
	)
	catat = Catatan()
	if args.simpan_ditolak:
		catat.folder_ditolak = Path(args.simpan_ditolak)
		catat.folder_ditolak.mkdir(parents=True, exist_ok=True)
	for p in data["pengguna"][: args.bentrok]:
		dua_simpan_sekaligus(url, args.site, p, data["sandi"], catat)
	sandi, evaluasi = data["sandi"], data["evaluasi"]
	mulai = threading.Barrier(pengguna)
	selesai = threading.Semaphore(0)
	jumlah_selesai = [0]

	def semua_selesai():
		while selesai.acquire(blocking=False):
			jumlah_selesai[0] += 1
		return jumlah_selesai[0] >= n_kabid

	akhir = time.monotonic() + args.batas
	pejabat_user = list(data["pejabat"].values())
	threads = [
		threading.Thread(
			target=kabid,
			args=(
				url,
				args.site,
				p,
				data["polos"][p["dkb"]],
				sandi,
				args.putaran,
				catat,
				mulai,
				akhir,
				selesai,
			),
		)
		for p in data["pengguna"]
	] + [
		threading.Thread(
			target=pejabat,
			args=(
				url,
				args.site,
				pejabat_user[[2, 1, 0][i % 3]],
				sandi,
				evaluasi,
				catat,
				mulai,
				akhir,
				semua_selesai,
			),
		)
		for i in range(n_pejabat)
	]
	if selama:
		threads.append(threading.Thread(target=selama, daemon=True))
	t0 = time.perf_counter()
	for t in threads:
		t.start()
	for t in threads:
		t.join(args.batas + 300)
	detik = time.perf_counter() - t0
	with di_situs(args.site):
		from sakip_evaluasi.uji import beban, serentak

		tunggu_antrean_kosong()
		keadaan = beban.keadaan(evaluasi, list(data["polos"].values()))
		keadaan["error_log"] = serentak.keadaan(evaluasi, data["sejak"])["error_log"]
		if not args.keep:
			beban.bersihkan()
	baris = ringkas(catat.waktu, detik)
	print(f"\n{detik:.0f} s, {sum(b['n'] for b in baris) / detik:.1f} requests/s in all\n")
	print(tabel_markdown(baris))
	for aneh in catat.aneh[:10]:
		print("  unexpected:", aneh)
	return {"catat": catat, "keadaan": keadaan, "baris": baris, "detik": detik, "data": data}


def satu_tingkat(args, url, pengguna: int) -> list[tuple[str, bool]]:
	hasil = jalankan_tingkat(args, url, pengguna)
	catat, baris = hasil["catat"], hasil["baris"]
	p95 = {b["aksi"]: b["p95"] for b in baris}
	rasio = p95["simpan Data Kinerja Bidang"] / p95["simpan dokumen polos"]
	print(
		f"\nsave p95: Data Kinerja Bidang {p95['simpan Data Kinerja Bidang']:.2f} s, plain document "
		f"{p95['simpan dokumen polos']:.2f} s: {rasio:.2f}×"
	)
	galat_server = sum(b["galat_server"] for b in baris)
	return [
		(f"[{pengguna}] 0 server errors ({galat_server})", galat_server == 0),
		(f"[{pengguna}] no unexpected answer ({len(catat.aneh)})", not catat.aneh),
		*[(f"[{pengguna}] {t}", ok) for t, ok in periksa(hasil["data"], hasil["keadaan"], catat)],
		(
			f"[{pengguna}] Data Kinerja Bidang save p95 within 1.5× the plain save ({rasio:.2f}×)",
			rasio <= 1.5,
		),
	]


def main() -> int:
	ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	ap.add_argument("--site", required=True)
	ap.add_argument("--users", default="10,25,50", help="concurrent users per level, comma-separated")
	ap.add_argument("--workers", type=int, default=4)
	ap.add_argument("--port", type=int, default=8030)
	ap.add_argument("--putaran", type=int, default=3, help="rounds of open/save/upload per Kabid")
	ap.add_argument("--indikator", type=int, default=10, help="indicator rows per Data Kinerja Bidang")
	ap.add_argument("--bentrok", type=int, default=3, help="pairs of simultaneous saves per level")
	ap.add_argument("--batas", type=float, default=600, help="seconds per level at most")
	ap.add_argument("--simpan-ditolak", help="a folder to keep the files of a refused upload in")
	ap.add_argument("--keep", action="store_true", help="leave the last level's data on the site")
	args = ap.parse_args()

	hasil = []
	with server(args.site, args.port, args.workers, latar=True, nama_log="uji-beban") as (url, _latar):
		for pengguna in [int(n) for n in args.users.split(",")]:
			hasil += satu_tingkat(args, url, pengguna)
	print()
	for teks, ok in hasil:
		print(f"{'PASS' if ok else 'FAIL'}: {teks}")
	gagal = sum(1 for _t, ok in hasil if not ok)
	print(f"beban: {len(hasil) - gagal} passed, {gagal} failed")
	print(json.dumps({"workers": args.workers, "putaran": args.putaran, "indikator": args.indikator}))
	return 1 if gagal else 0


if __name__ == "__main__":
	sys.exit(main())
