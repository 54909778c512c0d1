"""Every user field of a DocType of an OPD is either a routing field kept inside the OPD
(``domain.penerima.FIELD_PENERIMA``) or named in ``BUKAN_PENERIMA`` with its reason: a field added
later cannot slip past the OPD boundary unnoticed."""

import json
from pathlib import Path

from sakip_evaluasi.domain.penerima import BUKAN_PENERIMA, FIELD_PENERIMA, PERAN_PEMDA, field_penerima

DOCTYPE_DIR = Path(__file__).resolve().parents[1] / "sakip_evaluasi" / "sakip_evaluasi" / "doctype"


def _doctypes() -> dict[str, dict]:
	hasil = {}
	for path in DOCTYPE_DIR.glob("*/*.json"):
		data = json.loads(path.read_text())
		if data.get("doctype") == "DocType":
			hasil[data["name"]] = data
	return hasil


def _field_pengguna(doctypes: dict[str, dict]) -> set[tuple[str, str]]:
	"""(DocType, field) of every Link to User, a child table's as (child DocType, field)."""
	return {
		(nama, f["fieldname"])
		for nama, data in doctypes.items()
		for f in data["fields"]
		if f.get("fieldtype") == "Link" and f.get("options") == "User"
	}


def _tercantum(doctypes: dict[str, dict]) -> set[tuple[str, str]]:
	"""The routing fields of FIELD_PENERIMA as (DocType or its child DocType, field)."""
	hasil = set()
	for doctype in FIELD_PENERIMA:
		tabel = {f["fieldname"]: f.get("options") for f in doctypes[doctype]["fields"]}
		for anak, field in field_penerima(doctype):
			hasil.add((tabel[anak] if anak else doctype, field))
	return hasil


def test_every_user_field_is_a_routing_field_or_says_why_not():
	doctypes = _doctypes()
	semua = _field_pengguna(doctypes)
	assert semua, "no user field found: the check would pass by finding nothing"
	belum = semua - _tercantum(doctypes) - set(BUKAN_PENERIMA)
	assert not belum, f"user fields neither in FIELD_PENERIMA nor in BUKAN_PENERIMA: {sorted(belum)}"


def test_the_table_names_fields_that_exist():
	doctypes = _doctypes()
	assert _tercantum(doctypes) <= _field_pengguna(doctypes)
	assert set(BUKAN_PENERIMA) <= _field_pengguna(doctypes)
	assert not _tercantum(doctypes) & set(BUKAN_PENERIMA)
	for doctype, field in PERAN_PEMDA:
		assert field in FIELD_PENERIMA[doctype]


def test_a_new_user_field_is_caught():
	doctypes = _doctypes()
	doctypes["Disposisi"] = {
		**doctypes["Disposisi"],
		"fields": [
			*doctypes["Disposisi"]["fields"],
			{"fieldname": "tembusan", "fieldtype": "Link", "options": "User"},
		],
	}
	assert ("Disposisi", "tembusan") in _field_pengguna(doctypes) - _tercantum(doctypes) - set(BUKAN_PENERIMA)
