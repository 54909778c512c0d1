"""Appointments recorded before the letter's signer was asked: the signer is the position's superior
(the Kepala Dinas for a position inside the OPD, the Kepala Daerah for the Kepala Dinas), the name that
of the Kepala Dinas on the letter's date where known."""

import frappe

from sakip_evaluasi.domain.peran import KEPALA_DINAS
from sakip_evaluasi.pejabat.jabatan import pemegang_pada
from sakip_evaluasi.pejabat.penunjukan import TTD_KADIS, TTD_KEPALA_DAERAH


def execute() -> None:
	for p in frappe.get_all(
		"Penunjukan Pelaksana",
		filters={"penandatangan": ("in", ("", None))},
		fields=["name", "opd", "peran", "tanggal_surat"],
	):
		if p.peran == KEPALA_DINAS:
			nilai = {"penandatangan": TTD_KEPALA_DAERAH}
		else:
			kadis = pemegang_pada(opd=p.opd, peran=KEPALA_DINAS, tanggal=p.tanggal_surat) if p.opd else None
			nilai = {"penandatangan": TTD_KADIS, "nama_penandatangan": kadis.nama if kadis else None}
		frappe.db.set_value("Penunjukan Pelaksana", p.name, nilai, update_modified=False)
