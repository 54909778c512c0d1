"""Each DocType's form is registered once (``frappe.ui.form.on``), by name, in its own form script.

A shared script served with several forms through ``doctype_js`` in hooks.py exports functions
(``sakip_evaluasi.<name> ||= ...``) and registers nothing; every DocType it is served to calls it from
its own registration. Two registrations of one form run in an order that depends on which form
the user opened first, which is how the same handler ends up running twice or not at all.
"""

import ast
import json
import re
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "sakip_evaluasi"
DOCTYPE_DIRS = sorted(p.parent for p in APP.glob("*/doctype/*/*.json") if p.stem == p.parent.name)

_REGISTRATION = re.compile(r"frappe\.ui\.form\.on\(\s*(?:(['\"])(.*?)\1)?")
_EXPORT = re.compile(r"^sakip_evaluasi\.(\w+) \|\|=", re.MULTILINE)
_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)


def registrations(js: str) -> list[str | None]:
	"""The DocType of every ``frappe.ui.form.on`` in ``js`` (None: not named by a string literal)."""
	return [m.group(2) for m in _REGISTRATION.finditer(_COMMENT.sub("", js))]


def hook(name: str) -> dict:
	"""A dict of hooks.py, its module-level string constants resolved (the file is read, not run)."""
	tree = ast.parse((APP / "hooks.py").read_text(encoding="utf-8"))
	constants = {
		t.id: node.value.value
		for node in tree.body
		if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
		for t in node.targets
		if isinstance(t, ast.Name)
	}
	for node in tree.body:
		if isinstance(node, ast.Assign) and any(
			isinstance(t, ast.Name) and t.id == name for t in node.targets
		):
			return eval(
				compile(ast.Expression(node.value), "hooks.py", "eval"), {"__builtins__": {}}, constants
			)
	return {}


def doctype_name(folder: Path) -> str:
	return json.loads((folder / f"{folder.name}.json").read_text(encoding="utf-8"))["name"]


def test_registrations_are_found():
	assert registrations('frappe.ui.form.on("A", {});\n// frappe.ui.form.on("B", {})\n') == ["A"]
	assert registrations('["A", "B"].forEach((d) => frappe.ui.form.on(d, {}));') == [None]


def test_shared_scripts_export_and_register_nothing():
	for path in sorted((APP / "public" / "js").glob("*.js")):
		js = path.read_text(encoding="utf-8")
		assert registrations(js) == [], f"{path.name} registers a form; let each DocType's own script call it"
		assert _EXPORT.search(js), f"{path.name} exports nothing (sakip_evaluasi.<name> ||= ...)"


@pytest.mark.parametrize("folder", DOCTYPE_DIRS, ids=lambda p: p.name)
def test_each_form_is_registered_once_in_its_own_script(folder):
	doctype = doctype_name(folder)
	own = folder / f"{folder.name}.js"
	served = [APP / p for p in hook("doctype_js").get(doctype, [])]
	found = [r for p in [own, *served] if p.exists() for r in registrations(p.read_text(encoding="utf-8"))]
	assert found in ([], [doctype]), f"{doctype}: {found}"
	assert own.exists() or not served, f"{doctype} is served {served} but has no form script of its own"
	for shared in served:
		name = _EXPORT.search(shared.read_text(encoding="utf-8")).group(1)
		calls = re.search(rf"\bsakip_evaluasi\.{name}\b", _COMMENT.sub("", own.read_text(encoding="utf-8")))
		assert (
			calls
		), f"{doctype} is served {shared.name} but its own script does not use sakip_evaluasi.{name}"
