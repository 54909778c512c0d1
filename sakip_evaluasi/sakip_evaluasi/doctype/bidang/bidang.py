# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from sakip_evaluasi.izin_bidang import pastikan_kepala_bidang_aktif, sinkronkan_izin_kepala_bidang


class Bidang(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		aktif: DF.Check
		kepala_bidang: DF.Link | None
		kode: DF.Data
		nama_bidang: DF.Data
		nama_kepala_bidang: DF.Data | None
	# end: auto-generated types

	def validate(self) -> None:
		self.kode = (self.kode or "").strip().upper()
		pastikan_kepala_bidang_aktif(self.kepala_bidang)

	def on_update(self) -> None:
		sebelum = self.get_doc_before_save()
		sinkronkan_izin_kepala_bidang(
			bidang=self.name,
			kepala_lama=sebelum.kepala_bidang if sebelum else None,
			kepala_baru=self.kepala_bidang,
		)

	def on_trash(self) -> None:
		sinkronkan_izin_kepala_bidang(bidang=self.name, kepala_lama=self.kepala_bidang, kepala_baru=None)
