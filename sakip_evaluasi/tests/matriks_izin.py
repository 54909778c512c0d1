"""Who may do what with the app's DocTypes: the one expectation table behind the permission tests
(``test_matriks_izin.py``, run as users holding exactly each role) and the README matrix.

One row per role. Adding a role is one edit: a new entry in ``IZIN`` naming, for each DocType, what
the role may do (a DocType left out means nothing at all). The README table is rendered from it
(``python3 -m sakip_evaluasi.tests.matriks_izin``) and a frappe-free test keeps the two equal.

Each cell is eight characters, one per permission type in ``JENIS`` order, a dash where denied:
``r`` read, ``w`` write, ``c`` create, ``d`` delete, ``s`` submit, ``e`` export, ``p`` print,
``l`` report (list as a report, the report view). Only Penunjukan Pelaksana (a Plt/Plh appointment) is submittable: the SOP
documents move on through their Workflow, whose transitions name the role allowed each action
(README, *Workflows and who may act*), and a Kepala Bidang is further limited to their own bidang by
the User Permission on Bidang.

Frappe-free on purpose (no import of frappe): the README check runs in the pytest suite.
"""

JENIS = ("read", "write", "create", "delete", "submit", "export", "print", "report")
HURUF = "rwcdsepl"

DOCTYPES = (
	"Bidang",
	"Data Kinerja Bidang",
	"Disposisi",
	"Evaluasi Kinerja Internal",
	"Indikator Kinerja",
	"Instruksi Disposisi",
	"Kalender Kerja",
	"Kertas Kerja Evaluasi",
	"Langkah Evaluasi",
	"Jabatan",
	"Notulen Rapat",
	"OPD",
	"Pegawai",
	"Pengaturan SAKIP",
	"Penunjukan Pelaksana",
	"Perjanjian Kinerja",
	"Renstra OPD",
	"SOP",
	"Tindak Lanjut Evaluasi",
)

# What every OPD runs on, tried on the document itself (its has_permission hook): the Pemda-wide SOP
# and Kalender Kerja (no OPD), the ones Pengaturan SAKIP names as defaults. Row name → DocType.
DOKUMEN_PEMDA = {
	"SOP (seluruh Pemda)": "SOP",
	"Kalender Kerja (seluruh Pemda)": "Kalender Kerja",
}
BARIS = (*DOCTYPES, *DOKUMEN_PEMDA)

_SEMUA = "rwcd-epl"  # everything but submit
_BACA = "r----epl"  # read, export, print, report
_UBAH = "rw---epl"  # read and write (what the workflow state allows), no create or delete
_BUAT = "rwc--epl"  # read, write, create
# What every OPD's officials may do with the Pemda-wide SOP and calendar: read them.
_ACUAN_PEMDA = dict.fromkeys(DOKUMEN_PEMDA, _BACA)

# What the Pemda-wide readers (Inspektorat, Bappeda) may do: read every DocType of every OPD.
_PEMBACA_PEMDA = {
	**{doctype: _BACA for doctype in BARIS},
	"Pengaturan SAKIP": "r-------",
}

# Officials, their positions and appointments: named by the Admin SAKIP Pemda, read by the OPD.
_KEPEGAWAIAN_BACA = {"Jabatan": _BACA, "Pegawai": _BACA, "Penunjukan Pelaksana": _BACA}

IZIN: dict[str, dict[str, str]] = {
	"Kepala Dinas": {
		"Bidang": _BACA,
		"Data Kinerja Bidang": _BACA,
		"Disposisi": _BUAT,
		"Evaluasi Kinerja Internal": "r-c--epl",  # creates it; reads it, nothing to edit
		"Indikator Kinerja": _BACA,
		"Instruksi Disposisi": _BACA,
		"Kalender Kerja": _BACA,
		"Kertas Kerja Evaluasi": _BACA,
		"Langkah Evaluasi": _BACA,
		"Notulen Rapat": _UBAH,
		"OPD": _BACA,
		"Pengaturan SAKIP": "r-----p-",
		"SOP": _BACA,
		"Perjanjian Kinerja": _UBAH,  # signs as pihak pertama (OPD) or pihak kedua (bidang)
		"Renstra OPD": _BACA,
		"Tindak Lanjut Evaluasi": _UBAH,
		**_KEPEGAWAIAN_BACA,
		**_ACUAN_PEMDA,
	},
	"Sekretaris": {
		"Bidang": _SEMUA,
		"Data Kinerja Bidang": _BACA,
		"Disposisi": _BUAT,
		"Evaluasi Kinerja Internal": _BUAT,
		"Indikator Kinerja": _SEMUA,
		"Instruksi Disposisi": _SEMUA,
		"Kalender Kerja": _BUAT,  # their OPD's own (User Permission on OPD); never deletes
		"Kertas Kerja Evaluasi": _UBAH,
		"Langkah Evaluasi": _BACA,
		"Notulen Rapat": _BUAT,
		"OPD": _UBAH,
		"Pengaturan SAKIP": "r-------",  # Pemda-wide: the Admin SAKIP Pemda sets it
		"SOP": _BUAT,  # their OPD's own (User Permission on OPD); never deletes
		"Perjanjian Kinerja": _BACA,
		"Renstra OPD": _BACA,
		"Tindak Lanjut Evaluasi": _UBAH,
		"Jabatan": _BACA,  # officials are named by the Admin SAKIP Pemda
		"Pegawai": _BUAT,
		"Penunjukan Pelaksana": "rwc-sepl",
		**_ACUAN_PEMDA,  # what every OPD runs on is the Admin SAKIP Pemda's
	},
	"Subkoordinator Perencanaan dan Pelaporan": {
		"Bidang": _BACA,
		"Data Kinerja Bidang": _UBAH,
		"Disposisi": _BUAT,
		"Evaluasi Kinerja Internal": _BUAT,
		"Indikator Kinerja": _SEMUA,
		"Instruksi Disposisi": _BACA,
		"Kalender Kerja": _BACA,
		"Kertas Kerja Evaluasi": _SEMUA,
		"Langkah Evaluasi": _BACA,
		"Notulen Rapat": _BUAT,
		"OPD": _BACA,
		"Pengaturan SAKIP": "r-----p-",
		"SOP": _BACA,
		"Perjanjian Kinerja": _BUAT,  # drafts it; never deletes
		"Renstra OPD": _BUAT,
		"Tindak Lanjut Evaluasi": _BACA,
		**_KEPEGAWAIAN_BACA,
		**_ACUAN_PEMDA,
	},
	"Kepala Bidang": {
		"Bidang": _BACA,
		"Data Kinerja Bidang": _UBAH,
		"Evaluasi Kinerja Internal": _BACA,
		"Indikator Kinerja": _BACA,
		"Instruksi Disposisi": _BACA,
		"Kalender Kerja": _BACA,
		"Langkah Evaluasi": _BACA,
		"Notulen Rapat": _BACA,
		"OPD": _BACA,
		"Pengaturan SAKIP": "r-----p-",
		"SOP": _BACA,
		"Perjanjian Kinerja": _UBAH,  # signs their bidang's PK as pihak pertama
		"Renstra OPD": _BACA,
		"Tindak Lanjut Evaluasi": _UBAH,
		**_KEPEGAWAIAN_BACA,
		**_ACUAN_PEMDA,
	},
	"System Manager": {
		**{doctype: _SEMUA for doctype in BARIS},
		"Langkah Evaluasi": "r--d-epl",  # the clocks are the engine's: nobody writes them by hand
		"Pengaturan SAKIP": "rwc---p-",
		"Jabatan": _BUAT,  # positions are made with their OPD and Bidang, never deleted by hand
		"Penunjukan Pelaksana": "rwcdsepl",  # an appointment is submitted to take effect
	},
	# A desk user holding none of the roles above.
	"": {},
	# The Pemda-wide readers: every OPD's records; the Inspektorat may also return an accepted Tindak
	# Lanjut (write, for its reason and the transition; the SOP rule locks every other field).
	"Inspektorat": {**_PEMBACA_PEMDA, "Tindak Lanjut Evaluasi": _UBAH},
	"Bappeda": _PEMBACA_PEMDA,
	"Admin SAKIP Pemda": {
		"Bidang": _SEMUA,
		"Data Kinerja Bidang": _BACA,
		"Disposisi": _BACA,
		"Evaluasi Kinerja Internal": _BACA,
		"Indikator Kinerja": _SEMUA,
		"Instruksi Disposisi": _SEMUA,
		"Jabatan": _BUAT,
		"Kalender Kerja": _SEMUA,
		"Kertas Kerja Evaluasi": _BACA,
		"Langkah Evaluasi": _BACA,
		"Notulen Rapat": _BACA,
		"OPD": _SEMUA,
		"Pegawai": _SEMUA,
		"Pengaturan SAKIP": "rwc---p-",
		"Penunjukan Pelaksana": "rwcdsepl",
		"SOP": _SEMUA,
		"Perjanjian Kinerja": _SEMUA,
		"Renstra OPD": _SEMUA,
		"Tindak Lanjut Evaluasi": _BACA,
		**dict.fromkeys(DOKUMEN_PEMDA, _SEMUA),
	},
}


def boleh(peran: str, doctype: str) -> dict[str, bool]:
	"""What ``peran`` may do with ``doctype``, per permission type of ``JENIS``."""
	sel = IZIN[peran].get(doctype, "-" * len(JENIS))
	assert len(sel) == len(JENIS) and all(c in (h, "-") for c, h in zip(sel, HURUF, strict=True)), sel
	return {jenis: c != "-" for jenis, c in zip(JENIS, sel, strict=True)}


def markdown() -> str:
	"""The matrix as the README shows it: a row per DocType, a column per role."""
	peran = [p for p in IZIN if p]
	judul = ["DocType", *peran, "other desk users"]
	baris = [
		"| " + " | ".join(judul) + " |",
		"|" + "|".join(["---"] + [":-:"] * (len(judul) - 1)) + "|",
	]
	for doctype in BARIS:
		sel = [f"`{IZIN[p].get(doctype, '-' * len(JENIS))}`" for p in [*peran, ""]]
		baris.append("| " + " | ".join([doctype, *sel]) + " |")
	return "\n".join(baris)


if __name__ == "__main__":
	print(markdown())
