# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from frappe.model.document import Document


class TargetIndikatorKinerja(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		tahun: DF.Int
		target_tahunan: DF.Float
		target_tw1: DF.Float
		target_tw2: DF.Float
		target_tw3: DF.Float
		target_tw4: DF.Float
	# end: auto-generated types

	pass
