"""Where a Data Kinerja Bidang save spends its time, beside the plain document of the same shape.

One Kabid of the load run's data (``sakip_evaluasi.uji.beban``: a committed cycle at step 5, a Data
Kinerja Bidang of ``--indikator`` rows and its plain twin) saves both in turn ``--kali`` times as the
form does (``getdoc``, change realisasi and kendala of every row, ``savedocs``, commit), in this
process, with no HTTP in between. Prints the median and p95 of each and, with ``--profil``, the
functions of the app and of Frappe the Data Kinerja Bidang saves spent most time in (cProfile).

    cd ~/frappe-bench/sites && ../env/bin/python /path/to/keandalan/profil_simpan.py --site SITE [--profil]

Run on a throw-away site (it commits the load run's data and removes it at the end).
"""

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time

from _peladen import di_situs


def _simpan(frappe, doctype: str, name: str, putaran: int, profil=None) -> float:
	from frappe.desk.form.load import getdoc
	from frappe.desk.form.save import savedocs

	getdoc(doctype, name)
	doc = frappe.response.docs[0].as_dict()
	for i, row in enumerate(doc["baris"]):
		row["realisasi"] = str(100 * (putaran + 1) + i)
		row["kendala"] = f"Kendala putaran {putaran} baris {i}"
	frappe.local.response = frappe._dict(docs=[])
	t0 = time.perf_counter()
	if profil:
		profil.enable()
	savedocs(json.dumps(doc, default=str), "Save")
	frappe.db.commit()
	if profil:
		profil.disable()
	detik = time.perf_counter() - t0
	frappe.local.response = frappe._dict(docs=[])
	frappe.clear_messages()
	return detik


def main() -> int:
	ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	ap.add_argument("--site", required=True)
	ap.add_argument("--kali", type=int, default=20)
	ap.add_argument("--indikator", type=int, default=10)
	ap.add_argument("--profil", choices=("dkb", "polos"), help="profile the saves of one of the two")
	args = ap.parse_args()
	with di_situs(args.site) as frappe:
		from sakip_evaluasi.uji import beban

		data = beban.siapkan(1, args.indikator)
		p = data["pengguna"][0]
		twin = data["polos"][p["dkb"]]
		try:
			frappe.set_user(p["user"])
			waktu: dict[str, list[float]] = {"dkb": [], "polos": []}
			profil = cProfile.Profile()
			for n in range(args.kali):
				waktu["dkb"].append(
					_simpan(frappe, beban.DKB, p["dkb"], n, profil if args.profil == "dkb" else None)
				)
				waktu["polos"].append(
					_simpan(frappe, beban.POLOS, twin, n, profil if args.profil == "polos" else None)
				)
			for nama, w in waktu.items():
				w = sorted(w[1:])  # the first save warms the caches
				p95 = w[min(len(w) - 1, round(0.95 * (len(w) - 1)))]
				print(f"{nama}: median {statistics.median(w) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms")
			if args.profil:
				stats = pstats.Stats(profil)
				stats.sort_stats("cumulative").print_stats(70)
				stats.sort_stats("tottime").print_stats(25)
				stats.sort_stats("cumulative").print_callers(
					r"__init__.py:\d+\(get_list\)|get_all|db_query.py:\d+\(execute\)"
				)
		finally:
			frappe.set_user("Administrator")
			beban.bersihkan()
	return 0


if __name__ == "__main__":
	sys.exit(main())
