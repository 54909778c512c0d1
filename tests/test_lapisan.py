"""The package's layout holds: the layer order of CONTRIBUTING, no import cycles, a small root, short files.

Imports are read from the source (``ast``), those inside functions included, so nothing is imported
and Frappe is not needed. A module may import from its own layer or a lower one, never a higher one.
"""

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "sakip_evaluasi"
PKG = "sakip_evaluasi"

# Low to high. A module belongs to the first layer one of whose prefixes it starts with (dotted, below
# the package). CONTRIBUTING ("Layers") shows the same table and says why.
LAPISAN: list[tuple[str, tuple[str, ...]]] = [
	("domain", ("domain",)),
	(
		"aturan",
		(
			"pejabat.pemegang",
			"pejabat.izin",
			"pejabat.opd",
			"extends",
			"aturan",
		),
	),
	("sla", ("sla",)),
	("pejabat", ("pejabat",)),
	("cetak dan halaman", ("laporan", "cetak", "halaman", "controllers")),
	(
		"pintu",
		(
			"api",
			"sakip_evaluasi",
			"setup",
			"demo",
			"uji",
			"benchmark",
			"commands",
			"patches",
			"hooks",
			"config",
			"templates",
		),
	),
]
# What sits at the package root besides the standard folders and files of a Frappe app.
BAKU = {
	"__init__.py",
	"hooks.py",
	"modules.txt",
	"patches.txt",
	"config",
	"public",
	"templates",
	"translations",
	"fixtures",
	"patches",
	"tests",
	"workflow",
	"sakip_evaluasi",
	"__pycache__",
}
BATAS_AKAR = 15
BATAS_BARIS = 600


def modul(path: Path) -> str:
	rel = path.relative_to(APP).with_suffix("")
	parts = list(rel.parts)
	if parts[-1] == "__init__":
		parts = parts[:-1]
	return ".".join(parts)


def semua_modul() -> dict[str, Path]:
	out = {}
	for p in APP.rglob("*.py"):
		if "__pycache__" in p.parts:
			continue
		out[modul(p)] = p
	return out


MODUL = semua_modul()


def impor(path: Path, nama: str) -> set[str]:
	"""The app's modules a module imports (``from x import y`` counts y when y is a module)."""
	tree = ast.parse(path.read_text(encoding="utf-8"))
	paket = nama if path.name == "__init__.py" else nama.rpartition(".")[0]
	out = set()
	for node in ast.walk(tree):
		if isinstance(node, ast.Import):
			for a in node.names:
				if a.name == PKG or a.name.startswith(PKG + "."):
					out.add(a.name[len(PKG) + 1 :])
		elif isinstance(node, ast.ImportFrom):
			if node.level:
				basis = paket.split(".") if paket else []
				basis = basis[: len(basis) - (node.level - 1)]
				asal = ".".join(basis + ([node.module] if node.module else []))
			elif node.module and (node.module == PKG or node.module.startswith(PKG + ".")):
				asal = node.module[len(PKG) + 1 :]
			else:
				continue
			for a in node.names:
				calon = f"{asal}.{a.name}" if asal else a.name
				out.add(calon if calon in MODUL else asal)
	return {m for m in out if m in MODUL and m != nama}


def lapisan(nama: str) -> int | None:
	for i, (_, awalan) in enumerate(LAPISAN):
		for a in awalan:
			if nama == a or nama.startswith(a + "."):
				return i
	return None


def bukan_uji(nama: str) -> bool:
	bagian = nama.split(".")
	return "tests" not in bagian and not bagian[-1].startswith("test_")


GRAF = {n: impor(p, n) for n, p in MODUL.items() if bukan_uji(n)}


def test_every_module_has_a_layer():
	tanpa = sorted(n for n in GRAF if n and lapisan(n) is None)
	assert not tanpa, f"modules outside every layer of LAPISAN (add them, and to CONTRIBUTING): {tanpa}"


def test_no_import_against_the_layer_order():
	salah = []
	for n, deps in GRAF.items():
		for d in deps:
			if not bukan_uji(d):
				# only the load and concurrency drivers build their data with the test factories
				if not n.startswith("uji."):
					salah.append(f"{n} imports test support {d}")
			elif (lapisan(d) or 0) > (lapisan(n) or 0):
				salah.append(f"{n} ({LAPISAN[lapisan(n)][0]}) imports {d} ({LAPISAN[lapisan(d)][0]})")
	assert not salah, "\n".join(sorted(salah))


def test_no_import_cycles():
	siklus = []
	warna: dict[str, int] = {}

	def kunjungi(n, jalur):
		warna[n] = 1
		for d in sorted(GRAF.get(n, ())):
			if warna.get(d) == 1:
				siklus.append(" -> ".join([*jalur[jalur.index(d) :], d]))
			elif d not in warna:
				kunjungi(d, [*jalur, d])
		warna[n] = 2

	for n in sorted(GRAF):
		if n not in warna:
			kunjungi(n, [n])
	assert not siklus, "\n".join(siklus)


def test_the_package_root_is_small():
	lain = sorted(p.name for p in APP.iterdir() if p.name not in BAKU)
	assert len(lain) <= BATAS_AKAR, f"{len(lain)} modules and packages at the root: {lain}"


@pytest.mark.parametrize("folder", ["sakip_evaluasi", "tests", "scripts", "e2e", "keandalan"])
def test_no_file_is_over_600_lines(folder):
	panjang = []
	for p in (REPO / folder).rglob("*"):
		if p.suffix in {".py", ".js", ".sh"} and "node_modules" not in p.parts:
			n = len(p.read_text(encoding="utf-8").splitlines())
			if n > BATAS_BARIS:
				panjang.append(f"{p.relative_to(REPO)}: {n}")
	assert not panjang, panjang


# The SLA engine's shared pieces, one module per concern (``sla/__init__.py`` lists them).
URUSAN_SLA = {
	"kalender": ("kalender_dari_record", "get_kalender", "kalender_evaluasi"),
	"jam": (
		"nama_langkah",
		"jam_evaluasi",
		"saat_mulai_langkah",
		"ambang_peringatan",
		"pengguna_peran",
	),
	"pemicu": ("pemicu_sop", "jadwal_mulai", "evaluasi_syarat", "validasi_pemicu"),
}


def test_the_sla_engines_shared_pieces_live_by_concern():
	didefinisikan = {}
	for path in sorted((APP / "sla").glob("*.py")):
		for node in ast.parse(path.read_text(encoding="utf-8")).body:
			if isinstance(node, ast.FunctionDef):
				didefinisikan.setdefault(node.name, []).append(path.stem)
	salah = {
		fungsi: didefinisikan.get(fungsi)
		for rumah, daftar in URUSAN_SLA.items()
		for fungsi in daftar
		if didefinisikan.get(fungsi) != [rumah]
	}
	assert not salah, f"not in the module of its concern (sla/<urusan>.py): {salah}"
	assert not (APP / "sla" / "dasar.py").exists(), "sla/dasar.py is split by concern"
