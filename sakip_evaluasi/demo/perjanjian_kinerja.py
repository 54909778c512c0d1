"""The Dinas PUPR's Perjanjian Kinerja 2026, made by hand as its Subkoordinator would: the Kepala Dinas's
PK with the Bupati (sasaran strategis, IKU, programs with their SIPD codes and anggaran) and each Kepala
Bidang's PK with the Kepala Dinas (the bidang's indicators with their Rencana Aksi: a target and an
action per triwulan; kegiatan and sub-kegiatan), each signed through the workflow by both parties. Then
the APBD Perubahan: from triwulan III a PK Perubahan of the Kepala Dinas's PK (the road programme's
budget) and of the Bina Marga PK (more road and two more bridges). Runs before the OPD's cycles (a PK
Perubahan starts after the last evaluated triwulan) and is safe to run again: a PK already there is
left as it is."""

from collections.abc import Iterator

import frappe

from sakip_evaluasi.aturan.pelaku import jalankan_aksi, sebagai
from sakip_evaluasi.aturan.perjanjian_kinerja import buat_perubahan
from sakip_evaluasi.domain import perjanjian_kinerja as pk
from sakip_evaluasi.domain.doctype import PK
from sakip_evaluasi.domain.penamaan import nama_bidang
from sakip_evaluasi.domain.peran import KEPALA_DINAS, SUBKOOR

TAHUN = 2026
TEMPAT = "Kabupaten Contoh"
BUPATI = ("H. Ahmad Yani, S.H., M.Si.", "Bupati Contoh")
APBD_P = "Perubahan strategi atau anggaran (APBD Perubahan)"

# The Kepala Dinas's PK: sasaran strategis (code → text), IKU (sasaran | indikator | satuan | target),
# programs (SIPD code | program | anggaran in rupiah).
SASARAN_OPD = {
	"S1": "Meningkatnya kemantapan jalan dan jembatan kabupaten",
	"S2": "Meningkatnya layanan sumber daya air dan pengendalian banjir",
	"S3": "Meningkatnya kualitas permukiman dan tertib pemanfaatan ruang",
}
IKU_OPD = """
	S1 | Persentase jalan kabupaten dalam kondisi mantap | % | 76
	S2 | Persentase jaringan irigasi dalam kondisi baik | % | 66
	S2 | Luas genangan banjir | ha | 90
	S3 | Persentase rumah tangga dengan akses air minum layak | % | 88
	S3 | Persentase kesesuaian pemanfaatan ruang | % | 80
"""
PROGRAM_OPD = """
	1.03.01 | Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota | 12450000000
	1.03.02 | Program Pengelolaan Sumber Daya Air (SDA) | 18750000000
	1.03.03 | Program Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum | 9200000000
	1.03.05 | Program Pengelolaan dan Pengembangan Sistem Air Limbah | 4350000000
	1.03.10 | Program Penyelenggaraan Jalan | 45300000000
	1.03.13 | Program Penyelenggaraan Penataan Ruang | 2150000000
"""

# Each bidang: its sasaran (cascading to a sasaran of the Kepala Dinas's PK), the Rencana Aksi of each
# of its indicators (one action a triwulan, ";"-separated; the targets are those of the demo's
# indicators), its kegiatan and sub-kegiatan (SIPD code | nomenklatur | anggaran).
BIDANG_PK = {
	"BM": (
		("S1", "Meningkatnya kondisi jalan dan jembatan kabupaten"),
		"Seksi Pembangunan dan Pemeliharaan Jalan",
		{
			"Persentase jalan kabupaten dalam kondisi mantap": "Survei kondisi jalan (IRI) ruas prioritas; "
			"Pemeliharaan rutin 120 km ruas jalan; Pemeliharaan berkala ruas Sukamaju–Cibeber; "
			"Survei kondisi jalan akhir tahun",
			"Panjang jalan yang ditingkatkan": "Penyusunan DED dan lelang peningkatan jalan; "
			"Peningkatan ruas Cikarang–Sukajaya; Peningkatan ruas Mekarsari–Tegalwaru; Serah terima pekerjaan (PHO)",
			"Jumlah jembatan yang direhabilitasi": "Inspeksi jembatan; Rehabilitasi Jembatan Cisadane II; "
			"Rehabilitasi jembatan Kali Bekasi; Serah terima pekerjaan (PHO)",
			"Persentase aduan kerusakan jalan ditangani paling lama 7 hari": "Piket tim reaksi cepat jalan; "
			"Piket tim reaksi cepat jalan; Piket tim reaksi cepat jalan; Rekapitulasi aduan setahun",
			"Rata-rata waktu penanganan aduan jalan": "Penerapan kanal aduan SIJALAN; Pemantauan waktu tanggap; "
			"Pemantauan waktu tanggap; Evaluasi waktu tanggap",
		},
		"""
		1.03.10.2.01 | Penyelenggaraan Jalan Kabupaten/Kota | 45300000000
		1.03.10.2.01.0015 | Rehabilitasi Jalan | 18500000000
		1.03.10.2.01.0017 | Peningkatan Kapasitas Jalan | 21000000000
		1.03.10.2.01.0033 | Rehabilitasi Jembatan | 5800000000
		""",
	),
	"SDA": (
		("S2", "Meningkatnya kinerja jaringan irigasi dan drainase"),
		"Seksi Irigasi dan Rawa",
		{
			"Persentase jaringan irigasi dalam kondisi baik": "Penelusuran jaringan irigasi; "
			"Rehabilitasi DI Cibeet; Rehabilitasi DI Cipamingkis; Penelusuran jaringan akhir tahun",
			"Luas layanan irigasi yang direhabilitasi": "Penyusunan DED rehabilitasi; Rehabilitasi 200 ha; "
			"Rehabilitasi 250 ha; Rehabilitasi 150 ha dan PHO",
			"Panjang saluran drainase yang dinormalisasi": "Identifikasi titik sedimentasi; Normalisasi 4 km; "
			"Normalisasi 4 km; Normalisasi 2 km",
			"Jumlah embung yang dibangun": "Penyusunan DED embung; Pembangunan Embung Sukatani; "
			"Pembangunan Embung Jatimulya; Pembangunan Embung Karangsari",
			"Luas genangan banjir": "Pemetaan titik genangan; Pembersihan gorong-gorong; "
			"Siaga banjir musim hujan; Evaluasi luas genangan",
		},
		"""
		1.03.02.2.01 | Pengelolaan SDA dan Bangunan Pengaman Pantai pada Wilayah Sungai | 6250000000
		1.03.02.2.02 | Pengembangan dan Pengelolaan Sistem Irigasi Primer dan Sekunder | 12500000000
		1.03.02.2.02.0009 | Rehabilitasi Jaringan Irigasi Permukaan | 9800000000
		""",
	),
	"CK": (
		("S3", "Meningkatnya akses air minum, sanitasi dan kualitas permukiman"),
		"Seksi Air Minum dan Sanitasi",
		{
			"Persentase rumah tangga dengan akses air minum layak": "Pendataan akses air minum; "
			"Perluasan jaringan SPAM; Sambungan rumah MBR; Pendataan akses akhir tahun",
			"Persentase rumah tangga dengan akses sanitasi layak": "Pendataan akses sanitasi; "
			"Pembangunan SPALD-S; Pembangunan tangki septik individual; Pendataan akses akhir tahun",
			"Jumlah SPAM perdesaan yang dibangun": "Penyusunan DED SPAM; Pembangunan SPAM Desa Sukamulya; "
			"Pembangunan SPAM Desa Cikedokan; Pembangunan SPAM Desa Mekarjaya",
			"Luas kawasan permukiman kumuh": "Verifikasi SK kumuh; Penataan kawasan kumuh Kampung Nelayan; "
			"Penataan kawasan kumuh Pasar Lama; Evaluasi luas kumuh",
			"Jumlah bangunan gedung bersertifikat laik fungsi": "Pemeriksaan kelaikan 5 gedung; "
			"Pemeriksaan kelaikan 5 gedung; Pemeriksaan kelaikan 5 gedung; Pemeriksaan kelaikan 5 gedung",
		},
		"""
		1.03.03.2.01 | Pengelolaan dan Pengembangan SPAM di Daerah Kabupaten/Kota | 9200000000
		1.03.03.2.01.0011 | Perluasan SPAM Jaringan Perpipaan di Kawasan Perkotaan | 5400000000
		1.03.05.2.01 | Pengelolaan dan Pengembangan Sistem Air Limbah Domestik | 4350000000
		""",
	),
	"TR": (
		("S3", "Meningkatnya tertib pemanfaatan ruang"),
		"Seksi Pemanfaatan dan Pengendalian Ruang",
		{
			"Persentase kesesuaian pemanfaatan ruang": "Pemantauan pemanfaatan ruang; Pemantauan pemanfaatan "
			"ruang; Audit tata ruang kawasan industri; Laporan pengendalian ruang",
			"Jumlah RDTR yang ditetapkan": "Konsultasi publik RDTR Cikarang; Penetapan RDTR Cikarang; "
			"Konsultasi publik RDTR Cibarusah; Penetapan RDTR Cibarusah",
			"Jumlah KKPR yang diterbitkan": "Layanan KKPR melalui OSS; Layanan KKPR melalui OSS; "
			"Layanan KKPR melalui OSS; Layanan KKPR melalui OSS",
			"Persentase pelanggaran tata ruang yang ditindak": "Patroli pemanfaatan ruang; Penertiban bersama "
			"Satpol PP; Penertiban bersama Satpol PP; Rekapitulasi penindakan",
			"Rata-rata waktu layanan KKPR": "Penyederhanaan SOP layanan KKPR; Pemantauan waktu layanan; "
			"Pemantauan waktu layanan; Evaluasi waktu layanan",
		},
		"""
		1.03.13.2.01 | Penyelenggaraan Penataan Ruang Daerah Kabupaten/Kota | 2150000000
		1.03.13.2.01.0001 | Penetapan Rencana Tata Ruang Wilayah (RTRW) dan Rencana Rinci Tata Ruang | 1250000000
		""",
	),
}

# The APBD Perubahan from triwulan III: the road programme's budget grows, and with it the Bina Marga
# targets (km of road, bridges) of triwulan III and IV.
PERUBAHAN_OPD = {"1.03.10": 51300000000}
PERUBAHAN_BM = {
	"program": {
		"1.03.10.2.01": 51300000000,
		"1.03.10.2.01.0017": 24000000000,
		"1.03.10.2.01.0033": 8800000000,
	},
	"target": {"Panjang jalan yang ditingkatkan": (15, 15), "Jumlah jembatan yang direhabilitasi": (4, 3)},
}
URAIAN_PERUBAHAN = (
	"APBD Perubahan 2026 menambah anggaran Program Penyelenggaraan Jalan Rp6 miliar untuk peningkatan "
	"ruas Sukamaju–Cibeber (5 km) dan rehabilitasi dua jembatan."
)


def _baris(tabel: str) -> list[list[str]]:
	return [[s.strip() for s in t.split("|")] for t in tabel.strip().splitlines()]


def _program(tabel: str) -> list[dict]:
	jenis = {1: "Program", 2: "Kegiatan", 3: "Sub Kegiatan"}
	hasil = []
	for kode, nama, anggaran in _baris(tabel):
		tingkat = 1 if kode.count(".") == 2 else 2 if kode.count(".") == 4 else 3
		hasil.append({"jenis": jenis[tingkat], "kode_sipd": kode, "nama": nama, "anggaran": int(anggaran)})
	return hasil


def pk_dpupr(opd: str, pejabat: dict[str, str], kabid: dict[str, str]) -> Iterator[str]:
	"""The Dinas PUPR's PKs 2026 (``pejabat``: {role: user}; ``kabid``: {bidang code: its head's user})."""
	subkor, kadis = pejabat[SUBKOOR], pejabat[KEPALA_DINAS]
	induk = _pk_opd(opd, subkor, kadis)
	yield f"  Perjanjian Kinerja {TAHUN} Kepala Dinas: {induk} ({len(SASARAN_OPD)} sasaran strategis)."
	for kode, user in kabid.items():
		nama = _pk_bidang(opd, kode, subkor, user, kadis)
		yield f"  Perjanjian Kinerja {TAHUN} dan Rencana Aksi {nama_bidang(opd, kode)}: {nama}."
	yield from _perubahan(opd, induk, subkor, kadis, kabid)


def _seri(opd: str, tingkat: str, bidang: str | None = None) -> str | None:
	return frappe.db.get_value(
		PK,
		{"opd": opd, "tahun": TAHUN, "tingkat": tingkat, "bidang": bidang or ("is", "not set")},
		"name",
		order_by="versi asc",
	)


def _tandatangani(nama: str, langkah: list[tuple[str, str, str]]) -> None:
	for action, user, dari in langkah:
		if frappe.db.get_value(PK, nama, "workflow_state") == dari:
			jalankan_aksi(PK, nama, action, user)


def _langkah_opd(subkor: str, kadis: str) -> list[tuple[str, str, str]]:
	return [
		("Ajukan", subkor, pk.DRAFT),
		("Tandatangani sebagai Pihak Pertama", kadis, pk.DIAJUKAN),
		("Catat Tanda Tangan Kepala Daerah", subkor, pk.DITANDATANGANI_PIHAK_PERTAMA),
	]


def _langkah_bidang(subkor: str, kabid: str, kadis: str) -> list[tuple[str, str, str]]:
	return [
		("Ajukan", subkor, pk.DRAFT),
		("Tandatangani sebagai Pihak Pertama", kabid, pk.DIAJUKAN),
		("Tandatangani sebagai Pihak Kedua", kadis, pk.DITANDATANGANI_PIHAK_PERTAMA),
	]


def _pk_opd(opd: str, subkor: str, kadis: str) -> str:
	if not (nama := _seri(opd, pk.TINGKAT_OPD)):
		doc = frappe.get_doc(
			{
				"doctype": PK,
				"tingkat": pk.TINGKAT_OPD,
				"opd": opd,
				"tahun": TAHUN,
				"tanggal_dpa": f"{TAHUN}-01-05",
				"tempat": TEMPAT,
				"tanggal_pk": f"{TAHUN}-01-30",
				"nama_pihak_kedua": BUPATI[0],
				"jabatan_pihak_kedua": BUPATI[1],
				"sasaran": [{"kode_sasaran": k, "sasaran": s} for k, s in SASARAN_OPD.items()],
				"indikator": [
					{
						"kode_sasaran": s,
						"nama_indikator": i,
						"satuan": satuan,
						"polaritas": "Negatif" if i.startswith("Luas genangan") else "Positif",
						"akumulasi": "Nilai Akhir",
						"target_tahunan": float(target),
						"iku": 1,
					}
					for s, i, satuan, target in _baris(IKU_OPD)
				],
				"program": _program(PROGRAM_OPD),
			}
		)
		with sebagai(subkor):
			nama = doc.insert().name
	_tandatangani(nama, _langkah_opd(subkor, kadis))
	return nama


def _pk_bidang(opd: str, kode: str, subkor: str, kabid: str, kadis: str) -> str:
	bidang = nama_bidang(opd, kode)
	if not (nama := _seri(opd, pk.TINGKAT_BIDANG, bidang)):
		(kode_opd, sasaran), pj, aksi, program = BIDANG_PK[kode]
		indikator = frappe.get_all(
			"Indikator Kinerja",
			filters={"bidang": bidang},
			fields=["name", "indikator", "satuan", "polaritas", "akumulasi"],
			order_by="creation asc, name asc",
		)
		target = {
			r.parent: r
			for r in frappe.get_all(
				"Target Indikator Kinerja",
				filters={"parent": ("in", [i.name for i in indikator]), "tahun": TAHUN},
				fields=["parent", "target_tahunan", "target_tw1", "target_tw2", "target_tw3", "target_tw4"],
			)
		}
		doc = frappe.get_doc(
			{
				"doctype": PK,
				"tingkat": pk.TINGKAT_BIDANG,
				"opd": opd,
				"bidang": bidang,
				"tahun": TAHUN,
				"tanggal_dpa": f"{TAHUN}-01-05",
				"tempat": TEMPAT,
				"tanggal_pk": f"{TAHUN}-01-30",
				"sasaran": [{"kode_sasaran": "S1", "sasaran": sasaran, "kode_sasaran_opd": kode_opd}],
				"indikator": [
					{
						"kode_sasaran": "S1",
						"indikator": i.name,
						"nama_indikator": i.indikator,
						"satuan": i.satuan,
						"polaritas": i.polaritas,
						"akumulasi": i.akumulasi,
						**_target(target[i.name], i.akumulasi),
					}
					for i in indikator
				],
				"rencana_aksi": [
					{"indikator": i.name, "triwulan": tw, "aksi": a.strip(), "penanggung_jawab": pj}
					for i in indikator
					for tw, a in zip(("I", "II", "III", "IV"), aksi[i.indikator].split(";"), strict=True)
				],
				"program": _program(program),
			}
		)
		with sebagai(subkor):
			nama = doc.insert().name
	_tandatangani(nama, _langkah_bidang(subkor, kabid, kadis))
	return nama


def _target(t, akumulasi: str) -> dict:
	"""The quarters of the indicator's Rencana Aksi and the annual target their roll-up gives (a Tetap
	indicator: the year's own)."""
	tw = [t.target_tw1, t.target_tw2, t.target_tw3, t.target_tw4]
	tahunan = pk.tahunan_dari_triwulan(tw, akumulasi)
	return {
		"target_tahunan": float(tahunan) if tahunan is not None else t.target_tahunan,
		**{f"target_tw{n}": v for n, v in enumerate(tw, 1)},
	}


def _perubahan(opd: str, induk: str, subkor: str, kadis: str, kabid: dict[str, str]) -> Iterator[str]:
	"""The APBD Perubahan's PK Perubahan from triwulan III, of the Kepala Dinas's and the Bina Marga PK."""
	bm = _seri(opd, pk.TINGKAT_BIDANG, nama_bidang(opd, "BM"))
	for nama, ubah, langkah in (
		(induk, _ubah_opd, _langkah_opd(subkor, kadis)),
		(bm, _ubah_bm, _langkah_bidang(subkor, kabid["BM"], kadis)),
	):
		baru = frappe.db.get_value(PK, {"pk_sebelumnya": nama}, "name")
		if not baru:
			with sebagai(subkor):
				baru = buat_perubahan(nama, APBD_P, "III", URAIAN_PERUBAHAN)
				doc = frappe.get_doc(PK, baru)
				ubah(doc)
				doc.tanggal_pk = f"{TAHUN}-09-15"
				doc.save()
		_tandatangani(baru, langkah)
		yield f"  PK Perubahan (APBD Perubahan, mulai triwulan III): {baru} mengganti {nama}."


def _ubah_opd(doc) -> None:
	for r in doc.program:
		r.anggaran = PERUBAHAN_OPD.get(r.kode_sipd, r.anggaran)


def _ubah_bm(doc) -> None:
	for r in doc.program:
		r.anggaran = PERUBAHAN_BM["program"].get(r.kode_sipd, r.anggaran)
	for r in doc.indikator:
		if tw := PERUBAHAN_BM["target"].get(r.nama_indikator):
			r.target_tw3, r.target_tw4 = tw
			r.target_tahunan = r.target_tw1 + r.target_tw2 + r.target_tw3 + r.target_tw4
