"""The workspace's peringatan dini cards and its two charts, as ordinary (non-standard) Number Card
and Dashboard Chart records an administrator can change in the desk without code.

Each is created once by install code (on install, and after a migrate for sites that predate it);
which ones were created is kept in ``__global`` defaults, so a record an administrator edited,
renamed or deleted is never created or overwritten again by a later ``bench migrate``. Uninstalling the
app deletes the records (they belong to its module) and forgets that list (``lupakan``), so a site that
installs the app again gets them as a new site does.
"""

import json

import frappe

from sakip_evaluasi.domain.peran import PERAN_APP

MODUL = "SAKIP Evaluasi"
_KUNCI = "sakip_evaluasi_dasbor_dibuat"
METODE_KARTU = "sakip_evaluasi.api.peringatan.jumlah_indikator"

KARTU_KRITIS = "Indikator Kritis"
KARTU_PERLU_PERHATIAN = "Indikator Perlu Perhatian"
GRAFIK_CAPAIAN = "Tren Capaian per Bidang"
GRAFIK_SLA = "Kepatuhan SLA per Triwulan"


def _kartu(label: str, status: str, warna: str) -> dict:
	# Custom card: the method counts through Frappe's permissions (a Kepala Bidang, their bidang);
	# document_type is what Frappe checks before it shows the card to a user.
	return {
		"doctype": "Number Card",
		"label": label,
		"type": "Custom",
		"method": METODE_KARTU,
		"document_type": "Data Kinerja Bidang",
		"filters_json": json.dumps({"status": status}),
		"color": warna,
		"is_public": 1,
		"module": MODUL,
	}


def _grafik(nama: str, laporan: str, jenis: str, filters: dict, dinamis: dict | None = None) -> dict:
	return {
		"doctype": "Dashboard Chart",
		"chart_name": nama,
		"chart_type": "Report",
		"report_name": laporan,
		"use_report_chart": 1,
		"type": jenis,
		"filters_json": json.dumps(filters),
		"dynamic_filters_json": json.dumps(dinamis) if dinamis else None,
		"timeseries": 0,
		"is_public": 1,
		"module": MODUL,
		"roles": [{"role": r} for r in PERAN_APP],
	}


def rekaman_dasbor() -> dict[str, dict]:
	"""The records by (DocType-qualified) key, as first created."""
	return {
		f"Number Card:{KARTU_KRITIS}": _kartu(KARTU_KRITIS, "Kritis", "#E03636"),
		f"Number Card:{KARTU_PERLU_PERHATIAN}": _kartu(KARTU_PERLU_PERHATIAN, "Perlu Perhatian", "#F08C00"),
		f"Dashboard Chart:{GRAFIK_CAPAIAN}": _grafik(
			GRAFIK_CAPAIAN,
			"Peringatan Dini Capaian",
			"Line",
			{"triwulan": "IV"},
			{"tahun": "new Date().getFullYear()"},
		),
		f"Dashboard Chart:{GRAFIK_SLA}": _grafik(
			GRAFIK_SLA, "Kepatuhan SOP", "Bar", {"kelompok": "Triwulan"}
		),
	}


def pasang_dasbor() -> list[str]:
	"""Create each record not created before (and not already there); returns the keys created."""
	sudah = set(json.loads(frappe.db.get_global(_KUNCI) or "[]"))
	dibuat = []
	for kunci, data in rekaman_dasbor().items():
		if kunci in sudah:
			continue
		doctype, nama = kunci.split(":", 1)
		if not frappe.db.exists(doctype, nama):
			frappe.get_doc(data).insert(ignore_permissions=True)  # named by its label
			dibuat.append(kunci)
		sudah.add(kunci)
	frappe.db.set_global(_KUNCI, json.dumps(sorted(sudah)))
	return dibuat


def lupakan() -> None:
	"""On uninstall: forget which records were created (Frappe deletes the records with the module)."""
	frappe.db.set_global(_KUNCI, None)
