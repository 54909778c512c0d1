"""What the eSign service's answers mean to the user (sakip_evaluasi/domain/tte.py): every certificate
status and error in Bahasa Indonesia with what to do, the signers' order, secrets masked, the mark's box."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip_evaluasi.domain import tte as d

STATUS = [
	"ISSUE",
	"NEW",
	"WAITING_FOR_VERIFICATION",
	"RENEW",
	"EXPIRED",
	"SUSPEND",
	"REVOKE",
	"NO_CERTIFICATE",
	"NOT_REGISTERED",
]


@pytest.mark.parametrize("status", STATUS[1:])
def test_every_status_that_cannot_sign_says_what_to_do(status):
	pesan = d.pesan_status(status)
	assert "admin TTE Pemda" in pesan or "Pegawai" in pesan
	assert d.GalatTte(status).pesan == pesan


def test_unknown_status_is_still_a_sentence():
	assert "ABC" in d.pesan_status("ABC")


@pytest.mark.parametrize(
	("http", "isi", "segel", "jenis"),
	[
		(401, {"timestamp": "x", "status": 401, "error": "Unauthorized", "path": "/"}, False, d.OTENTIKASI),
		(400, {"error": "Passphrase anda salah", "status_code": 2031}, False, d.PASSPHRASE),
		(400, {"error": "TOTP segel tidak valid", "status_code": 2032}, True, d.KODE_SEGEL),
		(400, {"error": "User tidak terdaftar", "status_code": 2011}, False, "NOT_REGISTERED"),
		(400, {"error": "x", "status_code": 2021}, False, "NO_CERTIFICATE"),
		(500, None, False, d.PDF_DITOLAK),
		(400, None, False, d.DITOLAK_LAYANAN),
		(404, {"status_code": "bukan angka"}, False, d.DITOLAK_LAYANAN),
	],
)
def test_answers_become_one_failure_each(http, isi, segel, jenis):
	g = d.galat_dari_jawaban(http, isi, segel)
	assert g.jenis == jenis
	assert g.pesan and not g.pesan.startswith("Status sertifikat tidak dikenal")


def test_unknown_outcome_is_marked_as_such():
	assert d.GalatTte(d.TAK_DIKETAHUI).tak_diketahui
	assert "tidak diulang otomatis" in d.GalatTte(d.TAK_DIKETAHUI).pesan
	assert not d.GalatTte(d.PASSPHRASE).tak_diketahui


def test_secrets_are_masked_for_logs():
	aman = d.samarkan(
		{
			"nik": "3200000000000001",
			"passphrase": "Rahasia#2026",
			"totp": "123456",
			"file": ["QUJD"],
			"signatureProperties": [{"tampilan": "VISIBLE", "imageBase64": "iVBOR"}],
		}
	)
	assert "Rahasia#2026" not in str(aman) and "123456" not in str(aman) and "iVBOR" not in str(aman)
	assert aman["nik"] == "3200000000000001"


def test_signers_in_order_and_equal_orders_together():
	g = [d.Giliran(2, "Menunggu", "notulis"), d.Giliran(1, "Menunggu", "pimpinan")]
	assert d.giliran_berikutnya(g).user == "pimpinan"
	g[1] = d.Giliran(1, "Ditandatangani", "pimpinan")
	assert d.giliran_berikutnya(g).user == "notulis"
	assert d.giliran_berikutnya([d.Giliran(1, "Diunggah"), d.Giliran(2, "Ditandatangani")]) is None


@given(
	lebar=st.floats(200, 1000),
	x=st.floats(-50, 400),
	y=st.floats(-50, 400),
	w=st.floats(0, 200),
	h=st.floats(0, 200),
)
def test_mark_box_stays_on_the_page(lebar, x, y, w, h):
	k = d.kotak_tanda(lebar, x, y, w, h)
	assert k["originX"] >= 0 and k["originY"] >= 0
	assert k["width"] >= 10 and k["height"] >= 10
	assert k["originX"] + k["width"] <= max(lebar, k["width"]) + 0.2


def test_a_pdf_is_recognised_and_hashed():
	assert d.adalah_pdf(b"%PDF-1.7\n...")
	assert not d.adalah_pdf(b"GIF89a")
	assert d.sha256(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


@pytest.mark.parametrize(
	("nik", "sah"),
	[
		("3200000000000001", True),
		("3200 0000.0000-0001", True),
		("12345", False),
		("320000000000000A", False),
	],
)
def test_nik_is_16_digits(nik, sah):
	assert d.nik_sah(d.rapikan_nik(nik)) is sah


def test_footer_cites_uu_ite_pasal_5():
	assert "Pasal 5 ayat (1)" in d.KETERANGAN_UU_ITE and "BSrE" in d.KETERANGAN_UU_ITE
