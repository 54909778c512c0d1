"""Peringatan dini: the projected year-end realisasi and capaian of an indicator, from the quarters
filled so far, and its status (Aman / Perlu Perhatian / Kritis).

Pure standard library; never import frappe here. Capaian, polarity and the quarter roll-ups are
``capaian.py``'s: a projection is a year-end realisasi fed to ``hitung_capaian`` against the annual
target, so a projected capaian obeys exactly the formulas, cap and special cases of a real one.

The method (also in the README; ``Proyeksi.metode`` says it with the numbers, for the user):

- The projection is made as of quarter *n* (the evaluation's triwulan), whose realisasi must be
  filled; earlier quarters count where filled.
- TW IV: nothing is extrapolated; the "projection" is the year's result by the roll-up.
- One data point and no quarterly targets (typically TW I): "belum dapat diproyeksikan". A straight
  line is never drawn from a single point.
- **Kumulatif**: realisasi s.d. TW *n* ÷ the share of the annual target due by TW *n*. The share is
  the quarterly targets' (T1 + … + Tn) / (T1 + … + T4) when the indicator has quarterly targets,
  else n/4 (evenly).
- **Nilai Akhir**: the latest value plus its trend: the mean change per quarter between the first
  and the latest filled quarter, times the quarters left. With a single point (and quarterly
  targets) the latest value keeps its ratio to the target path: Rn × T / Tn.
- **Rata-rata**: the mean of the quarters so far is taken to hold for the year.
- **Tetap**: the latest value is taken to hold for the year.

Status by the projected capaian: ≥ ``aman`` Aman, ≥ ``kritis`` Perlu Perhatian, below Kritis
(defaults 100 and 85; set in Pengaturan SAKIP). A projection that cannot be made, or whose capaian
cannot be computed, is "Belum Dapat Diproyeksikan" with the reason.

The thresholds may change after a document was accepted (it never saves again): what is read back
is the stored projection, and its status is that of the thresholds in force at reading
(``status_terkini``).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import Enum

from sakip_evaluasi.domain.capaian import (
	_KONTEKS,
	SKALA_PERMENDAGRI_86_2017,
	HasilCapaian,
	MetodeNegatif,
	Polaritas,
	RollUp,
	SkalaPredikat,
	_angka_teks,
	_BukanAngka,
	_bulatkan,
	_desimal,
	_enum,
	capaian_indikator,
	hitung_capaian,
	nilai_kolom,
	nilai_sd_tw,
	urai_realisasi,
	uraian_capaian,
)
from sakip_evaluasi.domain.periode import ROMAWI_TRIWULAN

__all__ = [
	"StatusProyeksi",
	"AmbangPeringatan",
	"AMBANG_DEFAULT",
	"Proyeksi",
	"proyeksikan",
	"status_terkini",
	"NilaiBaris",
	"nilai_baris",
]


class StatusProyeksi(str, Enum):
	"""The early-warning status; the values are the Frappe Select options."""

	AMAN = "Aman"
	PERLU_PERHATIAN = "Perlu Perhatian"
	KRITIS = "Kritis"
	BELUM = "Belum Dapat Diproyeksikan"


WARNA_STATUS = {
	StatusProyeksi.AMAN: "green",
	StatusProyeksi.PERLU_PERHATIAN: "orange",
	StatusProyeksi.KRITIS: "red",
	StatusProyeksi.BELUM: "gray",
}
"""The colour the desk shows each status in (Frappe indicator colours)."""


@dataclass(frozen=True)
class AmbangPeringatan:
	"""Thresholds on the projected capaian (percent): ``aman`` and above is Aman, ``kritis`` and above
	Perlu Perhatian, below ``kritis`` Kritis."""

	aman: Decimal = Decimal(100)
	kritis: Decimal = Decimal(85)

	def status(self, capaian: object) -> StatusProyeksi:
		try:
			nilai = _desimal(capaian)
		except _BukanAngka:
			nilai = None
		if nilai is None:
			return StatusProyeksi.BELUM
		if nilai >= Decimal(self.aman):
			return StatusProyeksi.AMAN
		if nilai >= Decimal(self.kritis):
			return StatusProyeksi.PERLU_PERHATIAN
		return StatusProyeksi.KRITIS

	def validasi(self, batas_atas: object = None) -> list[str]:
		"""Every problem of the thresholds, in Bahasa Indonesia; empty when valid. ``batas_atas`` is
		the cap on capaian (None: no cap): a threshold above it could never be reached."""
		masalah = []
		try:
			aman, kritis, cap = _desimal(self.aman), _desimal(self.kritis), _desimal(batas_atas)
		except _BukanAngka:
			return ["Ambang peringatan harus angka."]
		if aman is None or kritis is None:
			return ["Isi kedua ambang peringatan (Aman dan Kritis)."]
		if kritis <= 0:
			masalah.append("Ambang Kritis harus lebih dari 0 %.")
		if kritis >= aman:
			masalah.append(
				f"Ambang Kritis ({_angka_teks(kritis)} %) harus lebih kecil dari ambang Aman "
				f"({_angka_teks(aman)} %)."
			)
		if cap is not None and aman > cap:
			masalah.append(
				f"Ambang Aman ({_angka_teks(aman)} %) melebihi Batas Atas Capaian ({_angka_teks(cap)} %): "
				"tidak ada indikator yang dapat berstatus Aman."
			)
		return masalah


AMBANG_DEFAULT = AmbangPeringatan()

TERPROYEKSI = (StatusProyeksi.AMAN, StatusProyeksi.PERLU_PERHATIAN, StatusProyeksi.KRITIS)
"""The statuses of a projection that was made (its capaian is a number)."""


def status_terkini(
	status_tersimpan: str | None, capaian: object, ambang: AmbangPeringatan = AMBANG_DEFAULT
) -> str:
	"""The status of a stored projection by the thresholds ``ambang`` in force now: one stored with a
	projected status (so its capaian was computed) is classified again by its capaian; "" (nothing
	filled yet) and "Belum Dapat Diproyeksikan" stay as stored."""
	if status_tersimpan in {s.value for s in TERPROYEKSI}:
		return ambang.status(capaian).value
	return status_tersimpan or ""


@dataclass(frozen=True)
class Proyeksi:
	"""The projection of one indicator as of one quarter.

	``realisasi`` is the projected year-end realisasi and ``capaian`` its capaian against the annual
	target (None when no projection can be made; ``keterangan`` says why). ``metode`` states the
	method with the numbers used, for the user. ``kekurangan`` is how far the projected realisasi
	falls short of the annual target in the indicator's unit (0 when it does not; None without a
	projection): below the target for a Positif indicator, above it for a Negatif one.
	"""

	realisasi: Decimal | None
	capaian: Decimal | None
	status: StatusProyeksi
	metode: str
	keterangan: str
	kekurangan: Decimal | None


def _teks(nilai: Decimal) -> str:
	"""A number as the method shows it: at most 2 decimals, no trailing zeros, decimal comma."""
	return _angka_teks(_bulatkan(nilai).normalize())


def _tw(nomor: int) -> str:
	return f"TW {ROMAWI_TRIWULAN[nomor]}"


def _rentang(awal: int, akhir: int) -> str:
	return _tw(awal) if awal == akhir else f"{_tw(awal)}–{ROMAWI_TRIWULAN[akhir]}"


def _angka_list(nilai: Sequence, nama: str) -> list[Decimal | None]:
	if len(nilai) != 4:
		raise ValueError(f"{nama} per triwulan harus berisi 4 nilai (TW I–IV), bukan {len(nilai)}.")
	try:
		return [_desimal(n) for n in nilai]
	except _BukanAngka:
		raise ValueError(f"{nama} per triwulan harus angka: {list(nilai)!r}.") from None


def proyeksikan(
	realisasi_per_tw: Sequence,
	triwulan: int,
	rollup: RollUp | str,
	target_tahunan: object,
	target_per_tw: Sequence = (None, None, None, None),
	polaritas: Polaritas | str = Polaritas.POSITIF,
	metode_negatif: MetodeNegatif | str = MetodeNegatif.KONDISI_KHUSUS,
	batas_atas: object = None,
	ambang: AmbangPeringatan = AMBANG_DEFAULT,
) -> Proyeksi:
	"""Project the year-end realisasi and capaian of one indicator as of quarter ``triwulan`` (1–4).

	``realisasi_per_tw`` and ``target_per_tw`` hold TW I..IV (None or "" = not filled; a quarterly
	target of 0 everywhere means the indicator has no quarterly targets, as a Float column stores an
	empty one); quarters after ``triwulan`` are ignored in the realisasi. The other arguments are
	``hitung_capaian``'s. Raises ValueError only for arguments no form can produce (a triwulan
	outside 1–4, lists of another length, text that is not a number, an unknown roll-up).
	"""
	rollup = _enum(RollUp, rollup, "Cara akumulasi")
	if isinstance(triwulan, bool) or not isinstance(triwulan, int) or not 1 <= triwulan <= 4:
		raise ValueError(f"Triwulan harus 1 sampai 4 (tertulis: {triwulan!r}).")
	realisasi = _angka_list(realisasi_per_tw, "Realisasi")[:triwulan]
	target_tw = _angka_list(target_per_tw, "Target")
	try:
		tahunan = _desimal(target_tahunan)
	except _BukanAngka:
		tahunan = None

	def tanpa(keterangan: str, metode: str = "") -> Proyeksi:
		return Proyeksi(None, None, StatusProyeksi.BELUM, metode, keterangan, None)

	n = triwulan
	if realisasi[n - 1] is None:
		return tanpa(f"Realisasi {_tw(n)} belum diisi.")
	if tahunan is None:
		return tanpa("Target tahunan belum diisi.")
	titik = [(i + 1, r) for i, r in enumerate(realisasi) if r is not None]
	ada_target_tw = any(t for t in target_tw)  # a column holds 0 for an empty target
	with localcontext(_KONTEKS):
		if n == 4:
			hasil = _akhir_tahun(rollup, titik)
		elif len(titik) < 2 and not ada_target_tw:
			return tanpa(
				f"Belum dapat diproyeksikan: baru satu titik data ({_tw(titik[0][0])}) dan indikator "
				"tidak memiliki target per triwulan, sehingga tidak ada jalur untuk diproyeksikan."
			)
		elif rollup is RollUp.KUMULATIF:
			hasil = _kumulatif(titik, n, target_tw, ada_target_tw)
		elif rollup is RollUp.NILAI_AKHIR:
			hasil = _nilai_akhir(titik, n, target_tw, tahunan)
		elif rollup is RollUp.RATA_RATA:
			rata = sum((r for _i, r in titik), Decimal(0)) / len(titik)
			hasil = (
				rata,
				f"Rata-rata: rata-rata realisasi {_rentang(titik[0][0], n)} ({_teks(rata)}) dianggap "
				"bertahan sampai akhir tahun.",
			)
		else:
			hasil = (
				titik[-1][1],
				f"Tetap: nilai {_tw(n)} ({_teks(titik[-1][1])}) dianggap bertahan sampai akhir tahun.",
			)
	proyeksi, metode = hasil
	if proyeksi is None:
		return tanpa(metode)
	capaian = hitung_capaian(tahunan, proyeksi, polaritas, metode_negatif, batas_atas)
	metode = f"{metode} Proyeksi capaian = {capaian.rumus.split(': ', 1)[-1]} terhadap target tahunan {_teks(tahunan)}."
	polaritas = _enum(Polaritas, polaritas, "Polaritas")
	selisih = tahunan - proyeksi if polaritas is Polaritas.POSITIF else proyeksi - tahunan
	return Proyeksi(
		realisasi=proyeksi,
		capaian=capaian.nilai,
		status=ambang.status(capaian.nilai),
		metode=metode,
		keterangan=capaian.keterangan,
		kekurangan=_bulatkan(max(selisih, Decimal(0))),
	)


def _akhir_tahun(rollup: RollUp, titik: list) -> tuple[Decimal, str]:
	nilai = [r for _i, r in titik]
	if rollup is RollUp.KUMULATIF:
		hasil, cara = sum(nilai, Decimal(0)), "jumlah realisasi TW I–IV"
	elif rollup is RollUp.RATA_RATA:
		hasil, cara = sum(nilai, Decimal(0)) / len(nilai), "rata-rata realisasi TW I–IV"
	else:
		hasil, cara = nilai[-1], "realisasi TW IV"
	return (
		hasil,
		f"Akhir tahun: tidak ada lagi yang diproyeksikan; realisasi tahunan = {cara} ({_teks(hasil)}).",
	)


def _kumulatif(titik: list, n: int, target_tw: list, ada_target_tw: bool) -> tuple[Decimal | None, str]:
	realisasi_sd = sum((r for _i, r in titik), Decimal(0))
	if ada_target_tw:
		sd = sum((t or Decimal(0) for t in target_tw[:n]), Decimal(0))
		setahun = sum((t or Decimal(0) for t in target_tw), Decimal(0))
		porsi = sd / setahun if setahun > 0 else Decimal(0)
		asal = f"target triwulan s.d. {_tw(n)} ({_teks(sd)}) dari jumlah target TW I–IV ({_teks(setahun)})"
	else:
		porsi = Decimal(n) / 4
		asal = f"{n} dari 4 triwulan, dibagi rata karena tidak ada target per triwulan"
	if porsi <= 0:
		return None, (
			f"Belum dapat diproyeksikan: target per triwulan s.d. {_tw(n)} berjumlah nol, belum ada "
			"porsi target tahunan yang jatuh tempo."
		)
	proyeksi = realisasi_sd / porsi
	return proyeksi, (
		f"Kumulatif: realisasi s.d. {_tw(n)} ({_teks(realisasi_sd)}) ÷ porsi target tahunan yang jatuh "
		f"tempo s.d. {_tw(n)} ({_teks(porsi * 100)} %: {asal}) = {_teks(proyeksi)}."
	)


def _nilai_akhir(titik: list, n: int, target_tw: list, tahunan: Decimal) -> tuple[Decimal | None, str]:
	terakhir = titik[-1][1]
	if len(titik) >= 2:
		awal_tw, awal = titik[0]
		tren = (terakhir - awal) / (n - awal_tw)
		proyeksi = terakhir + tren * (4 - n)
		tanda = "+" if tren >= 0 else "−"
		return proyeksi, (
			f"Nilai Akhir: nilai {_tw(n)} ({_teks(terakhir)}) + tren {_rentang(awal_tw, n)} "
			f"({tanda}{_teks(abs(tren))} per triwulan) × {4 - n} triwulan tersisa = {_teks(proyeksi)}."
		)
	target_n = target_tw[n - 1]
	if not target_n or target_n <= 0:
		return None, (
			f"Belum dapat diproyeksikan: baru satu titik data ({_tw(n)}) dan target {_tw(n)} kosong, "
			"sehingga tidak ada jalur target untuk dibandingkan."
		)
	proyeksi = terakhir * tahunan / target_n
	return proyeksi, (
		f"Nilai Akhir: satu titik data; nilai {_tw(n)} ({_teks(terakhir)}) dianggap menjaga "
		f"perbandingannya dengan jalur target ({_teks(terakhir)} ÷ target {_tw(n)} {_teks(target_n)} "
		f"× target tahunan {_teks(tahunan)}) = {_teks(proyeksi)}."
	)


# --------------------------------------------------------------------------- one row, every field

_KOSONG = (None, None, None, None)


@dataclass(frozen=True)
class NilaiBaris:
	"""Everything computed for one row of a Kertas Kerja Evaluasi / Data Kinerja Bidang.

	``realisasi`` is the number typed (None when empty); ``uraian`` the capaian spelled out with its
	numbers (shown, not stored); ``kolom()`` the values of the stored fields, as the Float columns
	hold them (so computing the same numbers again is no change).
	"""

	realisasi: Decimal | None
	realisasi_sd_tw: Decimal | None
	capaian: HasilCapaian
	predikat: str
	uraian: str
	target_tahunan: object
	proyeksi: Proyeksi

	def kolom(self) -> dict[str, object]:
		capaian, proyeksi = self.capaian, self.proyeksi
		return {
			"realisasi_sd_tw": nilai_kolom(self.realisasi_sd_tw),
			"capaian": nilai_kolom(capaian.nilai),
			"predikat": self.predikat,
			"rumus": capaian.rumus + (f" — {capaian.keterangan}" if capaian.keterangan else ""),
			"target_tahunan": nilai_kolom(self.target_tahunan),
			# no status while this quarter's realisasi is empty (nothing to project yet)
			"status_proyeksi": proyeksi.status.value if self.realisasi is not None else "",
			"proyeksi_realisasi": nilai_kolom(proyeksi.realisasi),
			"proyeksi_capaian": nilai_kolom(proyeksi.capaian),
			"kekurangan_proyeksi": nilai_kolom(proyeksi.kekurangan),
			"metode_proyeksi": " — ".join(t for t in (proyeksi.metode, proyeksi.keterangan) if t),
		}


def nilai_baris(
	realisasi: object,
	triwulan: int,
	*,
	realisasi_lalu: Sequence = _KOSONG,
	target_sd_tw: object = None,
	akumulasi: RollUp | str | None = None,
	polaritas: Polaritas | str | None = None,
	metode_negatif: MetodeNegatif | str | None = None,
	target_tahunan: object = None,
	target_per_tw: Sequence = _KOSONG,
	batas_atas: object = None,
	skala: SkalaPredikat = SKALA_PERMENDAGRI_86_2017,
	ambang: AmbangPeringatan = AMBANG_DEFAULT,
) -> NilaiBaris:
	"""One row of quarter ``triwulan`` (1–4) computed once: the realisasi typed (text, read by
	``urai_realisasi``; ``capaian.RealisasiTidakSah`` when it is not a number), to-date realisasi
	with the earlier quarters ``realisasi_lalu`` (TW I..IV; this quarter and later ones ignored),
	capaian against ``target_sd_tw``, predikat on ``skala``, and the year-end projection against
	``target_tahunan`` and ``target_per_tw``.

	The defaults of an indicator whose settings are unset: Kumulatif, Positif and (2T-R)/T.
	"""
	angka = urai_realisasi(realisasi)
	rollup = akumulasi or RollUp.KUMULATIF
	polaritas = polaritas or Polaritas.POSITIF
	metode_negatif = metode_negatif or MetodeNegatif.KONDISI_KHUSUS
	per_tw = [*list(realisasi_lalu)[: triwulan - 1], angka, *([None] * (4 - triwulan))]
	realisasi_sd = nilai_sd_tw(per_tw, triwulan, rollup) if angka is not None else None
	capaian = capaian_indikator(target_sd_tw, realisasi_sd, polaritas, metode_negatif, batas_atas)
	return NilaiBaris(
		realisasi=angka,
		realisasi_sd_tw=realisasi_sd,
		capaian=capaian,
		predikat=skala.predikat(capaian.nilai) or "",
		uraian=uraian_capaian(target_sd_tw, realisasi_sd, triwulan, capaian),
		target_tahunan=target_tahunan,
		proyeksi=proyeksikan(
			per_tw,
			triwulan,
			rollup,
			target_tahunan,
			target_per_tw,
			polaritas,
			metode_negatif,
			batas_atas,
			ambang,
		),
	)
