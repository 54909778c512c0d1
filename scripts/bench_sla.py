"""SLA benchmark: the scheduled check against a plain UPDATE and the per-document loop.

The benchmark needs a site (it times SQL on MariaDB and Frappe's document API), so it lives in
``sakip_evaluasi/sla/benchmark.py`` and runs through ``bench execute``. This script is the thin
wrapper that runs it from the app folder::

    python3 scripts/bench_sla.py SITE [N,N,...]        # default 1000,10000,100000

which is the same as::

    cd ~/frappe-bench
    bench --site SITE execute sakip_evaluasi.sla.benchmark.jalankan --kwargs "{'jumlah': '1000,10000,100000'}"

Use a throw-away site: the benchmark commits its rows and deletes them when it finishes. It runs
bench as the bench's owner (``SAKIP_BENCH`` overrides the bench path, default
``/home/frappe/frappe-bench``). The figures quoted in README.md ("SLA benchmark") come from it.
"""

import os
import shlex
import subprocess
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
	if not argv or argv[0] in ("-h", "--help"):
		print(__doc__)
		return 0 if argv else 2
	site = argv[0]
	jumlah = argv[1] if len(argv) > 1 else "1000,10000,100000"
	bench = Path(os.environ.get("SAKIP_BENCH", "/home/frappe/frappe-bench"))
	kwargs = repr({"jumlah": jumlah})
	perintah = (
		f"cd {shlex.quote(str(bench))} && bench --site {shlex.quote(site)} execute "
		f"sakip_evaluasi.sla.benchmark.jalankan --kwargs {shlex.quote(kwargs)}"
	)
	pemilik = bench.owner()
	if os.geteuid() == 0 and pemilik != "root":  # bench refuses to run as root
		args = ["runuser", "-u", pemilik, "--", "bash", "-lc", perintah]
	else:
		args = ["bash", "-lc", perintah]
	return subprocess.call(args)


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
