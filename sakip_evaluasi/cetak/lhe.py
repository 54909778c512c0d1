"""The Laporan Hasil Evaluasi (LHE) AKIP of one OPD: what its print format shows
(``konteks_lhe(doc)`` in Jinja; the format is ``CETAKAN_LHE`` on Evaluasi AKIP).

On the Inspektorat's letterhead (the OPD of the Inspektur's Pegawai), signed by the Inspektur who
took *Tetapkan*, with the position held that day (``pejabat.penandatangan``); the scores per
component and in total, the predikat, per sub-component its value, the findings (the Inspektorat's
note on each criterion) and the recommendations; and the follow-ups of last year's LHE with the
status of their latest Tindak Lanjut row. Only a **Final** evaluation has an LHE: asked before, it
is refused. The print format's name is stable: the electronic signature is keyed by it.
"""

import frappe
from frappe import _
from frappe.utils import cint, getdate

from sakip_evaluasi.cetak.konteks import kertas, kop, ttd
from sakip_evaluasi.cetak.paket import render_cetakan
from sakip_evaluasi.domain import akip
from sakip_evaluasi.domain.akip import FINAL
from sakip_evaluasi.domain.doctype import AKIP
from sakip_evaluasi.domain.penamaan import nama_evaluasi_akip
from sakip_evaluasi.domain.tindak_lanjut import BELUM_ADA
from sakip_evaluasi.pejabat.pemegang import sebutan_bidang
from sakip_evaluasi.pejabat.penandatangan import pejabat_pada, waktu_tindakan

CETAKAN_LHE = "Laporan Hasil Evaluasi AKIP"
TINDAKAN_TETAPKAN = "Tetapkan"
SEBUTAN_INSPEKTUR = "Inspektur"


def pastikan_final(doc) -> None:
	"""An LHE is the result of a final evaluation: refused before."""
	if doc.workflow_state != FINAL:
		frappe.throw(
			_(
				"Laporan Hasil Evaluasi {0} belum dapat dicetak: evaluasi berstatus {1}. LHE tersedia setelah "
				"hasil reviu ditetapkan Inspektur (status {2})."
			).format(doc.name, _(doc.workflow_state or "-"), _(FINAL)),
			title=_("Evaluasi belum final"),
		)


def opd_inspektorat(doc) -> str | None:
	"""The OPD of the Inspektorat: the Inspektur's Pegawai's OPD."""
	return frappe.db.get_value("Pegawai", doc.inspektur, "opd") if doc.inspektur else None


def konteks_lhe(doc) -> dict:
	"""Everything the LHE of ``doc`` (a final Evaluasi AKIP) shows."""
	pastikan_final(doc)
	opd_apip = opd_inspektorat(doc)
	kop_apip = kop(opd_apip)
	if not opd_apip:
		kop_apip.nama_opd = _("Inspektorat")
	diambil = waktu_tindakan(doc, TINDAKAN_TETAPKAN)
	penanda = pejabat_pada(diambil[0], diambil[1], opd_apip) if diambil else None
	return frappe._dict(
		kop=kop_apip,
		kertas=kertas(False),
		nama_opd=doc.nama_opd or doc.opd,
		tahun=cint(doc.tahun),
		tahun_dinilai=cint(doc.tahun_dinilai),
		komponen=[
			frappe._dict(kode=r.kode, nama=r.nama, bobot=r.bobot, nilai=r.nilai_inspektorat)
			for r in doc.nilai_komponen
		],
		nilai=doc.nilai_akhir,
		predikat=doc.predikat,
		label_predikat=akip.label_predikat(doc.predikat or ""),
		subkomponen=subkomponen_lhe(doc),
		tindak_lanjut_lalu=tindak_lanjut_lhe_lalu(doc.opd, cint(doc.tahun) - 1),
		tim=[frappe._dict(peran=r.peran_tim, nama=r.nama) for r in doc.tim],
		tanggal=(penanda and penanda.tanggal) or getdate(),
		ttd=ttd(penanda, SEBUTAN_INSPEKTUR),
	)


def subkomponen_lhe(doc) -> list[dict]:
	"""Per sub-component: its value, the findings (criteria with the Inspektorat's note) and the
	recommendations, in worksheet order."""
	temuan: dict[str, list] = {}
	for r in doc.jawaban:
		if (r.catatan_inspektorat or "").strip():
			temuan.setdefault(r.subkomponen, []).append(
				frappe._dict(
					kriteria=r.kriteria, jawaban=r.jawaban_inspektorat, catatan=r.catatan_inspektorat
				)
			)
	rekomendasi: dict[str, list] = {}
	for r in doc.rekomendasi:
		rekomendasi.setdefault(r.subkomponen, []).append(
			frappe._dict(
				rekomendasi=r.rekomendasi,
				bidang=sebutan_bidang(r.bidang) if r.bidang else "",
				batas_waktu=r.batas_waktu,
			)
		)
	return [
		frappe._dict(
			kode=s.kode,
			nama=s.nama,
			bobot=s.bobot,
			nilai=s.nilai_inspektorat,
			temuan=temuan.get(s.kode, []),
			rekomendasi=rekomendasi.get(s.kode, []),
		)
		for s in doc.nilai_subkomponen
	]


def tindak_lanjut_lhe_lalu(opd: str, tahun: int) -> list[dict]:
	"""The recommendations of the OPD's final evaluation of ``tahun`` and where they stand: the status
	of the latest Tindak Lanjut row that carries each (rows are carried forward by ``baris_asal``),
	Belum Ada while none has taken it up."""
	lalu = nama_evaluasi_akip(opd, tahun)
	if frappe.db.get_value(AKIP, lalu, "workflow_state") != FINAL:
		return []
	hasil = []
	for r in frappe.get_all(
		"Rekomendasi Evaluasi AKIP",
		filters={"parent": lalu, "parenttype": AKIP},
		fields=["name", "subkomponen", "rekomendasi", "bidang", "batas_waktu"],
		order_by="idx asc",
	):
		status, tindak_lanjut, tuntas = BELUM_ADA, "", None
		asal = r.name
		for _langkah in range(50):  # a follow-up is carried at most once a quarter
			baris = frappe.get_all(
				"Baris Tindak Lanjut",
				filters={"baris_asal": asal},
				fields=["name", "status", "tindak_lanjut", "tanggal_tuntas"],
				order_by="creation desc",
				limit=1,
			)
			if not baris:
				break
			b = baris[0]
			status, tindak_lanjut, tuntas, asal = (
				b.status,
				b.tindak_lanjut or tindak_lanjut,
				b.tanggal_tuntas,
				b.name,
			)
		hasil.append(
			frappe._dict(
				subkomponen=r.subkomponen,
				rekomendasi=r.rekomendasi,
				bidang=sebutan_bidang(r.bidang) if r.bidang else "",
				batas_waktu=r.batas_waktu,
				status=status,
				tindak_lanjut=tindak_lanjut,
				tanggal_tuntas=tuntas,
			)
		)
	return hasil


def pdf_lhe(evaluasi: str) -> tuple[str, bytes]:
	"""The LHE of ``evaluasi`` as PDF, for a reader of the evaluation: (file name, bytes)."""
	doc = frappe.get_doc(AKIP, evaluasi)
	doc.check_permission("read")
	pastikan_final(doc)
	return f"LHE {evaluasi}.pdf", render_cetakan(AKIP, evaluasi, CETAKAN_LHE).pdf
