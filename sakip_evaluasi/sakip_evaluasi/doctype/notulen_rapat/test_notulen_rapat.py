"""What each user may change in a Notulen Rapat: the Subkoordinator writes the minutes and their
tables; the Kepala Dinas alone gives the reason for a return; once the minutes are Disahkan their
rekomendasi (from which each bidang's Tindak Lanjut was made) stay as they were."""

import frappe

from sakip_evaluasi.domain.doctype import NOTULEN as NR
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import JALUR_SIMPAN, KADIS, SUBKOR, UjiIsian, aksi, sebagai

KABID = "kabid.nra@test.sakip"
ADMIN_SISTEM = "sysman.nr@test.sakip"


class TestNotulenRapat(UjiIsian):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.buat_pejabat()
		pabrik.buat_user(ADMIN_SISTEM, "System Manager")
		cls.bidang = pabrik.buat_bidang_berkepala({"NRA": KABID}, "Bidang Notulen")["NRA"]

	def siap_notulen(self, sampai: str):
		"""Minutes of a meeting held, taken to ``sampai`` (Undangan Dikirim, Notulen Diajukan, Disahkan)."""
		with sebagai(SUBKOR):
			nr = frappe.get_doc(
				{
					"doctype": NR,
					"evaluasi": pabrik.buat_evaluasi().name,
					"tanggal_rapat": "2096-10-12",
					"jam_mulai": "09:00:00",
					"tempat": "Aula",
				}
			).insert()
		nr = aksi(nr, "Kirim Undangan", SUBKOR)
		if sampai == "Undangan Dikirim":
			return nr
		with sebagai(SUBKOR):
			nr = frappe.get_doc(NR, nr.name)
			nr.pimpinan_rapat, nr.notulis = KADIS, SUBKOR
			for p in nr.peserta:
				p.kehadiran = "Hadir"
			nr.append("rekomendasi", {"bidang": self.bidang, "rekomendasi": "Percepat rehabilitasi irigasi"})
			nr.save()
		nr = aksi(nr, "Ajukan Notulen", SUBKOR)
		return nr if sampai == "Notulen Diajukan" else aksi(nr, "Sahkan", KADIS)

	def test_the_subkor_writes_the_minutes_and_their_tables(self):
		nr = self.siap_notulen("Undangan Dikirim")
		for jalur in JALUR_SIMPAN:
			with self.subTest(jalur=jalur):
				doc = frappe.get_doc(NR, nr.name)
				doc.append("pembahasan", {"bidang": self.bidang, "pembahasan": f"Capaian dibahas ({jalur})"})
				doc.append("rekomendasi", {"bidang": self.bidang, "rekomendasi": f"Rekomendasi ({jalur})"})
				if len(doc.rekomendasi) > 2:
					doc.rekomendasi.pop(0)
					for i, row in enumerate(doc.rekomendasi, 1):  # as the grid renumbers
						row.idx = i
				doc.kesimpulan = f"Kesimpulan ({jalur})"
				pabrik.simpan_lewat(jalur, SUBKOR, doc)
		doc = frappe.get_doc(NR, nr.name)
		self.assertEqual(len(doc.pembahasan), 4)
		self.assertEqual(
			[r.rekomendasi for r in doc.rekomendasi], ["Rekomendasi (rest)", "Rekomendasi (client.save)"]
		)
		# the evaluation it belongs to is set once
		lain = pabrik.buat_evaluasi("IV").name
		self.assertDitolakDiSemuaJalur(
			SUBKOR,
			NR,
			nr.name,
			lambda doc: doc.set("evaluasi", lain),
			"kolom Evaluasi Kinerja Internal diubah",
		)

	def test_only_the_kadis_gives_the_reason_for_a_return(self):
		nr = self.siap_notulen("Notulen Diajukan")
		self.assertAlasanDitolak(SUBKOR, NR, nr.name, "isinya hanya dapat diubah oleh peran Kepala Dinas")
		nr = pabrik.kembalikan(nr, KADIS, "Lengkapi arahan pimpinan")
		self.assertEqual(pabrik.riwayat(nr), [("Lengkapi arahan pimpinan", KADIS, "Notulen Diajukan")])
		# returned: the Subkor completes the minutes, but cannot answer by rewriting the reason
		with sebagai(SUBKOR):
			frappe.client.set_value(NR, nr.name, "arahan_pimpinan", "Setiap bidang menyusun rencana aksi")
		self.assertAlasanDitolak(
			SUBKOR,
			NR,
			nr.name,
			"kolom Alasan Dikembalikan diubah",
			"(peran Kepala Dinas)",
		)
		self.assertDitolakDiSemuaJalur(
			SUBKOR,
			NR,
			nr.name,
			lambda doc: doc.riwayat_pengembalian.clear(),
			"baris 1 (Lengkapi arahan pimpinan) tabel Riwayat Pengembalian dihapus",
		)

	def test_the_rekomendasi_of_approved_minutes_stay_as_they_were(self):
		nr = self.siap_notulen("Disahkan")
		tl = [
			("Tindak Lanjut Evaluasi", n)
			for n in frappe.get_all("Tindak Lanjut Evaluasi", {"notulen": nr.name}, pluck="name")
		]
		self.assertEqual(len(tl), 1)
		sebelum = [pabrik.potret(*d) for d in tl]
		terkunci = "Baris tabel Rekomendasi hanya dibuat, dihapus dan diurutkan oleh sistem."
		for ubah, potongan in (
			(
				lambda doc: doc.rekomendasi.pop(),
				("baris 1 (Percepat rehabilitasi irigasi) tabel Rekomendasi dihapus", terkunci),
			),
			(
				lambda doc: doc.append("rekomendasi", {"bidang": self.bidang, "rekomendasi": "Tambahan"}),
				("baris baru ditambahkan ke tabel Rekomendasi", terkunci),
			),
			(
				lambda doc: doc.rekomendasi[0].set("rekomendasi", "Lain"),
				("baris 1 (Percepat rehabilitasi irigasi) tabel Rekomendasi: kolom Rekomendasi diubah",),
			),
		):
			self.assertDitolakDiSemuaJalur(ADMIN_SISTEM, NR, nr.name, ubah, *potongan)
		self.assertEqual([pabrik.potret(*d) for d in tl], sebelum)
		# what the workflow leaves to a System Manager there is still theirs
		with sebagai(ADMIN_SISTEM):
			frappe.client.set_value(NR, nr.name, "kesimpulan", "Diperbaiki salah ketik")
		self.assertEqual(frappe.db.get_value(NR, nr.name, "kesimpulan"), "Diperbaiki salah ketik")
		# and the Kabids, who only read the minutes, change nothing
		self.assertDitolakDiSemuaJalur(KABID, NR, nr.name, lambda doc: doc.set("kesimpulan", "x"))
