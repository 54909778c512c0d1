"""What the SLA engine's modules share: the names of the records, a clock's key, the evaluation's
calendar, a step's scheduled start, the warning share, the holder of a role and the clocks of an
evaluation. ``mesin`` (opening and closing clocks) and ``rencana`` (re-planning) both build on this
module; neither imports the other's internals, and nothing here imports a DocType controller.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

import frappe
from frappe import _
from frappe.utils import flt, get_datetime, get_time, getdate

from sakip_evaluasi.domain import kalender, sla
from sakip_evaluasi.domain.doctype import EVALUASI, LANGKAH
from sakip_evaluasi.domain.kalender import NAMA_HARI
from sakip_evaluasi.domain.peran import PERAN_SOP
from sakip_evaluasi.pejabat.pemegang import pemegang_peran
from sakip_evaluasi.sla.pemicu import Pemicu

# The columns of a running clock that re-planning reads.
KOLOM_RENCANA = (
	"name",
	"evaluasi",
	"langkah",
	"bidang",
	"mulai",
	"waktu",
	"satuan",
	"ambang_peringatan",
	"batas_waktu",
	"batas_peringatan",
	"status_sla",
	"dokumen_doctype",
	"dokumen",
)


def nama_langkah(evaluasi: str, langkah: int, bidang: str | None = None) -> str:
	"""One clock per (evaluasi, step, bidang): the name is the key, so a step cannot open twice."""
	return f"{evaluasi}-L{int(langkah)}" + (f"-{bidang}" if bidang else "")


# --------------------------------------------------------------------------- the working calendar


def kalender_dari_record(doc) -> kalender.KalenderKerja:
	"""Convert a Kalender Kerja record (with its child tables) into the domain calendar."""
	return kalender.KalenderKerja(
		nama=doc.nama_kalender or doc.name,
		jam_kerja=_per_hari(doc.jam_kerja),
		libur=tuple(
			kalender.Libur(tanggal=getdate(r.tanggal), keterangan=r.keterangan or "", jenis=r.jenis)
			for r in doc.hari_libur
		),
		hari_kerja_tambahan=tuple(
			kalender.HariKerjaTambahan(
				tanggal=getdate(r.tanggal),
				keterangan=r.keterangan or "",
				seperti_hari=NAMA_HARI.index(r.seperti_hari),
			)
			for r in doc.hari_kerja_tambahan
		),
		jam_khusus=_periode_khusus(doc.jam_kerja_khusus),
	)


def _interval(row) -> kalender.Interval:
	return kalender.Interval(mulai=get_time(row.jam_mulai), selesai=get_time(row.jam_selesai))


def _per_hari(rows: Iterable) -> dict[int, tuple[kalender.Interval, ...]]:
	hari: dict[int, list[kalender.Interval]] = defaultdict(list)
	for row in rows:
		hari[NAMA_HARI.index(row.hari)].append(_interval(row))
	return {h: tuple(sorted(iv, key=lambda i: i.mulai)) for h, iv in hari.items()}


def _periode_khusus(rows: Iterable) -> tuple[kalender.JamKhusus, ...]:
	"""Rows sharing one date range (and description) form one special-hours period."""
	periode: dict[tuple, list] = defaultdict(list)
	for row in rows:
		periode[(getdate(row.dari_tanggal), getdate(row.sampai_tanggal), row.keterangan or "")].append(row)
	return tuple(
		kalender.JamKhusus(dari=dari, sampai=sampai, keterangan=ket, jam=_per_hari(baris))
		for (dari, sampai, ket), baris in sorted(periode.items())
	)


def get_kalender(nama: str | None = None) -> kalender.KalenderKerja:
	"""The domain calendar of a Kalender Kerja (default: the one named in Pengaturan SAKIP)."""
	nama = nama or frappe.db.get_single_value("Pengaturan SAKIP", "kalender_kerja_default")
	if not nama:
		frappe.throw(_("Kalender Kerja default belum diatur di Pengaturan SAKIP."))
	return kalender_dari_record(frappe.get_cached_doc("Kalender Kerja", nama))


def kalender_evaluasi(eki) -> kalender.KalenderKerja:
	"""The calendar an evaluation's steps are timed on (its own, else the default one)."""
	return get_kalender(eki.get("kalender_kerja"))


# --------------------------------------------------------------------------- steps and holders


def jadwal_mulai(p: Pemicu, dokumen) -> datetime | None:
	"""The scheduled start an output document gives step ``p`` (e.g. the meeting's date and time)."""
	if not (p.field_tanggal and dokumen and dokumen.get(p.field_tanggal)):
		return None
	nilai = dokumen.get(p.field_tanggal)
	if p.field_jam and dokumen.get(p.field_jam):
		return get_datetime(f"{getdate(nilai)} {dokumen.get(p.field_jam)}")
	return get_datetime(nilai)


def ambang_peringatan() -> float:
	"""The warning share (percent of a step's working time) from Pengaturan SAKIP."""
	nilai = flt(frappe.db.get_single_value("Pengaturan SAKIP", "ambang_peringatan_sla"))
	return nilai if 0 < nilai < 100 else sla.AMBANG_PERINGATAN_BAWAAN


def pengguna_peran(eki, peran: str | None, bidang: str | None) -> str | None:
	"""The user holding ``peran`` in this evaluation (``pejabat.pemegang_peran``); None for a role
	that is not an SOP actor."""
	if not peran or peran not in PERAN_SOP:
		return None
	return pemegang_peran(peran, eki, bidang).user


def jam_evaluasi(evaluasi: str, fields: list[str]) -> list:
	"""The clocks of an evaluation by a locking read: the latest committed rows, not this
	transaction's snapshot (see ``kunci_evaluasi``)."""
	return frappe.db.get_values(
		LANGKAH,
		{"evaluasi": evaluasi},
		fields,
		as_dict=True,
		order_by="langkah asc, bidang asc",
		for_update=True,
	)


def saat_mulai_langkah(eki, pemicu: tuple[Pemicu, ...], jam: list) -> dict[int, datetime]:
	"""When each step of ``eki`` that may start now started (``sla.saat_mulai_langkah`` on its clocks)."""
	return sla.saat_mulai_langkah(
		[p.no for p in pemicu],
		[sla.JamLangkah(j.langkah, get_datetime(j.selesai) if j.selesai else None, j.bidang) for j in jam],
		get_datetime(eki.creation),
	)
