# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from sakip_evaluasi.domain import kalender
from sakip_evaluasi.pejabat.opd import periksa_opd_acuan
from sakip_evaluasi.sla.kalender import kalender_dari_record
from sakip_evaluasi.sla.rencana import kalender_diperbarui


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
		opd: DF.Link | None
	# end: auto-generated types

	def validate(self) -> None:
		periksa_opd_acuan(self)  # a Pemda-wide one is the Admin SAKIP Pemda's
		domain = self.ke_domain()
		masalah = domain.validasi()
		if masalah:
			frappe.throw("<br>".join(masalah), title=_("Kalender Kerja tidak valid"))
		self.jam_per_minggu = domain.jam_per_minggu()

	def on_update(self) -> None:
		kalender_diperbarui(self)  # re-plan the running steps of every evaluation timed on it

	def ke_domain(self) -> kalender.KalenderKerja:
		return kalender_dari_record(self)
