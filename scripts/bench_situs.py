"""Run one of the app's site benchmarks (they live in ``sakip_evaluasi/benchmark/``) on a bench.

The site benchmarks need a database, so they run through ``bench execute`` — from an installed app
as well as from this checkout. This wrapper saves typing::

    python3 scripts/bench_situs.py sla SITE [1000,10000,100000]
    python3 scripts/bench_situs.py kertas_kerja SITE [500,2000,8000]
    python3 scripts/bench_situs.py opd SITE [10,20,40]
    python3 scripts/bench_situs.py perjanjian_kinerja SITE [10,40]
    python3 scripts/bench_situs.py indikator_berumus SITE [30]
    python3 scripts/bench_situs.py buku_pk SITE [40]

which is the same as::

    cd ~/frappe-bench
    bench --site SITE execute sakip_evaluasi.benchmark.sla.jalankan --kwargs "{'jumlah': '1000,10000,100000'}"
    bench --site SITE execute sakip_evaluasi.benchmark.kertas_kerja.jalankan --kwargs "{'ukuran': '500,2000'}"

Use a throw-away site. It runs bench as the bench's owner (``SAKIP_BENCH`` overrides the bench path,
default ``/home/frappe/frappe-bench``). The frappe-free work paper benchmark needs no site:
``python3 scripts/bench_kertas_kerja_pure.py``. The figures quoted in docs/benchmark.md come from these.
"""

import os
import shlex
import subprocess
import sys
from pathlib import Path

ARGUMEN = {
	"sla": "jumlah",
	"kertas_kerja": "ukuran",
	"opd": "ukuran",
	"perjanjian_kinerja": "ukuran",
	"indikator_berumus": "ukuran",
	"buku_pk": "ukuran",
}


def main(argv: list[str]) -> int:
	if len(argv) < 2 or argv[0] not in ARGUMEN:
		print(__doc__)
		return 2
	nama, site = argv[0], argv[1]
	kwargs = repr({ARGUMEN[nama]: argv[2]}) if len(argv) > 2 else "{}"
	bench = Path(os.environ.get("SAKIP_BENCH", "/home/frappe/frappe-bench"))
	cli = Path(bench.owner() and f"~{bench.owner()}").expanduser() / ".sakip" / "bench-cli" / "bin" / "bench"
	perintah = (
		f"cd {shlex.quote(str(bench))} && {shlex.quote(str(cli)) if cli.exists() else 'bench'} "
		f"--site {shlex.quote(site)} execute sakip_evaluasi.benchmark.{nama}.jalankan "
		f"--kwargs {shlex.quote(kwargs)}"
	)
	pemilik = bench.owner()
	if os.geteuid() == 0 and pemilik != "root":  # bench refuses to run as root
		args = ["runuser", "-u", pemilik, "--", "bash", "-c", perintah]
	else:
		args = ["bash", "-c", perintah]
	return subprocess.call(args)


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
