"""The work paper's signature: an HMAC over what the export locked, checked again on import."""

import hashlib
import hmac
import json

from sakip_evaluasi.domain.kertas_kerja.model import FORMAT_META


def _tanda_tangan(rahasia: bytes, kepala: dict, lembar: list[dict]) -> str:
	"""HMAC-SHA256 over a canonical JSON of the document, period, version and locked rows."""
	data = {
		"format": FORMAT_META,
		"versi": kepala["versi"],
		"doctype": kepala["doctype"],
		"docname": kepala["docname"],
		"tahun": kepala["tahun"],
		"triwulan": kepala["triwulan"],
		"lembar": lembar,
	}
	return tanda_tangan_data(rahasia, data)


def tanda_tangan_data(rahasia: bytes, data: dict) -> str:
	"""HMAC-SHA256 over the canonical JSON of ``data``: every workbook the app signs (the work paper,
	the LKE workbook) is signed by this one rule."""
	kanon = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":")).encode("ascii")
	return hmac.new(rahasia, kanon, hashlib.sha256).hexdigest()


def _periksa_rahasia(rahasia: bytes) -> None:
	if not isinstance(rahasia, bytes | bytearray) or not rahasia:
		raise ValueError("Rahasia penanda tangan kertas kerja harus berupa bytes dan tidak boleh kosong.")
