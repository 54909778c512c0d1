"""Capaian of the rows of a Kertas Kerja Evaluasi / Data Kinerja Bidang and, beside it, the peringatan
dini (year-end projection and its status). Each row is computed by one pure function,
``domain.proyeksi.nilai_baris``; this module only gathers its inputs (the cap, the predikat scale and
the thresholds of Pengaturan SAKIP, the annual and quarterly targets, the realisasi of the earlier
quarters) and writes the results."""

from decimal import Decimal

import frappe
from frappe.utils import escape_html

from sakip_evaluasi.aturan.perjanjian_kinerja import target_pk
from sakip_evaluasi.aturan.rumus_indikator import realisasi_berumus
from sakip_evaluasi.domain.capaian import (
	SKALA_PERMENDAGRI_86_2017,
	Predikat,
	RealisasiTidakSah,
	SkalaPredikat,
	angka_realisasi,
	capaian_indikator,
	urai_realisasi,
	uraian_capaian,
)
from sakip_evaluasi.domain.periode import nomor_triwulan
from sakip_evaluasi.domain.proyeksi import AMBANG_DEFAULT, AmbangPeringatan, nilai_baris, status_terkini


def aturan_capaian() -> tuple[Decimal | None, SkalaPredikat]:
	pengaturan = frappe.get_cached_doc("Pengaturan SAKIP")
	batas = pengaturan.batas_atas_capaian
	batas_atas = Decimal(batas) if batas and batas != "Tanpa Batas" else None
	tingkat = tuple(
		Predikat(nama=r.predikat, batas_bawah=Decimal(str(r.batas_bawah))) for r in pengaturan.skala_predikat
	)
	return batas_atas, SkalaPredikat(tingkat) if tingkat else SKALA_PERMENDAGRI_86_2017


def ambang_proyeksi() -> AmbangPeringatan:
	"""The peringatan dini thresholds of Pengaturan SAKIP (the defaults where a field is empty)."""
	pengaturan = frappe.get_cached_doc("Pengaturan SAKIP")
	aman, kritis = pengaturan.get("ambang_aman_proyeksi"), pengaturan.get("ambang_kritis_proyeksi")
	return AmbangPeringatan(
		aman=Decimal(str(aman)) if aman not in (None, "") else AMBANG_DEFAULT.aman,
		kritis=Decimal(str(kritis)) if kritis not in (None, "") else AMBANG_DEFAULT.kritis,
	)


def target_tahun(indikator: list[str], tahun: int, triwulan: int = 4) -> dict[str, tuple]:
	"""Per indicator its annual target and the four quarterly targets of ``tahun``, from the PK in
	force in ``triwulan`` (``aturan.perjanjian_kinerja``)."""
	return target_pk(indikator, tahun, triwulan)


def realisasi_triwulan_lalu(indikator: list[str], tahun: int, triwulan: int) -> dict[str, list]:
	"""Realisasi of the earlier quarters of ``tahun`` per indicator, from their Kertas Kerja rows."""
	hasil: dict[str, list] = {i: [None, None, None, None] for i in indikator}
	if not indikator or triwulan == 1:
		return hasil
	rows = frappe.db.sql(
		"""
		select b.indikator, e.triwulan, b.realisasi
		from `tabBaris Kertas Kerja` b
		join `tabKertas Kerja Evaluasi` k on k.name = b.parent and b.parenttype = 'Kertas Kerja Evaluasi'
		join `tabEvaluasi Kinerja Internal` e on e.name = k.evaluasi
		where e.tahun = %(tahun)s and b.indikator in %(indikator)s
		""",
		{"tahun": tahun, "indikator": tuple(indikator)},
		as_dict=True,
	)
	for row in rows:
		tw = nomor_triwulan(row.triwulan)
		if tw < triwulan:
			try:
				hasil[row.indikator][tw - 1] = urai_realisasi(row.realisasi)
			except RealisasiTidakSah:
				continue
	return hasil


def uraian_tersimpan(row, triwulan: int, batas_atas: Decimal | None) -> str:
	"""The capaian of a stored row spelled out with its numbers (``domain.capaian.uraian_capaian``);
	``row`` has target_sd_tw, realisasi (text), realisasi_sd_tw, polaritas and metode_negatif."""
	realisasi_sd = row.realisasi_sd_tw if angka_realisasi(row.realisasi) is not None else None
	hasil = capaian_indikator(row.target_sd_tw, realisasi_sd, row.polaritas, row.metode_negatif, batas_atas)
	return uraian_capaian(row.target_sd_tw, realisasi_sd, triwulan, hasil)


def status_proyeksi_kini(doc) -> None:
	"""Show each row's peringatan dini by the thresholds in force now (a document read after they
	changed, e.g. an accepted one, which never saves again); nothing is written."""
	ambang = ambang_proyeksi()
	for row in doc.baris:
		row.status_proyeksi = status_terkini(row.status_proyeksi, row.proyeksi_capaian, ambang)


def hitung_semua_baris(doc) -> list[str]:
	"""Compute every row of ``doc`` (which has ``tahun``, ``triwulan`` and ``baris``), each by one call
	of ``domain.proyeksi.nilai_baris`` with the settings and the earlier quarters gathered here, and
	write the results; returns the problems found in realisasi cells, one per row, in Bahasa
	Indonesia (then nothing is written). The realisasi of a computed indicator is first computed from
	its components (``rumus_indikator``); its explanation starts with that formula and its numbers."""
	berumus, masalah = realisasi_berumus(doc)
	if masalah:
		return [escape_html(m) for m in masalah.values()]
	triwulan = nomor_triwulan(doc.triwulan)
	indikator = [r.indikator for r in doc.baris]
	lalu = realisasi_triwulan_lalu(indikator, doc.tahun, triwulan)
	batas_atas, skala = aturan_capaian()
	ambang = ambang_proyeksi()
	target = target_tahun(indikator, doc.tahun, triwulan)
	hasil, masalah = [], []
	for row in doc.baris:
		tahunan, target_tw = target.get(row.indikator) or (None, [None] * 4)
		try:
			nilai = nilai_baris(
				row.realisasi,
				triwulan,
				realisasi_lalu=lalu.get(row.indikator, [None] * 4),
				target_sd_tw=row.target_sd_tw,
				akumulasi=row.akumulasi,
				polaritas=row.polaritas,
				metode_negatif=row.metode_negatif,
				target_tahunan=tahunan,
				target_per_tw=target_tw,
				batas_atas=batas_atas,
				skala=skala,
				ambang=ambang,
			)
		except RealisasiTidakSah as e:
			# The value typed is shown back in an HTML message: escaped, never rendered.
			masalah.append(escape_html(f"Baris {row.idx} ({row.nama_indikator or row.indikator}): {e}"))
			continue
		hasil.append((row, nilai))
	if masalah:
		return masalah
	for row, nilai in hasil:
		row.update(nilai.kolom())
		# the formula with its numbers, shown and not stored
		rumus = berumus.get(row.name)
		row.uraian_capaian = f"{rumus.uraian}. {nilai.uraian}" if rumus else nilai.uraian
	return []
