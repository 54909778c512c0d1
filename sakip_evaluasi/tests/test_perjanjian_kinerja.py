"""Perjanjian Kinerja as a user meets it: the Subkoordinator drafts the OPD's PK and a Kepala Bidang's,
both parties sign, the PK is in force and the Kertas Kerja takes its targets from it (the step-1
Disposisi links it); bad input is refused naming the row with nothing written; a PK Perubahan is a new
version from a triwulan not yet evaluated, and the quarters evaluated before keep their targets."""

import frappe

from sakip_evaluasi.aturan.perjanjian_kinerja import buat_perubahan
from sakip_evaluasi.domain.doctype import KKE, PK
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, OPD_UJI, SEKRETARIS, SUBKOR, SakipTestCase, aksi, sebagai

KABID = {"PKA": "kabid.pka@test.sakip", "PKB": "kabid.pkb@test.sakip"}
TAHUN = 2095  # not the other tests' year: only this class's PKs count


def indikator(bidang: str, nama: str) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "Indikator Kinerja",
				"indikator": nama,
				"sasaran_strategis": "Meningkatnya kualitas infrastruktur",
				"bidang": bidang,
				"satuan": "%",
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def baris_indikator(ik: str, nama: str, tw: tuple, kode: str = "S1", **kw) -> dict:
	return {
		"kode_sasaran": kode,
		"indikator": ik,
		"nama_indikator": nama,
		"satuan": "%",
		"akumulasi": kw.pop("akumulasi", "Kumulatif"),
		"target_tahunan": kw.pop("tahunan", sum(tw)),
		**{f"target_tw{i + 1}": t for i, t in enumerate(tw)},
		**kw,
	}


def pk_opd() -> dict:
	return {
		"doctype": PK,
		"tingkat": "Kepala OPD",
		"opd": OPD_UJI,
		"tahun": TAHUN,
		"nama_pihak_kedua": "H. Bupati Contoh",
		"jabatan_pihak_kedua": "Bupati Contoh",
		"tanggal_dpa": f"{TAHUN}-01-10",
		"sasaran": [{"kode_sasaran": "S1", "sasaran": "Meningkatnya kualitas infrastruktur"}],
		"indikator": [
			{
				"kode_sasaran": "S1",
				"nama_indikator": "Indeks infrastruktur",
				"satuan": "indeks",
				"target_tahunan": 80,
				"akumulasi": "Tetap",
				"iku": 1,
			}
		],
		"program": [
			{"jenis": "Program", "kode_sipd": "1.03.02", "nama": "Program Jalan", "anggaran": 1_000_000_000},
			{
				"jenis": "Sub Kegiatan",
				"kode_sipd": "1.03.02.2.01.0001",
				"nama": "Rehabilitasi Jalan",
				"anggaran": 250_000_000,
			},
		],
	}


def sahkan(doc, *langkah):
	for action, user in langkah:
		doc = aksi(doc, action, user)
	return doc


class TestPerjanjianKinerja(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.bidang = pabrik.siapkan_bidang(KABID, "Bidang PK")
		cls.jalan = indikator(cls.bidang["PKA"], "Persentase jalan mantap")
		cls.aduan = indikator(cls.bidang["PKA"], "Jumlah aduan jalan")
		with sebagai(SUBKOR):
			opd = frappe.get_doc(pk_opd()).insert()
		cls.opd = sahkan(
			opd,
			("Ajukan", SUBKOR),
			("Tandatangani sebagai Pihak Pertama", KADIS),
			("Catat Tanda Tangan Kepala Daerah", SUBKOR),
		).name
		with sebagai(SUBKOR):
			bid = frappe.get_doc(cls.pk_bidang()).insert()
		cls.kabid_pk = sahkan(
			bid,
			("Ajukan", SUBKOR),
			("Tandatangani sebagai Pihak Pertama", KABID["PKA"]),
			("Tandatangani sebagai Pihak Kedua", KADIS),
		).name

	@classmethod
	def pk_bidang(cls, **ubah) -> dict:
		return {
			"doctype": PK,
			"tingkat": "Kepala Bidang",
			"opd": OPD_UJI,
			"bidang": cls.bidang["PKA"],
			"tahun": TAHUN,
			"sasaran": [{"kode_sasaran": "S1", "sasaran": "Jalan mantap", "kode_sasaran_opd": "S1"}],
			"indikator": [
				baris_indikator(cls.jalan, "Persentase jalan mantap", (10, 20, 30, 40)),
				baris_indikator(cls.aduan, "Jumlah aduan jalan", (8, 8, 8, 8), akumulasi="Tetap", tahunan=8),
			],
			"rencana_aksi": [{"indikator": cls.jalan, "triwulan": "I", "aksi": "Survei kondisi jalan"}],
			**ubah,
		}

	def evaluasi(self, triwulan: str) -> str:
		with sebagai(KADIS):
			return (
				frappe.get_doc(
					{
						"doctype": "Evaluasi Kinerja Internal",
						"opd": OPD_UJI,
						"tahun": TAHUN,
						"triwulan": triwulan,
					}
				)
				.insert()
				.name
			)

	def kertas_kerja(self, triwulan: str):
		with sebagai(SUBKOR):
			return frappe.get_doc({"doctype": KKE, "evaluasi": self.evaluasi(triwulan)}).insert()

	def test_signed_by_both_parties_then_in_force(self):
		doc = frappe.get_doc(PK, self.kabid_pk)
		self.assertEqual(doc.name, f"PK-{self.bidang['PKA']}-{TAHUN}-V1")
		self.assertEqual(
			(doc.workflow_state, doc.pihak_pertama, doc.pihak_kedua), ("Berlaku", KABID["PKA"], KADIS)
		)
		self.assertEqual(doc.pk_induk, self.opd)
		opd = frappe.get_doc(PK, self.opd)
		self.assertEqual(
			(opd.workflow_state, opd.pihak_pertama, opd.total_anggaran), ("Berlaku", KADIS, 1_250_000_000)
		)
		self.assertEqual(str(opd.batas_waktu), f"{TAHUN}-02-10 23:59:59")

	def test_the_kertas_kerja_and_the_disposisi_take_the_pk_in_force(self):
		kke = self.kertas_kerja("II")
		rows = {(r.nama_indikator, r.target_tw, r.target_sd_tw, r.perjanjian_kinerja) for r in kke.baris}
		self.assertEqual(
			rows,
			{("Persentase jalan mantap", 20, 30, self.kabid_pk), ("Jumlah aduan jalan", 8, 8, self.kabid_pk)},
		)
		disposisi = pabrik.kirim_disposisi(kke.evaluasi, KADIS, SEKRETARIS)
		self.assertEqual(disposisi.perjanjian_kinerja, self.opd)

	def test_bad_input_is_refused_naming_the_row_and_nothing_is_written(self):
		frappe.db.delete(PK, {"name": self.kabid_pk})  # a fresh series for the bidang (rolled back)
		ganda = self.pk_bidang()
		ganda["indikator"].append(baris_indikator(self.jalan, "Persentase jalan mantap", (10, 20, 30, 40)))
		kasus = [
			(ganda, "Indikator baris 3: indikator", "sudah tercantum di Indikator baris 1"),
			(
				self.pk_bidang(
					indikator=[
						baris_indikator(self.jalan, "Persentase jalan mantap", (10, 20, 30, 35), tahunan=100)
					]
				),
				"Indikator baris 1: akumulasi Kumulatif, jumlah target TW I–IV = 95, tidak sama dengan target tahunan 100",
			),
			(
				self.pk_bidang(
					sasaran=[{"kode_sasaran": "S1", "sasaran": "Jalan", "kode_sasaran_opd": "S7"}]
				),
				"Indikator baris 1 (sasaran S1): tidak mengacu ke sasaran PK OPD",
			),
			(
				self.pk_bidang(program=[{"jenis": "Kegiatan", "kode_sipd": "1.03.02", "nama": "Keg"}]),
				"Program baris 1: kode SIPD '1.03.02' bukan kode Kegiatan",
			),
		]
		for data, *potongan in kasus:
			with self.subTest(potongan[0]), sebagai(SUBKOR):
				pesan = self.assertPesan(lambda d=data: frappe.get_doc(d).insert(), *potongan)
				self.assertIn("tidak ada data yang diubah", pesan)
				self.assertFalse(frappe.db.exists(PK, {"bidang": self.bidang["PKA"], "tahun": TAHUN}))

	def test_a_second_pk_for_the_same_year_is_a_pk_perubahan(self):
		with sebagai(SUBKOR):
			self.assertPesan(
				lambda: frappe.get_doc(self.pk_bidang()).insert(),
				self.kabid_pk,
				"PK Perubahan",
				jenis=frappe.DuplicateEntryError,
			)

	def test_a_pk_in_force_is_changed_only_by_a_pk_perubahan(self):
		with sebagai(SUBKOR):
			doc = frappe.get_doc(PK, self.kabid_pk)
			doc.indikator[0].target_tw4 = 99
			self.assertPesan(doc.save, "berstatus Berlaku", "PK Perubahan", jenis=frappe.PermissionError)
		self.assertEqual(
			frappe.db.get_value("Indikator PK", {"parent": self.kabid_pk, "idx": 1}, "target_tw4"), 40
		)

	def test_pk_perubahan_keeps_the_quarters_evaluated_before(self):
		kke_tw2 = self.kertas_kerja("II")
		with sebagai(SUBKOR):
			self.assertPesan(
				lambda: buat_perubahan(
					self.kabid_pk, "Perubahan strategi atau anggaran (APBD Perubahan)", "II"
				),
				"Triwulan II tahun 2095 sudah dievaluasi",
				"paling awal triwulan III",
			)
			baru = frappe.get_doc(
				PK, buat_perubahan(self.kabid_pk, "Perubahan strategi atau anggaran (APBD Perubahan)", "III")
			)
			self.assertEqual(
				(baru.name, baru.versi, baru.workflow_state),
				(f"PK-{self.bidang['PKA']}-{TAHUN}-V2", 2, "Draft"),
			)
			baru.indikator[0].target_tw1 = 5
			self.assertPesan(
				baru.save, "Indikator baris 1: target TW I sudah dipakai sebelum PK Perubahan berlaku"
			)
			baru.reload()
			baru.indikator[0].target_tw3, baru.indikator[0].target_tw4, baru.indikator[0].target_tahunan = (
				20,
				30,
				80,
			)
			baru.save()
		sahkan(
			baru,
			("Ajukan", SUBKOR),
			("Tandatangani sebagai Pihak Pertama", KABID["PKA"]),
			("Tandatangani sebagai Pihak Kedua", KADIS),
		)
		self.assertEqual(frappe.db.get_value(PK, self.kabid_pk, "workflow_state"), "Diganti")
		kke_tw3 = self.kertas_kerja("III")
		jalan = next(r for r in kke_tw3.baris if r.indikator == self.jalan)
		self.assertEqual((jalan.target_tw, jalan.target_sd_tw, jalan.perjanjian_kinerja), (20, 50, baru.name))
		lama = next(r for r in frappe.get_doc(KKE, kke_tw2.name).baris if r.indikator == self.jalan)
		self.assertEqual(
			(lama.target_tw, lama.target_sd_tw, lama.perjanjian_kinerja), (20, 30, self.kabid_pk)
		)
		# a Kertas Kerja of TW II built now still takes version 1
		frappe.delete_doc(KKE, kke_tw2.name, force=True, ignore_permissions=True)
		with sebagai(SUBKOR):
			ulang = frappe.get_doc({"doctype": KKE, "evaluasi": kke_tw2.evaluasi}).insert()
		self.assertEqual({r.perjanjian_kinerja for r in ulang.baris}, {self.kabid_pk})
