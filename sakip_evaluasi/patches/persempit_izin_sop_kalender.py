"""The Sekretaris no longer deletes or shares SOP and Kalender Kerja (the Pemda-wide ones are the Admin
SAKIP Pemda's; an OPD's own is its Sekretaris's, scoped by the User Permission on OPD).

The standard DocPerm rows change with the DocType JSON. A site where an administrator used Role
Permissions Manager on these DocTypes reads only their Custom DocPerm rows: the Sekretaris row that
still equals the old standard row is narrowed the same way; every other row (another role, another
level, a row an administrator changed) stays as it is. Prints what it changed."""

from sakip_evaluasi.domain.peran import SEKRETARIS
from sakip_evaluasi.pejabat.izin import narrow_custom_docperm

DOCTYPES = ("SOP", "Kalender Kerja")
# The Sekretaris row as the app shipped it before, and what it is now.
LAMA = dict.fromkeys(("read", "write", "create", "delete", "report", "export", "share", "print", "email"), 1)
BARU = {**LAMA, "delete": 0, "share": 0}


def execute() -> list[str]:
	diubah = [b for doctype in DOCTYPES for b in narrow_custom_docperm(doctype, SEKRETARIS, LAMA, BARU)]
	if not diubah:
		print("persempit_izin_sop_kalender: no Custom DocPerm row of Sekretaris equal to the old standard")
	return diubah
