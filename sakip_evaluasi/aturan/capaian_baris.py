"""Capaian of the rows of a Kertas Kerja Evaluasi / Data Kinerja Bidang, computed by the domain core
with the cap and the predikat scale set in Pengaturan SAKIP, and beside it the peringatan dini: the
year-end projection and its status with the thresholds set there (``domain.proyeksi``)."""

from decimal import Decimal

import frappe
from frappe.utils import escape_html

from sakip_evaluasi.domain.angka import urai_angka
from sakip_evaluasi.domain.capaian import (
	SKALA_PERMENDAGRI_86_2017,
	Predikat,
	SkalaPredikat,
	hitung_capaian,
	nilai_kolom,
	nilai_sd_tw,
	uraian_capaian,
)
from sakip_evaluasi.domain.periode import nomor_triwulan
from sakip_evaluasi.domain.proyeksi import AMBANG_DEFAULT, AmbangPeringatan, proyeksikan, status_terkini


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


def target_tahun(indikator: list[str], tahun: int) -> dict[str, tuple]:
	"""Per indicator its annual target and the four quarterly targets of ``tahun``."""
	if not indikator:
		return {}
	# One plain query: this runs on every save of a Data Kinerja Bidang, where get_all's query
	# building cost more than the query itself.
	return {
		t.parent: (t.target_tahunan, [t.target_tw1, t.target_tw2, t.target_tw3, t.target_tw4])
		for t in frappe.db.sql(
			"""
			select parent, target_tahunan, target_tw1, target_tw2, target_tw3, target_tw4
			from `tabTarget Indikator Kinerja`
			where parenttype = 'Indikator Kinerja' and tahun = %(tahun)s and parent in %(indikator)s
			""",
			{"tahun": tahun, "indikator": tuple(indikator)},
			as_dict=True,
		)
	}


def urai_realisasi(teks: str | None) -> Decimal | None:
	"""The realisasi a user typed ("1.234,5" or "1234.5"); None when empty; ValueError otherwise."""
	if teks is None or not str(teks).strip():
		return None
	return urai_angka(str(teks))


def angka_realisasi(teks) -> float | None:
	"""A stored realisasi as a number for display: None when empty or not a number."""
	try:
		nilai = urai_realisasi(teks)
	except ValueError:
		return None
	return None if nilai is None else float(nilai)


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
			except ValueError:
				continue
	return hasil


def realisasi_per_tw(row, triwulan: int, lalu: list) -> list:
	"""TW I..IV of one row: the earlier quarters ``lalu``, this row's realisasi, nothing after it."""
	per_tw = list(lalu)
	per_tw[triwulan - 1] = urai_realisasi(row.realisasi)
	per_tw[triwulan:] = [None] * (4 - triwulan)
	return per_tw


def hitung_baris(row, triwulan: int, lalu: list, aturan: tuple) -> None:
	"""Fill realisasi s.d. TW, capaian, predikat and rumus of one row (realisasi already valid), and
	keep the formula spelled out with its numbers as ``row.uraian_capaian`` (not stored)."""
	batas_atas, skala = aturan
	per_tw = realisasi_per_tw(row, triwulan, lalu)
	realisasi_sd = (
		nilai_sd_tw(per_tw, triwulan, row.akumulasi or "Kumulatif")
		if per_tw[triwulan - 1] is not None
		else None
	)
	hasil = capaian_baris(row, realisasi_sd, batas_atas)
	# As the Float columns hold them, so recomputing the same numbers is no change (no Version).
	row.realisasi_sd_tw = nilai_kolom(realisasi_sd)
	row.capaian = nilai_kolom(hasil.nilai)
	row.predikat = skala.predikat(hasil.nilai) or ""
	row.rumus = hasil.rumus + (f" — {hasil.keterangan}" if hasil.keterangan else "")
	row.uraian_capaian = uraian_capaian(row.target_sd_tw, realisasi_sd, triwulan, hasil)


def uraian_tersimpan(row, triwulan: int, batas_atas: Decimal | None) -> str:
	"""The capaian of a stored row spelled out with its numbers (``domain.capaian.uraian_capaian``);
	``row`` has target_sd_tw, realisasi (text), realisasi_sd_tw, polaritas and metode_negatif."""
	realisasi_sd = row.realisasi_sd_tw if angka_realisasi(row.realisasi) is not None else None
	return uraian_capaian(
		row.target_sd_tw, realisasi_sd, triwulan, capaian_baris(row, realisasi_sd, batas_atas)
	)


def capaian_baris(row, realisasi_sd, batas_atas: Decimal | None):
	"""The capaian of ``row`` for the to-date realisasi ``realisasi_sd``, by the row's polaritas and
	method of a negative indicator (Positif and (2T-R)/T when unset)."""
	return hitung_capaian(
		row.target_sd_tw,
		realisasi_sd,
		row.polaritas or "Positif",
		row.metode_negatif or "(2T-R)/T",
		batas_atas,
	)


def proyeksikan_baris(row, triwulan: int, lalu: list, target: tuple | None, batas_atas, ambang) -> None:
	"""Fill the peringatan dini of one row: the year-end projection, its status and its method. No
	status while this quarter's realisasi is empty (nothing to project yet)."""
	tahunan, target_tw = target or (None, [None] * 4)
	hasil = proyeksikan(
		realisasi_per_tw(row, triwulan, lalu),
		triwulan,
		row.akumulasi or "Kumulatif",
		tahunan,
		target_tw,
		row.polaritas or "Positif",
		row.metode_negatif or "(2T-R)/T",
		batas_atas,
		ambang,
	)
	terisi = urai_realisasi(row.realisasi) is not None
	row.target_tahunan = nilai_kolom(tahunan)
	row.status_proyeksi = hasil.status.value if terisi else ""
	row.proyeksi_realisasi = nilai_kolom(hasil.realisasi)
	row.proyeksi_capaian = nilai_kolom(hasil.capaian)
	row.kekurangan_proyeksi = nilai_kolom(hasil.kekurangan)
	row.metode_proyeksi = " — ".join(t for t in (hasil.metode, hasil.keterangan) if t)


def status_proyeksi_kini(doc) -> None:
	"""Show each row's peringatan dini by the thresholds in force now (a document read after they
	changed, e.g. an accepted one, which never saves again); nothing is written."""
	ambang = ambang_proyeksi()
	for row in doc.baris:
		row.status_proyeksi = status_terkini(row.status_proyeksi, row.proyeksi_capaian, ambang)


def hitung_semua_baris(doc) -> list[str]:
	"""Compute every row of ``doc`` (which has ``tahun``, ``triwulan`` and ``baris``); returns the
	problems found in realisasi cells, one per row, in Bahasa Indonesia."""
	masalah = []
	for row in doc.baris:
		try:
			urai_realisasi(row.realisasi)
		except ValueError as e:
			# The value typed is shown back in an HTML message: escaped, never rendered.
			masalah.append(escape_html(f"Baris {row.idx} ({row.nama_indikator or row.indikator}): {e}"))
	if masalah:
		return masalah
	triwulan = nomor_triwulan(doc.triwulan)
	lalu = realisasi_triwulan_lalu([r.indikator for r in doc.baris], doc.tahun, triwulan)
	aturan = aturan_capaian()
	ambang = ambang_proyeksi()
	target = target_tahun([r.indikator for r in doc.baris], doc.tahun)
	for row in doc.baris:
		tw_lalu = lalu.get(row.indikator, [None] * 4)
		hitung_baris(row, triwulan, tw_lalu, aturan)
		proyeksikan_baris(row, triwulan, tw_lalu, target.get(row.indikator), aturan[0], ambang)
	return []
