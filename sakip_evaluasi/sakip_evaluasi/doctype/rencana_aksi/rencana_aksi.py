# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class RencanaAksi(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		aksi: DF.SmallText
		indikator: DF.Link
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		penanggung_jawab: DF.Data | None
		triwulan: DF.Literal["I", "II", "III", "IV"]
	# end: auto-generated types
