"""Benchmark of the frappe-free kertas kerja: export and read+validate against openpyxl floors.

Run from the app folder: ``python3 scripts/bench_kertas_kerja_pure.py [rows ...]``.

- export floor: openpyxl write-only writing the same data cells (plain values, no styles, no
  cover, no _meta, no protection or validation).
- read floor: openpyxl read-only loading the same filled file and reading every cell of every
  sheet (values only).

Each time is the best of several runs (GC off while timing, as ``timeit`` does); peak memory is measured separately with tracemalloc.
"""

import gc
import sys
import time
import tracemalloc
from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook, load_workbook

from sakip_evaluasi.domain.kertas_kerja import (
	KOLOM,
	BarisKinerja,
	HarapanImpor,
	LembarBidang,
	Sampul,
	baca_workbook,
	buat_workbook,
)

RAHASIA = b"bench-rahasia"
JUMLAH_BIDANG = 5
ULANG = 5


def data(jumlah: int) -> tuple[Sampul, list[LembarBidang]]:
	lembar = []
	per_bidang = jumlah // JUMLAH_BIDANG
	for nomor_bidang in range(JUMLAH_BIDANG):
		baris = [
			BarisKinerja(
				kunci=f"ik-{nomor_bidang}-{i:06d}",
				indikator=f"Persentase capaian program {i} bidang {nomor_bidang} terhadap rencana strategis",
				satuan="%",
				polaritas="Negatif" if i % 4 == 0 else "Positif",
				target=Decimal(75 + i % 20) + Decimal("0.5"),
				realisasi=Decimal(70 + i % 25) if i % 3 == 0 else None,
				kendala="Keterlambatan pencairan anggaran" if i % 5 == 0 else "",
				upaya="",
			)
			for i in range(per_bidang)
		]
		lembar.append(LembarBidang(f"Bidang {nomor_bidang}", f"B{nomor_bidang}", baris))
	sampul = Sampul("Dinas Contoh", 2024, 2, "15 Juli 2024", "Evaluasi Kinerja Triwulan", "EVK-2024-0002")
	return sampul, lembar


def lantai_tulis(lembar: list[LembarBidang]) -> bytes:
	wb = Workbook(write_only=True)
	for lb in lembar:
		ws = wb.create_sheet(lb.kode_bidang)
		ws.append(list(KOLOM))
		for nomor, b in enumerate(lb.baris, 1):
			ws.append(
				[
					nomor,
					b.indikator,
					b.satuan,
					b.polaritas,
					b.target,
					b.realisasi,
					b.kendala or None,
					b.upaya or None,
					b.kunci,
				]
			)
	keluaran = BytesIO()
	wb.save(keluaran)
	return keluaran.getvalue()


def lantai_baca(isi: bytes) -> int:
	wb = load_workbook(BytesIO(isi), read_only=True)
	jumlah = 0
	for ws in wb.worksheets:
		for baris in ws.iter_rows(values_only=True):
			jumlah += len(baris)
	wb.close()
	return jumlah


def isi_seperti_kabid(isi: bytes) -> bytes:
	"""Fill every Realisasi and some texts with openpyxl and save, as a Kabid's Excel would."""
	wb = load_workbook(BytesIO(isi))
	for ws in wb.worksheets:
		if ws.title in ("Sampul", "_meta"):
			continue
		for baris in range(2, ws.max_row + 1):
			ws.cell(baris, 6).value = 80 + baris % 30 + 0.25
			if baris % 7 == 0:
				ws.cell(baris, 7).value = "Cuaca buruk menghambat kegiatan lapangan"
				ws.cell(baris, 8).value = "Menjadwalkan ulang kegiatan"
	keluaran = BytesIO()
	wb.save(keluaran)
	return keluaran.getvalue()


def terbaik(fungsi, *args):
	"""Best of ``ULANG`` runs, each after a full collection and with the cyclic GC off while it
	runs (as ``timeit`` does), so a collection triggered by an earlier run is not charged to it."""
	waktu = []
	hasil = None
	for _ in range(ULANG):
		gc.collect()
		gc.disable()
		try:
			mulai = time.perf_counter()
			hasil = fungsi(*args)
			waktu.append(time.perf_counter() - mulai)
		finally:
			gc.enable()
	return min(waktu), hasil


def puncak(fungsi, *args) -> float:
	tracemalloc.start()
	fungsi(*args)
	_, tertinggi = tracemalloc.get_traced_memory()
	tracemalloc.stop()
	return tertinggi / 1024 / 1024


def main(ukuran: list[int]) -> None:
	print(
		f"{'baris':>6} | {'ekspor':>8} {'lantai':>8} {'rasio':>6} {'MB':>6} | "
		f"{'baca':>8} {'lantai':>8} {'rasio':>6} {'MB':>6} | berkas  perubahan"
	)
	for jumlah in ukuran:
		sampul, lembar = data(jumlah)
		harapan = HarapanImpor(
			sampul.dokumen_doctype, sampul.dokumen_nama, sampul.tahun, sampul.triwulan, lembar
		)
		t_ekspor, isi = terbaik(buat_workbook, sampul, lembar, RAHASIA)
		t_lantai_tulis, _ = terbaik(lantai_tulis, lembar)
		m_ekspor = puncak(buat_workbook, sampul, lembar, RAHASIA)

		terisi = isi_seperti_kabid(isi)
		t_baca, hasil = terbaik(baca_workbook, terisi, "kertas.xlsx", harapan, RAHASIA, 20 * 1024 * 1024)
		assert not hasil.kesalahan, hasil.kesalahan[:3]
		t_lantai_baca, _ = terbaik(lantai_baca, terisi)
		m_baca = puncak(baca_workbook, terisi, "kertas.xlsx", harapan, RAHASIA, 20 * 1024 * 1024)
		print(
			f"{jumlah:>6} | {t_ekspor:>7.3f}s {t_lantai_tulis:>7.3f}s {t_ekspor / t_lantai_tulis:>5.2f}× "
			f"{m_ekspor:>6.1f} | {t_baca:>7.3f}s {t_lantai_baca:>7.3f}s {t_baca / t_lantai_baca:>5.2f}× "
			f"{m_baca:>6.1f} | {len(terisi) // 1024:>4} KB {len(hasil.perubahan):>6}"
		)


def jalankan(argumen: list[str] | None = None) -> None:
	main([int(a) for a in argumen or []] or [500, 2000, 8000])


if __name__ == "__main__":
	jalankan(sys.argv[1:])
