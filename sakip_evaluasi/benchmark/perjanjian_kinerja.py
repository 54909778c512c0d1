"""Perjanjian Kinerja benchmark: the Kertas Kerja's rows from the PK against the old Indikator Kinerja
path, and the year's Rekapitulasi, on a Pemda of many OPDs (a script, not a test).

Run it on a throw-away site (it commits, and cleans up after itself)::

    bench --site bench.localhost execute sakip_evaluasi.benchmark.perjanjian_kinerja.jalankan
    python3 scripts/bench_situs.py perjanjian_kinerja bench.localhost 10,40

It seeds, step by step up to the largest size, the OPD benchmark's Pemda (``benchmark.opd``: OPDs of
5 bidang × 30 indicators, their targets in Indikator Kinerja, four quarters of Data Kinerja Bidang and
step clocks) and, beside it, each OPD's PKs of that year as the app keeps them: the Kepala OPD's PK,
one PK per Kepala Bidang holding its 30 indicators with their Rencana Aksi quarters, and for the first
bidang a PK Perubahan from triwulan III (its version 1 replaced). At each size it times, median of
``ulang`` runs, in one process side by side:

- **rows, PK**: ``aturan.siklus.baris_dari_indikator`` as the Kertas Kerja's insert calls it today
  (one OPD, triwulan III: the Kabid PK versions in force, 150 rows);
- **rows, Indikator Kinerja**: the same function as it was before the PK (``baris_lama``, kept here
  verbatim from the commit before the PK: active indicators of the OPD and their Target rows);
- **Kertas Kerja, PK / old**: a Kertas Kerja document built in memory from either set of rows (what
  the insert does before writing; the write of the same 150 rows is the same code either way);
- **Rekapitulasi year, Inspektorat**: the cross-OPD Rekapitulasi Kinerja OPD for the whole year.

Both paths must give the same rows (indicator, target of the triwulan, target to date) for the
quarters the PK Perubahan did not change, or the ratio compares nothing.
"""

from datetime import datetime

import frappe

from sakip_evaluasi.aturan.siklus import baris_dari_indikator
from sakip_evaluasi.benchmark import opd as bench_opd
from sakip_evaluasi.domain import perjanjian_kinerja as pk
from sakip_evaluasi.domain.capaian import nilai_kolom, nilai_sd_tw
from sakip_evaluasi.domain.doctype import INDIKATOR_PK, KKE, PK
from sakip_evaluasi.domain.periode import nomor_triwulan
from sakip_evaluasi.sakip_evaluasi.report.rekapitulasi_kinerja_opd import rekapitulasi_kinerja_opd

TAHUN = bench_opd.TAHUN
TRIWULAN = "III"


def jalankan(ukuran: str = "10,40", ulang: int = 15) -> None:
	sizes = sorted(int(u) for u in str(ukuran).split(",") if u.strip())
	_bersihkan()
	try:
		bench_opd._pengguna()
		print(
			f"Perjanjian Kinerja benchmark: {bench_opd.BIDANG_PER_OPD} bidang × {bench_opd.INDIKATOR_PER_BIDANG} "
			f"indicators per OPD, 6 PKs per OPD (+1 PK Perubahan), four quarters of {TAHUN}; Kertas Kerja of "
			f"one OPD, triwulan {TRIWULAN}; median of {ulang} runs (seconds)."
		)
		print(
			"| OPD | Indikator PK rows | rows, PK | rows, Indikator Kinerja | ratio | Kertas Kerja, PK "
			"| Kertas Kerja, old | ratio | Rekapitulasi year, Inspektorat |"
		)
		print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
		ada = 0
		for n in sizes:
			for i in range(ada, n):
				bench_opd._isi_opd(i)
				_isi_pk(i)
			frappe.db.commit()
			frappe.db.sql(
				"analyze table `tabIndikator PK`, `tabPerjanjian Kinerja`, `tabIndikator Kinerja`, "
				"`tabTarget Indikator Kinerja`, `tabBaris Data Kinerja`, `tabData Kinerja Bidang`"
			)
			ada = n
			print(_baris(n, _ukur(ulang)))
	finally:
		_bersihkan()
		frappe.db.commit()


def _ukur(ulang: int) -> dict:
	opd = bench_opd._kode(0)

	def baru():
		return baris_dari_indikator(TAHUN, TRIWULAN, opd)

	def lama():
		return baris_lama(TAHUN, TRIWULAN, opd)

	def kertas(fn):
		def bangun():
			doc = frappe.new_doc(KKE)
			doc.update({"opd": opd, "tahun": TAHUN, "triwulan": TRIWULAN})
			doc.set("baris", fn())
			return doc

		return bangun

	kunci = ("indikator", "target_tw", "target_sd_tw")
	a, b = ({tuple(r[k] for k in kunci) for r in f()} for f in (baru, lama))
	assert len(a) == bench_opd.BIDANG_PER_OPD * bench_opd.INDIKATOR_PER_BIDANG and a == b, "rows differ"

	def rekapitulasi():
		assert rekapitulasi_kinerja_opd.execute({"tahun": TAHUN})[1]

	return {
		"rows": frappe.db.count(INDIKATOR_PK, {"parent": ("like", f"PK-{bench_opd.AWALAN}%")}),
		"baru": bench_opd._median(baru, ulang),
		"lama": bench_opd._median(lama, ulang),
		"kke_baru": bench_opd._median(kertas(baru), ulang),
		"kke_lama": bench_opd._median(kertas(lama), ulang),
		"rekapitulasi": bench_opd._median(bench_opd._sebagai(bench_opd.INSPEKTUR, rekapitulasi), ulang),
	}


def _baris(n: int, h: dict) -> str:
	return (
		f"| {n} | {h['rows']:,} | {h['baru']:.4f} | {h['lama']:.4f} | {h['baru'] / h['lama']:.2f}× | "
		f"{h['kke_baru']:.4f} | {h['kke_lama']:.4f} | {h['kke_baru'] / h['kke_lama']:.2f}× | "
		f"{h['rekapitulasi']:.3f} |"
	)


def baris_lama(tahun: int, triwulan: str, opd: str) -> list[dict]:
	"""The Kertas Kerja's rows as built before the PK existed: one row per active indicator of ``opd``
	that has a target for ``tahun`` (kept verbatim as the baseline; the app no longer uses it)."""
	tw = nomor_triwulan(triwulan)
	indikator = frappe.get_all(
		"Indikator Kinerja",
		filters={"aktif": 1, "opd": opd},
		fields=["name", "indikator", "bidang", "satuan", "polaritas", "metode_negatif", "akumulasi"],
		order_by="bidang asc, name asc",
	)
	targets = {
		t.parent: t
		for t in frappe.get_all(
			"Target Indikator Kinerja",
			filters={
				"parenttype": "Indikator Kinerja",
				"tahun": tahun,
				"parent": ("in", [ik.name for ik in indikator] or [""]),
			},
			fields=["parent", "target_tahunan", "target_tw1", "target_tw2", "target_tw3", "target_tw4"],
		)
	}
	rows = []
	for ik in indikator:
		if not (t := targets.get(ik.name)):
			continue
		per_tw = [t.target_tw1, t.target_tw2, t.target_tw3, t.target_tw4]
		rows.append(
			{
				"indikator": ik.name,
				"nama_indikator": ik.indikator,
				"bidang": ik.bidang,
				"satuan": ik.satuan,
				"polaritas": ik.polaritas,
				"metode_negatif": ik.metode_negatif,
				"akumulasi": ik.akumulasi,
				"target_tw": per_tw[tw - 1],
				"target_sd_tw": nilai_kolom(
					nilai_sd_tw(per_tw, tw, ik.akumulasi or "Kumulatif", t.target_tahunan)
				),
			}
		)
	return rows


# --------------------------------------------------------------------------- data


def _isi_pk(i: int) -> None:
	"""OPD ``i``'s PKs of the year, in bulk: the Kepala OPD's, one per Kepala Bidang (30 indicators with
	their quarters), and the first bidang's PK Perubahan from triwulan III (its TW IV target raised)."""
	kode = bench_opd._kode(i)
	sekarang = datetime(TAHUN, 1, 31, 8, 0)
	umum = {
		"creation": sekarang,
		"modified": sekarang,
		"owner": "Administrator",
		"modified_by": "Administrator",
	}
	induk = f"PK-{kode}-{TAHUN}-V1"
	dokumen = [
		{
			**umum,
			"name": induk,
			"tingkat": pk.TINGKAT_OPD,
			"opd": kode,
			"bidang": None,
			"tahun": TAHUN,
			"versi": 1,
			"berlaku_mulai": "I",
			"pk_sebelumnya": None,
			"pk_induk": None,
			"workflow_state": pk.BERLAKU,
		}
	]
	sasaran, indikator = [{**umum, "name": f"{induk}-S1", "parent": induk, "kode_sasaran": "S1"}], []
	for b in range(bench_opd.BIDANG_PER_OPD):
		bidang = f"{kode}-B{b + 1}"
		versi = [(1, "I", None, pk.BERLAKU)] if b else [(1, "I", None, pk.DIGANTI), (2, "III", 1, pk.BERLAKU)]
		for v, mulai, sebelumnya, status in versi:
			nama = f"PK-{bidang}-{TAHUN}-V{v}"
			dokumen.append(
				{
					**umum,
					"name": nama,
					"tingkat": pk.TINGKAT_BIDANG,
					"opd": kode,
					"bidang": bidang,
					"tahun": TAHUN,
					"versi": v,
					"berlaku_mulai": mulai,
					"pk_sebelumnya": f"PK-{bidang}-{TAHUN}-V{sebelumnya}" if sebelumnya else None,
					"pk_induk": induk,
					"workflow_state": status,
				}
			)
			sasaran.append({**umum, "name": f"{nama}-S1", "parent": nama, "kode_sasaran": "S1"})
			for k in range(bench_opd.INDIKATOR_PER_BIDANG):
				tw4 = 30 if v == 2 else 25
				indikator.append(
					{
						**umum,
						"name": f"{nama}-{k}",
						"parent": nama,
						"parenttype": PK,
						"parentfield": "indikator",
						"idx": k + 1,
						"kode_sasaran": "S1",
						"indikator": f"IK-{kode}-{b + 1}-{k + 1:02d}",
						"nama_indikator": f"Indikator {k + 1} {bidang}",
						"satuan": "%",
						"polaritas": "Positif",
						"akumulasi": "Kumulatif",
						"target_tahunan": 75 + tw4,
						"target_tw1": 25,
						"target_tw2": 25,
						"target_tw3": 25,
						"target_tw4": tw4,
					}
				)
	for r in sasaran:
		r.update(
			{
				"parenttype": PK,
				"parentfield": "sasaran",
				"idx": 1,
				"sasaran": "Benchmark",
				"kode_sasaran_opd": "S1",
			}
		)
	for doctype, data in ((PK, dokumen), ("Sasaran PK", sasaran), (INDIKATOR_PK, indikator)):
		kolom = list(data[0])
		frappe.db.bulk_insert(doctype, kolom, [tuple(d[k] for k in kolom) for d in data], chunk_size=5000)


def _bersihkan() -> None:
	suka = f"PK-{bench_opd.AWALAN}%"
	frappe.db.delete(INDIKATOR_PK, {"parent": ("like", suka)})
	frappe.db.delete("Sasaran PK", {"parent": ("like", suka)})
	frappe.db.delete(PK, {"name": ("like", suka)})
	bench_opd._bersihkan()
