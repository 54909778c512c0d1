"""The app's whitelisted endpoints, ``/api/method/sakip_evaluasi.api.<concern>.<name>``, one module
per concern. Each is a thin typed function over the logic where it lives; the logic checks who may
read or change what, so the endpoint and every other caller get the same answer.

- ``alur_kerja``: what the session user may change in an SOP document, per workflow state (the form);
- ``isian_ponsel``: a Data Kinerja Bidang as cards on a phone, and its capaian while typing;
- ``kertas_kerja``: download and upload of the Excel work paper;
- ``opd``: the link search of a user field that routes work, limited to the document's OPD;
- ``siklus``: the output documents of an evaluation (the evaluation form);
- ``sla``: the step clocks of an evaluation (the evaluation form);
- ``tugas_saya``: what waits for the session user (the Tugas Saya page, the banner of a form).
"""
