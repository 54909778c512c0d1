"""Evaluasi AKIP benchmark (a script, not a test): the Rekapitulasi Nilai AKIP of many OPD and the
opening of one OPD's worksheet of 80 criteria with its linked evidence.

    bench --site bench.localhost execute sakip_evaluasi.benchmark.akip.jalankan --kwargs "{'opd': 40}"

It makes ``opd`` OPD, each with an Evaluasi AKIP of two years (every criterion answered, the
Inspektorat's answers on the later one), ``bukti`` evidence rows on the measured OPD, then times as the
Inspektorat (every OPD; median of ``ulang`` runs):

- **recap**: the report's ``execute`` for the year (all OPD, components, ranking, last year's values);
- **worksheet**: ``frappe.desk.form.load.getdoc`` of one evaluation, what the desk calls to open the
  form (the document with its 80 answer rows and its evidence rows, and its timeline).

Everything it writes is rolled back at the end (its users stay).
"""

import statistics
import time

import frappe
from frappe.desk.form.load import getdoc

from sakip_evaluasi.aturan.lke import pastikan_lke
from sakip_evaluasi.benchmark.dasar import pastikan_pengguna
from sakip_evaluasi.domain.doctype import AKIP
from sakip_evaluasi.domain.peran import INSPEKTORAT
from sakip_evaluasi.sakip_evaluasi.report.rekapitulasi_nilai_akip import rekapitulasi_nilai_akip

TAHUN = 2099
INSPEKTUR = "inspektorat.bench-akip@example.com"
JAWABAN = ("AA", "A", "BB", "B", "CC", "C")


def jalankan(opd: int = 40, bukti: int = 80, ulang: int = 15) -> None:
	pastikan_pengguna(INSPEKTUR, INSPEKTORAT)
	frappe.db.commit()
	try:
		mulai = time.perf_counter()
		nama = _siapkan(int(opd), int(bukti))
		print(f"Seeded {opd} OPD × 2 years of Evaluasi AKIP in {time.perf_counter() - mulai:.1f} s")
		frappe.set_user(INSPEKTUR)
		rekap = _ukur(lambda: rekapitulasi_nilai_akip.execute({"tahun": TAHUN}), int(ulang))
		baris = len(rekapitulasi_nilai_akip.execute({"tahun": TAHUN})[1])

		def buka() -> None:
			frappe.local.response = frappe._dict()
			getdoc(AKIP, nama)

		lembar = _ukur(buka, int(ulang))
		doc = frappe.get_doc(AKIP, nama)
		print("| measure | rows | median s | max s |\n|---|---|---|---|")
		print(
			f"| Rekapitulasi Nilai AKIP {TAHUN}, Inspektorat | {baris} OPD | {rekap[0]:.3f} | {rekap[1]:.3f} |"
		)
		print(
			f"| open worksheet {nama} | {len(doc.jawaban)} criteria, {len(doc.bukti)} evidence | "
			f"{lembar[0]:.3f} | {lembar[1]:.3f} |"
		)
	finally:
		frappe.set_user("Administrator")
		frappe.db.rollback()


def _ukur(fn, ulang: int) -> tuple[float, float]:
	waktu = []
	for _ in range(ulang):
		t = time.perf_counter()
		fn()
		waktu.append(time.perf_counter() - t)
	return statistics.median(waktu), max(waktu)


def _siapkan(jumlah: int, bukti: int) -> str:
	for tahun in (TAHUN - 1, TAHUN):
		pastikan_lke(tahun)
	pertama = None
	for i in range(1, jumlah + 1):
		kode = f"BA-{i:02d}"
		if not frappe.db.exists("OPD", kode):
			frappe.get_doc(
				{"doctype": "OPD", "kode": kode, "nama_opd": f"Dinas Benchmark {i:02d}", "aktif": 1}
			).insert(ignore_permissions=True)
		for tahun in (TAHUN - 1, TAHUN):
			doc = frappe.get_doc({"doctype": AKIP, "opd": kode, "tahun": tahun})
			doc.flags.ignore_permissions = True
			doc.insert()
			for n, r in enumerate(doc.jawaban):
				r.jawaban_opd = JAWABAN[(n + i) % len(JAWABAN)]
				if tahun == TAHUN:
					r.jawaban_inspektorat = r.jawaban_opd
			if tahun == TAHUN and pertama is None:
				for n in range(bukti):
					doc.append(
						"bukti",
						{
							"kriteria": doc.jawaban[n % len(doc.jawaban)].kriteria,
							"jenis": "Tautan",
							"tautan": f"https://arsip.example.go.id/akip/{kode}/{n}",
							"keterangan": f"Bukti {n + 1}",
						},
					)
				pertama = doc.name
			doc.flags.dari_sistem = True
			doc.save(ignore_permissions=True)
			if tahun == TAHUN:
				frappe.db.set_value(AKIP, doc.name, "workflow_state", "Disetujui", update_modified=False)
	return pertama
