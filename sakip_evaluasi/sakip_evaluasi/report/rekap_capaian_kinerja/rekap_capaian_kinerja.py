# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt

"""Rekap Capaian Kinerja: for one period (tahun, triwulan), per bidang and indicator the target,
realisasi, capaian and predikat as the Data Kinerja Bidang rows hold them (computed on every save by
``capaian_baris``), with a chart of the mean capaian per bidang and, beside it, the bidang's penyerapan anggaran (its
realisasi anggaran s.d. TW against the pagu of its PK programs; summary: the OPD's penyerapan and the
efficiency index, capaian against penyerapan).

The documents are read with ``frappe.get_list`` as the session user, so the standard User
Permissions limit an OPD's users to their OPD and a Kepala Bidang to their own bidang; the optional
``opd`` filter is the drill-down from the cross-OPD recapitulation (Rekapitulasi Kinerja OPD). Rows whose capaian cannot be
computed (no realisasi, target zero, ...) show an empty capaian and predikat and are left out of the
chart's means; their formula note (``rumus``) says why. The capaian is computed on the to-date
("s.d. TW") values, which stand beside it; ``rumus`` spells the formula out with those numbers.
"""

from collections import defaultdict
from decimal import Decimal

import frappe
from frappe import _
from frappe.utils import cint, flt

from sakip_evaluasi.aturan.capaian_baris import aturan_capaian, uraian_tersimpan
from sakip_evaluasi.domain.capaian import angka_realisasi as _angka
from sakip_evaluasi.domain.doctype import DKB
from sakip_evaluasi.domain.periode import TRIWULAN, nomor_triwulan
from sakip_evaluasi.laporan import kolom_laporan as k
from sakip_evaluasi.laporan.rekap_capaian import baris_laporan, grafik, isi_penyerapan, ringkasan


def execute(filters=None):
	filters = frappe._dict(filters or {})
	if not cint(filters.tahun) or filters.triwulan not in TRIWULAN:
		frappe.throw(_("Pilih tahun dan triwulan."), title=_("Filter belum lengkap"))
	data = baris_laporan(filters)
	isi_penyerapan(data)
	return kolom(), data, None, grafik(data), ringkasan(data)


def kolom() -> list[dict]:
	return [
		k("bidang", _("Bidang"), "Link", 170, options="Bidang"),
		k("indikator", _("Indikator"), "Data", 300),
		k("satuan", _("Satuan"), width=80),
		k("polaritas", _("Polaritas"), width=85),
		k("target_tw", _("Target TW"), "Float", precision=2),
		k("realisasi", _("Realisasi TW"), "Float", precision=2),
		# capaian is computed on the to-date values: they stand right beside it
		k("target_sd_tw", _("Target s.d. TW"), "Float", 120, precision=2),
		k("realisasi_sd_tw", _("Realisasi s.d. TW"), "Float", 130, precision=2),
		k("capaian", _("Capaian s.d. TW (%)"), "Float", 130, precision=2),
		k("predikat", _("Predikat"), width=120),
		# the bidang's budget spent s.d. TW against its pagu (Data Kinerja Bidang, Realisasi Anggaran)
		k("penyerapan", _("Penyerapan Anggaran Bidang s.d. TW (%)"), "Float", 150, precision=2),
		k("rumus", _("Rumus Capaian"), width=420),
		k("status", _("Status Data"), width=110),
		k("dokumen", _("Data Kinerja Bidang"), "Link", 200, options=DKB),
	]
