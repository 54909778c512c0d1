"""The Perjanjian Kinerja and Rencana Aksi prints as a Sekretariat signs them: the statement of PermenPANRB
53/2014 between the named parties, the attachment's sasaran, indikator and target, the programs with
their SIPD codes and anggaran counted once, both signatures with the position, pangkat and NIP held on
the day (a Plh as "Plh."), the Kepala Daerah as recorded; the Rencana Aksi's quarterly targets and
actions; a PK Perubahan says what it changes; what users typed is escaped."""

import re

import frappe
from frappe.utils import add_days, today
from markupsafe import escape

from sakip_evaluasi.aturan.perjanjian_kinerja import buat_perubahan
from sakip_evaluasi.cetak.perjanjian_kinerja import CETAKAN_PK
from sakip_evaluasi.domain import peran
from sakip_evaluasi.domain.doctype import PK
from sakip_evaluasi.domain.kepegawaian import nip_tercetak
from sakip_evaluasi.pejabat.jabatan import nama_jabatan
from sakip_evaluasi.pejabat.penunjukan import selaraskan_penunjukan
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, OPD_UJI, SUBKOR, SakipTestCase, aksi, sebagai
from sakip_evaluasi.tests.test_cetak import INGGRIS, isi_cetakan
from sakip_evaluasi.tests.test_pejabat_jabatan import ADMIN, buat_pegawai, tunjuk
from sakip_evaluasi.tests.test_perjanjian_kinerja import baris_indikator, indikator, pk_opd

TAHUN = 2094  # only this class's PKs
KABID = {"CPA": "kabid.cpa@test.sakip"}
PLH = "plh.kadis.pk@test.sakip"
XSS = "<img src=x onerror=alert(1)>"
NIP_KADIS, NIP_KABID, NIP_PLH = "197001011995031001", "198001012005011002", "197505052000032005"


def cetak(jenis: str, name: str) -> str:
	doctype, print_format = CETAKAN_PK[jenis]
	return isi_cetakan(frappe.get_print(doctype, name, print_format))


def teks(html: str) -> str:
	"""The words of the print: no style, script or tag."""
	html = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", html, flags=re.S)
	return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


class TestCetakPerjanjianKinerja(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.buat_user(ADMIN, peran.ADMIN_PEMDA)
		pabrik.buat_user(PLH)
		cls.bidang = pabrik.siapkan_bidang(KABID, "Bidang Cetak PK")["CPA"]
		frappe.db.set_single_value("Pengaturan SAKIP", "nama_pemda", "Pemerintah Kota Uji")
		for user, nama, nip, pangkat in (
			(KADIS, "Ir. I Made Wirawan, M.T.", NIP_KADIS, "Pembina Utama Muda (IV/c)"),
			(KABID["CPA"], "Ni Kadek Ayu, S.T.", NIP_KABID, "Pembina (IV/a)"),
		):
			pegawai = frappe.get_doc("Pegawai", {"user": user})
			pegawai.update({"nama_lengkap": nama, "nip": nip, "pangkat_golongan": pangkat})
			pegawai.save(ignore_permissions=True)
		cls.jalan = indikator(cls.bidang, "Persentase jalan mantap")
		with sebagai(SUBKOR):
			data = pk_opd()
			data.update(tahun=TAHUN, tempat="Kota Uji", tanggal_pk=f"{TAHUN}-01-31", tanggal_dpa=None)
			opd = frappe.get_doc(data).insert()
		cls.opd = cls.sahkan(
			opd,
			("Ajukan", SUBKOR),
			("Tandatangani sebagai Pihak Pertama", KADIS),
			("Catat Tanda Tangan Kepala Daerah", SUBKOR),
		).name
		# a Plh Kepala Dinas stands in from today: the bidang's PK is signed by them as pihak kedua
		tunjuk(
			nama_jabatan(OPD_UJI, peran.KEPALA_DINAS),
			buat_pegawai(PLH, "Dr. Putu Ayu, M.Si.", NIP_PLH, "Pembina Tingkat I (IV/b)"),
			today(),
			add_days(today(), 3),
			nomor="800/9/KADIS",
			penandatangan="Kepala Daerah",
			nama_penandatangan="Wali Kota Uji",
		)
		selaraskan_penunjukan(commit=False)
		with sebagai(SUBKOR):
			bidang = frappe.get_doc(cls.pk_bidang()).insert()
		cls.kabid_pk = cls.sahkan(
			bidang,
			("Ajukan", SUBKOR),
			("Tandatangani sebagai Pihak Pertama", KABID["CPA"]),
			("Tandatangani sebagai Pihak Kedua", PLH),
		).name

		# what a user typed may reach the print unsanitized (a save sanitizes HTML, an import may not)
		frappe.db.set_value("Program PK", {"parent": cls.opd, "idx": 2}, "keterangan", f"DAU {XSS}")
		frappe.db.set_value(
			"Rencana Aksi", {"parent": cls.kabid_pk, "idx": 2}, "aksi", f"Lelang pemeliharaan {XSS}"
		)

	@staticmethod
	def sahkan(doc, *langkah):
		for action, user in langkah:
			doc = aksi(doc, action, user)
		return doc

	@classmethod
	def pk_bidang(cls) -> dict:
		return {
			"doctype": PK,
			"tingkat": "Kepala Bidang",
			"opd": OPD_UJI,
			"bidang": cls.bidang,
			"tahun": TAHUN,
			"tempat": "Kota Uji",
			"sasaran": [{"kode_sasaran": "S1", "sasaran": "Jalan kota mantap", "kode_sasaran_opd": "S1"}],
			"indikator": [
				baris_indikator(
					cls.jalan, "Persentase jalan mantap", (70, 72, 74, 76), akumulasi="Nilai Akhir"
				)
				| {"target_tahunan": 76}
			],
			"rencana_aksi": [
				{
					"indikator": cls.jalan,
					"triwulan": "I",
					"aksi": "Survei kondisi jalan",
					"penanggung_jawab": "Seksi Jalan",
				},
				{"indikator": cls.jalan, "triwulan": "I", "aksi": "Lelang pemeliharaan"},
				{"indikator": cls.jalan, "triwulan": "III", "aksi": "Pengaspalan ruas Jl. Gatot Subroto"},
			],
			"program": [
				{
					"jenis": "Kegiatan",
					"kode_sipd": "1.03.02.2.01",
					"nama": "Penyelenggaraan Jalan",
					"anggaran": 600_000_000,
				}
			],
		}

	def test_the_pk_of_the_opd_states_the_agreement_between_the_kepala_dinas_and_the_kepala_daerah(self):
		html = cetak("perjanjian_kinerja", self.opd)
		isi = teks(html)
		self.assertIn(f"Perjanjian Kinerja Tahun {TAHUN}", isi)
		self.assertIn("KEPALA DINAS UJI UJI", isi)
		self.assertIn("Pihak pertama berjanji akan mewujudkan target kinerja", isi)
		self.assertIn("Pihak kedua akan melakukan supervisi", isi)
		# the pihak pertama as they signed, with pangkat and NIP, on both pages; the Kepala Daerah
		# as recorded, without a NIP
		self.assertEqual(isi.count("Ir. I Made Wirawan, M.T."), 3)  # identity block and two signatures
		self.assertEqual(isi.count(f"NIP. {nip_tercetak(NIP_KADIS)}"), 2)
		self.assertEqual(isi.count("NIP"), 2)
		self.assertIn("Pembina Utama Muda (IV/c)", isi)
		self.assertIn("Jabatan : Bupati Contoh", isi)
		self.assertIn("H. Bupati Contoh", isi)
		self.assertEqual(isi.count(f"Kota Uji, 31 Januari {TAHUN}"), 2)
		# the attachment: sasaran, indikator, target with unit; programs and the total counted once
		self.assertIn("Meningkatnya kualitas infrastruktur", isi)
		self.assertIn("Indeks infrastruktur (IKU) 80 indeks", isi)
		self.assertIn("1.03.02 Program Jalan 1.000.000.000", isi)
		self.assertIn("1.03.02.2.01.0001 Rehabilitasi Jalan 250.000.000", isi)
		self.assertIn("Jumlah Anggaran 1.000.000.000", isi)
		self.assertIn(str(escape(f"DAU {XSS}")), html)
		self.assertNotIn(XSS, html)
		self.assertIsNone(re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", html), "no e-mail address")
		self.assertIsNone(INGGRIS.search(isi))

	def test_the_pk_of_a_bidang_is_signed_by_the_kepala_bidang_and_the_plh_kepala_dinas(self):
		isi = teks(cetak("perjanjian_kinerja", self.kabid_pk))
		self.assertIn("KEPALA BIDANG CETAK PK CPA DINAS UJI UJI", isi)
		self.assertIn("Nama : Ni Kadek Ayu, S.T. Jabatan : Kepala Bidang Cetak PK CPA", isi)
		self.assertIn("Nama : Dr. Putu Ayu, M.Si. Jabatan : Plh. Kepala Dinas Uji UJI", isi)
		# both signatures side by side, the pihak kedua (the Plh that day) on the left
		self.assertEqual(
			isi.count(
				"PIHAK KEDUA, PIHAK PERTAMA, Plh. Kepala Dinas Uji UJI, Kepala Bidang Cetak PK CPA, "
				"Dr. Putu Ayu, M.Si. Ni Kadek Ayu, S.T. Pembina Tingkat I (IV/b) Pembina (IV/a) "
				f"NIP. {nip_tercetak(NIP_PLH)} NIP. {nip_tercetak(NIP_KABID)}"
			),
			2,
		)
		self.assertNotIn("Ir. I Made Wirawan", isi)
		self.assertIn("Persentase jalan mantap 76 %", isi)
		self.assertIn("1.03.02.2.01 Penyelenggaraan Jalan 600.000.000", isi)

	def test_the_rencana_aksi_lists_each_quarters_target_and_actions(self):
		html = cetak("rencana_aksi", self.kabid_pk)
		isi = teks(html)
		self.assertIn(f"Rencana Aksi Tahun {TAHUN}", isi)
		self.assertIn("Jalan kota mantap Persentase jalan mantap", isi)
		self.assertIn("76 % Seksi Jalan 70 % Survei kondisi jalan", isi)
		self.assertIn(str(escape(f"Lelang pemeliharaan {XSS}")), html)
		self.assertIn("72 % - 74 % Pengaspalan ruas Jl. Gatot Subroto 76 % -", isi)
		self.assertIn(f"Ni Kadek Ayu, S.T. Pembina (IV/a) NIP. {nip_tercetak(NIP_KABID)}", isi)
		self.assertNotIn(XSS, html)
		self.assertIsNone(INGGRIS.search(isi))

	def test_a_pk_perubahan_prints_what_it_changes_and_who_signs_it_now(self):
		with sebagai(SUBKOR):
			nama = buat_perubahan(self.kabid_pk, "Perubahan strategi atau anggaran (APBD Perubahan)", "III")
		isi = teks(cetak("perjanjian_kinerja", nama))
		self.assertIn(f"Perjanjian Kinerja Perubahan Tahun {TAHUN}", isi)
		self.assertIn(
			f"Perubahan atas {self.kabid_pk}, berlaku mulai Triwulan III. "
			"Alasan: Perubahan strategi atau anggaran (APBD Perubahan).",
			isi,
		)
		# not signed yet: who holds the positions today, for the wet signature
		self.assertIn("Nama : Dr. Putu Ayu, M.Si. Jabatan : Plh. Kepala Dinas Uji UJI", isi)
		self.assertRegex(isi, r"Kota Uji, \.{10,} PIHAK KEDUA, PIHAK PERTAMA, Plh\. Kepala Dinas Uji UJI,")
		# the version it replaces still prints as signed
		self.assertIn("Perjanjian Kinerja Tahun", teks(cetak("perjanjian_kinerja", self.kabid_pk)))

	def test_the_definitive_kepala_dinas_may_sign_while_the_plh_stands_in(self):
		# the holders' rule (pejabat/pemegang.py): under a Plh the definitive official keeps the right to act
		with sebagai(SUBKOR):
			nama = buat_perubahan(self.kabid_pk, "Perubahan strategi atau anggaran (APBD Perubahan)", "III")
		doc = self.sahkan(
			frappe.get_doc(PK, nama),
			("Ajukan", SUBKOR),
			("Tandatangani sebagai Pihak Pertama", KABID["CPA"]),
		)
		self.assertEqual(doc.pihak_kedua, PLH)
		self.assertEqual(set(doc.pihak_kedua_berwenang.split()), {PLH, KADIS})
		doc = aksi(doc, "Tandatangani sebagai Pihak Kedua", KADIS)
		self.assertEqual((doc.workflow_state, doc.pihak_kedua), ("Berlaku", KADIS))
		isi = teks(cetak("perjanjian_kinerja", nama))
		self.assertIn(
			"PIHAK KEDUA, PIHAK PERTAMA, Kepala Dinas Uji UJI, Kepala Bidang Cetak PK CPA, "
			f"Ir. I Made Wirawan, M.T. Ni Kadek Ayu, S.T. Pembina Utama Muda (IV/c) Pembina (IV/a) NIP. {nip_tercetak(NIP_KADIS)}",
			isi,
		)

	def test_the_pk_prints_are_installed_and_the_pk_print_is_the_default(self):
		for _jenis, (doctype, print_format) in CETAKAN_PK.items():
			self.assertTrue(frappe.db.exists("Print Format", {"name": print_format, "doc_type": doctype}))
		self.assertEqual(frappe.get_meta(PK).default_print_format, "Perjanjian Kinerja Resmi")
