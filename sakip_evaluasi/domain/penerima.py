"""The user fields that route work or information to someone, and the OPD boundary they keep.

A user named in one of these fields is told (a bell notification, an e-mail, a calendar Event, a
step's turn) and so reads what the document says. Each accepts only users who may act in the
document's OPD (``sakip_evaluasi.pejabat.opd.periksa_penerima``): its officials, the Kepala Bidang of its
bidang, a Plt/Plh appointed in it, staff an administrator scoped to it (User Permission on OPD), and
a Pemda-wide role only where the SOP gives that role a part in the field (``PERAN_PEMDA``).

One table drives the rule, the form's user search and the guards before anything is sent. A user field
added to a DocType of an OPD is either listed here or in ``BUKAN_PENERIMA`` with the reason; a
frappe-free test (``tests/test_penerima.py``) reads every DocType JSON and refuses a field in neither.

Frappe-free: names only.
"""

# DocType → its routing user fields; a child table's field as "table.field".
FIELD_PENERIMA: dict[str, tuple[str, ...]] = {
	"Disposisi": ("dari", "kepada"),
	"Notulen Rapat": ("pimpinan_rapat", "notulis", "peserta.peserta"),
	# The officials an evaluation records hold its steps (their clocks, turns and escalations).
	"Evaluasi Kinerja Internal": ("kepala_dinas", "sekretaris", "subkoordinator"),
	# No user field today: the rows' follow-up is the bidang's (its Kepala Bidang, by the Bidang).
	"Tindak Lanjut Evaluasi": (),
}

# (DocType, field) → the Pemda-wide roles the SOP gives a part in that field. None today: the
# Inspektorat's and Bappeda's speakers at a meeting are named as guests (Peserta Rapat: nama and
# instansi, no user), and the Inspektorat returns a Tindak Lanjut through its workflow, not by a field.
PERAN_PEMDA: dict[tuple[str, str], tuple[str, ...]] = {}

# User fields of the app that are not routing fields of a document, and why.
BUKAN_PENERIMA: dict[tuple[str, str], str] = {
	("Penandatangan TTE", "user"): "records who signed (set by the signing itself, never chosen by a user)",
	("Bidang", "kepala_bidang"): "defines who heads the bidang (and so who belongs to the OPD)",
	("Bidang", "pelaksana_kepala_bidang"): "set by a Plt/Plh appointment of the OPD",
	("OPD", "kepala_dinas"): "defines the OPD's officials",
	("OPD", "sekretaris"): "defines the OPD's officials",
	("OPD", "subkoordinator"): "defines the OPD's officials",
	("Pegawai", "user"): "the person's own login",
	("Penunjukan Pelaksana", "user"): "taken from the appointed Pegawai",
	("Riwayat Jabatan", "user"): "history: who held a position",
	("Riwayat Pengembalian", "dikembalikan_oleh"): "history: who returned a document",
	("Langkah Evaluasi", "pelaksana"): "set by the SLA engine from the SOP role's holder",
	("Langkah Evaluasi", "atasan"): "set by the SLA engine from the SOP role's holder",
	(
		"Perjanjian Kinerja",
		"pihak_pertama",
	): "set when submitted from the holder of the OPD's or bidang's head",
	("Perjanjian Kinerja", "pihak_kedua"): "set when submitted from the holder of the OPD's head",
}


def field_penerima(doctype: str) -> list[tuple[str | None, str]]:
	"""The routing fields of ``doctype`` as (child table or None, field)."""
	hasil = []
	for nama in FIELD_PENERIMA.get(doctype, ()):
		tabel, _, field = nama.rpartition(".")
		hasil.append((tabel or None, field))
	return hasil
