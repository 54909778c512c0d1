"""The app's benchmarks, importable from an installed app and from a checkout.

- ``sla``: the scheduled SLA check beside a plain UPDATE and the per-document loop (needs a site:
  ``bench --site S execute sakip_evaluasi.benchmark.sla.jalankan``);
- ``kertas_kerja``: the Excel work paper's export and import on a site beside their floors and
  Frappe's Data Import (``bench --site S execute sakip_evaluasi.benchmark.kertas_kerja.jalankan``);
- ``kertas_kerja_murni``: the frappe-free work paper code beside openpyxl alone
  (``python3 scripts/bench_kertas_kerja_pure.py``).

``scripts/bench_situs.py`` runs the site benchmarks as the bench's owner.
"""
