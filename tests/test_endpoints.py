"""Every whitelisted endpoint of the app is typed, and every endpoint path the app names exists.

Frappe v15 does not ask for annotations on whitelisted functions (crm's
``require_type_annotated_api_methods`` hook is not read by v15), yet each is a public URL whose
arguments arrive as text from anyone logged in. The check parses every module of the app (ast, no
import, no frappe) and is first shown to catch an untyped endpoint, so it cannot pass by finding
nothing.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "sakip_evaluasi"

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


def is_whitelist(decorator: ast.expr) -> bool:
	"""``@frappe.whitelist`` or ``@whitelist``, called or not."""
	if isinstance(decorator, ast.Call):
		decorator = decorator.func
	if isinstance(decorator, ast.Attribute):
		return (
			decorator.attr == "whitelist"
			and isinstance(decorator.value, ast.Name)
			and decorator.value.id == "frappe"
		)
	return isinstance(decorator, ast.Name) and decorator.id == "whitelist"


def endpoints(source: str, filename: str = "<source>") -> dict[str, list[str]]:
	"""Every whitelisted function of ``source`` (methods as ``Class.name``) with what it leaves
	unannotated: parameter names, and ``return``. ``self``/``cls`` of a method need none."""
	found = {}

	def visit(node: ast.AST, owner: str | None) -> None:
		for child in ast.iter_child_nodes(node):
			if isinstance(child, ast.ClassDef):
				visit(child, child.name)
			elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
				if any(is_whitelist(d) for d in child.decorator_list):
					a = child.args
					params = [*a.posonlyargs, *a.args, *a.kwonlyargs, *(p for p in (a.vararg, a.kwarg) if p)]
					if owner and params and params[0].arg in ("self", "cls"):
						params = params[1:]
					missing = [p.arg for p in params if p.annotation is None]
					if child.returns is None:
						missing.append("return")
					found[f"{owner}.{child.name}" if owner else child.name] = missing
				visit(child, owner)

	visit(ast.parse(source, filename), None)
	return found


def app_endpoints() -> dict[str, list[str]]:
	"""Every whitelisted function of the app, keyed by its dotted path (the URL after /api/method/)."""
	found = {}
	for path in sorted(APP.rglob("*.py")):
		module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
		for name, missing in endpoints(path.read_text(encoding="utf-8"), str(path)).items():
			found[f"{module}.{name}"] = missing
	return found


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


# Every place a path is written down: the form and list scripts, tests, scripts, README.
_PATH = re.compile(r"sakip_evaluasi\.api\.\w+\.\w+")


def test_every_endpoint_path_the_app_names_exists():
	known = set(app_endpoints())
	files = [
		p
		for p in [*ROOT.glob("*.md"), *APP.rglob("*"), *(ROOT / "scripts").rglob("*")]
		if p.suffix in (".js", ".py", ".md", ".html") and p.is_file()
	]
	named = {
		(m.group(), f"{p.relative_to(ROOT)}")
		for p in files
		for m in _PATH.finditer(p.read_text(encoding="utf-8"))
	}
	assert {path for path, _where in named} & known, "no endpoint path found in the app's scripts"
	assert sorted((where, path) for path, where in named if path not in known) == []
