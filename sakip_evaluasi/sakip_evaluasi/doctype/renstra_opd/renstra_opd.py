# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from sakip_evaluasi.domain.doctype import RENSTRA
from sakip_evaluasi.domain.penamaan import nama_renstra
from sakip_evaluasi.domain.perjanjian_kinerja import periksa_renstra


class RenstraOPD(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.indikator_renstra.indikator_renstra import IndikatorRenstra
		from sakip_evaluasi.sakip_evaluasi.doctype.target_renstra.target_renstra import TargetRenstra

		indikator: DF.Table[IndikatorRenstra]
		nomor_dokumen: DF.Data | None
		opd: DF.Link
		tahun_mulai: DF.Int
		tahun_selesai: DF.Int
		target: DF.Table[TargetRenstra]
	# end: auto-generated types

	def autoname(self) -> None:
		self.name = nama_renstra(self.opd, self.tahun_mulai, self.tahun_selesai)

	def validate(self) -> None:
		masalah = periksa_renstra(
			self.tahun_mulai,
			self.tahun_selesai,
			[(_("Indikator baris {0}").format(r.idx), (r.kode or "").strip()) for r in self.indikator],
			[
				(_("Target baris {0}").format(r.idx), (r.kode_indikator or "").strip(), r.tahun)
				for r in self.target
			],
		)
		tumpang = frappe.get_all(
			RENSTRA,
			filters={
				"opd": self.opd,
				"name": ("!=", self.name or ""),
				"tahun_mulai": ("<=", self.tahun_selesai),
				"tahun_selesai": (">=", self.tahun_mulai),
			},
			pluck="name",
		)
		masalah += [_("Periode bertumpang tindih dengan {0}.").format(n) for n in tumpang]
		for r in self.target:
			r.ada_realisasi = 1 if r.realisasi or r.ada_realisasi else 0
		if masalah:
			frappe.throw(
				"<br>".join(masalah) + "<br>" + _("Renstra belum disimpan; tidak ada data yang diubah."),
				title=_("Isian Renstra tidak valid"),
			)
