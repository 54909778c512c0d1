"""The LKE AKIP of a year (the worksheet of PermenPANRB 88/2021 as the Pemda uses it): its weights
and structure checked on every save, and the LKE of a year made when missing — a copy of the latest
earlier year's (which the Admin SAKIP Pemda may have adjusted to the Perbup's juknis), or the
reference CSV shipped in ``setup/data/lke_88_2021.csv`` when there is none. An LKE that exists is
never touched by code.
"""

from decimal import Decimal
from pathlib import Path

import frappe
from frappe import _
from frappe.utils import cint, nowdate

from sakip_evaluasi.domain import akip
from sakip_evaluasi.domain.doctype import LKE

TIDAK_DIUBAH = "Tidak ada data yang diubah."


def desimal(nilai) -> Decimal:
	"""A weight as the domain counts it (two decimals, exact)."""
	return Decimal(str(nilai or 0)).quantize(Decimal("0.01"))


def struktur_lke(doc) -> akip.StrukturLKE:
	"""The domain structure of an LKE AKIP record."""
	return akip.StrukturLKE(
		komponen=tuple(akip.Komponen(r.kode, r.nama, desimal(r.bobot)) for r in doc.komponen),
		subkomponen=tuple(
			akip.Subkomponen(r.kode, r.komponen, r.nama, desimal(r.bobot), r.dimensi or "")
			for r in doc.subkomponen
		),
		kriteria=tuple(
			akip.Kriteria(r.kode, r.subkomponen, cint(r.no), r.uraian, r.skala or akip.SKALA_AA_E)
			for r in doc.kriteria
		),
	)


def periksa_lke(doc) -> None:
	"""LKE AKIP validate: the year it assesses, and weights and structure that add up."""
	doc.tahun_dinilai = akip.tahun_dinilai(doc.tahun)
	masalah = akip.masalah_bobot(struktur_lke(doc))
	if masalah:
		frappe.throw(
			"<br>".join(
				[
					_("LKE {0} belum dapat disimpan:").format(doc.tahun),
					*[f"• {m}" for m in masalah],
					_(TIDAK_DIUBAH),
				]
			),
			title=_("Bobot LKE tidak sesuai"),
		)


def isi_lke(doc, struktur: akip.StrukturLKE) -> None:
	"""Fill an LKE AKIP record's tables from ``struktur`` (the seed from the reference CSV)."""
	doc.set(
		"komponen", [{"kode": k.kode, "nama": k.nama, "bobot": float(k.bobot)} for k in struktur.komponen]
	)
	doc.set(
		"subkomponen",
		[
			{
				"kode": s.kode,
				"komponen": s.komponen,
				"nama": s.nama,
				"dimensi": s.dimensi,
				"bobot": float(s.bobot),
			}
			for s in struktur.subkomponen
		],
	)
	doc.set(
		"kriteria",
		[
			{
				"kode": k.kode,
				"subkomponen": k.subkomponen,
				"no": k.no,
				"uraian": k.teks,
				"skala": k.skala,
				"bukti_dari_aplikasi": k.bukti_dari_aplikasi,
				"catatan": k.catatan_varian,
			}
			for k in struktur.kriteria
		],
	)


# The reference worksheet, shipped with the installer's data.
CSV_LKE = Path(__file__).parent.parent / "setup" / "data" / "lke_88_2021.csv"
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
