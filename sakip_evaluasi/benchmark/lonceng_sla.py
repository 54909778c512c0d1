"""Server side of ``keandalan/uji_lonceng_sla.py``: how soon after a deadline the holder's bell rings,
with the real scheduler and RQ worker, at Pemda scale.

``siapkan`` seeds (committed, in its own year and OPD codes, removed by ``bersihkan``) ``opd`` OPDs,
each with an evaluation whose running step clocks include ``per_opd`` steps whose deadlines fall, spread
evenly and interleaved across the OPDs, in the window the script waits through, beside ``latar`` running
steps per OPD due next week (the rest of a running cycle, which the check must not touch). Each step has
its own holder (a user of that OPD) and the holder's superior, as the engine records them when a step
starts. ``hasil`` reads, per seeded deadline, when the holder's Terlambat bell (Notification Log) was
created.
"""

from datetime import timedelta

import frappe
from frappe.utils import now_datetime

from sakip_evaluasi.benchmark.dasar import pastikan_pengguna
from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.doctype import EVALUASI as EKI
from sakip_evaluasi.domain.doctype import LANGKAH
from sakip_evaluasi.domain.peran import KEPALA_DINAS, SEKRETARIS
from sakip_evaluasi.sla.jadwal import METODE

TAHUN = 2099
AWALAN = "LS"
DOMAIN = "lonceng-sla.bench"


def _kode(i: int) -> str:
	return f"{AWALAN}{i + 1:02d}"


def _pengguna(i: int) -> tuple[str, str]:
	return f"sekretaris.{_kode(i).lower()}@{DOMAIN}", f"kadis.{_kode(i).lower()}@{DOMAIN}"


def siapkan(
	opd: int = 40, per_opd: int = 2, mulai: float = 60, rentang: float = 180, latar: int = 16
) -> dict:
	"""Seed and commit; returns the seeded deadlines' step names, the window and the job's cron."""
	bersihkan()
	frappe.flags.in_import = True  # Frappe throttles creating many users an hour outside an import
	for i in range(opd):
		frappe.get_doc({"doctype": "OPD", "kode": _kode(i), "nama_opd": f"Dinas Lonceng SLA {i + 1}"}).insert(
			ignore_permissions=True
		)
		pelaksana, atasan = _pengguna(i)
		pastikan_pengguna(pelaksana, SEKRETARIS)
		pastikan_pengguna(atasan, KEPALA_DINAS)
	frappe.flags.in_import = False
	# an import sets no defaults: the users are enabled as any new user is
	frappe.db.set_value("User", {"name": ("like", f"%@{DOMAIN}")}, "enabled", 1, update_modified=False)
	frappe.db.commit()
	t0 = now_datetime()
	jumlah = opd * per_opd
	umum = {"creation": t0, "modified": t0, "owner": "Administrator", "modified_by": "Administrator"}
	eki, langkah, diukur = [], [], []
	for i in range(opd):
		nama_eki = f"EKI-{_kode(i)}-{TAHUN}-TW1"
		eki.append({**umum, "name": nama_eki, "opd": _kode(i), "tahun": TAHUN, "triwulan": "I"})
		pelaksana, atasan = _pengguna(i)
		for s in range(per_opd + latar):
			if s < per_opd:  # interleaved: OPD 1, 2, …, 40, 1, 2, … across the window
				urutan = s * opd + i
				batas = t0 + timedelta(seconds=mulai + rentang * urutan / max(jumlah - 1, 1))
			else:
				batas = t0 + timedelta(days=7, hours=s)
			nama = f"{nama_eki}-L{s:02d}"
			langkah.append(
				{
					**umum,
					"name": nama,
					"evaluasi": nama_eki,
					"opd": _kode(i),
					"langkah": 3 + s % 6,
					"kegiatan": "Benchmark lonceng SLA",
					"status_sla": sla.BERJALAN,
					"peran": SEKRETARIS,
					"pelaksana": pelaksana,
					"atasan": atasan,
					"mulai": t0 - timedelta(hours=8),
					"batas_peringatan": batas,  # no Hampir Jatuh Tempo: only the deadline is measured
					"batas_waktu": batas,
					"waktu": 8,
					"satuan": "Jam",
					"ambang_peringatan": 75,
					# a bulk insert writes no defaults: the columns the check and the job filter on
					"notifikasi_tertunda": 0,
					"gagal_notifikasi": 0,
					# the step's turn was told when it started
					"diberitahu_mulai": t0 - timedelta(hours=8),
				}
			)
			if s < per_opd:
				diukur.append(nama)
	for doctype, data in ((EKI, eki), (LANGKAH, langkah)):
		kolom = list(data[0])
		frappe.db.bulk_insert(doctype, kolom, [tuple(d[k] for k in kolom) for d in data], chunk_size=5000)
	frappe.db.commit()
	return {
		"diukur": diukur,
		"langkah_berjalan": len(langkah),
		"sejak": str(t0),
		"cron": frappe.db.get_value("Scheduled Job Type", {"method": METODE}, "cron_format"),
	}


def hasil(diukur: list[str], sejak: str) -> list[dict]:
	"""Per measured step: its deadline, when the holder's Terlambat bell was created (None: not yet),
	and whether the superior's escalation was written."""
	frappe.db.rollback()  # a fresh snapshot
	baris = frappe.get_all(
		LANGKAH, filters={"name": ("in", diukur)}, fields=["name", "batas_waktu", "pelaksana", "atasan"]
	)
	log = frappe.db.sql(
		"""select document_name, for_user, min(creation) dibuat from `tabNotification Log`
		where document_type = %s and document_name in %s and creation >= %s and subject like %s
		group by document_name, for_user""",
		(LANGKAH, diukur, sejak, "%terlambat%"),
		as_dict=True,
	)
	lonceng = {(r.document_name, r.for_user): r.dibuat for r in log}
	return [
		{
			"langkah": b.name,
			"batas_waktu": b.batas_waktu,
			"lonceng": lonceng.get((b.name, b.pelaksana)),
			"eskalasi": bool(lonceng.get((b.name, b.atasan))),
		}
		for b in baris
	]


def bersihkan() -> None:
	suka = f"{AWALAN}%"
	langkah = frappe.get_all(LANGKAH, filters={"opd": ("like", suka)}, pluck="name")
	if langkah:
		frappe.db.delete("Notification Log", {"document_type": LANGKAH, "document_name": ("in", langkah)})
	frappe.db.delete(LANGKAH, {"opd": ("like", suka)})
	frappe.db.delete(EKI, {"opd": ("like", suka)})
	for user in frappe.get_all("User", filters={"name": ("like", f"%@{DOMAIN}")}, pluck="name"):
		frappe.delete_doc("User", user, force=True, ignore_permissions=True)
	for opd in frappe.get_all("OPD", filters={"name": ("like", suka)}, pluck="name"):
		frappe.delete_doc("OPD", opd, force=True, ignore_permissions=True)
	frappe.db.commit()
