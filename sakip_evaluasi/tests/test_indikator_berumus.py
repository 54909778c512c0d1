"""Computed indicators (Jenis Indikator "Rumus"): the Kepala Bidang enters the components of the
triwulan, the realisasi is computed and the capaian, predikat and projection follow as for a typed
one; on the desk form, on the phone and in the Excel work paper. Every bad input is refused with the
indicator named and changes nothing."""

import frappe

from sakip_evaluasi.api import isian_ponsel
from sakip_evaluasi.aturan.kertas_kerja import buat_kertas_kerja, impor_kertas_kerja
from sakip_evaluasi.domain.doctype import DKB
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import SUBKOR, SakipTestCase, UjiIsian, aksi, sebagai
from sakip_evaluasi.tests.test_kertas_kerja_excel import sel, ubah

KABID = {"RMA": "kabid.rma@test.sakip"}
KABID_TW = {"RMT": "kabid.rmt@test.sakip"}
MANTAP = "Jalan kondisi mantap (km)"
PANJANG = "Panjang jalan kabupaten (km)"
RASIO = "Persentase jalan kondisi mantap"
INDEKS = "Indeks kualitas layanan"


def komponen_rasio() -> dict:
	return {
		"jenis_indikator": "Rumus",
		"jenis_rumus": "Rasio",
		"kali_seratus": 1,
		"komponen": [{"komponen": MANTAP, "peran": "Pembilang"}, {"komponen": PANJANG, "peran": "Penyebut"}],
	}


def isi_baris(row, nilai: dict) -> None:
	"""Type ``nilai`` (component name → value) after the names of the row's component lines."""
	if row.komponen:
		row.komponen = "\n".join(
			f"{nama}: {nilai.get(nama, isi)}".rstrip()
			for nama, isi in (b.rsplit(":", 1) for b in row.komponen.splitlines())
		)


class TestIndikatorBerumus(UjiIsian):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.bidang = pabrik.siapkan_bidang(KABID, "Bidang Rumus")["RMA"]
		cls.rasio = pabrik.buat_indikator(cls.bidang, RASIO, (20, 20, 20, 20), **komponen_rasio())
		cls.langsung = pabrik.buat_indikator(cls.bidang, "Panjang jalan baru", (1, 1, 1, 1))
		cls.indeks = pabrik.buat_indikator(
			cls.bidang,
			INDEKS,
			(70, 72, 75, 80),
			akumulasi="Nilai Akhir",
			jenis_indikator="Rumus",
			jenis_rumus="Jumlah Berbobot",
			komponen=[
				{"komponen": "Skor kecepatan", "bobot": 0.6},
				{"komponen": "Skor keramahan", "bobot": 0.4},
			],
		)
		kke = pabrik.siapkan_kertas_kerja("III", "Didistribusikan").name
		cls.dkb = frappe.db.get_value(DKB, {"kertas_kerja": kke, "bidang": cls.bidang})

	def isi(self, **nilai):
		"""Enter component values (component name → text) as the Kepala Bidang would, each in the line
		of its component, and save."""
		with sebagai(KABID["RMA"]):
			doc = frappe.get_doc(DKB, self.dkb)
			for row in doc.baris:
				isi_baris(row, nilai)
			doc.save()
		return frappe.get_doc(DKB, self.dkb)

	def baris(self, doc, indikator):
		return next(r for r in doc.baris if r.indikator == indikator)

	def test_the_distributed_document_asks_for_the_components_of_computed_indicators_only(self):
		doc = frappe.get_doc(DKB, self.dkb)
		komponen = {r.indikator: r.komponen for r in doc.baris}
		self.assertEqual(
			komponen,
			{
				self.rasio: f"{MANTAP}:\n{PANJANG}:",
				self.langsung: None,
				self.indeks: "Skor kecepatan:\nSkor keramahan:",
			},
		)

	def test_the_realisasi_is_computed_and_the_capaian_follows_with_the_formula_on_tap(self):
		doc = self.isi(**{MANTAP: "412,5", PANJANG: "550", "Skor kecepatan": "80", "Skor keramahan": "90"})
		rasio, indeks = self.baris(doc, self.rasio), self.baris(doc, self.indeks)
		self.assertEqual(rasio.realisasi, "75,00")
		# Kumulatif: 75 against a target s.d. TW III of 60 (no earlier quarters filled)
		self.assertEqual((rasio.realisasi_sd_tw, rasio.capaian, rasio.predikat), (75, 125, "Sangat Tinggi"))
		self.assertEqual((indeks.realisasi, indeks.realisasi_sd_tw), ("84,00", 84))
		self.assertEqual(indeks.capaian, 112)  # Nilai Akhir: 84 against the TW III target 75
		with sebagai(KABID["RMA"]):
			kartu = {k["indikator"]: k for k in isian_ponsel.muat(self.dkb)["baris"]}
		self.assertTrue(
			kartu[self.rasio]["uraian_capaian"].startswith(
				"Realisasi = 412,5 / 550 × 100 = 75,00%. Capaian = Realisasi s.d. TW III"
			),
			kartu[self.rasio]["uraian_capaian"],
		)
		self.assertEqual(
			kartu[self.rasio]["komponen"],
			[{"komponen": MANTAP, "nilai": "412,5"}, {"komponen": PANJANG, "nilai": "550"}],
		)
		self.assertEqual(kartu[self.langsung]["komponen"], [])

	def test_a_divisor_of_zero_is_refused_naming_the_indicator(self):
		self.isi(**{MANTAP: "412,5", PANJANG: "550"})
		with sebagai(KABID["RMA"]):
			doc = frappe.get_doc(DKB, self.dkb)
			isi_baris(self.baris(doc, self.rasio), {PANJANG: "0"})
			self.assertDitolak(
				doc.save,
				f"Indikator '{RASIO}': penyebut '{PANJANG}' bernilai 0",
				jenis=frappe.ValidationError,
				dokumen=[(DKB, self.dkb)],
			)

	def test_the_phone_computes_while_typing_and_reports_a_zero_divisor_on_its_card(self):
		baris = self.baris(frappe.get_doc(DKB, self.dkb), self.rasio).name
		with sebagai(KABID["RMA"]):
			hasil = isian_ponsel.hitung(self.dkb, "{}", {baris: f"{MANTAP}: 50\n{PANJANG}: 100"})
			self.assertEqual((hasil[baris]["realisasi"], hasil[baris]["capaian"]), ("50,00", 83.33))
			self.assertIn("komponen", isian_ponsel.muat(self.dkb)["kolom_terbuka"])
			hasil = isian_ponsel.hitung(self.dkb, "{}", {baris: f"{MANTAP}: 50\n{PANJANG}: 0"})
		self.assertIn(f"Indikator '{RASIO}': penyebut", hasil[baris]["galat"])
		self.assertFalse(hasil[baris]["terisi"])

	def test_a_component_left_on_an_indicator_made_plain_is_refused_naming_it(self):
		self.isi(**{MANTAP: "412,5", PANJANG: "550"})
		frappe.db.set_value("Indikator Kinerja", self.rasio, "jenis_indikator", "Langsung")
		with sebagai(KABID["RMA"]):
			doc = frappe.get_doc(DKB, self.dkb)
			self.assertDitolak(
				doc.save,
				f"Indikator '{RASIO}' tidak berumus: komponen",
				jenis=frappe.ValidationError,
				dokumen=[(DKB, self.dkb)],
			)
			# emptied, the stale component lines go and the realisasi is typed again
			doc = frappe.get_doc(DKB, self.dkb)
			isi_baris(self.baris(doc, self.rasio), {MANTAP: "", PANJANG: ""})
			self.baris(doc, self.rasio).realisasi = "70"
			doc.save()
		rasio = self.baris(frappe.get_doc(DKB, self.dkb), self.rasio)
		self.assertEqual((rasio.komponen, rasio.realisasi, rasio.capaian), (None, "70", 116.67))

	def test_a_formula_naming_no_component_is_refused_naming_the_indicator(self):
		doc = frappe.get_doc("Indikator Kinerja", self.indeks)
		doc.komponen = []
		self.assertDitolak(
			doc.save,
			f"Indikator '{INDEKS}': rumus tidak menyebut komponen",
			"Indikator tidak disimpan.",
			jenis=frappe.ValidationError,
			dokumen=[("Indikator Kinerja", self.indeks)],
		)

	def test_the_work_paper_round_trip_keeps_the_computed_row_locked(self):
		self.isi(**{MANTAP: "412,5", PANJANG: "550", "Skor kecepatan": "80", "Skor keramahan": "90"})
		with sebagai(KABID["RMA"]):
			_nama, isi = buat_kertas_kerja(DKB, self.dkb)
			lembar = frappe.db.get_value("Bidang", self.bidang, "kode")
			# untouched: nothing changes; Kendala of the computed row imports
			self.assertEqual(impor_kertas_kerja(DKB, self.dkb, isi, "kk.xlsx")["perubahan"], [])
			hasil = impor_kertas_kerja(DKB, self.dkb, ubah(isi, sel("G2", "Hujan", lembar)), "kk.xlsx")
			self.assertTrue(hasil["berhasil"], hasil)
			self.assertEqual(len(hasil["perubahan"]), 1, hasil)

			def timpa(wb):
				wb[lembar].protection.sheet = False
				wb[lembar]["F2"] = 90

			hasil = impor_kertas_kerja(DKB, self.dkb, ubah(isi, timpa), "kk.xlsx")
		self.assertFalse(hasil.get("berhasil"), hasil)
		self.assertIn(f"Realisasi indikator '{RASIO}' dihitung dari komponen", str(hasil))
		self.assertEqual(self.baris(frappe.get_doc(DKB, self.dkb), self.rasio).realisasi, "75,00")


class TestIndikatorBerumusAntarTriwulan(SakipTestCase):
	"""The computed realisasi rolls up over the quarters exactly as a typed one: accepted, recapped
	into the work paper, and read as the earlier quarter by the next."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		bidang = pabrik.siapkan_bidang(KABID_TW, "Bidang Rumus Triwulan")["RMT"]
		cls.rasio = pabrik.buat_indikator(
			bidang, RASIO, (80, 80, 80, 80), akumulasi="Rata-rata", **komponen_rasio()
		)
		cls.dkb = {}
		for tw, mantap in (("I", "440"), ("II", "495")):
			kke = pabrik.siapkan_kertas_kerja(tw, "Didistribusikan")
			nama = frappe.db.get_value(DKB, {"kertas_kerja": kke.name, "bidang": bidang})
			with sebagai(KABID_TW["RMT"]):
				doc = frappe.get_doc(DKB, nama)
				isi_baris(doc.baris[0], {MANTAP: mantap, PANJANG: "550"})
				doc.save()
			aksi(aksi(doc, "Ajukan", KABID_TW["RMT"]), "Terima", SUBKOR)
			aksi(kke, "Rekap", SUBKOR)
			cls.dkb[tw] = nama

	def test_the_second_quarter_averages_the_computed_realisasi_of_both(self):
		tw1 = frappe.get_doc(DKB, self.dkb["I"]).baris[0]
		tw2 = frappe.get_doc(DKB, self.dkb["II"]).baris[0]
		self.assertEqual((tw1.realisasi, tw2.realisasi), ("80,00", "90,00"))
		# Rata-rata: (80 + 90) / 2 = 85 against the target s.d. TW II of 80
		self.assertEqual((tw2.realisasi_sd_tw, tw2.capaian), (85, 106.25))
		kertas_kerja = frappe.get_all(
			"Baris Kertas Kerja", filters={"indikator": self.rasio}, pluck="realisasi", order_by="creation"
		)
		self.assertEqual(kertas_kerja, ["80,00", "90,00"])
