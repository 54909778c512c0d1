"""Install the print formats' defaults: each official document's first print format becomes its
DocType's default, once (the formats themselves ship in ``sakip_evaluasi/sakip_evaluasi/print_format/``)."""

import frappe

from sakip_evaluasi.cetak.konteks import CETAKAN
from sakip_evaluasi.cetak.perjanjian_kinerja import CETAKAN_PK


def pasang_cetakan() -> None:
	"""Make the first print format of each document kind its DocType's default print format, once: an
	administrator's later choice (or an editable copy made default) is kept."""
	from frappe.custom.doctype.property_setter.property_setter import make_property_setter

	baku = dict(reversed([*CETAKAN.values(), *CETAKAN_PK.values()]))  # the first of each DocType …
	baku["Notulen Rapat"] = CETAKAN["notulen_rapat"][1]  # … but the minutes for the Notulen
	for doctype, print_format in baku.items():
		if not frappe.db.exists("Print Format", print_format):
			continue
		if frappe.get_meta(doctype).default_print_format:
			continue
		make_property_setter(
			doctype,
			None,
			"default_print_format",
			print_format,
			"Data",
			for_doctype=True,
			validate_fields_for_doctype=False,
		)
