# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from collections import defaultdict
from collections.abc import Iterable

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_time, getdate

from sakip_evaluasi.domain import kalender
from sakip_evaluasi.domain.kalender import NAMA_HARI as HARI


class KalenderKerja(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.hari_kerja_tambahan.hari_kerja_tambahan import (
			HariKerjaTambahan,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.hari_libur_kalender.hari_libur_kalender import (
			HariLiburKalender,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.jam_kerja_kalender.jam_kerja_kalender import (
			JamKerjaKalender,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.jam_kerja_khusus.jam_kerja_khusus import JamKerjaKhusus

		hari_kerja_tambahan: DF.Table[HariKerjaTambahan]
		hari_libur: DF.Table[HariLiburKalender]
		jam_kerja: DF.Table[JamKerjaKalender]
		jam_kerja_khusus: DF.Table[JamKerjaKhusus]
		jam_per_minggu: DF.Float
		nama_kalender: DF.Data
	# end: auto-generated types

	def validate(self) -> None:
		domain = self.ke_domain()
		masalah = domain.validasi()
		if masalah:
			frappe.throw("<br>".join(masalah), title=_("Kalender Kerja tidak valid"))
		self.jam_per_minggu = domain.jam_per_minggu()

	def ke_domain(self) -> kalender.KalenderKerja:
		return kalender_dari_record(self)


def kalender_dari_record(doc: "KalenderKerja") -> kalender.KalenderKerja:
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
				seperti_hari=HARI.index(r.seperti_hari),
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
		hari[HARI.index(row.hari)].append(_interval(row))
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
