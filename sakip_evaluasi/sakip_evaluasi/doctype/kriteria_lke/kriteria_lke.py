# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from frappe.model.document import Document


class KriteriaLKE(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		bukti_dari_aplikasi: DF.Literal["", "langsung", "sebagian"]
		catatan: DF.SmallText | None
		kode: DF.Data
		no: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		skala: DF.Literal["AA-E", "A/B/C", "Y/T"]
		subkomponen: DF.Data
		uraian: DF.SmallText
	# end: auto-generated types

	pass
