"""LKE workbook, LHE and evidence folders benchmark (a script, not a test).

Run it on a throw-away site: it commits an OPD "PBA" of 4 bidang × 30 indicators with the four
triwulan of 2026 made by the demo's own steps (Evaluasi Kinerja Internal, Kertas Kerja, Data Kinerja
Bidang, Notulen, Tindak Lanjut of each), and its Evaluasi AKIP of 2027 (assessing 2026), which links
that year's records by itself; a second run starts at once::

    bench --site bench.localhost execute sakip_evaluasi.benchmark.lhe_akip.jalankan

It times (median of ``ulang`` runs, seconds):

- **workbook round trip**: ``buat_lke_excel`` (export of the 80 criteria) and ``impor_lke_excel`` of
  the workbook with all 80 Inspektorat answers and notes typed in (check, write, scores), in the
  Direviu state (rolled back);
- **LHE PDF**: ``pdf_lhe`` of the final evaluation (print format, wkhtmltopdf);
- **evidence folders**: ``folder_bukti.buat_di_latar``, the background job itself (every linked
  record printed to PDF, two wkhtmltopdf at a time, the uploads, the index, the ZIP kept as a File
  and the notification).
"""

import io
import statistics
import time

import frappe
from openpyxl import load_workbook

from sakip_evaluasi.aturan.lke import pastikan_lke
from sakip_evaluasi.aturan.lke_excel import buat_lke_excel, impor_lke_excel
from sakip_evaluasi.benchmark import paket_bukti
from sakip_evaluasi.cetak import folder_bukti
from sakip_evaluasi.cetak.lhe import pdf_lhe
from sakip_evaluasi.demo import buat as demo
from sakip_evaluasi.domain.doctype import AKIP
from sakip_evaluasi.domain.penamaan import nama_evaluasi_akip

OPD = "PBA"
TAHUN = 2027
TRIWULAN = ("I", "II", "III", "IV")


def siapkan(password: str = "Bench#2026") -> str:
	"""The OPD, its year of records and its final Evaluasi AKIP (idempotent)."""
	nama_opd, pejabat, bidang, indikator, _siklus = paket_bukti._data()
	pejabat = {p: (f"{u}a", n) for p, (u, n) in pejabat.items()}
	bidang = {b: (n, f"{u}a", k) for b, (n, u, k) in bidang.items()}
	demo.OPD_DEMO[OPD] = (f"{nama_opd} AKIP", pejabat, bidang, indikator, dict.fromkeys(TRIWULAN, 8))
	for _baris in demo.buat_opd(OPD, f"{nama_opd} AKIP", pejabat, bidang, indikator, password):
		pass
	for tw in TRIWULAN:
		for _baris in demo.jalankan_siklus(OPD, tw, sampai_langkah=8):
			pass
	frappe.db.commit()
	nama = nama_evaluasi_akip(OPD, TAHUN)
	if not frappe.db.exists(AKIP, nama):
		pastikan_lke(TAHUN)
		doc = frappe.get_doc({"doctype": AKIP, "opd": OPD, "tahun": TAHUN})
		doc.flags.ignore_permissions = True
		doc.insert()
		for n, r in enumerate(doc.jawaban):
			r.jawaban_opd = r.jawaban_inspektorat = ("A", "BB", "B")[n % 3] if r.skala == "AA-E" else None
			if n % 7 == 0:
				r.catatan_inspektorat = f"Temuan pada kriteria {r.kriteria}: bukti belum lengkap."
		bidang = frappe.get_all("Bidang", filters={"opd": OPD}, pluck="name", order_by="name", limit=1)[0]
		for s in doc.nilai_subkomponen:
			doc.append(
				"rekomendasi",
				{
					"subkomponen": s.kode,
					"rekomendasi": f"Agar {s.nama} diperbaiki.",
					"bidang": bidang,
					"batas_waktu": f"{TAHUN}-06-30",
				},
			)
		doc.flags.dari_sistem = True
		doc.save(ignore_permissions=True)
		frappe.db.set_value(AKIP, nama, "workflow_state", "Final", update_modified=False)
		frappe.db.commit()
	return nama


def _isi(isi: bytes) -> bytes:
	"""The workbook with every Inspektorat answer and note typed in (not timed: the user's part)."""
	wb = load_workbook(io.BytesIO(isi))
	ws = wb["LKE"]
	for baris in range(2, ws.max_row + 1):
		skala = ws[f"E{baris}"].value
		ws[f"H{baris}"] = {"AA-E": "AA", "A/B/C": "A", "Y/T": "Y"}[skala]
		ws[f"I{baris}"] = f"Catatan evaluator baris {baris}"
	keluaran = io.BytesIO()
	wb.save(keluaran)
	return keluaran.getvalue()


def jalankan(ulang: int = 5) -> None:
	nama = siapkan()
	doc = frappe.get_doc(AKIP, nama)
	print(f"{nama}: {len(doc.jawaban)} criteria, {len(doc.bukti)} evidence rows of {TAHUN - 1}.")
	# the round trip in the review (Direviu), rolled back
	frappe.db.savepoint("bench_lke")
	frappe.db.set_value(AKIP, nama, "workflow_state", "Direviu", update_modified=False)
	t_ekspor, (_n, isi) = paket_bukti._median(lambda: buat_lke_excel(nama), ulang)
	terisi = _isi(isi)
	waktu_impor = []
	for _ in range(ulang):
		frappe.db.savepoint("bench_impor")
		mulai = time.perf_counter()
		hasil = impor_lke_excel(nama, isi=terisi, nama_file="LKE.xlsx")
		waktu_impor.append(time.perf_counter() - mulai)
		assert hasil["berhasil"], hasil
		frappe.db.rollback(save_point="bench_impor")
	t_impor = statistics.median(waktu_impor)
	frappe.db.rollback(save_point="bench_lke")
	t_lhe, (_f, pdf) = paket_bukti._median(lambda: pdf_lhe(nama), ulang)
	t_zip, zip_hasil = paket_bukti._median(
		lambda: folder_bukti.buat_di_latar(nama, "Administrator"), max(1, ulang // 2)
	)
	frappe.db.commit()
	print("| measure | size | median s |\n|---|---|---:|")
	print(f"| LKE workbook export | {len(doc.jawaban)} criteria, {len(isi) // 1024} KiB | {t_ekspor:.2f} |")
	print(
		f"| LKE workbook import (check, write, scores) | {len(hasil['perubahan'])} changes | {t_impor:.2f} |"
	)
	print(f"| **workbook round trip** | | **{t_ekspor + t_impor:.2f}** |")
	print(f"| **LHE PDF** | {len(pdf) // 1024} KiB | **{t_lhe:.2f}** |")
	print(
		f"| **evidence folders job (ZIP)** | {zip_hasil['berkas']} files, {zip_hasil['tautan']} index-only "
		f"| **{t_zip:.2f}** |"
	)
