"""The frappe-free work paper benchmark (``sakip_evaluasi/benchmark/kertas_kerja_murni.py``) from a
checkout, no site needed::

    python3 scripts/bench_kertas_kerja_pure.py [500 2000 8000]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sakip_evaluasi.benchmark.kertas_kerja_murni import jalankan  # noqa: E402

if __name__ == "__main__":
	jalankan(sys.argv[1:])
