"""Idempotent install seeds: roles, the default working calendar, the SOP and the settings.

They run once, on install (``after_install``), and each only creates what is missing, so an
administrator's edits to these records survive ``bench migrate`` and a re-install.
"""

import json
from pathlib import Path

import frappe
from frappe.custom.doctype.property_setter.property_setter import make_property_setter

from sakip_evaluasi.aturan.kertas_kerja import pastikan_kunci_situs
from sakip_evaluasi.domain.capaian import SKALA_PERMENDAGRI_86_2017
from sakip_evaluasi.domain.kalender import NAMA_HARI, kalender_default
from sakip_evaluasi.domain.peran import PERAN_APP
from sakip_evaluasi.extends.surel import lupakan, selaraskan_surel
from sakip_evaluasi.setup import dasbor, pemberitahuan, ruang_kerja, tte
from sakip_evaluasi.setup.cetak import pasang_cetakan
from sakip_evaluasi.setup.dasbor import pasang_dasbor
from sakip_evaluasi.setup.workflow import hapus_workflow, sinkronkan_workflow

DATA = Path(__file__).parent / "data"
KALENDER_DEFAULT = "Kalender Kerja Default"
SOP_DEFAULT = "SOP Evaluasi Kinerja Internal"

# The domain's default week (Perpres 21/2023: 37.5 hours, from 07:30) as Kalender Kerja rows:
# (hari, jam_mulai, jam_selesai).
JAM_KERJA_DEFAULT = tuple(
	(NAMA_HARI[hari], f"{i.mulai:%H:%M:%S}", f"{i.selesai:%H:%M:%S}")
	for hari, daftar in sorted(kalender_default().jam_kerja.items())
	for i in daftar
)


INSTRUKSI_DISPOSISI = (
	"Untuk ditindaklanjuti",
	"Untuk diketahui",
	"Siapkan bahan",
	"Koordinasikan",
	"Hadiri/wakili",
	"Arsip",
)


def after_install() -> None:
	pastikan_kunci_situs()  # the key signing the work papers, before any request needs it
	buat_peran()
	buat_kalender_default()
	buat_sop_default()
	buat_instruksi_disposisi()
	isi_pengaturan_default()
	sinkronkan_workflow()
	selaraskan_surel()
	pasang_dasbor()
	pasang_tampilan()
	bahasa_situs_baru()
	tte.pasang_aturan_bawaan()


def after_migrate() -> None:
	pastikan_kunci_situs()
	buat_peran()  # roles a newer version adds (Inspektorat, Bappeda, Admin SAKIP Pemda)
	# Workflows are installed by code (not fixtures); an administrator's edits are kept. Their
	# Workflow Action e-mails follow whether the site can send e-mail.
	sinkronkan_workflow()
	selaraskan_surel()
	pasang_dasbor()  # once per record: an administrator's edit or deletion is kept
	pasang_tampilan()
	tte.pasang_aturan_bawaan()  # once per site


def before_uninstall() -> None:
	"""Remove what the app made outside its module and forget every "created once" marker whose records
	go with the app, so installing it again gives what a new site gets. The Tugas Saya block's
	fingerprint stays: the block, its workspaces and their cards have no module and stay too."""
	hapus_workflow()
	lupakan()
	pemberitahuan.hapus()
	dasbor.lupakan()


def pasang_tampilan() -> None:
	"""What users see of the app, created once (an administrator's edits are kept): Tugas Saya and the
	per-role workspaces and number cards, the handover notifications, names shown for user links."""
	ruang_kerja.pasang()
	pemberitahuan.pasang()
	tampilkan_nama_pengguna()
	pasang_cetakan()


def bahasa_situs_baru() -> None:
	"""A brand-new site (setup wizard not yet run) speaks Bahasa Indonesia; on a site already in use
	nobody's language changes."""
	if not frappe.db.get_single_value("System Settings", "setup_complete"):
		frappe.db.set_single_value("System Settings", "language", "id")


def tampilkan_nama_pengguna() -> None:
	"""Every link to a User shows the user's full name instead of the e-mail address."""
	if not frappe.db.exists("Property Setter", {"doc_type": "User", "property": "show_title_field_in_link"}):
		make_property_setter("User", None, "show_title_field_in_link", 1, "Check", for_doctype=True)


def buat_instruksi_disposisi() -> None:
	for urutan, instruksi in enumerate(INSTRUKSI_DISPOSISI, start=1):
		if not frappe.db.exists("Instruksi Disposisi", instruksi):
			frappe.get_doc(
				{"doctype": "Instruksi Disposisi", "instruksi": instruksi, "urutan": urutan}
			).insert(ignore_permissions=True)


def buat_peran() -> None:
	for role in PERAN_APP:
		if not frappe.db.exists("Role", role):
			frappe.get_doc({"doctype": "Role", "role_name": role, "desk_access": 1}).insert(
				ignore_permissions=True
			)


def libur_bawaan() -> list[dict]:
	"""Indonesia's national holidays and cuti bersama shipped with the app (see scripts/regenerate_libur.py)."""
	return json.loads((DATA / "libur_indonesia.json").read_text())["libur"]


def buat_kalender_default() -> None:
	if frappe.db.exists("Kalender Kerja", KALENDER_DEFAULT):
		return
	frappe.get_doc(
		{
			"doctype": "Kalender Kerja",
			"nama_kalender": KALENDER_DEFAULT,
			"jam_kerja": [
				{"hari": hari, "jam_mulai": mulai, "jam_selesai": selesai}
				for hari, mulai, selesai in JAM_KERJA_DEFAULT
			],
			"hari_libur": libur_bawaan(),
		}
	).insert(ignore_permissions=True)


def data_sop_default() -> dict:
	return json.loads((DATA / "sop_evaluasi_kinerja_internal.json").read_text())


def buat_sop_default() -> None:
	if frappe.db.exists("SOP", SOP_DEFAULT):
		return
	frappe.get_doc({"doctype": "SOP", **data_sop_default()}).insert(ignore_permissions=True)


def isi_pengaturan_default() -> None:
	pengaturan = frappe.get_single("Pengaturan SAKIP")
	if not pengaturan.kalender_kerja_default:
		pengaturan.kalender_kerja_default = KALENDER_DEFAULT
	if not pengaturan.sop_default:
		pengaturan.sop_default = SOP_DEFAULT
	if not pengaturan.skala_predikat:
		for tingkat in SKALA_PERMENDAGRI_86_2017.tingkat:
			pengaturan.append(
				"skala_predikat", {"predikat": tingkat.nama, "batas_bawah": tingkat.batas_bawah}
			)
	pengaturan.flags.ignore_permissions = True
	pengaturan.save()
