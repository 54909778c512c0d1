# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from frappe.model.document import Document

from sakip_evaluasi.aturan.lke import periksa_lke


class LKEAKIP(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.komponen_lke.komponen_lke import KomponenLKE
		from sakip_evaluasi.sakip_evaluasi.doctype.kriteria_lke.kriteria_lke import KriteriaLKE
		from sakip_evaluasi.sakip_evaluasi.doctype.subkomponen_lke.subkomponen_lke import SubkomponenLKE

		dasar: DF.SmallText | None
		judul: DF.Data
		komponen: DF.Table[KomponenLKE]
		kriteria: DF.Table[KriteriaLKE]
		subkomponen: DF.Table[SubkomponenLKE]
		tahun: DF.Int
		tahun_dinilai: DF.Int
		waktu_penetapan: DF.Int
		waktu_penilaian_mandiri: DF.Int
		waktu_perbaikan: DF.Int
		waktu_reviu: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		periksa_lke(self)
