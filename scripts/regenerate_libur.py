"""Regenerate sakip_evaluasi/setup/data/libur_indonesia.json from the `holidays` package.

Frappe v15 pins python-dateutil 2.8, and `holidays` 0.87+ needs dateutil 2.9, so the package
cannot be a runtime dependency of the app. Run this script OUTSIDE the bench, in a throw-away
virtual environment:

	python3 -m venv /tmp/libur && /tmp/libur/bin/pip install holidays
	/tmp/libur/bin/python scripts/regenerate_libur.py 2025 2026 2027

It writes Indonesia's national holidays (category "public" -> "Libur Nasional") and cuti
bersama (category "government" -> "Cuti Bersama") with Indonesian names. Islamic dates that
the package marks as estimated keep the "(perkiraan)" note: check them against the yearly
SKB 3 Menteri and correct the Kalender Kerja in the desk when the decree is published.
"""

import json
import sys
from pathlib import Path

import holidays

OUT = Path(__file__).resolve().parent.parent / "sakip_evaluasi" / "setup" / "data" / "libur_indonesia.json"
JENIS = {"public": "Libur Nasional", "government": "Cuti Bersama"}


def main(years: list[int]) -> None:
	# One row per date (the Kalender Kerja refuses a date twice): a national holiday wins over
	# cuti bersama on the same date, and names of coinciding holidays are joined.
	by_date: dict[str, dict] = {}
	for category, jenis in JENIS.items():
		calendar = holidays.country_holidays("ID", years=years, categories=(category,), language="id")
		for day, name in sorted(calendar.items()):
			row = by_date.setdefault(
				day.isoformat(), {"tanggal": day.isoformat(), "keterangan": "", "jenis": jenis}
			)
			names = [n for n in row["keterangan"].split(" / ") if n] + name.split("; ")
			row["keterangan"] = " / ".join(dict.fromkeys(names))
	rows = [by_date[d] for d in sorted(by_date)]
	payload = {
		"sumber": f"holidays {holidays.__version__} (vacanza/holidays), kategori public dan government",
		"tahun": years,
		"libur": rows,
	}
	OUT.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n")
	print(f"{len(rows)} hari libur ditulis ke {OUT}")


if __name__ == "__main__":
	main([int(y) for y in sys.argv[1:]] or [2025, 2026, 2027])
