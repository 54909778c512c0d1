"""Civil servants as the SOP's officials: the NIP (Nomor Induk Pegawai), the ranks (pangkat/golongan)
and the periods of acting appointments (Plt/Plh).

A NIP has 18 digits (PP 11/2017 and BKN practice): the birth date ``YYYYMMDD``, the month the person
became a civil servant (TMT CPNS) ``YYYYMM``, the sex digit (1 man, 2 woman) and a three-digit number.
``masalah_nip`` says everything that is wrong with one as codes with their values; the Frappe layer
turns them into Bahasa Indonesia messages.
"""

from dataclasses import dataclass
from datetime import date

# The PNS ranks (PP 99/2000), lowest first, and PPPK (contract civil servants, no PNS rank).
PANGKAT_GOLONGAN = (
	"Juru Muda (I/a)",
	"Juru Muda Tingkat I (I/b)",
	"Juru (I/c)",
	"Juru Tingkat I (I/d)",
	"Pengatur Muda (II/a)",
	"Pengatur Muda Tingkat I (II/b)",
	"Pengatur (II/c)",
	"Pengatur Tingkat I (II/d)",
	"Penata Muda (III/a)",
	"Penata Muda Tingkat I (III/b)",
	"Penata (III/c)",
	"Penata Tingkat I (III/d)",
	"Pembina (IV/a)",
	"Pembina Tingkat I (IV/b)",
	"Pembina Utama Muda (IV/c)",
	"Pembina Utama Madya (IV/d)",
	"Pembina Utama (IV/e)",
	"PPPK",
)

PANJANG_NIP = 18
# The youngest age at which one becomes a civil servant, and the earliest plausible birth year.
USIA_MINIMUM = 18
TAHUN_LAHIR_TERAWAL = 1940

# The codes of ``masalah_nip``.
KOSONG = "kosong"
PANJANG = "panjang"
BUKAN_ANGKA = "bukan_angka"
TANGGAL_LAHIR = "tanggal_lahir"
TMT = "tmt"
TMT_TERLALU_MUDA = "tmt_terlalu_muda"
JENIS_KELAMIN = "jenis_kelamin"
NOMOR_URUT = "nomor_urut"


@dataclass(frozen=True)
class MasalahNIP:
	"""One thing wrong with a NIP: ``kode`` (see the constants) and the part it is about."""

	kode: str
	nilai: str = ""


def rapikan_nip(nip: str | None) -> str:
	"""A NIP as typed, without the spaces, dots and dashes people write between its parts."""
	return "".join(c for c in (nip or "") if c not in " .-\t")


def nip_tercetak(nip: str | None) -> str:
	"""A NIP as official documents print it, in its four parts: "19680512 199403 1 005" (birth date,
	month of appointment, sex, number). A value that is not 18 digits is printed as typed."""
	rapi = rapikan_nip(nip)
	if len(rapi) != PANJANG_NIP or not (rapi.isdigit() and rapi.isascii()):
		return (nip or "").strip()
	return f"{rapi[:8]} {rapi[8:14]} {rapi[14]} {rapi[15:]}"


AWALAN_PELAKSANA = ("Plt. ", "Plh. ")


def atas_nama(sebutan_penanda: str | None, sebutan_pimpinan: str | None) -> str:
	"""The "a.n." line of a letter signed on behalf of the head (tata naskah dinas): "a.n. Kepala Dinas
	…" when the signer's position ("Sekretaris …", "Plh. Sekretaris …") is not the head's own; nothing
	when the head signs, nor when an acting head (Plt./Plh. of the head's position) signs."""
	if not sebutan_penanda or not sebutan_pimpinan:
		return ""
	jabatan = sebutan_penanda.strip()
	for awalan in AWALAN_PELAKSANA:
		if jabatan.startswith(awalan):
			jabatan = jabatan[len(awalan) :]
	if jabatan.casefold() == sebutan_pimpinan.strip().casefold():
		return ""
	return f"a.n. {sebutan_pimpinan.strip()}"


def _tanggal(tahun: int, bulan: int, hari: int) -> date | None:
	try:
		return date(tahun, bulan, hari)
	except ValueError:
		return None


def masalah_nip(nip: str | None, hari_ini: date) -> list[MasalahNIP]:
	"""Everything wrong with ``nip`` (already ``rapikan_nip``-ed or not) on ``hari_ini``; [] when valid."""
	nip = rapikan_nip(nip)
	if not nip:
		return [MasalahNIP(KOSONG)]
	if not nip.isdigit() or not nip.isascii():
		return [MasalahNIP(BUKAN_ANGKA, nip)]
	if len(nip) != PANJANG_NIP:
		return [MasalahNIP(PANJANG, str(len(nip)))]
	masalah = []
	lahir_teks, tmt_teks, kelamin, urut = nip[:8], nip[8:14], nip[14], nip[15:]
	lahir = _tanggal(int(lahir_teks[:4]), int(lahir_teks[4:6]), int(lahir_teks[6:]))
	if lahir is None or not TAHUN_LAHIR_TERAWAL <= lahir.year or lahir > hari_ini:
		masalah.append(MasalahNIP(TANGGAL_LAHIR, lahir_teks))
		lahir = None
	tmt = _tanggal(int(tmt_teks[:4]), int(tmt_teks[4:]), 1)
	if tmt is None or tmt.year < TAHUN_LAHIR_TERAWAL + USIA_MINIMUM or tmt > hari_ini:
		masalah.append(MasalahNIP(TMT, tmt_teks))
	elif lahir is not None and tmt.year - lahir.year < USIA_MINIMUM:
		masalah.append(MasalahNIP(TMT_TERLALU_MUDA, tmt_teks))
	if kelamin not in "12":
		masalah.append(MasalahNIP(JENIS_KELAMIN, kelamin))
	if urut == "000":
		masalah.append(MasalahNIP(NOMOR_URUT, urut))
	return masalah


def bagian_nip(nip: str) -> tuple[str, str, str, str]:
	"""A valid NIP written the customary way, in its four parts: ("19800101", "200501", "1", "001")."""
	nip = rapikan_nip(nip)
	return nip[:8], nip[8:14], nip[14], nip[15:]


# --------------------------------------------------------------------------- periods


def bertumpang(mulai_a: date, selesai_a: date, mulai_b: date, selesai_b: date) -> bool:
	"""Whether two periods of whole days (both ends included) share a day."""
	return mulai_a <= selesai_b and mulai_b <= selesai_a


def berlaku_pada(mulai: date, selesai: date | None, tanggal: date) -> bool:
	"""Whether ``tanggal`` falls in a period (both ends included; no end: still running)."""
	return mulai <= tanggal and (selesai is None or tanggal <= selesai)
