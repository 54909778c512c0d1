"""Authority around positions: a Kepala Bidang acting as Sekretaris works across the OPD while their own
bidang stays theirs; who may sign and record an appointment and name an OPD's officials; a change of
holder taking effect at its TMT. Each test acts as the real roles (document API, REST, workflow
action, the scheduled job) at frozen moments, inside the test's transaction."""

import frappe
from frappe.permissions import setup_custom_perms
from frappe.utils import getdate

from sakip_evaluasi.api import tugas_saya
from sakip_evaluasi.domain import peran
from sakip_evaluasi.domain.doctype import DKB, TL
from sakip_evaluasi.halaman import isian_ponsel
from sakip_evaluasi.pejabat.jabatan import nama_jabatan, pemegang_pada
from sakip_evaluasi.pejabat.pemegang import pemegang_peran
from sakip_evaluasi.pejabat.penunjukan import IZIN_BIDANG_DITAHAN, selaraskan_penunjukan
from sakip_evaluasi.setup.install import SOP_DEFAULT
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests import test_pejabat_jabatan as pj
from sakip_evaluasi.tests.factories import KADIS, OPD_UJI, SEKRETARIS, SUBKOR, aksi, sebagai
from sakip_evaluasi.tests.rest import aksi_rest, rest, sumber
from sakip_evaluasi.tests.uji_siklus import KABID, SLATestCase

ADMIN = pj.ADMIN
SEK_BARU = pj.SEK_BARU
JAB_SEK = nama_jabatan(OPD_UJI, peran.SEKRETARIS)
JAB_KADIS = nama_jabatan(OPD_UJI, peran.KEPALA_DINAS)
SENIN, SELASA, RABU, KAMIS, JUMAT = pj.SENIN, pj.SELASA, pj.RABU, pj.KAMIS, pj.JUMAT


def up_bidang(user: str, bidang: str) -> list[tuple]:
	"""The user's User Permissions on ``bidang``: (applies to all DocTypes, applicable for)."""
	return [
		(r.apply_to_all_doctypes, r.applicable_for)
		for r in frappe.get_all(
			"User Permission",
			filters={"user": user, "allow": "Bidang", "for_value": bidang},
			fields=["apply_to_all_doctypes", "applicable_for"],
		)
	]


class TestBatasWewenang(SLATestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.buat_user(ADMIN, peran.ADMIN_PEMDA)
		pabrik.buat_user(SEK_BARU)
		cls.pegawai_baru = pj.buat_pegawai(
			SEK_BARU, "Dr. Siti Aminah, M.Si.", "197811232003122001", "Pembina (IV/a)"
		)

	def assertHanyaAdmin(self, doctype: str, name: str, field: str, *pesan: str) -> None:
		"""Naming an official in ``field`` of ``doctype`` ``name`` is refused for the user at hand: only
		the Admin SAKIP Pemda names officials; the message says so (and ``pesan``)."""
		doc = frappe.get_doc(doctype, name)
		doc.set(field, SEK_BARU)
		self.assertPesan(
			doc.save, "hanya diubah oleh Admin SAKIP Pemda", *pesan, jenis=frappe.PermissionError
		)

	# --- point 3: a Kepala Bidang acting as Sekretaris ----------------------------------------------

	def tindak_lanjut_diajukan(self, tanggal: str) -> dict[str, str]:
		"""A ratified meeting with a recommendation for both bidang, each follow-up submitted by its
		Kepala Bidang: {kode: Tindak Lanjut Evaluasi}."""
		eki = self.evaluasi(f"{tanggal} 07:00", triwulan="III")
		with self.freeze_time(f"{tanggal} 08:00"):
			with sebagai(SUBKOR):
				nr = frappe.get_doc({"doctype": "Notulen Rapat", "evaluasi": eki.name}).insert()
				nr = frappe.get_doc("Notulen Rapat", nr.name)
				nr.update({"tanggal_rapat": tanggal, "jam_mulai": "09:00:00", "tempat": "Ruang Rapat"})
				nr.save()
			nr = aksi(nr, "Kirim Undangan", SEKRETARIS)
		with self.freeze_time(f"{tanggal} 13:00"):
			pabrik.tulis_notulen(nr.name, [(self.bidang[k], f"Tindak lanjut {k}") for k in ("SLA", "SLB")])
			nr = aksi(nr, "Ajukan Notulen", SUBKOR)
			aksi(nr, "Sahkan", KADIS)
		return {k: self.ajukan_tindak_lanjut(eki, k, f"{tanggal} 14:00").name for k in ("SLA", "SLB")}

	def test_a_kabid_acting_as_sekretaris_works_across_the_opd_but_not_on_their_own_bidang(self):
		kabid = KABID["SLA"]
		pegawai = frappe.db.get_value("Pegawai", {"user": kabid})
		tl = self.tindak_lanjut_diajukan(SENIN)
		with self.freeze_time(f"{SENIN} 15:00"):
			plh = pj.tunjuk(JAB_SEK, pegawai, SELASA, RABU, nomor="800/9/SEK")
		with self.freeze_time(f"{SELASA} 00:05"):
			self.assertIn(plh.name, selaraskan_penunjukan(commit=False))
		# the Kepala Bidang's User Permission stays theirs, on a DocType where it hides nothing
		self.assertEqual(up_bidang(kabid, self.bidang["SLA"]), [(0, IZIN_BIDANG_DITAHAN)])
		self.assertNotIn(
			"Bidang", [f.options for f in frappe.get_meta(IZIN_BIDANG_DITAHAN).get_link_fields()]
		)

		with self.freeze_time(f"{SELASA} 09:00"):
			# the other bidang's follow-up: read and verified as the Sekretaris would, by REST
			self.assertEqual(rest(kabid, "GET", sumber(TL, tl["SLB"])).status, 200)
			jawaban = aksi_rest(kabid, TL, tl["SLB"], "Verifikasi")
			self.assertEqual(jawaban.status, 200, jawaban)
			self.assertEqual(frappe.db.get_value(TL, tl["SLB"], "workflow_state"), "Diverifikasi")
			# their own bidang's follow-up is not verified by themselves …
			jawaban = aksi_rest(kabid, TL, tl["SLA"], "Verifikasi")
			self.assertEqual(jawaban.status, 403, jawaban)
			self.assertIn("diverifikasi oleh Kepala Dinas", jawaban.pesan)
			self.assertEqual(frappe.db.get_value(TL, tl["SLA"], "workflow_state"), "Diajukan")
			# … but by the Kepala Dinas
			pabrik.jalankan_aksi(TL, tl["SLA"], "Verifikasi", KADIS)
			self.assertEqual(frappe.db.get_value(TL, tl["SLA"], "workflow_state"), "Diverifikasi")
		# as Kepala Bidang they still change only their own bidang's follow-up
		with self.freeze_time(f"{SELASA} 10:00"):
			pabrik.kembalikan(frappe.get_doc(TL, tl["SLB"]), KADIS, "Lengkapi buktinya")
			with sebagai(kabid):
				lain = frappe.get_doc(TL, tl["SLB"])
				lain.baris[0].tindak_lanjut = "Diubah oleh Kepala Bidang lain"
				self.assertPesan(lain.save, "hanya dapat diubah", jenis=frappe.PermissionError)
			self.assertEqual(
				frappe.db.get_value("Baris Tindak Lanjut", lain.baris[0].name, "tindak_lanjut"),
				"Sudah dilaksanakan",
			)
			jawaban = aksi_rest(kabid, TL, tl["SLB"], "Ajukan")
			self.assertEqual(jawaban.status, 403, jawaban)
			self.assertIn("hanya bertindak atas dokumen bidang Anda sendiri", jawaban.pesan)
			self.assertEqual(frappe.db.get_value(TL, tl["SLB"], "workflow_state"), "Dikembalikan")

		# Thursday the job ends it: the bidang limit is whole again
		with self.freeze_time(f"{KAMIS} 00:05"):
			self.assertIn(plh.name, selaraskan_penunjukan(commit=False))
			self.assertEqual(up_bidang(kabid, self.bidang["SLA"]), [(1, None)])
			self.assertEqual(rest(kabid, "GET", sumber(TL, tl["SLB"])).status, 403)
			self.assertEqual(rest(kabid, "GET", sumber(TL, tl["SLA"])).status, 200)

	# --- point 4: who signs and records an appointment, who names the officials ---------------------

	def test_the_letter_is_signed_by_the_superior_and_officials_are_named_by_the_admin_pemda(self):
		sekretaris = frappe.db.get_value("Pegawai", {"user": SEKRETARIS})
		data = {
			"doctype": "Penunjukan Pelaksana",
			"jenis": "Plh",
			"jabatan": JAB_KADIS,
			"pegawai": sekretaris,
			"nomor_surat": "800/1/SETDA",
			"tanggal_surat": SENIN,
			"mulai": SELASA,
			"selesai": RABU,
			"penandatangan": "Kepala Dinas",
		}
		jumlah = frappe.db.count("Penunjukan Pelaksana")
		with self.freeze_time(f"{SENIN} 09:00"):
			# a Sekretaris may not appoint a Plh for their own Kepala Dinas, by REST nor the document API
			jawaban = rest(
				SEKRETARIS,
				"POST",
				sumber("Penunjukan Pelaksana"),
				{k: v for k, v in data.items() if k != "doctype"},
			)
			self.assertIn(jawaban.status, (403, 417), jawaban)
			self.assertIn("Admin SAKIP Pemda", jawaban.pesan)
			with sebagai(SEKRETARIS):
				self.assertPesan(
					lambda: frappe.get_doc({**data, "penandatangan": "Kepala Daerah"}).insert(),
					"Kepala Dinas Uji UJI",
					"hanya dicatat oleh Admin SAKIP Pemda",
					"Penunjukan belum disimpan",
					jenis=frappe.PermissionError,
				)
			# the Kepala Dinas does not sign their own Plh's letter: the Kepala Daerah (or Sekda) does
			with sebagai(ADMIN):
				self.assertPesan(
					lambda: frappe.get_doc(data).insert(),
					"ditandatangani Kepala Daerah",
					"Penunjukan belum disimpan",
				)
				# a position inside the OPD: the Kepala Dinas signs, not the Kepala Daerah
				self.assertPesan(
					lambda: frappe.get_doc(
						{
							**data,
							"jabatan": JAB_SEK,
							"pegawai": self.pegawai_baru,
							"penandatangan": "Kepala Daerah",
						}
					).insert(),
					"ditandatangani Kepala Dinas",
					"Penunjukan belum disimpan",
				)
			self.assertEqual(frappe.db.count("Penunjukan Pelaksana"), jumlah, "nothing refused is kept")
			# what the Kepala Daerah signed, recorded by the Admin SAKIP Pemda
			with sebagai(ADMIN):
				doc = frappe.get_doc(
					{
						**data,
						"penandatangan": "Sekretaris Daerah a.n. Kepala Daerah",
						"nama_penandatangan": "Drs. H. Sekda",
					}
				).insert()
			self.assertEqual(doc.nama_penandatangan, "Drs. H. Sekda")
			# the Kepala Dinas's letter for the Sekretaris, recorded by the Sekretaris: the signer's name
			# is the Kepala Dinas of the letter's date
			with sebagai(SEKRETARIS):
				doc = frappe.get_doc(
					{
						**data,
						"jabatan": JAB_SEK,
						"pegawai": self.pegawai_baru,
						"penandatangan": "Kepala Dinas",
					}
				).insert()
			self.assertEqual(doc.nama_penandatangan, pemegang_pada(JAB_KADIS, SENIN).nama)

		# the OPD's officials and its positions are named by the Admin SAKIP Pemda alone
		with sebagai(SEKRETARIS):
			self.assertHanyaAdmin("OPD", OPD_UJI, "kepala_dinas", "OPD belum disimpan")
			opd = frappe.get_doc("OPD", OPD_UJI)
			opd.alamat = "Jl. Merdeka 1"
			opd.save()  # the letterhead stays the Sekretaris's
		jawaban = rest(SEKRETARIS, "PUT", sumber("Jabatan", JAB_KADIS), {"pemegang": self.pegawai_baru})
		self.assertEqual(jawaban.status, 403, jawaban)
		self.assertEqual(frappe.db.get_value("OPD", OPD_UJI, "kepala_dinas"), KADIS)
		self.assertEqual(
			frappe.db.get_value("Pegawai", frappe.db.get_value("Jabatan", JAB_KADIS, "pemegang"), "user"),
			KADIS,
		)

	# --- point 5: a change of holder takes effect at its TMT -----------------------------------------

	def test_a_new_holder_takes_over_at_the_tmt_not_when_saved(self):
		eki = self.evaluasi(f"{SENIN} 09:00")
		self.disposisi(eki, KADIS, SEKRETARIS, f"{SENIN} 10:00")
		self.assertEqual(self.jam(eki, 2).pelaksana, SEKRETARIS)
		with self.freeze_time(f"{SENIN} 11:00"), sebagai(ADMIN):
			jab = frappe.get_doc("Jabatan", JAB_SEK)
			jab.pemegang, jab.tmt_pemegang, jab.nomor_sk = self.pegawai_baru, RABU, "821/50/BKPSDM"
			jab.save()
		# saved on Monday for Wednesday: nothing moves yet
		self.assertEqual(frappe.db.get_value("OPD", OPD_UJI, "sekretaris"), SEKRETARIS)
		self.assertIn(peran.SEKRETARIS, frappe.get_roles(SEKRETARIS))
		self.assertNotIn(peran.SEKRETARIS, frappe.get_roles(SEK_BARU))
		self.assertFalse(pj.izin_opd(SEK_BARU))
		self.assertEqual(self.jam(eki, 2).pelaksana, SEKRETARIS)
		with self.freeze_time(f"{SELASA} 23:59"):
			self.assertEqual(pemegang_peran(peran.SEKRETARIS, eki).user, SEKRETARIS)
			selaraskan_penunjukan(commit=False)
		self.assertEqual(frappe.db.get_value("OPD", OPD_UJI, "sekretaris"), SEKRETARIS)
		# signatures: the old holder through Tuesday, the new one from the TMT
		self.assertEqual(pemegang_pada(JAB_SEK, SELASA).user, SEKRETARIS)
		self.assertEqual(pemegang_pada(JAB_SEK, RABU).user, SEK_BARU)
		# Wednesday 00:00 in the site's time zone: the scheduled job moves rights and clocks
		with self.freeze_time(f"{RABU} 00:01"):
			selaraskan_penunjukan(commit=False)
			eki = frappe.get_doc("Evaluasi Kinerja Internal", eki.name)
			self.assertEqual(pemegang_peran(peran.SEKRETARIS, eki).user, SEK_BARU)
		self.assertEqual(frappe.db.get_value("OPD", OPD_UJI, "sekretaris"), SEK_BARU)
		self.assertIn(peran.SEKRETARIS, frappe.get_roles(SEK_BARU))
		self.assertTrue(pj.izin_opd(SEK_BARU))
		self.assertNotIn(peran.SEKRETARIS, frappe.get_roles(SEKRETARIS))
		self.assertFalse(pj.izin_opd(SEKRETARIS))
		self.assertEqual(self.jam(eki, 2).pelaksana, SEK_BARU)
		self.assertEqual(frappe.db.get_value("Evaluasi Kinerja Internal", eki.name, "sekretaris"), SEK_BARU)
		riwayat = [
			(r.user, str(r.dari), r.sampai and str(r.sampai))
			for r in frappe.get_doc("Jabatan", JAB_SEK).riwayat
			if r.jenis == "Definitif"
		]
		self.assertEqual([(u, s) for u, _d, s in riwayat[-2:]], [(SEKRETARIS, SELASA), (SEK_BARU, None)])
		self.assertEqual(riwayat.count((SEK_BARU, RABU, None)), 1, "the job opens no second row")
		# a TMT today or past takes effect at once
		with self.freeze_time(f"{JUMAT} 09:00"), sebagai(ADMIN):
			jab = frappe.get_doc("Jabatan", JAB_SEK)
			jab.pemegang, jab.tmt_pemegang = frappe.db.get_value("Pegawai", {"user": SEKRETARIS}), KAMIS
			jab.save()
		self.assertEqual(frappe.db.get_value("OPD", OPD_UJI, "sekretaris"), SEKRETARIS)
		self.assertEqual(getdate(frappe.db.get_value("Jabatan", JAB_SEK, "tmt_pemegang")), getdate(KAMIS))
		self.assertEqual(pemegang_pada(JAB_SEK, KAMIS).user, SEKRETARIS)

	# --- a Kepala Bidang acting as Sekretaris: every bidang's data, their own bidang's verification -----

	def plh_sekretaris(self, kabid: str):
		"""The Kepala Bidang appointed Plh Sekretaris Tuesday to Wednesday, started by the job."""
		pegawai = frappe.db.get_value("Pegawai", {"user": kabid})
		with self.freeze_time(f"{SENIN} 16:00"):
			plh = pj.tunjuk(JAB_SEK, pegawai, SELASA, RABU, nomor="800/9/SEK")
		with self.freeze_time(f"{SELASA} 00:05"):
			self.assertIn(plh.name, selaraskan_penunjukan(commit=False))
		return plh

	def test_an_acting_sekretaris_reads_every_bidangs_data_and_fills_only_their_own(self):
		kabid = KABID["SLA"]
		eki = self.evaluasi(f"{SENIN} 07:00", triwulan="III")
		self.sampai_langkah_5(
			eki, {1: f"{SENIN} 08:00", 2: f"{SENIN} 08:30", 3: f"{SENIN} 09:00", 4: f"{SENIN} 10:00"}
		)
		lain, sendiri = self.data_bidang(eki, "SLB"), self.data_bidang(eki, "SLA")
		self.plh_sekretaris(kabid)
		# the User Permission on their Bidang is still theirs
		self.assertEqual(len(up_bidang(kabid, self.bidang["SLA"])), 1)
		with self.freeze_time(f"{SELASA} 09:00"):
			# every bidang's Data Kinerja Bidang, as the Sekretaris reads it: by REST and in the list
			self.assertEqual(rest(kabid, "GET", sumber(DKB, lain.name)).status, 200)
			with sebagai(kabid):
				self.assertEqual(
					set(frappe.get_list(DKB, filters={"evaluasi": eki.name}, pluck="name")),
					{lain.name, sendiri.name},
				)
				# the phone page shows the other bidang's data read-only, their own to fill
				self.assertEqual(isian_ponsel.muat(lain.name)["kolom_terbuka"], [])
				self.assertIn("realisasi", isian_ponsel.muat(sendiri.name)["kolom_terbuka"])
				# as Kepala Bidang they fill only their own bidang's data
				doc = frappe.get_doc(DKB, lain.name)
				doc.baris[0].realisasi = "99"
				self.assertSimpanDitolak(doc, "hanya mengubah dokumen bidang Anda sendiri")
				doc = frappe.get_doc(DKB, sendiri.name)
				doc.baris[0].realisasi = "17"
				doc.save()
			self.assertFalse(frappe.db.get_value("Baris Data Kinerja", lain.baris[0].name, "realisasi"))
			jawaban = aksi_rest(kabid, DKB, lain.name, "Ajukan")
			self.assertEqual(jawaban.status, 403, jawaban)
			self.assertEqual(frappe.db.get_value(DKB, lain.name, "workflow_state"), "Draft")
		# Thursday the job ends it: the bidang limit is whole again
		with self.freeze_time(f"{KAMIS} 00:05"):
			selaraskan_penunjukan(commit=False)
			self.assertEqual(up_bidang(kabid, self.bidang["SLA"]), [(1, None)])
			self.assertEqual(rest(kabid, "GET", sumber(DKB, lain.name)).status, 403)
			self.assertEqual(rest(kabid, "GET", sumber(DKB, sendiri.name)).status, 200)

	def test_the_acting_sekretaris_own_bidangs_follow_up_waits_for_the_kepala_dinas(self):
		# the Pemda's SOP times the Sekretaris's verification of each bidang's follow-up
		sop = frappe.get_doc("SOP", SOP_DEFAULT)
		sop.append(
			"langkah",
			{
				"no": 9,
				"kegiatan": "Memverifikasi tindak lanjut setiap bidang",
				"pelaksana": peran.SEKRETARIS,
				"waktu": 1,
				"satuan": "Hari",
				"dokumen_output": TL,
				"status_mulai": "Diajukan",
				"status_selesai": "Diverifikasi",
				"per_bidang": 1,
			},
		)
		sop.save()
		kabid = KABID["SLA"]
		# Monday the cycle runs to the ratified minutes; Tuesday the Kepala Bidang acts as Sekretaris
		eki = self.evaluasi(f"{SENIN} 07:00", triwulan="III")
		self.sampai_langkah_5(
			eki, {1: f"{SENIN} 08:00", 2: f"{SENIN} 08:30", 3: f"{SENIN} 09:00", 4: f"{SENIN} 10:00"}
		)
		self.ajukan_data(eki, "SLA", f"{SENIN} 10:30")
		self.ajukan_data(eki, "SLB", f"{SENIN} 10:45")
		nr = self.undangan(eki, f"{SENIN} 11:00", SENIN, "13:00:00")
		nr = self.ajukan_notulen(nr, f"{SENIN} 14:00", ("SLA", "SLB"))
		self.aksi(nr, "Sahkan", KADIS, f"{SENIN} 15:00")
		self.plh_sekretaris(kabid)
		tl = {k: self.ajukan_tindak_lanjut(eki, k, f"{SELASA} 14:00").name for k in ("SLA", "SLB")}
		# the verification clock of their own bidang is the Kepala Dinas's, the other bidang's theirs
		self.assertEqual(self.jam(eki, 9, "SLA").pelaksana, KADIS)
		self.assertEqual(self.jam(eki, 9, "SLB").pelaksana, kabid)
		with self.freeze_time(f"{SELASA} 15:00"):
			with sebagai(KADIS):
				tugas_kadis = {t["name"]: t for t in tugas_saya.daftar()["tugas"]}
			with sebagai(kabid):
				tugas_plh = {t["name"] for t in tugas_saya.daftar()["tugas"]}
			self.assertIn(tl["SLA"], tugas_kadis)
			self.assertIsNotNone(tugas_kadis[tl["SLA"]]["batas_waktu"])
			self.assertNotIn(tl["SLA"], tugas_plh)
			self.assertIn(tl["SLB"], tugas_plh)
			# nor do they change their own bidang's submitted follow-up as the Sekretaris
			with sebagai(kabid):
				doc = frappe.get_doc(TL, tl["SLA"])
				doc.baris[0].tindak_lanjut = "Diubah oleh Plh Sekretaris"
				self.assertSimpanDitolak(doc, "diverifikasi oleh Kepala Dinas")
			self.assertEqual(
				frappe.db.get_value("Baris Tindak Lanjut", doc.baris[0].name, "tindak_lanjut"),
				"Sudah dilaksanakan",
			)
			pabrik.jalankan_aksi(TL, tl["SLA"], "Verifikasi", KADIS)
		self.assertTrue(self.jam(eki, 9, "SLA").selesai)

	# --- officials on the Bidang form; existing sites' customised permissions -------------------------

	def test_only_the_admin_pemda_names_a_bidangs_head(self):
		bidang = self.bidang["SLB"]
		with sebagai(SEKRETARIS):
			self.assertHanyaAdmin("Bidang", bidang, "kepala_bidang", "Kepala Bidang", "Bidang belum disimpan")
			doc = frappe.get_doc("Bidang", bidang)
			doc.nama_bidang = "Bidang Uji SLB Baru"
			doc.save()  # the bidang's name stays the Sekretaris's
		jawaban = rest(SEKRETARIS, "PUT", sumber("Bidang", bidang), {"kepala_bidang": SEK_BARU})
		self.assertEqual(jawaban.status, 403, jawaban)
		self.assertIn("hanya diubah oleh Admin SAKIP Pemda", jawaban.pesan)
		self.assertEqual(frappe.db.get_value("Bidang", bidang, "kepala_bidang"), KABID["SLB"])
		with sebagai(ADMIN):
			doc = frappe.get_doc("Bidang", bidang)
			doc.kepala_bidang = SEK_BARU
			doc.save()
		self.assertEqual(frappe.db.get_value("Bidang", bidang, "kepala_bidang"), SEK_BARU)

	def test_a_site_with_customised_jabatan_permissions_loses_the_sekretaris_write(self):
		from sakip_evaluasi.patches import sempitkan_izin_jabatan

		def baris_sekretaris() -> list[tuple]:
			return sorted(
				(r.permlevel, r.read, r.write, r.if_owner)
				for r in frappe.get_all(
					"Custom DocPerm",
					filters={"parent": "Jabatan", "role": peran.SEKRETARIS},
					fields=["permlevel", "read", "write", "if_owner"],
				)
			)

		# without Custom DocPerm the standard rows already read-only: nothing to do, nothing said
		self.assertFalse(frappe.db.exists("Custom DocPerm", {"parent": "Jabatan"}))
		self.assertEqual(sempitkan_izin_jabatan.execute(), [])
		self.assertFalse(frappe.db.exists("Custom DocPerm", {"parent": "Jabatan"}))
		# an administrator used Role Permissions Manager when the Sekretaris still had write, and added
		# a row of their own
		setup_custom_perms("Jabatan")
		frappe.db.set_value("Custom DocPerm", {"parent": "Jabatan", "role": peran.SEKRETARIS}, "write", 1)
		frappe.get_doc(
			{
				"doctype": "Custom DocPerm",
				"parent": "Jabatan",
				"parenttype": "DocType",
				"parentfield": "permissions",
				"role": peran.SEKRETARIS,
				"permlevel": 1,
				"read": 1,
				"write": 1,
			}
		).insert(ignore_permissions=True)
		frappe.clear_cache(doctype="Jabatan")
		self.assertIn(rest(SEKRETARIS, "PUT", sumber("Jabatan", JAB_KADIS), {}).status, (200,))
		diubah = sempitkan_izin_jabatan.execute()
		self.assertEqual(len(diubah), 1, diubah)
		self.assertIn(peran.SEKRETARIS, diubah[0])
		self.assertEqual(baris_sekretaris(), [(0, 1, 0, 0), (1, 1, 1, 0)])  # the administrator's row kept
		jawaban = rest(SEKRETARIS, "PUT", sumber("Jabatan", JAB_KADIS), {"pemegang": self.pegawai_baru})
		self.assertEqual(jawaban.status, 403, jawaban)
		self.assertEqual(sempitkan_izin_jabatan.execute(), [], "a second run changes nothing")
