"""The LKE AKIP seed: the worksheet of PermenPANRB 88/2021 from the reference CSV shipped in
``setup/data/lke_88_2021.csv``, as the LKE of the current year when there is none.

Idempotent: an LKE that exists is never touched (the Admin SAKIP Pemda edits it to the Perbup's
juknis); a year without one gets a copy of the latest earlier year's, or the CSV when there is none.
"""

from pathlib import Path

import frappe
from frappe.utils import nowdate

from sakip_evaluasi.aturan.akip import isi_lke
from sakip_evaluasi.domain import akip
from sakip_evaluasi.domain.doctype import LKE

CSV_LKE = Path(__file__).parent / "data" / "lke_88_2021.csv"
JUDUL = "LKE AKIP PermenPANRB 88/2021"


def struktur_acuan() -> akip.StrukturLKE:
	return akip.baca_csv(CSV_LKE.read_text(encoding="utf-8"))


def pastikan_lke(tahun: int | None = None) -> str:
	"""The LKE AKIP of ``tahun`` (default: this year), made when missing; returns its name."""
	tahun = int(tahun or nowdate()[:4])
	nama = f"LKE-{tahun}"
	if frappe.db.exists(LKE, nama):
		return nama
	doc = frappe.new_doc(LKE)
	doc.tahun = tahun
	lalu = frappe.get_all(LKE, filters={"tahun": ("<", tahun)}, pluck="name", order_by="tahun desc", limit=1)
	if lalu:
		sumber = frappe.get_doc(LKE, lalu[0])
		for f in (
			"judul",
			"dasar",
			*(df.fieldname for df in doc.meta.fields if df.fieldname.startswith("waktu_")),
		):
			doc.set(f, sumber.get(f))
		for tabel in ("komponen", "subkomponen", "kriteria"):
			doc.set(
				tabel,
				[{k: v for k, v in r.as_dict().items() if k not in _BUKAN_ISI} for r in sumber.get(tabel)],
			)
	else:
		doc.judul = JUDUL
		doc.dasar = "Peraturan Menteri PANRB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah"
		isi_lke(doc, struktur_acuan())
	doc.insert(ignore_permissions=True)
	return doc.name


_BUKAN_ISI = {
	"name",
	"parent",
	"parentfield",
	"parenttype",
	"idx",
	"owner",
	"creation",
	"modified",
	"modified_by",
	"doctype",
	"docstatus",
}
