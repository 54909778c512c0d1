"""Perjanjian Kinerja in the form: a PK Perubahan of the PK in force (``aturan.perjanjian_kinerja``);
the PK workbook of an OPD and year, downloaded and uploaded filled (``aturan.buku_pk``)."""

import frappe

from sakip_evaluasi.api.kertas_kerja import batasi_unggah_per_pengguna, unduhan
from sakip_evaluasi.aturan import buku_pk, perjanjian_kinerja
from sakip_evaluasi.domain.doctype import PK


@frappe.whitelist(methods=["POST"])
def buat_perubahan(nama: str, alasan: str, berlaku_mulai: str, uraian: str | None = None) -> str:
	"""A PK Perubahan of ``nama`` as the next version in Draft; returns its name."""
	frappe.has_permission(PK, "create", throw=True)
	return perjanjian_kinerja.buat_perubahan(nama, alasan, berlaku_mulai, uraian)


@frappe.whitelist(methods=["GET"])
def unduh_buku_kerja(opd: str, tahun: int) -> None:
	"""The Buku Kerja PK (.xlsx) of ``opd`` and ``tahun``: Renstra targets, PKs, Rencana Aksi, programs."""
	unduhan(*buku_pk.buat_buku_kerja(opd, tahun))


@frappe.whitelist(methods=["POST"])
@batasi_unggah_per_pengguna
def unggah_buku_kerja(opd: str, tahun: int) -> dict:
	"""Import a filled Buku Kerja PK (the uploaded ``file``), all or nothing; a refused file lists every
	problem by cell and writes nothing."""
	return buku_pk.impor_buku_kerja(opd, tahun)
