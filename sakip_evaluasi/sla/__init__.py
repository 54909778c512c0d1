"""The SLA engine: every SOP step of an Evaluasi Kinerja Internal timed on the working calendar.

- ``kalender``: the working calendar from the Kalender Kerja records (the default one, an
  evaluation's own);
- ``jam``: the clocks (Langkah Evaluasi): record names, a clock's key, the holder of its role, the
  warning share, an evaluation's clocks by a locking read, when each step started;
- ``pemicu``: the SOP record's timed steps as the domain model (``domain.sop.LangkahSOP``: the
  DocType of the output, the workflow state that completes it or starts it, per bidang, condition,
  scheduled start; waktu in Decimal from the record to the deadline) and its validation;
- ``mesin``: opens and closes Langkah Evaluasi records from workflow state changes (called by the
  controllers: ``controllers.alur_kerja.DokumenAlurKerja`` and the evaluation's own);
- ``jadwal``: the scheduled check (two indexed UPDATEs) and its interval;
- ``notifikasi``: pemberitahuan and escalation, exactly once per state, in a background job;
- ``rencana``: re-planning running steps when a calendar (or a meeting's schedule) changes;
- ``penugasan``: a disposisi closed to Selesai once the steps it assigns have ended;
- ``tampilan``: the step clocks as the desk shows them (served by ``sakip_evaluasi.api.sla``).

Imports run one way: ``mesin`` → ``rencana``/``penugasan`` → ``jam``/``kalender``/``pemicu``;
controllers call the engine, the engine imports no controller. The benchmark is ``sakip_evaluasi.benchmark.sla``.

The arithmetic (deadlines, status, lateness, statistics, superior chain) is the frappe-free
``sakip_evaluasi.domain.sla``.
"""
