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

		from sakip_evaluasi.sakip_evaluasi.doctype.tingkat_predikat.tingkat_predikat import TingkatPredikat

		batas_atas_capaian: DF.Literal["Tanpa Batas", "100", "120", "150"]
		kalender_kerja_default: DF.Link | None
		kepala_dinas: DF.Link | None
		nama_instansi: DF.Data | None
		sekretaris: DF.Link | None
		skala_predikat: DF.Table[TingkatPredikat]
		sop_default: DF.Link | None
		subkoordinator: DF.Link | None
	# end: auto-generated types

	pass
