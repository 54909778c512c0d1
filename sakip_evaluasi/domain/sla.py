"""SLA langkah SOP: jam tiap langkah diukur pada Kalender Kerja.

Fungsi murni (tanpa frappe) yang dipakai mesin SLA, pemeriksaan terjadwal, formulir evaluasi dan
laporan Kepatuhan SOP:

- ``rencanakan``: batas waktu dan saat peringatan sebuah langkah dari saat mulainya;
- ``status_pada``: status SLA sebuah langkah pada suatu saat (status dihitung dari jam, bukan dari
  hasil pemeriksaan terakhir);
- ``keterlambatan_jam``: keterlambatan dalam jam kerja;
- ``statistik_kepatuhan``: persentase tepat waktu, median dan keterlambatan terburuk per kelompok;
- ``atasan`` / ``rantai_atasan``: rantai atasan dalam SOP (eskalasi);
- ``saat_mulai_langkah``: langkah mana yang sudah boleh mulai dan sejak kapan;
- ``notifikasi_perlu``: pemberitahuan apa yang masih harus dikirim untuk sebuah status.

Aturan:

- Langkah **terlambat** bila belum selesai dan saat ini sudah *lewat* batas waktu (jam dinding);
  selesai tepat pada batas waktu masih tepat waktu.
- **Hampir Jatuh Tempo** mulai pada saat peringatan: ``ambang`` persen (bawaan 75 %) dari *jam kerja*
  antara mulai dan batas waktu, dihitung pada kalender yang sama.
- **Keterlambatan** diukur dalam jam kerja dari batas waktu sampai selesai (atau sampai saat ini bila
  belum selesai); keterlambatan yang seluruhnya jatuh di luar jam kerja bernilai 0 jam walau
  statusnya tetap terlambat.
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from sakip_evaluasi.domain.kalender import KalenderKerja
from sakip_evaluasi.domain.peran import KEPALA_BIDANG, KEPALA_DINAS, SEKRETARIS, SUBKOOR

BERJALAN = "Berjalan"
HAMPIR_JATUH_TEMPO = "Hampir Jatuh Tempo"
TERLAMBAT = "Terlambat"
SELESAI_TEPAT_WAKTU = "Selesai Tepat Waktu"
SELESAI_TERLAMBAT = "Selesai Terlambat"

STATUS_SLA = (BERJALAN, HAMPIR_JATUH_TEMPO, TERLAMBAT, SELESAI_TEPAT_WAKTU, SELESAI_TERLAMBAT)

AMBANG_PERINGATAN_BAWAAN = 75

# Rantai atasan dalam SOP: siapa yang menerima eskalasi bila pemegang langkah terlambat.
ATASAN: Mapping[str, str] = {
	KEPALA_BIDANG: SEKRETARIS,
	SUBKOOR: SEKRETARIS,
	SEKRETARIS: KEPALA_DINAS,
}

_JAM = timedelta(hours=1)


@dataclass(frozen=True)
class Rencana:
	"""Jadwal sebuah langkah: mulai, saat peringatan dan batas waktu."""

	mulai: datetime
	batas_peringatan: datetime
	batas_waktu: datetime


def _periksa_ambang(ambang: float | int | Decimal) -> Decimal:
	if isinstance(ambang, bool) or not isinstance(ambang, int | float | Decimal):
		raise ValueError(f"Ambang peringatan harus berupa angka persen, bukan {ambang!r}.")
	nilai = Decimal(str(ambang))
	if not nilai.is_finite() or not 0 < nilai < 100:
		raise ValueError(f"Ambang peringatan harus lebih dari 0 dan kurang dari 100 persen, bukan {ambang}.")
	return nilai


def saat_peringatan(
	kalender: KalenderKerja,
	mulai: datetime,
	batas_waktu: datetime,
	ambang: float | int | Decimal = AMBANG_PERINGATAN_BAWAAN,
) -> datetime:
	"""Saat ``ambang`` persen jam kerja antara ``mulai`` dan ``batas_waktu`` telah terpakai."""
	persen = _periksa_ambang(ambang)
	total = kalender.working_time_between(mulai, batas_waktu)
	detik = (Decimal(total // timedelta(seconds=1)) * persen / 100).to_integral_value(ROUND_HALF_UP)
	return min(kalender.add_working_hours(mulai, timedelta(seconds=int(detik))), max(mulai, batas_waktu))


def rencanakan(
	kalender: KalenderKerja,
	mulai: datetime,
	waktu: float | int | Decimal,
	satuan: str,
	ambang: float | int | Decimal = AMBANG_PERINGATAN_BAWAAN,
) -> Rencana:
	"""Batas waktu (``mulai`` + waktu langkah pada kalender) dan saat peringatan sebuah langkah.

	Menolak waktu nol atau negatif, satuan yang tidak dikenal, ambang di luar (0, 100) dan kalender
	yang tidak sah (ValueError / KalenderTidakValid, pesan dalam Bahasa Indonesia).
	"""
	_periksa_ambang(ambang)
	batas = kalender.tambah_waktu(mulai, waktu, satuan)
	return Rencana(
		mulai=mulai, batas_peringatan=saat_peringatan(kalender, mulai, batas, ambang), batas_waktu=batas
	)


def status_pada(
	sekarang: datetime,
	batas_waktu: datetime,
	batas_peringatan: datetime | None = None,
	selesai: datetime | None = None,
) -> str:
	"""Status SLA pada saat ``sekarang`` dari jam langkah (tanpa kalender: saat peringatan sudah dihitung)."""
	if selesai is not None:
		return SELESAI_TEPAT_WAKTU if selesai <= batas_waktu else SELESAI_TERLAMBAT
	if sekarang > batas_waktu:
		return TERLAMBAT
	if batas_peringatan is not None and sekarang >= batas_peringatan:
		return HAMPIR_JATUH_TEMPO
	return BERJALAN


def keterlambatan(kalender: KalenderKerja, batas_waktu: datetime, sampai: datetime) -> timedelta:
	"""Jam kerja antara batas waktu dan ``sampai`` (selesai, atau saat ini); nol bila tidak terlambat."""
	return kalender.working_time_between(batas_waktu, sampai)


def keterlambatan_jam(kalender: KalenderKerja, batas_waktu: datetime, sampai: datetime) -> float:
	"""Keterlambatan dalam jam kerja, dibulatkan dua angka di belakang koma."""
	return round(keterlambatan(kalender, batas_waktu, sampai) / _JAM, 2)


# --- kepatuhan ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilLangkah:
	"""Hasil satu jam langkah untuk statistik: tepat waktu atau terlambat berapa jam kerja."""

	kelompok: Hashable
	tepat_waktu: bool
	terlambat_jam: float = 0.0


@dataclass(frozen=True)
class StatistikKepatuhan:
	"""Kepatuhan satu kelompok langkah.

	``persen_tepat_waktu`` dihitung atas langkah yang hasilnya sudah pasti (selesai, atau masih berjalan
	tetapi sudah terlambat). Median dan keterlambatan terburuk dihitung atas langkah yang terlambat
	saja; None bila tidak ada.
	"""

	jumlah: int
	tepat_waktu: int
	terlambat: int
	persen_tepat_waktu: float | None
	median_terlambat_jam: float | None
	terburuk_jam: float | None


def ringkas(hasil: Iterable[HasilLangkah]) -> StatistikKepatuhan:
	daftar = list(hasil)
	tepat = sum(1 for h in daftar if h.tepat_waktu)
	telat = [h.terlambat_jam for h in daftar if not h.tepat_waktu]
	for jam in telat:
		if jam < 0:
			raise ValueError(f"Keterlambatan tidak boleh negatif ({jam}).")
	return StatistikKepatuhan(
		jumlah=len(daftar),
		tepat_waktu=tepat,
		terlambat=len(telat),
		persen_tepat_waktu=round(100 * tepat / len(daftar), 2) if daftar else None,
		median_terlambat_jam=round(median(telat), 2) if telat else None,
		terburuk_jam=round(max(telat), 2) if telat else None,
	)


def statistik_kepatuhan(hasil: Iterable[HasilLangkah]) -> dict[Hashable, StatistikKepatuhan]:
	"""Statistik per kelompok, dalam urutan kelompok pertama kali muncul."""
	per_kelompok: dict[Hashable, list[HasilLangkah]] = {}
	for h in hasil:
		per_kelompok.setdefault(h.kelompok, []).append(h)
	return {k: ringkas(v) for k, v in per_kelompok.items()}


def hasil_langkah(
	kelompok: Hashable,
	kalender: KalenderKerja,
	sekarang: datetime,
	batas_waktu: datetime,
	selesai: datetime | None,
) -> HasilLangkah | None:
	"""Hasil sebuah jam langkah pada saat ``sekarang``; None bila hasilnya belum pasti (berjalan, belum lewat)."""
	status = status_pada(sekarang, batas_waktu, None, selesai)
	if status == SELESAI_TEPAT_WAKTU:
		return HasilLangkah(kelompok, True)
	if status in (SELESAI_TERLAMBAT, TERLAMBAT):
		return HasilLangkah(kelompok, False, keterlambatan_jam(kalender, batas_waktu, selesai or sekarang))
	return None


# --- rantai atasan --------------------------------------------------------------------------------------


def atasan(peran: str | None) -> str | None:
	"""Peran atasan langsung dalam SOP (Kepala Bidang dan Subkor → Sekretaris → Kepala Dinas)."""
	return ATASAN.get(peran or "")


def rantai_atasan(peran: str | None) -> tuple[str, ...]:
	"""Semua atasan dari yang terdekat sampai puncak rantai."""
	rantai: list[str] = []
	while (peran := atasan(peran)) and peran not in rantai:
		rantai.append(peran)
	return tuple(rantai)


# --- urutan langkah -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JamLangkah:
	"""Ringkasan satu jam langkah yang sudah ada: nomor langkah, bidang, dan saat selesainya (bila sudah)."""

	langkah: int
	selesai: datetime | None
	bidang: str | None = None


def saat_mulai_langkah(
	urutan: Sequence[int], jam: Iterable[JamLangkah], awal: datetime
) -> dict[int, datetime]:
	"""Langkah yang sudah boleh mulai, dengan saat mulainya.

	Langkah pertama mulai pada ``awal``. Langkah berikutnya mulai ketika langkah sebelumnya *berakhir*:
	sudah punya jam dan semua jamnya (untuk langkah per bidang: jam setiap bidang) sudah selesai; saat
	mulainya adalah saat selesai yang paling akhir di antara langkah-langkah sebelumnya. Hasilnya memuat
	semua langkah yang sudah berakhir dan langkah pertama yang belum berakhir.
	"""
	per_langkah: dict[int, list[JamLangkah]] = {}
	for j in jam:
		per_langkah.setdefault(j.langkah, []).append(j)
	hasil: dict[int, datetime] = {}
	mulai = awal
	for no in urutan:
		hasil[no] = mulai
		milik = per_langkah.get(no, [])
		if not milik or any(j.selesai is None for j in milik):
			break
		mulai = max(mulai, *(j.selesai for j in milik if j.selesai is not None))
	return hasil


# --- pemberitahuan --------------------------------------------------------------------------------------

KEPADA_PELAKSANA = "pelaksana"
KEPADA_ATASAN = "atasan"

# Kolom pencatat di Langkah Evaluasi per (penerima, status): terisi = sudah dikirim.
CATATAN_NOTIFIKASI: Mapping[tuple[str, str], str] = {
	(KEPADA_PELAKSANA, BERJALAN): "diberitahu_mulai",
	(KEPADA_PELAKSANA, HAMPIR_JATUH_TEMPO): "diberitahu_peringatan",
	(KEPADA_PELAKSANA, TERLAMBAT): "diberitahu_terlambat",
	(KEPADA_ATASAN, TERLAMBAT): "eskalasi_terlambat",
}


def notifikasi_perlu(status: str, sudah: Iterable[str], ada_atasan: bool = True) -> list[tuple[str, str]]:
	"""Pemberitahuan (penerima, status) yang masih harus dikirim untuk ``status``.

	Hanya status saat ini yang diberitahukan (langkah yang melompat dari Berjalan ke Terlambat tidak
	menerima peringatan yang sudah basi); pemberitahuan yang kolom catatannya ada di ``sudah`` tidak
	dikirim lagi. Langkah yang sudah selesai tidak diberitahukan.
	"""
	terkirim = set(sudah)
	perlu = [(KEPADA_PELAKSANA, status)]
	if status == TERLAMBAT and ada_atasan:
		perlu.append((KEPADA_ATASAN, status))
	return [p for p in perlu if p in CATATAN_NOTIFIKASI and CATATAN_NOTIFIKASI[p] not in terkirim]
