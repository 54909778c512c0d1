# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from sakip_evaluasi.aturan.perjanjian_kinerja import (
	beri_nama,
	hitung,
	mulai_berlaku,
	pastikan_satu_berlaku,
	pastikan_satu_seri,
	pastikan_tidak_diubah,
	periksa_isian,
	setelah_berlaku,
	tetapkan_pihak,
)
from sakip_evaluasi.domain import perjanjian_kinerja as pk


class PerjanjianKinerja(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.indikator_pk.indikator_pk import IndikatorPK
		from sakip_evaluasi.sakip_evaluasi.doctype.program_pk.program_pk import ProgramPK
		from sakip_evaluasi.sakip_evaluasi.doctype.rencana_aksi.rencana_aksi import RencanaAksi
		from sakip_evaluasi.sakip_evaluasi.doctype.sasaran_pk.sasaran_pk import SasaranPK

		alasan_perubahan: DF.Literal[
			"",
			"Pergantian pejabat",
			"Perubahan strategi atau anggaran (APBD Perubahan)",
			"Perubahan prioritas atau asumsi",
		]
		batas_waktu: DF.Datetime | None
		belum_lengkap: DF.Check
		berlaku_mulai: DF.Literal["I", "II", "III", "IV"]
		bidang: DF.Link | None
		indikator: DF.Table[IndikatorPK]
		jabatan_pihak_kedua: DF.Data | None
		nama_pihak_kedua: DF.Data | None
		nama_pihak_pertama: DF.Data | None
		opd: DF.Link
		pihak_kedua: DF.Link | None
		pihak_pertama: DF.Link | None
		pk_induk: DF.Link | None
		pk_sebelumnya: DF.Link | None
		program: DF.Table[ProgramPK]
		rencana_aksi: DF.Table[RencanaAksi]
		sasaran: DF.Table[SasaranPK]
		status_batas: DF.Data | None
		tahun: DF.Int
		tanggal_berlaku: DF.Datetime | None
		tanggal_dpa: DF.Date | None
		tanggal_pk: DF.Date | None
		tempat: DF.Data | None
		tingkat: DF.Literal["Kepala OPD", "Kepala Bidang"]
		total_anggaran: DF.Currency
		uraian_perubahan: DF.SmallText | None
		versi: DF.Int
		workflow_state: DF.Link | None
	# end: auto-generated types

	def autoname(self) -> None:
		beri_nama(self)

	def before_insert(self) -> None:
		self.versi = self.versi or 1
		self.workflow_state = self.workflow_state or pk.DRAFT

	def validate(self) -> None:
		pastikan_satu_seri(self)
		pastikan_tidak_diubah(self)
		if not self.flags.dari_sistem:
			periksa_isian(self)
		if self.has_value_changed("workflow_state"):
			self.masuk_status(self.workflow_state)
		hitung(self)

	def masuk_status(self, state: str) -> None:
		if state == pk.DIAJUKAN:
			if not self.indikator:
				frappe.throw(_("Perjanjian Kinerja {0} belum berisi indikator.").format(self.name))
			tetapkan_pihak(self)
		if state == pk.BERLAKU:
			pastikan_satu_berlaku(self)
			mulai_berlaku(self)

	def on_update(self) -> None:
		if self.has_value_changed("workflow_state") and self.workflow_state == pk.BERLAKU:
			setelah_berlaku(self)

	def onload(self) -> None:
		if self.tanggal_dpa:
			hitung(self)
