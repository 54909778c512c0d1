"""Factories shared by the integration tests (run by ``bench run-tests --app sakip_evaluasi``)."""

import frappe
from frappe.cache_manager import user_cache_keys
from frappe.tests.utils import FrappeTestCase

from sakip_evaluasi.alur_kerja import jalankan_aksi, sebagai  # noqa: F401 (sebagai: used by the tests)
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


def buat_user(email: str, *roles: str, enabled: int = 1) -> str:
	"""A desk user with exactly the given roles (created once, reused across tests)."""
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0].replace(".", " ").title(),
				"send_welcome_email": 0,
				"user_type": "System User",
				"enabled": enabled,
			}
		).insert(ignore_permissions=True)
	user = frappe.get_doc("User", email)
	user.flags.ignore_permissions = True
	user.enabled = enabled
	user.set("roles", [{"role": r} for r in roles])
	user.save()
	return email


def buat_bidang(nama: str, kode: str, kepala_bidang: str | None = None) -> "frappe.model.document.Document":
	if frappe.db.exists("Bidang", nama):
		frappe.delete_doc("Bidang", nama, force=True, ignore_permissions=True)
	return frappe.get_doc(
		{"doctype": "Bidang", "nama_bidang": nama, "kode": kode, "kepala_bidang": kepala_bidang}
	).insert(ignore_permissions=True)


# The period the tests evaluate: a year no real or demo data uses (the demo works in 2026), so
# the suite also runs on a site that holds evaluations; Kertas Kerja rows come only from
# indicators with a target for this year, i.e. the tests' own.
TAHUN_UJI = 2096

KADIS = "kadis@test.sakip"
SEKRETARIS = "sekretaris@test.sakip"
SUBKOR = "subkor@test.sakip"


def buat_pejabat() -> None:
	"""One user per SOP actor, each with only the role its steps need, set in Pengaturan SAKIP."""
	buat_user(KADIS, peran.KEPALA_DINAS)
	buat_user(SEKRETARIS, peran.SEKRETARIS)
	buat_user(SUBKOR, peran.SUBKOOR)
	pengaturan = frappe.get_single("Pengaturan SAKIP")
	pengaturan.update({"kepala_dinas": KADIS, "sekretaris": SEKRETARIS, "subkoordinator": SUBKOR})
	pengaturan.save(ignore_permissions=True)


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
