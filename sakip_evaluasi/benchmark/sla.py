"""SLA benchmark: the scheduled check on 1,000 … 100,000 running steps (a script, not a test).

Run it on a throw-away site (it commits, and cleans up after itself)::

    bench --site sla.localhost execute sakip_evaluasi.benchmark.sla.jalankan
    bench --site sla.localhost execute sakip_evaluasi.benchmark.sla.jalankan --kwargs "{'jumlah': '1000,10000'}"

For each N it fills the site with N running steps (1 % of them past their deadline) and times:

- **floor**: one plain indexed UPDATE that flips the same rows to Terlambat;
- **marking**: the check's own marking (``jadwal.periksa`` without hand-off: both UPDATEs);
- **per-document loop**: what ERPNext and Helpdesk do — load every running step, recompute, save.
  Above ``sampel`` steps it is timed on a sample and scaled (the output says so);
- **hand-off**: handing the notifications to Frappe's background queue (one deduplicated job),
  reported per notification; then the background job itself, per notification, which the check
  never waits for;
- **growth**: the marking with N running steps of which only 10 change state;
- **concurrency**: two processes run check + notification job at the same moment on the same rows.

Each timing except the loop is the median of ``ulang`` runs, each rolled back.
"""

import multiprocessing
import os
import platform
import statistics
import time
from datetime import timedelta

import frappe
from frappe.utils import now_datetime

from sakip_evaluasi.benchmark.dasar import OPD_BENCH, pastikan_opd, pastikan_pengguna
from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.doctype import LANGKAH
from sakip_evaluasi.domain.penamaan import nama_evaluasi
from sakip_evaluasi.domain.peran import KEPALA_BIDANG, KEPALA_DINAS, SEKRETARIS, SUBKOOR
from sakip_evaluasi.extends.surel import surel_keluar_aktif
from sakip_evaluasi.sla import jadwal, notifikasi

TAHUN, TRIWULAN = 2099, "IV"
PELAKSANA = "sla.bench.pelaksana@example.com"
ATASAN = "sla.bench.atasan@example.com"
AKUN_SUREL = "SLA Benchmark"


def jalankan(jumlah: str = "1000,10000,100000", sampel: int = 2000, ulang: int = 5) -> None:
	ns = [int(n) for n in str(jumlah).split(",") if n.strip()]
	_siapkan()
	try:
		print(_kepala())
		print(
			"| running steps | changing | floor UPDATE | marking | marking / floor "
			"| per-document loop | loop / marking | hand-off per notification | job per notification |"
		)
		print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
		for n in ns:
			print(_baris(_ukur(n, max(1, n // 100), sampel, ulang)))
		print(
			"\nGrowth — the same 10 steps change state among more and more running steps:\n\n"
			"| running steps | changing | floor UPDATE | marking | access path of the marking |\n"
			"|---:|---:|---:|---:|---|"
		)
		for n in ns:
			h = _ukur(n, 10, 0, ulang, lengkap=False)
			print(
				f"| {n:,} | 10 | {h['floor'] * 1000:.2f} ms | {h['marking'] * 1000:.2f} ms | {h['rencana']} |"
			)
		print("\n" + _bersamaan(min(ns[-1], 10000)))
	finally:
		_bersihkan(semua=True)


# --------------------------------------------------------------------------- one size


def _ukur(n: int, berubah: int, sampel: int, ulang: int, lengkap: bool = True) -> dict:
	sekarang = now_datetime()
	_isi(n, berubah, sekarang)
	hasil = {"n": n, "berubah": berubah, "rencana": _rencana_akses(sekarang)}
	_waktu(lambda: _floor(sekarang), berubah)  # warm-up, not counted
	_waktu(lambda: _marking(sekarang), berubah)
	floor, marking = [], []
	for _ in range(ulang):
		floor.append(_waktu(lambda: _floor(sekarang), berubah))
		marking.append(_waktu(lambda: _marking(sekarang), berubah))
	hasil["floor"], hasil["marking"] = statistics.median(floor), statistics.median(marking)
	if lengkap:
		hasil.update(_loop(n, sampel, sekarang))
		hasil.update(_penyerahan(sekarang, berubah))
	_bersihkan()
	return hasil


def _waktu(fn, harapan: int) -> float:
	frappe.db.commit()
	t0 = time.perf_counter()
	jumlah = fn()
	detik = time.perf_counter() - t0
	frappe.db.rollback()
	if jumlah != harapan:
		raise AssertionError(f"flipped {jumlah} rows, expected {harapan}")
	return detik


def _floor(sekarang) -> int:
	frappe.db.sql(
		"""update `tabLangkah Evaluasi` set status_sla = 'Terlambat'
		where status_sla in ('Berjalan', 'Hampir Jatuh Tempo') and batas_waktu < %s""",
		sekarang,
	)
	return jadwal._baris_terubah()


def _rencana_akses(sekarang) -> str:
	"""EXPLAIN of the marking's two UPDATEs: index used and rows MariaDB expects to read."""
	bagian = []
	for sql in (
		"""explain update `tabLangkah Evaluasi` set status_sla = 'Terlambat', notifikasi_tertunda = 1
		where status_sla in ('Berjalan', 'Hampir Jatuh Tempo') and batas_waktu < %(t)s""",
		"""explain update `tabLangkah Evaluasi` set status_sla = 'Hampir Jatuh Tempo', notifikasi_tertunda = 1
		where status_sla = 'Berjalan' and batas_peringatan <= %(t)s and batas_waktu >= %(t)s""",
	):
		r = frappe.db.sql(sql, {"t": sekarang}, as_dict=True)[0]
		bagian.append(f"{r['type']} on `{r['key']}`, ~{r['rows']} rows")
	return "; ".join(bagian)


def _marking(sekarang) -> int:
	return jadwal.periksa(sekarang, commit=False, serahkan_notifikasi=False).berubah


def _loop(n: int, sampel: int, sekarang) -> dict:
	"""ERPNext / Helpdesk style: load every running step, recompute its status, save it."""
	batas = n if n <= sampel else sampel
	names = frappe.get_all(
		LANGKAH,
		filters={"name": ("like", f"{_evaluasi()}-B%")},
		pluck="name",
		order_by="name asc",
		limit=batas,
	)
	frappe.db.commit()
	t0 = time.perf_counter()
	for name in names:
		doc = frappe.get_doc(LANGKAH, name)
		doc.status_sla = sla.status_pada(sekarang, doc.batas_waktu, doc.batas_peringatan, doc.selesai)
		doc.flags.ignore_permissions = True
		doc.save()
	detik = time.perf_counter() - t0
	frappe.db.rollback()
	return {"loop": detik * n / len(names), "loop_sampel": len(names) < n, "loop_n": len(names)}


def _penyerahan(sekarang, berubah: int) -> dict:
	"""A real check with hand-off, then the background job run here to time it."""
	hasil = jadwal.periksa(sekarang, commit=True, serahkan_notifikasi=True)
	_hapus_job()
	pesan = 2 * berubah  # holder + superior for every step that became Terlambat
	t0 = time.perf_counter()
	terkirim = notifikasi.kirim_tertunda(commit=True)
	job = time.perf_counter() - t0
	if terkirim != pesan:
		raise AssertionError(f"sent {terkirim} notifications, expected {pesan}")
	return {
		"diserahkan": hasil.diserahkan,
		"penyerahan": hasil.detik_penyerahan / pesan,
		"job": job / pesan,
		"pesan": pesan,
	}


# --------------------------------------------------------------------------- two workers at once


def _bersamaan(n: int) -> str:
	berubah = max(1, n // 100)
	_isi(n, berubah, now_datetime())
	frappe.db.commit()
	konteks = multiprocessing.get_context("spawn")
	mulai = konteks.Barrier(2)
	hasil = konteks.Queue()
	pekerja = [
		konteks.Process(
			target=_pekerja, args=(frappe.local.site, os.path.abspath(frappe.local.sites_path), mulai, hasil)
		)
		for _ in range(2)
	]
	for p in pekerja:
		p.start()
	for p in pekerja:
		p.join(600)
	per_pekerja = [hasil.get(timeout=5) for _ in pekerja]
	frappe.db.rollback()
	log = frappe.db.sql(
		"""select count(*), count(distinct for_user, document_name) from `tabNotification Log`
		where document_type = %s and document_name like %s""",
		(LANGKAH, f"{_evaluasi()}-%"),
	)[0]
	_bersihkan()
	ditandai = sum(p[0] for p in per_pekerja)
	return (
		f"Concurrency: two processes ran the check and the notification job at the same moment on "
		f"{n:,} running steps ({berubah} overdue): flipped {ditandai} rows in total "
		f"({' + '.join(str(p[0]) for p in per_pekerja)}), sent {sum(p[1] for p in per_pekerja)} notifications "
		f"({' + '.join(str(p[1]) for p in per_pekerja)}); Notification Log rows {log[0]}, distinct "
		f"(user, step) {log[1]}, expected {2 * berubah}."
	)


def _pekerja(site: str, sites_path: str, mulai, hasil) -> None:
	frappe.init(site=site, sites_path=sites_path)
	frappe.connect()
	try:
		mulai.wait()
		pemeriksaan = jadwal.periksa(commit=True, serahkan_notifikasi=False)
		terkirim = notifikasi.kirim_tertunda(commit=True)
		hasil.put((pemeriksaan.berubah, terkirim))
	finally:
		frappe.destroy()


# --------------------------------------------------------------------------- data


def _evaluasi() -> str:
	return nama_evaluasi(OPD_BENCH, TAHUN, TRIWULAN)


def _siapkan() -> None:
	# The evaluation's officials must be users who hold their roles (pejabat.pemegang_peran).
	peran = {PELAKSANA: [SUBKOOR], ATASAN: [KEPALA_DINAS, SEKRETARIS]}
	for email in (PELAKSANA, ATASAN):
		pastikan_pengguna(email, *peran[email])
	if not frappe.db.exists("Email Account", AKUN_SUREL) and not surel_keluar_aktif():
		akun = frappe.get_doc(
			{
				"doctype": "Email Account",
				"email_account_name": AKUN_SUREL,
				"email_id": "sla-benchmark@example.com",
				"enable_outgoing": 1,
				"default_outgoing": 1,
				"smtp_server": "localhost",
				"no_smtp_authentication": 1,
			}
		)
		akun.flags.ignore_validate = True  # no SMTP server to test; the queued mails are deleted
		akun.insert(ignore_permissions=True)
	_bersihkan(semua=True)
	if not frappe.db.exists("Evaluasi Kinerja Internal", _evaluasi()):
		frappe.get_doc(
			{
				"doctype": "Evaluasi Kinerja Internal",
				"opd": pastikan_opd(),
				"tahun": TAHUN,
				"triwulan": TRIWULAN,
				"kepala_dinas": ATASAN,
				"sekretaris": ATASAN,
				"subkoordinator": PELAKSANA,
			}
		).insert(ignore_permissions=True)
	# the evaluation's own step 1 is not part of the measurement: nothing to tell about it
	frappe.db.sql("update `tabLangkah Evaluasi` set notifikasi_tertunda = 0 where evaluasi = %s", _evaluasi())
	frappe.db.commit()


def _isi(n: int, berubah: int, sekarang) -> None:
	"""N running steps of the benchmark evaluation; ``berubah`` of them (spread by name) are overdue."""
	_bersihkan()
	# Rebuild the table so that no delete-marked index entries of an earlier size (InnoDB purges them
	# lazily) are left for the range scans to step over, then fill it and refresh the statistics.
	frappe.db.sql("optimize table `tabLangkah Evaluasi`")
	evaluasi = _evaluasi()
	langkah = max(1, n // max(berubah, 1))
	kolom = [
		"name",
		"creation",
		"modified",
		"owner",
		"modified_by",
		"evaluasi",
		"langkah",
		"kegiatan",
		"peran",
		"pelaksana",
		"atasan",
		"status_sla",
		"mulai",
		"batas_peringatan",
		"batas_waktu",
		"waktu",
		"satuan",
		"ambang_peringatan",
		"notifikasi_tertunda",
		"gagal_notifikasi",
		"diberitahu_mulai",
	]
	nilai = []
	for i in range(n):
		telat = i % langkah == 0 and i // langkah < berubah
		if telat:
			batas = sekarang - timedelta(minutes=1 + i % 60)
		else:
			batas = sekarang + timedelta(hours=2 + i % 46, minutes=i % 60)
		mulai = batas - timedelta(hours=4)
		nilai.append(
			(
				f"{evaluasi}-B{i:07d}",
				sekarang,
				sekarang,
				"Administrator",
				"Administrator",
				evaluasi,
				1 + i % 8,
				"Langkah benchmark",
				KEPALA_BIDANG,
				PELAKSANA,
				ATASAN,
				sla.BERJALAN,
				mulai,
				batas - timedelta(hours=1),
				batas,
				4,
				"Jam",
				75,
				0,
				0,
				mulai,
			)
		)
	frappe.db.bulk_insert(LANGKAH, kolom, nilai, chunk_size=5000)
	frappe.db.commit()
	frappe.db.sql("analyze table `tabLangkah Evaluasi`")


def _bersihkan(semua: bool = False) -> None:
	evaluasi = _evaluasi()
	frappe.db.sql(
		"""delete from `tabEmail Queue Recipient` where parent in
		(select name from `tabEmail Queue` where reference_doctype = %s and reference_name like %s)""",
		(LANGKAH, f"{evaluasi}-%"),
	)
	frappe.db.sql(
		"delete from `tabEmail Queue` where reference_doctype = %s and reference_name like %s",
		(LANGKAH, f"{evaluasi}-%"),
	)
	frappe.db.sql(
		"delete from `tabNotification Log` where document_type = %s and document_name like %s",
		(LANGKAH, f"{evaluasi}-%"),
	)
	frappe.db.sql("delete from `tabLangkah Evaluasi` where name like %s", f"{evaluasi}-B%")
	if semua:
		if frappe.db.exists("Evaluasi Kinerja Internal", evaluasi):
			frappe.delete_doc("Evaluasi Kinerja Internal", evaluasi, ignore_permissions=True, force=True)
		if frappe.db.exists("Email Account", AKUN_SUREL):
			frappe.delete_doc("Email Account", AKUN_SUREL, ignore_permissions=True, force=True)
		_hapus_job()
	frappe.db.commit()


def _hapus_job() -> None:
	from frappe.utils.background_jobs import create_job_id, get_job

	if job := get_job(create_job_id(notifikasi.JOB_ID)):
		job.delete()


# --------------------------------------------------------------------------- output


def _kepala() -> str:
	versi = frappe.db.sql("select version()")[0][0]
	cpu = platform.processor() or platform.machine()
	return (
		f"SLA benchmark — Frappe {frappe.__version__}, MariaDB {versi}, Python {platform.python_version()}, "
		f"{os.cpu_count()} CPU ({cpu}), site {frappe.local.site}; 1 % of running steps overdue; "
		"median of the runs, each rolled back.\n"
	)


def _baris(h: dict) -> str:
	loop = f"{h['loop']:.1f} s" + (f" (sample of {h['loop_n']:,}, scaled)" if h["loop_sampel"] else "")
	return (
		f"| {h['n']:,} | {h['berubah']:,} | {h['floor'] * 1000:.2f} ms | {h['marking'] * 1000:.2f} ms "
		f"| {h['marking'] / h['floor']:.2f}× | {loop} | {h['loop'] / h['marking']:,.0f}× "
		f"| {h['penyerahan'] * 1e6:.1f} µs ({h['pesan']:,} notifications, 1 job) | {h['job'] * 1000:.2f} ms |"
	)
