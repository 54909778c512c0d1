"""The Excel work paper of a Data Kinerja Bidang or a Kertas Kerja Evaluasi: download it, upload it
filled back (``sakip_evaluasi.aturan.kertas_kerja``)."""

from functools import wraps

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from redis.exceptions import RedisError

from sakip_evaluasi.aturan import kertas_kerja as kertas_kerja_excel

# Uploads per user and minute: a Kabid uploading again after fixing a cell is far below it; a script
# hammering the endpoint (each upload unpacks and checks a whole workbook) is stopped.
BATAS_UNGGAH_PER_MENIT = 10
# The request field Frappe's rate_limit keys its counter by: the session user, set by the wrapper.
_KUNCI_PENGGUNA = "_sakip_pengguna_unggah"


def batasi_unggah_per_pengguna(fn):
	"""Frappe's ``rate_limit`` per user (not per IP: an office shares one address), answered with a
	Bahasa Indonesia message (HTTP 429) instead of Frappe's English one. The counter lives in Redis:
	while Redis cannot be reached the upload is not counted (and still checked and written as usual),
	rather than refused with a server error."""

	def jalankan(*args, **kwargs):
		frappe.flags.sakip_unggah_dimulai = True
		return fn(*args, **kwargs)

	terbatas = rate_limit(key=_KUNCI_PENGGUNA, limit=BATAS_UNGGAH_PER_MENIT, seconds=60, ip_based=False)(
		jalankan
	)

	@wraps(fn)
	def wrapper(*args, **kwargs):
		frappe.form_dict[_KUNCI_PENGGUNA] = frappe.session.user
		jumlah_pesan = len(frappe.local.message_log)
		frappe.flags.sakip_unggah_dimulai = False
		try:
			return terbatas(*args, **kwargs)
		except RedisError:
			if frappe.flags.sakip_unggah_dimulai:
				raise
			return fn(*args, **kwargs)
		except frappe.RateLimitExceededError:
			del frappe.local.message_log[jumlah_pesan:]
			frappe.throw(
				_(
					"Anda sudah mengunggah {0} kertas kerja dalam satu menit terakhir, batas untuk setiap "
					"pengguna. Tunggu satu menit, lalu unggah lagi. Berkas ini belum diperiksa dan tidak ada "
					"data yang diubah."
				).format(BATAS_UNGGAH_PER_MENIT),
				frappe.RateLimitExceededError,
				title=_("Terlalu banyak unggahan"),
			)

	return wrapper


def unduhan(nama_file: str, isi: bytes, jenis: str = kertas_kerja_excel.JENIS_XLSX) -> None:
	"""Answer the request with a file to download (a workbook unless ``jenis`` says otherwise)."""
	frappe.response["filename"] = nama_file
	frappe.response["filecontent"] = isi
	frappe.response["content_type"] = jenis
	frappe.response["type"] = "download"


@frappe.whitelist(methods=["GET"])
def unduh(doctype: str, docname: str) -> None:
	"""Download the work paper of a document the session user may read (an .xlsx file)."""
	unduhan(*kertas_kerja_excel.buat_kertas_kerja(doctype, docname))


@frappe.whitelist(methods=["POST"])
@batasi_unggah_per_pengguna
def impor(doctype: str, docname: str, file_url: str | None = None) -> dict:
	"""Import a filled work paper: the uploaded ``file`` (multipart) or a File attached to the document.
	A problem with the file is answered in the result (``berhasil`` false, every problem listed) and
	writes nothing. At most ``BATAS_UNGGAH_PER_MENIT`` uploads per user and minute."""
	return kertas_kerja_excel.impor_berkas(doctype, docname, file_url)
