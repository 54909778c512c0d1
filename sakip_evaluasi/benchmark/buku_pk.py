"""PK workbook benchmark: importing each OPD's filled Buku Kerja PK on a Pemda of 40 OPD × 5 bidang × 30
indicators (a script, not a test).

Run it on a throw-away site (it commits, and cleans up after itself)::

    bench --site bench.localhost execute sakip_evaluasi.benchmark.buku_pk.jalankan
    python3 scripts/bench_situs.py buku_pk bench.localhost 40

It seeds the OPD benchmark's Pemda (``benchmark.opd``: OPDs of 5 bidang × 30 Indikator Kinerja, no PK
yet), then for every OPD downloads its workbook (``aturan.buku_pk.buat_buku_kerja``), fills it as the
Sekretariat would (with openpyxl, not timed): the Kepala OPD's PK (5 sasaran, 10 indicators, 5
programs) and each Kepala Bidang's PK (one sasaran, its 30 indicators with four quarterly targets, one
Rencana Aksi per indicator, 3 programs): 160 indicator rows, 150 Rencana Aksi, 20 programs, 6 PKs
created as Draft. It times the upload of each OPD's file, as the endpoint runs it
(``aturan.buku_pk.impor_buku_kerja``: check the whole file, then insert the six PKs, committed), one
after the other, and prints the export time, the median and slowest single import, and the total of
all imports.
"""

import statistics
import time
from io import BytesIO

import frappe
from openpyxl import load_workbook

from sakip_evaluasi.aturan.buku_pk import buat_buku_kerja, buku_pk, impor_buku_kerja
from sakip_evaluasi.benchmark import opd as bench_opd
from sakip_evaluasi.domain.doctype import PK
from sakip_evaluasi.domain.kertas_kerja.buku_pk import KODE_OPD

TAHUN = bench_opd.TAHUN


def jalankan(ukuran: str = "40") -> None:
	n = max(int(u) for u in str(ukuran).split(",") if u.strip())
	_bersihkan()
	try:
		bench_opd._pengguna()
		for i in range(n):
			bench_opd._isi_opd(i)
		frappe.db.commit()
		ekspor, impor, berkas = [], [], {}
		for i in range(n):
			opd = bench_opd._kode(i)
			t0 = time.perf_counter()
			_nama, isi = buat_buku_kerja(opd, TAHUN)
			ekspor.append(time.perf_counter() - t0)
			berkas[opd] = _isi(isi, opd)
		for opd, isi in berkas.items():
			t0 = time.perf_counter()
			hasil = impor_buku_kerja(opd, TAHUN, isi, f"Buku Kerja PK {opd}.xlsx")
			frappe.db.commit()
			impor.append(time.perf_counter() - t0)
			if not hasil["berhasil"]:
				raise AssertionError(hasil["kesalahan"][:5])
		jumlah = frappe.db.count(PK, {"opd": ("like", f"{bench_opd.AWALAN}%"), "tahun": TAHUN})
		baris = frappe.db.sql(
			"""select count(*) from `tabIndikator PK` ip join `tabPerjanjian Kinerja` p on p.name = ip.parent
			where p.opd like %s and p.tahun = %s""",
			(f"{bench_opd.AWALAN}%", TAHUN),
		)[0][0]
		print(
			f"Buku Kerja PK benchmark: {n} OPD × {bench_opd.BIDANG_PER_OPD} bidang × "
			f"{bench_opd.INDIKATOR_PER_BIDANG} indicators; {jumlah} PKs created as Draft holding {baris} "
			"indicator rows (seconds)."
		)
		print("| OPD | export, median | import one OPD, median | import one OPD, slowest | import all OPD |")
		print("|---:|---:|---:|---:|---:|")
		print(
			f"| {n} | {statistics.median(ekspor):.3f} | {statistics.median(impor):.3f} | {max(impor):.3f} "
			f"| {sum(impor):.1f} |"
		)
	finally:
		_bersihkan()
		frappe.db.commit()


def _isi(isi: bytes, opd: str) -> bytes:
	"""The workbook of ``opd`` filled as the Sekretariat would from its own files."""
	buku = buku_pk(opd, TAHUN)
	per_bidang: dict[str, list[str]] = {}
	for m in buku.master:
		per_bidang.setdefault(m.bidang, []).append(m.kode)
	wb = load_workbook(BytesIO(isi))
	baris = {"Sasaran": 2, "Indikator": 2, "Rencana Aksi": 2, "Program": 2}

	def tulis(lembar: str, nilai: tuple) -> None:
		for k, v in enumerate(nilai):
			wb[lembar].cell(baris[lembar], k + 1, v)
		baris[lembar] += 1

	for s in range(5):
		tulis("Sasaran", (KODE_OPD, f"S{s + 1}", f"Sasaran OPD {s + 1}", None))
	for k in range(10):
		tulis(
			"Indikator",
			(KODE_OPD, f"S{k % 5 + 1}", None, f"IKU OPD {k + 1}", None, "Ya", "%", None, None, "Tetap", 80),
		)
	for p in range(5):
		tulis("Program", (KODE_OPD, "Program", f"1.03.0{p + 1}", f"Program {p + 1}", 1_000_000_000))
	for p in buku.pihak[1:]:
		tulis("Sasaran", (p.kode, "S1", f"Sasaran {p.kode}", "S1"))
		for ik in per_bidang.get(p.kode, []):
			tulis("Indikator", (p.kode, "S1", ik, *(None,) * 7, 100, 10, 20, 30, 40))
			tulis("Rencana Aksi", (p.kode, ik, "I", f"Aksi {ik}", "Seksi"))
		for q in range(3):
			tulis("Program", (p.kode, "Kegiatan", f"1.03.01.2.0{q + 1}", f"Kegiatan {q + 1}", 100_000_000))
	keluaran = BytesIO()
	wb.save(keluaran)
	return keluaran.getvalue()


def _bersihkan() -> None:
	pk = frappe.get_all(PK, filters={"opd": ("like", f"{bench_opd.AWALAN}%"), "tahun": TAHUN}, pluck="name")
	if pk:
		for tabel in ("Sasaran PK", "Indikator PK", "Rencana Aksi", "Program PK"):
			frappe.db.delete(tabel, {"parent": ("in", pk), "parenttype": PK})
		frappe.db.delete("Comment", {"reference_doctype": PK, "reference_name": ("in", pk)})
		frappe.db.delete("Version", {"ref_doctype": PK, "docname": ("in", pk)})
		frappe.db.delete(PK, {"name": ("in", pk)})
	bench_opd._bersihkan()
