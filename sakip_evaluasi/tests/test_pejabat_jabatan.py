"""Officials as positions (Jabatan) held by people with NIP (Pegawai), and acting officials (Plt/Plh):
each test acts as the real roles, at frozen moments, inside the test's transaction."""

import frappe
from frappe.utils import formatdate, getdate

from sakip_evaluasi.domain import peran
from sakip_evaluasi.patches import isi_jabatan
from sakip_evaluasi.pejabat.jabatan import nama_jabatan, pemegang_pada
from sakip_evaluasi.pejabat.pemegang import kepala_bidang, pemegang_peran
from sakip_evaluasi.pejabat.penunjukan import selaraskan_penunjukan
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, OPD_UJI, SEKRETARIS, SUBKOR, TAHUN_UJI, sebagai
from sakip_evaluasi.tests.rest import aksi_rest, rest, sumber
from sakip_evaluasi.tests.uji_siklus import KABID, SLATestCase

ADMIN = "admin.pemda@test.sakip"
PLH = "plh.sekretaris@test.sakip"
SEK_BARU = "sekretaris.baru@test.sakip"
KABID_PLH = "plh.kabid@test.sakip"
JAB_SEK = nama_jabatan(OPD_UJI, peran.SEKRETARIS)
# A week of TAHUN_UJI (2096): Monday 2 July … Friday 6 July (triwulan III).
SENIN, SELASA, RABU, KAMIS, JUMAT = (f"{TAHUN_UJI}-07-0{d}" for d in (2, 3, 4, 5, 6))
assert getdate(SENIN).weekday() == 0


def buat_pegawai(user: str | None, nama: str, nip: str, pangkat: str = "Penata (III/c)") -> str:
	doc = frappe.get_doc(
		{
			"doctype": "Pegawai",
			"nama_lengkap": nama,
			"nip": nip,
			"pangkat_golongan": pangkat,
			"user": user,
			"opd": OPD_UJI,
		}
	)
	return doc.insert(ignore_permissions=True).name


def tunjuk(
	jabatan: str,
	pegawai: str,
	mulai: str,
	selesai: str,
	jenis: str = "Plh",
	nomor: str = "800/12/SEK",
	penandatangan: str = "Kepala Dinas",
	nama_penandatangan: str | None = None,
):
	"""An appointment written and submitted by the Admin SAKIP Pemda (a Surat Perintah of the Kepala
	Dinas; for the Kepala Dinas's own position, of the Kepala Daerah, named)."""
	with sebagai(ADMIN):
		doc = frappe.get_doc(
			{
				"doctype": "Penunjukan Pelaksana",
				"jenis": jenis,
				"jabatan": jabatan,
				"pegawai": pegawai,
				"nomor_surat": nomor,
				"tanggal_surat": mulai,
				"penandatangan": penandatangan,
				"nama_penandatangan": nama_penandatangan,
				"mulai": mulai,
				"selesai": selesai,
			}
		).insert()
		# submitted as the form does: the saved document, loaded again
		frappe.get_doc("Penunjukan Pelaksana", doc.name).submit()
	return frappe.get_doc("Penunjukan Pelaksana", doc.name)


def izin_opd(user: str) -> bool:
	return bool(frappe.db.exists("User Permission", {"user": user, "allow": "OPD", "for_value": OPD_UJI}))


class TestJabatan(SLATestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.buat_user(ADMIN, peran.ADMIN_PEMDA)
		pabrik.buat_user(PLH)
		pabrik.buat_user(SEK_BARU)
		pabrik.buat_user(KABID_PLH)
		cls.pegawai_plh = buat_pegawai(PLH, "Budi Santoso, S.E.", "19850312 201001 1 002")
		cls.pegawai_baru = buat_pegawai(
			SEK_BARU, "Dr. Siti Aminah, M.Si.", "197811232003122001", "Pembina (IV/a)"
		)
		cls.pegawai_kabid_plh = buat_pegawai(KABID_PLH, "Rina Wati, S.T.", "199001012015032003")

	# --- positions and people ---------------------------------------------------------------------

	def test_every_opd_and_bidang_has_its_positions_filled_from_todays_users(self):
		for p, user in ((peran.KEPALA_DINAS, KADIS), (peran.SEKRETARIS, SEKRETARIS), (peran.SUBKOOR, SUBKOR)):
			jab = frappe.get_doc("Jabatan", nama_jabatan(OPD_UJI, p))
			self.assertEqual(frappe.db.get_value("Pegawai", jab.pemegang, "user"), user)
			self.assertEqual([(r.jenis, r.sampai) for r in jab.riwayat], [("Definitif", None)])
		jab = frappe.get_doc("Jabatan", nama_jabatan(OPD_UJI, peran.KEPALA_BIDANG, self.bidang["SLA"]))
		self.assertEqual(jab.name, "JAB-UJI-KABID-SLA")
		self.assertEqual(frappe.db.get_value("Pegawai", jab.pemegang, "user"), KABID["SLA"])
		# the people made from existing users carry no NIP yet, and say so
		pegawai = frappe.db.get_value(
			"Pegawai", {"user": SEKRETARIS}, ["nip", "keterangan_nip", "dari_migrasi"]
		)
		self.assertEqual(pegawai, (None, "NIP belum diisi", 1))
		self.assertEqual(pemegang_pada(JAB_SEK).nip_tampil, "NIP belum diisi")

	def test_the_patch_gives_an_existing_opd_its_positions_and_people(self):
		jabatan = frappe.get_all("Jabatan", filters={"opd": OPD_UJI}, pluck="name")
		frappe.db.delete("Riwayat Jabatan", {"parent": ("in", jabatan)})
		frappe.db.delete("Jabatan", {"opd": OPD_UJI})
		frappe.db.delete("Pegawai", {"user": ("in", (KADIS, SEKRETARIS, SUBKOR))})
		isi_jabatan.execute()
		self.assertEqual(
			sorted(frappe.get_all("Jabatan", filters={"opd": OPD_UJI}, pluck="name")), sorted(jabatan)
		)
		kadis = pemegang_pada(opd=OPD_UJI, peran=peran.KEPALA_DINAS)
		self.assertEqual(
			(kadis.user, kadis.sebagai, kadis.nip_tampil), (KADIS, "Definitif", "NIP belum diisi")
		)
		self.assertEqual(frappe.db.get_value("Pegawai", {"user": KADIS}, "dari_migrasi"), 1)
		isi_jabatan.execute()  # again: nothing more
		self.assertEqual(frappe.db.count("Jabatan", {"opd": OPD_UJI}), len(jabatan))

	def test_a_malformed_nip_is_refused_through_the_document_api_and_rest(self):
		jumlah = frappe.db.count("Pegawai")
		for nip, pesan in (
			("1985031220100110", "NIP terdiri atas 18 angka, bukan 16"),
			("19851312201001 1 002", "8 angka pertama NIP (19851312) harus tanggal lahir"),
			("198503122010013002", "jenis kelamin, 1 (pria) atau 2 (wanita), bukan 3"),
			("19850312209901 1 002", "TMT CPNS"),
			("", "NIP wajib diisi"),
		):
			with self.subTest(nip=nip):
				with sebagai(ADMIN):
					self.assertPesan(
						lambda nip=nip: frappe.get_doc(
							{"doctype": "Pegawai", "nama_lengkap": "Uji NIP", "nip": nip}
						).insert(),
						pesan,
						"Data pegawai belum disimpan",
					)
				jawaban = rest(ADMIN, "POST", sumber("Pegawai"), {"nama_lengkap": "Uji NIP", "nip": nip})
				self.assertEqual(jawaban.status, 417, jawaban)
				self.assertIn(pesan, jawaban.pesan)
		self.assertEqual(frappe.db.count("Pegawai"), jumlah, "a refused NIP creates nobody")
		# a well-formed one, typed with spaces, is stored as 18 digits
		jawaban = rest(
			ADMIN, "POST", sumber("Pegawai"), {"nama_lengkap": "Uji NIP", "nip": "19700101 199503 2 001"}
		)
		self.assertEqual(jawaban.status, 200, jawaban)
		self.assertEqual(jawaban.hasil["nip"], "197001011995032001")
		# one NIP, one person
		jawaban = rest(
			ADMIN, "POST", sumber("Pegawai"), {"nama_lengkap": "Kembar", "nip": "197001011995032001"}
		)
		self.assertEqual(jawaban.status, 409, jawaban)
		self.assertIn("sudah tercatat untuk Uji NIP", jawaban.pesan)

	# --- a change of holder ------------------------------------------------------------------------

	def test_holder_change_mid_cycle_moves_the_running_clocks_and_the_rights(self):
		eki = self.evaluasi(f"{SENIN} 09:00")
		self.disposisi(eki, KADIS, SEKRETARIS, f"{SENIN} 10:00")
		jam2 = self.jam(eki, 2)
		self.assertEqual((jam2.pelaksana, jam2.atasan), (SEKRETARIS, KADIS))
		with self.freeze_time(f"{SELASA} 08:00"), sebagai(ADMIN):
			jab = frappe.get_doc("Jabatan", JAB_SEK)
			jab.pemegang = self.pegawai_baru
			jab.nomor_sk = "821/45/BKPSDM"
			jab.save()
		# the OPD's field follows, with the role and the User Permission
		self.assertEqual(frappe.db.get_value("OPD", OPD_UJI, "sekretaris"), SEK_BARU)
		self.assertIn(peran.SEKRETARIS, frappe.get_roles(SEK_BARU))
		self.assertTrue(izin_opd(SEK_BARU))
		self.assertNotIn(peran.SEKRETARIS, frappe.get_roles(SEKRETARIS))
		self.assertFalse(izin_opd(SEKRETARIS))
		# the running step and the evaluation's official move; the new holder is told
		self.assertEqual(self.jam(eki, 2).pelaksana, SEK_BARU)
		self.assertEqual(frappe.db.get_value("Evaluasi Kinerja Internal", eki.name, "sekretaris"), SEK_BARU)
		self.kirim(f"{SELASA} 08:05")
		self.assertEqual(self.pemberitahuan(SEK_BARU, self.jam(eki, 2), "menunggu tindakan Anda"), 1)
		# history: the previous holder until yesterday, the new one from today
		riwayat = [(r.user, str(r.dari)[-5:], r.sampai and str(r.sampai), r.nomor_surat) for r in jab.riwayat]
		self.assertEqual(riwayat[-1], (SEK_BARU, "07-03", None, "821/45/BKPSDM"))
		self.assertEqual(riwayat[-2][0::2], (SEKRETARIS, f"{TAHUN_UJI}-07-02"))
		# the new holder acts; the step closes
		self.disposisi(eki, SEK_BARU, SUBKOR, f"{SELASA} 09:00")
		self.assertIsNotNone(self.jam(eki, 2).selesai)
		self.assertEqual(self.jam(eki, 3).pelaksana, SEK_BARU)

	# --- Plh ---------------------------------------------------------------------------------------

	def test_a_plh_window_moves_clocks_and_rights_in_and_out_and_actions_outside_are_refused(self):
		eki = self.evaluasi(f"{SENIN} 09:00")
		self.disposisi(eki, KADIS, SEKRETARIS, f"{SENIN} 10:00")
		with self.freeze_time(f"{SENIN} 11:00"):
			plh = tunjuk(JAB_SEK, self.pegawai_plh, SELASA, KAMIS, nomor="800/77/SEK/2096")
			self.assertEqual(plh.status, "Terjadwal")
			self.assertEqual(pemegang_peran(peran.SEKRETARIS, eki).user, SEKRETARIS)
		self.assertNotIn(peran.SEKRETARIS, frappe.get_roles(PLH))
		self.assertEqual(self.jam(eki, 2).pelaksana, SEKRETARIS)
		# before the period the appointed person cannot act, and is told why
		d1 = frappe.db.get_value("Disposisi", {"evaluasi": eki.name, "dari": KADIS})
		with self.freeze_time(f"{SENIN} 11:30"):
			jawaban = aksi_rest(PLH, "Disposisi", d1, "Terima")
		self.assertEqual(jawaban.status, 403, jawaban)
		self.assertIn("belum berlaku", jawaban.pesan)
		self.assertEqual(frappe.db.get_value("Disposisi", d1, "workflow_state"), "Dikirim")

		# Tuesday: the scheduled job starts it
		with self.freeze_time(f"{SELASA} 07:30"):
			self.assertIn(plh.name, selaraskan_penunjukan(commit=False))
			holder = pemegang_peran(peran.SEKRETARIS, eki)
		self.assertEqual(
			(holder.user, holder.definitif, holder.berwenang), (PLH, SEKRETARIS, (PLH, SEKRETARIS))
		)
		self.assertEqual(frappe.db.get_value("Penunjukan Pelaksana", plh.name, "status"), "Berjalan")
		self.assertIn(peran.SEKRETARIS, frappe.get_roles(PLH))
		self.assertTrue(izin_opd(PLH))
		self.assertEqual(self.jam(eki, 2).pelaksana, PLH)
		self.assertEqual(
			frappe.db.get_value("Jabatan", JAB_SEK, ["jenis_pelaksana", "penunjukan"]), ("Plh", plh.name)
		)
		self.kirim(f"{SELASA} 07:35")
		self.assertEqual(self.pemberitahuan(PLH, self.jam(eki, 2), "menunggu tindakan Anda"), 1)

		# the acting official acts; the timeline says as what and under which letter
		self.disposisi(eki, PLH, SUBKOR, f"{SELASA} 09:00")
		self.assertIsNotNone(self.jam(eki, 2).selesai, "the Plh's disposisi completes step 2")
		disposisi = frappe.get_all("Disposisi", filters={"evaluasi": eki.name, "dari": PLH}, pluck="name")
		komentar = frappe.get_all(
			"Comment",
			filters={
				"reference_doctype": "Disposisi",
				"reference_name": disposisi[0],
				"comment_type": "Comment",
			},
			pluck="content",
		)
		self.assertEqual(len(komentar), 1)
		self.assertIn("bertindak sebagai Plh. Sekretaris Dinas Uji UJI", komentar[0])
		self.assertIn("surat nomor 800/77/SEK/2096", komentar[0])
		# the next step, the Sekretaris's too, starts with the Plh
		self.assertEqual((self.jam(eki, 3).pelaksana, self.jam(eki, 3).atasan), (PLH, KADIS))

		# a draft the Plh writes on Wednesday and tries to send on Friday, after the period
		with self.freeze_time(f"{RABU} 10:00"), sebagai(PLH):
			draf = frappe.get_doc(
				{
					"doctype": "Disposisi",
					"evaluasi": eki.name,
					"dari": PLH,
					"kepada": SUBKOR,
					"instruksi": [{"instruksi": "Untuk diketahui"}],
				}
			).insert()
		with self.freeze_time(f"{JUMAT} 07:45"):
			# before the job has run: refused by the dates, nothing changed
			self.assertPesan(
				lambda: pabrik.jalankan_aksi("Disposisi", draf.name, "Kirim", PLH),
				"Penunjukan Anda sebagai Plh. Sekretaris Dinas Uji UJI",
				"berakhir",
				"Tidak ada data yang diubah",
				jenis=frappe.PermissionError,
			)
			self.assertEqual(frappe.db.get_value("Disposisi", draf.name, "workflow_state"), "Draft")
			# Friday's job ends it: rights revoked, the running clock's superior back to the Sekretaris
			self.assertIn(plh.name, selaraskan_penunjukan(commit=False))
			holder = pemegang_peran(peran.SEKRETARIS, eki)
			jawaban = aksi_rest(PLH, "Disposisi", draf.name, "Kirim")
		self.assertEqual(holder.user, SEKRETARIS)
		self.assertEqual(frappe.db.get_value("Penunjukan Pelaksana", plh.name, "status"), "Selesai")
		self.assertNotIn(peran.SEKRETARIS, frappe.get_roles(PLH))
		self.assertFalse(izin_opd(PLH))
		self.assertEqual(self.jam(eki, 3).pelaksana, SEKRETARIS)
		self.assertEqual(frappe.db.get_value("Jabatan", JAB_SEK, "penunjukan"), None)
		self.assertEqual(jawaban.status, 403, jawaban)
		self.assertIn(f"berlaku {formatdate(SELASA)} s.d. {formatdate(KAMIS)}", jawaban.pesan)
		self.assertEqual(frappe.db.get_value("Disposisi", draf.name, "workflow_state"), "Draft")

	def test_an_appointment_is_numbered_in_the_year_of_its_letter(self):
		# typed in the last week of December for a letter and a TMT of January
		with self.freeze_time(f"{TAHUN_UJI}-12-28 09:00"):
			plh = tunjuk(JAB_SEK, self.pegawai_plh, f"{TAHUN_UJI + 1}-01-04", f"{TAHUN_UJI + 1}-01-08")
		self.assertEqual(plh.name, f"PLH-{OPD_UJI}-{TAHUN_UJI + 1}-001")

	def test_an_appointment_that_could_not_work_is_refused(self):
		with self.freeze_time(f"{SENIN} 09:00"):
			tunjuk(JAB_SEK, self.pegawai_plh, SELASA, KAMIS)
			sekretaris = frappe.db.get_value("Pegawai", {"user": SEKRETARIS})
			for kwargs, pesan in (
				({"pegawai": self.pegawai_baru, "mulai": KAMIS, "selesai": JUMAT}, "bertumpang dengan Plh"),
				({"pegawai": self.pegawai_baru, "mulai": JUMAT, "selesai": KAMIS}, "sebelum tanggal mulai"),
				({"pegawai": sekretaris, "mulai": JUMAT, "selesai": JUMAT}, "adalah pemegang definitif"),
				(
					{"pegawai": self.pegawai_baru, "mulai": JUMAT, "selesai": JUMAT, "jenis": "Plt"},
					"Plt ditunjuk untuk jabatan yang kosong",
				),
			):
				with self.subTest(pesan=pesan):
					args = {"jenis": "Plh", **kwargs}
					self.assertPesan(
						lambda args=args: tunjuk(
							JAB_SEK, args["pegawai"], args["mulai"], args["selesai"], args["jenis"]
						),
						pesan,
						"Penunjukan belum disimpan",
					)
		self.assertEqual(frappe.db.count("Penunjukan Pelaksana", {"jabatan": JAB_SEK}), 1)

	def test_a_plh_kepala_bidang_submits_the_bidang_data_and_cancelling_ends_it_at_once(self):
		eki = self.evaluasi(f"{SENIN} 08:00")
		self.sampai_langkah_5(
			eki, {1: f"{SENIN} 09:00", 2: f"{SENIN} 10:00", 3: f"{SENIN} 11:00", 4: f"{SENIN} 13:30"}
		)
		jab = nama_jabatan(OPD_UJI, peran.KEPALA_BIDANG, self.bidang["SLA"])
		with self.freeze_time(f"{SELASA} 08:00"):
			plh = tunjuk(jab, self.pegawai_kabid_plh, SELASA, RABU, nomor="800/5/SLA")
			self.assertEqual(plh.status, "Berjalan", "a period that has begun starts on submit")
			self.assertEqual(kepala_bidang(self.bidang["SLA"]).berwenang, (KABID_PLH, KABID["SLA"]))
		self.assertEqual(
			frappe.db.get_value("Bidang", self.bidang["SLA"], "pelaksana_kepala_bidang"), KABID_PLH
		)
		self.assertEqual(self.jam(eki, 5, "SLA").pelaksana, KABID_PLH)
		# the workflow's Kepala Bidang condition admits the acting head
		dkb = self.data_bidang(eki, "SLA")
		with self.freeze_time(f"{SELASA} 09:00"):
			with sebagai(KABID_PLH):
				for row in dkb.baris:
					row.realisasi = "25"
				dkb.save()
			pabrik.jalankan_aksi("Data Kinerja Bidang", dkb.name, "Ajukan", KABID_PLH)
		self.assertEqual(frappe.db.get_value("Data Kinerja Bidang", dkb.name, "workflow_state"), "Diajukan")
		self.assertIsNotNone(self.jam(eki, 5, "SLA").selesai)
		self.assertTrue(
			frappe.db.exists(
				"Comment",
				{
					"reference_name": dkb.name,
					"content": ("like", "%sebagai Plh. Kepala Bidang Uji SLA%800/5/SLA%"),
				},
			)
		)
		# cancelled: ends at once
		with self.freeze_time(f"{SELASA} 10:00"), sebagai(ADMIN):
			frappe.get_doc("Penunjukan Pelaksana", plh.name).cancel()
		self.assertEqual(frappe.db.get_value("Penunjukan Pelaksana", plh.name, "status"), "Dibatalkan")
		self.assertIsNone(frappe.db.get_value("Bidang", self.bidang["SLA"], "pelaksana_kepala_bidang"))
		self.assertNotIn(peran.KEPALA_BIDANG, frappe.get_roles(KABID_PLH))
		self.assertEqual(
			pemegang_pada(jab, RABU).sebagai, "Definitif", "a cancelled appointment held nothing"
		)

	# --- history -----------------------------------------------------------------------------------

	def test_who_held_a_position_on_a_day_of_a_past_triwulan(self):
		with self.freeze_time(f"{TAHUN_UJI}-05-01 09:00"):
			tunjuk(JAB_SEK, self.pegawai_plh, f"{TAHUN_UJI}-05-11", f"{TAHUN_UJI}-05-13", nomor="800/3/SEK")
		with self.freeze_time(f"{TAHUN_UJI}-09-15 09:00"), sebagai(ADMIN):
			jab = frappe.get_doc("Jabatan", JAB_SEK)
			jab.pemegang, jab.tmt_pemegang, jab.nomor_sk = (
				self.pegawai_baru,
				f"{TAHUN_UJI}-07-01",
				"821/9/BKPSDM",
			)
			jab.save()
		# triwulan II: the definitive Sekretaris, and the Plh for three days of May
		tw2 = pemegang_pada(JAB_SEK, f"{TAHUN_UJI}-05-02")
		self.assertEqual(
			(tw2.user, tw2.sebagai, tw2.nip_tampil), (SEKRETARIS, "Definitif", "NIP belum diisi")
		)
		plh = pemegang_pada(opd=OPD_UJI, peran=peran.SEKRETARIS, tanggal=f"{TAHUN_UJI}-05-12")
		self.assertEqual(
			(plh.nama, plh.sebagai, plh.nip, plh.nomor_surat, plh.sebutan),
			("Budi Santoso, S.E.", "Plh", "198503122010011002", "800/3/SEK", "Plh. Sekretaris Dinas Uji UJI"),
		)
		self.assertEqual(pemegang_pada(JAB_SEK, f"{TAHUN_UJI}-06-30").user, SEKRETARIS)
		# triwulan III: the new Sekretaris from the TMT, with NIP and pangkat of that day
		tw3 = pemegang_pada(JAB_SEK, f"{TAHUN_UJI}-07-01")
		self.assertEqual(
			(tw3.nama, tw3.sebagai, tw3.nip_tampil, tw3.pangkat_golongan, tw3.nomor_surat),
			(
				"Dr. Siti Aminah, M.Si.",
				"Definitif",
				"NIP 197811232003122001",
				"Pembina (IV/a)",
				"821/9/BKPSDM",
			),
		)
		# the migrated Sekretaris's NIP, filled in later, completes their rows (and signatures) of TW II
		with sebagai(ADMIN):
			pegawai = frappe.get_doc("Pegawai", {"user": SEKRETARIS})
			pegawai.nip, pegawai.dari_migrasi = "19690420 199603 2 001", 0
			pegawai.save()
		self.assertEqual(pemegang_pada(JAB_SEK, f"{TAHUN_UJI}-05-02").nip_tampil, "NIP 196904201996032001")
		self.assertEqual(pegawai.keterangan_nip, None)
		# a later promotion does not rewrite the signature of triwulan III
		frappe.db.set_value("Pegawai", self.pegawai_baru, "pangkat_golongan", "Pembina Tingkat I (IV/b)")
		self.assertEqual(pemegang_pada(JAB_SEK, f"{TAHUN_UJI}-08-01").pangkat_golongan, "Pembina (IV/a)")
