"""The four SOP actors, as role names. Frappe roles with exactly these names are created on install."""

KEPALA_DINAS = "Kepala Dinas"
SEKRETARIS = "Sekretaris"
SUBKOOR = "Subkoordinator Perencanaan dan Pelaporan"
KEPALA_BIDANG = "Kepala Bidang"

PERAN_SOP = (KEPALA_DINAS, SEKRETARIS, SUBKOOR, KEPALA_BIDANG)
