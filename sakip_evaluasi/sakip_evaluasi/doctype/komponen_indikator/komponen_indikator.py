# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from frappe.model.document import Document


class KomponenIndikator(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		bobot: DF.Float
		komponen: DF.Data
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		peran: DF.Literal["", "Pembilang", "Penyebut"]
	# end: auto-generated types

	pass
