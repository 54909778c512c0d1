# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from frappe.model.document import Document

from sakip_evaluasi.aturan import laporan_kinerja as lk
from sakip_evaluasi.sla.laporan_kinerja import jalankan_jam


class LaporanKinerja(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.anggaran_laporan_kinerja.anggaran_laporan_kinerja import (
			AnggaranLaporanKinerja,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.butir_reviu_laporan_kinerja.butir_reviu_laporan_kinerja import (
			ButirReviuLaporanKinerja,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.capaian_laporan_kinerja.capaian_laporan_kinerja import (
			CapaianLaporanKinerja,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.langkah_laporan_kinerja.langkah_laporan_kinerja import (
			LangkahLaporanKinerja,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.riwayat_pengembalian.riwayat_pengembalian import (
			RiwayatPengembalian,
		)

		alasan_dikembalikan: DF.SmallText | None
		anggaran: DF.Table[AnggaranLaporanKinerja]
		batas_pemda: DF.Date | None
		batas_waktu: DF.Datetime | None
		berkas_pdf: DF.Attach | None
		berkas_word: DF.Attach | None
		butir_reviu: DF.Table[ButirReviuLaporanKinerja]
		capaian: DF.Table[CapaianLaporanKinerja]
		capaian_lainnya: DF.Text | None
		disusun_pada: DF.Datetime | None
		ikhtisar_eksekutif: DF.Text | None
		indeks_efisiensi: DF.Float
		kesimpulan_efisiensi: DF.Data | None
		kesimpulan_reviu: DF.SmallText | None
		langkah: DF.Table[LangkahLaporanKinerja]
		nama_inspektur: DF.Data | None
		nip_inspektur: DF.Data | None
		opd: DF.Link
		pendahuluan: DF.Text | None
		penutup: DF.Text | None
		perjanjian_kinerja: DF.Link | None
		rata_rata_capaian: DF.Float
		renstra: DF.Link | None
		riwayat_pengembalian: DF.Table[RiwayatPengembalian]
		serapan_anggaran: DF.Percent
		sidik_tabel: DF.Data | None
		status_batas: DF.Data | None
		tahun: DF.Int
		tanggal_final: DF.Datetime | None
		tanggal_pernyataan: DF.Date | None
		total_anggaran: DF.Currency
		total_realisasi_anggaran: DF.Currency
		workflow_state: DF.Link | None
	# end: auto-generated types

	def autoname(self) -> None:
		self.name = lk.nama_lkjip(self.opd, self.tahun)

	def before_insert(self) -> None:
		self.workflow_state = self.workflow_state or "Draft"
		if not self.flags.dari_sistem:  # created from the list: drafted from the data at once
			lk.isi_tabel(self, lk.pastikan_siap(self.opd, int(self.tahun)))
		jalankan_jam(self)

	def validate(self) -> None:
		lk.pastikan_tabel_tidak_diubah(self)
		lk.pastikan_narasi_boleh(self)
		lk.periksa_reviu(self)
		if not self.is_new() and self.has_value_changed("workflow_state"):
			lk.masuk_tahap(self)
			jalankan_jam(self)
		lk.hitung(self)
