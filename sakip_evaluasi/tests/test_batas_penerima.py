"""The OPD boundary holds for the people named on a document: a Disposisi's sender and addressee, a
meeting's chair, minute-taker and participants, an evaluation's officials accept only users who may act
in the document's OPD, through the form, REST and Data Import alike; the form's search offers only
them; nothing (bell, e-mail, calendar Event, ToDo) reaches a user of another OPD; and a meeting still
takes guests from other agencies by name."""

import frappe

from sakip_evaluasi.domain.doctype import NOTULEN as NR
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import KADIS, LAIN, SEKRETARIS, SUBKOR, UjiIsian, aksi, sebagai
from sakip_evaluasi.tests.rest import rest, sumber

NAMA_SEK_LAIN = "Sekretaris Lain"  # the full name pabrik.buat_user gives sekretaris.lain@test.sakip


class TestBatasPenerima(UjiIsian):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		pabrik.buat_pejabat()
		pabrik.buat_opd_lain()
		if not frappe.db.exists("Instruksi Disposisi", "Untuk ditindaklanjuti"):
			frappe.get_doc({"doctype": "Instruksi Disposisi", "instruksi": "Untuk ditindaklanjuti"}).insert()
		cls.eki = pabrik.buat_evaluasi().name

	def disposisi(self, kepada: str) -> dict:
		return {
			"doctype": "Disposisi",
			"evaluasi": self.eki,
			"dari": KADIS,
			"kepada": kepada,
			"instruksi": [{"instruksi": "Untuk ditindaklanjuti"}],
		}

	def notulen(self, **isian):
		with sebagai(SUBKOR):
			return frappe.get_doc(
				{
					"doctype": NR,
					"evaluasi": self.eki,
					"tanggal_rapat": "2096-10-12",
					"jam_mulai": "09:00:00",
					"tempat": "Aula",
					**isian,
				}
			).insert()

	def test_a_disposisi_to_another_opds_official_is_refused_in_the_form_and_rest(self):
		sebelum = frappe.db.count("Disposisi")
		with sebagai(KADIS):
			self.assertDitolak(
				lambda: frappe.get_doc(self.disposisi(LAIN["sekretaris"])).insert(),
				NAMA_SEK_LAIN,
				"Dinas Uji Lain",
				"Dinas Uji UJI (UJI)",
				"belum disimpan",
				jenis=frappe.ValidationError,
			)
		jawab = rest(KADIS, "POST", sumber("Disposisi"), self.disposisi(LAIN["sekretaris"]))
		self.assertEqual(jawab.status, 417, jawab.pesan)
		self.assertIn(NAMA_SEK_LAIN, jawab.pesan)
		self.assertNotIn(LAIN["sekretaris"], jawab.pesan)  # by name, never by login
		self.assertEqual(frappe.db.count("Disposisi"), sebelum)
		# its own OPD's Sekretaris is accepted
		with sebagai(KADIS):
			frappe.get_doc(self.disposisi(SEKRETARIS)).insert()

	def test_another_opds_user_is_refused_as_participant_chair_or_minute_taker(self):
		for isian, potongan in (
			({"peserta": [{"peserta": LAIN["kadis"], "jabatan": "Kepala Dinas"}]}, "Peserta baris 1"),
			({"pimpinan_rapat": LAIN["kadis"]}, "Pimpinan Rapat"),
			({"notulis": LAIN["subkor"]}, "Notulis"),
		):
			with self.subTest(isian=list(isian)):
				frappe.db.savepoint("subtes")  # each case on its own, whatever the one before did
				sebelum = frappe.db.count(NR)
				try:
					self.assertDitolak(
						lambda isian=isian: self.notulen(**isian),
						potongan,
						"Dinas Uji Lain",
						jenis=frappe.ValidationError,
					)
					self.assertEqual(frappe.db.count(NR), sebelum)
				finally:
					frappe.db.rollback(save_point="subtes")
		# a participant added to an existing meeting, by REST, is refused too
		nr = self.notulen()
		peserta = [*(p.as_dict() for p in nr.peserta), {"peserta": LAIN["kadis"]}]
		jawab = rest(SUBKOR, "PUT", sumber(NR, nr.name), {"peserta": peserta})
		self.assertEqual(jawab.status, 417, jawab.pesan)
		self.assertIn("Kadis Lain", jawab.pesan)
		self.assertNotIn(LAIN["kadis"], [p.peserta for p in frappe.get_doc(NR, nr.name).peserta])

	def test_an_evaluation_cannot_name_another_opds_official(self):
		jawab = rest(
			KADIS,
			"POST",
			sumber("Evaluasi Kinerja Internal"),
			{"opd": "UJI", "tahun": 2096, "triwulan": "IV", "sekretaris": LAIN["sekretaris"]},
		)
		self.assertEqual(jawab.status, 417, jawab.pesan)
		self.assertIn(NAMA_SEK_LAIN, jawab.pesan)
		self.assertFalse(
			frappe.db.exists("Evaluasi Kinerja Internal", {"opd": "UJI", "triwulan": "IV", "tahun": 2096})
		)

	def test_guests_without_an_account_are_named_and_get_no_calendar_event(self):
		nr = self.notulen()
		with sebagai(SUBKOR):
			nr = frappe.get_doc(NR, nr.name)
			nr.append("peserta", {"nama": "Dr. Wahyu Inspektur", "instansi": "Inspektorat Daerah"})
			nr.save()
		nr = aksi(nr, "Kirim Undangan", SUBKOR)
		tamu = [p for p in nr.peserta if not p.peserta]
		self.assertEqual(
			[(p.nama, p.instansi) for p in tamu], [("Dr. Wahyu Inspektur", "Inspektorat Daerah")]
		)
		pemilik = frappe.db.sql_list(
			"""select e.owner from `tabEvent` e join `tabEvent Participants` p on p.parent = e.name
			where p.reference_docname = %s""",
			nr.name,
		)
		self.assertEqual(sorted(pemilik), sorted(p.peserta for p in nr.peserta if p.peserta))

	def test_a_guest_row_needs_a_name(self):
		self.assertDitolak(
			lambda: self.notulen(peserta=[{"instansi": "Bappeda"}]),
			"Peserta baris 1",
			"Nama",
			jenis=frappe.ValidationError,
		)

	def test_nothing_reaches_a_user_of_another_opd_already_named(self):
		"""A document saved before the rule (its stored names are not asked again) sends nothing across."""
		nr = self.notulen()
		frappe.get_doc(
			{
				"doctype": "Peserta Rapat",
				"parent": nr.name,
				"parenttype": NR,
				"parentfield": "peserta",
				"idx": len(nr.peserta) + 1,
				"peserta": LAIN["kadis"],
				"nama": "Kadis Lain",
			}
		).db_insert()
		with sebagai(KADIS):
			dp = frappe.get_doc(self.disposisi(SEKRETARIS)).insert()
		frappe.db.set_value("Disposisi", dp.name, "kepada", LAIN["sekretaris"])
		aksi(frappe.get_doc(NR, nr.name), "Kirim Undangan", SUBKOR)
		aksi(frappe.get_doc("Disposisi", dp.name), "Kirim", KADIS)
		for user in (LAIN["kadis"], LAIN["sekretaris"]):
			with self.subTest(user=user):
				self.assertFalse(frappe.db.exists("Event", {"owner": user}))
				self.assertFalse(frappe.db.exists("Notification Log", {"for_user": user}))
				self.assertFalse(frappe.db.exists("Email Queue Recipient", {"recipient": user}))
		# the meeting's own participants were invited
		self.assertTrue(frappe.db.exists("Event", {"owner": SEKRETARIS}))

	def test_the_forms_search_offers_only_users_of_the_documents_opd(self):
		for field in ("kepada", "dari"):
			with self.subTest(field=field):
				jawab = rest(
					KADIS,
					"POST",
					"/api/method/frappe.desk.search.search_link",
					{
						"doctype": "User",
						"txt": "",
						"query": "sakip_evaluasi.api.opd.cari_pengguna_opd",
						"filters": {"opd": "UJI", "doctype": "Disposisi", "field": field},
						"page_length": 50,
					},
				)
				self.assertEqual(jawab.status, 200, jawab.pesan)
				ditawarkan = {r["value"] for r in jawab.hasil}
				self.assertLessEqual({KADIS, SEKRETARIS, SUBKOR}, ditawarkan)
				self.assertFalse(ditawarkan & set(LAIN.values()), ditawarkan)
		# the chair, the minute-taker and the participants' rows ask for it in the form's script
		for doctype, fields in (
			("Disposisi", ("dari", "kepada")),
			(NR, ("pimpinan_rapat", "notulis", "peserta")),
		):
			skrip = open(
				frappe.get_app_path(
					"sakip_evaluasi",
					"sakip_evaluasi",
					"doctype",
					frappe.scrub(doctype),
					f"{frappe.scrub(doctype)}.js",
				)
			).read()
			self.assertIn("sakip_evaluasi.api.opd.cari_pengguna_opd", skrip)
			for field in fields:
				self.assertIn(f'"{field}"', skrip)

	def test_the_patch_removes_events_and_todos_of_another_opd_and_guards_the_invitation(self):
		from sakip_evaluasi.patches import batasi_penerima_opd

		nr = self.notulen()
		with sebagai(KADIS):
			dp = frappe.get_doc(self.disposisi(SEKRETARIS)).insert()
		acara = {}
		for user in (SEKRETARIS, LAIN["kadis"]):
			ev = frappe.get_doc(
				{
					"doctype": "Event",
					"subject": "Undangan rapat",
					"starts_on": "2096-10-12 09:00:00",
					"event_type": "Private",
					"event_participants": [{"reference_doctype": NR, "reference_docname": nr.name}],
				}
			).insert(ignore_permissions=True)
			frappe.db.set_value("Event", ev.name, "owner", user, update_modified=False)
			acara[user] = ev.name
		todo = {
			user: frappe.get_doc(
				{
					"doctype": "ToDo",
					"allocated_to": user,
					"description": "Disposisi",
					"reference_type": "Disposisi",
					"reference_name": dp.name,
				}
			)
			.insert(ignore_permissions=True)
			.name
			for user in (SEKRETARIS, LAIN["sekretaris"])
		}
		# a site where the invitation still reads the participants' table itself
		undangan = "SAKIP: Notulen Rapat Undangan Dikirim (lonceng)"
		frappe.db.set_value(
			"Notification Recipient",
			{"parent": undangan},
			{"receiver_by_document_field": "peserta,peserta", "cc": None},
		)
		batasi_penerima_opd.execute()
		self.assertTrue(frappe.db.exists("Event", acara[SEKRETARIS]))
		self.assertFalse(frappe.db.exists("Event", acara[LAIN["kadis"]]))
		self.assertTrue(frappe.db.exists("ToDo", todo[SEKRETARIS]))
		self.assertFalse(frappe.db.exists("ToDo", todo[LAIN["sekretaris"]]))
		penerima = frappe.get_doc("Notification", undangan).recipients
		self.assertEqual(
			[(r.receiver_by_document_field, r.cc) for r in penerima],
			[(None, "{{ penerima_serah(doc, 'peserta.peserta') }}")],
		)
