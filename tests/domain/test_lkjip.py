"""LKjIP arithmetic and the Word file, without a site."""

from datetime import date
from decimal import Decimal

from sakip_evaluasi.domain.lkjip import model as m
from sakip_evaluasi.domain.lkjip import word as w


def _ind(akumulasi, tw, target=100, **kw):
	return m.Indikator("S1", "IK", "Indikator", "%", "Positif", None, akumulasi, target, tuple(tw), **kw)


def test_realisasi_tahunan_menurut_cara_akumulasi():
	D = Decimal
	assert m.baris_capaian(_ind("Kumulatif", (D(10), D(20), None, D(30)))).realisasi == 60.0
	assert m.baris_capaian(_ind("Nilai Akhir", (D(10), D(20), D(25), None))).realisasi == 25.0
	assert m.baris_capaian(_ind("Rata-rata", (D(10), D(20), None, None))).realisasi == 15.0
	kosong = m.baris_capaian(_ind("Tetap", (None,) * 4))
	assert (kosong.realisasi, kosong.capaian, kosong.keterangan) == (None, None, "Realisasi belum diisi")


def test_capaian_terhadap_target_akhir_renstra_dan_tahun_lalu():
	b = m.baris_capaian(
		_ind(
			"Nilai Akhir",
			(None, None, None, Decimal(76)),
			80,
			realisasi_lalu=(70, 65),
			target_akhir_renstra=90,
		)
	)
	assert (b.capaian, b.capaian_renstra, b.realisasi_lalu_1, b.realisasi_lalu_2) == (95.0, 84.44, 70, 65)


def test_efisiensi():
	e = m.efisiensi([95, 75, None], 1_000_000, 900_000)
	assert (e.rata_rata_capaian, e.serapan, e.indeks, e.kesimpulan) == (85.0, 90.0, 0.94, "Kurang efisien")
	assert m.efisiensi([100], 1_000, 500).kesimpulan == "Efisien"
	assert m.efisiensi([100], 0, 0).indeks is None


def test_batas_lkjip_bawaan_akhir_februari_dan_keterlambatan():
	assert m.batas_lkjip(2026) == date(2027, 2, 28)
	assert m.batas_lkjip(2027) == date(2028, 2, 29)
	assert m.batas_lkjip(2026, 3, 31) == date(2027, 3, 31)
	assert m.terlambat_hari(date(2027, 2, 28), None, date(2027, 3, 5)) == 5
	assert m.terlambat_hari(date(2027, 2, 28), date(2027, 2, 20), date(2027, 3, 5)) == 0
	assert m.perlu_pengingat(date(2027, 2, 28), date(2027, 2, 21))
	assert not m.perlu_pengingat(date(2027, 2, 28), date(2027, 2, 22))


def test_temuan_reviu_wajib_beralasan_dan_pernyataan_setelah_semua_sesuai():
	butir = [
		m.ButirReviu("baris 1", "Format", m.TIDAK_SESUAI, " "),
		m.ButirReviu("baris 2", "Substansi", None, None),
	]
	assert m.temuan_tanpa_alasan(butir) == [
		"baris 1 (Format): temuan 'Tidak Sesuai' wajib diberi catatan alasannya."
	]
	assert len(m.siap_pernyataan(butir)) == 2
	assert m.siap_pernyataan([m.ButirReviu("baris 1", "Format", m.SESUAI, None)]) == []


def test_ringkasan_status():
	r = m.ringkas_status([(None, 3), (m.FINAL, 0), (m.DALAM_REVIU, 2)])
	assert (r.jumlah, r.final, r.belum_ada, r.terlambat, r.per_tahap[m.DALAM_REVIU]) == (3, 1, 1, 2, 1)


def _dok():
	tabel = w.Tabel("A. Capaian Kinerja Organisasi", ["No", "Realisasi"], [["1", "76"]])
	return w.DokumenLKjIP(
		w.identitas("DPUPR", 2026), "Kabupaten Contoh", "Dinas PUPR", 2026,
		{"pendahuluan": "Satu\nDua"}, [("Jalan mantap", "Hujan")],
		w.Tabel("Tabel 2.1 Perjanjian Kinerja", ["No"], [["1"]]), [tabel], [],
	)  # fmt: skip


def test_word_dibaca_kembali_menurut_judul():
	d = _dok()
	hasil = w.baca(w.tulis(d))
	assert hasil.identitas == "LKJIP|DPUPR|2026"
	assert hasil.narasi["pendahuluan"] == "Satu\nDua"
	assert hasil.analisis == [("Jalan mantap", "Hujan")]
	assert w.tabel_berubah(d.bab3, hasil.tabel) == []


def test_tabel_hitung_yang_diubah_disebut_baris_dan_kolomnya():
	d = _dok()
	hasil = w.baca(w.tulis(d))
	hasil.tabel["A. Capaian Kinerja Organisasi"][1][1] = "99"
	assert w.tabel_berubah(d.bab3, hasil.tabel) == [
		"Tabel 'A. Capaian Kinerja Organisasi' baris 1, kolom 'Realisasi': tertulis '99', dihitung dari data '76'."
	]


def test_berkas_bukan_word_ditolak():
	import pytest

	with pytest.raises(w.BerkasTidakDikenal):
		w.baca(b"bukan docx")
