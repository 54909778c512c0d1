"""Factories shared by the integration tests (run by ``bench run-tests --app sakip_evaluasi``)."""

import html
import json
from collections.abc import Iterator
from contextlib import contextmanager

import frappe
import frappe.api.v1
import frappe.client
from frappe.cache_manager import user_cache_keys
from frappe.desk.form.save import savedocs
from frappe.tests.utils import FrappeTestCase

from sakip_evaluasi.aturan.pelaku import jalankan_aksi, sebagai  # noqa: F401 (the tests' actors)
from sakip_evaluasi.aturan.pk_dari_indikator import pk_dari_indikator
from sakip_evaluasi.aturan.siklus import sistem
from sakip_evaluasi.domain import peran


class SakipTestCase(FrappeTestCase):
	"""Each test starts from the state its class set up.

	FrappeTestCase rolls back once per class; here every test also rolls back to a savepoint
	taken before it, so fixtures made in ``setUpClass`` are built once and shared.
	"""

	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		# Workflow Action e-mails attach a print of the document; as HTML the tests need no
		# wkhtmltopdf and no resolvable site host (rolled back with the class).
		frappe.db.set_single_value("Print Settings", "send_print_as_pdf", 0)

	def setUp(self) -> None:
		super().setUp()
		frappe.db.savepoint("sakip_test")
		# Rate-limit counters live in Redis (not rolled back): each test starts with none.
		frappe.cache.delete_keys("rl:")

	def tearDown(self) -> None:
		frappe.set_user("Administrator")
		frappe.db.rollback(save_point="sakip_test")
		# A savepoint rollback runs no rollback watchers: drop the document caches the test
		# touched, and the per-user caches (roles, User Permissions) that Redis keeps.
		frappe.db.after_rollback.run()
		frappe.db.value_cache.clear()
		for key in user_cache_keys:
			frappe.cache.delete_key(key)
		super().tearDown()

	def assertPesan(self, fn, *potongan, jenis=frappe.ValidationError) -> str:
		"""``fn`` is refused with ``jenis`` and a message (HTML stripped) holding every ``potongan``."""
		with self.assertRaises(jenis) as ctx:
			fn()
		# as the user reads it: the tags gone and the escaped characters (&apos; …) shown
		pesan = html.unescape(frappe.utils.strip_html(str(ctx.exception)))
		for p in potongan:
			self.assertIn(p, pesan)
		return pesan

	def assertSimpanDitolak(self, doc, *potongan) -> str:
		"""Saving ``doc`` is refused as not the user's to change: a PermissionError whose message holds
		every ``potongan`` and says nothing was changed."""
		return self.assertPesan(
			doc.save, *potongan, "Tidak ada data yang diubah", jenis=frappe.PermissionError
		)


def buat_user(email: str, *roles: str, enabled: int = 1) -> str:
	"""A desk user with exactly the given roles (created once, reused across tests).

	Every save of a User clears the whole site cache (Frappe's ``ask_pass_update`` rewrites a global
	default), which the next steps then rebuild, DocType by DocType: a user already as asked is
	left alone, a new one is inserted with its roles in one save.
	"""
	peran_diminta = sorted(set(roles))
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0].replace(".", " ").title(),
				"send_welcome_email": 0,
				"user_type": "System User",
				"enabled": enabled,
				"roles": [{"role": r} for r in peran_diminta],
			}
		).insert(ignore_permissions=True)
		return email
	if frappe.db.get_value("User", email, "enabled") == enabled and peran_diminta == sorted(
		frappe.get_all("Has Role", filters={"parent": email, "parenttype": "User"}, pluck="role")
	):
		return email
	user = frappe.get_doc("User", email)
	user.flags.ignore_permissions = True
	user.enabled = enabled
	user.set("roles", [{"role": r} for r in roles])
	user.save()
	return email


# The tests' own OPD (a second one, OPD_LAIN, for isolation tests).
OPD_UJI = "UJI"
OPD_LAIN = "UJI-LAIN"


def buat_opd(kode: str = OPD_UJI, nama: str | None = None, **pejabat) -> str:
	"""An OPD (created once, its officials updated to ``pejabat`` when given)."""
	if not frappe.db.exists("OPD", kode):
		frappe.get_doc(
			{"doctype": "OPD", "kode": kode, "nama_opd": nama or f"Dinas Uji {kode}", **pejabat}
		).insert(ignore_permissions=True)
	elif pejabat:
		doc = frappe.get_doc("OPD", kode)
		if any(doc.get(field) != nilai for field, nilai in pejabat.items()):
			doc.update(pejabat)
			doc.save(ignore_permissions=True)
	return kode


# A second OPD with its own officials: what the first must never reach.
LAIN = {
	"kadis": "kadis.lain@test.sakip",
	"sekretaris": "sekretaris.lain@test.sakip",
	"subkor": "subkor.lain@test.sakip",
}


def buat_opd_lain() -> str:
	"""OPD_LAIN ("Dinas Uji Lain") with its Kepala Dinas, Sekretaris and Subkoordinator (LAIN)."""
	buat_user(LAIN["kadis"], peran.KEPALA_DINAS)
	buat_user(LAIN["sekretaris"], peran.SEKRETARIS)
	buat_user(LAIN["subkor"], peran.SUBKOOR)
	return buat_opd(
		OPD_LAIN,
		"Dinas Uji Lain",
		kepala_dinas=LAIN["kadis"],
		sekretaris=LAIN["sekretaris"],
		subkoordinator=LAIN["subkor"],
	)


def buat_bidang(
	nama: str, kode: str, kepala_bidang: str | None = None, opd: str = OPD_UJI
) -> "frappe.model.document.Document":
	buat_opd(opd)
	if frappe.db.exists("Bidang", f"{opd}-{kode.upper()}"):
		frappe.delete_doc("Bidang", f"{opd}-{kode.upper()}", force=True, ignore_permissions=True)
	return frappe.get_doc(
		{"doctype": "Bidang", "opd": opd, "nama_bidang": nama, "kode": kode, "kepala_bidang": kepala_bidang}
	).insert(ignore_permissions=True)


def buat_bidang_berkepala(kepala: dict[str, str], awalan: str) -> dict[str, str]:
	"""One Bidang "<awalan> <kode>" per code, headed by its user (made as needed): {kode: Bidang}.

	The user is made with the Kepala Bidang role the Bidang gives them, so the Bidang need not save
	the User again (each User save clears the site cache)."""
	bidang = {}
	for kode, user in kepala.items():
		buat_user(user, peran.KEPALA_BIDANG)
		bidang[kode] = buat_bidang(f"{awalan} {kode}", kode, user).name
	return bidang


# The period the tests evaluate: a year no real or demo data uses (the demo works in 2026), so
# the suite also runs on a site that holds evaluations; Kertas Kerja rows come only from
# indicators with a target for this year, i.e. the tests' own.
TAHUN_UJI = 2096

KADIS = "kadis@test.sakip"
SEKRETARIS = "sekretaris@test.sakip"
SUBKOR = "subkor@test.sakip"


def buat_pejabat(opd: str = OPD_UJI) -> None:
	"""One user per SOP actor, each with only the role its steps need, set on the tests' OPD."""
	buat_user(KADIS, peran.KEPALA_DINAS)
	buat_user(SEKRETARIS, peran.SEKRETARIS)
	buat_user(SUBKOR, peran.SUBKOOR)
	buat_opd(opd, kepala_dinas=KADIS, sekretaris=SEKRETARIS, subkoordinator=SUBKOR)


def siapkan_bidang(kepala: dict[str, str], awalan: str) -> dict[str, str]:
	"""The tests' OPD with its officials (``buat_pejabat``) and a headed Bidang per code of ``kepala``
	(``buat_bidang_berkepala``): the set-up most cycle tests start from. {kode: Bidang}."""
	buat_pejabat()
	return buat_bidang_berkepala(kepala, awalan)


def sebelum_uji() -> None:
	"""The ``before_tests`` hook: the users of both OPDs' officials, with their roles, made once per
	run and committed, so that the classes find them instead of making them again (the suite
	already runs on sites holding other users of these roles, e.g. the demo's)."""
	for user, role in (
		(KADIS, peran.KEPALA_DINAS),
		(SEKRETARIS, peran.SEKRETARIS),
		(SUBKOR, peran.SUBKOOR),
		(LAIN["kadis"], peran.KEPALA_DINAS),
		(LAIN["sekretaris"], peran.SEKRETARIS),
		(LAIN["subkor"], peran.SUBKOOR),
	):
		buat_user(user, role)
	frappe.db.commit()  # before the first class: each class rolls back only its own work


def buat_indikator(
	bidang: str, indikator: str, targets: tuple, polaritas: str = "Positif", tahun: int = TAHUN_UJI, **kw
) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "Indikator Kinerja",
			"indikator": indikator,
			"sasaran_strategis": "Meningkatnya kinerja pelayanan",
			"bidang": bidang,
			"satuan": kw.pop("satuan", "%"),
			"polaritas": polaritas,
			"akumulasi": kw.pop("akumulasi", "Kumulatif"),
			"target": [
				{
					"tahun": tahun,
					"target_tahunan": sum(targets),
					"target_tw1": targets[0],
					"target_tw2": targets[1],
					"target_tw3": targets[2],
					"target_tw4": targets[3],
				}
			],
			**kw,
		}
	).insert(ignore_permissions=True)
	# The PK is the one source of the targets: the indicator joins its bidang's PK of that year in
	# force, as the migration makes it (aturan/pk_dari_indikator).
	if doc.aktif:
		pk_dari_indikator(doc.opd, tahun)
	return doc.name


def kirim_disposisi(evaluasi: str, dari: str, kepada: str):
	"""A Disposisi from ``dari`` to ``kepada`` on ``evaluasi``, written and sent by ``dari``."""
	with sebagai(dari):
		doc = frappe.get_doc(
			{
				"doctype": "Disposisi",
				"evaluasi": evaluasi,
				"dari": dari,
				"kepada": kepada,
				"instruksi": [{"instruksi": "Untuk ditindaklanjuti"}],
			}
		).insert()
	return aksi(doc, "Kirim", dari)


def aksi(doc, action: str, user: str):
	"""Take a workflow action as ``user`` and return the saved doc."""
	jalankan_aksi(doc.doctype, doc.name, action, user)
	return frappe.get_doc(doc.doctype, doc.name)


def kembalikan(doc, user: str, alasan: str):
	"""Return ``doc`` as ``user`` the way the form does: Alasan Dikembalikan first, then Kembalikan."""
	with sebagai(user):
		frappe.client.set_value(doc.doctype, doc.name, "alasan_dikembalikan", alasan)
	return aksi(doc, "Kembalikan", user)


def tulis_notulen(nama: str, rekomendasi: list[tuple[str, str]]) -> None:
	"""The Subkoordinator writes the minutes of meeting ``nama`` as it was held: the Kepala Dinas led,
	everyone attended, and the meeting decided exactly the (bidang, text) ``rekomendasi`` (any
	peringatan dini draft is dropped)."""
	with sebagai(SUBKOR):
		nr = frappe.get_doc("Notulen Rapat", nama)
		nr.pimpinan_rapat, nr.notulis = KADIS, SUBKOR
		for p in nr.peserta:
			p.kehadiran = "Hadir"
		nr.set("rekomendasi", [{"bidang": bidang, "rekomendasi": teks} for bidang, teks in rekomendasi])
		nr.save()


def riwayat(doc) -> list[tuple]:
	"""The returns kept on ``doc``: (alasan, dikembalikan_oleh, dari_status), oldest first."""
	return [(r.alasan, r.dikembalikan_oleh, r.dari_status) for r in doc.riwayat_pengembalian]


def buat_evaluasi(triwulan: str = "III", opd: str = OPD_UJI, kadis: str = KADIS):
	"""The test period's Evaluasi Kinerja Internal of ``opd``, created by its Kepala Dinas."""
	with sebagai(kadis):
		return frappe.get_doc(
			{"doctype": "Evaluasi Kinerja Internal", "opd": opd, "tahun": TAHUN_UJI, "triwulan": triwulan}
		).insert()


def siapkan_kertas_kerja(triwulan: str = "III", sampai: str = "Didistribusikan"):
	"""A Kertas Kerja Evaluasi of the indicators with a target in TAHUN_UJI, taken by the SOP actors
	up to the state ``sampai`` (Didistribusikan: one Data Kinerja Bidang per bidang exists)."""
	kke = frappe.get_doc({"doctype": "Kertas Kerja Evaluasi", "evaluasi": buat_evaluasi(triwulan).name})
	kke.insert()
	for action, user in (("Ajukan", SUBKOR), ("Setujui", SEKRETARIS), ("Distribusikan", SUBKOR)):
		if kke.workflow_state == sampai:
			break
		kke = aksi(kke, action, user)
	return kke


# --------------------------------------------------------------------------- the routes of a save

# A change made to a document in memory, saved the ways a user can: the document API (what the
# Excel import and server code do), the desk form (savedocs), REST PUT /api/resource/<DocType>/<name>
# (frappe.api.v1.update_doc) and the RPC frappe.client.save.
JALUR_SIMPAN = ("dokumen", "form", "rest", "client.save")


def sebagai_json(doc) -> dict:
	"""The document as a client holds and sends it back (JSON)."""
	return json.loads(frappe.as_json(doc.as_dict()))


@contextmanager
def isi_permintaan(**form) -> Iterator[None]:
	"""Run the block as inside a request carrying ``form`` (what the REST handlers read)."""
	lama = frappe.local.form_dict
	frappe.local.form_dict = frappe._dict(form)
	try:
		yield
	finally:
		frappe.local.form_dict = lama


def rest_put(doctype: str, name: str, data: dict):
	"""``PUT /api/resource/<doctype>/<name>`` with ``data`` as its JSON body."""
	with isi_permintaan(data=json.dumps(data)):
		return frappe.api.v1.update_doc(doctype, name)


def rest_post(doctype: str, data: dict):
	"""``POST /api/resource/<doctype>`` with ``data`` as its JSON body."""
	with isi_permintaan(data=json.dumps(data)):
		return frappe.api.v1.create_doc(doctype)


def simpan_lewat(jalur: str, user: str, doc):
	"""Save ``doc`` (changed in memory) as ``user`` through ``jalur`` (one of JALUR_SIMPAN)."""
	data = sebagai_json(doc)
	with sebagai(user):
		if jalur == "dokumen":
			return doc.save()
		if jalur == "form":
			return savedocs(json.dumps(data), "Save")
		if jalur == "rest":
			return rest_put(doc.doctype, doc.name, data)
		if jalur == "client.save":
			return frappe.client.save(json.dumps(data))
	raise ValueError(jalur)


@contextmanager
def dengan_versi() -> Iterator[None]:
	"""Frappe records no Version while tests run (``flags.in_test``); record them in the block."""
	lama = frappe.flags.in_test
	frappe.flags.in_test = False
	try:
		yield
	finally:
		frappe.flags.in_test = lama


def versi(doctype: str, name: str) -> list[dict]:
	"""The Versions of a document, oldest first, as the dicts Frappe stored."""
	return [
		json.loads(v)
		for v in frappe.get_all(
			"Version",
			filters={"ref_doctype": doctype, "docname": name},
			pluck="data",
			order_by="creation asc",
		)
	]


def potret(doctype: str, name: str) -> tuple:
	"""Everything stored about a document: its fields, every row of its tables, its Versions and
	comments."""
	return (
		sebagai_json(frappe.get_doc(doctype, name)),
		versi(doctype, name),
		frappe.get_all(
			"Comment", filters={"reference_doctype": doctype, "reference_name": name}, pluck="content"
		),
	)


class UjiIsian(SakipTestCase):
	"""Assertions that a save is refused with a message and leaves the document as it was."""

	def assertDitolak(self, fn, *potongan: str, jenis=frappe.PermissionError, dokumen: tuple = ()):
		"""``fn()`` raises ``jenis`` whose message holds every ``potongan``; the documents
		``dokumen`` ((doctype, name), ...) are stored exactly as before."""
		sebelum = [potret(*d) for d in dokumen]
		with self.assertRaises(jenis) as ctx:
			fn()
		# as the user reads it: the tags gone and the escaped characters (&apos; …) shown
		pesan = html.unescape(frappe.utils.strip_html(str(ctx.exception)))
		for p in potongan:
			self.assertIn(p, pesan)
		self.assertEqual([potret(*d) for d in dokumen], sebelum, "a refused save must change nothing")
		return pesan

	def assertAlasanDitolak(self, user: str, doctype: str, name: str, *potongan: str):
		"""Writing Alasan Dikembalikan as ``user`` is refused through every route."""
		self.assertDitolakDiSemuaJalur(
			user, doctype, name, lambda doc: doc.set("alasan_dikembalikan", "Alasan lain"), *potongan
		)

	def assertDitolakDiSemuaJalur(self, user: str, doctype: str, name: str, ubah, *potongan: str):
		"""Load the document, change it with ``ubah(doc)`` and save it as ``user`` through every
		route: each refuses with ``potongan`` and changes nothing."""
		for jalur in JALUR_SIMPAN:
			with self.subTest(jalur=jalur):
				doc = frappe.get_doc(doctype, name)
				ubah(doc)
				self.assertDitolak(
					lambda doc=doc, jalur=jalur: simpan_lewat(jalur, user, doc),
					*potongan,
					dokumen=[(doctype, name)],
				)


def buat_akun_surel(nama: str = "SLA Uji", email: str = "sla-uji@test.sakip") -> None:
	"""An outgoing Email Account (the default one), so that e-mails are queued (never sent: no worker)."""
	if not frappe.db.exists("Email Account", nama):
		frappe.get_doc(
			{
				"doctype": "Email Account",
				"email_account_name": nama,
				"email_id": email,
				"enable_outgoing": 1,
				"default_outgoing": 1,
				"smtp_server": "localhost",
				"smtp_port": 25,
				"no_smtp_authentication": 1,
			}
		).insert(ignore_permissions=True)


# Programs of a bidang's PK with their pagu: (jenis, kode SIPD, nama, anggaran).
PROGRAM_UJI = (
	("Program", "1.03.02", "Program Penyelenggaraan Jalan", 10_000_000),
	("Kegiatan", "1.03.02.2.01", "Penyelenggaraan Jalan Kabupaten", 6_000_000),
	("Sub Kegiatan", "1.03.02.2.01.0001", "Rehabilitasi Jalan", 2_000_000),
)


def isi_program_pk(bidang: str, program=PROGRAM_UJI, tahun: int = TAHUN_UJI) -> str:
	"""The programs ``program`` in the bidang's PK of ``tahun`` (the one its indicators made), as the
	PK was signed with them; returns the PK's name."""
	doc = frappe.get_doc("Perjanjian Kinerja", {"bidang": bidang, "tahun": tahun, "tingkat": "Kepala Bidang"})
	doc.set(
		"program", [dict(zip(("jenis", "kode_sipd", "nama", "anggaran"), p, strict=True)) for p in program]
	)
	sistem(doc).save()
	return doc.name
