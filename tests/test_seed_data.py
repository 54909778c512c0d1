"""The data the app seeds on install: the SOP as transcribed, and the holiday list."""

import json
import re
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from sakip_evaluasi.domain.peran import PERAN_SOP
from sakip_evaluasi.domain.sop import sop_dari_dict

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "sakip_evaluasi" / "setup" / "data"
# A copy of the clean transcription of the agency's SOP (planning repository, shared/sop/), kept in the
# project so a clone alone can check the seed against it.
TRANSCRIPTION = ROOT / "tests" / "data" / "SOP-Evaluasi-Kinerja-Internal.md"
ACTORS = {
	"Kadis": "Kepala Dinas",
	"Sekretaris": "Sekretaris",
	"Subkor": "Subkoordinator Perencanaan dan Pelaporan",
	"Kabid": "Kepala Bidang",
}


def seed_sop():
	return sop_dari_dict(json.loads((DATA / "sop_evaluasi_kinerja_internal.json").read_text()))


def transcribed_steps() -> list[dict]:
	"""The procedure table of the clean transcription."""
	assert TRANSCRIPTION.exists(), f"the SOP transcription is missing: {TRANSCRIPTION}"
	rows = []
	for line in TRANSCRIPTION.read_text().splitlines():
		cells = [c.strip() for c in line.strip().strip("|").split("|")]
		if len(cells) == 6 and cells[0].isdigit():
			no, kegiatan, actor, kelengkapan, waktu, output = cells
			jumlah, satuan = waktu.split()
			rows.append(
				{
					"no": int(no),
					"kegiatan": kegiatan.split(" (")[0],
					"pelaksana": ACTORS[re.match(r"\w+", actor).group(0)],
					"kelengkapan": kelengkapan,
					"waktu": Decimal(jumlah),
					"satuan": {"jam": "Jam", "hari": "Hari"}[satuan],
					"output": output,
				}
			)
	return rows


def test_seed_sop_is_valid():
	assert seed_sop().validasi(peran_dikenal=PERAN_SOP) == []


def test_seed_sop_has_the_eight_steps_and_their_times():
	sop = seed_sop()
	assert sop.nama == "SOP Evaluasi Kinerja Internal"
	assert [(s.no, s.waktu, s.satuan) for s in sop.langkah] == [
		(1, 1, "Jam"),
		(2, 1, "Jam"),
		(3, 1, "Jam"),
		(4, 2, "Jam"),
		(5, 2, "Hari"),
		(6, 1, "Jam"),
		(7, 4, "Jam"),
		(8, 2, "Hari"),
	]


def test_seed_sop_matches_the_shared_transcription():
	steps = transcribed_steps()
	assert len(steps) == 8
	for expected, actual in zip(steps, seed_sop().langkah, strict=True):
		got = {k: getattr(actual, k) for k in expected}
		assert got == expected


def test_seed_sop_identity_sheet():
	identitas = seed_sop().identitas
	assert identitas["unit"] == "Sekretariat"
	assert "Nomor 29 Tahun 2014" in identitas["dasar_hukum"]
	assert identitas["pencatatan_pendataan"] == "Secara manual atau elektronik"


@pytest.fixture(scope="module")
def libur():
	return json.loads((DATA / "libur_indonesia.json").read_text())["libur"]


def test_holidays_cover_2025_to_2027_both_kinds(libur):
	kinds = Counter((r["tanggal"][:4], r["jenis"]) for r in libur)
	for year in ("2025", "2026", "2027"):
		assert kinds[(year, "Libur Nasional")] >= 14
		assert kinds[(year, "Cuti Bersama")] >= 5


def test_holidays_are_unique_dated_and_named(libur):
	dates = [r["tanggal"] for r in libur]
	assert len(dates) == len(set(dates))
	for r in libur:
		date.fromisoformat(r["tanggal"])
		assert r["keterangan"].strip()
		assert r["jenis"] in ("Libur Nasional", "Cuti Bersama")


def test_known_2026_dates(libur):
	by_date = {r["tanggal"]: r for r in libur}
	assert by_date["2026-08-17"]["jenis"] == "Libur Nasional"
	assert by_date["2026-12-25"]["jenis"] == "Libur Nasional"
	assert by_date["2026-12-24"]["jenis"] == "Cuti Bersama"
	assert by_date["2026-03-23"]["jenis"] == "Cuti Bersama"
