"""Who is told at every handover, and what: the definitions of the app's handover Notification records.

Each transition that hands work to someone — a submission to verify, a return (with its reason), an
acceptance, an invitation — tells that person in the bell (channel *System Notification*) and, as a
separate record, by e-mail (channel *Email*), with the reason and the deadline. ``setup/pemberitahuan``
creates the records once from :func:`definisi`; ``extends/surel`` switches the e-mail ones with the
site's outgoing e-mail; the template functions their messages call (``penerima_serah``,
``batas_serah``, ``nama_pengguna``, ``tautan_dokumen``) are in ``halaman/pemberitahuan``.

Recipients come from the document itself, never from a role (a role recipient would reach every holder
of the role, across bidang and OPD, whatever the document's permissions): a user field of the document
(``kepada``, ``dari``, the meeting's participants), or the holder of an SOP role *for this document*
(``PENERIMA_PERAN``), through the template function ``penerima_serah``.
"""

from sakip_evaluasi.domain.peran import KEPALA_BIDANG, KEPALA_DINAS, SEKRETARIS, SUBKOOR

LONCENG = "System Notification"
SUREL = "Email"

# Who receives a handover: a user field of the document ("kepada"), the participants ("peserta.peserta",
# a child table's user field), or the holder of an SOP role for the document (penerima_serah). A user
# named in a field who may not act in the document's OPD is left out (opd.penerima_sah).
PENERIMA_PERAN = {
	"kepala_bidang": KEPALA_BIDANG,
	"subkoordinator": SUBKOOR,
	"sekretaris": SEKRETARIS,
	"kepala_dinas": KEPALA_DINAS,
}

_DIKEMBALIKAN = (
	"<p>{{ _(doc.doctype) }} {{ doc.name }} dikembalikan oleh {{ nama_pengguna(doc.modified_by, doc) }}."
	"</p><p><b>Alasan:</b> {{ doc.alasan_dikembalikan or '' }}</p>"
)
_BATAS = "{% set batas = batas_serah(doc) %}{% if batas %}<p><b>Batas waktu:</b> {{ batas }}</p>{% endif %}"
_BUKA = '<p><a href="{{ tautan_dokumen(doc) }}">Buka {{ _(doc.doctype) }} {{ doc.name }}</a></p>'

# (DocType, state entered, recipient, subject, what to do): one handover each.
SERAH = (
	(
		"Disposisi",
		"Dikirim",
		"kepada",
		"Disposisi {{ doc.name }} dari {{ nama_pengguna(doc.dari, doc) }}",
		"<p>Anda menerima disposisi {{ doc.name }}. Baca, lalu Terima.</p><p>{{ doc.catatan or '' }}</p>",
	),
	(
		"Disposisi",
		"Diterima",
		"dari",
		"Disposisi {{ doc.name }} diterima oleh {{ nama_pengguna(doc.kepada, doc) }}",
		"<p>Disposisi {{ doc.name }} telah diterima.</p>",
	),
	(
		"Disposisi",
		"Selesai",
		"dari",
		"Disposisi {{ doc.name }} diselesaikan oleh {{ nama_pengguna(doc.kepada, doc) }}",
		"<p>Disposisi {{ doc.name }} telah dilaksanakan dan diselesaikan.</p>",
	),
	(
		"Kertas Kerja Evaluasi",
		"Diajukan",
		"sekretaris",
		"Kertas Kerja Evaluasi {{ doc.name }} menunggu pemeriksaan Anda",
		"<p>Periksa kertas kerja evaluasi {{ doc.name }}, lalu Setujui, atau Kembalikan dengan alasan.</p>",
	),
	(
		"Kertas Kerja Evaluasi",
		"Dikembalikan",
		"subkoordinator",
		"Kertas Kerja Evaluasi {{ doc.name }} dikembalikan",
		_DIKEMBALIKAN + "<p>Perbaiki, lalu Ajukan lagi.</p>",
	),
	(
		"Kertas Kerja Evaluasi",
		"Disetujui",
		"subkoordinator",
		"Kertas Kerja Evaluasi {{ doc.name }} disetujui",
		"<p>Kertas kerja evaluasi {{ doc.name }} disetujui. Distribusikan kepada setiap bidang.</p>",
	),
	(
		"Data Kinerja Bidang",
		"Diajukan",
		"subkoordinator",
		"Data Kinerja {{ doc.bidang }} ({{ doc.name }}) menunggu pemeriksaan Anda",
		"<p>{{ doc.bidang }} mengajukan data kinerjanya. Periksa, lalu Terima, atau Kembalikan dengan alasan.</p>",
	),
	(
		"Data Kinerja Bidang",
		"Dikembalikan",
		"kepala_bidang",
		"Data Kinerja {{ doc.bidang }} ({{ doc.name }}) dikembalikan",
		_DIKEMBALIKAN + "<p>Perbaiki data sesuai alasan, lalu Ajukan lagi.</p>",
	),
	(
		"Data Kinerja Bidang",
		"Diterima",
		"kepala_bidang",
		"Data Kinerja {{ doc.bidang }} ({{ doc.name }}) diterima",
		"<p>Data kinerja {{ doc.bidang }} telah diterima oleh Subkoordinator Perencanaan dan Pelaporan.</p>",
	),
	(
		"Notulen Rapat",
		"Undangan Dikirim",
		"peserta.peserta",
		"Undangan: {{ doc.acara or 'Rapat Evaluasi Kinerja Internal' }}",
		"<p>Anda diundang ke {{ doc.acara or 'Rapat Evaluasi Kinerja Internal' }} pada "
		"{{ doc.get_formatted('tanggal_rapat') }} pukul {{ doc.get_formatted('jam_mulai') }} "
		"di {{ doc.tempat or '' }}.</p>",
	),
	(
		"Notulen Rapat",
		"Notulen Diajukan",
		"kepala_dinas",
		"Notulen Rapat {{ doc.name }} menunggu pengesahan Anda",
		"<p>Periksa notulen rapat {{ doc.name }}, lalu Sahkan, atau Kembalikan dengan alasan.</p>",
	),
	(
		"Notulen Rapat",
		"Dikembalikan",
		"subkoordinator",
		"Notulen Rapat {{ doc.name }} dikembalikan",
		_DIKEMBALIKAN + "<p>Perbaiki notulen, lalu Ajukan Notulen lagi.</p>",
	),
	(
		"Notulen Rapat",
		"Disahkan",
		"subkoordinator",
		"Notulen Rapat {{ doc.name }} disahkan",
		"<p>Notulen rapat {{ doc.name }} disahkan oleh Kepala Dinas.</p>",
	),
	(
		"Tindak Lanjut Evaluasi",
		"Diajukan",
		"sekretaris",
		"Tindak Lanjut {{ doc.bidang }} ({{ doc.name }}) menunggu verifikasi Anda",
		"<p>Periksa tindak lanjut {{ doc.bidang }}, lalu Verifikasi, atau Kembalikan dengan alasan.</p>",
	),
	(
		"Tindak Lanjut Evaluasi",
		"Diverifikasi",
		"kepala_dinas",
		"Tindak Lanjut {{ doc.bidang }} ({{ doc.name }}) menunggu persetujuan Anda",
		"<p>Tindak lanjut {{ doc.bidang }} telah diverifikasi Sekretaris. Periksa, lalu Terima, atau "
		"Kembalikan dengan alasan.</p>",
	),
	(
		"Tindak Lanjut Evaluasi",
		"Dikembalikan",
		"kepala_bidang",
		"Tindak Lanjut {{ doc.bidang }} ({{ doc.name }}) dikembalikan",
		_DIKEMBALIKAN + "<p>Perbaiki tindak lanjut, lalu Ajukan lagi.</p>",
	),
	(
		"Tindak Lanjut Evaluasi",
		"Diterima",
		"kepala_bidang",
		"Tindak Lanjut {{ doc.bidang }} ({{ doc.name }}) diterima",
		"<p>Tindak lanjut {{ doc.bidang }} telah diterima oleh Kepala Dinas.</p>",
	),
)


def nama_pemberitahuan(doctype: str, state: str, channel: str) -> str:
	return f"SAKIP: {doctype} {state} ({'lonceng' if channel == LONCENG else 'e-mail'})"


def _penerima(penerima: str) -> dict:
	return {"cc": f"{{{{ penerima_serah(doc, '{penerima}') }}}}"}


def definisi() -> list[dict]:
	"""The shipped Notification records (bell and e-mail for every handover)."""
	hasil = []
	for doctype, state, penerima, subjek, isi in SERAH:
		for channel in (LONCENG, SUREL):
			hasil.append(
				{
					"doctype": "Notification",
					"name": nama_pemberitahuan(doctype, state, channel),
					"subject": subjek,
					"document_type": doctype,
					"event": "Value Change",
					"value_changed": "workflow_state",
					"condition": f"doc.workflow_state == {state!r}",
					"channel": channel,
					"enabled": 1,
					"message_type": "HTML",
					"message": isi + _BATAS + _BUKA,
					"recipients": [_penerima(penerima)],
				}
			)
	return hasil
