"""Fill the empty officials of evaluations created before officials were required (they were
accepted with Kepala Dinas, Sekretaris or Subkoordinator empty, and their steps stalled silently).

Each empty official is filled by the rule for a new evaluation (``pejabat.pemegang_peran``: the
official on its OPD, else the only active user holding the role) when that user can act, and
so are the holder and superior of its unfinished steps that have none. An official no user can be
found for stays empty: the evaluation's form names it, with what to set where.
"""

import frappe

from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.doctype import EVALUASI
from sakip_evaluasi.pejabat.pemegang import PEJABAT, pemegang_peran


def execute() -> None:
	from sakip_evaluasi.sla.jam import pengguna_peran
	from sakip_evaluasi.sla.mesin import perbarui_ringkasan

	kosong = [[EVALUASI, field, "is", "not set"] for field in PEJABAT.values()]
	for name in frappe.get_all(EVALUASI, or_filters=kosong, pluck="name"):
		eki = frappe.get_doc(EVALUASI, name)
		isi = {}
		for peran, field in PEJABAT.items():
			baru = frappe.new_doc(EVALUASI)
			baru.opd = eki.get("opd")  # a new evaluation of its OPD: the OPD's official, or the only holder
			if not eki.get(field) and (p := pemegang_peran(peran, baru)).user and not p.masalah:
				isi[field] = p.user
		if not isi:
			continue
		frappe.db.set_value(EVALUASI, name, isi, update_modified=False)
		eki.update(isi)
		for langkah in frappe.get_all(
			"Langkah Evaluasi",
			filters={"evaluasi": name, "selesai": ("is", "not set")},
			fields=["name", "peran", "bidang", "pelaksana", "atasan"],
		):
			peran_atasan = sla.atasan(langkah.peran)
			pemegang = {
				"pelaksana": langkah.pelaksana or pengguna_peran(eki, langkah.peran, langkah.bidang),
				"atasan": langkah.atasan
				or (pengguna_peran(eki, peran_atasan, langkah.bidang) if peran_atasan else None),
			}
			if pemegang != {"pelaksana": langkah.pelaksana, "atasan": langkah.atasan}:
				frappe.db.set_value("Langkah Evaluasi", langkah.name, pemegang, update_modified=False)
		perbarui_ringkasan(name)
