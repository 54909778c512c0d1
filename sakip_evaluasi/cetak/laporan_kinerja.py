"""The LKjIP's outputs: the editable Word file (``domain.lkjip.word``), the edited file read back (the
narratives by their headings, the computed tables checked unchanged), the PDF, and the ZIP the OPD
uploads to the national e-SAKIP reviu.

PDF: the Word file converted by LibreOffice headless (``soffice --convert-to pdf``); the footer's PAGE
field gives the page numbers, and the table of contents is filled in two passes (the first PDF says on
which page each heading fell, the second carries those numbers). The LKjIP is the one document the
OPD finishes in Word, so its PDF is made from that Word file; the app's other official documents are
rendered from HTML by Chromium (``cetak.pdf.pdf_resmi``).
"""

import io
import os
import shutil
import subprocess
import tempfile
import zipfile

import frappe
from frappe import _
from pypdf import PdfReader

from sakip_evaluasi.aturan import laporan_kinerja as lk
from sakip_evaluasi.cetak.konteks import kop, tabel_e81
from sakip_evaluasi.domain import tulisan as tl
from sakip_evaluasi.domain.capaian import RealisasiTidakSah, urai_realisasi
from sakip_evaluasi.domain.doctype import PK
from sakip_evaluasi.domain.lkjip import model as m
from sakip_evaluasi.domain.lkjip import word as w

BATAS_DETIK_KONVERSI = 120


def _angka(nilai) -> str:
	return tl.angka_id(nilai, None)


def _realisasi(teks: str | None) -> str:
	"""A stored realisasi ("92,4") with two decimals ("92,40"); a realisasi in words as written."""
	try:
		nilai = urai_realisasi(teks)
	except RealisasiTidakSah:
		return teks or "-"
	return tl.angka_id(nilai, 2)


def tabel_bab2(pk) -> w.Tabel:
	sasaran = {(s.kode_sasaran or "").strip(): s.sasaran for s in pk.sasaran}
	return w.Tabel(
		"Tabel 2.1 Perjanjian Kinerja",
		["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
		[
			[str(i), sasaran.get((r.kode_sasaran or "").strip(), "") or "-", r.nama_indikator or r.indikator or "", f"{_angka(r.target_tahunan)} {r.satuan or ''}".strip()]
			for i, r in enumerate(pk.indikator, start=1)
		],
	)  # fmt: skip


def tabel_bab3(doc) -> list[w.Tabel]:
	capaian = lambda r: tl.persen_id(r.capaian) if r.ada_capaian else (r.keterangan or "-")  # noqa: E731
	return [
		w.Tabel(
			"A. Capaian Kinerja Organisasi",
			["No", "Sasaran", "Indikator", "Satuan", "Target", "Realisasi", "Capaian"],
			[
				[str(r.idx), r.sasaran or r.kode_sasaran or "-", r.nama_indikator, r.satuan or "-", _angka(r.target), _realisasi(r.realisasi), capaian(r)]
				for r in doc.capaian
			],
		),
		w.Tabel(
			"Perbandingan dengan Tahun Lalu dan Target Akhir Renstra",
			["No", "Indikator", f"Realisasi {doc.tahun - 2}", f"Realisasi {doc.tahun - 1}", f"Realisasi {doc.tahun}", "Target Akhir Renstra", "Capaian thd Target Akhir"],
			[
				[str(r.idx), r.nama_indikator, _realisasi(r.realisasi_lalu_2), _realisasi(r.realisasi_lalu_1), _realisasi(r.realisasi), _realisasi(r.target_akhir_renstra), _realisasi(r.capaian_renstra) + "%" if r.capaian_renstra else "-"]
				for r in doc.capaian
			],
		),
		w.Tabel(
			"Efisiensi Penggunaan Sumber Daya",
			["Rata-rata Capaian", "Serapan Anggaran", "Indeks Efisiensi", "Kesimpulan"],
			[[tl.persen_id(doc.rata_rata_capaian), tl.persen_id(doc.serapan_anggaran), tl.angka_id(doc.indeks_efisiensi, 2), doc.kesimpulan_efisiensi or "-"]],
		),
		w.Tabel(
			"B. Realisasi Anggaran",
			["No", "Kode", "Program/Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "Serapan"],
			[
				[str(r.idx), r.kode_sipd or "-", r.nama or "", tl.angka_id(r.anggaran, 0), tl.angka_id(r.realisasi_anggaran, 0), tl.persen_id(r.serapan)]
				for r in doc.anggaran
			]
			+ [["", "", "Jumlah", tl.angka_id(doc.total_anggaran, 0), tl.angka_id(doc.total_realisasi_anggaran, 0), tl.persen_id(doc.serapan_anggaran)]],
		),
	]  # fmt: skip


def tabel_renaksi(pk) -> w.Tabel:
	nama = {r.indikator: r.nama_indikator for r in pk.indikator}
	return w.Tabel(
		"Lampiran 2 Rencana Aksi",
		["No", "Indikator", "Triwulan", "Aksi", "Penanggung Jawab"],
		[
			[str(i), nama.get(r.indikator) or r.indikator or "", r.triwulan or "", r.aksi or "", r.penanggung_jawab or "-"]
			for i, r in enumerate(pk.rencana_aksi, start=1)
		],
	)  # fmt: skip


def tabel_e81_tahun(doc) -> w.Tabel:
	e81 = tabel_e81(doc.opd, doc.tahun, "IV")
	baris = []
	for s in e81.sasaran:
		for b in s["baris"]:
			baris.append(
				[str(len(baris) + 1), s["sasaran"], b.indikator, _angka(b.target_tahun)]
				+ [tl.angka_id(v, 2) for v in b.realisasi_tw]
				+ [tl.persen_id(b.capaian), b.predikat or "-"]
			)
	return w.Tabel(
		"Lampiran 3 Evaluasi Hasil Renja (E.81) Triwulan I–IV",
		["No", "Sasaran", "Indikator", "Target", "TW I", "TW II", "TW III", "TW IV", "Capaian", "Predikat"],
		baris,
	)


def pernyataan(doc) -> str | None:
	if doc.workflow_state != m.FINAL:
		return None
	return "\n".join(
		[
			_(
				"Kami telah mereviu Laporan Kinerja {0} tahun {1} sesuai Peraturan Menteri PANRB Nomor 53 "
				"Tahun 2014. Substansi informasi yang dimuat dalam Laporan Kinerja menjadi tanggung jawab "
				"manajemen {0}."
			).format(kop(doc.opd).nama_opd, doc.tahun),
			_(
				"Reviu bertujuan memberikan keyakinan terbatas mengenai akurasi, keandalan, dan keabsahan "
				"informasi kinerja dalam Laporan Kinerja."
			),
			doc.kesimpulan_reviu
			or _("Berdasarkan reviu kami, tidak terdapat kondisi yang menimbulkan perbedaan dalam meyakini keandalan informasi yang disajikan."),
			"",
			tl.tanggal_panjang(doc.tanggal_pernyataan, dengan_hari=False),
			_("Inspektur"),
			doc.nama_inspektur or "",
			_("NIP {0}").format(doc.nip_inspektur) if doc.nip_inspektur else "",
		]
	)  # fmt: skip


def dokumen(doc, halaman: dict | None = None) -> w.DokumenLKjIP:
	pk = frappe.get_doc(PK, doc.perjanjian_kinerja)
	k = kop(doc.opd)
	lampiran_pk = tabel_bab2(pk)
	return w.DokumenLKjIP(
		identitas=w.identitas(doc.opd, doc.tahun),
		nama_pemda=k.pemda or "",
		nama_opd=k.nama_opd,
		tahun=int(doc.tahun),
		narasi={f: doc.get(f) or "" for f in lk.NARASI},
		analisis=[(r.nama_indikator, r.analisis or "") for r in doc.capaian],
		bab2=lampiran_pk,
		bab3=tabel_bab3(doc),
		lampiran=[
			w.Tabel("Lampiran 1 Perjanjian Kinerja", lampiran_pk.kepala, lampiran_pk.baris),
			tabel_renaksi(pk),
			tabel_e81_tahun(doc),
		],
		pernyataan=pernyataan(doc),
		halaman=halaman or {},
	)


def _kertas() -> tuple[int, int]:
	return tl.ukuran_kertas(frappe.db.get_single_value("Pengaturan SAKIP", "ukuran_kertas"))


def word(doc, halaman: dict | None = None) -> bytes:
	return w.tulis(dokumen(doc, halaman), _kertas())


# --------------------------------------------------------------------------- the Word file back


def unggah_word(nama: str, isi: bytes) -> dict:
	"""Read an edited Word file back into ``nama``: refused whole when it is another OPD's or year's, or
	when a computed table differs from the data; else the narratives and analyses are taken."""
	doc = frappe.get_doc(lk.LKJIP, nama)
	doc.check_permission("write")
	try:
		hasil = w.baca(isi)
	except w.BerkasTidakDikenal as e:
		frappe.throw(_(str(e)) + " " + _("Tidak ada data yang diubah."), title=_("Berkas tidak dapat dibaca"))
	harap = w.identitas(doc.opd, doc.tahun)
	if hasil.identitas != harap:
		frappe.throw(
			_(
				"Berkas Word ini milik {0}, bukan LKjIP {1} tahun {2}. Unggah berkas yang diunduh dari {3}. "
				"Tidak ada data yang diubah."
			).format(hasil.identitas or _("dokumen lain"), doc.opd, doc.tahun, doc.name),
			title=_("Berkas OPD atau tahun lain"),
		)
	d = dokumen(doc)
	if masalah := w.tabel_berubah([d.bab2, *d.bab3], hasil.tabel):
		frappe.throw(
			"<br>".join(masalah)
			+ "<br>"
			+ _(
				"Tabel yang dihitung dari data tidak boleh diubah di Word: ubah datanya lalu Hitung Ulang Tabel. "
				"Tidak ada data yang diubah."
			),
			title=_("Tabel hasil hitung diubah"),
		)
	for field in lk.NARASI:
		if field in hasil.narasi:
			doc.set(field, hasil.narasi[field])
	for row, (_nama, teks) in zip(doc.capaian, hasil.analisis, strict=False):
		row.analisis = teks
	doc.save()
	return {"narasi": len(hasil.narasi), "analisis": len(hasil.analisis)}


# --------------------------------------------------------------------------- PDF and ZIP


def docx_ke_pdf(isi: bytes) -> bytes:
	soffice = shutil.which("soffice") or shutil.which("libreoffice")
	if not soffice:
		frappe.throw(
			_(
				"LibreOffice (soffice) tidak terpasang di server: PDF LKjIP tidak dapat dibuat. Unduh Word-nya."
			),
			title=_("PDF tidak tersedia"),
		)
	with tempfile.TemporaryDirectory(prefix="lkjip-") as tmp:
		masuk = os.path.join(tmp, "lkjip.docx")
		with open(masuk, "wb") as f:
			f.write(isi)
		subprocess.run(
			[soffice, f"-env:UserInstallation=file://{tmp}/profil", "--headless", "--convert-to", "pdf", "--outdir", tmp, masuk],
			check=True,
			capture_output=True,
			timeout=BATAS_DETIK_KONVERSI,
		)  # fmt: skip
		with open(os.path.join(tmp, "lkjip.pdf"), "rb") as f:
			return f.read()


def halaman_judul(pdf: bytes, judul: list[str]) -> dict[str, int]:
	"""On which page each heading first appears after the table of contents (page 2)."""
	teks = [(p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]
	hasil, mulai = {}, 2
	for j in judul:
		for i in range(mulai, len(teks)):
			if j in teks[i]:
				hasil[j] = i + 1
				mulai = i
				break
	return hasil


def pdf_dari_word(doc, isi_word: bytes | None = None) -> bytes:
	"""Two passes: the PDF of the Word file tells each heading's page; the second carries them in its
	table of contents. An uploaded Word file is converted as it is (its contents as the OPD left it)."""
	if isi_word is not None:
		return docx_ke_pdf(isi_word)
	pertama = docx_ke_pdf(word(doc))
	judul = [j for j, _t in w.judul_isi(dokumen(doc))]
	return docx_ke_pdf(word(doc, halaman_judul(pertama, judul)))


def pdf(doc) -> bytes:
	"""The final PDF is made from the last uploaded Word file when there is one (its narratives were
	read back, its tables checked); else from the data."""
	if doc.berkas_word and doc.workflow_state == m.FINAL:
		berkas = frappe.get_doc("File", {"file_url": doc.berkas_word})
		return pdf_dari_word(doc, berkas.get_content())
	return pdf_dari_word(doc)


def zip_esakip(doc) -> bytes:
	"""What the OPD uploads to the national e-SAKIP reviu: the LKjIP, the PK and the Rencana Aksi, as PDF."""
	pk = frappe.get_doc(PK, doc.perjanjian_kinerja)
	d = dokumen(doc)
	berkas = [
		(f"LKjIP-{doc.opd}-{doc.tahun}.pdf", pdf(doc)),
		(
			f"PK-{doc.opd}-{doc.tahun}.pdf",
			docx_ke_pdf(w.tulis_lampiran(d, d.bab2, "PERJANJIAN KINERJA", _kertas())),
		),
		(
			f"Rencana-Aksi-{doc.opd}-{doc.tahun}.pdf",
			docx_ke_pdf(w.tulis_lampiran(d, tabel_renaksi(pk), "RENCANA AKSI", _kertas())),
		),
	]
	keluar = io.BytesIO()
	with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
		for nama, isi in berkas:
			z.writestr(nama, isi)
	return keluar.getvalue()
