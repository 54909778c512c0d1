"""Official documents: each print format renders the document of a whole SOP cycle with the OPD's
letterhead, the signers by name and NIP as they were on the day they acted (a Plh too), dates and
numbers in Indonesian, what users typed escaped; the Laporan E.81 totals equal the Rekap Capaian
Kinerja report's; the evidence pack's PDF and ZIP hold every document."""

import io
import re
import zipfile

import frappe
from markupsafe import escape
from pypdf import PdfReader

from sakip_evaluasi.cetak import paket
from sakip_evaluasi.cetak.konteks import CETAKAN, tabel_e81
from sakip_evaluasi.domain import peran
from sakip_evaluasi.domain.doctype import EVALUASI as EKI
from sakip_evaluasi.pejabat.jabatan import nama_jabatan
from sakip_evaluasi.pejabat.penandatangan import penandatangan
from sakip_evaluasi.sakip_evaluasi.report.rekap_capaian_kinerja import rekap_capaian_kinerja
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, OPD_UJI, SEKRETARIS, SUBKOR, TAHUN_UJI, sebagai
from sakip_evaluasi.tests.test_pejabat_jabatan import ADMIN, buat_pegawai, tunjuk
from sakip_evaluasi.tests.uji_siklus import KABID, SLATestCase

XSS_SKRIP = "<script>alert(1)</script>"
XSS_GAMBAR = "<img src=x onerror=alert(1)>"
AMAN_SKRIP, AMAN_GAMBAR = str(escape(XSS_SKRIP)), str(escape(XSS_GAMBAR))
PLH_KADIS = "plh.kadis@test.sakip"
KADIS_BARU = "kadis.baru@test.sakip"
JAB_KADIS = nama_jabatan(OPD_UJI, peran.KEPALA_DINAS)
# Monday 2 … Friday 6 July 2096 (triwulan III); the meeting on Monday 9 July.
SENIN, SELASA, RABU, KAMIS, JUMAT = (f"{TAHUN_UJI}-07-0{d}" for d in (2, 3, 4, 5, 6))
RAPAT = f"{TAHUN_UJI}-07-09"
ALAMAT = "Jl. Pahlawan No. 7, Kota Uji"
# English a generic print would show (labels, Frappe's page furniture, status values).
INGGRIS = re.compile(
	r"\b(Page|Printed|Draft|Submitted|Cancelled|Approved|Pending|Name|Date|Signature|Address)\b"
)


def isi_cetakan(html: str) -> str:
	"""The document itself (inside .print-format), without Frappe's screen-only banner."""
	return html.split('<div class="print-format">', 1)[1]


class TestCetak(SLATestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.buat_user(ADMIN, peran.ADMIN_PEMDA)
		pabrik.buat_user(PLH_KADIS)
		pabrik.buat_user(KADIS_BARU)
		frappe.db.set_value("OPD", OPD_UJI, {"alamat": ALAMAT, "telepon": "(0361) 123456"})
		frappe.db.set_single_value("Pengaturan SAKIP", "nama_pemda", "Pemerintah Kota Uji")
		for user, nama, nip in (
			(KADIS, "Ir. I Made Wirawan, M.T.", "197001011995031001"),
			(SEKRETARIS, "Ni Luh Sari, S.E.", "198002022005012002"),
			(SUBKOR, "Komang Adi, S.Kom.", "199003032015031003"),
		):
			pegawai = frappe.get_doc("Pegawai", {"user": user})
			pegawai.nama_lengkap, pegawai.nip = nama, nip
			pegawai.save(ignore_permissions=True)
		for kode, user in KABID.items():
			pegawai = frappe.get_doc("Pegawai", {"user": user})
			pegawai.nama_lengkap = f"Kabid {kode} {XSS_GAMBAR}"
			pegawai.save(ignore_permissions=True)
		cls.pegawai_plh = buat_pegawai(PLH_KADIS, "Dr. Putu Ayu, M.Si.", "19750505 200003 2 005")
		cls.pegawai_baru = buat_pegawai(KADIS_BARU, "Drs. Wayan Baru", "196806061990031006")
		# one whole cycle shared by the tests (each rolls back to a savepoint after itself)
		cls.eki, cls.nr = cls("test_a_kepala_bidang_cannot_make_the_pack").siklus()

	def siklus(self):
		"""A whole triwulan III: the Kadis's disposisi on Monday, the data, the meeting on 9 July chaired
		by the Kadis, the minutes approved by a Plh Kepala Dinas on 10 July, the follow-ups."""
		with self.freeze_time(f"{SENIN} 08:00"):
			tunjuk(
				JAB_KADIS,
				self.pegawai_plh,
				f"{TAHUN_UJI}-07-10",
				f"{TAHUN_UJI}-07-11",
				nomor="800/5/KADIS",
				penandatangan="Kepala Daerah",
				nama_penandatangan="Bupati Contoh",
			)
		eki = self.evaluasi(f"{SENIN} 09:00", triwulan="III")
		kke = self.sampai_langkah_5(
			eki, {1: f"{SENIN} 10:00", 2: f"{SENIN} 11:00", 3: f"{SENIN} 13:30", 4: f"{SENIN} 14:30"}
		)
		d1 = frappe.get_doc("Disposisi", {"evaluasi": eki.name, "dari": KADIS})
		self.aksi(d1, "Terima", SEKRETARIS, f"{SENIN} 10:30")
		for i, kode in enumerate(KABID):
			dkb = self.data_bidang(eki, kode)
			with self.freeze_time(f"{SELASA} 09:0{i}"), sebagai(KABID[kode]):
				for row in dkb.baris:
					row.realisasi = "1234.5" if i == 0 else "25"
					row.kendala = f"Anggaran terlambat {XSS_SKRIP}"
				dkb.save()
			dkb = self.aksi(dkb, "Ajukan", KABID[kode], f"{SELASA} 09:1{i}")
			self.aksi(dkb, "Terima", SUBKOR, f"{SELASA} 10:0{i}")
		self.aksi(kke, "Rekap", SUBKOR, f"{SELASA} 11:00")
		nr = self.undangan(eki, f"{SELASA} 13:00", RAPAT, "09:00:00")
		nr = self.ajukan_notulen(nr, f"{RAPAT} 14:00", tuple(KABID))
		with self.freeze_time(f"{RAPAT} 14:00"):
			frappe.db.set_value(
				"Notulen Rapat",
				nr.name,
				{"kesimpulan": f"Capaian baik {XSS_GAMBAR}", "arahan_pimpinan": f"Percepat {XSS_SKRIP}"},
			)
		# the Plh Kepala Dinas approves the minutes on Tuesday 10 July
		with self.freeze_time(f"{TAHUN_UJI}-07-10 07:30"):
			from sakip_evaluasi.pejabat.penunjukan import selaraskan_penunjukan

			selaraskan_penunjukan(commit=False)
		nr = self.aksi(nr, "Sahkan", PLH_KADIS, f"{TAHUN_UJI}-07-10 09:00")
		for kode in KABID:
			self.ajukan_tindak_lanjut(eki, kode, f"{TAHUN_UJI}-07-11 09:00")
		# what a user typed may reach the print unsanitized (a save sanitizes HTML, an import or an
		# older record may not): each print must escape it
		frappe.db.set_value("Disposisi", d1.name, "catatan", f"Segera {XSS_SKRIP}")
		frappe.db.set_value(
			"Notulen Rapat",
			nr.name,
			{"kesimpulan": f"Capaian baik {XSS_GAMBAR}", "tempat": f"Aula {XSS_SKRIP}"},
		)
		frappe.db.set_value(  # a guest without a user account
			"Peserta Rapat", {"parent": nr.name, "idx": 1}, {"peserta": None, "nama": f"Tamu {XSS_GAMBAR}"}
		)
		frappe.db.set_value(
			"Rekomendasi Rapat", {"parent": nr.name, "idx": 1}, "rekomendasi", f"Rekom {XSS_SKRIP}"
		)
		frappe.get_doc(
			{
				"doctype": "Pembahasan Rapat",
				"parent": nr.name,
				"parenttype": "Notulen Rapat",
				"parentfield": "pembahasan",
				"idx": 1,
				"bidang": self.bidang["SLA"],
				"pembahasan": f"Bahas {XSS_GAMBAR}",
			}
		).db_insert()
		for tl in frappe.get_all("Tindak Lanjut Evaluasi", filters={"evaluasi": eki.name}, pluck="name"):
			frappe.db.set_value("Baris Tindak Lanjut", {"parent": tl}, "tindak_lanjut", f"Sudah {XSS_SKRIP}")
		for dkb in frappe.get_all("Data Kinerja Bidang", filters={"evaluasi": eki.name}, pluck="name"):
			frappe.db.set_value("Baris Data Kinerja", {"parent": dkb}, "kendala", f"Anggaran {XSS_GAMBAR}")
		return frappe.get_doc(EKI, eki.name), frappe.get_doc("Notulen Rapat", nr.name)

	def cetak(self, jenis: str, name: str) -> str:
		doctype, print_format = CETAKAN[jenis]
		return isi_cetakan(frappe.get_print(doctype, name, print_format))

	def test_every_print_shows_names_nip_indonesian_dates_and_escapes_what_users_typed(self):
		eki, nr = self.eki, self.nr
		dokumen = paket.dokumen_paket(eki.name)
		jenis_ada = {j for j, _dt, _n in dokumen}
		self.assertEqual(jenis_ada, set(CETAKAN))
		email = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
		for jenis, _doctype, name in dokumen:
			with self.subTest(jenis=jenis, name=name):
				html = self.cetak(jenis, name)
				self.assertIn("DINAS UJI UJI".lower(), html.lower(), "the OPD in the letterhead")
				self.assertIn(ALAMAT, html)
				self.assertIn("Pemerintah Kota Uji", html)
				self.assertIsNone(email.search(html), f"no e-mail address in {jenis}")
				self.assertNotIn(XSS_SKRIP, html)
				self.assertNotIn(XSS_GAMBAR, html)
				self.assertNotIn("<script", html.split("</style>", 1)[1].split("<script>\n\t\tdocument")[0])
				self.assertNotIn('<img src="x"', html)
				self.assertIsNone(INGGRIS.search(re.sub(r"<[^>]+>", " ", html)), f"English in {jenis}")

		disposisi = self.cetak(
			"lembar_disposisi", frappe.db.get_value("Disposisi", {"evaluasi": eki.name, "dari": KADIS})
		)
		self.assertIn("Ir. I Made Wirawan, M.T.", disposisi)
		self.assertIn("NIP. 19700101 199503 1 001", disposisi)  # NIP in its four parts
		self.assertIn("Senin, 2 Juli 2096", disposisi)  # tanggal surat and tanggal diterima
		self.assertIn("&#9745; Untuk ditindaklanjuti", disposisi)
		self.assertIn(f"Segera {AMAN_SKRIP}", disposisi)

		undangan = self.cetak("undangan_rapat", nr.name)
		self.assertIn("Senin, 9 Juli 2096", undangan)
		self.assertIn("pukul 09.00", undangan)
		self.assertIn("Ni Luh Sari, S.E.", undangan)  # the Sekretaris sent the invitation
		self.assertIn(f"Tamu {AMAN_GAMBAR}", undangan)
		self.assertIn(f"Aula {AMAN_SKRIP}", undangan)
		# a name saved through the form was sanitized by Frappe; the print shows what is stored
		nama_kabid = frappe.db.get_value("Pegawai", {"user": KABID["SLB"]}, "nama_lengkap")
		self.assertIn(str(escape(nama_kabid)), undangan)

		notulen = self.cetak("notulen_rapat", nr.name)
		self.assertIn("Plh. Kepala Dinas Uji UJI", notulen)
		self.assertIn("Dr. Putu Ayu, M.Si.", notulen)
		self.assertIn("NIP. 19750505 200003 2 005", notulen)
		self.assertIn("Komang Adi, S.Kom.", notulen)  # the note-taker
		self.assertIn(f"Capaian baik {AMAN_GAMBAR}", notulen)
		self.assertIn(f"Rekom {AMAN_SKRIP}", notulen)
		self.assertIn(f"Bahas {AMAN_GAMBAR}", notulen)

		hadir = self.cetak("daftar_hadir", nr.name)
		self.assertIn("Ir. I Made Wirawan, M.T.", hadir)  # the chair, definitive on 9 July

		e81 = self.cetak("laporan_e81", eki.name)
		self.assertIn("1.234,5", e81)  # realisasi TW III of the first bidang
		self.assertIn("Dr. Putu Ayu, M.Si.", e81)  # "Disusun": the Plh who approved the minutes
		self.assertIn(f"Anggaran {AMAN_GAMBAR}", e81)
		self.assertIn(f"Capaian baik {AMAN_GAMBAR}", e81)  # faktor pendorong: the meeting's conclusion
		for tl in frappe.get_all("Tindak Lanjut Evaluasi", filters={"evaluasi": eki.name}, pluck="name"):
			self.assertIn(f"Sudah {AMAN_SKRIP}", self.cetak("matriks_tindak_lanjut", tl))
		dkb = frappe.get_all("Data Kinerja Bidang", filters={"evaluasi": eki.name}, pluck="name")[0]
		self.assertIn(f"Anggaran {AMAN_GAMBAR}", self.cetak("data_kinerja_bidang", dkb))

	def test_e81_totals_and_predikat_equal_the_rekap_report(self):
		eki = self.eki
		filters = {"tahun": TAHUN_UJI, "triwulan": "III", "opd": OPD_UJI}
		_kolom, data, _p, _g, ringkasan = rekap_capaian_kinerja.execute(filters)
		rata = next(r["value"] for r in ringkasan if r["label"] == "Rata-rata Capaian")
		tabel = tabel_e81(OPD_UJI, TAHUN_UJI, "III")
		self.assertEqual(tabel.jumlah, len(data))
		self.assertEqual(tabel.rata_rata, rata)
		from sakip_evaluasi.aturan.capaian_baris import aturan_capaian

		self.assertEqual(tabel.predikat, aturan_capaian()[1].predikat(rata))
		baris = [b for s in tabel.sasaran for b in s["baris"]]
		self.assertEqual([b.capaian for b in baris], [r["capaian"] for r in data])
		self.assertEqual([b.predikat for b in baris], [r["predikat"] for r in data])
		html = self.cetak("laporan_e81", eki.name)
		from sakip_evaluasi.domain.tulisan import angka_id

		self.assertIn(f"<b>{angka_id(rata)}</b>", html)
		self.assertIn(f"<b>{tabel.predikat}</b>", html)

	def test_the_print_keeps_the_signer_of_that_day_after_the_holder_changed(self):
		eki, nr = self.eki, self.nr
		sebelum = penandatangan(nr, "Sahkan")
		self.assertEqual((sebelum.nama, sebelum.sebagai), ("Dr. Putu Ayu, M.Si.", "Plh"))
		d1 = frappe.get_doc("Disposisi", {"evaluasi": eki.name, "dari": KADIS})
		# a new Kepala Dinas from 1 August; the old prints keep their signers
		with self.freeze_time(f"{TAHUN_UJI}-08-01 08:00"), sebagai(ADMIN):
			jab = frappe.get_doc("Jabatan", JAB_KADIS)
			jab.pemegang, jab.nomor_sk = self.pegawai_baru, "821/1/BKPSDM"
			jab.save()
		with self.freeze_time(f"{TAHUN_UJI}-08-02 08:00"):
			p = penandatangan(d1, "Kirim")
			self.assertEqual(
				(p.nama, p.nip, p.sebutan),
				("Ir. I Made Wirawan, M.T.", "197001011995031001", "Kepala Dinas Uji UJI"),
			)
			html = self.cetak("lembar_disposisi", d1.name)
			self.assertIn("Ir. I Made Wirawan, M.T.", html)
			self.assertNotIn("Drs. Wayan Baru", html)
			self.assertEqual(penandatangan(nr, "Sahkan"), sebelum)
		# an action not taken yet: the position with an empty name
		self.assertIsNone(
			penandatangan(frappe.get_doc("Tindak Lanjut Evaluasi", {"evaluasi": eki.name}), "Terima")
		)

	def test_the_evidence_pack_holds_every_document_with_numbered_pages_and_the_zip_its_files(self):
		eki = self.eki
		dkb = frappe.get_doc("Data Kinerja Bidang", {"evaluasi": eki.name, "bidang": self.bidang["SLA"]})
		with sebagai(KABID["SLA"]):
			bukti = frappe.get_doc(
				{
					"doctype": "File",
					"file_name": "foto-kegiatan.txt",
					"content": b"bukti dukung",
					"attached_to_doctype": "Data Kinerja Bidang",
					"attached_to_name": dkb.name,
					"is_private": 1,
				}
			).insert(ignore_permissions=True)
		# the job the button queues, run here as the Subkoordinator who asked
		hasil = paket.buat_di_latar(eki.name, SUBKOR)
		berkas = {
			f.file_name: f
			for f in frappe.get_all(
				"File",
				filters={"attached_to_doctype": EKI, "attached_to_name": eki.name},
				fields=["name", "file_name", "is_private"],
			)
		}
		nama_pdf, nama_zip = f"Paket Bukti {eki.name}.pdf", f"Paket Bukti {eki.name}.zip"
		self.assertEqual({nama_pdf, nama_zip} & set(berkas), {nama_pdf, nama_zip})
		self.assertTrue(all(berkas[n].is_private for n in (nama_pdf, nama_zip)))
		pdf = frappe.get_doc("File", berkas[nama_pdf].name).get_content()
		halaman = PdfReader(io.BytesIO(pdf)).pages
		dokumen = paket.dokumen_paket(eki.name)
		bagian = hasil["dokumen"]  # [title, remark, pages]: the cover first
		self.assertEqual(len(bagian), len(dokumen) + 2)  # the cover and the Kepatuhan SOP table
		self.assertEqual(len(halaman), sum(b[2] for b in bagian))
		self.assertEqual(hasil["halaman"], len(halaman))
		self.assertEqual(bagian[0][2], 1)
		self.assertIn(f"Halaman 1 dari {len(halaman)}", halaman[0].extract_text())
		self.assertIn(f"Halaman {len(halaman)} dari {len(halaman)}", halaman[-1].extract_text())
		# the E.81 page is landscape, the disposisi portrait
		mulai = 1 + sum(b[2] for b in bagian[1 : 1 + [j for j, *_ in dokumen].index("laporan_e81")])
		e81 = halaman[mulai]
		self.assertGreater(float(e81.mediabox.width), float(e81.mediabox.height))
		# Chromium's PDF spaces letters its own way for text extraction: compare without whitespace
		self.assertIn("LAPORANHASILEVALUASIKINERJATRIWULAN", "".join(e81.extract_text().upper().split()))
		self.assertLess(float(halaman[1].mediabox.width), float(halaman[1].mediabox.height))
		self.assertAlmostEqual(float(halaman[1].mediabox.height) / 72 * 25.4, 330, delta=2)  # F4
		arsip = zipfile.ZipFile(io.BytesIO(frappe.get_doc("File", berkas[nama_zip].name).get_content()))
		nama = arsip.namelist()
		self.assertIn(nama_pdf, nama)
		self.assertEqual(
			sum(1 for n in nama if n.startswith("Kertas Kerja/") and n.endswith(".xlsx")), 1 + len(KABID)
		)
		self.assertIn(f"Bukti Dukung/{dkb.name}/foto-kegiatan.txt", nama)
		self.assertEqual(arsip.read(f"Bukti Dukung/{dkb.name}/foto-kegiatan.txt"), b"bukti dukung")
		# the Subkoordinator is told
		self.assertTrue(
			frappe.db.exists(
				"Notification Log",
				{"for_user": SUBKOR, "document_name": eki.name, "subject": ("like", "Paket bukti%siap%")},
			)
		)
		for n in (nama_pdf, nama_zip):  # the files on disk (the rows roll back)
			frappe.delete_doc("File", berkas[n].name, ignore_permissions=True)
		bukti.delete(ignore_permissions=True)

	def test_a_kepala_bidang_cannot_make_the_pack(self):
		eki = self.eki
		with sebagai(KABID["SLA"]), self.assertRaises(frappe.PermissionError):
			paket.pastikan_boleh(eki.name)

	def test_the_paper_of_pengaturan_sakip_sets_the_page_size_of_every_print(self):
		d1 = frappe.db.get_value("Disposisi", {"evaluasi": self.eki.name, "dari": KADIS})
		self.assertIn("page-width: 215mm;", self.cetak("lembar_disposisi", d1))  # F4 by default
		frappe.db.set_single_value("Pengaturan SAKIP", "ukuran_kertas", "A4")
		html = self.cetak("lembar_disposisi", d1)
		self.assertIn("page-width: 210mm;", html)
		self.assertIn("page-height: 297mm;", html)
		e81 = self.cetak("laporan_e81", self.eki.name)  # landscape: the sides swapped
		self.assertIn("page-width: 297mm;", e81)
		self.assertIn("page-height: 210mm;", e81)

	def test_a_lembar_disposisi_prints_the_letter_it_follows_never_the_record_id_nor_a_guessed_sifat(self):
		d1 = frappe.db.get_value("Disposisi", {"evaluasi": self.eki.name, "dari": KADIS})
		html = self.cetak("lembar_disposisi", d1)
		self.assertNotIn(d1, html)  # neither as Nomor Surat nor as Nomor Agenda
		self.assertIn("<td>Sifat</td><td>Biasa</td>", html)  # a deadline does not make it Segera
		self.assertIn("Evaluasi Kinerja Internal Triwulan III", html)  # an internal disposisi: its subject
		frappe.db.set_value(
			"Disposisi",
			d1,
			{
				"nomor_surat": "005/123/Setda",
				"tanggal_surat": f"{TAHUN_UJI}-06-29",
				"asal_surat": "Sekretariat Daerah",
				"perihal": f"Permintaan data {XSS_SKRIP}",
				"sifat_surat": "Sangat Segera",
				"klasifikasi_keamanan": "Terbatas",
				"nomor_srikandi": "SRK-2096-000123",
			},
		)
		html = self.cetak("lembar_disposisi", d1)
		for teks in (
			"005/123/Setda",
			"29 Juni 2096",
			"Sekretariat Daerah",
			f"Permintaan data {AMAN_SKRIP}",
			"<td>Sifat</td><td>Sangat Segera</td>",
			"<td>Klasifikasi</td><td>Terbatas</td>",
			"SRK-2096-000123",
		):
			self.assertIn(teks, html)
		self.assertNotIn(d1, html)

	def test_the_undangan_signed_by_the_sekretaris_says_on_behalf_of_the_kepala_dinas_with_place_and_date(
		self,
	):
		frappe.db.set_single_value("Pengaturan SAKIP", "tempat_penandatanganan", "Kota Uji")
		html = self.cetak("undangan_rapat", self.nr.name)
		an = html.index("a.n. Kepala Dinas Uji UJI")
		self.assertLess(an, html.index("Sekretaris Dinas Uji UJI,"))  # a.n. above the signer's position
		self.assertRegex(html, r"Kota Uji, \d+ Juli 2096")  # place and date, no weekday
		self.assertIn("NIP. 19800202 200501 2 002", html)
		# the Kepala Dinas's own signature carries no a.n.
		self.assertNotIn("a.n.", self.cetak("notulen_rapat", self.nr.name))

	def test_the_letter_of_a_rahasia_disposisi_opens_for_its_sender_and_addressee_alone(self):
		from sakip_evaluasi.extends.berkas import boleh_buka

		d1 = frappe.get_doc("Disposisi", {"evaluasi": self.eki.name, "dari": KADIS})
		surat = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "surat-setda.txt",
				"content": b"isi surat",
				"attached_to_doctype": "Disposisi",
				"attached_to_name": d1.name,
				"is_private": 1,
			}
		).insert(ignore_permissions=True)
		self.addCleanup(lambda: frappe.delete_doc("File", surat.name, ignore_permissions=True, force=True))
		self.assertTrue(frappe.has_permission("Disposisi", "read", d1.name, user=SUBKOR))
		self.assertTrue(frappe.has_permission("File", "read", surat, user=SUBKOR))  # Biasa: whoever reads it
		frappe.db.set_value("Disposisi", d1.name, "klasifikasi_keamanan", "Rahasia")
		surat.reload()
		self.assertFalse(frappe.has_permission("File", "read", surat, user=SUBKOR))
		with sebagai(SUBKOR):
			self.assertFalse(surat.is_downloadable())
		for user in (KADIS, SEKRETARIS):  # the sender and the addressee
			self.assertTrue(boleh_buka(surat, user))
			with sebagai(user):
				self.assertTrue(surat.is_downloadable())
		# and the evidence pack the Subkoordinator asks for leaves it out
		with sebagai(SUBKOR):
			self.assertEqual(paket.lampiran(self.eki.name), [])

	def test_the_official_pdf_is_printed_by_chromium_with_its_paper_and_headings_on_every_page(self):
		from sakip_evaluasi.cetak.pdf import pakai_chromium

		pakai_chromium()
		doctype, print_format = CETAKAN["laporan_e81"]
		pdf = frappe.get_print(doctype, self.eki.name, print_format, as_pdf=True)
		halaman = PdfReader(io.BytesIO(pdf)).pages
		self.assertGreater(float(halaman[0].mediabox.width), float(halaman[0].mediabox.height))
		self.assertAlmostEqual(float(halaman[0].mediabox.width) / 72 * 25.4, 330, delta=2)
		self.assertIn("Indikator", halaman[0].extract_text())
		self.assertNotIn(self.eki.name, " ".join(h.extract_text() for h in halaman))

	def test_the_patch_names_the_bidang_in_draft_recommendations_kept_with_its_code(self):
		from sakip_evaluasi.patches import rekomendasi_dengan_nama_bidang

		kode = self.bidang["SLA"]
		nama = frappe.db.get_value("Bidang", kode, "nama_bidang")
		self.assertNotEqual(nama, kode)
		lama = f"Indikator turun. Rekomendasi: {kode} menyusun dan melaksanakan langkah percepatan."
		frappe.db.set_value("Rekomendasi Rapat", {"parent": self.nr.name, "idx": 1}, "rekomendasi", lama)
		rekomendasi_dengan_nama_bidang.execute()
		baru = frappe.db.get_value("Rekomendasi Rapat", {"parent": self.nr.name, "idx": 1}, "rekomendasi")
		self.assertEqual(baru, lama.replace(f"Rekomendasi: {kode} ", f"Rekomendasi: {nama} "))
		self.assertNotIn(kode, self.cetak("notulen_rapat", self.nr.name).split("</style>", 1)[1])
