# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class LangkahLaporanKinerja(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		batas_waktu: DF.Datetime | None
		kegiatan: DF.SmallText | None
		mulai: DF.Datetime | None
		no: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		pelaksana: DF.Data | None
		selesai: DF.Datetime | None
		status: DF.Data | None
	# end: auto-generated types
