"""The scheduled SLA check.

``periksa_sla`` runs from ``scheduler_events`` (cron, every minute by default; the interval lives
in Pengaturan SAKIP and is written into the job's Scheduled Job Type). It first repairs any
evaluation whose next step should have started but did not (``mesin.perbaiki_evaluasi``; one query
finds the candidates: evaluations with clocks of which none is running). Then one check is:

1. **marking** — two set-based UPDATEs, each a range scan of its own index:
   running steps past ``batas_waktu`` become Terlambat (index status_sla, batas_waktu), steps past
   their precomputed warning moment become Hampir Jatuh Tempo (index status_sla, batas_peringatan).
   Each flipped row is flagged ``notifikasi_tertunda``. Nothing is loaded into Python, so the cost
   grows with the rows that change, not with all running steps. A row can flip only once per state:
   the WHERE clause excludes rows already in the new state, and InnoDB re-checks it under the row
   lock, so two workers running the check at once flip (and flag) every row exactly once;
2. **hand-off** — one background job (``notifikasi.kirim_tertunda``, deduplicated) sends the flagged
   notifications; the check never waits on e-mail.
"""

import time
from dataclasses import dataclass
from datetime import datetime

import frappe
from frappe import _
from frappe.utils import cint, flt, now_datetime

from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.doctype import LANGKAH
from sakip_evaluasi.sla.mesin import perbaiki_evaluasi
from sakip_evaluasi.sla.notifikasi import ada_tertunda, serahkan

METODE = "sakip_evaluasi.sla.jadwal.periksa_sla"
INTERVAL_BAWAAN = sla.INTERVAL_PEMERIKSAAN_BAWAAN


@dataclass(frozen=True)
class HasilPemeriksaan:
	terlambat: int
	hampir_jatuh_tempo: int
	detik_penandaan: float
	diserahkan: bool
	detik_penyerahan: float

	@property
	def berubah(self) -> int:
		return self.terlambat + self.hampir_jatuh_tempo


def periksa_sla() -> None:
	"""The scheduled job (scheduler_events cron)."""
	perbaiki_evaluasi()
	periksa(commit=True, serahkan_notifikasi=True)
	sesuaikan_jadwal()


def periksa(
	sekarang: datetime | None = None, *, commit: bool = True, serahkan_notifikasi: bool = True
) -> HasilPemeriksaan:
	"""Mark every running step whose state changed at ``sekarang`` and hand its notifications off."""
	sekarang = sekarang or now_datetime()
	t0 = time.perf_counter()
	terlambat = tandai_terlambat(sekarang)
	hampir = tandai_hampir_jatuh_tempo(sekarang)
	t1 = time.perf_counter()
	frappe.db.set_single_value(
		"Pengaturan SAKIP", "pemeriksaan_sla_terakhir", sekarang, update_modified=False
	)
	if commit:
		frappe.db.commit()
	t2 = time.perf_counter()
	diserahkan = False
	if serahkan_notifikasi and (terlambat or hampir or ada_tertunda()):
		diserahkan = serahkan()
	return HasilPemeriksaan(terlambat, hampir, t1 - t0, diserahkan, time.perf_counter() - t2)


def tandai_terlambat(sekarang: datetime) -> int:
	"""Running steps past their deadline → Terlambat. Returns the number of rows flipped."""
	frappe.db.sql(
		"""update `tabLangkah Evaluasi` set status_sla = %(baru)s, notifikasi_tertunda = 1
		where status_sla in %(lama)s and batas_waktu < %(t)s""",
		{"baru": sla.TERLAMBAT, "lama": (sla.BERJALAN, sla.HAMPIR_JATUH_TEMPO), "t": sekarang},
	)
	return _baris_terubah()


def tandai_hampir_jatuh_tempo(sekarang: datetime) -> int:
	"""Running steps past their warning moment (and not late: those were flipped first) → Hampir Jatuh Tempo."""
	frappe.db.sql(
		"""update `tabLangkah Evaluasi` set status_sla = %(baru)s, notifikasi_tertunda = 1
		where status_sla = %(lama)s and batas_peringatan <= %(t)s and batas_waktu >= %(t)s""",
		{"baru": sla.HAMPIR_JATUH_TEMPO, "lama": sla.BERJALAN, "t": sekarang},
	)
	return _baris_terubah()


def _baris_terubah() -> int:
	return max(cint(frappe.db._cursor.rowcount), 0)


# --------------------------------------------------------------------------- the interval


def interval_menit() -> int:
	menit = cint(frappe.db.get_single_value("Pengaturan SAKIP", "interval_pemeriksaan_sla"))
	return menit if 1 <= menit <= 60 else INTERVAL_BAWAAN


def sesuaikan_jadwal() -> bool:
	"""Write the interval of Pengaturan SAKIP into the job's Scheduled Job Type; True when it changed.

	``bench migrate`` resets the job to the cron in hooks.py (every minute); the next check puts the
	configured interval back.
	"""
	cron = sla.cron_pemeriksaan(interval_menit())
	job = frappe.db.get_value("Scheduled Job Type", {"method": METODE}, ["name", "cron_format"], as_dict=True)
	if not job or job.cron_format == cron:
		return False
	frappe.db.set_value("Scheduled Job Type", job.name, {"cron_format": cron, "frequency": "Cron"})
	return True
