# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from sakip_evaluasi.domain.penamaan import kode_valid, rapikan_kode
from sakip_evaluasi.pejabat.izin import JABATAN_OPD, sinkronkan_izin_pejabat_opd
from sakip_evaluasi.pejabat.jabatan import hapus_jabatan, ikuti_pejabat_opd, pastikan_pengubah_pejabat
from sakip_evaluasi.pejabat.opd import periksa_acuan_opd
from sakip_evaluasi.pejabat.pemegang import periksa_pejabat_opd


class OPD(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		aktif: DF.Check
		alamat: DF.SmallText | None
		email: DF.Data | None
		kalender_kerja: DF.Link | None
		kepala_dinas: DF.Link | None
		kode: DF.Data
		laman: DF.Data | None
		logo: DF.AttachImage | None
		nama_kepala_dinas: DF.Data | None
		nama_opd: DF.Data
		nama_sekretaris: DF.Data | None
		nama_subkoordinator: DF.Data | None
		sekretaris: DF.Link | None
		singkatan: DF.Data | None
		sop: DF.Link | None
		subkoordinator: DF.Link | None
		telepon: DF.Data | None
	# end: auto-generated types

	def before_insert(self) -> None:
		self.kode = rapikan_kode(self.kode)
		if not kode_valid(self.kode):
			frappe.throw(
				_(
					"Kode OPD {0} tidak valid: pakai 1-20 huruf besar atau angka, tanda hubung hanya di "
					"tengah (mis. DPUPR). OPD belum disimpan."
				).format(frappe.bold(self.kode or _("(kosong)"))),
				title=_("Kode OPD tidak valid"),
			)
		if frappe.db.exists("OPD", self.kode):
			frappe.throw(
				_("OPD dengan kode {0} sudah ada. Pakai kode lain. OPD belum disimpan.").format(self.kode),
				frappe.DuplicateEntryError,
				title=_("Kode OPD sudah dipakai"),
			)

	def validate(self) -> None:
		self.nama_opd = (self.nama_opd or "").strip()
		pastikan_pengubah_pejabat(self, list(JABATAN_OPD), _("OPD belum disimpan."))
		periksa_pejabat_opd(self)
		periksa_acuan_opd(self)

	def on_update(self) -> None:
		sebelum = self.get_doc_before_save()
		sinkronkan_izin_pejabat_opd(
			self.name,
			lama={f: sebelum.get(f) for f in JABATAN_OPD} if sebelum else {},
			baru={f: self.get(f) for f in JABATAN_OPD},
		)
		ikuti_pejabat_opd(self)  # its positions (Jabatan) take the officials named here

	def on_trash(self) -> None:
		hapus_jabatan({"opd": self.name})
		sinkronkan_izin_pejabat_opd(self.name, lama={f: self.get(f) for f in JABATAN_OPD}, baru={})
