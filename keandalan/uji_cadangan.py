"""Backup and restore, compared: ``bench backup --with-files`` of a site, restored into a new site,
and every document, workflow state, SLA clock and attachment of the app compared between the two.

Steps: ``bench --site SITE sakip-demo`` (the demo agency and its two cycles; idempotent) and a
private bukti dukung attached to a Data Kinerja Bidang (``sakip_evaluasi.uji.cadangan.siapkan``);
``bench --site SITE backup --with-files``; ``bench --site NEW restore`` of the database with the
public and private files, NEW given SITE's ``encryption_key`` first (the key encrypts passwords and
signs the Excel work papers: a restore without it loses both); then ``cadangan.potret`` on both
sites (per table: row count and a SHA-256 over every column of every row; files by content hash)
must be identical. NEW is dropped at the end unless ``--keep``.

Run as the bench user from the bench directory (the bench CLI on PATH; MariaDB root credentials in
SAKIP_DB_ROOT_USER / SAKIP_DB_ROOT_PASSWORD, default root and empty):

    cd ~/frappe-bench && env/bin/python /path/to/keandalan/uji_cadangan.py --site SITE

The last line reads ``cadangan: N passed, M failed``.
"""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from _peladen import argumen, laporkan

AKAR = os.environ.get("SAKIP_DB_ROOT_USER", "root")
SANDI_AKAR = os.environ.get("SAKIP_DB_ROOT_PASSWORD", "")
KREDENSIAL_AKAR = ("--db-root-username", AKAR, "--db-root-password", SANDI_AKAR)


def bench(*args: str) -> str:
	"""Run a bench command, detached from the terminal (Frappe asks for an empty root password)."""
	hasil = subprocess.run(
		["setsid", "-w", "bench", *args], input="\n", capture_output=True, text=True, check=False
	)
	if hasil.returncode:
		raise SystemExit(f"bench {' '.join(args)} failed:\n{hasil.stdout[-2000:]}\n{hasil.stderr[-2000:]}")
	return hasil.stdout


def nilai_terakhir(keluaran: str):
	return json.loads(keluaran.strip().splitlines()[-1])


def main() -> int:
	ap = argumen(__doc__)
	ap.add_argument("--baru", help="the restored site's name (default: SITE with -pulih)")
	ap.add_argument("--keep", action="store_true")
	args = ap.parse_args()
	baru = args.baru or args.site.replace(".", "-pulih.", 1)

	t0 = time.perf_counter()
	bench("--site", args.site, "sakip-demo")
	bench("--site", args.site, "execute", "sakip_evaluasi.uji.cadangan.siapkan")
	keluaran = bench("--site", args.site, "backup", "--with-files")
	folder = Path("sites", args.site, "private", "backups")
	terbaru = sorted(folder.glob("*"), key=lambda p: p.stat().st_mtime)[-4:]
	berkas = {
		"db": next(str(p.resolve()) for p in terbaru if p.name.endswith("-database.sql.gz")),
		"publik": next(
			str(p.resolve()) for p in terbaru if p.name.endswith("-files.tar") and "private" not in p.name
		),
		"privat": next(str(p.resolve()) for p in terbaru if p.name.endswith("-private-files.tar")),
	}
	print(f"backup in {time.perf_counter() - t0:.0f} s: {json.dumps(berkas)}")
	print(
		"\n".join(
			line for line in keluaran.splitlines() if "Backup" in line or "MiB" in line or "KiB" in line
		)
	)

	kunci = json.loads(Path("sites", args.site, "site_config.json").read_text())["encryption_key"]
	try:
		t1 = time.perf_counter()
		if Path("sites", baru).exists() and not Path("sites", baru, "site_config.json").exists():
			shutil.rmtree(Path("sites", baru))  # the remains of a dropped site
		if not Path("sites", baru, "site_config.json").exists():  # restore --force overwrites a site
			bench(
				"new-site",
				baru,
				*KREDENSIAL_AKAR,
				"--admin-password",
				"admin",
			)
		bench(
			"--site",
			baru,
			"restore",
			berkas["db"],
			"--with-public-files",
			berkas["publik"],
			"--with-private-files",
			berkas["privat"],
			*KREDENSIAL_AKAR,
			"--admin-password",
			"admin",
			"--force",
		)
		bench("--site", baru, "set-config", "encryption_key", kunci)
		bench("--site", baru, "migrate")
		print(f"restored into {baru} in {time.perf_counter() - t1:.0f} s")
		lama = nilai_terakhir(bench("--site", args.site, "execute", "sakip_evaluasi.uji.cadangan.potret"))
		pulih = nilai_terakhir(bench("--site", baru, "execute", "sakip_evaluasi.uji.cadangan.potret"))
	finally:
		if not args.keep:
			subprocess.run(
				[
					"setsid",
					"-w",
					"bench",
					"drop-site",
					baru,
					*KREDENSIAL_AKAR,
					"--force",
					"--no-backup",
				],
				input="\n",
				capture_output=True,
				text=True,
				check=False,
			)
	print("\n| table | original | restored |\n|---|---|---|")
	for tabel in sorted(set(lama) | set(pulih)):
		tanda = "" if lama.get(tabel) == pulih.get(tabel) else " **differs**"
		print(f"| {tabel} | {lama.get(tabel)} | {pulih.get(tabel)}{tanda} |")
	beda = [t for t in set(lama) | set(pulih) if lama.get(t) != pulih.get(t)]
	hasil = [
		(f"every table of the app identical after restore ({len(lama) - len(beda)}/{len(lama)})", not beda),
		("documents were compared (the demo's)", int(lama.get("Data Kinerja Bidang", "0").split()[0]) > 0),
		("an attachment was compared by content", int(lama.get("File", "0").split()[0]) > 0),
	]
	return laporkan("cadangan", hasil)


if __name__ == "__main__":
	sys.exit(main())
