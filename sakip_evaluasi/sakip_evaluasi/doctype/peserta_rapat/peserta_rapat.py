# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class PesertaRapat(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		bidang: DF.Link | None
		diwakili_oleh: DF.Data | None
		instansi: DF.Data | None
		jabatan: DF.Data | None
		kehadiran: DF.Literal["", "Hadir", "Tidak Hadir", "Diwakili"]
		nama: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		peserta: DF.Link | None
	# end: auto-generated types

	pass
