# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from frappe.model.document import Document


class IndikatorRenstra(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		baseline: DF.Float
		iku: DF.Check
		indikator: DF.Link | None
		kode: DF.Data
		nama_indikator: DF.SmallText
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		sasaran: DF.SmallText
		satuan: DF.Data | None
		tahun_baseline: DF.Int
		target_akhir: DF.Float
	# end: auto-generated types
