"""Move a single-agency site into one OPD (Perangkat Daerah), with nothing lost.

Before OPDs existed a site served one agency: its officials and name in Pengaturan SAKIP, Bidang
named by their names, evaluations named ``EKI-2026-TW3``. This patch (idempotent):

1. creates the OPD from Pengaturan SAKIP (code: the initials of the agency's name without its
   region, e.g. "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Contoh" → DPUPR, the region
   becoming the Pemda's name "Pemerintah Kabupaten Contoh"; "OPD" when it had no name), with its
   three officials and its Kepala Bidang (who get the User Permission on it);
2. puts every Bidang, Indikator Kinerja, Evaluasi Kinerja Internal and SOP document in it;
3. renames the Bidang to ``<OPD>-<kode>`` and the evaluations to ``EKI-<OPD>-<tahun>-TW<n>``, and
   with them the documents whose names derive from theirs (KKE-, DKB-, NR-, TL-, the step clocks).
   ``frappe.rename_doc`` updates every Link, Dynamic Link (User Permissions, the clocks' output
   documents), attachment, comment and version; clocks keep their times and states;
4. gives the holders of the Sekretaris role the Admin SAKIP Pemda role: they kept the settings that
   are now Pemda-wide (Pengaturan SAKIP).
"""

import frappe
from frappe.model.rename_doc import rename_doc

from sakip_evaluasi.domain.doctype import EVALUASI, LANGKAH
from sakip_evaluasi.domain.penamaan import (
	kode_valid,
	nama_bidang,
	nama_evaluasi,
	pisah_wilayah,
	rapikan_kode,
	singkatan,
)
from sakip_evaluasi.domain.peran import ADMIN_PEMDA, SEKRETARIS
from sakip_evaluasi.pejabat.izin import sinkronkan_izin_kepala_bidang
from sakip_evaluasi.sla.jam import nama_langkah

DOKUMEN = (
	"Disposisi",
	"Kertas Kerja Evaluasi",
	"Data Kinerja Bidang",
	"Notulen Rapat",
	"Tindak Lanjut Evaluasi",
)


def execute() -> None:
	if not _ada_tanpa_opd():
		return
	opd = buat_opd()
	for doctype in ("Bidang", "Indikator Kinerja", EVALUASI, *DOKUMEN, LANGKAH):
		frappe.db.sql(f"update `tab{doctype}` set opd = %s where ifnull(opd, '') = ''", opd)
	ganti_nama_bidang(opd)
	ganti_nama_evaluasi()
	for user in frappe.get_all(
		"Has Role", filters={"role": SEKRETARIS, "parenttype": "User"}, pluck="parent"
	):
		if ADMIN_PEMDA not in frappe.get_roles(user):
			doc = frappe.get_doc("User", user)
			doc.flags.ignore_permissions = True
			doc.add_roles(ADMIN_PEMDA)


def _ada_tanpa_opd() -> bool:
	"""Records outside any OPD, or (on a site with no OPD yet) officials or a name set before."""
	if any(frappe.db.exists(doctype, {"opd": ("is", "not set")}) for doctype in ("Bidang", EVALUASI)):
		return True
	lama = ("nama_instansi", "kepala_dinas", "sekretaris", "subkoordinator")
	return not frappe.db.count("OPD") and any(_lama(field) for field in lama)


def _lama(field: str) -> str | None:
	"""A value Pengaturan SAKIP held before its field moved to the OPD (kept in tabSingles)."""
	nilai = frappe.db.sql(
		"select value from tabSingles where doctype = 'Pengaturan SAKIP' and field = %s", field
	)
	return nilai[0][0] if nilai else None


def buat_opd() -> str:
	"""The OPD of the site's agency (reused when one with its code exists already)."""
	nama, pemda = pisah_wilayah(_lama("nama_instansi") or "")
	if pemda and not frappe.db.get_single_value("Pengaturan SAKIP", "nama_pemda"):
		frappe.db.set_single_value("Pengaturan SAKIP", "nama_pemda", pemda)
	kode = rapikan_kode(singkatan(nama)) or "OPD"
	if not kode_valid(kode):
		kode = "OPD"
	if frappe.db.exists("OPD", kode):
		return kode
	doc = frappe.get_doc(
		{
			"doctype": "OPD",
			"kode": kode,
			"nama_opd": nama or "Perangkat Daerah",
			**{field: _lama(field) for field in ("kepala_dinas", "sekretaris", "subkoordinator")},
		}
	)
	# Officials are taken as they were, even one who could no longer act: the OPD form and the
	# evaluations say what to replace (nothing the administrator set is dropped).
	doc.flags.ignore_validate = True
	doc.flags.ignore_permissions = True
	doc.flags.ignore_links = True
	doc.insert()
	return doc.name


def _ganti(doctype: str, lama: str, baru: str) -> None:
	if lama != baru and frappe.db.exists(doctype, lama) and not frappe.db.exists(doctype, baru):
		rename_doc(
			doctype, lama, baru, force=True, ignore_permissions=True, show_alert=False, rebuild_search=False
		)


def ganti_nama_bidang(opd: str) -> None:
	for b in frappe.get_all("Bidang", fields=["name", "opd", "kode"]):
		kode = rapikan_kode(b.kode)
		if kode != b.kode:
			frappe.db.set_value("Bidang", b.name, "kode", kode, update_modified=False)
		_ganti("Bidang", b.name, nama_bidang(b.opd or opd, kode))
	for b in frappe.get_all(
		"Bidang", filters={"kepala_bidang": ("is", "set")}, fields=["name", "opd", "kepala_bidang"]
	):
		# the head keeps the User Permission on their Bidang and gets the one on its OPD
		sinkronkan_izin_kepala_bidang(b.name, None, b.kepala_bidang, b.opd)


def ganti_nama_evaluasi() -> None:
	for e in frappe.get_all(EVALUASI, fields=["name", "opd", "tahun", "triwulan"]):
		baru = nama_evaluasi(e.opd, e.tahun, e.triwulan)
		if e.name == baru:
			continue
		_ganti(EVALUASI, e.name, baru)
		for doctype, awalan in (("Kertas Kerja Evaluasi", "KKE"), ("Notulen Rapat", "NR")):
			_ganti(doctype, f"{awalan}-{e.name}", f"{awalan}-{baru}")
		for doctype, awalan in (("Data Kinerja Bidang", "DKB"), ("Tindak Lanjut Evaluasi", "TL")):
			for d in frappe.get_all(doctype, filters={"evaluasi": baru}, fields=["name"]):
				kode = d.name.removeprefix(f"{awalan}-{e.name}-")
				_ganti(doctype, d.name, f"{awalan}-{baru}-{kode}")
		for j in frappe.get_all(LANGKAH, filters={"evaluasi": baru}, fields=["name", "langkah", "bidang"]):
			_ganti(LANGKAH, j.name, nama_langkah(baru, j.langkah, j.bidang))
