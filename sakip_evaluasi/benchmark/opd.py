"""OPD benchmark: a Pemda of many OPDs, scoped by Frappe's User Permissions (a script, not a test).

Run it on a throw-away site (it commits, and cleans up after itself)::

    bench --site bench.localhost execute sakip_evaluasi.benchmark.opd.jalankan
    python3 scripts/bench_situs.py opd bench.localhost 10,20,40

It seeds, step by step up to the largest size, OPDs of 5 bidang × 30 indicators with four quarters
of data (a Data Kinerja Bidang per bidang and triwulan, each with its 30 rows, every quarter's 18
step clocks finished), and at each size times (median of ``ulang`` runs):

- **DKB list, Kepala Bidang**: the list view's query (``frappe.get_list``, 20 rows, newest first) as a
  Kepala Bidang limited by User Permission to their bidang and OPD, against the same list as
  Administrator filtered to the same bidang, and as a non-Administrator user holding a role that
  reads every Data Kinerja Bidang but no User Permission (same filter): Frappe skips every
  permission step for Administrator, while any other user's list also looks up the documents shared
  with them (one DocShare query), so the last ratio is the cost of the OPD and bidang scoping itself;
- **Rekap one OPD**: the Rekap Capaian Kinerja of one OPD and triwulan as its Kepala Dinas (User
  Permission on the OPD) against Administrator with the same ``opd`` filter;
- **Rekapitulasi, Inspektorat**: the cross-OPD Rekapitulasi Kinerja OPD for a whole year as the
  Inspektorat (every OPD), and how it grows with the number of OPDs.

The SLA check at 100,000 running steps is the SLA benchmark's (``benchmark.sla``).
"""

import statistics
import time
from datetime import datetime, timedelta

import frappe

from sakip_evaluasi.benchmark.dasar import pastikan_pengguna
from sakip_evaluasi.domain.doctype import DKB
from sakip_evaluasi.domain.peran import INSPEKTORAT, KEPALA_BIDANG, KEPALA_DINAS
from sakip_evaluasi.sakip_evaluasi.report.rekap_capaian_kinerja import rekap_capaian_kinerja
from sakip_evaluasi.sakip_evaluasi.report.rekapitulasi_kinerja_opd import rekapitulasi_kinerja_opd

TAHUN = 2098
AWALAN = "BO"
BIDANG_PER_OPD, INDIKATOR_PER_BIDANG = 5, 30
TRIWULAN = ("I", "II", "III", "IV")
KABID = "kabid.bench-opd@example.com"
PEMBACA = "pembaca.bench-opd@example.com"  # a non-Administrator user with no User Permission
KADIS = "kadis.bench-opd@example.com"
INSPEKTUR = "inspektorat.bench-opd@example.com"


def jalankan(ukuran: str = "10,20,40", ulang: int = 15, simpan: int = 0) -> None:
	"""``simpan=1`` keeps the seeded data afterwards (to profile a query); run again to clear it."""
	sizes = sorted(int(u) for u in str(ukuran).split(",") if u.strip())
	_bersihkan()
	try:
		_pengguna()
		print(
			f"OPD benchmark: {BIDANG_PER_OPD} bidang × {INDIKATOR_PER_BIDANG} indicators per OPD, four "
			f"quarters of {TAHUN}; median of {ulang} runs (seconds)."
		)
		print(
			"| OPD | DKB rows | DKB list Kabid | same, Administrator | ratio | same, unscoped user | ratio "
			"| Rekap 1 OPD Kadis | same, Administrator | ratio | Rekapitulasi year, Inspektorat |"
		)
		print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
		ada = 0
		for n in sizes:
			for i in range(ada, n):
				_isi_opd(i)
			frappe.db.commit()
			frappe.db.sql(
				"analyze table `tabBaris Data Kinerja`, `tabData Kinerja Bidang`, `tabLangkah Evaluasi`"
			)
			ada = n
			print(_baris(n, _ukur(ulang)))
	finally:
		if not int(simpan):
			_bersihkan()
		frappe.db.commit()


def _kode(i: int) -> str:
	return f"{AWALAN}{i + 1:02d}"


def _median(fn, ulang: int) -> float:
	waktu = []
	for _ in range(ulang):
		mulai = time.perf_counter()
		fn()
		waktu.append(time.perf_counter() - mulai)
	return statistics.median(waktu)


def _sebagai(user: str, fn):
	def jalankan():
		frappe.set_user(user)
		try:
			return fn()
		finally:
			frappe.set_user("Administrator")

	return jalankan


def _ukur(ulang: int) -> dict:
	bidang = f"{_kode(0)}-B1"
	daftar = dict(fields=["name", "bidang", "workflow_state", "modified"], order_by="modified desc", limit=20)

	def dkb_kabid():
		assert frappe.get_list(DKB, **daftar)

	def dkb_admin():
		assert frappe.get_list(DKB, filters={"bidang": bidang}, **daftar)

	def dkb_pembaca():
		assert frappe.get_list(DKB, filters={"bidang": bidang}, **daftar)

	rekap = {"tahun": TAHUN, "triwulan": "III", "opd": _kode(0)}

	def rekap_satu():
		assert rekap_capaian_kinerja.execute(rekap)[1]

	def rekapitulasi():
		assert rekapitulasi_kinerja_opd.execute({"tahun": TAHUN})[1]

	# the scoped and unscoped queries must see the same rows, or the ratio compares nothing
	assert _sebagai(KABID, lambda: frappe.get_list(DKB, **daftar))() == frappe.get_list(
		DKB, filters={"bidang": bidang}, **daftar
	)
	return {
		"rows": frappe.db.count("Baris Data Kinerja", {"parent": ("like", f"DKB-EKI-{AWALAN}%")}),
		"dkb_kabid": _median(_sebagai(KABID, dkb_kabid), ulang),
		"dkb_admin": _median(dkb_admin, ulang),
		"dkb_pembaca": _median(_sebagai(PEMBACA, dkb_pembaca), ulang),
		"rekap_kadis": _median(_sebagai(KADIS, rekap_satu), ulang),
		"rekap_admin": _median(rekap_satu, ulang),
		"rekapitulasi": _median(_sebagai(INSPEKTUR, rekapitulasi), ulang),
	}


def _baris(n: int, h: dict) -> str:
	return (
		f"| {n} | {h['rows']:,} | {h['dkb_kabid']:.4f} | {h['dkb_admin']:.4f} | "
		f"{h['dkb_kabid'] / h['dkb_admin']:.2f}× | {h['dkb_pembaca']:.4f} | "
		f"{h['dkb_kabid'] / h['dkb_pembaca']:.2f}× | {h['rekap_kadis']:.4f} | {h['rekap_admin']:.4f} | "
		f"{h['rekap_kadis'] / h['rekap_admin']:.2f}× | {h['rekapitulasi']:.3f} |"
	)


# --------------------------------------------------------------------------- data


def _pengguna() -> None:
	for email, peran in (
		(KABID, KEPALA_BIDANG),
		(KADIS, KEPALA_DINAS),
		(INSPEKTUR, INSPEKTORAT),
		(PEMBACA, INSPEKTORAT),
	):
		pastikan_pengguna(email, peran)


def _isi_opd(i: int) -> None:
	"""One OPD with its bidang (documents) and, in bulk, indicators, quarters, rows and clocks."""
	kode = _kode(i)
	frappe.get_doc(
		{
			"doctype": "OPD",
			"kode": kode,
			"nama_opd": f"Dinas Benchmark {i + 1}",
			"kepala_dinas": KADIS if i == 0 else None,
		}
	).insert(ignore_permissions=True)
	for b in range(BIDANG_PER_OPD):
		frappe.get_doc(
			{
				"doctype": "Bidang",
				"opd": kode,
				"nama_bidang": f"Bidang {b + 1}",
				"kode": f"B{b + 1}",
				"kepala_bidang": KABID if (i, b) == (0, 0) else None,
			}
		).insert(ignore_permissions=True)
	sekarang = datetime(TAHUN, 1, 2, 8, 0)
	umum = {
		"creation": sekarang,
		"modified": sekarang,
		"owner": "Administrator",
		"modified_by": "Administrator",
	}
	indikator, target, eki, dkb, baris, langkah = [], [], [], [], [], []
	for b in range(BIDANG_PER_OPD):
		bidang = f"{kode}-B{b + 1}"
		for k in range(INDIKATOR_PER_BIDANG):
			nama = f"IK-{kode}-{b + 1}-{k + 1:02d}"
			indikator.append(
				{
					**umum,
					"name": nama,
					"indikator": f"Indikator {k + 1} {bidang}",
					"sasaran_strategis": "Benchmark",
					"bidang": bidang,
					"opd": kode,
					"satuan": "%",
					"polaritas": "Positif",
					"akumulasi": "Kumulatif",
					"aktif": 1,
				}
			)
			target.append(
				{
					**umum,
					"name": f"{nama}-T",
					"parent": nama,
					"parenttype": "Indikator Kinerja",
					"parentfield": "target",
					"idx": 1,
					"tahun": TAHUN,
					"target_tahunan": 100,
					"target_tw1": 25,
					"target_tw2": 25,
					"target_tw3": 25,
					"target_tw4": 25,
				}
			)
	for t, tw in enumerate(TRIWULAN, 1):
		nama_eki = f"EKI-{kode}-{TAHUN}-TW{t}"
		eki.append({**umum, "name": nama_eki, "opd": kode, "tahun": TAHUN, "triwulan": tw})
		mulai = datetime(TAHUN, 3 * t, 1, 8, 0)
		for s in range(18):  # 8 steps + steps 5 and 8 per bidang, all finished
			batas = mulai + timedelta(hours=8)
			langkah.append(
				{
					**umum,
					"name": f"{nama_eki}-L{s}",
					"evaluasi": nama_eki,
					"opd": kode,
					"langkah": 1 + s % 8,
					"kegiatan": "Benchmark",
					"status_sla": "Selesai Tepat Waktu",
					"mulai": mulai,
					"batas_waktu": batas,
					"selesai": batas - timedelta(hours=1) if s % 5 else batas + timedelta(hours=2),
					"waktu": 8,
					"satuan": "Jam",
				}
			)
		for b in range(BIDANG_PER_OPD):
			bidang = f"{kode}-B{b + 1}"
			nama_dkb = f"DKB-{nama_eki}-B{b + 1}"
			dkb.append(
				{
					**umum,
					"name": nama_dkb,
					"evaluasi": nama_eki,
					"opd": kode,
					"tahun": TAHUN,
					"triwulan": tw,
					"bidang": bidang,
					"kode_bidang": f"B{b + 1}",
					"workflow_state": "Diterima",
				}
			)
			for k in range(INDIKATOR_PER_BIDANG):
				capaian = 60 + (k * 7 + b * 3 + t) % 50
				baris.append(
					{
						**umum,
						"name": f"{nama_dkb}-{k}",
						"parent": nama_dkb,
						"parenttype": DKB,
						"parentfield": "baris",
						"idx": k + 1,
						"indikator": f"IK-{kode}-{b + 1}-{k + 1:02d}",
						"nama_indikator": f"Indikator {k + 1}",
						"satuan": "%",
						"polaritas": "Positif",
						"akumulasi": "Kumulatif",
						"target_tw": 25,
						"target_sd_tw": 25 * t,
						"realisasi": str(capaian * t / 4),
						"realisasi_sd_tw": capaian * t / 4,
						"capaian": capaian,
						"predikat": "Tinggi" if capaian >= 76 else "Sedang",
					}
				)
	for doctype, data in (
		("Indikator Kinerja", indikator),
		("Target Indikator Kinerja", target),
		("Evaluasi Kinerja Internal", eki),
		("Langkah Evaluasi", langkah),
		(DKB, dkb),
		("Baris Data Kinerja", baris),
	):
		kolom = list(data[0])
		frappe.db.bulk_insert(doctype, kolom, [tuple(d[k] for k in kolom) for d in data], chunk_size=5000)


def _bersihkan() -> None:
	suka = f"{AWALAN}%"
	frappe.db.delete("Baris Data Kinerja", {"parent": ("like", f"DKB-EKI-{suka}")})
	frappe.db.delete(DKB, {"opd": ("like", suka)})
	frappe.db.delete("Langkah Evaluasi", {"opd": ("like", suka)})
	frappe.db.delete("Evaluasi Kinerja Internal", {"opd": ("like", suka)})
	frappe.db.delete("Target Indikator Kinerja", {"parent": ("like", f"IK-{suka}")})
	frappe.db.delete("Indikator Kinerja", {"opd": ("like", suka)})
	for bidang in frappe.get_all("Bidang", filters={"opd": ("like", suka)}, pluck="name"):
		frappe.delete_doc("Bidang", bidang, force=True, ignore_permissions=True)
	for opd in frappe.get_all("OPD", filters={"name": ("like", suka)}, pluck="name"):
		frappe.delete_doc("OPD", opd, force=True, ignore_permissions=True)
	frappe.db.delete("User Permission", {"user": ("in", [KABID, KADIS, INSPEKTUR, PEMBACA])})
