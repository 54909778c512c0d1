"""Electronic signatures (TTE) through the Pemda's BSrE eSign Client Service, API v2: what its
answers mean for the user, frappe-free.

Every certificate status and every error the service answers becomes one message in Bahasa Indonesia
that says what happened and what the user can do (``GalatTte.pesan``). Nothing here ever holds a
passphrase or a TOTP: a request body is masked before anything of it is written (``samarkan``).
The facts: ``shared/reference/bsre-esign-v2.md``.
"""

import hashlib
from dataclasses import dataclass

# --------------------------------------------------------------------------- certificate status

BOLEH_TANDA_TANGAN = "ISSUE"

# status → (what it means, what the user can do)
STATUS_SERTIFIKAT: dict[str, tuple[str, str]] = {
	"ISSUE": ("Sertifikat elektronik aktif.", ""),
	"NEW": (
		"Sertifikat elektronik sudah terbit tetapi belum diaktifkan.",
		"Aktifkan sertifikat melalui tautan aktivasi dari BSrE atau hubungi admin TTE Pemda.",
	),
	"WAITING_FOR_VERIFICATION": (
		"Pendaftaran sertifikat elektronik masih diverifikasi BSrE.",
		"Tunggu hasil verifikasi; tanyakan perkembangannya kepada admin TTE Pemda.",
	),
	"RENEW": (
		"Sertifikat elektronik sedang diperbarui.",
		"Selesaikan pembaruan sertifikat (admin TTE Pemda dapat membantu), lalu tanda tangani lagi.",
	),
	"EXPIRED": (
		"Sertifikat elektronik sudah kedaluwarsa.",
		"Ajukan pembaruan sertifikat kepada admin TTE Pemda; sementara itu dokumen dapat ditandatangani pejabat pelaksana (Plt/Plh).",
	),
	"SUSPEND": (
		"Sertifikat elektronik sedang dibekukan.",
		"Hubungi admin TTE Pemda untuk membuka pembekuan sertifikat.",
	),
	"REVOKE": (
		"Sertifikat elektronik sudah dicabut.",
		"Ajukan sertifikat baru melalui admin TTE Pemda.",
	),
	"NO_CERTIFICATE": (
		"Akun TTE terdaftar tetapi belum memiliki sertifikat elektronik.",
		"Ajukan penerbitan sertifikat melalui admin TTE Pemda.",
	),
	"NOT_REGISTERED": (
		"NIK penandatangan tidak terdaftar pada layanan TTE.",
		"Periksa NIK pada data Pegawai, atau daftarkan diri melalui admin TTE Pemda.",
	),
}


def pesan_status(status: str) -> str:
	"""The status as the badge and the refusal say it, with what to do."""
	arti, saran = STATUS_SERTIFIKAT.get(
		status,
		(
			f"Status sertifikat tidak dikenal ({status}).",
			"Hubungi admin TTE Pemda.",
		),
	)
	return f"{arti} {saran}".strip()


# --------------------------------------------------------------------------- errors

SALAH_PASSPHRASE = 2031
SALAH_TOTP_SEGEL = 2032
KODE_STATUS = {2011: "NOT_REGISTERED", 2021: "NO_CERTIFICATE"}

TAK_TERJANGKAU = "TAK_TERJANGKAU"
TAK_DIKETAHUI = "TAK_DIKETAHUI"
DITOLAK_LAYANAN = "DITOLAK"
OTENTIKASI = "OTENTIKASI"
PASSPHRASE = "PASSPHRASE"
KODE_SEGEL = "KODE_SEGEL"
PDF_DITOLAK = "PDF_DITOLAK"
BELUM_DIATUR = "BELUM_DIATUR"

PESAN = {
	PASSPHRASE: "Passphrase atau kode TOTP salah. Ketik ulang passphrase sertifikat elektronik Anda "
	"(bukan kata sandi aplikasi); setelah beberapa kali salah, sertifikat dapat terkunci sementara.",
	KODE_SEGEL: "Kode sekali pakai segel elektronik salah atau sudah kedaluwarsa. Minta kode baru, lalu ketik "
	"segera.",
	PDF_DITOLAK: "Layanan TTE menolak berkas PDF dokumen ini. Buat ulang PDF-nya; bila tetap ditolak, laporkan "
	"kepada admin aplikasi.",
	TAK_TERJANGKAU: "Layanan TTE Pemda tidak dapat dihubungi. Dokumen tidak ditandatangani; coba lagi "
	"beberapa saat lagi atau hubungi admin TTE Pemda.",
	TAK_DIKETAHUI: "Layanan TTE tidak menjawab dalam batas waktu, sehingga hasil penandatanganan tidak "
	"diketahui. Permintaan tidak diulang otomatis. Aplikasi sudah memeriksa bahwa belum ada berkas "
	"bertanda tangan yang kembali; Anda dapat menandatangani lagi.",
	OTENTIKASI: "Aplikasi ditolak oleh layanan TTE (nama pengguna/kata sandi layanan atau alamat IP server "
	"belum didaftarkan). Hubungi admin aplikasi untuk memeriksa Pengaturan TTE.",
	DITOLAK_LAYANAN: "Layanan TTE menolak permintaan ini. Coba lagi; bila berulang, laporkan kepada admin "
	"TTE Pemda beserta waktu kejadiannya.",
	BELUM_DIATUR: "Tanda tangan elektronik belum diatur: alamat, pengguna dan kata sandi layanan TTE pada "
	"Pengaturan TTE harus diisi oleh admin aplikasi.",
}


class GalatTte(Exception):
	"""One eSign failure: ``jenis`` (a key of PESAN or a certificate status), the service's code, the
	message for the user. Never carries the passphrase, the TOTP or the request body."""

	def __init__(self, jenis: str, kode: int | None = None, pesan: str | None = None):
		self.jenis, self.kode = jenis, kode
		self.pesan = pesan or PESAN.get(jenis) or pesan_status(jenis)
		super().__init__(self.pesan)

	@property
	def tak_diketahui(self) -> bool:
		return self.jenis == TAK_DIKETAHUI


def galat_dari_jawaban(http: int, isi: dict | None, segel: bool = False) -> GalatTte:
	"""The failure an answer (not 200) stands for. ``isi`` is the parsed JSON body, None when the body
	was not JSON (the service answers some errors in plain text)."""
	if http == 401:
		return GalatTte(OTENTIKASI, 401)
	kode = None
	if isinstance(isi, dict):
		try:
			kode = int(isi.get("status_code")) if isi.get("status_code") is not None else None
		except (TypeError, ValueError):
			kode = None
	if http >= 500:
		return GalatTte(PDF_DITOLAK, kode or http)
	if kode in (SALAH_PASSPHRASE, SALAH_TOTP_SEGEL):
		return GalatTte(KODE_SEGEL if segel else PASSPHRASE, kode)
	if kode in KODE_STATUS:
		return GalatTte(KODE_STATUS[kode], kode)
	return GalatTte(DITOLAK_LAYANAN, kode or http)


def samarkan(isi: dict) -> dict:
	"""A request body fit for a log: secrets and files replaced."""
	aman = {}
	for k, v in isi.items():
		if k in ("passphrase", "totp", "password", "pdfPassword"):
			aman[k] = "***"
		elif k == "file":
			aman[k] = f"<{len(v) if isinstance(v, list) else 1} berkas>"
		elif k == "signatureProperties":
			aman[k] = [{kk: ("<gambar>" if kk == "imageBase64" else vv) for kk, vv in p.items()} for p in v]
		else:
			aman[k] = v
	return aman


# --------------------------------------------------------------------------- documents

KETERANGAN_UU_ITE = (
	"Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan "
	"oleh Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara. Sesuai Pasal 5 ayat (1) "
	"UU Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik, informasi elektronik dan/atau hasil "
	"cetaknya merupakan alat bukti hukum yang sah."
)
LAYANAN_VERIFIKASI_NASIONAL = "https://tte.komdigi.go.id/verifyPDF"
MM = 72 / 25.4  # PDF points in a millimetre


def sha256(isi: bytes) -> str:
	return hashlib.sha256(isi).hexdigest()


def adalah_pdf(isi: bytes) -> bool:
	return isi[:1024].lstrip().startswith(b"%PDF-")


@dataclass(frozen=True)
class Giliran:
	"""One signer's place in a document's order: their order number, state and who they are."""

	urutan: int
	status: str
	user: str | None = None


SELESAI = ("Ditandatangani", "Diunggah")


def giliran_berikutnya(baris: list[Giliran]) -> Giliran | None:
	"""The first signer in order who has not signed yet; None when all have. Signers with the same
	order number may sign in any order among themselves."""
	for g in sorted(baris, key=lambda g: g.urutan):
		if g.status not in SELESAI:
			return g
	return None


def kotak_tanda(halaman_lebar_pt: float, x_mm: float, y_mm: float, lebar_mm: float, tinggi_mm: float) -> dict:
	"""signatureProperties' box of a visible mark set in millimetres from the page's bottom-left corner,
	in PDF points (the unit and origin the app sends; kept inside the page's width)."""
	lebar = max(10.0, lebar_mm * MM)
	x = min(max(0.0, x_mm * MM), max(0.0, halaman_lebar_pt - lebar))
	return {
		"originX": round(x, 1),
		"originY": round(max(0.0, y_mm * MM), 1),
		"width": round(lebar, 1),
		"height": round(max(10.0, tinggi_mm * MM), 1),
	}


def rapikan_nik(nik: str | None) -> str:
	"""A NIK without spaces or dots (as people type it)."""
	return "".join(ch for ch in (nik or "") if ch not in " .-")


def nik_sah(nik: str) -> bool:
	"""A NIK is 16 digits (Dukcapil)."""
	return len(nik) == 16 and nik.isdigit()
