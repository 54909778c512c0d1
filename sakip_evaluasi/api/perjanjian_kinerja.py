"""Perjanjian Kinerja in the form: a PK Perubahan of the PK in force (``aturan.perjanjian_kinerja``)."""

import frappe

from sakip_evaluasi.aturan import perjanjian_kinerja
from sakip_evaluasi.domain.doctype import PK


@frappe.whitelist(methods=["POST"])
def buat_perubahan(nama: str, alasan: str, berlaku_mulai: str, uraian: str | None = None) -> str:
	"""A PK Perubahan of ``nama`` as the next version in Draft; returns its name."""
	frappe.has_permission(PK, "create", throw=True)
	return perjanjian_kinerja.buat_perubahan(nama, alasan, berlaku_mulai, uraian)
