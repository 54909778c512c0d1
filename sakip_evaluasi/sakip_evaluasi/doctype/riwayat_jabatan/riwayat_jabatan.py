# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from frappe.model.document import Document


class RiwayatJabatan(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		dari: DF.Date | None
		jenis: DF.Literal["Definitif", "Plt", "Plh"]
		nama_pegawai: DF.Data | None
		nip: DF.Data | None
		nomor_surat: DF.Data | None
		pangkat_golongan: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		pegawai: DF.Link | None
		penunjukan: DF.Link | None
		sampai: DF.Date | None
		tanggal_surat: DF.Date | None
		user: DF.Link | None
	# end: auto-generated types

	pass
