"""The desk each SOP role lands on, created by install code (records an administrator may change).

- **Tugas Saya** (workspace, first in the sidebar, every SOP role): a Custom HTML Block that lists what
  waits for the user (``sakip_evaluasi.api.tugas_saya.daftar``). It is every app user's landing page
  (``User.default_workspace``, set where the user has none by ``halaman/beranda.py``).
- **Bidang Saya** (workspace, Kepala Bidang only): the two documents a Kepala Bidang fills, the recap
  report, and number cards of what is still open in their bidang.
- **Number Cards**: counts read through Frappe's list query, so each user counts only the documents
  their permissions (User Permission on Bidang, later the OPD) let them read.

Each record is created once when missing, so an administrator's edits survive ``bench migrate``. The
block's HTML, script and style follow the app's shipped version (``data/blok_tugas_saya/``) for as long
as nobody changed them on the site.
"""

import hashlib
import json
from pathlib import Path

import frappe

from sakip_evaluasi.domain.peran import KEPALA_BIDANG, PERAN_APP
from sakip_evaluasi.halaman.beranda import TUGAS_SAYA, jadikan_beranda
from sakip_evaluasi.setup.dasbor import KARTU_KRITIS, KARTU_PERLU_PERHATIAN

BIDANG_SAYA = "Bidang Saya"
BLOK = Path(__file__).parent / "data" / "blok_tugas_saya"
_KUNCI_BLOK = "sakip_evaluasi_blok_tugas_saya"

# Number cards: label → (DocType, filters, colour, roles whose workspace shows it).
KARTU = {
	"Data Kinerja Perlu Diisi": (
		"Data Kinerja Bidang",
		[["workflow_state", "in", ["Draft", "Dikembalikan"]]],
		"#e24c4c",
	),
	"Tindak Lanjut Perlu Diisi": (
		"Tindak Lanjut Evaluasi",
		[["workflow_state", "in", ["Draft", "Dikembalikan"]]],
		"#ecad4b",
	),
	"Data Kinerja Menunggu Verifikasi": (
		"Data Kinerja Bidang",
		[["workflow_state", "=", "Diajukan"]],
		"#4463f0",
	),
	"Langkah SOP Terlambat": (
		"Langkah Evaluasi",
		[["status_sla", "=", "Terlambat"], ["selesai", "is", "not set"]],
		"#e24c4c",
	),
}
KARTU_BIDANG = ("Data Kinerja Perlu Diisi", "Tindak Lanjut Perlu Diisi")
# The Sekretariat's cards are on the SAKIP Evaluasi workspace (shipped with the module).
KARTU_SEKRETARIAT = ("Data Kinerja Menunggu Verifikasi", "Langkah SOP Terlambat")


def pasang() -> None:
	"""Install (idempotent): number cards, the Tugas Saya block and workspaces, the landing page."""
	buat_kartu()
	selaraskan_blok()
	buat_ruang_tugas_saya()
	buat_ruang_bidang_saya()
	batasi_ruang_kerja_lain()
	jadikan_beranda()


# Frappe's fallback when a user may see no workspace: left as it is.
RUANG_CADANGAN = "Welcome Workspace"
PENGELOLA_SITUS = "System Manager"


def batasi_ruang_kerja_lain() -> None:
	"""The workspaces of other apps (Frappe's Users, Website, Tools, Integrations, Build) are for the
	site's managers: one that names no role gets System Manager, so SOP users see only the workspaces of
	their work. A workspace an administrator gave roles keeps them; run again it changes nothing."""
	modul_app = set(frappe.get_all("Module Def", filters={"app_name": "sakip_evaluasi"}, pluck="name"))
	berperan = set(frappe.get_all("Has Role", filters={"parenttype": "Workspace"}, pluck="parent"))
	for ruang in frappe.get_all(
		"Workspace", filters={"public": 1, "module": ("is", "set")}, fields=["name", "module"]
	):
		if ruang.module in modul_app or ruang.name in berperan or ruang.name == RUANG_CADANGAN:
			continue
		frappe.get_doc(
			{
				"doctype": "Has Role",
				"name": frappe.generate_hash(length=10),
				"parent": ruang.name,
				"parenttype": "Workspace",
				"parentfield": "roles",
				"role": PENGELOLA_SITUS,
			}
		).db_insert()
		frappe.clear_document_cache("Workspace", ruang.name)


def _buat_sekali(doctype: str, name: str, data: dict) -> bool:
	"""Insert the record unless one of that name exists (an administrator's edits are kept)."""
	if frappe.db.exists(doctype, name):
		return False
	frappe.get_doc({"doctype": doctype, "name": name, **data}).insert(ignore_permissions=True)
	return True


def buat_kartu() -> None:
	for label, (doctype, filters, warna) in KARTU.items():
		_buat_sekali(
			"Number Card",
			label,
			{
				"label": label,
				"type": "Document Type",
				"document_type": doctype,
				"function": "Count",
				"filters_json": json.dumps([[doctype, *f, False] for f in filters]),
				"is_public": 1,
				"color": warna,
			},
		)


def _isi_blok() -> dict[str, str]:
	return {
		"html": (BLOK / "blok.html").read_text(),
		"script": (BLOK / "blok.js").read_text(),
		"style": (BLOK / "blok.css").read_text(),
	}


def _sidik(isi: dict[str, str]) -> str:
	return hashlib.sha256(json.dumps(isi, sort_keys=True).encode()).hexdigest()


def selaraskan_blok() -> None:
	"""Create the Tugas Saya block, or bring it to the shipped version when nobody edited it."""
	isi = _isi_blok()
	baru = _buat_sekali(
		"Custom HTML Block",
		TUGAS_SAYA,
		{"private": 0, "roles": [{"role": r} for r in (*PERAN_APP, "System Manager")], **isi},
	)
	if not baru:
		blok = frappe.get_doc("Custom HTML Block", TUGAS_SAYA)
		sekarang = {k: blok.get(k) or "" for k in isi}
		if sekarang == isi or _sidik(sekarang) != frappe.db.get_global(_KUNCI_BLOK):
			return  # up to date, or changed by an administrator: theirs is kept
		blok.update(isi)
		blok.save(ignore_permissions=True)
	frappe.db.set_global(_KUNCI_BLOK, _sidik(isi))


def _ruang(nama: str, sequence_id: float, icon: str, roles, content: list, **tabel) -> None:
	_buat_sekali(
		"Workspace",
		nama,
		{
			"label": nama,
			"title": nama,
			"public": 1,
			"sequence_id": sequence_id,
			"icon": icon,
			"roles": [{"role": r} for r in roles],
			"content": json.dumps(content),
			**tabel,
		},
	)


def _kartu_konten(labels) -> list[dict]:
	return [
		{"id": f"kartu-{i}", "type": "number_card", "data": {"number_card_name": label, "col": 6}}
		for i, label in enumerate(labels)
	]


def buat_ruang_tugas_saya() -> None:
	"""Every app role's landing page."""
	_ruang(
		TUGAS_SAYA,
		0.1,
		"check",
		(*PERAN_APP, "System Manager"),
		[
			{
				"id": "tugas-saya",
				"type": "custom_block",
				"data": {"custom_block_name": TUGAS_SAYA, "col": 12},
			},
		],
		custom_blocks=[{"custom_block_name": TUGAS_SAYA, "label": TUGAS_SAYA}],
	)


def buat_ruang_bidang_saya() -> None:
	"""A Kepala Bidang's links: only what a Kepala Bidang uses."""
	tautan = (
		("Data Kinerja Bidang", "DocType"),
		("Tindak Lanjut Evaluasi", "DocType"),
		("Rekap Capaian Kinerja", "Report"),
	)
	_ruang(
		BIDANG_SAYA,
		0.2,
		"organization",
		(KEPALA_BIDANG,),
		[
			*_kartu_konten((*KARTU_BIDANG, KARTU_KRITIS, KARTU_PERLU_PERHATIAN)),
			*(
				{"id": f"pintasan-{i}", "type": "shortcut", "data": {"shortcut_name": label, "col": 4}}
				for i, (label, _jenis) in enumerate(tautan)
			),
		],
		number_cards=[
			{"number_card_name": label, "label": label}
			for label in (*KARTU_BIDANG, KARTU_KRITIS, KARTU_PERLU_PERHATIAN)
		],
		shortcuts=[
			{
				"label": label,
				"link_to": label,
				"type": jenis,
				**({"is_query_report": 1} if jenis == "Report" else {}),
			}
			for label, jenis in tautan
		],
	)
