"""The evidence folders of an Evaluasi AKIP: one ZIP per OPD in the layout evaluators use — one
folder per sub-component (``1_a`` … ``4_c``) holding each linked record of the app as PDF (its print
format, rendered as the evidence pack renders its parts) and each upload, with ``Indeks.csv``
saying what sits where (and the links, which have no file).

Built in the background (``antrekan``): the ZIP is kept as a private File attached to the
evaluation (a new one replaces the previous) and the user who asked is told by a notification and
on the open page, as the evidence pack does (``cetak.paket``).
"""

import csv
import io
import re
import zipfile

import frappe
from frappe import _

from sakip_evaluasi.cetak.konteks import CETAKAN
from sakip_evaluasi.cetak.paket import (
	antrekan_tugas,
	kabarkan,
	render_paralel,
	siapkan_html,
	simpan_berkas,
	tugas_latar,
)
from sakip_evaluasi.domain.doctype import AKIP

ACARA_SELESAI = "sakip_folder_bukti"
JENIS_DOKUMEN = "Dokumen Aplikasi"
KOLOM_INDEKS = ("Folder", "Berkas", "Kriteria", "Jenis", "Dokumen", "Keterangan")
_TIDAK_AMAN = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def folder(subkomponen: str) -> str:
	"""``1.a`` → ``1_a``."""
	return subkomponen.replace(".", "_")


def _aman(teks: str) -> str:
	return _TIDAK_AMAN.sub("-", teks or "").strip() or "berkas"


def cetakan_baku(doctype: str) -> str:
	"""The print format a linked record is printed with: its DocType's default, else the app's first
	official print of it, else Frappe's Standard."""
	baku = frappe.get_meta(doctype).default_print_format
	if baku:
		return baku
	return next((pf for dt, pf in CETAKAN.values() if dt == doctype), "Standard")


def nama_zip(evaluasi: str) -> str:
	return f"Folder Bukti {evaluasi}.zip"


def buat_zip(evaluasi: str) -> tuple[bytes, list[dict]]:
	"""The ZIP of ``evaluasi``'s evidence and its index rows."""
	doc = frappe.get_doc(AKIP, evaluasi)
	sub = {r.kriteria: r.subkomponen for r in doc.jawaban}
	folders = [folder(s.kode) for s in doc.nilai_subkomponen]
	indeks: list[dict] = []
	isi: dict[str, bytes] = {}
	# every linked record printed once, then copied into each folder that needs it
	perlu: dict[tuple[str, str], list] = {}
	for b in doc.bukti:
		f = folder(sub.get(b.kriteria, b.kriteria.rsplit(".", 1)[0]))
		if b.jenis == JENIS_DOKUMEN and b.dokumen_doctype and b.dokumen:
			perlu.setdefault((b.dokumen_doctype, b.dokumen), []).append((f, b))
		elif b.berkas:
			path = f"{f}/{b.kriteria} {_aman(b.berkas.rsplit('/', 1)[-1])}"
			berkas = _isi_berkas(b.berkas)
			if berkas is not None:
				isi.setdefault(path, berkas)
			indeks.append(_baris(f, path if berkas is not None else "", b, "Unggahan", b.berkas))
		elif b.tautan:
			indeks.append(_baris(f, "", b, "Tautan", b.tautan))
	bagian = {}
	for (dt, nama), _tempat in perlu.items():
		try:
			html = frappe.get_print(dt, nama, cetakan_baku(dt))
			bagian[(dt, nama)] = siapkan_html(dt, nama, html)
		except Exception:  # a record that cannot be printed is named in the index, not a failed ZIP
			frappe.log_error(title=f"Folder bukti: {dt} {nama} tidak dapat dicetak")
	render_paralel(list(bagian.values()))
	for (dt, nama), tempat in perlu.items():
		b_pdf = bagian.get((dt, nama))
		for f, b in tempat:
			path = f"{f}/{_aman(dt)} {_aman(nama)}.pdf"
			if b_pdf is not None:
				isi.setdefault(path, b_pdf.pdf)
			indeks.append(
				_baris(
					f, path if b_pdf is not None else "", b, _(dt), nama, "" if b_pdf else _("gagal dicetak")
				)
			)
	indeks.sort(key=lambda r: (r["Folder"], r["Kriteria"], r["Berkas"]))
	keluaran = io.BytesIO()
	with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
		z.writestr("Indeks.csv", _csv(indeks))
		for f in folders:
			z.writestr(f"{f}/", b"")
		for path, data in sorted(isi.items()):
			z.writestr(path, data)
	return keluaran.getvalue(), indeks


def _baris(f: str, path: str, b, jenis: str, dokumen: str, ket: str = "") -> dict:
	return {
		"Folder": f,
		"Berkas": path,
		"Kriteria": b.kriteria,
		"Jenis": jenis,
		"Dokumen": dokumen,
		"Keterangan": ket or b.keterangan or "",
	}


def _csv(indeks: list[dict]) -> bytes:
	teks = io.StringIO()
	tulis = csv.DictWriter(teks, fieldnames=KOLOM_INDEKS)
	tulis.writeheader()
	tulis.writerows(indeks)
	return ("\ufeff" + teks.getvalue()).encode("utf-8")  # BOM: Excel opens it as UTF-8


def _isi_berkas(file_url: str) -> bytes | None:
	nama = frappe.db.get_value("File", {"file_url": file_url, "is_folder": 0}, "name")
	if not nama:
		return None
	try:
		data = frappe.get_doc("File", nama).get_content()
	except Exception:
		return None  # a record whose file is gone from disk
	return data.encode() if isinstance(data, str) else data


def pastikan_boleh(evaluasi: str) -> None:
	frappe.has_permission(AKIP, "read", evaluasi, throw=True)


def simpan(evaluasi: str) -> dict:
	"""Make the ZIP and keep it on the evaluation: {"zip": url, "berkas": files, "tautan": links}."""
	pastikan_boleh(evaluasi)
	arsip, indeks = buat_zip(evaluasi)
	return {
		"zip": simpan_berkas(AKIP, evaluasi, nama_zip(evaluasi), arsip),
		"berkas": sum(1 for r in indeks if r["Berkas"]),
		"tautan": sum(1 for r in indeks if not r["Berkas"]),
	}


def antrekan(evaluasi: str) -> dict:
	"""Queue the evidence folders of ``evaluasi`` (one job per evaluation at a time)."""
	pastikan_boleh(evaluasi)
	antrekan_tugas(
		"sakip_evaluasi.cetak.folder_bukti.buat_di_latar", f"folder-bukti-{evaluasi}", evaluasi=evaluasi
	)
	return {"antre": True, "evaluasi": evaluasi}


def buat_di_latar(evaluasi: str, user: str) -> dict:
	"""The job: the ZIP made as ``user``, then the notification and the realtime answer."""
	hasil = tugas_latar(
		user, ACARA_SELESAI, {"evaluasi": evaluasi}, f"Folder bukti {evaluasi}", lambda: simpan(evaluasi)
	)
	kabarkan(
		user,
		AKIP,
		evaluasi,
		_(
			"Folder bukti {0} siap: {1} berkas dalam folder per subkomponen (ZIP terlampir pada evaluasi)."
		).format(evaluasi, hasil["berkas"]),
		ACARA_SELESAI,
		{"evaluasi": evaluasi, **hasil},
	)
	return hasil
