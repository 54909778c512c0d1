"""The Sekretaris no longer deletes or shares SOP and Kalender Kerja (the Pemda-wide ones are the Admin
SAKIP Pemda's; an OPD's own is its Sekretaris's, scoped by the User Permission on OPD).

The standard DocPerm rows change with the DocType JSON. A site where an administrator used Role
Permissions Manager on these DocTypes reads only their Custom DocPerm rows: the Sekretaris row that
still equals the old standard row is narrowed the same way; every other row (another role, another
level, a row an administrator changed) stays as it is. Prints what it changed."""

import frappe

from sakip_evaluasi.domain.peran import SEKRETARIS

DOCTYPES = ("SOP", "Kalender Kerja")
KOLOM = (
	"read",
	"write",
	"create",
	"delete",
	"submit",
	"cancel",
	"amend",
	"report",
	"export",
	"import",
	"share",
	"print",
	"email",
	"select",
	"if_owner",
	"permlevel",
)
# The Sekretaris row as the app shipped it before, and what it is now.
BAKU_LAMA = {
	**dict.fromkeys(KOLOM, 0),
	**dict.fromkeys(("read", "write", "create", "delete", "report", "export", "share", "print", "email"), 1),
}
DICABUT = {"delete": 0, "share": 0}


def execute() -> list[str]:
	diubah = []
	for doctype in DOCTYPES:
		for row in frappe.get_all(
			"Custom DocPerm", filters={"parent": doctype, "role": SEKRETARIS}, fields=["name", *KOLOM]
		):
			if {k: int(row[k] or 0) for k in KOLOM} != BAKU_LAMA:
				continue
			frappe.db.set_value("Custom DocPerm", row.name, DICABUT)
			diubah.append(f"{doctype}: Custom DocPerm {row.name} ({SEKRETARIS}) without delete and share")
		frappe.clear_cache(doctype=doctype)
	for baris in diubah:
		print(f"persempit_izin_sop_kalender: {baris}")
	if not diubah:
		print("persempit_izin_sop_kalender: no Custom DocPerm row of Sekretaris equal to the old standard")
	return diubah
