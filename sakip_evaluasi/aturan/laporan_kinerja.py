"""The LKjIP (Laporan Kinerja) of an OPD and year: drafted from the PK in force and the four
triwulan once TW IV is Direkap, its computed tables regenerated from the data (the narratives and the
realisasi anggaran typed where no bidang reported it survive; the rest comes from the bidang's Data
Kinerja), hand edits to a computed table refused, its workflow with the
clocks of "SOP Penyusunan Laporan Kinerja" and the Inspektorat's reviu. Arithmetic in
``domain.lkjip.model``.
"""

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import flt, getdate, now_datetime

from sakip_evaluasi.aturan.alur_kerja import (
	catat_pengembalian,
	daftar_perubahan,
	pastikan_alasan_dikembalikan,
)
from sakip_evaluasi.aturan.anggaran_bidang import realisasi_tahun
from sakip_evaluasi.aturan.capaian_baris import aturan_capaian
from sakip_evaluasi.aturan.perjanjian_kinerja import pk_opd_berlaku
from sakip_evaluasi.domain import anggaran as ang
from sakip_evaluasi.domain import tulisan as tl
from sakip_evaluasi.domain.capaian import RealisasiTidakSah, urai_realisasi
from sakip_evaluasi.domain.doctype import DKB, KKE, LKJIP, PENGATURAN, PK, RENSTRA
from sakip_evaluasi.domain.lkjip import model as m
from sakip_evaluasi.domain.periode import nomor_triwulan

# The columns the app computes: never changed by hand.
KOLOM_DIHITUNG = {
	"capaian": (
		"kode_sasaran", "sasaran", "indikator", "nama_indikator", "satuan", "target", "realisasi", "capaian",
		"ada_capaian", "keterangan", "realisasi_lalu_1", "realisasi_lalu_2", "target_akhir_renstra",
		"capaian_renstra", "analisis_usulan",
	),
	"anggaran": ("jenis", "kode_sipd", "nama", "anggaran", "serapan", "sumber_realisasi"),
}  # fmt: skip
FIELD_DIHITUNG = (
	"perjanjian_kinerja", "renstra", "rata_rata_capaian", "total_anggaran", "total_realisasi_anggaran",
	"serapan_anggaran", "indeks_efisiensi", "kesimpulan_efisiensi", "sidik_tabel", "disusun_pada",
	"batas_pemda", "nama_inspektur", "tanggal_pernyataan", "tanggal_final", "batas_waktu", "status_batas",
	"berkas_word", "berkas_pdf",
)  # fmt: skip
# Where a row's realisasi anggaran came from when the bidang reported it (else typed by hand).
SUMBER_DKB = DKB
NARASI = ("ikhtisar_eksekutif", "pendahuluan", "capaian_lainnya", "penutup")


def nama_lkjip(opd: str, tahun: int | str) -> str:
	return f"LKJIP-{opd}-{tahun}"


def _tolak(pesan: str, judul: str, exc=frappe.ValidationError) -> None:
	frappe.throw(pesan + " " + _("Tidak ada data yang diubah."), exc, title=judul)


# --------------------------------------------------------------------------- drafting


def pastikan_siap(opd: str, tahun: int) -> str:
	"""TW IV of the year is Direkap and the OPD has a PK in force: the PK's name."""
	kke = frappe.db.get_value(KKE, {"opd": opd, "tahun": tahun, "triwulan": "IV"}, ["name", "workflow_state"])
	if not kke or kke[1] != "Direkap":
		_tolak(
			_(
				"LKjIP {0} tahun {1} baru dapat disusun setelah Kertas Kerja Evaluasi Triwulan IV berstatus "
				"Direkap (sekarang: {2})."
			).format(opd, tahun, _(kke[1]) if kke else _("belum ada")),
			_("Triwulan IV belum direkap"),
		)
	pk = pk_opd_berlaku(opd, tahun, 4)
	if not pk:
		_tolak(
			_("OPD {0} belum memiliki Perjanjian Kinerja Kepala OPD tahun {1} yang berlaku.").format(
				opd, tahun
			),
			_("Belum ada PK berlaku"),
		)
	return pk


def susun(opd: str, tahun: int) -> str:
	"""Draft the LKjIP of ``opd`` and ``tahun``, or regenerate its computed tables."""
	tahun = int(tahun)
	nama = nama_lkjip(opd, tahun)
	ada = frappe.db.exists(LKJIP, nama)
	doc = frappe.get_doc(LKJIP, nama) if ada else frappe.new_doc(LKJIP)
	if ada:
		doc.check_permission("write")
		if doc.workflow_state not in m.TAHAP_SUSUN:
			_tolak(
				_(
					"{0} berstatus {1}: tabelnya hanya dihitung ulang pada status Draft, Dikembalikan atau Perbaikan Reviu."
				).format(nama, _(doc.workflow_state)),
				_("Tidak dapat dihitung ulang"),
			)
	else:
		doc.update({"opd": opd, "tahun": tahun})
		doc.check_permission("create")
	pk = pastikan_siap(opd, tahun)
	isi_tabel(doc, pk)
	doc.flags.dari_sistem = True
	doc.save() if ada else doc.insert()
	return doc.name


def _realisasi_per_tw(opd: str, tahun: int, indikator: list[str]) -> tuple[dict, dict]:
	"""Per indicator the realisasi of TW I–IV (Decimal or None) and what the quarters recorded of it."""
	nilai: dict[str, list] = defaultdict(lambda: [None] * 4)
	catatan: dict[str, list[str]] = defaultdict(list)
	if not indikator:
		return nilai, catatan
	for r in frappe.db.sql(
		"""select b.indikator, d.triwulan, b.realisasi, b.kendala, b.upaya from `tabBaris Data Kinerja` b
		join `tabData Kinerja Bidang` d on d.name = b.parent and b.parenttype = 'Data Kinerja Bidang'
		where d.opd = %s and d.tahun = %s and b.indikator in %s order by d.triwulan""",
		(opd, tahun, tuple(indikator)),
		as_dict=True,
	):
		tw = nomor_triwulan(r.triwulan)
		try:
			nilai[r.indikator][tw - 1] = urai_realisasi(r.realisasi)
		except RealisasiTidakSah:
			pass
		if r.kendala:
			catatan[r.indikator].append(_("TW {0} kendala: {1}").format(r.triwulan, r.kendala.strip()))
		if r.upaya:
			catatan[r.indikator].append(_("TW {0} upaya: {1}").format(r.triwulan, r.upaya.strip()))
	status_tl = {
		(r.rekomendasi or "").strip(): r.status
		for r in frappe.db.sql(
			"""select b.rekomendasi, b.status from `tabBaris Tindak Lanjut` b join `tabTindak Lanjut Evaluasi` t
			on t.name = b.parent where t.opd = %s and t.tahun = %s order by t.triwulan""",
			(opd, tahun),
			as_dict=True,
		)
	}
	for r in frappe.db.sql(
		"""select r.indikator, n.triwulan, r.rekomendasi from `tabRekomendasi Rapat` r join `tabNotulen Rapat` n
		on n.name = r.parent where n.opd = %s and n.tahun = %s and r.indikator in %s order by n.triwulan""",
		(opd, tahun, tuple(indikator)),
		as_dict=True,
	):
		status = status_tl.get((r.rekomendasi or "").strip()) or _("belum ditindaklanjuti")
		catatan[r.indikator].append(
			_("Rekomendasi rapat TW {0}: {1} (tindak lanjut: {2})").format(r.triwulan, r.rekomendasi, status)
		)
	return nilai, catatan


def _renstra(opd: str, tahun: int) -> tuple[str | None, dict[str, tuple]]:
	"""The Renstra covering ``tahun``: per indicator (realisasi n-1, n-2, target akhir)."""
	nama = frappe.db.get_value(
		RENSTRA, {"opd": opd, "tahun_mulai": ("<=", tahun), "tahun_selesai": (">=", tahun)}, "name"
	)
	if not nama:
		return None, {}
	doc = frappe.get_doc(RENSTRA, nama)
	realisasi = {(t.kode_indikator, t.tahun): t.realisasi for t in doc.target if t.ada_realisasi}
	hasil = {}
	for r in doc.indikator:
		if r.indikator:
			hasil[r.indikator] = (
				realisasi.get((r.kode, tahun - 1)),
				realisasi.get((r.kode, tahun - 2)),
				r.target_akhir or None,
			)
	return nama, hasil


def _teks(nilai) -> str:
	return "" if nilai is None else tl.angka_id(nilai, None)


def isi_tabel(doc, pk_nama: str) -> None:
	"""Bab II–III from the data: the indicators of the PK in force with the year's realisasi, capaian and
	comparisons, the budget; a typed analysis and realisasi anggaran are kept by indicator and code."""
	pk = frappe.get_doc(PK, pk_nama)
	tahun = int(doc.tahun)
	sasaran = {(s.kode_sasaran or "").strip(): s.sasaran for s in pk.sasaran}
	indikator = [r.indikator for r in pk.indikator if r.indikator]
	realisasi, catatan = _realisasi_per_tw(doc.opd, tahun, indikator)
	doc.renstra, renstra = _renstra(doc.opd, tahun)
	batas_atas, _skala = aturan_capaian()
	analisis_lama = {(r.indikator or r.nama_indikator): r.analisis for r in doc.capaian if r.analisis}
	doc.set("capaian", [])
	for r in pk.indikator:
		lalu1, lalu2, akhir = renstra.get(r.indikator, (None, None, None))
		b = m.baris_capaian(
			m.Indikator(
				kode_sasaran=r.kode_sasaran or "",
				indikator=r.indikator,
				nama=r.nama_indikator or r.indikator or "",
				satuan=r.satuan or "",
				polaritas=r.polaritas,
				metode_negatif=r.metode_negatif,
				akumulasi=r.akumulasi,
				target=flt(r.target_tahunan),
				realisasi_tw=tuple(realisasi[r.indikator]) if r.indikator else (None,) * 4,
				realisasi_lalu=(lalu1, lalu2),
				target_akhir_renstra=akhir,
			),
			batas_atas,
		)
		usulan = "\n".join(catatan.get(r.indikator, [])) or _(
			"Tidak ada kendala yang dicatat pada triwulan I–IV."
		)
		doc.append(
			"capaian",
			{
				"kode_sasaran": b.kode_sasaran,
				"sasaran": sasaran.get(b.kode_sasaran.strip(), ""),
				"indikator": b.indikator,
				"nama_indikator": b.nama_indikator,
				"satuan": b.satuan,
				"target": b.target,
				"realisasi": _teks(b.realisasi),
				"capaian": b.capaian or 0,
				"ada_capaian": int(b.capaian is not None),
				"keterangan": b.keterangan,
				"realisasi_lalu_1": _teks(b.realisasi_lalu_1),
				"realisasi_lalu_2": _teks(b.realisasi_lalu_2),
				"target_akhir_renstra": _teks(b.target_akhir_renstra),
				"capaian_renstra": _teks(b.capaian_renstra),
				"analisis_usulan": usulan,
				"analisis": analisis_lama.get(b.indikator or b.nama_indikator) or usulan,
			},
		)
	# the realisasi the bidang reported in their Data Kinerja (TW IV, else their latest triwulan);
	# a row no bidang reported keeps what was typed
	realisasi_lama = {(r.kode_sipd or r.nama): r.realisasi_anggaran for r in doc.anggaran}
	dari_bidang = realisasi_tahun(doc.opd, tahun) or {}
	doc.set("anggaran", [])
	for p in pk.program:
		bidang = ang.realisasi_untuk(p.kode_sipd, p.nama, dari_bidang)
		doc.append(
			"anggaran",
			{
				"jenis": p.jenis,
				"kode_sipd": p.kode_sipd,
				"nama": p.nama,
				"anggaran": p.anggaran,
				"realisasi_anggaran": flt(bidang)
				if bidang is not None
				else realisasi_lama.get(p.kode_sipd or p.nama) or 0,
				"sumber_realisasi": SUMBER_DKB if bidang is not None else None,
			},
		)
	if not doc.butir_reviu:
		for aspek, butir in m.BUTIR_REVIU:
			doc.append("butir_reviu", {"aspek": aspek, "butir": butir})
	doc.perjanjian_kinerja = pk_nama
	doc.disusun_pada = now_datetime()
	hitung(doc)


def hitung(doc) -> None:
	"""The totals, the absorption and the efficiency, and the fingerprint of the computed tables."""
	for r in doc.anggaran:
		r.serapan = m.serapan(flt(r.anggaran), flt(r.realisasi_anggaran)) or 0
	capaian = [r.capaian if r.ada_capaian else None for r in doc.capaian]
	e = m.efisiensi(
		capaian,
		sum(flt(r.anggaran) for r in doc.anggaran),
		sum(flt(r.realisasi_anggaran) for r in doc.anggaran),
	)
	doc.rata_rata_capaian = e.rata_rata_capaian or 0
	doc.total_anggaran, doc.total_realisasi_anggaran = e.anggaran, e.realisasi_anggaran
	doc.serapan_anggaran = e.serapan or 0
	doc.indeks_efisiensi = e.indeks or 0
	doc.kesimpulan_efisiensi = _(e.kesimpulan)
	doc.sidik_tabel = m.sidik(
		{t: [[r.get(k) for k in kolom] for r in doc.get(t)] for t, kolom in KOLOM_DIHITUNG.items()}
	)
	pengaturan = frappe.get_cached_doc(PENGATURAN)
	doc.batas_pemda = m.batas_lkjip(
		int(doc.tahun), pengaturan.get("bulan_batas_lkjip") or 2, pengaturan.get("tanggal_batas_lkjip") or 0
	)


# --------------------------------------------------------------------------- what a save may change


def pastikan_tabel_tidak_diubah(doc) -> None:
	"""A computed table is regenerated from the data, never typed: a hand edit is refused, naming the
	row and column."""
	if doc.is_new() or doc.flags.dari_sistem:
		return
	before = doc.get_doc_before_save()
	if not before:
		return
	masalah = []
	for p in daftar_perubahan(doc, before):
		dari_bidang = p.tabel == "anggaran" and p.baris is not None and p.baris.get("sumber_realisasi")
		if p.tabel in KOLOM_DIHITUNG and (
			p.jenis != "ubah"
			or p.kolom in KOLOM_DIHITUNG[p.tabel]
			or (dari_bidang and p.kolom == "realisasi_anggaran")
		):
			label = _(doc.meta.get_field(p.tabel).label)
			if p.kolom:
				kolom = _(frappe.get_meta(doc.meta.get_field(p.tabel).options).get_label(p.kolom))
				masalah.append(_("{0} baris {1}, kolom {2}").format(label, p.baris.idx, kolom))
			else:
				masalah.append(_("{0}: baris ditambah, dihapus atau dipindah").format(label))
		elif p.tabel is None and p.kolom in FIELD_DIHITUNG:
			masalah.append(_(doc.meta.get_label(p.kolom)))
	if masalah:
		_tolak(
			_(
				"Tabel yang dihitung dari data tidak dapat diubah tangan: {0}. Perbaiki datanya (PK, Data Kinerja "
				"Bidang, Renstra) lalu klik Hitung Ulang Tabel; tulis penjelasan di kolom Analisis atau narasi."
			).format("; ".join(masalah)),
			_("Tabel dihitung dari data"),
			frappe.PermissionError,
		)


def pastikan_narasi_boleh(doc) -> None:
	"""Narratives and the typed columns change only while the OPD drafts or corrects."""
	if doc.is_new() or doc.flags.dari_sistem:
		return
	before = doc.get_doc_before_save()
	if not before or (before.workflow_state or m.DRAFT) in m.TAHAP_SUSUN:
		return
	berubah = [
		p for p in daftar_perubahan(doc, before)
		if (p.tabel is None and p.kolom in NARASI) or (p.tabel in ("capaian", "anggaran") and p.jenis == "ubah")
	]  # fmt: skip
	if berubah:
		_tolak(
			_(
				"{0} berstatus {1}: narasi dan tabelnya hanya diubah pada status Draft, Dikembalikan atau Perbaikan Reviu."
			).format(doc.name, _(before.workflow_state)),
			_("Laporan tidak dapat diubah"),
			frappe.PermissionError,
		)


def butir(doc) -> list[m.ButirReviu]:
	return [
		m.ButirReviu(_("Kertas Kerja Reviu baris {0}").format(r.idx), r.butir, r.hasil, r.catatan)
		for r in doc.butir_reviu
	]


def periksa_reviu(doc) -> None:
	if masalah := m.temuan_tanpa_alasan(butir(doc)):
		_tolak("<br>".join(masalah), _("Temuan tanpa alasan"))


# --------------------------------------------------------------------------- the workflow


def masuk_tahap(doc) -> None:
	"""What entering a stage checks and sets: returns with a reason, findings with reasons, the
	statement signed by the Inspektur, the clock of the stage's SOP step."""
	state = doc.workflow_state
	pastikan_alasan_dikembalikan(doc)
	if state == m.DIKEMBALIKAN:
		catat_pengembalian(doc)
	if state == m.PERBAIKAN_REVIU:
		if not m.ada_temuan(butir(doc)):
			_tolak(
				_(
					"Tandai paling sedikit satu butir reviu 'Tidak Sesuai' dengan alasannya sebelum mengembalikan temuan."
				),
				_("Belum ada temuan"),
			)
		doc.alasan_dikembalikan = "\n".join(
			f"{r.butir}: {r.catatan}" for r in doc.butir_reviu if r.hasil == m.TIDAK_SESUAI
		)
		catat_pengembalian(doc)
	if state == m.FINAL:
		if masalah := m.siap_pernyataan(butir(doc)):
			_tolak("<br>".join(masalah), _("Reviu belum selesai"))
		doc.nama_inspektur = frappe.utils.get_fullname(frappe.session.user)
		doc.tanggal_pernyataan = getdate()
		doc.tanggal_final = now_datetime()
