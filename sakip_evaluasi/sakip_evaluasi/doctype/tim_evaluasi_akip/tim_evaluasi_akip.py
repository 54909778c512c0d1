# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class TimEvaluasiAKIP(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		nama: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		pegawai: DF.Link
		peran_tim: DF.Literal["Pengendali Teknis", "Ketua Tim", "Anggota"]
		user: DF.Link | None
	# end: auto-generated types

	pass
