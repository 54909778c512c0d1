"""What each user may change in a Tindak Lanjut Evaluasi: the rekomendasi rows are the meeting's,
the Kepala Bidang fills the follow-up; a return (by the Sekretaris or the Kepala Dinas) keeps its
reason, who gave it and from which state."""

import frappe

from sakip_evaluasi.aturan.siklus import sistem
from sakip_evaluasi.domain.doctype import TL
from sakip_evaluasi.patches import isi_riwayat_pengembalian
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import JALUR_SIMPAN, KADIS, SEKRETARIS, UjiIsian, aksi, sebagai

KABID = "kabid.tla@test.sakip"


class TestTindakLanjutEvaluasi(UjiIsian):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.bidang = pabrik.siapkan_bidang({"TLA": KABID}, "Bidang Tindak Lanjut")["TLA"]

	def setUp(self):
		super().setUp()
		# as the minutes' approval makes it: one row per rekomendasi
		self.tl = (
			sistem(
				frappe.get_doc(
					{
						"doctype": TL,
						"evaluasi": pabrik.buat_evaluasi().name,
						"bidang": self.bidang,
						"baris": [
							{"rekomendasi": "Percepat rehabilitasi irigasi", "batas_waktu": "2096-11-30"},
							{"rekomendasi": "Survei ulang kepuasan", "batas_waktu": "2096-12-15"},
						],
					}
				)
			)
			.insert()
			.name
		)

	def isi_dan_ajukan(self):
		with sebagai(KABID):
			doc = frappe.get_doc(TL, self.tl)
			for row in doc.baris:
				row.tindak_lanjut = "Sudah dikoordinasikan"
			doc.save()
		return aksi(doc, "Ajukan", KABID)

	def kembalikan(self, user: str, alasan: str):
		return pabrik.kembalikan(frappe.get_doc(TL, self.tl), user, alasan)

	def test_the_kabid_fills_the_follow_up_through_every_route(self):
		for i, jalur in enumerate(JALUR_SIMPAN):
			with self.subTest(jalur=jalur):
				doc = frappe.get_doc(TL, self.tl)
				doc.baris[1].tindak_lanjut = f"Survei dijadwalkan ({jalur})"
				doc.baris[1].status = ("Dalam Proses", "Tuntas")[i % 2]
				doc.baris[1].bukti = "/files/survei.pdf"
				doc.baris[1].tanggal_tuntas = frappe.utils.today()
				pabrik.simpan_lewat(jalur, KABID, doc)
				row = frappe.get_doc(TL, self.tl).baris[1]
				self.assertEqual(
					(row.rekomendasi, row.tindak_lanjut, row.status),
					(
						"Survei ulang kepuasan",
						f"Survei dijadwalkan ({jalur})",
						("Dalam Proses", "Tuntas")[i % 2],
					),
				)

	def test_the_rekomendasi_rows_are_the_meetings(self):
		evaluasi = frappe.db.get_value(TL, self.tl, "evaluasi")
		notulen_lain = frappe.get_doc({"doctype": "Notulen Rapat", "evaluasi": evaluasi}).insert().name
		for ubah, potongan in (
			(
				lambda doc: doc.baris.pop(0),
				"baris 1 (Percepat rehabilitasi irigasi) tabel Tindak Lanjut per Rekomendasi dihapus",
			),
			(
				lambda doc: doc.append(
					"baris", {"rekomendasi": "Rekomendasi buatan sendiri", "status": "Tuntas"}
				),
				"baris baru ditambahkan ke tabel Tindak Lanjut per Rekomendasi",
			),
			(
				lambda doc: doc.baris[0].set("rekomendasi", "Tidak perlu"),
				"baris 1 (Percepat rehabilitasi irigasi) tabel Tindak Lanjut per Rekomendasi: kolom Rekomendasi diubah",
			),
			(lambda doc: doc.baris[1].set("batas_waktu", "2097-06-30"), "kolom Batas Waktu diubah"),
			(lambda doc: doc.baris.reverse(), "urutan baris tabel Tindak Lanjut per Rekomendasi diubah"),
			(lambda doc: doc.set("notulen", notulen_lain), "kolom Notulen Rapat diubah"),
		):
			self.assertDitolakDiSemuaJalur(
				KABID,
				TL,
				self.tl,
				ubah,
				potongan,
				"Yang dapat Anda ubah pada status ini: tabel Tindak Lanjut per Rekomendasi: Tindak Lanjut, Status, Bukti, Tanggal Tuntas, Tautan Bukti.",
			)
		# a REST client that sends only the row it fills would drop the other one
		data = pabrik.sebagai_json(frappe.get_doc(TL, self.tl))
		data["baris"] = [{**data["baris"][0], "tindak_lanjut": "Selesai"}]
		with sebagai(KABID):
			self.assertDitolak(
				lambda: pabrik.rest_put(TL, self.tl, data),
				"baris 2 (Survei ulang kepuasan) tabel Tindak Lanjut per Rekomendasi dihapus",
				dokumen=[(TL, self.tl)],
			)

	def test_each_return_keeps_its_reason_returner_and_state(self):
		self.isi_dan_ajukan()
		# in Diajukan the Sekretaris returns; the Kepala Dinas may not even write there
		self.assertAlasanDitolak(
			KADIS,
			TL,
			self.tl,
			"isinya hanya dapat diubah oleh peran Sekretaris",
		)
		self.kembalikan(SEKRETARIS, "Lampirkan bukti")
		self.assertAlasanDitolak(
			KABID,
			TL,
			self.tl,
			"kolom Alasan Dikembalikan diubah",
			"(peran Inspektorat, Kepala Dinas, Sekretaris)",
		)
		doc = aksi(self.isi_dan_ajukan(), "Verifikasi", SEKRETARIS)
		# in Diverifikasi it is the Kepala Dinas's turn
		self.assertAlasanDitolak(
			SEKRETARIS,
			TL,
			self.tl,
			"isinya hanya dapat diubah oleh peran Kepala Dinas",
		)
		doc = self.kembalikan(KADIS, "Tindak lanjut belum terukur")
		self.assertEqual(
			pabrik.riwayat(doc),
			[
				("Lampirkan bukti", SEKRETARIS, "Diajukan"),
				("Tindak lanjut belum terukur", KADIS, "Diverifikasi"),
			],
		)

	def test_the_patch_takes_the_state_of_a_return_from_its_version(self):
		# two states can return a Tindak Lanjut: the patch reads each return's Version
		self.isi_dan_ajukan()
		with pabrik.dengan_versi():
			self.kembalikan(SEKRETARIS, "Lampirkan bukti")
		aksi(self.isi_dan_ajukan(), "Verifikasi", SEKRETARIS)
		with pabrik.dengan_versi():
			self.kembalikan(KADIS, "Tindak lanjut belum terukur")
		seharusnya = pabrik.riwayat(frappe.get_doc(TL, self.tl))
		frappe.db.delete("Riwayat Pengembalian", {"parent": self.tl})
		frappe.db.delete(
			"Version", {"ref_doctype": TL, "docname": self.tl, "data": ("like", "%Diverifikasi%")}
		)
		isi_riwayat_pengembalian.execute()
		# without the second Version the state of that return is unknown: left empty, never guessed
		self.assertEqual(
			pabrik.riwayat(frappe.get_doc(TL, self.tl)), [seharusnya[0], (*seharusnya[1][:2], None)]
		)
