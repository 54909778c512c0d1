"""`bench --site S sakip-demo`: a small Pemda of three OPDs. In the Dinas PUPR one Evaluasi Kinerja
Internal is walked through all eight SOP steps by the users whose roles allow each action, plus a
second cycle stopped at step 5; the Dinas Kesehatan runs the same triwulan III side by side
(stopped at step 5); the Dinas Pendidikan has just started its own. Pemda-wide users: Inspektorat,
Bappeda, Admin SAKIP Pemda. Safe to run again: every stage checks what is already there."""

import random
from collections.abc import Iterator

import frappe
from frappe.utils.password import update_password

from sakip_evaluasi.aturan.pelaku import jalankan_aksi, sebagai
from sakip_evaluasi.aturan.pk_dari_indikator import pk_dari_indikator
from sakip_evaluasi.demo.akip import buat_evaluasi_akip
from sakip_evaluasi.demo.perjanjian_kinerja import pk_dpupr
from sakip_evaluasi.domain.penamaan import nama_bidang, nama_evaluasi
from sakip_evaluasi.domain.peran import (
	ADMIN_PEMDA,
	BAPPEDA,
	INSPEKTORAT,
	KEPALA_BIDANG,
	KEPALA_DINAS,
	SEKRETARIS,
	SUBKOOR,
)
from sakip_evaluasi.domain.periode import TRIWULAN, nomor_triwulan
from sakip_evaluasi.pejabat.jabatan import nama_jabatan

PEMDA = "Pemerintah Kabupaten Contoh"
TEMPAT = "Sukamaju"  # the capital of the demo kabupaten, printed before the date of a signature
OPD = "DPUPR"  # the OPD whose officials are also civil servants with a Plh (below)
ALAMAT = "Jl. Merdeka No. 1, Kabupaten Contoh"
DOMAIN = "demo.sakip.id"
BAHASA = "id"


def _indikator(tabel: str) -> tuple:
	"""Indicator rows written one a line: ``bidang | indikator | satuan | polaritas | akumulasi |
	targets TW I-IV`` → (bidang, indikator, satuan, polaritas, akumulasi, (targets))."""
	baris = []
	for teks in tabel.strip().splitlines():
		bidang, indikator, satuan, polaritas, akumulasi, target = (s.strip() for s in teks.split("|"))
		baris.append((bidang, indikator, satuan, polaritas, akumulasi, tuple(map(int, target.split()))))
	return tuple(baris)


# The demo Pemda's OPDs: code → (name, officials {role: (user, name)}, bidang {code: (name, user, Kepala
# Bidang)}, 2026 indicators, {triwulan: the SOP step its cycle is walked to}).
OPD_DEMO = {
	"DPUPR": (
		"Dinas Pekerjaan Umum dan Penataan Ruang",
		{
			KEPALA_DINAS: ("kadis", "Ir. Bambang Santoso, M.T."),
			SEKRETARIS: ("sekretaris", "Dra. Sri Wahyuni, M.Si."),
			SUBKOOR: ("subkor", "Andi Pratama, S.E."),
		},
		{
			"BM": ("Bidang Bina Marga", "kabid.bm", "Rudi Hartono, S.T."),
			"SDA": ("Bidang Sumber Daya Air", "kabid.sda", "Dewi Lestari, S.T., M.T."),
			"CK": ("Bidang Cipta Karya", "kabid.ck", "Agus Salim, S.T."),
			"TR": ("Bidang Tata Ruang", "kabid.tr", "Maya Kartika, S.T., M.Sc."),
		},
		_indikator("""
			BM | Persentase jalan kabupaten dalam kondisi mantap | % | Positif | Nilai Akhir | 70 72 74 76
			BM | Panjang jalan yang ditingkatkan | km | Positif | Kumulatif | 5 10 15 10
			BM | Jumlah jembatan yang direhabilitasi | unit | Positif | Kumulatif | 1 2 3 2
			BM | Persentase aduan kerusakan jalan ditangani paling lama 7 hari | % | Positif | Tetap | 90 90 90 90
			BM | Rata-rata waktu penanganan aduan jalan | hari | Negatif | Rata-rata | 7 7 6 6
			SDA | Persentase jaringan irigasi dalam kondisi baik | % | Positif | Nilai Akhir | 60 62 64 66
			SDA | Luas layanan irigasi yang direhabilitasi | ha | Positif | Kumulatif | 100 200 250 150
			SDA | Panjang saluran drainase yang dinormalisasi | km | Positif | Kumulatif | 2 4 4 2
			SDA | Jumlah embung yang dibangun | unit | Positif | Kumulatif | 0 1 1 1
			SDA | Luas genangan banjir | ha | Negatif | Nilai Akhir | 120 110 100 90
			CK | Persentase rumah tangga dengan akses air minum layak | % | Positif | Nilai Akhir | 85 86 87 88
			CK | Persentase rumah tangga dengan akses sanitasi layak | % | Positif | Nilai Akhir | 78 79 80 82
			CK | Jumlah SPAM perdesaan yang dibangun | unit | Positif | Kumulatif | 1 2 2 1
			CK | Luas kawasan permukiman kumuh | ha | Negatif | Nilai Akhir | 40 38 36 34
			CK | Jumlah bangunan gedung bersertifikat laik fungsi | unit | Positif | Kumulatif | 5 5 5 5
			TR | Persentase kesesuaian pemanfaatan ruang | % | Positif | Tetap | 80 80 80 80
			TR | Jumlah RDTR yang ditetapkan | dokumen | Positif | Kumulatif | 0 1 0 1
			TR | Jumlah KKPR yang diterbitkan | izin | Positif | Kumulatif | 40 45 45 40
			TR | Persentase pelanggaran tata ruang yang ditindak | % | Positif | Tetap | 75 75 75 75
			TR | Rata-rata waktu layanan KKPR | hari | Negatif | Rata-rata | 10 10 9 9
		"""),
		{"III": 8, "IV": 5},
	),
	"DINKES": (
		"Dinas Kesehatan",
		{
			KEPALA_DINAS: ("kadis.dinkes", "dr. Hendra Wijaya, M.Kes."),
			SEKRETARIS: ("sekretaris.dinkes", "Ratna Sari, S.KM., M.Kes."),
			SUBKOOR: ("subkor.dinkes", "Yusuf Hakim, S.KM."),
		},
		{
			"SEK": ("Sekretariat", "kabid.sek.dinkes", "Nurul Hidayah, S.E."),
			"YANKES": ("Bidang Pelayanan Kesehatan", "kabid.yankes", "dr. Fitri Handayani"),
			"P2P": ("Bidang Pencegahan dan Pengendalian Penyakit", "kabid.p2p", "dr. Joko Susilo, M.P.H."),
		},
		_indikator("""
			SEK | Persentase dokumen perencanaan disusun tepat waktu | % | Positif | Tetap | 100 100 100 100
			YANKES | Persentase puskesmas terakreditasi | % | Positif | Nilai Akhir | 70 75 80 85
			YANKES | Jumlah kunjungan rawat jalan puskesmas | kunjungan | Positif | Kumulatif | 9000 9000 9000 9000
			P2P | Cakupan imunisasi dasar lengkap | % | Positif | Nilai Akhir | 25 50 75 95
			P2P | Angka kasus demam berdarah | kasus | Negatif | Kumulatif | 40 60 60 40
		"""),
		{"III": 5},
	),
	"DISDIK": (
		"Dinas Pendidikan",
		{
			KEPALA_DINAS: ("kadis.disdik", "Drs. Slamet Riyadi, M.Pd."),
			SEKRETARIS: ("sekretaris.disdik", "Endang Purwanti, S.Pd., M.M."),
			SUBKOOR: ("subkor.disdik", "Bayu Aji, S.Pd."),
		},
		{
			"SEK": ("Sekretariat", "kabid.sek.disdik", "Lina Marlina, S.Sos."),
			"SD": ("Bidang Pembinaan Sekolah Dasar", "kabid.sd", "Heru Prasetyo, S.Pd., M.Pd."),
		},
		_indikator("""
			SEK | Nilai SAKIP perangkat daerah | nilai | Positif | Tetap | 70 70 70 70
			SD | Angka partisipasi murni SD | % | Positif | Nilai Akhir | 96 96 97 97
			SD | Persentase guru SD bersertifikat pendidik | % | Positif | Nilai Akhir | 60 62 64 66
		"""),
		{"III": 1},
	),
}
# Pemda-wide users: email name → (full name, role).
PENGGUNA_PEMDA = {
	"inspektorat": ("Ir. Wahyu Nugroho, M.M.", INSPEKTORAT),
	"bappeda": ("Dra. Kartini Rahayu, M.Si.", BAPPEDA),
	"admin.pemda": ("Teguh Santoso, S.Kom.", ADMIN_PEMDA),
}


def email(nama: str) -> str:
	return f"{nama}@{DOMAIN}"


def buat_demo(password: str) -> Iterator[str]:
	yield selesaikan_setup_wizard()
	frappe.db.set_single_value("Pengaturan SAKIP", {"nama_pemda": PEMDA, "tempat_penandatanganan": TEMPAT})
	for kode, (nama, pejabat, bidang, indikator, _siklus) in OPD_DEMO.items():
		yield from buat_opd(kode, nama, pejabat, bidang, indikator, password)
	for nama, (lengkap, peran) in PENGGUNA_PEMDA.items():
		_user(email(nama), lengkap, peran, password)
		yield f"Pengguna {email(nama)} ({peran}, seluruh OPD)"
	yield f"Kata sandi semua pengguna demo: {password}"
	yield bahasa_indonesia(pengguna_demo())
	yield beranda_tugas_saya()
	for kode, (_nama, _pejabat, _bidang, _indikator, siklus) in OPD_DEMO.items():
		for triwulan, sampai in siklus.items():
			yield from jalankan_siklus(kode, triwulan, sampai_langkah=sampai)
	yield lengkapi_pegawai()
	yield tunjuk_plh_sekretaris()
	yield from buat_evaluasi_akip(
		{kode: pejabat_opd(kode)[SEKRETARIS] for kode in ("DPUPR", "DINKES")}, email("inspektorat")
	)


def pengguna_demo() -> list[str]:
	semua = [(pejabat, bidang) for _n, pejabat, bidang, _i, _s in OPD_DEMO.values()]
	return [
		*(email(nama) for pejabat, _bidang in semua for nama, _lengkap in pejabat.values()),
		*(email(nama) for _pejabat, bidang in semua for _b, nama, _lengkap in bidang.values()),
		*(email(nama) for nama in PENGGUNA_PEMDA),
	]


def pejabat_opd(opd: str) -> dict[str, str]:
	"""The demo users of ``opd``'s officials: {role: email}."""
	pejabat = OPD_DEMO[opd][1]
	return {peran: email(nama) for peran, (nama, _lengkap) in pejabat.items()}


def bidang_opd(opd: str) -> dict:
	return OPD_DEMO[opd][2]


def selesaikan_setup_wizard() -> str:
	if frappe.db.get_single_value("System Settings", "setup_complete"):
		return "Setup wizard sudah selesai."
	from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

	setup_complete(
		{"language": "Indonesia", "country": "Indonesia", "timezone": "Asia/Jakarta", "currency": "IDR"}
	)
	frappe.db.set_single_value("System Settings", "time_zone", "Asia/Jakarta")
	return "Setup wizard diselesaikan (Bahasa Indonesia, Indonesia, Asia/Jakarta)."


def bahasa_indonesia(users: list[str]) -> str:
	"""The demo site and its users speak Bahasa Indonesia (only what differs is written)."""
	if frappe.db.get_single_value("System Settings", "language") != BAHASA:
		frappe.db.set_single_value("System Settings", "language", BAHASA)
	for user in users:
		if frappe.db.get_value("User", user, "language") != BAHASA:
			frappe.db.set_value("User", user, "language", BAHASA, update_modified=False)
	return "Bahasa situs dan pengguna demo: Indonesia (id)."


def _user(mail: str, nama: str, peran: str | None, password: str) -> None:
	if not frappe.db.exists("User", mail):
		first, _, last = nama.partition(" ")
		frappe.get_doc(
			{
				"doctype": "User",
				"email": mail,
				"first_name": first,
				"last_name": last,
				"send_welcome_email": 0,
				"language": BAHASA,
				"user_type": "System User",
				"roles": [{"role": peran}] if peran else [],
			}
		).insert(ignore_permissions=True)
	update_password(mail, password)


# A computed indicator (Jenis Indikator "Rumus"): the Kepala Bidang enters the kilometres, the
# percentage is computed.
JALAN_MANTAP = ("Jalan kabupaten kondisi mantap (km)", "Panjang jalan kabupaten (km)")
PANJANG_JALAN = 550
RUMUS_DEMO = {
	"Persentase jalan kabupaten dalam kondisi mantap": {
		"jenis_indikator": "Rumus",
		"jenis_rumus": "Rasio",
		"kali_seratus": 1,
		"komponen": [
			{"komponen": JALAN_MANTAP[0], "peran": "Pembilang"},
			{"komponen": JALAN_MANTAP[1], "peran": "Penyebut"},
		],
	}
}


def buat_opd(kode_opd: str, nama_opd: str, pejabat, bidang, indikator, password: str) -> Iterator[str]:
	"""One OPD with its officials, bidang (headed by their users) and 2026 indicators."""
	for peran, (nama, lengkap) in pejabat.items():
		_user(email(nama), lengkap, peran, password)
	if not frappe.db.exists("OPD", kode_opd):
		frappe.get_doc(
			{
				"doctype": "OPD",
				"kode": kode_opd,
				"nama_opd": nama_opd,
				"alamat": ALAMAT,
				"kepala_dinas": email(pejabat[KEPALA_DINAS][0]),
				"sekretaris": email(pejabat[SEKRETARIS][0]),
				"subkoordinator": email(pejabat[SUBKOOR][0]),
			}
		).insert(ignore_permissions=True)
	yield f"OPD {kode_opd} ({nama_opd}): " + ", ".join(
		f"{email(nama)} ({peran})" for peran, (nama, _l) in pejabat.items()
	)
	for kode, (nama, kabid, lengkap) in bidang.items():
		_user(email(kabid), lengkap, KEPALA_BIDANG, password)
		if not frappe.db.exists("Bidang", nama_bidang(kode_opd, kode)):
			frappe.get_doc(
				{
					"doctype": "Bidang",
					"opd": kode_opd,
					"nama_bidang": nama,
					"kode": kode,
					"kepala_bidang": email(kabid),
				}
			).insert(ignore_permissions=True)
		yield f"  {nama_bidang(kode_opd, kode)}: {email(kabid)} ({KEPALA_BIDANG})"
	baru = 0
	for kode, nama_indikator, satuan, polaritas, akumulasi, targets in indikator:
		if frappe.db.exists("Indikator Kinerja", {"indikator": nama_indikator, "opd": kode_opd}):
			continue
		frappe.get_doc(
			{
				"doctype": "Indikator Kinerja",
				"indikator": nama_indikator,
				"sasaran_strategis": f"Meningkatnya kinerja {nama_opd}",
				"bidang": nama_bidang(kode_opd, kode),
				"satuan": satuan,
				"polaritas": polaritas,
				"akumulasi": akumulasi,
				"target": [
					{
						"tahun": 2026,
						"target_tahunan": sum(targets) if akumulasi == "Kumulatif" else targets[-1],
						**{f"target_tw{i + 1}": t for i, t in enumerate(targets)},
					}
				],
				**RUMUS_DEMO.get(nama_indikator, {}),
			}
		).insert(ignore_permissions=True)
		baru += 1
	yield f"  {len(bidang)} bidang dan {len(indikator)} indikator kinerja 2026 ({baru} baru)."
	if kode_opd == OPD:  # the Dinas PUPR's PK made by hand, with its Rencana Aksi and a PK Perubahan
		kabid = {kode: email(user) for kode, (_n, user, _l) in bidang.items()}
		yield from pk_dpupr(kode_opd, {p: email(u) for p, (u, _l) in pejabat.items()}, kabid)
		return
	# The PK 2026 the cycle reads its targets from, as the migration builds it from these indicators.
	yield f"  Perjanjian Kinerja 2026: {', '.join(pk_dari_indikator(kode_opd, 2026)) or 'sudah ada'}."


# --------------------------------------------------------------------------- walking the cycle


def aksi(doctype: str, name: str, action: str, user: str, dari_status: str) -> None:
	"""Take ``action`` as ``user`` when the document is still in ``dari_status`` (idempotent)."""
	if frappe.db.get_value(doctype, name, "workflow_state") == dari_status:
		jalankan_aksi(doctype, name, action, user)


def simpan(doc, user: str) -> None:
	with sebagai(user):
		doc.save()


def jalankan_siklus(opd: str, triwulan: str, sampai_langkah: int, tahun: int = 2026) -> Iterator[str]:
	pejabat = pejabat_opd(opd)
	kadis, sekretaris, subkor = pejabat[KEPALA_DINAS], pejabat[SEKRETARIS], pejabat[SUBKOOR]
	nama = nama_evaluasi(opd, tahun, triwulan)
	if not frappe.db.exists("Evaluasi Kinerja Internal", nama):
		with sebagai(kadis):
			frappe.get_doc(
				{"doctype": "Evaluasi Kinerja Internal", "opd": opd, "tahun": tahun, "triwulan": triwulan}
			).insert()
	if sampai_langkah < 2:
		yield f"{nama}: baru dimulai (langkah 1, disposisi Kepala Dinas)."
		return
	# Steps 1-2: disposisi chain
	d1 = _disposisi(
		nama, kadis, sekretaris, None, "Untuk ditindaklanjuti", "Laksanakan evaluasi kinerja internal."
	)
	aksi("Disposisi", d1, "Kirim", kadis, "Draft")
	aksi("Disposisi", d1, "Terima", sekretaris, "Dikirim")
	d2 = _disposisi(
		nama, sekretaris, subkor, d1, "Siapkan bahan", "Himpun target dan capaian s.d. triwulan berjalan."
	)
	aksi("Disposisi", d2, "Kirim", sekretaris, "Draft")
	aksi("Disposisi", d2, "Terima", subkor, "Dikirim")
	# Nobody presses Selesaikan: the app closes each disposisi once the steps it assigns have ended
	# (d1 with step 2 just now, d2 with step 4 below), so a finished cycle leaves none waiting.
	# Steps 3-4: work paper
	kke = f"KKE-{nama}"
	if not frappe.db.exists("Kertas Kerja Evaluasi", kke):
		with sebagai(subkor):
			frappe.get_doc({"doctype": "Kertas Kerja Evaluasi", "evaluasi": nama}).insert()
	aksi("Kertas Kerja Evaluasi", kke, "Ajukan", subkor, "Draft")
	aksi("Kertas Kerja Evaluasi", kke, "Setujui", sekretaris, "Diajukan")
	aksi("Kertas Kerja Evaluasi", kke, "Distribusikan", subkor, "Disetujui")
	# Step 5: each bidang's data (in the stopped cycle only the first bidang has submitted)
	acak = random.Random(f"sakip-demo-{nama}")
	for i, (kode, (_nama, kabid, _)) in enumerate(bidang_opd(opd).items()):
		dkb = frappe.db.get_value("Data Kinerja Bidang", {"evaluasi": nama, "bidang": nama_bidang(opd, kode)})
		if sampai_langkah == 5 and i > 0:
			continue
		_isi_data_kinerja(dkb, email(kabid), acak)
		aksi("Data Kinerja Bidang", dkb, "Ajukan", email(kabid), "Draft")
		if sampai_langkah > 5:
			aksi("Data Kinerja Bidang", dkb, "Terima", subkor, "Diajukan")
	if sampai_langkah == 5:
		yield f"{nama}: berhenti di langkah 5 (data kinerja bidang sedang diisi)."
		return
	aksi("Kertas Kerja Evaluasi", kke, "Rekap", subkor, "Didistribusikan")
	# Steps 6-7: meeting
	nr = f"NR-{nama}"
	if not frappe.db.exists("Notulen Rapat", nr):
		with sebagai(subkor):
			frappe.get_doc({"doctype": "Notulen Rapat", "evaluasi": nama}).insert()
	_isi_undangan(nr, subkor)
	aksi("Notulen Rapat", nr, "Kirim Undangan", sekretaris, "Draft")
	_isi_notulen(nr, subkor, kadis, opd)
	aksi("Notulen Rapat", nr, "Ajukan Notulen", subkor, "Undangan Dikirim")
	aksi("Notulen Rapat", nr, "Sahkan", kadis, "Notulen Diajukan")
	# Step 8: follow-ups
	daftar_tl = frappe.get_all(
		"Tindak Lanjut Evaluasi", filters={"evaluasi": nama}, fields=["name", "bidang"], order_by="name"
	)
	for nomor_tl, tl in enumerate(daftar_tl):
		kabid = frappe.db.get_value("Bidang", tl.bidang, "kepala_bidang")
		doc = frappe.get_doc("Tindak Lanjut Evaluasi", tl.name)
		if doc.workflow_state == "Draft":
			# the first bidang's recommendation is done (with its bukti), the others go on into the
			# next triwulan (carried forward, sakip_evaluasi/aturan/tindak_lanjut.py)
			for i, row in enumerate(doc.baris):
				row.tindak_lanjut = (
					row.tindak_lanjut or "Telah dikoordinasikan dengan UPT dan masuk rencana aksi."
				)
				row.status = "Dalam Proses"
				if nomor_tl == 0 and i == 0:
					row.status = "Tuntas"
					row.tanggal_tuntas = frappe.utils.today()
					row.tautan_bukti = "https://arsip.contoh.go.id/tindak-lanjut/berita-acara.pdf"
			simpan(doc, kabid)
		aksi("Tindak Lanjut Evaluasi", tl.name, "Ajukan", kabid, "Draft")
		aksi("Tindak Lanjut Evaluasi", tl.name, "Verifikasi", sekretaris, "Diajukan")
		aksi("Tindak Lanjut Evaluasi", tl.name, "Terima", kadis, "Diverifikasi")
	yield f"{nama}: kedelapan langkah SOP selesai."


def _disposisi(evaluasi: str, dari: str, kepada: str, induk: str | None, instruksi: str, catatan: str) -> str:
	if name := frappe.db.get_value("Disposisi", {"evaluasi": evaluasi, "dari": dari, "kepada": kepada}):
		return name
	doc = frappe.get_doc(
		{
			"doctype": "Disposisi",
			"evaluasi": evaluasi,
			"dari": dari,
			"kepada": kepada,
			"disposisi_induk": induk,
			"instruksi": [{"instruksi": instruksi}],
			"catatan": catatan,
		}
	)
	with sebagai(dari):
		doc.insert()
	return doc.name


# The share of a year's pagu spent in each triwulan (the demo's realisasi anggaran).
BAGIAN_ANGGARAN_TW = {"I": 0.14, "II": 0.24, "III": 0.29, "IV": 0.27}


def _anggaran_sebelum_aplikasi(doc, acak: random.Random) -> None:
	"""The first triwulan the demo evaluates is not TW I: what its rows spent in the quarters before
	the app was used stands as their realisasi s.d. TW lalu (an app-made record carries it itself)."""
	bagian = sum(BAGIAN_ANGGARAN_TW[tw] for tw in TRIWULAN[: nomor_triwulan(doc.triwulan) - 1])
	for row in doc.anggaran:
		if row.realisasi_sd_tw_lalu or not bagian:
			continue
		lalu = round(row.pagu * bagian * acak.uniform(0.85, 1.0), -3)
		frappe.db.set_value(
			row.doctype,
			row.name,
			{"realisasi_sd_tw_lalu": lalu, "realisasi_sd_tw": lalu},
			update_modified=False,
		)


def _isi_anggaran(doc, acak: random.Random) -> None:
	for row in doc.anggaran:
		sisa = (row.pagu or 0) - (row.realisasi_sd_tw_lalu or 0)
		row.realisasi_tw = max(
			0, min(sisa, round(row.pagu * BAGIAN_ANGGARAN_TW[doc.triwulan] * acak.uniform(0.7, 1.05), -3))
		)


def _isi_data_kinerja(dkb: str, kabid: str, acak: random.Random) -> None:
	doc = frappe.get_doc("Data Kinerja Bidang", dkb)
	if doc.workflow_state != "Draft" or all(r.realisasi for r in doc.baris):
		return
	_anggaran_sebelum_aplikasi(doc, acak)
	doc = frappe.get_doc("Data Kinerja Bidang", dkb)
	_isi_anggaran(doc, acak)
	for row in doc.baris:
		faktor = acak.uniform(0.8, 1.1) if row.polaritas == "Positif" else acak.uniform(0.9, 1.3)
		realisasi = (row.target_tw or 1) * faktor
		if row.komponen and JALAN_MANTAP[0] in row.komponen:  # the kilometres; the percentage computed
			mantap = f"{realisasi * PANJANG_JALAN / 100:.1f}".replace(".", ",")
			row.komponen = f"{JALAN_MANTAP[0]}: {mantap}\n{JALAN_MANTAP[1]}: {PANJANG_JALAN}"
		else:
			row.realisasi = f"{realisasi:.2f}".replace(".", ",")
		if faktor < 0.95:
			row.kendala = "Keterlambatan pengadaan dan cuaca"
			row.upaya = "Percepatan kontrak dan penambahan jam kerja lapangan"
	simpan(doc, kabid)


def _isi_undangan(nr: str, subkor: str) -> None:
	doc = frappe.get_doc("Notulen Rapat", nr)
	if doc.workflow_state != "Draft" or doc.tanggal_rapat:
		return
	doc.update(
		{
			"nomor_undangan": f"005/{doc.triwulan}/SEKR/{doc.tahun}",
			"tanggal_rapat": frappe.utils.add_days(frappe.utils.today(), -2),
			"jam_mulai": "09:00:00",
			"jam_selesai": "12:00:00",
			"tempat": "Ruang Rapat Kepala Dinas",
			"acara": f"Rapat Evaluasi Kinerja Internal Triwulan {doc.triwulan} Tahun {doc.tahun}",
		}
	)
	simpan(doc, subkor)


def _isi_notulen(nr: str, subkor: str, kadis: str, opd: str) -> None:
	doc = frappe.get_doc("Notulen Rapat", nr)
	if doc.workflow_state != "Undangan Dikirim" or doc.pimpinan_rapat:
		return
	doc.pimpinan_rapat, doc.notulis = kadis, subkor
	for p in doc.peserta:
		p.kehadiran = "Hadir"
	for kode in bidang_opd(opd):
		doc.append(
			"pembahasan",
			{"bidang": nama_bidang(opd, kode), "pembahasan": "Capaian triwulan dibahas per indikator."},
		)
	doc.kesimpulan = "Sebagian besar indikator on track; irigasi dan jembatan perlu percepatan."
	doc.arahan_pimpinan = "Setiap bidang menyusun rencana aksi percepatan untuk triwulan berikutnya."
	rekomendasi = {
		"SDA": "Percepat rehabilitasi jaringan irigasi.",
		"BM": "Percepat lelang rehabilitasi jembatan.",
	}
	for kode in bidang_opd(opd) if opd != OPD else rekomendasi:
		doc.append(
			"rekomendasi",
			{
				"bidang": nama_bidang(opd, kode),
				"rekomendasi": rekomendasi.get(kode, "Susun rencana aksi percepatan capaian indikator."),
			},
		)
	simpan(doc, subkor)


def beranda_tugas_saya() -> str:
	"""Every demo user lands on Tugas Saya (install code does the same for the app's users)."""
	from sakip_evaluasi.halaman.beranda import TUGAS_SAYA, jadikan_beranda

	jadikan_beranda(pengguna_demo())
	return f"Halaman awal pengguna demo: {TUGAS_SAYA}."


# --------------------------------------------------------------------------- officials as people

# The Dinas PUPR's officials as civil servants (user → NIP, pangkat/golongan); the other OPDs' officials
# stay as made from their users ("NIP belum diisi"), as on a site that has just been migrated.
PEGAWAI_DPUPR = {
	"kadis": ("196805121994031005", "Pembina Utama Muda (IV/c)"),
	"sekretaris": ("197203151998032004", "Pembina Tingkat I (IV/b)"),
	"subkor": ("198507222010011003", "Penata Tingkat I (III/d)"),
	"kabid.bm": ("197601102002121002", "Pembina (IV/a)"),
	"kabid.sda": ("197909182005012003", "Pembina (IV/a)"),
	"kabid.ck": ("197704042003121004", "Pembina (IV/a)"),
	"kabid.tr": ("198111112006042001", "Pembina (IV/a)"),
}
# A week's Plh Sekretaris of the Dinas PUPR, from the day the demo is made: its Kepala Bidang Tata
# Ruang, who acts across the OPD while their own bidang's submissions are verified by the Kepala Dinas
# (user, letter number; the Kepala Dinas signs).
PLH_SEKRETARIS = ("kabid.tr", "800/112/SEKR/2026")


def lengkapi_pegawai() -> str:
	"""The Dinas PUPR's officials get their NIP and pangkat (the Pegawai made with their positions)."""
	for nama, (nip, pangkat) in PEGAWAI_DPUPR.items():
		pegawai = frappe.db.get_value("Pegawai", {"user": email(nama)})
		if pegawai and not frappe.db.get_value("Pegawai", pegawai, "nip"):
			doc = frappe.get_doc("Pegawai", pegawai)
			doc.update({"nip": nip, "pangkat_golongan": pangkat, "dari_migrasi": 0})
			doc.save(ignore_permissions=True)
	return f"Pegawai {OPD}: NIP dan pangkat {len(PEGAWAI_DPUPR)} pejabat; OPD lain: NIP belum diisi."


def tunjuk_plh_sekretaris() -> str:
	"""A Plh Sekretaris of the Dinas PUPR for a week from today (submitted: starts at once): the Kepala
	Bidang Tata Ruang, by a letter of the Kepala Dinas."""
	jabatan = nama_jabatan(OPD, SEKRETARIS)
	nama, nomor = PLH_SEKRETARIS
	user = email(nama)
	if not frappe.db.exists("Penunjukan Pelaksana", {"jabatan": jabatan, "docstatus": 1}):
		hari_ini = frappe.utils.today()
		doc = frappe.get_doc(
			{
				"doctype": "Penunjukan Pelaksana",
				"jenis": "Plh",
				"jabatan": jabatan,
				"pegawai": frappe.db.get_value("Pegawai", {"user": user}),
				"nomor_surat": nomor,
				"tanggal_surat": hari_ini,
				"penandatangan": "Kepala Dinas",
				"mulai": hari_ini,
				"selesai": frappe.utils.add_days(hari_ini, 6),
			}
		)
		doc.insert(ignore_permissions=True)
		doc = frappe.get_doc("Penunjukan Pelaksana", doc.name)
		doc.flags.ignore_permissions = True
		doc.submit()
	p = frappe.get_all(
		"Penunjukan Pelaksana",
		filters={"jabatan": jabatan, "docstatus": 1},
		fields=["name", "mulai", "selesai", "status"],
		limit=1,
	)[0]
	return f"Plh. Sekretaris {OPD}: {user} ({p.name}, {p.mulai} s.d. {p.selesai}, {p.status})."
