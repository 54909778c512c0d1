# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class RiwayatPengembalian(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		alasan: DF.SmallText | None
		dari_status: DF.Data | None
		dikembalikan_oleh: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		waktu: DF.Datetime | None
	# end: auto-generated types

	pass
