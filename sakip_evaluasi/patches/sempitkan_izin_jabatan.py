"""Officials of an OPD are named by the Admin SAKIP Pemda alone: the Sekretaris reads the Jabatan but no
longer writes it. A site whose administrator customised Jabatan's permissions (Role Permissions
Manager) reads only its Custom DocPerm rows: the Sekretaris row that still equals the old standard row
loses write; every other row stays. Sites without Custom DocPerm take the new standard rows on migrate."""

from sakip_evaluasi.domain.peran import SEKRETARIS
from sakip_evaluasi.pejabat.izin import narrow_custom_docperm

BACA = {"read": 1, "report": 1, "export": 1, "print": 1}
# The Sekretaris's standard row on Jabatan before, and now.
LAMA, BARU = {**BACA, "write": 1}, BACA


def execute() -> list[str]:
	return narrow_custom_docperm("Jabatan", SEKRETARIS, LAMA, BARU)
