# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from frappe.model.document import Document


class TargetRenstra(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		ada_realisasi: DF.Check
		kode_indikator: DF.Data
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		realisasi: DF.Float
		sumber_realisasi: DF.Literal["", "Diisi", "Diimpor"]
		tahun: DF.Int
		target: DF.Float
	# end: auto-generated types
