# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from frappe.model.document import Document


class LangkahSOP(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		kegiatan: DF.SmallText
		kelengkapan: DF.Data | None
		keterangan: DF.SmallText | None
		no: DF.Int
		output: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		pelaksana: DF.Link
		pelaksana_lain: DF.SmallText | None
		satuan: DF.Literal["Jam", "Hari"]
		waktu: DF.Float
	# end: auto-generated types

	pass
