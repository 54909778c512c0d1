# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class JawabanKriteriaAKIP(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		berbeda: DF.Check
		catatan_inspektorat: DF.SmallText | None
		catatan_opd: DF.SmallText | None
		jawaban_inspektorat: DF.Literal["", "AA", "A", "BB", "B", "CC", "C", "D", "E", "Y", "T"]
		jawaban_opd: DF.Literal["", "AA", "A", "BB", "B", "CC", "C", "D", "E", "Y", "T"]
		jumlah_bukti: DF.Int
		kriteria: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		skala: DF.Data | None
		subkomponen: DF.Data | None
		uraian: DF.SmallText | None
	# end: auto-generated types

	pass
