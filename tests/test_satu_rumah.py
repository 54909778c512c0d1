"""Each concern in its room, each name with one meaning: read from the source (``ast``), no Frappe.

- ``setup/`` holds installers only: what hooks call at request time (Jinja methods and filters,
  ``doc_events``) lives elsewhere, and only entry points (setup itself, patches, commands, tests)
  import it; every installer (``pasang*``) lives in ``setup/``; a module of Jinja filters holds only them.
- A DocType's name is written as a constant in one module (``domain/doctype.py``), imported everywhere.
- A function name the issue found with two meanings is defined once.
"""

import ast
import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "sakip_evaluasi"
PKG = "sakip_evaluasi"
RUMAH_DOCTYPE = "domain/doctype.py"
# The hooks run at install, migrate and uninstall: the only ones that may point into setup/.
HOOK_PEMASANG = {"after_install", "after_migrate", "before_uninstall", "after_uninstall"}


def _sumber() -> dict[str, Path]:
	return {str(p.relative_to(APP)): p for p in sorted(APP.rglob("*.py")) if "__pycache__" not in p.parts}


SUMBER = _sumber()
POHON = {rel: ast.parse(p.read_text(encoding="utf-8")) for rel, p in SUMBER.items()}


def _hooks() -> dict[str, object]:
	"""hooks.py's top-level assignments whose values are literals."""
	out = {}
	for node in POHON["hooks.py"].body:
		if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
			try:
				out[node.targets[0].id] = ast.literal_eval(node.value)
			except ValueError:
				continue
	return out


def _jalur(nilai) -> list[str]:
	"""Every dotted path of the app inside a hooks value."""
	if isinstance(nilai, str):
		return [nilai] if nilai.startswith(PKG + ".") else []
	if isinstance(nilai, dict):
		return [j for v in nilai.values() for j in _jalur(v)]
	if isinstance(nilai, list | tuple):
		return [j for v in nilai for j in _jalur(v)]
	return []


def _berkas_modul(jalur: str) -> str:
	"""The source file (relative to the package) of the module holding dotted ``jalur``'s function."""
	return jalur.rpartition(".")[0][len(PKG) + 1 :].replace(".", "/") + ".py"


def _fungsi_publik(rel: str) -> list[str]:
	return [n.name for n in POHON[rel].body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")]


def _entri(rel: str) -> bool:
	bagian = Path(rel).parts
	return (
		bagian[0] in {"setup", "patches", "tests"}
		or rel == "commands.py"
		or Path(rel).name.startswith("test_")
	)


def test_hooks_called_at_request_time_do_not_point_into_setup():
	salah = [
		f"{kunci}: {j}"
		for kunci, nilai in _hooks().items()
		if kunci not in HOOK_PEMASANG
		for j in _jalur(nilai)
		if j.startswith(f"{PKG}.setup.")
	]
	assert not salah, f"hooks call installer modules (setup/) at request time: {salah}"


def test_only_entry_points_import_setup():
	salah = []
	for rel, pohon in POHON.items():
		if _entri(rel):
			continue
		for node in ast.walk(pohon):
			if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(f"{PKG}.setup"):
				salah.append(f"{rel}:{node.lineno} imports {node.module}")
	assert not salah, salah


def test_installers_live_in_setup():
	salah = [
		f"{rel}: {nama}"
		for rel in POHON
		if Path(rel).parts[0] not in {"setup", "uji", "benchmark"}  # the drivers set up their own runs
		for nama in _fungsi_publik(rel)
		if nama.startswith("pasang")
	]
	assert not salah, f"installers outside setup/: {salah}"


def test_a_module_of_jinja_filters_holds_only_filters():
	filters = _hooks()["jinja"]["filters"]
	per_modul: dict[str, set[str]] = {}
	for j in filters:
		per_modul.setdefault(_berkas_modul(j), set()).add(j.rpartition(".")[2])
	salah = {
		rel: sorted(set(_fungsi_publik(rel)) - nama)
		for rel, nama in per_modul.items()
		if set(_fungsi_publik(rel)) - nama
	}
	assert not salah, f"modules of Jinja filters that hold other functions too: {salah}"


def _nama_doctype() -> set[str]:
	return {
		json.loads(p.read_text(encoding="utf-8"))["name"]
		for p in (APP / PKG / "doctype").glob("*/*.json")
		if p.stem == p.parent.name
	}


def test_each_doctype_name_constant_has_one_home():
	nama = _nama_doctype()
	salah = []
	for rel, pohon in POHON.items():
		if rel == RUMAH_DOCTYPE:
			continue
		for node in pohon.body:
			if (
				isinstance(node, ast.Assign | ast.AnnAssign)
				and isinstance(node.value, ast.Constant)
				and node.value.value in nama
			):
				salah.append(f"{rel}:{node.lineno} {node.value.value!r}")
	assert not salah, f"DocType names as constants outside {RUMAH_DOCTYPE}: {salah}"


def test_names_the_issue_found_twice_are_defined_once():
	tempat: dict[str, list[str]] = {}
	for rel in POHON:
		if Path(rel).parts[0] in {"tests", "patches"} or Path(rel).name.startswith("test_"):
			continue
		for n in _fungsi_publik(rel):
			if n in {"nama_jabatan", "nama_bidang", "selaraskan_surel", "email_account_berubah"}:
				tempat.setdefault(n, []).append(rel)
	dua = {n: t for n, t in tempat.items() if len(t) > 1}
	assert not dua, f"one name, two functions: {dua}"
