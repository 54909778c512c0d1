"""The draft recommendations from the early warning named the bidang by its record code ("Rekomendasi:
DPUPR-BM menyusun …"), and the text was printed as typed in the Notulen, the E.81 and the Matriks:
rewrite it with the bidang's name wherever it was kept (the minutes' rows, the follow-ups and the
recommendations carried forward)."""

import frappe

# (child DocType, field) holding a recommendation's text
TEMPAT = (
	("Rekomendasi Rapat", "rekomendasi"),
	("Baris Tindak Lanjut", "rekomendasi"),
	("Tindak Lanjut Triwulan Lalu", "rekomendasi"),
)


def execute() -> None:
	for bidang in frappe.get_all("Bidang", fields=["name", "nama_bidang"]):
		if not bidang.nama_bidang or bidang.nama_bidang == bidang.name:
			continue
		lama = f"Rekomendasi: {bidang.name} menyusun"
		baru = f"Rekomendasi: {bidang.nama_bidang} menyusun"
		for doctype, field in TEMPAT:
			frappe.db.sql(
				f"update `tab{doctype}` set `{field}` = replace(`{field}`, %s, %s) where `{field}` like %s",
				(lama, baru, f"%{lama}%"),
			)
