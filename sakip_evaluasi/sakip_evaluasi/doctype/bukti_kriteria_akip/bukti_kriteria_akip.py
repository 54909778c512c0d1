# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.controllers.alur_kerja import BarisAlurKerja


class BuktiKriteriaAKIP(BarisAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		berkas: DF.Attach | None
		dokumen: DF.DynamicLink | None
		dokumen_doctype: DF.Link | None
		jenis: DF.Literal["Dokumen Aplikasi", "Unggahan", "Tautan"]
		keterangan: DF.Data | None
		kriteria: DF.Data
		otomatis: DF.Check
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		tautan: DF.Data | None
	# end: auto-generated types

	pass
