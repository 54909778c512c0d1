"""The demo's Laporan Kinerja: the Dinas PUPR's year 2025, closed — its indicators had 2025 targets, the
PK 2025 is in force (the Kepala OPD's with the OPD's key indicators), the four triwulan were walked
through all eight SOP steps (so TW IV is Direkap), a Renstra 2023–2027 holds the two earlier years'
realisasi — and the LKjIP 2025 drafted by the Subkoordinator with Bab III computed and its narratives
written, waiting to be submitted (Ajukan). Safe to run again: every stage checks what is there."""

from collections.abc import Iterator

import frappe

from sakip_evaluasi.aturan import laporan_kinerja as lk
from sakip_evaluasi.aturan.pelaku import sebagai
from sakip_evaluasi.aturan.perjanjian_kinerja import pk_opd_berlaku
from sakip_evaluasi.aturan.pk_dari_indikator import pk_dari_indikator
from sakip_evaluasi.aturan.siklus import sistem
from sakip_evaluasi.demo.buat import OPD, OPD_DEMO, jalankan_siklus, pejabat_opd
from sakip_evaluasi.domain.doctype import PK, RENSTRA
from sakip_evaluasi.domain.peran import SUBKOOR

TAHUN = 2025
# The OPD's key indicators (its PK as Kepala OPD), by name: one or two per bidang.
IKU = (
	"Persentase jalan kabupaten dalam kondisi mantap",
	"Panjang jalan yang ditingkatkan",
	"Persentase jaringan irigasi dalam kondisi baik",
	"Luas genangan banjir",
	"Persentase rumah tangga dengan akses air minum layak",
	"Persentase kesesuaian pemanfaatan ruang",
)
# The budget of the year per program (kode SIPD, name, anggaran, realisasi) as the OPD types it.
PROGRAM = (
	("1.03.10", "Program Penyelenggaraan Jalan", 48_500_000_000, 45_210_750_000),
	("1.03.05", "Program Pengelolaan Sumber Daya Air", 21_750_000_000, 19_842_300_000),
	("1.03.03", "Program Pengembangan Sistem dan Pengelolaan Persampahan Regional", 6_200_000_000, 5_915_400_000),
	("1.03.08", "Program Penataan Bangunan Gedung", 3_400_000_000, 2_730_000_000),
)  # fmt: skip
NARASI = {
	"ikhtisar_eksekutif": (
		"Laporan Kinerja Dinas Pekerjaan Umum dan Penataan Ruang Tahun 2025 menyajikan capaian enam "
		"indikator kinerja utama yang diperjanjikan dalam Perjanjian Kinerja Tahun 2025.\n"
		"Sebagian besar indikator mencapai target; kondisi jaringan irigasi dan genangan banjir masih "
		"memerlukan percepatan pada tahun berikutnya."
	),
	"pendahuluan": (
		"A. Latar Belakang\n"
		"Laporan Kinerja disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas dan fungsi "
		"Dinas sesuai Peraturan Presiden Nomor 29 Tahun 2014 dan Peraturan Menteri PANRB Nomor 53 Tahun 2014.\n"
		"B. Tugas Pokok dan Fungsi\n"
		"Dinas melaksanakan urusan pemerintahan bidang pekerjaan umum dan penataan ruang."
	),
	"capaian_lainnya": "Dinas meraih penghargaan pembina jasa konstruksi tingkat provinsi Tahun 2025.",
	"penutup": (
		"Capaian kinerja Tahun 2025 menjadi dasar perbaikan perencanaan dan pelaksanaan program Tahun 2026, "
		"terutama percepatan rehabilitasi jaringan irigasi dan pengendalian genangan."
	),
}


def buat_lkjip() -> Iterator[str]:
	yield target_tahun(OPD, TAHUN)
	yield pk_tahun(OPD, TAHUN)
	yield renstra(OPD)
	for triwulan in ("I", "II", "III", "IV"):
		yield from jalankan_siklus(OPD, triwulan, sampai_langkah=8, tahun=TAHUN)
	yield susun_lkjip(OPD, TAHUN)


def _indikator_opd(opd: str) -> dict[str, str]:
	return dict(
		frappe.get_all("Indikator Kinerja", filters={"opd": opd}, fields=["indikator", "name"], as_list=True)
	)


def target_tahun(opd: str, tahun: int) -> str:
	"""The OPD's indicators get the year's targets (those of 2026, as the demo types them)."""
	for _bidang, nama, _satuan, _pol, akumulasi, targets in OPD_DEMO[opd][3]:
		doc = frappe.get_doc("Indikator Kinerja", {"indikator": nama, "opd": opd})
		if any(int(t.tahun) == tahun for t in doc.target):
			continue
		doc.append(
			"target",
			{
				"tahun": tahun,
				"target_tahunan": sum(targets) if akumulasi == "Kumulatif" else targets[-1],
				**{f"target_tw{i + 1}": t for i, t in enumerate(targets)},
			},
		)
		doc.save(ignore_permissions=True)
	return f"Indikator kinerja {opd}: target tahun {tahun}."


def pk_tahun(opd: str, tahun: int) -> str:
	"""The PKs of the year from the indicators; the Kepala OPD's holds the key indicators (IKU) and
	the programs with their budget, as the Subkoordinator completes it."""
	pk_dari_indikator(opd, tahun)
	nama = pk_opd_berlaku(opd, tahun, 4)
	doc = frappe.get_doc(PK, nama)
	if not doc.indikator:
		kode = doc.sasaran[0].kode_sasaran
		ik = _indikator_opd(opd)
		for r in frappe.get_all(
			"Indikator Kinerja",
			filters={"name": ("in", [ik[n] for n in IKU])},
			fields=["name", "indikator", "satuan", "polaritas", "metode_negatif", "akumulasi"],
		):
			t = frappe.db.get_value(
				"Target Indikator Kinerja",
				{"parent": r.name, "tahun": tahun},
				["target_tahunan", "target_tw1", "target_tw2", "target_tw3", "target_tw4"],
				as_dict=True,
			)
			salin = {f: r[f] for f in ("satuan", "polaritas", "metode_negatif", "akumulasi")}
			doc.append(
				"indikator",
				{"kode_sasaran": kode, "indikator": r.name, "nama_indikator": r.indikator, **salin, **t},
			)
		doc.indikator.sort(key=lambda row: IKU.index(row.nama_indikator))
		for i, row in enumerate(doc.indikator, start=1):
			row.idx = i
		for kode_sipd, program, anggaran, _realisasi in PROGRAM:
			doc.append(
				"program", {"jenis": "Program", "kode_sipd": kode_sipd, "nama": program, "anggaran": anggaran}
			)
		doc.belum_lengkap = 0
		sistem(doc)
		doc.flags.ignore_mandatory = True
		doc.save()
	return f"Perjanjian Kinerja {tahun} {opd}: {nama} berlaku, {len(doc.indikator)} indikator kinerja utama."


def renstra(opd: str) -> str:
	"""The Renstra 2023–2027 with the key indicators' end targets and realisasi of 2023 and 2024."""
	if nama := frappe.db.get_value(RENSTRA, {"opd": opd, "tahun_mulai": TAHUN - 2}):
		return f"Renstra {opd}: {nama} sudah ada."
	ik = _indikator_opd(opd)
	targets = {nama: sum(t) if a == "Kumulatif" else t[-1] for _b, nama, _s, _p, a, t in OPD_DEMO[opd][3]}
	sasaran = f"Meningkatnya kinerja {OPD_DEMO[opd][0]}"
	doc = frappe.get_doc(
		{
			"doctype": RENSTRA,
			"opd": opd,
			"tahun_mulai": TAHUN - 2,
			"tahun_selesai": TAHUN + 2,
			"indikator": [
				{"kode": f"IK{i}", "sasaran": sasaran, "indikator": ik[n], "nama_indikator": n, "iku": 1, "target_akhir": targets[n] * 1.1}
				for i, n in enumerate(IKU, start=1)
			],
			"target": [
				{"kode_indikator": f"IK{i}", "tahun": t, "realisasi": targets[n] * f, "ada_realisasi": 1}
				for i, n in enumerate(IKU, start=1)
				for t, f in ((TAHUN - 2, 0.88), (TAHUN - 1, 0.94))
			],
		}
	)  # fmt: skip
	doc.insert(ignore_permissions=True)
	return f"Renstra {opd} {TAHUN - 2}–{TAHUN + 2}: {doc.name}."


def susun_lkjip(opd: str, tahun: int) -> str:
	"""The Subkoordinator drafts the LKjIP (Bab III computed), types the budget's realisasi and the
	narratives; it stays in Draft for them to submit."""
	subkor = pejabat_opd(opd)[SUBKOOR]
	nama = lk.nama_lkjip(opd, tahun)
	if frappe.db.get_value(lk.LKJIP, nama, "workflow_state") not in (None, "Draft"):
		return f"{nama} sudah diajukan."
	with sebagai(subkor):
		nama = lk.susun(opd, tahun)
		doc = frappe.get_doc(lk.LKJIP, nama)
		realisasi = {kode: r for kode, _n, _a, r in PROGRAM}
		for row in doc.anggaran:
			row.realisasi_anggaran = row.realisasi_anggaran or realisasi.get(row.kode_sipd)
		for field, teks in NARASI.items():
			doc.set(field, doc.get(field) or teks)
		doc.save()
	return f"{nama}: disusun oleh Subkoordinator (Bab III dihitung), menunggu diajukan."
