"""The app's whitelisted endpoints, found by reading its source (ast: no import, no frappe), so the
frappe-free static checks (``tests/test_endpoints.py``) and the integration test that tries each one
as Guest (``test_keamanan.py``) enumerate the same list."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent
ROOT = APP.parent


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
