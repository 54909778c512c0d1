# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document


class PengaturanSAKIP(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		kalender_kerja_default: DF.Link | None
		nama_instansi: DF.Data | None
		sop_default: DF.Link | None
	# end: auto-generated types

	pass
