"""Official documents: the evidence pack of a triwulan (``sakip_evaluasi.cetak.paket``)."""

import frappe

from sakip_evaluasi.cetak import paket


@frappe.whitelist(methods=["POST"])
def paket_bukti(evaluasi: str) -> dict:
	"""Queue the evidence pack (PDF and ZIP) of Evaluasi Kinerja Internal ``evaluasi`` (a background
	job: a triwulan takes longer than a request should). Both files are kept as private files attached
	to the evaluation; the user is told by a realtime event and a notification."""
	return paket.antrekan(evaluasi)
