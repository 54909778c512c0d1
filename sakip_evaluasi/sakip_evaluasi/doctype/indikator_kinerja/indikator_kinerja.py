# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from sakip_evaluasi.domain.rumus import Komponen, Rumus, masalah_rumus


class IndikatorKinerja(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.komponen_indikator.komponen_indikator import (
			KomponenIndikator,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.target_indikator_kinerja.target_indikator_kinerja import (
			TargetIndikatorKinerja,
		)

		aktif: DF.Check
		akumulasi: DF.Literal["Kumulatif", "Nilai Akhir", "Rata-rata", "Tetap"]
		bidang: DF.Link
		indikator: DF.SmallText
		jenis_indikator: DF.Literal["Langsung", "Rumus"]
		jenis_rumus: DF.Literal["", "Rasio", "Jumlah Berbobot"]
		kali_seratus: DF.Check
		komponen: DF.Table[KomponenIndikator]
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
		self.validasi_rumus()

	def validasi_rumus(self) -> None:
		"""A computed indicator needs a formula that can be computed: its components named, one
		Pembilang and one Penyebut for a ratio, a weight for each component of a weighted sum."""
		if self.jenis_indikator != "Rumus":
			self.jenis_rumus = None
			return
		rumus = Rumus(
			self.jenis_rumus or "",
			tuple(Komponen((k.komponen or "").strip(), k.peran or "", k.bobot) for k in self.komponen),
			bool(self.kali_seratus),
		)
		masalah = masalah_rumus(rumus, (self.indikator or "").strip())
		if masalah:
			frappe.throw(
				"<br>".join(frappe.utils.escape_html(m) for m in masalah)
				+ "<br>"
				+ _("Indikator tidak disimpan."),
				title=_("Rumus indikator tidak lengkap"),
			)
