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
def hitung(dokumen: str, realisasi: dict | str, komponen: dict | str | None = None) -> dict:
	"""The capaian, predikat and explanation of every row with the realisasi typed so far (row name →
	text) and the component text of the computed indicators (row name → "nama: nilai" lines); nothing
	is written."""
	return isian_ponsel.hitung(
		dokumen,
		_pasangan(realisasi, frappe._("Realisasi harus berupa pasangan baris dan nilai.")),
		_pasangan(komponen or {}, frappe._("Komponen harus berupa pasangan baris dan nilai.")),
	)


def _pasangan(isi: dict | str, pesan: str) -> dict[str, str | None]:
	nilai = frappe.parse_json(isi) if isinstance(isi, str) else isi
	if not isinstance(nilai, dict):
		frappe.throw(pesan)
	return {str(k): (None if v is None else str(v)) for k, v in nilai.items()}


@frappe.whitelist(methods=["POST"])
@frappe.read_only()
def hitung_anggaran(dokumen: str, realisasi: dict | str) -> dict:
	"""The realisasi s.d. TW, penyerapan and any refusal of every realisasi anggaran row with the amounts
	typed so far (row name → text); nothing is written."""
	nilai = _pasangan(realisasi, frappe._("Realisasi harus berupa pasangan baris dan nilai."))
	return isian_ponsel.hitung_anggaran(dokumen, {k: ("" if v is None else v) for k, v in nilai.items()})
