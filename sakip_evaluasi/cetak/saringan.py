"""Jinja filters of the print formats (``jinja.filters`` in ``hooks.py``): a typed text escaped,
dates, numbers, percentages and hours as Indonesian documents write them (``domain/tulisan.py``)."""

from markupsafe import escape

from sakip_evaluasi.domain import tulisan
from sakip_evaluasi.domain.kepegawaian import nip_tercetak


def teks(nilai) -> str:
	"""A text a user typed, escaped, its line breaks kept; empty → "-"."""
	if nilai in (None, ""):
		return "-"
	return str(escape(str(nilai))).replace("\r\n", "\n").replace("\n", "<br>")


def tanggal_panjang(nilai, dengan_hari: bool = True) -> str:
	return tulisan.tanggal_panjang(nilai, dengan_hari)


def angka_id(nilai, desimal: int | None = 2) -> str:
	"""A number as "1.234,56"; a realisasi typed as words comes back escaped."""
	return str(escape(tulisan.angka_id(nilai, desimal)))


def persen_id(nilai, desimal: int = 2) -> str:
	return tulisan.persen_id(nilai, desimal)


def jam_id(nilai) -> str:
	return tulisan.jam(nilai)


def nip(nilai) -> str:
	"""A NIP in its four parts ("19680512 199403 1 005"), escaped."""
	return str(escape(nip_tercetak(nilai)))
