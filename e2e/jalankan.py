"""Every browser walk of e2e/tests, in the order the demo data needs, against one served demo site.

	python e2e/jalankan.py --url http://127.0.0.1:8125 --shots /tmp/shots --gambar docs/gambar

Each walk runs as its own process (its own Chromium) with the site's URL and a screenshot folder
below ``--shots``; its output is printed as it comes. The walks change the demo's documents, so their
order matters (``JALAN``: a walk that submits, returns or accepts comes after the ones that read
the state before it). Then the screenshots that the user guides (docs/panduan/*.md) show are copied
from the walks' screens into ``--gambar`` (``GAMBAR``); a picture a guide names that no walk took is a
failure. The last line reads ``browser: N passed, M failed`` (one count per walk and one for the
pictures); the exit status is 1 when anything failed.
"""

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

E2E = Path(__file__).resolve().parent
ROOT = E2E.parent
BATAS_DETIK = 420  # one walk; a hung page ends the walk, not the lane

# (walk, extra arguments): the order is the demo data's story (see each walk's docstring).
JALAN = (
	("e2e_demo_masuk", ()),
	("e2e_opd", ()),
	("e2e_peringatan_dini", ()),
	("e2e_ponsel_sla", ()),
	("e2e_di_layar", ()),  # reads only: English strings, names, widths, menus, numbers, translations
	("e2e_tugas_saya", ()),  # returns Bina Marga's data and submits it again
	("e2e_ponsel_isian", ()),  # Sumber Daya Air submits on the phone page, reopened once
	("e2e_formulir_kabid", ("--user", "kabid.ck@demo.sakip.id", "--dkb", "DKB-EKI-DPUPR-2026-TW4-CK")),
	("e2e_lonceng", ()),  # every handover's bell so far, and the bell on a phone
	("e2e_ponsel_setujui", ()),  # returns Bina Marga's, accepts Sumber Daya Air's
	("e2e_baris_kabid", ()),  # Bina Marga's returned data, in the grid
	("e2e_paket_bukti", ("--worker", "sleep 20")),  # the running worker builds the pack
	("e2e_panduan", ()),  # the guides' remaining pictures, every role
)

# picture in docs/gambar (as the guides name it) → the screen a walk took (below --shots)
GAMBAR = {
	"kepala-bidang-1": "e2e_ponsel_isian/isian-1-tugas-saya",
	"kepala-bidang-2": "e2e_peringatan_dini/desktop-3-data-kinerja",
	"kepala-bidang-3": "e2e_formulir_kabid/2-filled",
	"kepala-bidang-4": "e2e_ponsel_isian/isian-4-terisi",
	"kepala-bidang-5": "e2e_ponsel_isian/isian-6-konfirmasi",
	"kepala-bidang-7": "e2e_baris_kabid/baris-1-form",
	"kepala-dinas-2": "e2e_ponsel_sla/sla-2-evaluasi",
	"kepala-dinas-5": "e2e_peringatan_dini/desktop-1-workspace",
	"subkoordinator-3": "e2e_ponsel_setujui/setujui-4-dibuka",
	"subkoordinator-4": "e2e_ponsel_setujui/setujui-2-alasan",
	"inspektorat-bappeda-1": "e2e_opd/opd-inspektorat-daftar-desktop",
	"inspektorat-bappeda-2": "e2e_opd/opd-rekapitulasi-desktop",
	"sekretaris-4": "e2e_paket_bukti/paket-2-lampiran",
}


def gambar_panduan() -> set[str]:
	"""The pictures the user guides show (``../gambar/<name>.png``)."""
	nama = set()
	for md in (ROOT / "docs").rglob("*.md"):
		nama |= set(re.findall(r"\]\(\.\./gambar/([\w-]+)\.png\)", md.read_text(encoding="utf-8")))
	return nama


def salin_gambar(shots: Path, gambar: Path) -> list[str]:
	"""Copy each guide's picture from the walks' screens; the names of those no walk took."""
	gambar.mkdir(parents=True, exist_ok=True)
	hilang = []
	for nama in sorted(gambar_panduan()):
		asal = shots / f"{GAMBAR.get(nama, 'e2e_panduan/' + nama)}.png"
		if asal.exists():
			shutil.copyfile(asal, gambar / f"{nama}.png")
		else:
			hilang.append(f"{nama} (from {asal.relative_to(shots)})")
	return hilang


def main() -> int:
	p = argparse.ArgumentParser()
	p.add_argument("--url", required=True)
	p.add_argument("--shots", required=True, type=Path)
	p.add_argument("--gambar", type=Path, default=ROOT / "docs" / "gambar")
	p.add_argument("--hanya", nargs="*", help="run only these walks (names without .py)")
	a = p.parse_args()
	lulus, gagal = [], []
	for nama, tambahan in JALAN:
		if a.hanya and nama not in a.hanya:
			continue
		shots = a.shots / nama
		shots.mkdir(parents=True, exist_ok=True)
		perintah = [sys.executable, str(E2E / "tests" / f"{nama}.py"), "--url", a.url, "--shots", str(shots)]
		print(f"\n--- {nama} {' '.join(tambahan)}", flush=True)
		t0 = time.monotonic()
		try:
			rc = subprocess.run([*perintah, *tambahan], timeout=BATAS_DETIK).returncode
		except subprocess.TimeoutExpired:
			print(f"{nama}: stopped after {BATAS_DETIK} s")
			rc = 1
		print(f"--- {nama}: {'passed' if rc == 0 else 'FAILED'} in {time.monotonic() - t0:.0f} s", flush=True)
		(lulus if rc == 0 else gagal).append(nama)
	if not a.hanya:
		hilang = salin_gambar(a.shots, a.gambar)
		if hilang:
			print("pictures the guides show that no walk took:\n  " + "\n  ".join(hilang))
			gagal.append("guide pictures")
		else:
			print(f"guide pictures: {len(gambar_panduan())} refreshed in {a.gambar}")
			lulus.append("guide pictures")
	if gagal:
		print("failed: " + ", ".join(gagal))
	print(f"browser: {len(lulus)} passed, {len(gagal)} failed")
	return 1 if gagal else 0


if __name__ == "__main__":
	sys.exit(main())
