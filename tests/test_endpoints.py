"""Every whitelisted endpoint of the app is typed, and every endpoint path the app names exists.

Frappe v15 does not ask for annotations on whitelisted functions (crm's
``require_type_annotated_api_methods`` hook is not read by v15), yet each is a public URL whose
arguments arrive as text from anyone logged in. The check parses every module of the app (ast, no
import, no frappe) and is first shown to catch an untyped endpoint, so it cannot pass by finding
nothing.
"""

import re

from sakip_evaluasi.tests.titik_akhir import APP, ROOT, app_endpoints, endpoints

# Deliberately wrong: what the check must catch (and what it must let pass).
EXAMPLE = """
import frappe
from frappe import whitelist


@frappe.whitelist()
def untyped(doctype, name: str):
	return name


@whitelist(allow_guest=True)
def untyped_rest(*args, **kwargs) -> dict:
	return kwargs


@frappe.whitelist(methods=["POST"])
def typed(doctype: str, name: str | None = None, *, flag: bool = False) -> None:
	pass


class Controller:
	@frappe.whitelist()
	def typed_method(self, value: int) -> int:
		return value

	@frappe.whitelist
	def untyped_method(self, value):
		return value


def not_an_endpoint(x):
	return x
"""


def test_the_check_catches_an_untyped_endpoint():
	assert endpoints(EXAMPLE) == {
		"untyped": ["doctype", "return"],
		"untyped_rest": ["args", "kwargs"],
		"typed": [],
		"Controller.typed_method": [],
		"Controller.untyped_method": ["value", "return"],
	}


def test_every_endpoint_of_the_app_is_typed():
	found = app_endpoints()
	assert len(found) >= 5, f"too few endpoints found, the check may be looking in the wrong place: {found}"
	untyped = {path: missing for path, missing in found.items() if missing}
	assert untyped == {}, "whitelisted functions need an annotation on every parameter and the return"


def test_the_endpoints_live_in_the_api_package():
	assert [p for p in app_endpoints() if not p.startswith("sakip_evaluasi.api.")] == []


# Every place a path is written down: the form and list scripts, tests, scripts, README and docs/.
_PATH = re.compile(r"sakip_evaluasi\.api\.\w+\.\w+")


def test_every_endpoint_path_the_app_names_exists():
	known = set(app_endpoints())
	files = [
		p
		for p in [
			*ROOT.glob("*.md"),
			*(ROOT / "docs").rglob("*.md"),
			*APP.rglob("*"),
			*(ROOT / "scripts").rglob("*"),
		]
		if p.suffix in (".js", ".py", ".md", ".html") and p.is_file()
	]
	named = {
		(m.group(), f"{p.relative_to(ROOT)}")
		for p in files
		for m in _PATH.finditer(p.read_text(encoding="utf-8"))
	}
	assert {path for path, _where in named} & known, "no endpoint path found in the app's scripts"
	assert sorted((where, path) for path, where in named if path not in known) == []
