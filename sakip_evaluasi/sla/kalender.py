"""The working calendar of the SLA engine, built from the Kalender Kerja records (the arithmetic is
the frappe-free ``domain.kalender``): a record into the domain calendar, the default one named in
Pengaturan SAKIP, and the one an evaluation's steps are timed on."""

from collections import defaultdict
from collections.abc import Iterable

import frappe
from frappe import _
from frappe.utils import get_time, getdate

from sakip_evaluasi.domain import kalender
from sakip_evaluasi.domain.kalender import NAMA_HARI


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
