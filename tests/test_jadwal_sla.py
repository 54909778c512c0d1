"""The SLA check's default interval: every minute, the same in hooks.py, in the setting's default and in
the domain (a holder learns of a missed deadline within about a minute, not five)."""

import ast
import json
from pathlib import Path

import pytest

from sakip_evaluasi.domain import sla

APP = Path(__file__).resolve().parents[1] / "sakip_evaluasi"
METODE = "sakip_evaluasi.sla.jadwal.periksa_sla"
PENGATURAN = APP / "sakip_evaluasi" / "doctype" / "pengaturan_sakip" / "pengaturan_sakip.json"


def _cron_di_hooks() -> list[str]:
	"""The cron entries of hooks.py's scheduler_events that run the SLA check."""
	for node in ast.parse((APP / "hooks.py").read_text()).body:
		if isinstance(node, ast.Assign) and any(
			isinstance(t, ast.Name) and t.id == "scheduler_events" for t in node.targets
		):
			events = ast.literal_eval(node.value)
			return [cron for cron, metode in events.get("cron", {}).items() if METODE in metode]
	return []


def _bawaan_pengaturan() -> str:
	fields = json.loads(PENGATURAN.read_text())["fields"]
	return next(f for f in fields if f["fieldname"] == "interval_pemeriksaan_sla")["default"]


def test_the_sla_check_runs_every_minute_by_default():
	assert _cron_di_hooks() == ["* * * * *"]
	assert _bawaan_pengaturan() == "1"
	assert sla.INTERVAL_PEMERIKSAAN_BAWAAN == 1
	assert sla.cron_pemeriksaan(sla.INTERVAL_PEMERIKSAAN_BAWAAN) == "* * * * *"


@pytest.mark.parametrize(
	"menit, cron",
	[(1, "* * * * *"), (2, "*/2 * * * *"), (5, "*/5 * * * *"), (30, "*/30 * * * *"), (60, "0 * * * *")],
)
def test_an_interval_is_a_cron(menit, cron):
	assert sla.cron_pemeriksaan(menit) == cron
