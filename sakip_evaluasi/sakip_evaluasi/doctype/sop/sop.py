# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from sakip_evaluasi.domain import sop as sop_domain
from sakip_evaluasi.pejabat.opd import periksa_opd_acuan
from sakip_evaluasi.sla.pemicu import validasi_pemicu


class SOP(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.langkah_sop.langkah_sop import LangkahSOP

		dasar_hukum: DF.SmallText | None
		disahkan_oleh: DF.Data | None
		keterkaitan: DF.SmallText | None
		kualifikasi_pelaksana: DF.SmallText | None
		langkah: DF.Table[LangkahSOP]
		nama_sop: DF.Data
		nomor_sop: DF.Data | None
		opd: DF.Link | None
		pencatatan_pendataan: DF.SmallText | None
		peralatan_perlengkapan: DF.SmallText | None
		peringatan: DF.SmallText | None
		tanggal_efektif: DF.Date | None
		tanggal_pembuatan: DF.Date | None
		tanggal_revisi: DF.Date | None
		unit: DF.Data | None
	# end: auto-generated types

	def validate(self) -> None:
		periksa_opd_acuan(self)  # a Pemda-wide one is the Admin SAKIP Pemda's
		peran = set(frappe.get_all("Role", pluck="name"))
		masalah = self.ke_domain().validasi(peran_dikenal=peran)
		if masalah:
			frappe.throw("<br>".join(masalah), title=_("SOP tidak valid"))
		self.langkah.sort(key=lambda row: row.no or 0)
		for idx, row in enumerate(self.langkah, start=1):
			row.idx = idx

	def _validate_links(self) -> None:
		# The SLA engine's triggers (DocType, workflow states, fields, condition) are checked before
		# Frappe's own link check, so a DocType that does not exist gets an Indonesian message.
		validasi_pemicu(self)
		super()._validate_links()

	def ke_domain(self) -> sop_domain.SOP:
		return sop_domain.sop_dari_dict(self.as_dict())
