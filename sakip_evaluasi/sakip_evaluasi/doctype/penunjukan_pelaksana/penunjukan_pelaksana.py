# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document
from frappe.model.naming import make_autoname
from frappe.utils import today

from sakip_evaluasi.domain.penamaan import awalan_nomor
from sakip_evaluasi.pejabat.penunjukan import catat_riwayat, hapus_riwayat, periksa_penunjukan, selaraskan


class PenunjukanPelaksana(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amended_from: DF.Link | None
		bidang: DF.Link | None
		hak_diberikan: DF.SmallText | None
		jabatan: DF.Link
		jenis: DF.Literal["Plh", "Plt"]
		mulai: DF.Date
		nama_jabatan: DF.Data | None
		nama_pegawai: DF.Data | None
		nama_penandatangan: DF.Data | None
		nomor_surat: DF.Data
		opd: DF.Link | None
		pegawai: DF.Link
		penandatangan: DF.Literal["Kepala Dinas", "Kepala Daerah", "Sekretaris Daerah a.n. Kepala Daerah"]
		peran: DF.Data | None
		selesai: DF.Date
		status: DF.Literal["Terjadwal", "Berjalan", "Selesai", "Dibatalkan"]
		tanggal_surat: DF.Date
		user: DF.Link | None
	# end: auto-generated types

	def autoname(self) -> None:
		# PLH-DPUPR-2027-001: numbered per OPD in the year of the Surat Perintah (else of the TMT)
		opd = self.opd or frappe.db.get_value("Jabatan", self.jabatan, "opd")
		tanggal = self.tanggal_surat or self.mulai or today()
		self.name = make_autoname(f"{awalan_nomor(self.jenis or '', opd, tanggal)}.###", doc=self)

	def validate(self) -> None:
		periksa_penunjukan(self)

	def on_submit(self) -> None:
		catat_riwayat(self)
		selaraskan(self)  # starts at once when today is in its period

	def on_cancel(self) -> None:
		hapus_riwayat(self)
		selaraskan(self)  # ends at once
