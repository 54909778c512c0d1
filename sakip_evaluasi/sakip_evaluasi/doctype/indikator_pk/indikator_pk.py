# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class IndikatorPK(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		akumulasi: DF.Literal["Kumulatif", "Nilai Akhir", "Rata-rata", "Tetap"]
		definisi: DF.SmallText | None
		iku: DF.Check
		indikator: DF.Link | None
		kode_sasaran: DF.Data
		metode_negatif: DF.Literal["(2T-R)/T", "T/R"]
		nama_indikator: DF.SmallText
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		polaritas: DF.Literal["Positif", "Negatif"]
		satuan: DF.Data
		target_tahunan: DF.Float
		target_tw1: DF.Float
		target_tw2: DF.Float
		target_tw3: DF.Float
		target_tw4: DF.Float
	# end: auto-generated types
