"""Benchmark of the kertas kerja on a Frappe site: the part that needs a database.

Run as the bench owner, from the bench folder, either way:

    bench --site SITE execute sakip_evaluasi.benchmark.kertas_kerja.jalankan [--kwargs "{'ukuran': '500,2000'}"]
    python3 scripts/bench_situs.py kertas_kerja SITE [500,2000,8000]      # from a checkout

Sizes: the arguments, or ``SAKIP_BENCH_BARIS=500,2000,8000`` (the default).

One Data Kinerja Bidang holding N indicator rows; every Realisasi is filled and every 7th row gets
Kendala/Upaya (as ``kertas_kerja_murni.isi_seperti_kabid``). Per size:

- export: ``buat_kertas_kerja`` (load the document + build the workbook) beside openpyxl writing
  the same cells in write-only mode and nothing else;
- read+validate: ``baca_workbook`` inside the import beside openpyxl reading the same cells in
  read-only mode and nothing else;
- write: the import's write (apply the changes to the loaded document, one ``save()``, one Info
  comment) beside one plain ``save()`` of the same document with the same values set directly;
- whole import (``impor_kertas_kerja``: permission checks, load, read, validate, write) beside
  Frappe's own Data Import ("Update Existing Records", a CSV made by Frappe's exporter with the same
  new values) doing the same update;
- peak memory (tracemalloc, measured in separate runs) of the export, the import and Data Import.

Times are the best of ``ULANG`` runs (one run for sizes above 2,000 rows). Each run starts from
the same state (savepoints); everything is rolled back at the end, and Data Import's own commit
is suspended while it runs, so the site is left exactly as it was.
"""

import csv
import os
import time
import tracemalloc
from contextlib import contextmanager
from decimal import Decimal
from io import BytesIO, StringIO

import frappe
from openpyxl import load_workbook

from sakip_evaluasi.aturan import kertas_kerja as kke_excel
from sakip_evaluasi.aturan.kertas_kerja import buat_kertas_kerja, impor_kertas_kerja, lembar_dkb
from sakip_evaluasi.benchmark.dasar import OPD_BENCH, pastikan_opd
from sakip_evaluasi.benchmark.kertas_kerja_murni import isi_seperti_kabid, lantai_baca, lantai_tulis
from sakip_evaluasi.domain.doctype import DKB
from sakip_evaluasi.domain.penamaan import nama_bidang

ULANG = 3
KODE = "BNCH"
NAMA_BIDANG = "Bidang Benchmark Kertas Kerja"
BIDANG = nama_bidang(OPD_BENCH, KODE)
TAHUN, TRIWULAN = 2099, "II"


# --------------------------------------------------------------------------- fixtures


def siapkan(jumlah: int) -> str:
	"""A Bidang, ``jumlah`` indicators and one Data Kinerja Bidang holding them; its name."""
	opd = pastikan_opd()
	if not frappe.db.exists("Bidang", BIDANG):
		frappe.get_doc({"doctype": "Bidang", "opd": opd, "nama_bidang": NAMA_BIDANG, "kode": KODE}).insert(
			ignore_permissions=True
		)
	periode = {"opd": opd, "tahun": TAHUN, "triwulan": TRIWULAN}
	if not frappe.db.exists("Evaluasi Kinerja Internal", periode):
		frappe.get_doc({"doctype": "Evaluasi Kinerja Internal", **periode}).insert(ignore_permissions=True)
	evaluasi = frappe.db.get_value("Evaluasi Kinerja Internal", periode)
	frappe.db.delete("Data Kinerja Bidang", {"evaluasi": evaluasi})
	frappe.db.delete("Baris Data Kinerja", {"parent": ("like", f"DKB-{evaluasi}-%")})
	sekarang = frappe.utils.now()
	nama = [f"IK-BENCH-{i:06d}" for i in range(jumlah)]
	frappe.db.delete("Indikator Kinerja", {"name": ("like", "IK-BENCH-%")})
	frappe.db.bulk_insert(
		"Indikator Kinerja",
		[
			"name",
			"indikator",
			"sasaran_strategis",
			"bidang",
			"opd",
			"satuan",
			"polaritas",
			"akumulasi",
			"aktif",
			"creation",
			"modified",
			"owner",
			"modified_by",
		],
		[
			(
				n,
				f"Persentase capaian program {i} terhadap rencana strategis",
				"Sasaran benchmark",
				BIDANG,
				opd,
				"%",
				"Negatif" if i % 4 == 0 else "Positif",
				"Kumulatif",
				1,
				sekarang,
				sekarang,
				"Administrator",
				"Administrator",
			)
			for i, n in enumerate(nama)
		],
	)
	doc = frappe.get_doc(
		{
			"doctype": DKB,
			"evaluasi": evaluasi,
			"bidang": BIDANG,
			"baris": [
				{
					"indikator": n,
					"nama_indikator": f"Persentase capaian program {i} terhadap rencana strategis",
					"satuan": "%",
					"polaritas": "Negatif" if i % 4 == 0 else "Positif",
					"metode_negatif": "(2T-R)/T",
					"akumulasi": "Kumulatif",
					"target_tw": 75 + i % 20 + 0.5,
					"target_sd_tw": 75 + i % 20 + 0.5,
					"realisasi": str(70 + i % 25) if i % 3 == 0 else None,
					"kendala": "Keterlambatan pencairan anggaran" if i % 5 == 0 else None,
				}
				for i, n in enumerate(nama)
			],
		}
	)
	doc.flags.dari_sistem = True
	doc.insert(ignore_permissions=True)
	return doc.name


@contextmanager
def titik_simpan(nama: str):
	"""Run the block, then undo everything it wrote."""
	frappe.db.savepoint(nama)
	try:
		yield
	finally:
		frappe.db.rollback(save_point=nama)
		frappe.local.message_log = []


@contextmanager
def tanpa_commit():
	"""Data Import commits after every document; keep it inside the benchmark's transaction."""
	asli = frappe.db.commit
	frappe.db.commit = lambda *a, **k: None
	try:
		yield
	finally:
		frappe.db.commit = asli


def terbaik(ulang: int, fungsi):
	"""Best time of ``ulang`` runs of ``fungsi(catat)``; each run starts from the same state and
	reports its own timed parts through ``catat(bagian, detik)``."""
	hasil: dict[str, float] = {}
	for _ in range(ulang):
		bagian: dict[str, float] = {}
		with titik_simpan("bench_ulang"):
			mulai = time.perf_counter()
			fungsi(lambda k, v: bagian.__setitem__(k, bagian.get(k, 0) + v))
			bagian["total"] = time.perf_counter() - mulai
		for k, v in bagian.items():
			hasil[k] = min(v, hasil.get(k, v))
	return hasil


def puncak(fungsi) -> float:
	with titik_simpan("bench_memori"):
		tracemalloc.start()
		try:
			fungsi(lambda k, v: None)
			_, tertinggi = tracemalloc.get_traced_memory()
		finally:
			tracemalloc.stop()
	return tertinggi / 1024 / 1024


@contextmanager
def diukur(catat):
	"""Time the parts of an export or import by wrapping the module's functions: the workbook
	build, the read+validate and the write."""
	asli = {
		"buat_workbook": kke_excel.buat_workbook,
		"baca_workbook": kke_excel.baca_workbook,
		"_tulis": kke_excel._tulis,
	}

	def bungkus(nama, fungsi):
		def terukur(*a, **k):
			m = time.perf_counter()
			try:
				return fungsi(*a, **k)
			finally:
				catat(nama, time.perf_counter() - m)

		return terukur

	for nama, fungsi in asli.items():
		setattr(kke_excel, nama, bungkus(nama, fungsi))
	try:
		yield
	finally:
		for nama, fungsi in asli.items():
			setattr(kke_excel, nama, fungsi)


# --------------------------------------------------------------------------- the runs


def nilai_baru(terisi: bytes) -> dict[str, tuple]:
	"""{row key: (realisasi text, kendala, upaya)} as the filled workbook holds them."""
	ws = load_workbook(BytesIO(terisi), read_only=True)[KODE]
	hasil = {}
	for baris in ws.iter_rows(min_row=2, values_only=True):
		if baris and baris[8]:
			realisasi = kke_excel.teks_realisasi(Decimal(repr(baris[5])))
			hasil[baris[8]] = (realisasi, baris[6] or "", baris[7] or "")
	return hasil


def data_import_csv(nama: str, baru: dict[str, tuple]) -> bytes:
	"""Frappe's own export (with data) of the rows, edited to the same new values."""
	from frappe.core.doctype.data_import.exporter import Exporter

	eksportir = Exporter(
		DKB,
		export_fields={DKB: ["name"], "baris": ["name", "realisasi", "kendala", "upaya"]},
		export_data=True,
		export_filters={"name": nama},
		file_type="CSV",
	)
	larik = eksportir.get_csv_array_for_export()
	kepala = larik[0]
	i_id, i_real, i_kend, i_upaya = (
		kepala.index("ID (Baris)"),
		kepala.index("Realisasi TW (Baris)"),
		kepala.index("Kendala/Hambatan (Baris)"),
		kepala.index("Upaya/Solusi (Baris)"),
	)
	for baris in larik[1:]:
		if baris[i_id] in baru:
			baris[i_real], baris[i_kend], baris[i_upaya] = baru[baris[i_id]]
	keluaran = StringIO()
	csv.writer(keluaran).writerows(larik)
	return keluaran.getvalue().encode()


def jalankan_data_import(isi_csv: bytes, catat) -> None:
	from frappe.core.doctype.data_import.importer import Importer

	berkas = frappe.get_doc(
		{"doctype": "File", "file_name": "bench_data_import.csv", "is_private": 1, "content": isi_csv}
	).insert(ignore_permissions=True)
	di = frappe.get_doc(
		{
			"doctype": "Data Import",
			"reference_doctype": DKB,
			"import_type": "Update Existing Records",
			"import_file": berkas.file_url,
			"mute_emails": 1,
		}
	).insert(ignore_permissions=True)
	mulai = time.perf_counter()
	with tanpa_commit():
		log = Importer(DKB, data_import=di).import_data()
	catat("data_import", time.perf_counter() - mulai)
	if not log or not all(entry.success for entry in log):
		raise RuntimeError(f"Data Import gagal: {log}")


def satu_ukuran(jumlah: int) -> dict:
	ulang = ULANG if jumlah <= 2000 else 1
	nama = siapkan(jumlah)
	doc = frappe.get_doc(DKB, nama)
	isi = buat_kertas_kerja(DKB, nama)[1]
	terisi = isi_seperti_kabid(isi)
	baru = nilai_baru(terisi)
	isi_csv = data_import_csv(nama, baru)
	hasil: dict[str, float] = {"baris": jumlah}

	def ekspor(catat):
		with diukur(catat):
			buat_kertas_kerja(DKB, nama)

	hasil.update({f"ekspor_{k}": v for k, v in terbaik(ulang, ekspor).items()})
	lembar = lembar_dkb(doc, doc.baris)
	hasil["lantai_tulis"] = terbaik(ulang, lambda c: lantai_tulis(lembar))["total"]
	hasil["lantai_baca"] = terbaik(ulang, lambda c: lantai_baca(terisi))["total"]

	def impor(catat):
		with diukur(catat):
			h = impor_kertas_kerja(DKB, nama, terisi, "kertas_kerja.xlsx")
		if not h["berhasil"] or len(h["perubahan"]) < jumlah:
			raise RuntimeError(f"Impor gagal: {h['pesan']} {h['kesalahan'][:3]}")

	hasil.update({f"impor_{k}": v for k, v in terbaik(ulang, impor).items()})

	def simpan_biasa(catat):
		d = frappe.get_doc(DKB, nama)
		for row in d.baris:
			row.realisasi, row.kendala, row.upaya = baru[row.name]
		m = time.perf_counter()
		d.save()
		catat("simpan", time.perf_counter() - m)

	hasil["lantai_simpan"] = terbaik(ulang, simpan_biasa)["simpan"]
	hasil["data_import"] = terbaik(ulang, lambda c: jalankan_data_import(isi_csv, c))["data_import"]

	hasil["mb_ekspor"] = puncak(lambda c: buat_kertas_kerja(DKB, nama))
	hasil["mb_impor"] = puncak(impor)
	hasil["mb_data_import"] = puncak(lambda c: jalankan_data_import(isi_csv, c))
	hasil["kb_berkas"] = len(terisi) / 1024
	return hasil


def main(ukuran: list[int]) -> None:
	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	print(
		f"Kertas kerja benchmark on {frappe.local.site}: one Data Kinerja Bidang of N rows; best of {ULANG}"
	)
	print("(1 run above 2,000 rows); times in seconds, ratio = app / floor; peak memory in MB (tracemalloc).")
	print(
		f"{'rows':>6} | {'export':>7} {'(wb)':>7} {'floor':>7} {'×wb':>5} {'×all':>5} | "
		f"{'read+val':>8} {'floor':>7} {'×':>5} | {'write':>7} {'save':>7} {'×':>5} | "
		f"{'import':>7} {'DataImp':>8} {'×':>5} | {'MB exp':>6} {'MB imp':>6} {'MB DI':>6}"
	)
	frappe.db.savepoint("bench_kertas_kerja")
	try:
		for jumlah in ukuran:
			h = satu_ukuran(jumlah)
			wb, lantai = h["ekspor_buat_workbook"], h["lantai_tulis"]
			baca, tulis = h["impor_baca_workbook"], h["impor__tulis"]
			print(
				f"{jumlah:>6} | {h['ekspor_total']:>7.3f} {wb:>7.3f} {lantai:>7.3f} {wb / lantai:>5.2f} "
				f"{h['ekspor_total'] / lantai:>5.2f} | {baca:>8.3f} {h['lantai_baca']:>7.3f} "
				f"{baca / h['lantai_baca']:>5.2f} | {tulis:>7.3f} {h['lantai_simpan']:>7.3f} "
				f"{tulis / h['lantai_simpan']:>5.2f} | {h['impor_total']:>7.3f} {h['data_import']:>8.3f} "
				f"{h['impor_total'] / h['data_import']:>5.2f} | {h['mb_ekspor']:>6.1f} {h['mb_impor']:>6.1f} "
				f"{h['mb_data_import']:>6.1f}",
				flush=True,
			)
	finally:
		frappe.db.rollback(save_point="bench_kertas_kerja")
		frappe.db.rollback()


def jalankan(ukuran: str | None = None) -> None:
	"""``bench --site SITE execute sakip_evaluasi.benchmark.kertas_kerja.jalankan``; sizes as
	"500,2000", else ``SAKIP_BENCH_BARIS``, else 500, 2,000 and 8,000 rows."""
	teks = ukuran or os.environ.get("SAKIP_BENCH_BARIS") or "500,2000,8000"
	main([int(n) for n in str(teks).split(",") if n.strip()])
