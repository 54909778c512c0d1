"""The administrator's guide's permission matrix (docs/administrator.md) is the table the integration
tests hold every role to (``sakip_evaluasi/tests/matriks_izin.py``): after changing the table, paste the
output of ``python3 -m sakip_evaluasi.tests.matriks_izin`` into that guide."""

from pathlib import Path

from sakip_evaluasi.tests.matriks_izin import DOCTYPES, IZIN, JENIS, boleh, markdown

README = Path(__file__).resolve().parent.parent / "docs" / "administrator.md"


def test_the_readme_shows_the_matrix_the_tests_check():
	assert markdown() in README.read_text(encoding="utf-8")


def test_every_cell_is_well_formed():
	for peran in IZIN:
		for doctype in DOCTYPES:
			assert set(boleh(peran, doctype)) == set(JENIS)
