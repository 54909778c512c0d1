"""The demo's steps take only what they use: an argument a step ignores tells the reader something the
step does not do."""

import ast
from pathlib import Path

DEMO = Path(__file__).resolve().parent.parent / "sakip_evaluasi" / "demo" / "buat.py"


def test_every_demo_function_uses_its_arguments():
	tidak_dipakai = []
	for fungsi in ast.walk(ast.parse(DEMO.read_text())):
		if not isinstance(fungsi, ast.FunctionDef):
			continue
		dipakai = {n.id for n in ast.walk(fungsi) if isinstance(n, ast.Name)}
		for arg in fungsi.args.args + fungsi.args.kwonlyargs:
			if not arg.arg.startswith("_") and arg.arg not in dipakai:
				tidak_dipakai.append(f"{fungsi.name}({arg.arg})")
	assert tidak_dipakai == []
