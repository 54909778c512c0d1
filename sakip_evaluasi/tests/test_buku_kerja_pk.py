"""The Buku Kerja PK as the Subkoordinator meets it: download the OPD's workbook of the year, fill the
Renstra target, the OPD's and a bidang's PK with its Rencana Aksi and programs in Excel, upload it once
and find the draft PKs made; a bad cell, a changed formula, another OPD's or year's workbook, or a PK
already in force is refused naming the cell with nothing written; a user of another OPD can neither
download nor upload the workbook."""

import frappe

from sakip_evaluasi.aturan.buku_pk import buat_buku_kerja, impor_buku_kerja
from sakip_evaluasi.domain.doctype import PK, RENSTRA
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import (
	KADIS,
	LAIN,
	OPD_LAIN,
	OPD_UJI,
	SUBKOR,
	SakipTestCase,
	aksi,
	sebagai,
)
from sakip_evaluasi.tests.test_kertas_kerja_excel import ubah as isi_ulang

KABID = {"BKA": "kabid.bka@test.sakip"}
TAHUN = 2094  # not the other tests' years: only this class's PKs count


def tulis(ws, baris: int, nilai: tuple) -> None:
	for k, v in enumerate(nilai):
		ws.cell(baris, k + 1, v)


class TestBukuKerjaPK(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.bidang = pabrik.siapkan_bidang(KABID, "Bidang BK")["BKA"]
		cls.kode = frappe.db.get_value("Bidang", cls.bidang, "kode")
		cls.ik = (
			frappe.get_doc(
				{
					"doctype": "Indikator Kinerja",
					"indikator": "Persentase jalan mantap",
					"sasaran_strategis": "Jalan mantap",
					"bidang": cls.bidang,
					"satuan": "%",
				}
			)
			.insert(ignore_permissions=True)
			.name
		)
		cls.renstra = (
			frappe.get_doc(
				{
					"doctype": RENSTRA,
					"opd": OPD_UJI,
					"tahun_mulai": TAHUN - 1,
					"tahun_selesai": TAHUN + 3,
					"indikator": [
						{
							"kode": "R1",
							"sasaran": "Jalan mantap",
							"nama_indikator": "Jalan mantap",
							"satuan": "%",
							"target_akhir": 90,
						}
					],
				}
			)
			.insert(ignore_permissions=True)
			.name
		)
		pabrik.buat_opd_lain()

	def unduh(self, user: str = SUBKOR, opd: str = OPD_UJI, tahun: int = TAHUN) -> bytes:
		with sebagai(user):
			nama, isi = buat_buku_kerja(opd, tahun)
		self.assertEqual(nama, f"Buku Kerja PK {opd} {tahun}.xlsx")
		return isi

	def unggah(self, isi: bytes, user: str = SUBKOR, opd: str = OPD_UJI, tahun: int = TAHUN) -> dict:
		with sebagai(user):
			return impor_buku_kerja(opd, tahun, isi, "Buku Kerja PK.xlsx")

	def isi_lengkap(self, wb) -> None:
		"""What the Sekretariat types from its own files: the OPD's and the bidang's PK, one Rencana
		Aksi, two programs and the Renstra target of the year."""
		tulis(wb["Sasaran"], 2, ("OPD", "S1", "Meningkatnya kualitas jalan", None))
		tulis(wb["Sasaran"], 3, (self.kode, "S1", "Jalan mantap", "S1"))
		tulis(
			wb["Indikator"],
			2,
			("OPD", "S1", None, "Indeks jalan", None, "Ya", "indeks", "Positif", None, "Tetap", 80),
		)
		tulis(
			wb["Indikator"],
			3,
			(
				self.kode,
				"S1",
				self.ik,
				None,
				"Panjang jalan mantap / panjang jalan",
				None,
				None,
				None,
				None,
				None,
				100,
				10,
				20,
				30,
				40,
			),
		)
		tulis(wb["Rencana Aksi"], 2, (self.kode, self.ik, "I", "Survei kondisi jalan", "Seksi Jalan"))
		tulis(wb["Program"], 2, ("OPD", "Program", "1.03.02", "Program Jalan", 1_000_000_000))
		tulis(
			wb["Program"],
			3,
			(self.kode, "Sub Kegiatan", "1.03.02.2.01.0001", "Rehabilitasi Jalan", "250.000.000"),
		)
		wb["Renstra"]["G2"] = 75

	def pk(self, bidang: str | None = None):
		nama = frappe.db.get_value(
			PK, {"opd": OPD_UJI, "tahun": TAHUN, "bidang": bidang or ("is", "not set")}, "name"
		)
		return frappe.get_doc(PK, nama) if nama else None

	def test_round_trip_creates_the_draft_pks_and_the_renstra_target_in_one_upload(self):
		hasil = self.unggah(isi_ulang(self.unduh(), self.isi_lengkap))
		self.assertTrue(hasil["berhasil"], hasil["kesalahan"])
		opd, bidang = self.pk(), self.pk(self.bidang)
		self.assertEqual(
			(opd.workflow_state, opd.tingkat, opd.total_anggaran), ("Draft", "Kepala OPD", 1_000_000_000)
		)
		self.assertEqual(
			[(r.nama_indikator, r.iku, r.target_tahunan) for r in opd.indikator], [("Indeks jalan", 1, 80)]
		)
		self.assertEqual((bidang.workflow_state, bidang.pk_induk), ("Draft", opd.name))
		(r,) = bidang.indikator
		self.assertEqual(
			(r.indikator, r.nama_indikator, r.satuan, r.akumulasi, r.target_tw1, r.target_tw4),
			(self.ik, "Persentase jalan mantap", "%", "Kumulatif", 10, 40),
		)
		self.assertEqual(
			[(a.indikator, a.triwulan, a.aksi) for a in bidang.rencana_aksi],
			[(self.ik, "I", "Survei kondisi jalan")],
		)
		self.assertEqual(
			[(p.kode_sipd, p.anggaran) for p in bidang.program], [("1.03.02.2.01.0001", 250_000_000)]
		)
		target = frappe.get_all(
			"Target Renstra", filters={"parent": self.renstra, "tahun": TAHUN}, pluck="target"
		)
		self.assertEqual(target, [75])
		self.assertEqual(set(hasil["dokumen"]), {opd.name, bidang.name, self.renstra})
		# what the Subkoordinator reads: what was made, each document a link (its doctype)
		self.assertEqual(
			hasil["pesan"],
			f"Buku Kerja PK berhasil diimpor: 2 Perjanjian Kinerja dibuat sebagai Draft, target Renstra "
			f"tahun {TAHUN} diperbarui. Periksa dan lengkapi setiap PK, lalu ajukan.",
		)
		self.assertEqual(
			[(r["doctype"], r["dokumen"]) for r in hasil["perubahan"]],
			[(PK, opd.name), (PK, bidang.name), ("Renstra OPD", self.renstra)],
		)
		# downloaded again and uploaded unchanged: nothing to do
		ulang = self.unggah(self.unduh())
		self.assertTrue(ulang["berhasil"])
		self.assertIn("Tidak ada perubahan", ulang["pesan"])

	def tolak(self, isi: bytes, *potongan: str, **kw) -> dict:
		hasil = self.unggah(isi, **kw)
		self.assertFalse(hasil["berhasil"])
		self.assertIn("Tidak ada data yang diubah", hasil["pesan"])
		pesan = " | ".join(k["pesan"] for k in hasil["kesalahan"])
		for p in potongan:
			self.assertIn(p, pesan)
		return hasil

	def test_bad_input_is_refused_naming_the_cell_and_nothing_is_written(self):
		def rumus(wb):
			self.isi_lengkap(wb)
			wb["Indikator"]["P3"] = "=SUM(L3:N3)"

		def nilai(wb):
			self.isi_lengkap(wb)
			wb["Indikator"]["M3"] = "dua puluh"
			wb["Rencana Aksi"]["C2"] = "V"

		def rollup(wb):
			self.isi_lengkap(wb)
			wb["Indikator"]["O3"] = 35

		kasus = [
			(rumus, [("Indikator", "P", 3)], "Sel P3 (Jumlah TW I-IV): kolom ini dihitung otomatis"),
			(nilai, [("Indikator", "M", 3), ("Rencana Aksi", "C", 2)], "Sel M3 (Target TW II)"),
			(
				rollup,
				[("Indikator", "K", 3)],
				"jumlah target TW I–IV = 95, tidak sama dengan target tahunan 100",
			),
		]
		for ubah, sel, potongan in kasus:
			with self.subTest(potongan):
				hasil = self.tolak(isi_ulang(self.unduh(), ubah), potongan)
				self.assertEqual([(k["lembar"], k["kolom"], k["baris"]) for k in hasil["kesalahan"]], sel)
				self.assertIsNone(self.pk())
				self.assertFalse(
					frappe.get_all("Target Renstra", filters={"parent": self.renstra, "tahun": TAHUN})
				)

	def test_a_workbook_of_another_year_or_opd_is_refused_naming_the_cover(self):
		isi = isi_ulang(self.unduh(tahun=TAHUN + 1), self.isi_lengkap)
		hasil = self.tolak(
			isi,
			f"bukan OPD {OPD_UJI} tahun {TAHUN} yang dipilih untuk diunggah. Pilih OPD {OPD_UJI} "
			f"tahun {TAHUN + 1} sebelum mengunggah",
		)
		self.assertEqual(
			[(k["lembar"], k["kolom"], k["baris"]) for k in hasil["kesalahan"]], [("Petunjuk", "B", 5)]
		)
		self.assertIsNone(self.pk())

	def test_a_pk_in_force_is_never_overwritten(self):
		self.unggah(isi_ulang(self.unduh(), self.isi_lengkap))
		opd = self.pk()
		opd.db_set({"nama_pihak_kedua": "H. Bupati Contoh", "jabatan_pihak_kedua": "Bupati"})
		for action, user in (
			("Ajukan", SUBKOR),
			("Tandatangani sebagai Pihak Pertama", KADIS),
			("Catat Tanda Tangan Kepala Daerah", SUBKOR),
		):
			opd = aksi(opd, action, user)
		self.assertEqual(opd.workflow_state, "Berlaku")
		sebelum = opd.modified
		isi = isi_ulang(self.unduh(), lambda wb: wb["Indikator"].__setitem__("K2", 85))
		hasil = self.tolak(isi, f"Perjanjian Kinerja {opd.name} (OPD) berstatus Berlaku", "PK Perubahan")
		self.assertEqual(hasil["kesalahan"][0]["lembar"], "Sasaran")
		self.assertEqual((self.pk().modified, self.pk().indikator[0].target_tahunan), (sebelum, 80))

	def test_a_user_of_another_opd_can_neither_download_nor_upload(self):
		isi = isi_ulang(self.unduh(), self.isi_lengkap)
		with sebagai(LAIN["subkor"]):
			self.assertPesan(
				lambda: buat_buku_kerja(OPD_UJI, TAHUN),
				"tidak berhak mengunduh",
				jenis=frappe.PermissionError,
			)
			self.assertPesan(
				lambda: impor_buku_kerja(OPD_UJI, TAHUN, isi, "b.xlsx"),
				"Tidak ada data yang diubah",
				jenis=frappe.PermissionError,
			)
		with sebagai(SUBKOR):
			self.assertPesan(
				lambda: buat_buku_kerja(OPD_LAIN, TAHUN),
				"tidak berhak mengunduh",
				jenis=frappe.PermissionError,
			)
		# a Kepala Bidang reads the PKs but does not draft them
		with sebagai(KABID["BKA"]):
			self.assertPesan(
				lambda: impor_buku_kerja(OPD_UJI, TAHUN, isi, "b.xlsx"),
				"tidak berhak mengisi",
				jenis=frappe.PermissionError,
			)
		self.assertIsNone(self.pk())
