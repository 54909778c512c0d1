"""Follow-ups carried forward across triwulan: what is not Tuntas at the next meeting is discussed there
("tindak lanjut triwulan lalu") and copied into the next Tindak Lanjut, linked to where it was first
made and keeping its first date; the original stays as it was closed. Tuntas needs a bukti and a date.
"""

import frappe
from frappe.utils import getdate

from sakip_evaluasi.domain.doctype import TL
from sakip_evaluasi.patches import isi_umur_tindak_lanjut
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, SEKRETARIS, SUBKOR, SakipTestCase, aksi, sebagai

KABID = {"TDA": "kabid.tda@test.sakip", "TDB": "kabid.tdb@test.sakip"}
BUKTI = "https://arsip.contoh.go.id/tindak-lanjut/ba-001.pdf"


class TestTindakLanjutDibawa(SakipTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.bidang = pabrik.siapkan_bidang(KABID, "Bidang Dibawa")

	# --- the meeting of one triwulan, as the Subkoordinator, Sekretaris and Kepala Dinas hold it ---

	def undangan(self, triwulan: str, tanggal: str, acara: str | None = None):
		with self.freeze_time(f"{tanggal} 08:00:00"):
			eki = pabrik.buat_evaluasi(triwulan)
			with sebagai(SUBKOR):
				nr = frappe.get_doc(
					{"doctype": "Notulen Rapat", "evaluasi": eki.name, "acara": acara}
				).insert()
				nr = frappe.get_doc("Notulen Rapat", nr.name)
				nr.update({"tanggal_rapat": tanggal, "jam_mulai": "09:00:00", "tempat": "Ruang Rapat"})
				nr.save()
			return aksi(nr, "Kirim Undangan", SEKRETARIS)

	def sahkan(self, nr, tanggal: str, rekomendasi: dict[str, list[str]]):
		with self.freeze_time(f"{tanggal} 13:00:00"):
			pabrik.tulis_notulen(
				nr.name, [(self.bidang[kode], t) for kode, teks in rekomendasi.items() for t in teks]
			)
			nr = aksi(nr, "Ajukan Notulen", SUBKOR)
			return aksi(nr, "Sahkan", KADIS)

	def tindak_lanjut(self, nr, kode: str):
		return frappe.get_doc(TL, {"evaluasi": nr.evaluasi, "bidang": self.bidang[kode]})

	def isi(self, tl, kode: str, tanggal: str, status: list[str], **tuntas):
		with self.freeze_time(f"{tanggal} 10:00:00"), sebagai(KABID[kode]):
			tl = frappe.get_doc(TL, tl.name)
			for row, s in zip(tl.baris, status, strict=True):
				row.tindak_lanjut = f"Dikerjakan: {row.rekomendasi}"
				row.status = s
				if s == "Tuntas":
					row.update(tuntas)
			tl.save()
			return tl

	def tutup(self, tl, kode: str, tanggal: str):
		with self.freeze_time(f"{tanggal} 11:00:00"):
			tl = aksi(tl, "Ajukan", KABID[kode])
			tl = aksi(tl, "Verifikasi", SEKRETARIS)
			return aksi(tl, "Terima", KADIS)

	# --- the tests ---------------------------------------------------------------------------------

	def test_open_follow_ups_travel_to_the_next_triwulan_until_tuntas(self):
		nr1 = self.undangan("I", "2096-04-08")
		nr1 = self.sahkan(
			nr1,
			"2096-04-08",
			{"TDA": ["Percepat lelang jembatan", "Perbaiki data dasar"], "TDB": ["Survei ulang"]},
		)
		a1, b1 = self.tindak_lanjut(nr1, "TDA"), self.tindak_lanjut(nr1, "TDB")
		self.assertEqual([r.tanggal_rekomendasi for r in a1.baris], [getdate("2096-04-08")] * 2)
		self.assertEqual({r.triwulan_asal for r in a1.baris}, {"TW I 2096"})
		a1 = self.isi(
			a1,
			"TDA",
			"2096-05-20",
			["Tuntas", "Dalam Proses"],
			tanggal_tuntas="2096-05-19",
			tautan_bukti=BUKTI,
		)
		self.assertEqual((a1.jumlah_belum_tuntas, a1.rekomendasi_tertua), (1, getdate("2096-04-08")))
		a1 = self.tutup(a1, "TDA", "2096-05-21")
		b1 = self.isi(b1, "TDB", "2096-05-20", ["Belum Ada"])
		b1 = self.tutup(b1, "TDB", "2096-05-21")
		tertutup = [(r.name, r.status, r.tindak_lanjut) for r in a1.baris]

		# TW II: the invitation's agenda and the minutes list what is still open
		nr2 = self.undangan("II", "2096-07-09", acara="Evaluasi capaian kinerja Triwulan II")
		self.assertEqual(
			[(r.bidang, r.rekomendasi, r.triwulan_asal, r.status) for r in nr2.tindak_lanjut_lalu],
			[
				(self.bidang["TDA"], "Perbaiki data dasar", "TW I 2096", "Dalam Proses"),
				(self.bidang["TDB"], "Survei ulang", "TW I 2096", "Belum Ada"),
			],
		)
		self.assertEqual(
			nr2.acara,
			"Evaluasi capaian kinerja Triwulan II\n"
			"Pembahasan tindak lanjut triwulan lalu (2 rekomendasi belum tuntas)",
		)
		# the meeting gives TDA a new recommendation and none to TDB: TDB still gets its follow-up
		nr2 = self.sahkan(nr2, "2096-07-09", {"TDA": ["Tambah tenaga pengawas"]})
		a2, b2 = self.tindak_lanjut(nr2, "TDA"), self.tindak_lanjut(nr2, "TDB")
		self.assertEqual(
			[
				(r.rekomendasi, r.status, r.tindak_lanjut_asal, r.triwulan_asal, r.tanggal_rekomendasi)
				for r in a2.baris
			],
			[
				("Perbaiki data dasar", "Dalam Proses", a1.name, "TW I 2096", getdate("2096-04-08")),
				("Tambah tenaga pengawas", "Belum Ada", None, "TW II 2096", getdate("2096-07-09")),
			],
		)
		self.assertEqual(a2.baris[0].tindak_lanjut, "Dikerjakan: Perbaiki data dasar")
		self.assertEqual(
			[(r.rekomendasi, r.tindak_lanjut_asal) for r in b2.baris], [("Survei ulang", b1.name)]
		)
		# the age keeps counting from the first date
		self.assertEqual((a2.jumlah_belum_tuntas, a2.rekomendasi_tertua), (2, getdate("2096-04-08")))
		# the printed minutes and matrix show them as follow-ups of an earlier triwulan
		notulen = frappe.get_print("Notulen Rapat", nr2.name, "Notulen Rapat Resmi")
		self.assertIn("D. Tindak Lanjut Triwulan Lalu", notulen)
		self.assertIn("Perbaiki data dasar", notulen.split("D. Tindak Lanjut Triwulan Lalu")[1])
		self.assertIn("Pembahasan tindak lanjut triwulan lalu (2 rekomendasi belum tuntas)", notulen)
		matriks = frappe.get_print(TL, a2.name, "Matriks Tindak Lanjut")
		self.assertIn("Perbaiki data dasar <i>(dari TW I 2096)</i>", matriks)
		self.assertNotIn("Tambah tenaga pengawas <i>(dari", matriks)
		# the originals stay as they were closed
		a1 = frappe.get_doc(TL, a1.name)
		self.assertEqual(a1.workflow_state, "Diterima")
		self.assertEqual([(r.name, r.status, r.tindak_lanjut) for r in a1.baris], tertutup)

		# TW II follow-up: the carried one is done now; TW III carries only what is still open
		a2 = self.isi(
			a2,
			"TDA",
			"2096-08-03",
			["Tuntas", "Dalam Proses"],
			tanggal_tuntas="2096-08-01",
			tautan_bukti=BUKTI,
		)
		self.tutup(a2, "TDA", "2096-08-04")
		nr3 = self.undangan("III", "2096-10-07")
		self.assertEqual(
			[(r.rekomendasi, r.triwulan_asal) for r in nr3.tindak_lanjut_lalu],
			[("Survei ulang", "TW I 2096"), ("Tambah tenaga pengawas", "TW II 2096")],
		)
		nr3 = self.sahkan(nr3, "2096-10-07", {})
		b3 = self.tindak_lanjut(nr3, "TDB")
		# carried twice, still linked to where it was first made, with its first date
		self.assertEqual(
			[(r.rekomendasi, r.tindak_lanjut_asal, r.tanggal_rekomendasi) for r in b3.baris],
			[("Survei ulang", b1.name, getdate("2096-04-08"))],
		)
		a3 = self.tindak_lanjut(nr3, "TDA")
		self.assertEqual(
			[(r.rekomendasi, r.tindak_lanjut_asal) for r in a3.baris], [("Tambah tenaga pengawas", a2.name)]
		)

	def test_tuntas_needs_a_bukti_and_a_date(self):
		nr = self.undangan("I", "2096-04-08")
		nr = self.sahkan(nr, "2096-04-08", {"TDA": ["Percepat lelang jembatan"]})
		tl = self.tindak_lanjut(nr, "TDA")
		for tuntas, pesan in (
			({}, "lampirkan bukti atau isi tautan bukti; isi tanggal tuntas"),
			({"tautan_bukti": BUKTI}, "isi tanggal tuntas"),
			({"tanggal_tuntas": "2096-05-01"}, "lampirkan bukti atau isi tautan bukti"),
			(
				{"tautan_bukti": BUKTI, "tanggal_tuntas": "2096-06-01"},
				"tanggal tuntas tidak boleh setelah hari ini",
			),
			(
				{"tautan_bukti": BUKTI, "tanggal_tuntas": "2096-04-01"},
				"tidak boleh sebelum tanggal rekomendasi",
			),
			(
				{"tautan_bukti": "arsip/ba.pdf", "tanggal_tuntas": "2096-05-01"},
				"tautan bukti harus alamat web lengkap (diawali http:// atau https://)",
			),
		):
			with self.subTest(tuntas=tuntas):
				with self.assertRaises(frappe.ValidationError) as ditolak:
					self.isi(tl, "TDA", "2096-05-20", ["Tuntas"], **tuntas)
				self.assertIn(pesan, str(ditolak.exception))
				# nothing was written
				self.assertEqual(
					frappe.db.get_value("Baris Tindak Lanjut", tl.baris[0].name, "status"), "Belum Ada"
				)
		tl = self.isi(tl, "TDA", "2096-05-20", ["Tuntas"], tautan_bukti=BUKTI, tanggal_tuntas="2096-05-19")
		self.assertEqual((tl.jumlah_belum_tuntas, tl.rekomendasi_tertua), (0, None))

	def test_the_patch_dates_follow_ups_made_before_carrying_forward(self):
		nr = self.undangan("I", "2096-04-08")
		nr = self.sahkan(nr, "2096-04-08", {"TDA": ["Percepat lelang jembatan", "Perbaiki data dasar"]})
		tl = self.tindak_lanjut(nr, "TDA")
		# as an older version left it: no dates, no period, no aging columns; one row Tuntas
		for row in tl.baris:
			frappe.db.set_value(
				"Baris Tindak Lanjut", row.name, {"tanggal_rekomendasi": None, "triwulan_asal": None}
			)
		frappe.db.set_value("Baris Tindak Lanjut", tl.baris[0].name, "status", "Tuntas")
		frappe.db.set_value(
			TL, tl.name, {"jumlah_belum_tuntas": 0, "rekomendasi_tertua": None}, update_modified=False
		)
		modified = frappe.db.get_value(TL, tl.name, "modified")
		isi_umur_tindak_lanjut.execute()
		isi_umur_tindak_lanjut.execute()  # a second run changes nothing
		tl = frappe.get_doc(TL, tl.name)
		self.assertEqual(
			[(r.tanggal_rekomendasi, r.triwulan_asal, r.status, r.tanggal_tuntas) for r in tl.baris],
			[
				(getdate("2096-04-08"), "TW I 2096", "Tuntas", getdate(modified)),
				(getdate("2096-04-08"), "TW I 2096", "Belum Ada", None),
			],
		)
		self.assertEqual(
			(tl.jumlah_belum_tuntas, tl.rekomendasi_tertua, tl.modified), (1, getdate("2096-04-08"), modified)
		)
