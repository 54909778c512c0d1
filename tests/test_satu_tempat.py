"""One piece of code for one rule: what several places did alike now lives once, and those places use it.

Each test names the shared home and checks that the copies are gone from where they were."""

import ast
import re
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
PAKET = AKAR / "sakip_evaluasi"
LAPORAN = PAKET / "sakip_evaluasi" / "report"
DOCTYPE = PAKET / "sakip_evaluasi" / "doctype"
SKRIP_LAPORAN = ("peringatan_dini_capaian", "rekap_capaian_kinerja", "rekapitulasi_kinerja_opd")
FILTER_BERSAMA = PAKET / "public" / "js" / "filter_laporan.bundle.js"


def _hooks() -> dict:
	nilai = {}
	for node in ast.parse((PAKET / "hooks.py").read_text()).body:
		if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
			try:
				nilai[node.targets[0].id] = ast.literal_eval(node.value)
			except ValueError:
				pass
	return nilai


def _fungsi(berkas: Path) -> dict[str, list[str]]:
	"""Names of the functions defined in a module, per class ("" for the module level)."""
	hasil: dict[str, list[str]] = {"": []}
	for node in ast.parse(berkas.read_text()).body:
		if isinstance(node, ast.FunctionDef):
			hasil[""].append(node.name)
		elif isinstance(node, ast.ClassDef):
			hasil[node.name] = [f.name for f in node.body if isinstance(f, ast.FunctionDef)]
	return hasil


def test_report_filters_are_defined_once_in_a_bundle_every_desk_page_loads():
	assert FILTER_BERSAMA.name in _hooks().get("app_include_js", []), "the report filters are not served"
	bersama = FILTER_BERSAMA.read_text()
	for nama in ("tahun", "triwulan", "opd", "bidang"):
		assert f'fieldname: "{nama}"' in bersama, f"filter {nama} is not in {FILTER_BERSAMA.name}"
	for laporan in SKRIP_LAPORAN:
		js = (LAPORAN / laporan / f"{laporan}.js").read_text()
		salinan = re.findall(r'fieldname: "(tahun|triwulan|opd|bidang)"', js)
		assert salinan == [], f"{laporan}.js defines its own {salinan} filter(s)"
		assert "sakip_evaluasi.filter_laporan." in js, f"{laporan}.js does not use the shared filters"


def test_a_mean_of_capaian_is_one_function():
	"""The reports' mean capaian (two decimals, in Decimal) is the domain's ``rata_rata``."""
	definisi = []
	for berkas in PAKET.rglob("*.py"):
		for fungsi in _fungsi(berkas)[""]:
			if fungsi in ("rata_rata", "_rata"):
				definisi.append(f"{berkas.relative_to(AKAR)}:{fungsi}")
	assert definisi == ["sakip_evaluasi/domain/capaian.py:rata_rata"]


def test_report_columns_are_built_by_one_helper():
	sendiri = [
		laporan for laporan in SKRIP_LAPORAN if "def k(" in (LAPORAN / laporan / f"{laporan}.py").read_text()
	]
	assert sendiri == [], f"reports building their columns with a helper of their own: {sendiri}"


def test_documents_per_bidang_are_named_and_guarded_in_one_place():
	"""Data Kinerja Bidang and Tindak Lanjut Evaluasi are both one document per bidang of an evaluation,
	named ``<awalan>-<evaluasi>-<kode bidang>`` and with rows only the system adds: their base class
	says so once."""
	for nama in ("data_kinerja_bidang", "tindak_lanjut_evaluasi"):
		berkas = DOCTYPE / nama / f"{nama}.py"
		teks = berkas.read_text()
		kelas = next(k for k in _fungsi(berkas) if k)
		assert "autoname" not in _fungsi(berkas)[kelas], f"{nama}.py names its documents itself"
		assert "TABEL_SISTEM" not in teks, f"{nama}.py declares its system table itself"
		assert "DokumenPerBidang" in teks, f"{nama}.py does not derive from DokumenPerBidang"


def test_modules_do_not_repeat_another_modules_docstring():
	dilihat: dict[str, str] = {}
	ganda = []
	for berkas in sorted(PAKET.rglob("*.py")):
		doc = ast.get_docstring(ast.parse(berkas.read_text()))
		if not doc or len(doc) < 200:
			continue
		if doc in dilihat:
			ganda.append(f"{berkas.relative_to(AKAR)} = {dilihat[doc]}")
		dilihat.setdefault(doc, str(berkas.relative_to(AKAR)))
	assert ganda == []


def test_the_demo_opds_come_from_one_table():
	"""Every OPD of the demo (officials, bidang, indicators, how far each triwulan goes) is a row of one
	table that one loop walks; no OPD has code of its own."""
	modul = ast.parse((PAKET / "demo" / "buat.py").read_text())
	nama = {
		t.id for n in modul.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)
	}
	sendiri = sorted(nama & {"OPD_LAIN", "INDIKATOR", "BIDANG", "PEJABAT", "INSTANSI"})
	assert sendiri == [], f"the demo keeps OPD data outside its table: {sendiri}"
	buat_demo = next(n for n in modul.body if isinstance(n, ast.FunctionDef) and n.name == "buat_demo")
	panggilan = [
		n.func.id for n in ast.walk(buat_demo) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
	]
	assert panggilan.count("buat_opd") == 1 and panggilan.count("jalankan_siklus") == 1, panggilan


def test_browser_checks_share_their_browser_collector_and_result_line():
	"""The browser checks start Chromium, collect failures and print their result through
	e2e/helpers/umum.py; each keeps its own last line."""
	sendiri = []
	for berkas in sorted((AKAR / "e2e" / "tests").glob("e2e_*.py")):
		teks = berkas.read_text()
		for tanda in (
			"chromium.launch(",
			"def cek(",
			"def periksa(nama",
			"ArgumentParser(",
			"gagal: list[str] = []",
		):
			if tanda in teks:
				sendiri.append(f"{berkas.name}: {tanda}")
	assert sendiri == []


def test_reliability_runs_print_their_results_through_peladen():
	sendiri = []
	for nama in ("uji_cadangan", "uji_gangguan", "uji_serentak"):
		teks = (AKAR / "keandalan" / f"{nama}.py").read_text()
		if "passed, {" in teks or "'PASS' if ok" in teks:
			sendiri.append(nama)
	assert sendiri == [], f"runs printing their PASS/FAIL lines and result themselves: {sendiri}"
