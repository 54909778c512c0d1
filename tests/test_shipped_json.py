"""Static checks of every shipped DocType and workflow JSON against the rules Frappe applies on install."""

import ast
import json
import re
from pathlib import Path

import pytest

from tests.frappe_rules import (
	CORE_DOCTYPES,
	CORE_ROLES,
	DOCSTATUS_MOVES,
	FIELDTYPES,
	NAMING_RULES,
	NO_VALUE,
	PERM_RIGHTS,
	RESERVED_FIELDNAMES,
)

APP = Path(__file__).resolve().parent.parent / "sakip_evaluasi"
MODULES = {m.strip() for m in (APP / "modules.txt").read_text().splitlines() if m.strip()}
DOCTYPE_FILES = sorted(p for p in APP.glob("*/doctype/*/*.json") if p.stem == p.parent.name)
DOCTYPES = {p.stem: json.loads(p.read_text()) for p in DOCTYPE_FILES}
BY_NAME = {d["name"]: d for d in DOCTYPES.values()}
WORKFLOW_FILES = sorted((APP / "workflow").glob("*.json"))


def app_roles() -> set[str]:
	tree = ast.parse((APP / "domain" / "peran.py").read_text())
	return {
		node.value.value
		for node in ast.walk(tree)
		if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
	}


ROLES = app_roles() | CORE_ROLES


def scrub(name: str) -> str:
	return name.replace(" ", "_").replace("-", "_").lower()


def test_the_app_ships_doctypes():
	assert {"Bidang", "Kalender Kerja", "SOP", "Pengaturan SAKIP"} <= set(BY_NAME)


def test_roles_are_the_sop_actors_and_the_pemda_roles():
	assert app_roles() == {
		"Kepala Dinas",
		"Sekretaris",
		"Subkoordinator Perencanaan dan Pelaporan",
		"Kepala Bidang",
		"Inspektorat",
		"Bappeda",
		"Admin SAKIP Pemda",
	}


@pytest.fixture(params=DOCTYPE_FILES, ids=lambda p: p.stem)
def doctype(request):
	return request.param, json.loads(request.param.read_text())


def test_identity(doctype):
	path, d = doctype
	assert d["doctype"] == "DocType"
	assert scrub(d["name"]) == path.stem, "folder and file must be the scrubbed DocType name"
	assert d.get("module") in MODULES, f"module {d.get('module')!r} is not in modules.txt"
	assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?", d["modified"])


def test_controller_exists(doctype):
	path, d = doctype
	controller = path.with_suffix(".py")
	assert controller.exists()
	class_name = d["name"].replace(" ", "").replace("-", "")
	base = re.search(rf"^class {class_name}\((\w+)\):", controller.read_text(), re.M)
	assert base and base.group(1) in {"Document", *DOKUMEN_SOP, "BarisAlurKerja"}
	assert (path.parent / "__init__.py").exists()


# The bases of the SOP documents (controllers/alur_kerja.py): every workflow document, and those of
# them an evaluation has one of per bidang.
DOKUMEN_SOP = ("DokumenAlurKerja", "DokumenPerBidang")


def _basis_controller(nama_doctype: str) -> str | None:
	path = next(p for p in DOCTYPE_FILES if p.stem == scrub(nama_doctype))
	base = re.search(
		rf"^class {nama_doctype.replace(' ', '')}\((\w+)\):", path.with_suffix(".py").read_text(), re.M
	)
	return base.group(1) if base else None


def test_rows_of_workflow_documents_are_written_only_through_their_document():
	"""Every child table of an SOP document is a BarisAlurKerja: saved or deleted on its own (REST on
	the row DocType) it is refused, so the document's edit rule cannot be bypassed."""
	dokumen = [d for d in BY_NAME.values() if _basis_controller(d["name"]) in DOKUMEN_SOP]
	assert len(dokumen) == 6
	for d in dokumen:
		for f in d["fields"]:
			if f["fieldtype"] in ("Table", "Table MultiSelect"):
				assert _basis_controller(f["options"]) == "BarisAlurKerja", (d["name"], f["fieldname"])


def test_controller_carries_typed_fields(doctype):
	path, d = doctype
	code = path.with_suffix(".py").read_text()
	typed = set(re.findall(r"^\t\t(\w+): DF\.", code, re.M))
	expected = {
		f["fieldname"] for f in d["fields"] if f["fieldtype"] not in NO_VALUE - {"Table", "Table MultiSelect"}
	}
	assert expected <= typed, f"typed block is missing {sorted(expected - typed)}"


def test_fields(doctype):
	_, d = doctype
	names = [f["fieldname"] for f in d["fields"]]
	assert len(names) == len(set(names)), "duplicate fieldnames"
	assert d["field_order"] == names
	for f in d["fields"]:
		assert f["fieldtype"] in FIELDTYPES, f"{f['fieldname']}: unknown fieldtype {f['fieldtype']}"
		assert re.fullmatch(r"[a-z][a-z0-9_]*", f["fieldname"]), f["fieldname"]
		assert f["fieldname"] not in RESERVED_FIELDNAMES, f["fieldname"]
		if f["fieldtype"] == "Select":
			assert f.get("options"), f"{f['fieldname']}: Select without options"
			if "default" in f:
				assert f["default"] in f["options"].split("\n")
		if f["fieldtype"] in ("Link", "Table", "Table MultiSelect"):
			target = f.get("options")
			assert target in BY_NAME or target in CORE_DOCTYPES, f"{f['fieldname']}: unknown DocType {target}"
		if f["fieldtype"] in ("Table", "Table MultiSelect"):
			assert BY_NAME[f["options"]].get(
				"istable"
			), f"{f['fieldname']}: {f['options']} is not a child table"
		if f["fieldtype"] == "Dynamic Link":
			assert f.get("options") in names
		if f.get("fetch_from"):
			link = f["fetch_from"].split(".")[0]
			assert link in names


def test_naming(doctype):
	_, d = doctype
	autoname = d.get("autoname") or ""
	assert d.get("naming_rule", "") in NAMING_RULES
	names = {f["fieldname"]: f for f in d["fields"]}
	if autoname.startswith("field:"):
		field = names.get(autoname.split(":", 1)[1])
		assert field and field.get("reqd") and field.get("unique"), "name field must be mandatory and unique"
		assert d.get("naming_rule") == "By fieldname"
	elif autoname.startswith("format:"):
		for part in re.findall(r"\{(\w+)\}", autoname):
			assert part in names or part in {"YYYY", "YY", "MM", "DD", "####", "#####"} or set(part) == {"#"}
	else:
		assert (
			autoname in {"", "hash", "autoincrement", "Prompt", "UUID", "naming_series:"} or "." in autoname
		)
	if d.get("title_field"):
		assert d["title_field"] in names


def test_permissions(doctype):
	_, d = doctype
	if d.get("istable"):
		assert not d.get("permissions")
		return
	assert d.get("permissions"), "a DocType without permissions is visible to nobody but Administrator"
	for perm in d["permissions"]:
		assert perm["role"] in ROLES, f"unknown role {perm['role']}"
		assert set(perm) <= PERM_RIGHTS
		if d.get("is_submittable") is not True and not d.get("is_submittable"):
			assert not perm.get("submit") and not perm.get("amend")


def test_submittable_has_amended_from(doctype):
	_, d = doctype
	if not d.get("is_submittable"):
		return
	amended = next((f for f in d["fields"] if f["fieldname"] == "amended_from"), None)
	assert amended, "submittable DocType needs amended_from"
	assert amended["fieldtype"] == "Link" and amended["options"] == d["name"]
	assert amended.get("no_copy") and amended.get("read_only")


def test_every_shipped_workflow_is_valid():
	for path in WORKFLOW_FILES:
		check_workflow(json.loads(path.read_text()))


def check_workflow(w: dict) -> None:
	assert w["doctype"] == "Workflow"
	target = BY_NAME.get(w["document_type"])
	assert target, f"workflow for unknown DocType {w['document_type']}"
	state_field = next((f for f in target["fields"] if f["fieldname"] == w["workflow_state_field"]), None)
	assert state_field, "the workflow state field must be a real field of the DocType"
	assert state_field["fieldtype"] == "Link" and state_field["options"] == "Workflow State"
	states = {s["state"]: str(s["doc_status"]) for s in w["states"]}
	rows = [(s["state"], s["allow_edit"]) for s in w["states"]]
	assert len(rows) == len(set(rows)), "the same state and role twice"
	for s in w["states"]:
		assert str(s["doc_status"]) == states[s["state"]], "one state, one docstatus"
	for s in w["states"]:
		assert s["allow_edit"] in ROLES
	for t in w["transitions"]:
		assert t["state"] in states and t["next_state"] in states, t
		assert t["allowed"] in ROLES, t
		assert (states[t["state"]], states[t["next_state"]]) in DOCSTATUS_MOVES, t
		if t.get("condition"):
			compile(t["condition"], "<condition>", "eval")
	if not target.get("is_submittable"):
		assert set(states.values()) == {"0"}, "a non-submittable DocType can only use docstatus 0"
