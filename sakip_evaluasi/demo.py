"""`bench --site S sakip-demo`: a realistic agency and one Evaluasi Kinerja Internal walked
through all eight SOP steps by the users whose roles allow each action, plus a second cycle
stopped at step 5. Safe to run again: every stage checks what is already there."""

import random
from collections.abc import Iterator

import frappe
from frappe.utils.password import update_password

from sakip_evaluasi.domain.peran import KEPALA_BIDANG, KEPALA_DINAS, SEKRETARIS, SUBKOOR
from sakip_evaluasi.sakip_evaluasi.doctype.evaluasi_kinerja_internal.evaluasi_kinerja_internal import (
	nama_evaluasi,
)
from sakip_evaluasi.tests.factories import jalankan_aksi, sebagai

INSTANSI = "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Contoh"
DOMAIN = "demo.sakip.id"
BAHASA = "id"
PEJABAT = {
	KEPALA_DINAS: ("kadis", "Ir. Bambang Santoso, M.T."),
	SEKRETARIS: ("sekretaris", "Dra. Sri Wahyuni, M.Si."),
	SUBKOOR: ("subkor", "Andi Pratama, S.E."),
}
BIDANG = {
	"BM": ("Bidang Bina Marga", "kabid.bm", "Rudi Hartono, S.T."),
	"SDA": ("Bidang Sumber Daya Air", "kabid.sda", "Dewi Lestari, S.T., M.T."),
	"CK": ("Bidang Cipta Karya", "kabid.ck", "Agus Salim, S.T."),
	"TR": ("Bidang Tata Ruang", "kabid.tr", "Maya Kartika, S.T., M.Sc."),
}
# (bidang, indikator, satuan, polaritas, akumulasi, targets TW I-IV)
INDIKATOR = (
	(
		"BM",
		"Persentase jalan kabupaten dalam kondisi mantap",
		"%",
		"Positif",
		"Nilai Akhir",
		(70, 72, 74, 76),
	),
	("BM", "Panjang jalan yang ditingkatkan", "km", "Positif", "Kumulatif", (5, 10, 15, 10)),
	("BM", "Jumlah jembatan yang direhabilitasi", "unit", "Positif", "Kumulatif", (1, 2, 3, 2)),
	(
		"BM",
		"Persentase aduan kerusakan jalan ditangani paling lama 7 hari",
		"%",
		"Positif",
		"Tetap",
		(90, 90, 90, 90),
	),
	("BM", "Rata-rata waktu penanganan aduan jalan", "hari", "Negatif", "Rata-rata", (7, 7, 6, 6)),
	(
		"SDA",
		"Persentase jaringan irigasi dalam kondisi baik",
		"%",
		"Positif",
		"Nilai Akhir",
		(60, 62, 64, 66),
	),
	("SDA", "Luas layanan irigasi yang direhabilitasi", "ha", "Positif", "Kumulatif", (100, 200, 250, 150)),
	("SDA", "Panjang saluran drainase yang dinormalisasi", "km", "Positif", "Kumulatif", (2, 4, 4, 2)),
	("SDA", "Jumlah embung yang dibangun", "unit", "Positif", "Kumulatif", (0, 1, 1, 1)),
	("SDA", "Luas genangan banjir", "ha", "Negatif", "Nilai Akhir", (120, 110, 100, 90)),
	(
		"CK",
		"Persentase rumah tangga dengan akses air minum layak",
		"%",
		"Positif",
		"Nilai Akhir",
		(85, 86, 87, 88),
	),
	(
		"CK",
		"Persentase rumah tangga dengan akses sanitasi layak",
		"%",
		"Positif",
		"Nilai Akhir",
		(78, 79, 80, 82),
	),
	("CK", "Jumlah SPAM perdesaan yang dibangun", "unit", "Positif", "Kumulatif", (1, 2, 2, 1)),
	("CK", "Luas kawasan permukiman kumuh", "ha", "Negatif", "Nilai Akhir", (40, 38, 36, 34)),
	("CK", "Jumlah bangunan gedung bersertifikat laik fungsi", "unit", "Positif", "Kumulatif", (5, 5, 5, 5)),
	("TR", "Persentase kesesuaian pemanfaatan ruang", "%", "Positif", "Tetap", (80, 80, 80, 80)),
	("TR", "Jumlah RDTR yang ditetapkan", "dokumen", "Positif", "Kumulatif", (0, 1, 0, 1)),
	("TR", "Jumlah KKPR yang diterbitkan", "izin", "Positif", "Kumulatif", (40, 45, 45, 40)),
	("TR", "Persentase pelanggaran tata ruang yang ditindak", "%", "Positif", "Tetap", (75, 75, 75, 75)),
	("TR", "Rata-rata waktu layanan KKPR", "hari", "Negatif", "Rata-rata", (10, 10, 9, 9)),
)


def email(nama: str) -> str:
	return f"{nama}@{DOMAIN}"


def buat_demo(password: str) -> Iterator[str]:
	yield selesaikan_setup_wizard()
	yield from buat_pengguna(password)
	yield bahasa_indonesia(
		[email(nama) for nama, _lengkap in PEJABAT.values()]
		+ [email(nama) for _bidang, nama, _lengkap in BIDANG.values()]
	)
	yield beranda_tugas_saya()
	yield from buat_bidang_dan_indikator()
	yield from jalankan_siklus("III", sampai_langkah=8)
	yield from jalankan_siklus("IV", sampai_langkah=5)
	yield "Selesai. Masuk ke /app dengan salah satu pengguna di atas."


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


def _user(mail: str, nama: str, peran: str, password: str) -> None:
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
				"roles": [{"role": peran}],
			}
		).insert(ignore_permissions=True)
	update_password(mail, password)


def buat_pengguna(password: str) -> Iterator[str]:
	pengaturan = frappe.get_single("Pengaturan SAKIP")
	for peran, (nama, lengkap) in PEJABAT.items():
		_user(email(nama), lengkap, peran, password)
		yield f"Pengguna {email(nama)} ({peran})"
	pengaturan.update(
		{
			"nama_instansi": INSTANSI,
			"kepala_dinas": email("kadis"),
			"sekretaris": email("sekretaris"),
			"subkoordinator": email("subkor"),
		}
	)
	pengaturan.save(ignore_permissions=True)
	for _kode, (_bidang, nama, lengkap) in BIDANG.items():
		_user(email(nama), lengkap, KEPALA_BIDANG, password)
		yield f"Pengguna {email(nama)} ({KEPALA_BIDANG})"
	yield f"Kata sandi semua pengguna demo: {password}"


def buat_bidang_dan_indikator() -> Iterator[str]:
	for kode, (nama, kabid, _lengkap) in BIDANG.items():
		if not frappe.db.exists("Bidang", nama):
			frappe.get_doc(
				{"doctype": "Bidang", "nama_bidang": nama, "kode": kode, "kepala_bidang": email(kabid)}
			).insert(ignore_permissions=True)
	baru = 0
	for kode, indikator, satuan, polaritas, akumulasi, targets in INDIKATOR:
		if frappe.db.exists("Indikator Kinerja", {"indikator": indikator}):
			continue
		frappe.get_doc(
			{
				"doctype": "Indikator Kinerja",
				"indikator": indikator,
				"sasaran_strategis": "Meningkatnya kualitas infrastruktur dan penataan ruang",
				"bidang": BIDANG[kode][0],
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
			}
		).insert(ignore_permissions=True)
		baru += 1
	yield f"{len(BIDANG)} bidang dan {len(INDIKATOR)} indikator kinerja 2026 ({baru} baru)."


# --------------------------------------------------------------------------- walking the cycle


def aksi(doctype: str, name: str, action: str, user: str, dari_status: str) -> None:
	"""Take ``action`` as ``user`` when the document is still in ``dari_status`` (idempotent)."""
	if frappe.db.get_value(doctype, name, "workflow_state") == dari_status:
		jalankan_aksi(doctype, name, action, user)


def simpan(doc, user: str) -> None:
	with sebagai(user):
		doc.save()


def jalankan_siklus(triwulan: str, sampai_langkah: int) -> Iterator[str]:
	kadis, sekretaris, subkor = email("kadis"), email("sekretaris"), email("subkor")
	nama = nama_evaluasi(2026, triwulan)
	if not frappe.db.exists("Evaluasi Kinerja Internal", nama):
		with sebagai(kadis):
			frappe.get_doc(
				{"doctype": "Evaluasi Kinerja Internal", "tahun": 2026, "triwulan": triwulan}
			).insert()
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
	for i, (_kode, (bidang, kabid, _)) in enumerate(BIDANG.items()):
		dkb = frappe.db.get_value("Data Kinerja Bidang", {"evaluasi": nama, "bidang": bidang})
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
	_isi_notulen(nr, subkor, kadis)
	aksi("Notulen Rapat", nr, "Ajukan Notulen", subkor, "Undangan Dikirim")
	aksi("Notulen Rapat", nr, "Sahkan", kadis, "Notulen Diajukan")
	# Step 8: follow-ups
	for tl in frappe.get_all("Tindak Lanjut Evaluasi", filters={"evaluasi": nama}, fields=["name", "bidang"]):
		kabid = frappe.db.get_value("Bidang", tl.bidang, "kepala_bidang")
		doc = frappe.get_doc("Tindak Lanjut Evaluasi", tl.name)
		if doc.workflow_state == "Draft":
			for row in doc.baris:
				row.tindak_lanjut = (
					row.tindak_lanjut or "Telah dikoordinasikan dengan UPT dan masuk rencana aksi."
				)
				row.status = "Dalam Proses"
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


def _isi_data_kinerja(dkb: str, kabid: str, acak: random.Random) -> None:
	doc = frappe.get_doc("Data Kinerja Bidang", dkb)
	if doc.workflow_state != "Draft" or all(r.realisasi for r in doc.baris):
		return
	for row in doc.baris:
		faktor = acak.uniform(0.8, 1.1) if row.polaritas == "Positif" else acak.uniform(0.9, 1.3)
		row.realisasi = f"{(row.target_tw or 1) * faktor:.2f}".replace(".", ",")
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
			"nomor_undangan": f"005/{doc.triwulan}/SEKR/2026",
			"tanggal_rapat": frappe.utils.add_days(frappe.utils.today(), 3),
			"jam_mulai": "09:00:00",
			"jam_selesai": "12:00:00",
			"tempat": "Ruang Rapat Kepala Dinas",
			"acara": f"Rapat Evaluasi Kinerja Internal Triwulan {doc.triwulan} Tahun 2026",
		}
	)
	simpan(doc, subkor)


def _isi_notulen(nr: str, subkor: str, kadis: str) -> None:
	doc = frappe.get_doc("Notulen Rapat", nr)
	if doc.workflow_state != "Undangan Dikirim" or doc.pimpinan_rapat:
		return
	doc.pimpinan_rapat, doc.notulis = kadis, subkor
	for p in doc.peserta:
		p.kehadiran = "Hadir"
	for bidang, *_ in BIDANG.values():
		doc.append("pembahasan", {"bidang": bidang, "pembahasan": "Capaian triwulan dibahas per indikator."})
	doc.kesimpulan = "Sebagian besar indikator on track; irigasi dan jembatan perlu percepatan."
	doc.arahan_pimpinan = "Setiap bidang menyusun rencana aksi percepatan untuk triwulan berikutnya."
	doc.append(
		"rekomendasi", {"bidang": BIDANG["SDA"][0], "rekomendasi": "Percepat rehabilitasi jaringan irigasi."}
	)
	doc.append(
		"rekomendasi", {"bidang": BIDANG["BM"][0], "rekomendasi": "Percepat lelang rehabilitasi jembatan."}
	)
	simpan(doc, subkor)


def beranda_tugas_saya() -> str:
	"""Every demo user lands on Tugas Saya (install code does the same for the app's users)."""
	from sakip_evaluasi.ruang_kerja import TUGAS_SAYA, jadikan_beranda

	jadikan_beranda(
		[email(nama) for nama, _lengkap in PEJABAT.values()]
		+ [email(nama) for _bidang, nama, _lengkap in BIDANG.values()]
	)
	return f"Halaman awal pengguna demo: {TUGAS_SAYA}."
