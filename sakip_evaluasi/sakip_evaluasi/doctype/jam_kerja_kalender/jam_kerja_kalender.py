# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from frappe.model.document import Document


class JamKerjaKalender(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		hari: DF.Literal["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
		jam_mulai: DF.Time
		jam_selesai: DF.Time
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types

	pass
