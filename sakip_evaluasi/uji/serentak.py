"""Server side of the concurrency harness (``keandalan/uji_serentak.py``): a committed evaluation
stopped at SOP step 5 with many bidang whose data is filled and ready to submit, the state read
back afterwards, and the clean-up.

Unlike the integration tests this data is committed (the HTTP requests run in other processes),
so it lives in its own year, ``TAHUN``, and ``bersihkan`` removes every record of that year and
every user and bidang the harness made.
"""

import frappe
from frappe.utils.password import update_password

from sakip_evaluasi.domain.doctype import EVALUASI as EKI
from sakip_evaluasi.domain.doctype import LANGKAH, PK
from sakip_evaluasi.pejabat.pemegang import PEJABAT
from sakip_evaluasi.tests import factories as pabrik
from sakip_evaluasi.tests.factories import OPD_UJI, sebagai

TAHUN = 2097
DOMAIN = "serentak.sakip"
PREFIX_BIDANG = "Bidang Serentak"
DOKUMEN = (
	"Tindak Lanjut Evaluasi",
	"Notulen Rapat",
	"Data Kinerja Bidang",
	"Kertas Kerja Evaluasi",
	"Disposisi",
)


def siapkan(jumlah: int = 24, sandi: str = "Serentak#2097", indikator_per_bidang: int = 1) -> dict:
	"""An evaluation of ``TAHUN`` at step 5 with ``jumlah`` bidang of ``indikator_per_bidang``
	indicators each, every realisation filled."""
	frappe.set_user("Administrator")
	bersihkan()
	pabrik.buat_pejabat()  # the test OPD and its officials
	kadis, sekretaris, subkor = (frappe.db.get_value("OPD", OPD_UJI, PEJABAT[p]) for p in PEJABAT)

	kabid = {}
	for i in range(1, jumlah + 1):
		user = pabrik.buat_user(f"kabid.s{i:02d}@{DOMAIN}")
		update_password(user, sandi)
		bidang = pabrik.buat_bidang(f"{PREFIX_BIDANG} {i:02d}", f"SR{i:02d}", user).name
		for j in range(1, indikator_per_bidang + 1):
			nama = f"Indikator serentak {i:02d}" + (f".{j:02d}" if indikator_per_bidang > 1 else "")
			pabrik.buat_indikator(bidang, nama, (10, 20, 30, 40), tahun=TAHUN)
		kabid[bidang] = user

	with sebagai(kadis):
		eki = frappe.get_doc({"doctype": EKI, "opd": OPD_UJI, "tahun": TAHUN, "triwulan": "I"}).insert()
	for dari, kepada in ((kadis, sekretaris), (sekretaris, subkor)):
		pabrik.jalankan_aksi(
			"Disposisi", pabrik.kirim_disposisi(eki.name, dari, kepada).name, "Terima", kepada
		)
	with sebagai(subkor):
		kke = frappe.get_doc({"doctype": "Kertas Kerja Evaluasi", "evaluasi": eki.name}).insert()
	pabrik.jalankan_aksi("Kertas Kerja Evaluasi", kke.name, "Ajukan", subkor)
	pabrik.jalankan_aksi("Kertas Kerja Evaluasi", kke.name, "Setujui", sekretaris)
	pabrik.jalankan_aksi("Kertas Kerja Evaluasi", kke.name, "Distribusikan", subkor)

	pengguna = []
	for name in frappe.get_all("Data Kinerja Bidang", filters={"evaluasi": eki.name}, pluck="name"):
		doc = frappe.get_doc("Data Kinerja Bidang", name)
		for row in doc.baris:
			row.realisasi = 7
		with sebagai(kabid[doc.bidang]):
			doc.save()
		pengguna.append({"user": kabid[doc.bidang], "dkb": name})
	frappe.db.commit()
	return {
		"evaluasi": eki.name,
		"sandi": sandi,
		"pejabat": {"kadis": kadis, "sekretaris": sekretaris, "subkor": subkor},
		"pengguna": pengguna,
		"sejak": str(frappe.utils.now_datetime()),
	}


def keadaan(evaluasi: str, sejak: str) -> dict:
	"""What the users would see of the evaluation now (read fresh from the database), and the
	errors logged on the site since ``sejak``."""
	jam = frappe.get_all(LANGKAH, filters={"evaluasi": evaluasi}, fields=["langkah", "bidang", "selesai"])
	langkah5 = [j for j in jam if j.langkah == 5]
	ringkasan = frappe.db.get_value(EKI, evaluasi, ["langkah_saat_ini", "pemegang_langkah"], as_dict=True)
	return {
		"dkb_diajukan": frappe.db.count(
			"Data Kinerja Bidang", {"evaluasi": evaluasi, "workflow_state": "Diajukan"}
		),
		"langkah5": len(langkah5),
		"langkah5_selesai": sum(1 for j in langkah5 if j.selesai),
		"langkah6_dibuka": any(j.langkah == 6 for j in jam),
		"langkah_saat_ini": ringkasan.langkah_saat_ini,
		"pemegang_langkah": ringkasan.pemegang_langkah,
		"error_log": frappe.db.count("Error Log", {"creation": (">=", sejak)}),
	}


def bersihkan() -> None:
	"""Remove every record of ``TAHUN`` and the harness's bidang, indicators and users."""
	frappe.set_user("Administrator")
	for eki in frappe.get_all(EKI, filters={"tahun": TAHUN}, pluck="name"):
		frappe.db.delete(LANGKAH, {"evaluasi": eki})
		for doctype in DOKUMEN:
			for name in frappe.get_all(doctype, filters={"evaluasi": eki}, pluck="name"):
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
		frappe.delete_doc(EKI, eki, force=True, ignore_permissions=True)
	# The Perjanjian Kinerja the factories made for the harness's indicators (aturan/pk_dari_indikator):
	# left behind, they stay in force for ``TAHUN`` and the next run's Kertas Kerja would take rows for
	# the indicators removed below.
	for pk in frappe.get_all(PK, filters={"tahun": TAHUN, "opd": OPD_UJI}, pluck="name"):
		frappe.delete_doc(PK, pk, force=True, ignore_permissions=True)
	for bidang in frappe.get_all(
		"Bidang", filters={"nama_bidang": ["like", f"{PREFIX_BIDANG} %"]}, pluck="name"
	):
		for ik in frappe.get_all("Indikator Kinerja", filters={"bidang": bidang}, pluck="name"):
			frappe.delete_doc("Indikator Kinerja", ik, force=True, ignore_permissions=True)
		frappe.delete_doc("Bidang", bidang, force=True, ignore_permissions=True)
	for user in frappe.get_all("User", filters={"name": ["like", f"%@{DOMAIN}"]}, pluck="name"):
		frappe.delete_doc("User", user, force=True, ignore_permissions=True)
	frappe.db.commit()
