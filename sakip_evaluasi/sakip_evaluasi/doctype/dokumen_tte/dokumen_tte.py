# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from frappe.model.document import Document


class DokumenTTE(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.penandatangan_tte.penandatangan_tte import PenandatanganTTE

		alasan_diganti: DF.SmallText | None
		alasan_versi: DF.SmallText | None
		berkas_asli: DF.Attach | None
		berkas_tertanda: DF.Attach | None
		dokumen_doctype: DF.Link | None
		dokumen_name: DF.DynamicLink | None
		opd: DF.Link | None
		penandatangan: DF.Table[PenandatanganTTE]
		print_format: DF.Link | None
		segel: DF.Check
		sha256_tertanda: DF.Data | None
		sidik_isi: DF.Data | None
		status: DF.Literal["Menunggu Tanda Tangan", "Sebagian Ditandatangani", "Selesai", "Diganti"]
		token: DF.Data | None
		versi: DF.Int
		versi_sebelumnya: DF.Link | None
	# end: auto-generated types
