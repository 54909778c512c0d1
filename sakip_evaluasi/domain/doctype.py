"""The names of the app's DocTypes that code refers to, written once (``tests/test_satu_rumah.py``
keeps every other module from spelling one as a constant of its own)."""

ANGGARAN_DKB = "Realisasi Anggaran Bidang"
BARIS_DKB = "Baris Data Kinerja"
DISPOSISI = "Disposisi"
DKB = "Data Kinerja Bidang"
DOKUMEN_TTE = "Dokumen TTE"
EVALUASI = "Evaluasi Kinerja Internal"
INDIKATOR_KINERJA = "Indikator Kinerja"
INDIKATOR_PK = "Indikator PK"
JABATAN = "Jabatan"
KALENDER = "Kalender Kerja"
KKE = "Kertas Kerja Evaluasi"
LANGKAH = "Langkah Evaluasi"
LKJIP = "Laporan Kinerja"
NOTULEN = "Notulen Rapat"
OPD = "OPD"
PEGAWAI = "Pegawai"
PENGATURAN = "Pengaturan SAKIP"
PENGATURAN_TTE = "Pengaturan TTE"
PENUNJUKAN = "Penunjukan Pelaksana"
PK = "Perjanjian Kinerja"
RENCANA_AKSI = "Rencana Aksi"
RENSTRA = "Renstra OPD"
TL = "Tindak Lanjut Evaluasi"

# The fields of a Baris Data Kinerja that say its capaian: the indicator, its targets and realisasi for
# the triwulan and up to it, the capaian and its predikat (a card, a report row, a print take these).
KOLOM_CAPAIAN_BARIS = (
	"idx",
	"indikator",
	"nama_indikator",
	"satuan",
	"polaritas",
	"target_tw",
	"target_sd_tw",
	"realisasi",
	"realisasi_sd_tw",
	"capaian",
	"predikat",
)
# Evaluasi AKIP (LKE PermenPANRB 88/2021): the worksheet of a year and an OPD's evaluation.
LKE = "LKE AKIP"
AKIP = "Evaluasi AKIP"
