# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

from sakip_evaluasi.aturan import akip
from sakip_evaluasi.aturan.alur_kerja import TabelSistem
from sakip_evaluasi.controllers.alur_kerja import DokumenAlurKerja
from sakip_evaluasi.sla import tahap_akip


class EvaluasiAKIP(DokumenAlurKerja):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from sakip_evaluasi.sakip_evaluasi.doctype.bukti_kriteria_akip.bukti_kriteria_akip import (
			BuktiKriteriaAKIP,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.jawaban_kriteria_akip.jawaban_kriteria_akip import (
			JawabanKriteriaAKIP,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.nilai_komponen_akip.nilai_komponen_akip import (
			NilaiKomponenAKIP,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.nilai_subkomponen_akip.nilai_subkomponen_akip import (
			NilaiSubkomponenAKIP,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.rekomendasi_evaluasi_akip.rekomendasi_evaluasi_akip import (
			RekomendasiEvaluasiAKIP,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.riwayat_pengembalian.riwayat_pengembalian import (
			RiwayatPengembalian,
		)
		from sakip_evaluasi.sakip_evaluasi.doctype.tim_evaluasi_akip.tim_evaluasi_akip import TimEvaluasiAKIP

		alasan_dikembalikan: DF.SmallText | None
		batas_waktu_tahap: DF.Datetime | None
		berkas_exit_meeting: DF.Attach | None
		bukti: DF.Table[BuktiKriteriaAKIP]
		hasil_exit_meeting: DF.SmallText | None
		inspektur: DF.Link | None
		jawaban: DF.Table[JawabanKriteriaAKIP]
		jumlah_berbeda: DF.Int
		lke: DF.Link | None
		mulai_tahap: DF.Datetime | None
		nama_inspektur: DF.Data | None
		nama_opd: DF.Data | None
		nilai_akhir: DF.Float
		nilai_komponen: DF.Table[NilaiKomponenAKIP]
		nilai_opd: DF.Float
		nilai_subkomponen: DF.Table[NilaiSubkomponenAKIP]
		nomor_surat_tugas: DF.Data | None
		opd: DF.Link
		predikat: DF.Data | None
		predikat_opd: DF.Data | None
		rekomendasi: DF.Table[RekomendasiEvaluasiAKIP]
		riwayat_pengembalian: DF.Table[RiwayatPengembalian]
		tahun: DF.Int
		tahun_dinilai: DF.Int
		tanggal_exit_meeting: DF.Date | None
		tanggal_surat_tugas: DF.Date | None
		tempat_exit_meeting: DF.Data | None
		tim: DF.Table[TimEvaluasiAKIP]
		user_inspektur: DF.Link | None
		workflow_state: DF.Link | None
	# end: auto-generated types

	TABEL_SISTEM = {
		"jawaban": TabelSistem(),
		"nilai_komponen": TabelSistem(),
		"nilai_subkomponen": TabelSistem(),
	}

	def autoname(self) -> None:
		self.name = akip.nama_evaluasi(self.opd, self.tahun)

	def before_insert(self) -> None:
		akip.siapkan_evaluasi(self)
		tahap_akip.mulai_tahap(self, self.workflow_state or akip.PENILAIAN_MANDIRI)

	def validasi_isi(self) -> None:
		akip.periksa_evaluasi(self)

	def validasi_masuk_status(self, state: str) -> None:
		akip.periksa_masuk_status(self, state)
		tahap_akip.mulai_tahap(self, state)
