# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from frappe.model.document import Document


class AturanTTE(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		boleh_unggah: DF.Check
		doctype_dokumen: DF.Data | None
		halaman: DF.Int
		kolom_user: DF.Data | None
		lebar_mm: DF.Float
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		peran: DF.Link | None
		print_format: DF.Link
		status_dokumen: DF.Data | None
		tampilan: DF.Literal["Terlihat", "Tidak Terlihat"]
		tinggi_mm: DF.Float
		urutan: DF.Int
		x_mm: DF.Float
		y_mm: DF.Float
	# end: auto-generated types
