"""Files of the app's documents: stored private, and an Attach field holds a file link, nothing else.

- **Private**: a File attached to a document of the app's module (a filled work paper attached to a
  Data Kinerja Bidang, a bukti dukung, the minutes' attachments) is stored under
  ``private/files`` whatever the uploader chose, so only users who may read the document can
  download it. Frappe writes an uploaded file to disk in ``File.before_insert``, before any hook of
  another app runs; so a new public File is written again as private here (``File`` ``validate``,
  a doc_event) and its public copy removed unless another File record shares it. An attachment
  already private cannot be made public.
- **A secret letter**: the file of a disposisi classed Rahasia or Sangat Rahasia opens for the
  disposisi's sender and addressee alone (``boleh_buka``: the File permission hook and the download).
- **Attach values**: Frappe does not sanitise Attach fields, and the desk shows their value as HTML
  (``ControlAttach`` puts the value into the page as markup). So every Attach field of an SOP
  document and its rows must hold a file path of this site (``/files/…``, ``/private/files/…``) or
  an ``http(s)`` link, without markup or double quotes; anything else is refused with a message.
"""

import os
import re

import frappe
from frappe import _
from frappe.core.doctype.file.file import File
from frappe.utils import cint

from sakip_evaluasi.domain.doctype import DISPOSISI

MODUL = "SAKIP Evaluasi"
_LAMPIRAN_SAH = re.compile(r"^(/files/|/private/files/|https?://)[^<>\"`\\\n\r]*$")


def milik_aplikasi(doctype: str | None) -> bool:
	"""Whether ``doctype`` is one of the app's DocTypes (its module is SAKIP Evaluasi)."""
	return bool(doctype) and frappe.db.get_value("DocType", doctype, "module", cache=True) == MODUL


def jadikan_privat(file, method: str | None = None) -> None:
	"""``File`` validate (doc_event): an attachment of the app's documents is stored private."""
	if file.is_folder or file.is_remote_file or not milik_aplikasi(file.attached_to_doctype):
		return
	if cint(file.is_private):
		return
	if not file.is_new():
		if file.has_value_changed("is_private"):
			frappe.throw(
				_(
					"Lampiran {0} {1} disimpan privat dan tidak dapat dijadikan publik: hanya pengguna yang "
					"berhak membuka dokumennya yang boleh mengunduhnya. Tidak ada yang diubah."
				).format(_(file.attached_to_doctype), file.attached_to_name),
				frappe.PermissionError,
				title=_("Lampiran harus privat"),
			)
		return
	url_publik = file.file_url
	isi = file.get_content()
	file.is_private = 1
	file.save_file(content=isi)
	if url_publik and url_publik != file.file_url and not frappe.db.exists("File", {"file_url": url_publik}):
		path = frappe.get_site_path("public", "files", os.path.basename(url_publik))
		if os.path.isfile(path):
			os.remove(path)


def pastikan_lampiran_sah(doc) -> None:
	"""Every Attach field of ``doc`` and of its rows holds a file link; otherwise a message naming each
	other value (field and row), and nothing is saved."""
	masalah = []
	for d in [doc, *doc.get_all_children()]:
		for df in d.meta.get("fields", {"fieldtype": ("in", ("Attach", "Attach Image"))}):
			nilai = d.get(df.fieldname)
			if nilai and not _LAMPIRAN_SAH.match(nilai):
				baris = f" ({_('baris {0}').format(d.idx)})" if d is not doc else ""
				masalah.append(_("{0}{1}: isinya bukan berkas lampiran.").format(_(df.label), baris))
	if masalah:
		masalah.append(
			_(
				"Lampirkan berkas dengan tombol Lampirkan (atau tulis tautan http/https). "
				"Tidak ada data yang diubah."
			)
		)
		frappe.throw("<br>".join(masalah), title=_("Lampiran tidak sah"))


# --------------------------------------------------------------------------- a secret letter

# Security classes of tata naskah dinas whose letter only the disposisi's sender and addressee may open.
RAHASIA = ("Rahasia", "Sangat Rahasia")


def boleh_buka(file, user: str | None = None) -> bool:
	"""Whether ``user`` may open ``file``: a file attached to a disposisi classed Rahasia or Sangat
	Rahasia (the letter it follows up) is for its sender and its addressee alone (and whoever uploaded
	it), not for everyone who may read the disposisi."""
	user = user or frappe.session.user
	if (
		user == "Administrator"
		or file.get("attached_to_doctype") != DISPOSISI
		or not file.get("attached_to_name")
	):
		return True
	d = frappe.db.get_value(
		DISPOSISI, file.attached_to_name, ["klasifikasi_keamanan", "dari", "kepada"], as_dict=True
	)
	if not d or d.klasifikasi_keamanan not in RAHASIA:
		return True
	return user in (d.dari, d.kepada, file.get("owner"))


def izin_berkas(doc, ptype: str | None = None, user: str | None = None, debug: bool = False) -> bool | None:
	"""``has_permission`` hook of File: a secret letter's file is refused to anyone else (None: Frappe's
	own rules decide)."""
	if (ptype or "read") == "create" or boleh_buka(doc, user):
		return None
	return False


class BerkasSakip(File):
	"""File with the download of a secret letter's file refused to anyone but its sender and
	addressee (Frappe's download path asks ``is_downloadable``, not the permission hooks)."""

	def is_downloadable(self):
		return boleh_buka(self) and super().is_downloadable()
