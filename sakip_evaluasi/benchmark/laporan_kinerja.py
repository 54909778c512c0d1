"""LKjIP benchmark: one OPD of 30 indicators with 4 quarters and 2 previous years (Renstra) — drafting,
the Word file, the PDF (LibreOffice, two passes) — and the Pemda's status report over 40 OPDs. Everything
is rolled back.

	bench --site SITE execute sakip_evaluasi.benchmark.laporan_kinerja.jalankan
"""

import time

import frappe

from sakip_evaluasi.aturan import laporan_kinerja as lk
from sakip_evaluasi.benchmark.dasar import sisip
from sakip_evaluasi.cetak import laporan_kinerja as cetak
from sakip_evaluasi.laporan import status_lkjip

TAHUN = 2093
OPD = "BENCH-LKJ"


def _siapkan(jumlah: int = 30) -> None:
	for i in range(40):
		kode = OPD if i == 0 else f"BENCH-O{i:02d}"
		sisip({"doctype": "OPD", "name": kode, "kode": kode, "nama_opd": f"Dinas Bench {i}", "aktif": 1})
	bidang = sisip(
		{"doctype": "Bidang", "name": f"{OPD}-B", "opd": OPD, "kode": "B", "nama_bidang": "Bidang"}
	)
	ik = [
		sisip({"doctype": "Indikator Kinerja", "indikator": f"Indikator {i}", "bidang": bidang, "opd": OPD})
		for i in range(jumlah)
	]
	sisip(
		{
			"doctype": "Perjanjian Kinerja",
			"name": f"PK-{OPD}-{TAHUN}-V1",
			"tingkat": "Kepala OPD",
			"opd": OPD,
			"tahun": TAHUN,
			"versi": 1,
			"berlaku_mulai": "I",
			"workflow_state": "Berlaku",
			"sasaran": [{"kode_sasaran": f"S{s}", "sasaran": f"Sasaran {s}"} for s in range(5)],
			"indikator": [
				{"kode_sasaran": f"S{i % 5}", "indikator": k, "nama_indikator": f"Indikator {i}", "satuan": "%", "akumulasi": "Kumulatif", "target_tahunan": 100}
				for i, k in enumerate(ik)
			],
			"rencana_aksi": [{"indikator": k, "triwulan": tw, "aksi": "Aksi"} for k in ik for tw in ("I", "II", "III", "IV")],
			"program": [{"jenis": "Program", "kode_sipd": f"1.03.{p:02d}", "nama": f"Program {p}", "anggaran": 1e9} for p in range(10)],
		}
	)  # fmt: skip
	for tw in ("I", "II", "III", "IV"):
		sisip(
			{
				"doctype": "Data Kinerja Bidang",
				"opd": OPD,
				"tahun": TAHUN,
				"triwulan": tw,
				"bidang": bidang,
				"baris": [{"indikator": k, "realisasi": "24", "kendala": "Kendala"} for k in ik],
			}
		)
	sisip(
		{
			"doctype": "Renstra OPD",
			"opd": OPD,
			"tahun_mulai": TAHUN - 2,
			"tahun_selesai": TAHUN + 2,
			"indikator": [{"kode": f"K{i}", "indikator": k, "target_akhir": 120} for i, k in enumerate(ik)],
			"target": [
				{"kode_indikator": f"K{i}", "tahun": t, "realisasi": 90, "ada_realisasi": 1}
				for i in range(jumlah)
				for t in (TAHUN - 1, TAHUN - 2)
			],
		}
	)
	sisip(
		{
			"doctype": "Kertas Kerja Evaluasi",
			"opd": OPD,
			"tahun": TAHUN,
			"triwulan": "IV",
			"workflow_state": "Direkap",
		}
	)


def _waktu(label: str, fn, batas: float):
	mulai = time.perf_counter()
	hasil = fn()
	detik = time.perf_counter() - mulai
	print(f"{label:<45} {detik:6.2f} s  (target ≤ {batas:g} s)")
	return hasil


def jalankan() -> None:
	try:
		_siapkan()
		nama = _waktu("drafting one LKjIP (30 indicators)", lambda: lk.susun(OPD, TAHUN), 5)
		doc = frappe.get_doc("Laporan Kinerja", nama)
		isi = _waktu("Word file", lambda: cetak.word(doc), 5)
		print(f"{'':<45} {len(isi) / 1024:6.0f} KiB")
		pdf = _waktu("PDF (LibreOffice, two passes)", lambda: cetak.pdf(doc), 15)
		print(f"{'':<45} {len(pdf) / 1024:6.0f} KiB")
		baris = _waktu("status report, 40 OPD", lambda: status_lkjip.baris_status(TAHUN), 2)
		print(f"{'':<45} {len(baris)} rows")
	finally:
		frappe.db.rollback()
