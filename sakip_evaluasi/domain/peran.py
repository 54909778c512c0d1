"""The roles of the app, as role names. Frappe roles with exactly these names are created on install
and on every migrate."""

# The four SOP actors, in every OPD (Perangkat Daerah).
KEPALA_DINAS = "Kepala Dinas"
SEKRETARIS = "Sekretaris"
SUBKOOR = "Subkoordinator Perencanaan dan Pelaporan"
KEPALA_BIDANG = "Kepala Bidang"

PERAN_SOP = (KEPALA_DINAS, SEKRETARIS, SUBKOOR, KEPALA_BIDANG)

# Pemda-wide roles, across every OPD.
INSPEKTORAT = "Inspektorat"  # APIP: reads every OPD, comments, may return a Tindak Lanjut with a reason
BAPPEDA = "Bappeda"  # reads every OPD, cross-OPD reports
ADMIN_PEMDA = "Admin SAKIP Pemda"  # sets up OPDs, their bidang, indicators, SOP, calendars

PERAN_PEMDA = (INSPEKTORAT, BAPPEDA, ADMIN_PEMDA)
PERAN_APP = PERAN_SOP + PERAN_PEMDA
