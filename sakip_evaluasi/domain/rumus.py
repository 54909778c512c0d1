"""Computed indicators ("indikator berumus"): the realisasi of an indicator computed from component
values the Kepala Bidang enters, instead of typed.

Pure standard library; never import frappe here. Two formula types:

- **Rasio**: ``pembilang / penyebut`` (× 100 when the indicator is a percentage), e.g. "Persentase
  jalan kondisi mantap = panjang jalan mantap (km) / panjang jalan kabupaten (km) × 100".
- **Jumlah Berbobot**: ``Σ bobot × nilai`` over the components, e.g. an index of three sub-scores
  weighted 0,5 / 0,3 / 0,2.

The component values of a row are one text, a line per component, ``nama komponen: nilai``
(``teks_komponen`` writes it with the formula's names, ``urai_komponen`` reads it back): readable
where a row is shown or its changes are listed, and no row of its own to store.

What follows the realisasi (capaian, predikat, polarity, the roll-up s.d. TW, the projection) is
``capaian.py`` and ``proyeksi.py`` unchanged: the computed realisasi is the quarter's realisasi.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import Enum

from sakip_evaluasi.domain.capaian import (
	_KONTEKS,
	RealisasiTidakSah,
	_angka_teks,
	_BukanAngka,
	_bulatkan,
	_desimal,
	urai_realisasi,
)

__all__ = [
	"JenisRumus",
	"PeranKomponen",
	"Komponen",
	"Rumus",
	"HasilRumus",
	"KomponenTidakSah",
	"masalah_rumus",
	"hitung_realisasi",
	"urai_komponen",
	"teks_komponen",
]

_SERATUS = Decimal(100)


class JenisRumus(str, Enum):
	"""The formula types; the values are the Frappe Select options."""

	RASIO = "Rasio"
	JUMLAH_BERBOBOT = "Jumlah Berbobot"


class PeranKomponen(str, Enum):
	"""The part a component plays in a ratio; the values are the Frappe Select options."""

	PEMBILANG = "Pembilang"
	PENYEBUT = "Penyebut"


@dataclass(frozen=True)
class Komponen:
	"""One component of a formula: its name (what the Kepala Bidang enters), its part in a ratio and
	its weight in a weighted sum (ignored by the other type)."""

	nama: str
	peran: str = ""
	bobot: Decimal | int | float | str | None = None


@dataclass(frozen=True)
class Rumus:
	"""The formula of one indicator; ``persen`` multiplies a ratio by 100."""

	jenis: JenisRumus | str
	komponen: tuple[Komponen, ...]
	persen: bool = False


@dataclass(frozen=True)
class HasilRumus:
	"""The realisasi computed (None while a component is still empty) and the formula with its
	numbers, e.g. "Realisasi = 412,5 / 550 × 100 = 75,00"."""

	realisasi: Decimal | None
	uraian: str

	@property
	def teks(self) -> str | None:
		"""The realisasi as the row's Data field stores it (two decimals, decimal comma); None when
		it is not computed yet."""
		return None if self.realisasi is None else _dua(self.realisasi)


class KomponenTidakSah(RealisasiTidakSah):
	"""Component values that cannot give a realisasi (the message names the indicator)."""


def _nama(komponen: Komponen) -> str:
	return (komponen.nama or "").strip()


def masalah_rumus(rumus: Rumus, indikator: str) -> list[str]:
	"""Every problem of the formula of ``indikator`` (its name, for the messages), in Bahasa
	Indonesia; empty when it can be computed."""
	try:
		jenis = JenisRumus(rumus.jenis)
	except ValueError:
		return [f"Indikator '{indikator}': jenis rumus belum dipilih (Rasio atau Jumlah Berbobot)."]
	if not rumus.komponen:
		return [
			f"Indikator '{indikator}': rumus tidak menyebut komponen. Isi tabel Komponen Rumus, atau ubah "
			"Jenis Indikator menjadi Langsung."
		]
	masalah = []
	nama = [_nama(k) for k in rumus.komponen]
	if any(not n for n in nama):
		masalah.append(f"Indikator '{indikator}': setiap komponen rumus harus bernama.")
	ganda = sorted({n for n in nama if n and nama.count(n) > 1})
	if ganda:
		masalah.append(f"Indikator '{indikator}': komponen {', '.join(ganda)} tercantum lebih dari sekali.")
	if jenis is JenisRumus.RASIO:
		peran = [k.peran for k in rumus.komponen]
		if (
			len(rumus.komponen) != 2
			or peran.count(PeranKomponen.PEMBILANG.value) != 1
			or peran.count(PeranKomponen.PENYEBUT.value) != 1
		):
			masalah.append(
				f"Indikator '{indikator}': rumus Rasio memerlukan tepat satu komponen Pembilang dan satu "
				"komponen Penyebut."
			)
	else:
		for k in rumus.komponen:
			try:
				bobot = _desimal(k.bobot)
			except _BukanAngka:
				bobot = None
			if bobot is None or bobot == 0:
				masalah.append(f"Indikator '{indikator}': bobot komponen '{_nama(k)}' belum diisi.")
	return masalah


def hitung_realisasi(rumus: Rumus | None, nilai: Mapping[str, object], indikator: str) -> HasilRumus:
	"""The realisasi of ``indikator`` from its component values ``nilai`` (component name → text as
	typed, "1.234,5" or "1234.5"). None while a component is empty.

	``KomponenTidakSah`` (its message names the indicator) when: ``rumus`` is None (the indicator is
	not computed) and a value was entered; the formula has a problem (``masalah_rumus``); a value
	is not a number; a value names no component of the formula; the divisor of a ratio is 0."""
	terisi = {k: v for k, v in nilai.items() if v is not None and str(v).strip()}
	if rumus is None:
		if terisi:
			raise KomponenTidakSah(
				f"Indikator '{indikator}' tidak berumus: komponen {', '.join(sorted(terisi))} tidak dapat "
				"diisi. Kosongkan nilai komponennya dan isi realisasinya langsung."
			)
		return HasilRumus(None, "")
	masalah = masalah_rumus(rumus, indikator)
	if masalah:
		raise KomponenTidakSah(" ".join(masalah))
	dikenal = {_nama(k) for k in rumus.komponen}
	asing = sorted(set(terisi) - dikenal)
	if asing:
		raise KomponenTidakSah(
			f"Indikator '{indikator}': komponen {', '.join(asing)} tidak ada dalam rumusnya."
		)
	angka: dict[str, Decimal | None] = {}
	for k in rumus.komponen:
		try:
			angka[_nama(k)] = urai_realisasi(nilai.get(_nama(k)))
		except RealisasiTidakSah as e:
			raise KomponenTidakSah(f"Indikator '{indikator}', komponen '{_nama(k)}': {e}") from None
	if JenisRumus(rumus.jenis) is JenisRumus.RASIO:
		return _rasio(rumus, angka, indikator)
	return _jumlah_berbobot(rumus.komponen, angka)


def _rasio(rumus: Rumus, angka: dict[str, Decimal | None], indikator: str) -> HasilRumus:
	(atas,) = (k for k in rumus.komponen if k.peran == PeranKomponen.PEMBILANG.value)
	(bawah,) = (k for k in rumus.komponen if k.peran == PeranKomponen.PENYEBUT.value)
	p, q = angka[_nama(atas)], angka[_nama(bawah)]
	kali = " × 100" if rumus.persen else ""
	if p is None or q is None:
		return HasilRumus(None, f"Realisasi = {_nama(atas)} / {_nama(bawah)}{kali}")
	if q == 0:
		raise KomponenTidakSah(
			f"Indikator '{indikator}': penyebut '{_nama(bawah)}' bernilai 0, rasio tidak dapat dihitung. "
			"Periksa nilai penyebutnya."
		)
	with localcontext(_KONTEKS):
		hasil = p / q * (_SERATUS if rumus.persen else 1)
	nilai = _bulatkan(hasil)
	satuan = "%" if rumus.persen else ""
	return HasilRumus(nilai, f"Realisasi = {_angka_teks(p)} / {_angka_teks(q)}{kali} = {_dua(nilai)}{satuan}")


def _jumlah_berbobot(komponen: Sequence[Komponen], angka: dict[str, Decimal | None]) -> HasilRumus:
	suku = [(_desimal(k.bobot), angka[_nama(k)]) for k in komponen]
	if any(n is None for _b, n in suku):
		kata = " + ".join(f"{_angka_teks(b)} × {_nama(k)}" for k, (b, _n) in zip(komponen, suku, strict=True))
		return HasilRumus(None, f"Realisasi = {kata}")
	with localcontext(_KONTEKS):
		hasil = sum((b * n for b, n in suku), Decimal(0))
	nilai = _bulatkan(hasil)
	isi = " + ".join(f"{_angka_teks(b)} × {_angka_teks(n)}" for b, n in suku)
	return HasilRumus(nilai, f"Realisasi = {isi} = {_dua(nilai)}")


def _dua(nilai: Decimal) -> str:
	"""A computed realisasi with its two decimals and a decimal comma: 75,00."""
	return format(nilai, "f").replace(".", ",")


def teks_komponen(rumus: Rumus, nilai: Mapping[str, object] | None = None) -> str:
	"""The component text of a row: one line ``nama: nilai`` per component of ``rumus``, in its order,
	with the values of ``nilai`` (empty where none)."""
	nilai = nilai or {}
	baris = []
	for k in rumus.komponen:
		isi = nilai.get(_nama(k))
		isi = "" if isi is None else str(isi).strip()
		baris.append(f"{_nama(k)}: {isi}".rstrip() if isi else f"{_nama(k)}:")
	return "\n".join(baris)


def urai_komponen(teks: object, indikator: str) -> dict[str, str]:
	"""The component values of a row's text (``teks_komponen``'s lines; blank lines ignored): component
	name → value as typed ("" when empty). ``KomponenTidakSah`` naming the indicator for a line
	without ":" or a component named twice."""
	hasil: dict[str, str] = {}
	for baris in str(teks or "").splitlines():
		if not baris.strip():
			continue
		if ":" not in baris:
			raise KomponenTidakSah(
				f"Indikator '{indikator}': baris komponen '{baris.strip()}' harus berbentuk "
				"'nama komponen: nilai'."
			)
		nama, isi = baris.rsplit(":", 1)
		nama = nama.strip()
		if nama in hasil:
			raise KomponenTidakSah(f"Indikator '{indikator}': komponen {nama} diisi lebih dari sekali.")
		hasil[nama] = isi.strip()
	return hasil
