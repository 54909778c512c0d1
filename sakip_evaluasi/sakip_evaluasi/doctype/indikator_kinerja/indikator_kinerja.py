# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class IndikatorKinerja(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.target_indikator_kinerja.target_indikator_kinerja import (
			TargetIndikatorKinerja,
		)

		aktif: DF.Check
		akumulasi: DF.Literal["Kumulatif", "Nilai Akhir", "Rata-rata", "Tetap"]
		bidang: DF.Link
		indikator: DF.SmallText
		metode_negatif: DF.Literal["(2T-R)/T", "T/R"]
		opd: DF.Link | None
		polaritas: DF.Literal["Positif", "Negatif"]
		sasaran_strategis: DF.SmallText
		satuan: DF.Data
		target: DF.Table[TargetIndikatorKinerja]
	# end: auto-generated types

	def validate(self) -> None:
		tahun = [r.tahun for r in self.target]
		ganda = sorted({t for t in tahun if tahun.count(t) > 1})
		if ganda:
			frappe.throw(
				_("Target tahun {0} tercantum lebih dari sekali.").format(", ".join(map(str, ganda)))
			)
		if self.polaritas != "Negatif":
			self.metode_negatif = "(2T-R)/T"
