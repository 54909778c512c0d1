# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_datetime, now_datetime

from sakip_evaluasi.domain import sla
from sakip_evaluasi.sla.jam import nama_langkah
from sakip_evaluasi.sla.tampilan import status_kini


class LangkahEvaluasi(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		ambang_peringatan: DF.Percent
		atasan: DF.Link | None
		batas_peringatan: DF.Datetime | None
		batas_waktu: DF.Datetime
		bidang: DF.Link | None
		diberitahu_mulai: DF.Datetime | None
		diberitahu_peringatan: DF.Datetime | None
		diberitahu_terlambat: DF.Datetime | None
		dokumen: DF.DynamicLink | None
		dokumen_doctype: DF.Link | None
		eskalasi_terlambat: DF.Datetime | None
		evaluasi: DF.Link
		gagal_notifikasi: DF.Int
		kegiatan: DF.SmallText | None
		langkah: DF.Int
		mulai: DF.Datetime
		notifikasi_tertunda: DF.Check
		opd: DF.Link | None
		pelaksana: DF.Link | None
		peran: DF.Link | None
		satuan: DF.Literal["Jam", "Hari"]
		selesai: DF.Datetime | None
		status_sla: DF.Literal[
			"Berjalan", "Hampir Jatuh Tempo", "Terlambat", "Selesai Tepat Waktu", "Selesai Terlambat"
		]
		terlambat_jam: DF.Float
		waktu: DF.Float
	# end: auto-generated types

	def autoname(self) -> None:
		self.name = nama_langkah(self.evaluasi, self.langkah, self.bidang)

	def validate(self) -> None:
		if not self.langkah or self.langkah <= 0:
			frappe.throw(_("Nomor langkah harus bilangan bulat positif."))
		if get_datetime(self.batas_waktu) < get_datetime(self.mulai):
			frappe.throw(_("Batas waktu tidak boleh sebelum saat mulai."))

	def onload(self) -> None:
		# Between scheduled checks the form still shows the truth: status derived from the clock,
		# and the colour of its indicator (langkah_evaluasi_list.js).
		self.status_sla = self.status_saat_ini()
		self.set_onload("warna_sla", sla.WARNA_STATUS[self.status_sla])

	def status_saat_ini(self, sekarang=None) -> str:
		return status_kini(self, sekarang or now_datetime())


def on_doctype_update() -> None:
	# The scheduled check is two indexed UPDATEs: one per (status, moment) pair.
	frappe.db.add_index("Langkah Evaluasi", ["status_sla", "batas_waktu"], "status_batas_waktu_index")
	frappe.db.add_index("Langkah Evaluasi", ["status_sla", "batas_peringatan"], "status_peringatan_index")
