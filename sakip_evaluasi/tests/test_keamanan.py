"""Hostile input and anonymous callers: Guest is refused on every endpoint of the app, markup typed
into the free-text fields never comes back executable (form, list, report, print, notification,
e-mail), attachments are stored private and an Attach field holds a file link only, and the work
paper upload is rate-limited per user with a message in Bahasa Indonesia. Every refusal is tried as
the real role and leaves the data as it was."""

import email
import re
from unittest.mock import patch

import frappe
from frappe.desk.form.load import getdoc
from frappe.desk.query_report import run as jalankan_laporan
from frappe.desk.reportview import get as daftar
from frappe.email.doctype.email_account.email_account import EmailAccount

from sakip_evaluasi.api.kertas_kerja import BATAS_UNGGAH_PER_MENIT
from sakip_evaluasi.aturan.kertas_kerja import pastikan_kunci_situs, rahasia
from sakip_evaluasi.domain.doctype import DKB
from sakip_evaluasi.extends.berkas import MODUL
from sakip_evaluasi.sla.notifikasi import kirim_tertunda
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, SEKRETARIS, SUBKOR, TAHUN_UJI, UjiIsian, sebagai
from sakip_evaluasi.tests.rest import rest, sumber
from sakip_evaluasi.tests.titik_akhir import app_endpoints

KABID = {"KMA": "kabid.kma@test.sakip", "KMB": "kabid.kmb@test.sakip"}
RACUN = "<img src=x onerror=alert('xss')><script>alert(\"xss\")</script> Bendungan & irigasi"
# What of the payload would run in a browser: its script element, or its event handler as an attribute
# of a tag (the page's own scripts and handlers, e.g. the print view's, are not the payload's).
EKSEKUTABEL = re.compile(r"<script[^>]*>[^<]*xss|<[a-z][^>]*\sonerror\s*=", re.I)
TEKS_BEBAS = ("Data", "Small Text", "Text", "Long Text", "Text Editor", "Markdown Editor", "HTML Editor")
# Fields Frappe does not sanitise on save, and why each is safe.
BUKAN_HTML = {
	("Langkah SOP", "syarat_dokumen"): "a Python condition shown in the code editor, never as HTML",
}


def laporan_aplikasi() -> list[str]:
	"""Every report of the app, read from the site: a report added later is covered without an edit."""
	return frappe.get_all("Report", filters={"module": MODUL}, pluck="name", order_by="name")


def boleh_laporan(user: str, laporan: str) -> bool:
	return bool(set(frappe.get_roles(user)) & {r.role for r in frappe.get_doc("Report", laporan).roles})


def cetakan_aplikasi(doctype: str) -> list[str | None]:
	"""The prints of ``doctype`` a user can choose: Frappe's standard one (None) and every Print Format
	of the app for it, read from the site (a print format added later is covered without an edit)."""
	return [
		None,
		*frappe.get_all(
			"Print Format", filters={"module": MODUL, "doc_type": doctype, "disabled": 0}, pluck="name"
		),
	]


class TestKeamanan(UjiIsian):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.bidang = pabrik.siapkan_bidang(KABID, "Bidang Keamanan")
		pabrik.buat_indikator(cls.bidang["KMA"], RACUN, (10, 20, 30, 40), sasaran_strategis=RACUN, satuan="%")
		pabrik.buat_indikator(cls.bidang["KMB"], "Persentase irigasi baik", (25, 25, 25, 25))
		cls.kke = pabrik.siapkan_kertas_kerja("III", "Didistribusikan").name
		cls.evaluasi = frappe.db.get_value("Kertas Kerja Evaluasi", cls.kke, "evaluasi")
		cls.dkb = frappe.db.get_value(DKB, {"kertas_kerja": cls.kke, "bidang": cls.bidang["KMA"]})

	def setUp(self):
		super().setUp()
		frappe.cache.delete_keys("rl:")

	def assertTidakEksekutabel(self, teks, tempat: str):
		self.assertIsNone(EKSEKUTABEL.search(str(teks)), f"executable markup in {tempat}: {teks!s:.400}")

	# --- Guest ----------------------------------------------------------------------------------------

	def test_guest_is_refused_on_every_endpoint_of_the_app(self):
		# but the public verification of electronically signed documents, open to anyone with the QR
		# code or the PDF, rate-limited and showing nothing else (test_tte)
		publik = {"sakip_evaluasi.api.tte.verifikasi"}
		self.assertLessEqual(publik, set(app_endpoints()))
		titik = [t for t in app_endpoints() if t not in publik]
		self.assertGreaterEqual(len(titik), 6, titik)
		lama = [
			path
			for path, ganti in frappe.get_hooks("override_whitelisted_methods").items()
			if ganti[-1].startswith("sakip_evaluasi.")
		]
		self.assertGreaterEqual(len(lama), 5)
		for path in [*titik, *lama]:
			fn = frappe.get_attr(frappe.get_hooks("override_whitelisted_methods").get(path, [path])[-1])
			self.assertIn(fn, frappe.whitelisted, path)
			self.assertNotIn(fn, frappe.guest_methods, path)
			for metode in frappe.allowed_http_methods_for_whitelisted_func.get(fn, ("GET", "POST")):
				with self.subTest(path=path, metode=metode):
					jawab = rest("Guest", metode, f"/api/method/{path}", {} if metode != "GET" else None)
					self.assertEqual(jawab.status, 403, (jawab.status, jawab.pesan))

	def test_guest_reads_no_document_list_report_or_print_of_the_app(self):
		for doctype in frappe.get_all("DocType", filters={"module": MODUL, "istable": 0}, pluck="name"):
			with self.subTest(doctype=doctype):
				self.assertEqual(rest("Guest", "GET", sumber(doctype)).status, 403)
		self.assertEqual(rest("Guest", "GET", sumber(DKB, self.dkb)).status, 403)
		laporan_semua = laporan_aplikasi()
		self.assertGreaterEqual(len(laporan_semua), 4, laporan_semua)
		for laporan in laporan_semua:
			with self.subTest(laporan=laporan):
				jawab = rest(
					"Guest", "GET", f"/api/method/frappe.desk.query_report.run?report_name={laporan}"
				)
				self.assertEqual(jawab.status, 403)
		for cetakan in cetakan_aplikasi(DKB):
			with self.subTest(cetakan=cetakan):
				jawab = rest(
					"Guest",
					"GET",
					f"/api/method/frappe.www.printview.get_html_and_style?doc={DKB}&name={self.dkb}"
					+ (f"&print_format={cetakan}" if cetakan else ""),
				)
				self.assertEqual(jawab.status, 403)

	# --- XSS ------------------------------------------------------------------------------------------

	def test_every_free_text_field_is_sanitised_on_save(self):
		bebas = []
		for doctype in frappe.get_all("DocType", filters={"module": MODUL}, pluck="name"):
			for df in frappe.get_meta(doctype).fields:
				if (doctype, df.fieldname) in BUKAN_HTML:
					continue
				if df.fieldtype in TEKS_BEBAS:
					bebas.append((doctype, df.fieldname))
					self.assertFalse(df.ignore_xss_filter, f"{doctype}.{df.fieldname} skips the XSS filter")
				self.assertNotIn(df.fieldtype, ("Code", "HTML Editor"), f"{doctype}.{df.fieldname}")
		self.assertGreaterEqual(len(bebas), 40)

	def isi_racun(self):
		"""Markup typed by the real roles into the free text of the cycle: a Kabid's kendala and upaya
		(the form's save), a Kadis's disposisi note (REST)."""
		with sebagai(KABID["KMA"]):
			doc = frappe.get_doc(DKB, self.dkb)
			for row in doc.baris:
				row.realisasi, row.kendala, row.upaya = "25", RACUN, RACUN
			doc.save()
		jawab = rest(
			KADIS,
			"POST",
			sumber("Disposisi"),
			{
				"evaluasi": self.evaluasi,
				"dari": KADIS,
				"kepada": SEKRETARIS,
				"catatan": RACUN,
				"instruksi": [{"instruksi": "Untuk ditindaklanjuti"}],
			},
		)
		self.assertEqual(jawab.status, 200, jawab.pesan)
		return jawab.hasil["name"]

	def test_markup_in_free_text_never_comes_back_executable(self):
		disposisi = self.isi_racun()
		dokumen = [(DKB, self.dkb, SUBKOR), ("Disposisi", disposisi, SEKRETARIS)]
		ik = frappe.get_all("Indikator Kinerja", filters={"bidang": self.bidang["KMA"]}, pluck="name")
		dokumen.append(("Indikator Kinerja", ik[0], SEKRETARIS))
		# the work paper and the evaluation carry the indicator's name and the rows' kendala
		dokumen += [
			("Kertas Kerja Evaluasi", self.kke, SUBKOR),
			("Evaluasi Kinerja Internal", self.evaluasi, SUBKOR),
		]
		baris = frappe.get_all("Baris Data Kinerja", filters={"parent": self.dkb}, fields=["kendala"])
		self.assertIn("Bendungan &amp; irigasi", baris[0].kendala, "the text itself is kept")
		for doctype, name, pembaca in dokumen:
			with sebagai(pembaca):
				getdoc(doctype, name)
				self.assertTidakEksekutabel(frappe.as_json(frappe.response.docs), f"form {doctype}")
				frappe.local.form_dict = frappe._dict(doctype=doctype, fields=["*"], filters={"name": name})
				hasil = daftar()
				self.assertTidakEksekutabel(frappe.as_json(hasil), f"list {doctype}")
				for cetakan in cetakan_aplikasi(doctype):
					self.assertTidakEksekutabel(
						frappe.get_print(doctype, name, cetakan),
						f"print {cetakan or 'standard'} of {doctype}",
					)
		for laporan in laporan_aplikasi():
			# as the Subkoordinator, or (a Pemda-wide report) as a user the report allows
			pembaca = SUBKOR if boleh_laporan(SUBKOR, laporan) else "Administrator"
			with sebagai(pembaca), self.subTest(laporan=laporan):
				hasil = jalankan_laporan(laporan, filters={"tahun": TAHUN_UJI, "triwulan": "III"})
				self.assertTidakEksekutabel(frappe.as_json(hasil), f"report {laporan}")
		self.assertIn(
			"Bendungan",
			frappe.as_json(
				jalankan_laporan("Rekap Capaian Kinerja", filters={"tahun": TAHUN_UJI, "triwulan": "III"})
			),
		)

	def test_markup_in_a_realisasi_is_shown_back_as_text(self):
		with sebagai(KABID["KMA"]):
			doc = frappe.get_doc(DKB, self.dkb)
			doc.baris[0].realisasi = RACUN
			pesan = self.assertDitolak(
				doc.save, "bukan angka", jenis=frappe.ValidationError, dokumen=[(DKB, self.dkb)]
			)
		self.assertTrue(frappe.local.message_log)
		self.assertTidakEksekutabel(frappe.local.message_log[-1], "the refused save's message")
		self.assertIn("bukan angka", pesan)

	def test_an_attach_field_holds_a_file_link_only(self):
		for nilai in (RACUN, "javascript:alert(1)", '/files/a.pdf"><img src=x onerror=alert(1)>'):
			with self.subTest(nilai=nilai):
				with sebagai(KABID["KMA"]):
					doc = frappe.get_doc(DKB, self.dkb)
					doc.baris[0].bukti_dukung = nilai
					data = frappe.parse_json(frappe.as_json(doc.as_dict()))
				sebelum = frappe.get_doc(DKB, self.dkb).as_dict()
				jawab = rest(KABID["KMA"], "PUT", sumber(DKB, self.dkb), data)
				self.assertEqual(jawab.status, 417, jawab.pesan)
				self.assertIn("Bukti Dukung (baris 1): isinya bukan berkas lampiran", jawab.pesan)
				self.assertIn("Tidak ada data yang diubah", jawab.pesan)
				self.assertEqual(frappe.get_doc(DKB, self.dkb).as_dict(), sebelum)
		with sebagai(KABID["KMA"]):
			doc = frappe.get_doc(DKB, self.dkb)
			doc.baris[0].bukti_dukung = "/private/files/bukti jalan mantap.pdf"
			doc.save()

	def test_notifications_and_emails_show_markup_as_text(self):
		pabrik.buat_akun_surel("SAKIP Uji Keamanan", "sakip-uji-keamanan@test.sakip")
		frappe.local.outgoing_email_account = {}
		self.addCleanup(setattr, frappe.local, "outgoing_email_account", {})
		self.addCleanup(setattr, frappe.flags, "mute_emails", frappe.flags.mute_emails)
		frappe.flags.mute_emails = False
		# Text that reached the clocks and the user record by another road than a desk save
		# (an import, an older version): the messages escape it themselves.
		frappe.db.set_value("User", SUBKOR, "first_name", RACUN)
		langkah = frappe.get_all("Langkah Evaluasi", filters={"evaluasi": self.evaluasi}, pluck="name")
		frappe.db.sql(
			"update `tabLangkah Evaluasi` set kegiatan = %s, status_sla = 'Terlambat', notifikasi_tertunda = 1,"
			" gagal_notifikasi = 0 where name in %s",
			(RACUN, langkah),
		)
		sejak = frappe.utils.now_datetime()
		with patch.object(EmailAccount, "find_from_config", return_value=None):
			self.assertGreater(kirim_tertunda(commit=False), 0)
		log = frappe.get_all(
			"Notification Log",
			filters={"document_type": "Langkah Evaluasi", "document_name": ("in", langkah)},
			fields=["subject", "email_content"],
		)
		surel = frappe.get_all(
			"Email Queue",
			filters={"reference_doctype": "Langkah Evaluasi", "creation": (">=", sejak)},
			pluck="message",
		)
		self.assertTrue(log and surel)
		# The HTML part is what a mail client renders (the plain-text part shows the text as typed).
		surel = [
			bagian.get_payload(decode=True).decode()
			for pesan in surel
			for bagian in email.message_from_string(pesan).walk()
			if bagian.get_content_type() == "text/html"
		]
		for teks in [*[(n.subject, n.email_content) for n in log], *surel]:
			self.assertTidakEksekutabel(teks, "a notification or e-mail")
		self.assertIn("&lt;script&gt;", log[0].email_content, "the text is shown, escaped")

	# --- files ----------------------------------------------------------------------------------------

	def unggah(self, user, nama, isi=b"%PDF-1.4 bukti", is_private=0):
		return rest(
			user,
			"POST",
			"/api/method/upload_file",
			form={
				"doctype": DKB,
				"docname": self.dkb,
				"is_private": str(is_private),
				"folder": "Home/Attachments",
			},
			berkas={"file": (isi, nama)},
		)

	def test_attachments_of_the_app_are_stored_private(self):
		for nama, isi in (
			("bukti jalan.pdf", b"%PDF-1.4 bukti keamanan"),
			("kertas kerja.xlsx", b"PK\x03\x04 isi"),
		):
			with self.subTest(nama=nama):
				jawab = self.unggah(KABID["KMA"], nama, isi, is_private=0)
				self.assertEqual(jawab.status, 200, jawab.pesan)
				berkas = frappe.get_doc("File", jawab.hasil["name"])
				self.assertEqual(berkas.is_private, 1)
				self.assertTrue(berkas.file_url.startswith("/private/files/"), berkas.file_url)
				self.assertTrue(berkas.exists_on_disk())
				publik = frappe.get_site_path("public", "files", berkas.file_name)
				self.assertFalse(frappe.utils.os.path.exists(publik), "no public copy is left")
				# Guest cannot fetch it; it cannot be made public.
				self.assertEqual(rest("Guest", "GET", sumber("File", berkas.name)).status, 403)
				berkas.is_private = 0
				with self.assertRaises(frappe.PermissionError):
					berkas.save(ignore_permissions=True)

	# --- rate limit -----------------------------------------------------------------------------------

	def test_the_upload_endpoint_is_rate_limited_per_user_with_a_clear_message(self):
		impor = "/api/method/sakip_evaluasi.api.kertas_kerja.impor"
		sebelum = frappe.get_doc(DKB, self.dkb).as_dict()
		for _i in range(BATAS_UNGGAH_PER_MENIT):
			jawab = rest(KABID["KMA"], "POST", impor, {"doctype": DKB, "docname": self.dkb})
			self.assertEqual(jawab.status, 417, jawab.pesan)  # no file chosen: answered, not limited
			self.assertIn("Pilih berkas kertas kerja", jawab.pesan)
		jawab = rest(KABID["KMA"], "POST", impor, {"doctype": DKB, "docname": self.dkb})
		self.assertEqual(jawab.status, 429, jawab.pesan)
		self.assertIn(
			f"Anda sudah mengunggah {BATAS_UNGGAH_PER_MENIT} kertas kerja dalam satu menit", jawab.pesan
		)
		self.assertIn("tidak ada data yang diubah", jawab.pesan)
		self.assertNotIn("rate limit", jawab.pesan)
		self.assertEqual(frappe.get_doc(DKB, self.dkb).as_dict(), sebelum)
		# Per user: another user is not held up by it.
		jawab = rest(SUBKOR, "POST", impor, {"doctype": DKB, "docname": self.dkb})
		self.assertNotEqual(jawab.status, 429, jawab.pesan)

	# --- The key of the work paper signature --------------------------------------------------------

	def test_a_site_without_a_key_gets_one_key_at_install_and_migrate_not_at_its_first_requests(self):
		tanpa_kunci = frappe._dict({k: v for k, v in frappe.local.conf.items() if k != "encryption_key"})
		with (
			patch.object(frappe.local, "conf", tanpa_kunci),
			patch("frappe.installer.update_site_config") as tulis,
		):
			pastikan_kunci_situs()
			self.assertEqual(tulis.call_count, 1)
			argumen = tulis.call_args.args
			self.assertEqual(argumen[0], "encryption_key")
			self.assertEqual(tanpa_kunci.encryption_key, argumen[1])
			kunci = rahasia()
			pastikan_kunci_situs()  # there now: kept, not made again
			self.assertEqual(tulis.call_count, 1)
			self.assertEqual(rahasia(), kunci)
		self.assertIn("encryption_key", frappe.local.conf, "the site's own key is untouched")
