"""Follow-ups (tindak lanjut) of the evaluation meeting's recommendations: when one is Tuntas, how
old one is, which are carried into the next triwulan, and in what order.

Status values are those of LKE AKIP "Format 6": Belum Ada, Dalam Proses, Tuntas.

Pure standard library; never import frappe here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from urllib.parse import urlparse

from sakip_evaluasi.domain.periode import nomor_triwulan

__all__ = [
	"BELUM_ADA",
	"DALAM_PROSES",
	"TUNTAS",
	"STATUS_TINDAK_LANJUT",
	"masih_terbuka",
	"masalah_tuntas",
	"tautan_sah",
	"umur_hari",
	"label_periode",
	"kunci_periode",
	"sebelum",
	"rekomendasi_tertua",
]

BELUM_ADA = "Belum Ada"
DALAM_PROSES = "Dalam Proses"
TUNTAS = "Tuntas"
STATUS_TINDAK_LANJUT = (BELUM_ADA, DALAM_PROSES, TUNTAS)


def masih_terbuka(status: str | None) -> bool:
	"""A follow-up that is not Tuntas is carried into the next triwulan (an empty status is Belum Ada)."""
	return (status or BELUM_ADA) != TUNTAS


def tautan_sah(tautan: str) -> bool:
	"""A link given as bukti: an http(s) address with a host."""
	bagian = urlparse((tautan or "").strip())
	return bagian.scheme in ("http", "https") and bool(bagian.netloc)


def masalah_tuntas(
	status: str | None,
	bukti: str | None,
	tautan_bukti: str | None,
	tanggal_tuntas: date | None,
	tanggal_rekomendasi: date | None,
	hari_ini: date,
) -> list[str]:
	"""What is missing or wrong for a follow-up row to be Tuntas; empty when it may be.

	A Tuntas follow-up needs a bukti (an attachment or an http(s) link) and the date it was
	completed, not in the future and not before the recommendation was made. Rows that are not
	Tuntas need neither; a link given anyway must still be a valid address.
	"""
	masalah: list[str] = []
	if tautan_bukti and not tautan_sah(tautan_bukti):
		masalah.append("tautan bukti harus alamat web lengkap (diawali http:// atau https://)")
	if status != TUNTAS:
		return masalah
	if not (bukti or "").strip() and not (tautan_bukti or "").strip():
		masalah.append("lampirkan bukti atau isi tautan bukti")
	if not tanggal_tuntas:
		masalah.append("isi tanggal tuntas")
	elif tanggal_tuntas > hari_ini:
		masalah.append("tanggal tuntas tidak boleh setelah hari ini")
	elif tanggal_rekomendasi and tanggal_tuntas < tanggal_rekomendasi:
		masalah.append("tanggal tuntas tidak boleh sebelum tanggal rekomendasi")
	return masalah


def umur_hari(tanggal_rekomendasi: date | None, tanggal_tuntas: date | None, hari_ini: date) -> int | None:
	"""Calendar days a recommendation has been open: until it was Tuntas, or until today.
	None when its first date is unknown."""
	if not tanggal_rekomendasi:
		return None
	akhir = tanggal_tuntas or hari_ini
	return max((akhir - tanggal_rekomendasi).days, 0)


def label_periode(triwulan: str, tahun: int) -> str:
	"""How documents name an evaluation period: "TW II 2026"."""
	return f"TW {triwulan} {int(tahun)}"


def kunci_periode(tahun: int, triwulan: str) -> int:
	"""A number that orders evaluation periods in time."""
	return int(tahun) * 4 + nomor_triwulan(triwulan)


def sebelum(tahun: int, triwulan: str, tahun_acuan: int, triwulan_acuan: str) -> bool:
	"""Whether period (tahun, triwulan) comes strictly before the reference period."""
	return kunci_periode(tahun, triwulan) < kunci_periode(tahun_acuan, triwulan_acuan)


def rekomendasi_tertua(baris: Iterable[tuple[str | None, date | None]]) -> tuple[int, date | None]:
	"""From (status, tanggal_rekomendasi) pairs: how many follow-ups are still open and the first
	date of the oldest open one (None when none is open or no open one has a date)."""
	terbuka = [tanggal for status, tanggal in baris if masih_terbuka(status)]
	tanggal = [t for t in terbuka if t]
	return len(terbuka), (min(tanggal) if tanggal else None)
