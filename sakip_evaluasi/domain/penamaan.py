"""Document names that carry the OPD (Perangkat Daerah) code, so that two OPDs run the same triwulan
side by side and every OPD may have a "Sekretariat":

- OPD: its code, e.g. ``DPUPR`` (upper-case letters and digits, inner hyphens allowed);
- Bidang: ``<OPD>-<kode bidang>``, e.g. ``DPUPR-BM``;
- Evaluasi Kinerja Internal: ``EKI-<OPD>-<tahun>-TW<n>``, e.g. ``EKI-DPUPR-2026-TW3`` (its documents
  derive their names from it: ``KKE-EKI-DPUPR-2026-TW3``, ``DKB-EKI-DPUPR-2026-TW3-BM``, ...);
- Perjanjian Kinerja: ``PK-<OPD or bidang>-<tahun>-V<versi>``, e.g. ``PK-DPUPR-2026-V1`` and
  ``PK-DPUPR-BM-2026-V2`` (a PK Perubahan is the next version); Renstra: ``RENSTRA-DPUPR-2025-2029``;
- numbered letters: ``<jenis>-<OPD>-<tahun>-<nomor>``, e.g. ``DISP-DPUPR-2027-00001`` or
  ``PLH-DPUPR-2027-001``, numbered per OPD and year. The year is the record's own (the date of the
  letter), never the year it was typed in, so a letter dated 2027 entered in December 2026 is a 2027
  number.
"""

import datetime
import re

from sakip_evaluasi.domain.periode import nomor_triwulan

_KODE = re.compile(r"^[A-Z0-9](?:[A-Z0-9-]{0,18}[A-Z0-9])?$")


def rapikan_kode(kode: str | None) -> str:
	"""A code as typed, normalised: trimmed, upper case, inner spaces as hyphens."""
	return re.sub(r"\s+", "-", (kode or "").strip().upper())


def kode_valid(kode: str) -> bool:
	"""1-20 upper-case letters or digits, hyphens only inside (what a name part may hold)."""
	return bool(_KODE.match(kode or "")) and "--" not in kode


def nama_bidang(opd: str, kode_bidang: str) -> str:
	return f"{opd}-{kode_bidang}"


def nama_evaluasi(opd: str, tahun: int | str, triwulan: str) -> str:
	return f"EKI-{opd}-{tahun}-TW{nomor_triwulan(triwulan)}"


def nama_pk(pemilik: str, tahun: int | str, versi: int | str) -> str:
	"""A Perjanjian Kinerja of an OPD or of a bidang, one name per version: ``PK-DPUPR-BM-2026-V2``."""
	return f"PK-{pemilik}-{tahun}-V{versi}"


def nama_renstra(opd: str, mulai: int | str, selesai: int | str) -> str:
	"""An OPD's Renstra: ``RENSTRA-DPUPR-2025-2029``."""
	return f"RENSTRA-{opd}-{mulai}-{selesai}"


def nama_dokumen_bidang(awalan: str, evaluasi: str, kode_bidang: str) -> str:
	"""A document of one bidang in an evaluation: ``DKB-EKI-DPUPR-2026-TW3-BM``."""
	return f"{awalan}-{evaluasi}-{kode_bidang}"


def awalan_nomor(jenis: str, opd: str, tanggal: datetime.date | str) -> str:
	"""The prefix a numbered letter's counter runs on: ``DISP-DPUPR-2027-`` for a letter dated in 2027
	(``tanggal`` a date or an ISO date string)."""
	if isinstance(tanggal, str):
		tanggal = datetime.date.fromisoformat(tanggal[:10])
	return f"{jenis.upper()}-{opd}-{tanggal.year}-"


def singkatan(nama: str) -> str:
	"""The customary code of an agency's name: the initials of its words without the conjunctions,
	e.g. "Dinas Pekerjaan Umum dan Penataan Ruang" → "DPUPR" ("" when nothing is left)."""
	sambung = {"dan", "serta", "atau", "dari", "di", "ke", "pada", "untuk", "yang"}
	kata = [k for k in re.findall(r"[A-Za-z0-9]+", nama or "") if k.lower() not in sambung]
	return "".join(k[0] for k in kata).upper()[:20]


_WILAYAH = re.compile(r"\s+(Kabupaten|Kota|Provinsi)\s+(.+)$", re.IGNORECASE)


def pisah_wilayah(nama: str) -> tuple[str, str | None]:
	"""An agency's full name split into the OPD and its Pemda: "Dinas Kesehatan Kabupaten Sleman" →
	("Dinas Kesehatan", "Pemerintah Kabupaten Sleman"); no region named → (nama, None)."""
	nama = (nama or "").strip()
	if m := _WILAYAH.search(nama):
		return nama[: m.start()].strip(), f"Pemerintah {m.group(1).title()} {m.group(2).strip()}"
	return nama, None
