"""Follow-ups carried forward: a recommendation still Belum Ada or Dalam Proses is discussed again
in the next triwulan's meeting ("tindak lanjut triwulan lalu") and copied into that triwulan's
Tindak Lanjut Evaluasi, linked to the document where it was first made and keeping its first
date, so its age keeps counting. The original row stays as it was closed.

A row is carried once: the copy names it in ``baris_asal``, and a row some later Tindak Lanjut
already names is not offered again. Copies that are still open at the next meeting are carried
in their turn, so a recommendation travels until it is Tuntas.

The rules themselves (what is open, when a row may be Tuntas, ages, period order) live in
``sakip_evaluasi.domain.tindak_lanjut``.
"""

from collections.abc import Iterable

import frappe
from frappe import _
from frappe.utils import getdate, today

from sakip_evaluasi.domain.akip import FINAL
from sakip_evaluasi.domain.doctype import AKIP, TL
from sakip_evaluasi.domain.tindak_lanjut import (
	BELUM_ADA,
	TUNTAS,
	kunci_periode,
	label_periode,
	masalah_tuntas,
	rekomendasi_tertua,
	sebelum,
)

KOLOM_BUKTI = ("status", "bukti", "tautan_bukti", "tanggal_tuntas")


def tindak_lanjut_terbuka(evaluasi: str) -> list[frappe._dict]:
	"""The open follow-ups of the OPD's earlier triwulan that no later Tindak Lanjut has taken up,
	the oldest recommendation first, then by bidang and row order."""
	eki = frappe.db.get_value(
		"Evaluasi Kinerja Internal", evaluasi, ["opd", "tahun", "triwulan"], as_dict=True
	)
	if not eki or not eki.opd:
		return []
	rows = frappe.db.sql(
		"""select b.name, b.idx, b.rekomendasi, b.batas_waktu, b.tindak_lanjut, b.status,
			b.tanggal_rekomendasi, b.tindak_lanjut_asal, b.triwulan_asal,
			t.name as dokumen, t.bidang, t.tahun, t.triwulan
		from `tabBaris Tindak Lanjut` b
		join `tabTindak Lanjut Evaluasi` t on t.name = b.parent and b.parenttype = %(tl)s
		where t.opd = %(opd)s and t.evaluasi != %(evaluasi)s and ifnull(b.status, '') != %(tuntas)s
			and not exists (select 1 from `tabBaris Tindak Lanjut` n where n.baris_asal = b.name)""",
		{"tl": TL, "opd": eki.opd, "evaluasi": evaluasi, "tuntas": TUNTAS},
		as_dict=True,
	)
	rows = [r for r in rows if sebelum(r.tahun, r.triwulan, eki.tahun, eki.triwulan)]
	rows += rekomendasi_akip_terbuka(eki.opd, eki.tahun)
	# oldest recommendation first (by its first date; undated ones by their document's period)
	rows.sort(
		key=lambda r: (
			str(r.tanggal_rekomendasi or ""),
			kunci_periode(r.tahun, r.triwulan),
			r.bidang,
			r.idx,
		)
	)
	return rows


def rekomendasi_akip_terbuka(opd: str, tahun: int) -> list[frappe._dict]:
	"""The recommendations per sub-component of the OPD's final Evaluasi AKIP (held this year or
	before) that no Tindak Lanjut has taken up yet: they enter the follow-up cycle at the OPD's next
	meeting as Belum Ada, with the Inspektorat's due date, and travel on until Tuntas."""
	rows = frappe.db.sql(
		"""select r.name, r.idx, r.rekomendasi, r.batas_waktu, r.bidang, a.name as akip, a.tahun,
			a.tanggal_exit_meeting
		from `tabRekomendasi Evaluasi AKIP` r
		join `tabEvaluasi AKIP` a on a.name = r.parent and r.parenttype = %(akip)s
		where a.opd = %(opd)s and a.tahun <= %(tahun)s and a.workflow_state = %(final)s
			and not exists (select 1 from `tabBaris Tindak Lanjut` n where n.baris_asal = r.name)""",
		{"akip": AKIP, "opd": opd, "tahun": tahun, "final": FINAL},
		as_dict=True,
	)
	return [
		frappe._dict(
			name=r.name,
			idx=r.idx,
			rekomendasi=r.rekomendasi,
			batas_waktu=r.batas_waktu,
			tindak_lanjut=None,
			status=BELUM_ADA,
			tanggal_rekomendasi=r.tanggal_exit_meeting,
			tindak_lanjut_asal=None,
			triwulan_asal=_("Evaluasi AKIP {0}").format(r.akip),
			dokumen=None,
			bidang=r.bidang,
			tahun=r.tahun,
			triwulan="I",
		)
		for r in rows
	]


def asal(row) -> tuple[str, str]:
	"""(the document where the recommendation was first made, its period) of an open row."""
	return (
		row.tindak_lanjut_asal or row.dokumen,
		row.triwulan_asal or label_periode(row.triwulan, row.tahun),
	)


def baris_dibawa(row) -> dict:
	"""The row of the next triwulan's Tindak Lanjut for an open follow-up: the recommendation, its
	target date, the progress so far and its status, linked to where it was first made."""
	dokumen_asal, triwulan_asal = asal(row)
	return {
		"rekomendasi": row.rekomendasi,
		"batas_waktu": row.batas_waktu,
		"tindak_lanjut": row.tindak_lanjut,
		"status": row.status or "Belum Ada",
		"tanggal_rekomendasi": row.tanggal_rekomendasi,
		"tindak_lanjut_asal": dokumen_asal,
		"triwulan_asal": triwulan_asal,
		"baris_asal": row.name,
	}


def isi_tindak_lanjut_lalu(notulen) -> None:
	"""Put the open follow-ups of earlier triwulan on the meeting's minutes (read-only rows), and
	the item on its agenda when the agenda does not name it yet."""
	terbuka = tindak_lanjut_terbuka(notulen.evaluasi)
	notulen.set(
		"tindak_lanjut_lalu",
		[
			{
				"bidang": r.bidang,
				"rekomendasi": r.rekomendasi,
				"triwulan_asal": asal(r)[1],
				"tanggal_rekomendasi": r.tanggal_rekomendasi,
				"batas_waktu": r.batas_waktu,
				"status": r.status or "Belum Ada",
				"tindak_lanjut": r.tindak_lanjut,
				"tindak_lanjut_evaluasi": r.dokumen,
				"baris": r.name,
			}
			for r in terbuka
		],
	)
	if terbuka:
		notulen.acara = acara_dengan_tindak_lanjut_lalu(notulen.acara, len(terbuka))


def acara_dengan_tindak_lanjut_lalu(acara: str | None, jumlah: int) -> str:
	"""The agenda with the item "Tindak lanjut triwulan lalu" added at the end when missing; what
	the user wrote is kept as it is."""
	butir = _("Pembahasan tindak lanjut triwulan lalu ({0} rekomendasi belum tuntas)").format(jumlah)
	acara = (acara or "").rstrip()
	if "tindak lanjut triwulan lalu" in acara.lower():
		return acara
	return f"{acara}\n{butir}" if acara else butir


def baris_tindak_lanjut_baru(notulen) -> list[frappe._dict]:
	"""Every row of this triwulan's Tindak Lanjut, with its bidang: the open follow-ups carried from
	earlier triwulan first, then the meeting's new recommendations."""
	tanggal = notulen.tanggal_rapat or today()
	periode = label_periode(notulen.triwulan, notulen.tahun)
	rows = [
		frappe._dict(bidang=r.bidang, isi=baris_dibawa(r)) for r in tindak_lanjut_terbuka(notulen.evaluasi)
	]
	rows += [
		frappe._dict(
			bidang=r.bidang,
			isi={
				"rekomendasi": r.rekomendasi,
				"batas_waktu": r.batas_waktu,
				"tanggal_rekomendasi": tanggal,
				"triwulan_asal": periode,
			},
		)
		for r in notulen.rekomendasi
	]
	return rows


def ringkas(doc) -> None:
	"""How many follow-ups of ``doc`` are still open and the first date of the oldest (the list's
	aging columns)."""
	doc.jumlah_belum_tuntas, tertua = rekomendasi_tertua(
		(r.status, getdate(r.tanggal_rekomendasi) if r.tanggal_rekomendasi else None) for r in doc.baris
	)
	doc.rekomendasi_tertua = tertua


def pastikan_tuntas_lengkap(doc, semua: bool = False) -> None:
	"""A row marked Tuntas needs a bukti (attachment or link) and a completion date. Checked on the
	rows this save changes (``semua``: on every row, when the follow-up is submitted)."""
	masalah = []
	hari_ini = getdate(today())
	for row in _baris_diperiksa(doc, semua):
		salah = masalah_tuntas(
			row.status,
			row.bukti,
			row.tautan_bukti,
			getdate(row.tanggal_tuntas) if row.tanggal_tuntas else None,
			getdate(row.tanggal_rekomendasi) if row.tanggal_rekomendasi else None,
			hari_ini,
		)
		if salah:
			judul = (row.rekomendasi or "").strip().splitlines()[0][:60] if row.rekomendasi else ""
			masalah.append(_("Baris {0} ({1}): {2}.").format(row.idx, judul, "; ".join(salah)))
	if masalah:
		frappe.throw("<br>".join(masalah), title=_("Tindak lanjut belum lengkap"))


def _baris_diperiksa(doc, semua: bool) -> Iterable:
	sebelumnya = doc.get_doc_before_save()
	if semua or not sebelumnya:
		return doc.baris
	lama = {r.name: r for r in sebelumnya.baris}
	return [
		r
		for r in doc.baris
		if r.name not in lama or any(r.get(k) != lama[r.name].get(k) for k in KOLOM_BUKTI)
	]
