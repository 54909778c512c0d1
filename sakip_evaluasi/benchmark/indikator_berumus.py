"""Benchmark of computed indicators: a Data Kinerja Bidang save whose indicators are all computed
(each a ratio of two components) beside one whose indicators are all typed, the same number of rows.

Run as the bench owner, from the bench folder, either way:

    bench --site SITE execute sakip_evaluasi.benchmark.indikator_berumus.jalankan [--kwargs "{'ukuran': '30'}"]
    python3 scripts/bench_situs.py indikator_berumus SITE [30]      # from a checkout

Per size N (default 30, the issue's "30 computed indicators"): two bidang of the benchmark OPD, one
with N typed indicators, one with N computed ones, each with its Data Kinerja Bidang. One round
loads each document, sets a new value in every row (the realisasi, or the components of the
ratio), and times its ``save()`` (the whole controller: edit rule, realisasi from the components,
capaian, predikat, projection, write); the two documents alternate within each round, so both are
measured side by side under the same load. Reported: the median and best of ``ULANG`` rounds and
the ratio computed / typed of the medians. Everything is rolled back at the end.
"""

import os
import statistics
import time

import frappe

from sakip_evaluasi.aturan.rumus_indikator import komponen_awal
from sakip_evaluasi.benchmark.dasar import OPD_BENCH, pastikan_opd, sisip
from sakip_evaluasi.domain.doctype import DKB, EVALUASI
from sakip_evaluasi.domain.penamaan import nama_bidang

ULANG = 41
TAHUN, TRIWULAN = 2098, "II"
BIDANG = {"Langsung": ("BRL", "Bidang Benchmark Langsung"), "Rumus": ("BRR", "Bidang Benchmark Rumus")}
PEMBILANG, PENYEBUT = "Panjang jalan kondisi mantap (km)", "Panjang jalan kabupaten (km)"


def siapkan(jumlah: int, evaluasi: str, jenis: str) -> str:
	"""A bidang with ``jumlah`` indicators of ``jenis`` (Langsung or Rumus) and its Data Kinerja
	Bidang as distributed; its name."""
	kode, nama = BIDANG[jenis]
	bidang = nama_bidang(OPD_BENCH, kode)
	if not frappe.db.exists("Bidang", bidang):
		frappe.get_doc({"doctype": "Bidang", "opd": OPD_BENCH, "nama_bidang": nama, "kode": kode}).insert(
			ignore_permissions=True
		)
	rumus = (
		{
			"jenis_indikator": "Rumus",
			"jenis_rumus": "Rasio",
			"kali_seratus": 1,
			"komponen": [
				{"komponen": PEMBILANG, "peran": "Pembilang"},
				{"komponen": PENYEBUT, "peran": "Penyebut"},
			],
		}
		if jenis == "Rumus"
		else {}
	)
	indikator = []
	for i in range(jumlah):
		doc = frappe.get_doc(
			{
				"doctype": "Indikator Kinerja",
				"indikator": f"Persentase jalan mantap ruas {i} ({jenis})",
				"sasaran_strategis": "Sasaran benchmark",
				"bidang": bidang,
				"satuan": "%",
				"polaritas": "Negatif" if i % 4 == 0 else "Positif",
				"akumulasi": "Kumulatif",
				**rumus,
			}
		).insert(ignore_permissions=True)
		indikator.append(doc)
	rows = [
		{
			"indikator": d.name,
			"nama_indikator": d.indikator,
			"satuan": "%",
			"polaritas": d.polaritas,
			"metode_negatif": "(2T-R)/T",
			"akumulasi": "Kumulatif",
			"target_tw": 75 + i % 20,
			"target_sd_tw": 75 + i % 20,
		}
		for i, d in enumerate(indikator)
	]
	awal = komponen_awal(rows)
	dkb = frappe.get_doc(
		{
			"doctype": DKB,
			"evaluasi": evaluasi,
			"bidang": bidang,
			"baris": [{**r, "komponen": awal.get(r["indikator"])} for r in rows],
		}
	)
	dkb.flags.dari_sistem = True
	dkb.insert(ignore_permissions=True)
	return dkb.name


def _isi(doc, putaran: int) -> None:
	"""A new value in every row: the realisasi typed, or the components of the ratio."""
	for i, row in enumerate(doc.baris):
		if row.komponen:
			row.komponen = f"{PEMBILANG}: {300 + (i + putaran) % 200},5\n{PENYEBUT}: 550"
		else:
			row.realisasi = f"{60 + (i + putaran) % 30},5"


def satu_ukuran(jumlah: int) -> dict:
	frappe.db.savepoint("bench_berumus")
	try:
		pastikan_opd()
		periode = {"opd": OPD_BENCH, "tahun": TAHUN, "triwulan": TRIWULAN}
		# the evaluation as a finished step 1 leaves it (its officials are not what is measured)
		evaluasi = frappe.db.get_value(EVALUASI, periode) or sisip(
			{"doctype": EVALUASI, "name": f"EKI-{OPD_BENCH}-{TAHUN}-TW{len(TRIWULAN)}", **periode}
		)
		dokumen = {jenis: siapkan(jumlah, evaluasi, jenis) for jenis in ("Langsung", "Rumus")}
		waktu: dict[str, list[float]] = {jenis: [] for jenis in dokumen}
		for putaran in range(ULANG + 1):
			urutan = ("Langsung", "Rumus") if putaran % 2 else ("Rumus", "Langsung")
			for jenis in urutan:
				doc = frappe.get_doc(DKB, dokumen[jenis])
				_isi(doc, putaran)
				mulai = time.perf_counter()
				doc.save()
				if putaran:  # the first round warms the caches of both
					waktu[jenis].append(time.perf_counter() - mulai)
		cek = frappe.get_doc(DKB, dokumen["Rumus"])
		if not all(r.realisasi and r.capaian for r in cek.baris):
			raise RuntimeError("Realisasi indikator berumus tidak terhitung.")
	finally:
		frappe.db.rollback(save_point="bench_berumus")
	median = {j: statistics.median(w) for j, w in waktu.items()}
	return {
		"baris": jumlah,
		"langsung": median["Langsung"],
		"langsung_min": min(waktu["Langsung"]),
		"rumus": median["Rumus"],
		"rumus_min": min(waktu["Rumus"]),
		"rasio": median["Rumus"] / median["Langsung"],
	}


def jalankan(ukuran: str | None = None) -> None:
	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	daftar = [int(u) for u in (ukuran or os.environ.get("SAKIP_BENCH_BERUMUS", "30")).split(",")]
	print(
		f"Computed indicators benchmark on {frappe.local.site}: one Data Kinerja Bidang save, N typed "
		f"indicators beside N computed ones (ratio of two components), alternating; {ULANG} rounds."
	)
	print(f"{'rows':>5} | {'typed median':>12} {'(best)':>8} | {'computed median':>15} {'(best)':>8} | ratio")
	for jumlah in daftar:
		h = satu_ukuran(jumlah)
		print(
			f"{h['baris']:>5} | {h['langsung']:>11.3f}s {h['langsung_min']:>7.3f}s | "
			f"{h['rumus']:>14.3f}s {h['rumus_min']:>7.3f}s | {h['rasio']:.2f}×"
		)
	print("Target: computed ≤ 1.2 × typed (ratio of the medians, measured in the same run).")
