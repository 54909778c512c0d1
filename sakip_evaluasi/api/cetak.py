"""Official documents: the evidence pack of a triwulan (``sakip_evaluasi.cetak.paket``)."""

import frappe

from sakip_evaluasi.cetak import paket


@frappe.whitelist(methods=["POST"])
def paket_bukti(evaluasi: str) -> dict:
	"""Make the evidence pack (PDF and ZIP) of Evaluasi Kinerja Internal ``evaluasi``; both are kept as
	private files attached to it. Returns their URLs, the page count and the documents."""
	return paket.simpan_paket(evaluasi)
