"""Isian ponsel: a Data Kinerja Bidang as cards on a phone (``sakip_evaluasi.halaman.isian_ponsel``). Saving
and the workflow actions use Frappe's own endpoints (``frappe.client.save``, ``apply_workflow``)."""

import frappe

from sakip_evaluasi.halaman import isian_ponsel


@frappe.whitelist()
@frappe.read_only()
def muat(dokumen: str) -> dict:
	"""The document as cards: header, one card per indicator (capaian spelled out), what the session
	user may fill, the actions waiting for them and what each sets in motion."""
	return isian_ponsel.muat(dokumen)


@frappe.whitelist(methods=["POST"])
@frappe.read_only()
def hitung(dokumen: str, realisasi: dict | str) -> dict:
	"""The capaian, predikat and explanation of every row with the realisasi typed so far (row name →
	text); nothing is written."""
	nilai = frappe.parse_json(realisasi) if isinstance(realisasi, str) else realisasi
	if not isinstance(nilai, dict):
		frappe.throw(frappe._("Realisasi harus berupa pasangan baris dan nilai."))
	return isian_ponsel.hitung(dokumen, {str(k): (None if v is None else str(v)) for k, v in nilai.items()})


@frappe.whitelist(methods=["POST"])
@frappe.read_only()
def hitung_anggaran(dokumen: str, realisasi: dict | str) -> dict:
	"""The realisasi s.d. TW, penyerapan and any refusal of every realisasi anggaran row with the amounts
	typed so far (row name → text); nothing is written."""
	nilai = frappe.parse_json(realisasi) if isinstance(realisasi, str) else realisasi
	if not isinstance(nilai, dict):
		frappe.throw(frappe._("Realisasi harus berupa pasangan baris dan nilai."))
	return isian_ponsel.hitung_anggaran(
		dokumen, {str(k): ("" if v is None else str(v)) for k, v in nilai.items()}
	)
