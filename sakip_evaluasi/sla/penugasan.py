"""A disposisi is done when the work it assigns is done.

A disposisi that completes an SOP step (step 1: the Kepala Dinas to the Sekretaris; step 2: the
Sekretaris to the Subkoordinator) assigns its addressee the next output of the SOP
(``domain.sop.langkah_ditugaskan``: step 2, resp. steps 3-4). While it is *Diterima* it waits for
its addressee only until those steps' clocks have all ended; then the app closes it to *Selesai* —
a system action: the state is written directly (no workflow transition taken in anybody's name, no
"diselesaikan oleh" notification) and the timeline says, as the system, which step finished it.
Called by the engine after a save closes clocks, when a disposisi is accepted after its work is
done, and by the patch that closes what earlier versions left open.
"""

import frappe
from frappe import _

from sakip_evaluasi.domain.doctype import DISPOSISI, LANGKAH
from sakip_evaluasi.domain.sop import LangkahSOP, langkah_ditugaskan

DITERIMA, SELESAI = "Diterima", "Selesai"
SISTEM = "Administrator"


def tutup_disposisi_tuntas(
	evaluasi: str, pemicu: tuple[LangkahSOP, ...], disposisi: str | None = None
) -> list[str]:
	"""Close every disposisi of ``evaluasi`` (only ``disposisi`` when given) that is *Diterima* while
	the steps it assigns have all ended; the names closed."""
	urutan = [(p.no, p.doctype) for p in pemicu]
	per_no = {p.no: p for p in pemicu}
	jam = frappe.get_all(
		LANGKAH,
		filters={"evaluasi": evaluasi},
		fields=["langkah", "selesai", "dokumen_doctype", "dokumen"],
	)
	ditutup = []
	for p in pemicu:
		if p.doctype != DISPOSISI or not (tugas := langkah_ditugaskan(urutan, p.no)):
			continue
		jam_tugas = [j for j in jam if j.langkah in tugas]
		if {j.langkah for j in jam_tugas} != set(tugas) or any(not j.selesai for j in jam_tugas):
			continue  # the assigned work has not all started, or still runs
		terakhir = max(jam_tugas, key=lambda j: (j.selesai, j.langkah))
		for j in jam:
			if j.langkah != p.no or j.dokumen_doctype != DISPOSISI or not j.dokumen:
				continue
			if disposisi and j.dokumen != disposisi:
				continue
			if frappe.db.get_value(DISPOSISI, j.dokumen, "workflow_state") != DITERIMA:
				continue
			_tutup(j.dokumen, per_no[terakhir.langkah], terakhir)
			ditutup.append(j.dokumen)
	return ditutup


def _tutup(nama: str, p: LangkahSOP, jam) -> None:
	frappe.db.set_value(DISPOSISI, nama, "workflow_state", SELESAI, modified_by=SISTEM)
	bukti = f" ({_(jam.dokumen_doctype)} {jam.dokumen})" if jam.dokumen else ""
	komentar = frappe.get_doc(
		{
			"doctype": "Comment",
			"comment_type": "Info",
			"comment_email": SISTEM,
			"reference_doctype": DISPOSISI,
			"reference_name": nama,
			"content": _(
				"menutup disposisi ini sebagai Selesai: pekerjaan yang ditugaskannya telah selesai, "
				"langkah {0} SOP “{1}”{2}."
			).format(p.no, p.kegiatan, bukti),
		}
	).insert(ignore_permissions=True)
	# The timeline shows the comment's owner: the app, not the user whose save finished the step.
	frappe.db.set_value(
		"Comment",
		komentar.name,
		{"owner": SISTEM, "modified_by": SISTEM, "comment_by": _("Sistem")},
		update_modified=False,
	)
