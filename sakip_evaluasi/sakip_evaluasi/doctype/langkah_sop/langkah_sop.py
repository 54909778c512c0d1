# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from frappe.model.document import Document


class LangkahSOP(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		dokumen_output: DF.Link | None
		field_jam_mulai: DF.Data | None
		field_tanggal_mulai: DF.Data | None
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
		per_bidang: DF.Check
		satuan: DF.Literal["Jam", "Hari"]
		status_mulai: DF.Data | None
		status_selesai: DF.Data | None
		syarat_dokumen: DF.Code | None
		waktu: DF.Float
	# end: auto-generated types

	pass
