"""Server side of the load run (``keandalan/uji_beban.py``): the committed cycle of
``serentak.siapkan`` (an evaluation at step 5, one Data Kinerja Bidang per bidang), the officials able
to log in, and beside every Data Kinerja Bidang a **plain document of the same shape**: a DocType
the run creates with the same fields and child fields, the same rows, and no controller, workflow
or hook of the app, so its save is what Frappe alone costs. Then what the database holds at the end.

Like ``serentak`` this data is committed and lives in its own year; ``bersihkan`` removes it and the
plain DocTypes. Run it on a throw-away site: the officials' passwords are set for the run.
"""

import frappe
from frappe.utils.password import update_password

from sakip_evaluasi.domain.doctype import BARIS_DKB as BARIS
from sakip_evaluasi.domain.doctype import DKB
from sakip_evaluasi.uji import serentak

POLOS = "Uji Beban Polos"
POLOS_BARIS = "Uji Beban Polos Baris"
_BUKAN_ISI = ("name", "parent", "parenttype", "parentfield", "owner", "creation", "modified", "modified_by")


def _buat_doctype(meta, nama: str, istable: int, ganti_tabel: dict, permissions: list) -> None:
	fields = []
	for df in meta.fields:
		d = {
			k: v
			for k, v in df.as_dict().items()
			if k not in (*_BUKAN_ISI, "idx", "doctype") and v not in (None, "")
		}
		if df.fieldtype == "Table" and df.options in ganti_tabel:
			d["options"] = ganti_tabel[df.options]
		fields.append(d)
	frappe.get_doc(
		{
			"doctype": "DocType",
			"name": nama,
			"module": "Custom",
			"custom": 1,
			"istable": istable,
			"autoname": "hash",
			"track_changes": meta.track_changes,
			"fields": fields,
			"permissions": permissions,
		}
	).insert(ignore_permissions=True)


def pasang_doctype_polos() -> None:
	"""The plain DocTypes: Data Kinerja Bidang's fields and Baris Data Kinerja's, nothing else."""
	if frappe.db.exists("DocType", POLOS):
		return
	_buat_doctype(frappe.get_meta(BARIS), POLOS_BARIS, 1, {}, [])
	hak = {"read": 1, "write": 1, "create": 1}
	_buat_doctype(
		frappe.get_meta(DKB),
		POLOS,
		0,
		{BARIS: POLOS_BARIS},
		[
			{"role": "System Manager", **hak, "delete": 1},
			{"role": "Kepala Bidang", **hak},
			{"role": "Subkoordinator Perencanaan dan Pelaporan", **hak},
		],
	)


def _salin_polos(dkb: str, pemilik: str) -> str:
	doc = frappe.get_doc(DKB, dkb).as_dict()
	baru = {
		k: v for k, v in doc.items() if k not in (*_BUKAN_ISI, "doctype", "baris", "riwayat_pengembalian")
	}
	baru.update(
		doctype=POLOS,
		owner=pemilik,
		baris=[{k: v for k, v in r.items() if k not in (*_BUKAN_ISI, "doctype")} for r in doc.baris],
	)
	return frappe.get_doc(baru).insert(ignore_permissions=True).name


def siapkan(jumlah: int, indikator_per_bidang: int = 10, sandi: str = "Beban#2097") -> dict:
	"""The committed cycle with ``jumlah`` Kabid, the officials' passwords, and a plain twin per
	Data Kinerja Bidang (``polos``: Data Kinerja Bidang → plain document)."""
	hapus_polos()
	data = serentak.siapkan(jumlah, sandi, indikator_per_bidang)
	for user in data["pejabat"].values():
		update_password(user, sandi)
	pasang_doctype_polos()
	data["polos"] = {p["dkb"]: _salin_polos(p["dkb"], p["user"]) for p in data["pengguna"]}
	frappe.db.commit()
	return data


def keadaan(evaluasi: str, polos: list[str]) -> dict:
	"""What the database holds: per Data Kinerja Bidang of ``evaluasi`` its state and each row's
	realisasi and kendala (by row name); the same for the plain documents; errors logged."""

	def baris(doctype_baris, parent_doctype, names):
		hasil: dict = {n: {} for n in names}
		for r in frappe.get_all(
			doctype_baris,
			filters={"parenttype": parent_doctype, "parent": ("in", names or [""])},
			fields=["parent", "name", "realisasi", "kendala"],
		):
			hasil[r.parent][r.name] = {"realisasi": r.realisasi, "kendala": r.kendala}
		return hasil

	dkb = frappe.get_all(DKB, filters={"evaluasi": evaluasi}, fields=["name", "workflow_state"])
	return {
		"status": {d.name: d.workflow_state for d in dkb},
		"dkb": baris(BARIS, DKB, [d.name for d in dkb]),
		"polos": baris(POLOS_BARIS, POLOS, polos),
	}


def hapus_polos() -> None:
	frappe.set_user("Administrator")
	for doctype in (POLOS, POLOS_BARIS):
		if frappe.db.exists("DocType", doctype):
			frappe.delete_doc("DocType", doctype, force=True, ignore_permissions=True)
	frappe.db.commit()


def bersihkan() -> None:
	"""Remove the cycle (``serentak.bersihkan``) and the plain DocTypes with their documents."""
	hapus_polos()
	serentak.bersihkan()
