"""The public verification page of electronically signed documents (/verifikasi_tte, Guest): the QR
opens it with the document's random token; anyone may also upload a PDF. The page's script asks
``sakip_evaluasi.api.tte.verifikasi`` (rate-limited) and shows only what that answer holds."""

import frappe

from sakip_evaluasi.cetak.tte import batas_unggah_mb
from sakip_evaluasi.domain.tte import LAYANAN_VERIFIKASI_NASIONAL

no_cache = 1


def get_context(context) -> None:
	context.no_cache = 1
	context.title = "Verifikasi Dokumen Bertanda Tangan Elektronik"
	context.token = (frappe.form_dict.get("t") or "")[:64]
	context.batas_mb = batas_unggah_mb()
	context.layanan_nasional = LAYANAN_VERIFIKASI_NASIONAL
	context.nama_pemda = frappe.db.get_single_value("Pengaturan SAKIP", "nama_pemda") or ""
