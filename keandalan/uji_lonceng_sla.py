"""How soon the bell rings after a deadline: the real ``bench schedule`` and ``bench worker`` at Pemda
scale (40 OPD), deadline → the holder's Terlambat Notification Log, p50/p95/max over every deadline.

It seeds (``sakip_evaluasi.benchmark.lonceng_sla``) 40 OPDs whose running step clocks include deadlines
spread over the next few minutes, switches the site's scheduler on (and marks the site active, as a
login does, so Frappe does not treat a throw-away site as dormant), starts the scheduler and an RQ
worker, waits until every deadline's bell is written or ``--tunggu`` seconds after the last deadline,
stops them, puts the scheduler switch back and removes what it seeded. E-mail is not measured: it goes
out through Frappe's e-mail queue (flushed every few minutes by its own scheduled job).

Run as the bench user from the bench's ``sites`` directory, on a throw-away site:

    cd ~/frappe-bench/sites && ../env/bin/python /path/to/keandalan/uji_lonceng_sla.py --site SITE

Prints each deadline's delay, then p50/p95/max; the last line reads ``lonceng: N passed, M failed``
(a deadline passes when its bell came within ``--target`` seconds; the run fails when p95 exceeds it).
"""

import argparse
import statistics
import sys
import time

from _peladen import di_situs, penjadwal, persentil, situs_aktif, worker_rq

SERVER = "sakip_evaluasi.benchmark.lonceng_sla"


def _siapkan(args) -> dict:
	with di_situs(args.site) as frappe:
		from frappe.utils.scheduler import is_scheduler_disabled

		from sakip_evaluasi.benchmark import lonceng_sla

		semula = not is_scheduler_disabled(verbose=False)
		frappe.db.set_single_value("System Settings", "enable_scheduler", 1)
		situs_aktif()
		t0 = time.monotonic()
		data = lonceng_sla.siapkan(args.opd, args.per_opd, args.mulai, args.rentang)
		data["detik_isi"] = time.monotonic() - t0
		data["scheduler_semula"] = semula
		return data


def _hasil(site, data) -> list[dict]:
	with di_situs(site):
		from sakip_evaluasi.benchmark import lonceng_sla

		return lonceng_sla.hasil(data["diukur"], data["sejak"])


def _selesai(site, scheduler_semula: bool) -> None:
	with di_situs(site) as frappe:
		from sakip_evaluasi.benchmark import lonceng_sla

		lonceng_sla.bersihkan()
		frappe.db.set_single_value("System Settings", "enable_scheduler", int(scheduler_semula))
		frappe.db.commit()


def main() -> int:
	ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	ap.add_argument("--site", required=True)
	ap.add_argument("--opd", type=int, default=40)
	ap.add_argument("--per-opd", type=int, default=2, help="deadlines per OPD in the window")
	ap.add_argument("--mulai", type=float, default=75, help="seconds from seeding to the first deadline")
	ap.add_argument("--rentang", type=float, default=240, help="seconds the deadlines are spread over")
	ap.add_argument("--tunggu", type=float, default=150, help="seconds to wait after the last deadline")
	ap.add_argument("--target", type=float, default=90, help="seconds from deadline to bell")
	args = ap.parse_args()

	data = _siapkan(args)
	n = len(data["diukur"])
	print(
		f"seeded {args.opd} OPD, {data['langkah_berjalan']} running step clocks, {n} deadlines over "
		f"{args.rentang:.0f} s starting {args.mulai:.0f} s after seeding ({data['detik_isi']:.0f} s to seed); "
		f"SLA check cron: {data['cron']}"
	)
	proses = [
		worker_rq("../logs/uji-lonceng-sla-worker.log"),
		penjadwal("../logs/uji-lonceng-sla-schedule.log"),
	]
	try:
		# the deadlines count from the end of seeding (the users are made first)
		akhir = time.monotonic() + args.mulai + args.rentang + args.tunggu
		while True:
			baris = _hasil(args.site, data)
			if all(b["lonceng"] for b in baris) or time.monotonic() > akhir:
				break
			if not all(p.hidup() for p in proses):
				print("a process stopped; see ../logs/uji-lonceng-sla-*.log")
				break
			time.sleep(10)
	finally:
		for p in proses:
			p.berhenti()
		_selesai(args.site, data["scheduler_semula"])

	tunda = sorted((b["lonceng"] - b["batas_waktu"]).total_seconds() for b in baris if b["lonceng"])
	hilang = n - len(tunda)
	lulus = sum(1 for t in tunda if t <= args.target)
	gagal = n - lulus
	eskalasi = sum(1 for b in baris if b["eskalasi"])
	if tunda:
		p95 = persentil(tunda, 95) if not hilang else float("inf")
		print(
			f"deadline → bell (s), {len(tunda)} of {n} deadlines: p50 {statistics.median(tunda):.1f}, "
			f"p95 {p95:.1f}, max {max(tunda):.1f}, min {min(tunda):.1f}; no bell: {hilang}; "
			f"escalations to the superior: {eskalasi}"
		)
	else:
		p95 = float("inf")
		print(f"no bell for any of the {n} deadlines")
	print(f"p95 within {args.target:.0f} s: {'yes' if p95 <= args.target else 'NO'}")
	print(f"lonceng: {lulus} passed, {gagal} failed")
	return 0 if p95 <= args.target and n >= 60 else 1


if __name__ == "__main__":
	sys.exit(main())
