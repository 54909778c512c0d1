# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class PengaturanTTE(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.aturan_tte.aturan_tte import AturanTTE

		aturan: DF.Table[AturanTTE]
		aturan_bawaan_dipasang: DF.Check
		batas_waktu_detik: DF.Int
		id_subscriber_segel: DF.Data | None
		kata_sandi_layanan: DF.Password | None
		lokasi: DF.Data | None
		pengguna_layanan: DF.Data | None
		url_layanan: DF.Data | None
	# end: auto-generated types

	def validate(self) -> None:
		self.periksa_url()
		self.periksa_aturan()

	def periksa_url(self) -> None:
		self.url_layanan = (self.url_layanan or "").strip().rstrip("/") or None
		if self.url_layanan and not self.url_layanan.startswith(("http://", "https://")):
			frappe.throw(
				_(
					"Alamat Layanan TTE harus diawali http:// atau https://, mis. https://esign.pemda.go.id/api/v2. Tidak ada yang disimpan."
				)
			)
		if (self.batas_waktu_detik or 0) < 5:
			self.batas_waktu_detik = 30

	def periksa_aturan(self) -> None:
		for r in self.aturan:
			r.doctype_dokumen = frappe.db.get_value("Print Format", r.print_format, "doc_type")
			if r.kolom_user and not frappe.get_meta(r.doctype_dokumen).has_field(r.kolom_user):
				frappe.throw(
					_(
						"Baris {0}: {1} tidak punya kolom {2}. Perbaiki Kolom Penandatangan; tidak ada yang disimpan."
					).format(r.idx, r.doctype_dokumen, frappe.utils.escape_html(r.kolom_user))
				)
			if not r.kolom_user and not r.peran:
				frappe.throw(
					_(
						"Baris {0}: isi Jabatan (Peran) atau Kolom Penandatangan. Tidak ada yang disimpan."
					).format(r.idx)
				)
