# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PenandatanganTTE(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		boleh_unggah: DF.Check
		keterangan: DF.SmallText | None
		kolom_user: DF.Data | None
		nama: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		peran: DF.Link | None
		properti: DF.SmallText | None
		sebutan: DF.Data | None
		sha256: DF.Data | None
		status: DF.Literal["Menunggu", "Ditandatangani", "Diunggah", "Tidak Diketahui"]
		status_dokumen: DF.Data | None
		urutan: DF.Int
		user: DF.Link | None
		waktu: DF.Datetime | None
	# end: auto-generated types
