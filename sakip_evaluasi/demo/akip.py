"""The demo's Evaluasi AKIP 2027 (assessing 2026, the year the demo's quarterly evaluations run): the
Dinas PUPR's self-assessment submitted and under the Inspektorat's review (with differences and
notes), the Dinas Kesehatan's self-assessment still being filled in."""

from collections.abc import Iterator

import frappe

from sakip_evaluasi.aturan.lke import pastikan_lke
from sakip_evaluasi.aturan.pelaku import jalankan_aksi, sebagai
from sakip_evaluasi.domain.doctype import AKIP

TAHUN = 2027
# The self-assessment's answer per component, and the Inspektorat's where it differs.
JAWABAN_OPD = {"1": "A", "2": "BB", "3": "A", "4": "B"}
JAWABAN_INSPEKTORAT = {"1": "BB", "2": "BB", "3": "A", "4": "CC"}


def buat_evaluasi_akip(sekretaris: dict[str, str], inspektorat: str) -> Iterator[str]:
	"""``sekretaris``: {OPD: its Sekretaris}; the first OPD is reviewed, the others are filling in."""
	yield f"LKE AKIP {pastikan_lke(TAHUN)} (PermenPANRB 88/2021, 80 kriteria)"
	pegawai = _pegawai(inspektorat)
	for i, (opd, user) in enumerate(sekretaris.items()):
		nama = f"AKIP-{opd}-{TAHUN}"
		if frappe.db.exists(AKIP, nama):
			yield f"{nama} sudah ada"
			continue
		with sebagai(user):
			doc = frappe.get_doc({"doctype": AKIP, "opd": opd, "tahun": TAHUN}).insert()
			for r in doc.jawaban:
				if not i or r.kriteria[0] in "12":  # the others answered half the worksheet so far
					r.jawaban_opd = JAWABAN_OPD[r.kriteria[0]]
					r.catatan_opd = "Dokumen tersedia; lihat bukti dukung."
			doc.save()
		if i:
			yield f"{nama}: penilaian mandiri sedang diisi"
			continue
		jalankan_aksi(AKIP, nama, "Ajukan", user)
		doc = frappe.get_doc(AKIP, nama)
		doc.update(
			{
				"nomor_surat_tugas": "700.1/012/ST/Inspektorat/2027",
				"tanggal_surat_tugas": f"{TAHUN}-01-20",
				"inspektur": pegawai,
			}
		)
		doc.set("tim", [{"peran_tim": p, "pegawai": pegawai} for p in ("Pengendali Teknis", "Ketua Tim")])
		with sebagai(inspektorat):
			doc.save()
		jalankan_aksi(AKIP, nama, "Mulai Reviu", inspektorat)
		doc = frappe.get_doc(AKIP, nama)
		for r in doc.jawaban:
			r.jawaban_inspektorat = JAWABAN_INSPEKTORAT[r.kriteria[0]]
			if r.jawaban_inspektorat != r.jawaban_opd:
				r.catatan_inspektorat = "Bukti belum menunjukkan pemanfaatan pada seluruh bidang."
		with sebagai(inspektorat):
			doc.save()
		yield f"{nama}: diajukan OPD, direviu Inspektorat ({doc.jumlah_berbeda} jawaban berbeda)"


def _pegawai(user: str) -> str:
	ada = frappe.db.get_value("Pegawai", {"user": user})
	if ada:
		return ada
	nama = frappe.utils.get_fullname(user)
	return (
		frappe.get_doc({"doctype": "Pegawai", "nama_lengkap": nama, "user": user, "dari_migrasi": 1})
		.insert(ignore_permissions=True)
		.name
	)
