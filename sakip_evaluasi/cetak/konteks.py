"""The data of each official document, for its print format (``konteks_cetak(doc, jenis)`` in Jinja).

The print formats (``sakip_evaluasi/sakip_evaluasi/print_format/``) lay the documents out; this
module gathers what they show: the OPD's letterhead, the paper, the signers (``penandatangan``: who
took the action, as they were on that day), the people by name (never by e-mail address) and, for
the Laporan E.81, the rows and totals of the Rekap Capaian Kinerja report itself.

Values are raw: every text a user typed is escaped by the templates (``| e`` or ``| teks``, the filters
of ``cetak/saringan.py``), since Frappe's Jinja environment does not autoescape. The print formats are
made their DocTypes' default by ``setup/cetak.py``.
"""

import base64
import mimetypes
from collections import OrderedDict

import frappe
from frappe.utils import cint, escape_html, getdate, today

from sakip_evaluasi.aturan.anggaran_bidang import baris_dokumen
from sakip_evaluasi.aturan.capaian_baris import aturan_capaian
from sakip_evaluasi.domain import anggaran as ang
from sakip_evaluasi.domain import kepegawaian, tulisan
from sakip_evaluasi.domain.doctype import EVALUASI
from sakip_evaluasi.domain.peran import KEPALA_BIDANG, KEPALA_DINAS
from sakip_evaluasi.domain.periode import TRIWULAN, nomor_triwulan
from sakip_evaluasi.laporan import rekap_capaian as rekap
from sakip_evaluasi.pejabat.jabatan import sebutan_baku
from sakip_evaluasi.pejabat.pemegang import sebutan_bidang
from sakip_evaluasi.pejabat.penandatangan import Penandatangan, pejabat_pada, penandatangan

# Print format of each document kind: (DocType, Print Format name).
CETAKAN = {
	"lembar_disposisi": ("Disposisi", "Lembar Disposisi"),
	"ringkasan_kertas_kerja": ("Kertas Kerja Evaluasi", "Ringkasan Kertas Kerja"),
	"data_kinerja_bidang": ("Data Kinerja Bidang", "Data Kinerja Bidang Resmi"),
	"undangan_rapat": ("Notulen Rapat", "Undangan Rapat"),
	"daftar_hadir": ("Notulen Rapat", "Daftar Hadir"),
	"notulen_rapat": ("Notulen Rapat", "Notulen Rapat Resmi"),
	"laporan_e81": (EVALUASI, "Laporan Hasil Evaluasi Kinerja Triwulan"),
	"matriks_tindak_lanjut": ("Tindak Lanjut Evaluasi", "Matriks Tindak Lanjut"),
}
LANDSCAPE = {"laporan_e81", "data_kinerja_bidang", "matriks_tindak_lanjut", "ringkasan_kertas_kerja"}


# --------------------------------------------------------------------------- shared pieces


def kertas(landscape: bool = False) -> dict:
	"""The paper of Pengaturan SAKIP, as the ``.print-format`` rule and ``@page`` write it."""
	pilihan = frappe.db.get_single_value("Pengaturan SAKIP", "ukuran_kertas") or "F4"
	lebar, tinggi = tulisan.ukuran_kertas(pilihan)
	if landscape:
		lebar, tinggi = tinggi, lebar
	return frappe._dict(nama=pilihan, lebar=lebar, tinggi=tinggi, landscape=landscape)


def kop(opd: str | None) -> dict:
	"""The OPD's letterhead: the Pemda, its name, address, contacts and logo (inlined as data URI,
	so the PDF needs no request back to the site)."""
	data = (
		frappe.db.get_value(
			"OPD", opd, ["nama_opd", "alamat", "telepon", "email", "laman", "logo"], as_dict=True
		)
		if opd
		else None
	) or frappe._dict()
	kontak = [
		("Telepon", data.telepon),
		("Pos-el", data.email),
		("Laman", data.laman),
	]
	return frappe._dict(
		pemda=frappe.db.get_single_value("Pengaturan SAKIP", "nama_pemda") or "",
		nama_opd=data.nama_opd or opd or "",
		alamat=data.alamat or "",
		kontak=" · ".join(f"{label} {nilai}" for label, nilai in kontak if nilai),
		logo=_gambar_data(data.logo),
	)


def _gambar_data(file_url: str | None) -> str | None:
	if not file_url:
		return None
	try:
		berkas = frappe.get_doc("File", {"file_url": file_url})
		isi = berkas.get_content()
	except Exception:
		return None
	jenis = mimetypes.guess_type(file_url)[0] or "image/png"
	if isinstance(isi, str):
		isi = isi.encode()
	return f"data:{jenis};base64,{base64.b64encode(isi).decode()}"


def ttd(p: Penandatangan | None, sebutan_kosong: str = "", atas_nama: str = "") -> dict:
	"""A signature block's lines; an action not yet taken prints the position and an empty name.

	``atas_nama``: the head's position for a letter signed on behalf of the head ("a.n. Kepala Dinas …"
	above the signer's position unless the head, or an acting head, signs); ``tempat``: where it is
	signed (Pengaturan SAKIP), printed before the date."""
	tempat = frappe.db.get_single_value("Pengaturan SAKIP", "tempat_penandatanganan") or ""
	if p is None:
		return frappe._dict(
			sebutan=sebutan_kosong,
			nama="",
			nip="",
			pangkat="",
			tanggal=None,
			ada=False,
			atas_nama="",
			tempat=tempat,
		)
	return frappe._dict(
		sebutan=p.sebutan or sebutan_kosong,
		nama=p.nama,
		nip=p.nip or "",
		pangkat=p.pangkat_golongan or "",
		tanggal=p.tanggal,
		ada=True,
		atas_nama=kepegawaian.atas_nama(p.sebutan, atas_nama),
		tempat=tempat,
	)


def orang(user: str | None, tanggal, opd: str | None) -> dict:
	"""A person named in a document (a recipient, the chair): name and position on ``tanggal``."""
	if not user:
		return frappe._dict(nama="", sebutan="")
	p = pejabat_pada(user, tanggal, opd)
	return frappe._dict(nama=p.nama, sebutan=p.sebutan)


def periode(doc) -> str:
	return f"Triwulan {doc.triwulan} Tahun {cint(doc.tahun)}"


def _dasar(doc, jenis: str) -> dict:
	return frappe._dict(
		jenis=jenis,
		kop=kop(doc.get("opd")),
		kertas=kertas(jenis in LANDSCAPE),
		periode=periode(doc) if doc.get("triwulan") else "",
	)


def _sebutan(doc, peran: str, bidang: str | None = None) -> str:
	return sebutan_baku(doc.opd, peran, bidang) if doc.get("opd") else ""


# --------------------------------------------------------------------------- the documents


def konteks_cetak(doc, jenis: str) -> dict:
	"""Everything print format ``jenis`` (a key of ``CETAKAN``) shows of ``doc``."""
	if jenis not in CETAKAN:
		frappe.throw(frappe._("Jenis cetakan {0} tidak dikenal.").format(escape_html(jenis)))
	k = _dasar(doc, jenis)
	k.update(globals()[f"_{jenis}"](doc))
	return k


def _lembar_disposisi(doc) -> dict:
	"""The disposisi sheet: the incoming letter's own number, date, origin, subject, urgency and security
	class when the disposisi follows up a letter; an internal disposisi of the SOP has none of them
	(its subject is the evaluation, its origin the sender). Never the app's record ID."""
	evaluasi = frappe.db.get_value(EVALUASI, doc.evaluasi, ["tahun", "triwulan"], as_dict=True) or {}
	pengirim = penandatangan(doc, "Kirim")
	diterima = penandatangan(doc, "Terima")
	tanggal = (pengirim and pengirim.tanggal) or doc.tanggal
	dari = pengirim and pengirim.sebutan or orang(doc.dari, tanggal, doc.opd).sebutan
	perihal = doc.get("perihal") or (
		f"Evaluasi Kinerja Internal {periode(frappe._dict(evaluasi))}" if evaluasi else ""
	)
	return {
		"nomor_agenda": doc.nomor_agenda or "",
		"surat_dari": doc.get("asal_surat") or dari,
		"nomor_surat": doc.get("nomor_surat") or "",
		"tanggal_surat": doc.get("tanggal_surat"),
		"tanggal_diterima": diterima.tanggal if diterima else None,
		"sifat": doc.get("sifat_surat") or "Biasa",
		"klasifikasi": doc.get("klasifikasi_keamanan") or "Biasa",
		"nomor_srikandi": doc.get("nomor_srikandi") or "",
		"perihal": perihal,
		"kepada": orang(doc.kepada, tanggal, doc.opd),
		"instruksi_pilihan": _instruksi(doc),
		"catatan": doc.catatan,
		"batas_waktu": doc.batas_waktu,
		"ttd": ttd(pengirim, dari),
	}


def _instruksi(doc) -> list[dict]:
	dipilih = {r.instruksi for r in doc.instruksi}
	semua = frappe.get_all(
		"Instruksi Disposisi", fields=["name", "instruksi"], order_by="urutan asc, name asc"
	)
	daftar = [{"teks": r.instruksi or r.name, "dipilih": r.name in dipilih} for r in semua]
	dikenal = {r.name for r in semua}
	daftar += [{"teks": i, "dipilih": True} for i in sorted(dipilih - dikenal)]
	return daftar


def _peserta(doc) -> list[dict]:
	hasil = []
	for r in doc.peserta:
		p = pejabat_pada(r.peserta, doc.tanggal_rapat, doc.opd) if r.peserta else None
		hasil.append(
			frappe._dict(
				# a user's name and position of the meeting day; a guest as typed on the row
				nama=(p and p.nama) or r.nama or "",
				jabatan=(p and p.sebutan) or ", ".join(filter(None, (r.jabatan, r.get("instansi")))),
				nip=p.nip if p else "",
				kehadiran=r.kehadiran or "",
				diwakili_oleh=r.diwakili_oleh or "",
			)
		)
	return hasil


def _undangan_rapat(doc) -> dict:
	pengirim = penandatangan(doc, "Kirim Undangan")
	return {
		"nomor": doc.nomor_undangan or "",
		"sifat": "Penting",
		"lampiran": "-",
		"hal": f"Undangan Rapat Evaluasi Kinerja {periode(doc)}",
		"peserta": _peserta(doc),
		"tanggal": doc.tanggal_rapat,
		"jam_mulai": doc.jam_mulai,
		"jam_selesai": doc.jam_selesai,
		"tempat": doc.tempat,
		"acara": doc.acara,
		"tanggal_surat": pengirim.tanggal if pengirim else None,
		# a letter of the Dinas: the Sekretaris signs it on behalf of the Kepala Dinas
		"ttd": ttd(pengirim, _sebutan(doc, KEPALA_DINAS), atas_nama=_sebutan(doc, KEPALA_DINAS)),
	}


def _daftar_hadir(doc) -> dict:
	pimpinan = pejabat_pada(doc.pimpinan_rapat, doc.tanggal_rapat, doc.opd) if doc.pimpinan_rapat else None
	return {
		"hal": f"Rapat Evaluasi Kinerja {periode(doc)}",
		"peserta": _peserta(doc),
		"tanggal": doc.tanggal_rapat,
		"jam_mulai": doc.jam_mulai,
		"jam_selesai": doc.jam_selesai,
		"tempat": doc.tempat,
		"ttd": ttd(pimpinan, _sebutan(doc, KEPALA_DINAS)),
	}


def _per_bidang(rows, field: str) -> list[dict]:
	kelompok: OrderedDict[str, list] = OrderedDict()
	for r in rows:
		kelompok.setdefault(r.bidang or "", []).append(r)
	return [
		{"bidang": sebutan_bidang(b) if b else "Umum", "baris": baris}
		for b, baris in kelompok.items()
		if any(r.get(field) for r in baris)
	]


def _notulen_rapat(doc) -> dict:
	notulis = penandatangan(doc, "Ajukan Notulen")
	kadis = penandatangan(doc, "Sahkan")
	peserta = _peserta(doc)
	return {
		"hal": f"Rapat Evaluasi Kinerja {periode(doc)}",
		"tanggal": doc.tanggal_rapat,
		"jam_mulai": doc.jam_mulai,
		"jam_selesai": doc.jam_selesai,
		"tempat": doc.tempat,
		"acara": doc.acara,
		"pimpinan": orang(doc.pimpinan_rapat, doc.tanggal_rapat, doc.opd),
		"notulis": orang(doc.notulis, doc.tanggal_rapat, doc.opd),
		"peserta": peserta,
		"jumlah_hadir": sum(1 for p in peserta if p.kehadiran in ("Hadir", "Diwakili")),
		"pembahasan": _per_bidang(doc.pembahasan, "pembahasan"),
		"kesimpulan": doc.kesimpulan,
		"arahan": doc.arahan_pimpinan,
		"rekomendasi": _per_bidang(doc.rekomendasi, "rekomendasi"),
		# recommendations of earlier triwulan not yet Tuntas, discussed again (sakip_evaluasi/aturan/tindak_lanjut.py)
		"tindak_lanjut_lalu": _per_bidang(doc.tindak_lanjut_lalu, "rekomendasi"),
		"ttd_notulis": ttd(notulis, "Notulis"),
		"ttd": ttd(kadis, _sebutan(doc, KEPALA_DINAS)),
	}


def _matriks_tindak_lanjut(doc) -> dict:
	kabid = frappe.db.get_value("Bidang", doc.bidang, "kepala_bidang") if doc.bidang else None
	pelapor = penandatangan(doc, "Ajukan")
	penerima = penandatangan(doc, "Terima")
	tanggal = (pelapor and pelapor.tanggal) or today()
	pj = pelapor.nama if pelapor else orang(kabid, tanggal, doc.opd).nama
	baris = []
	for r in doc.baris:
		asal = r.get("triwulan_asal")
		bukti = r.bukti.rsplit("/", 1)[-1] if r.bukti else r.get("tautan_bukti") or ""
		baris.append(
			frappe._dict(
				rekomendasi=r.rekomendasi,
				asal=asal if asal and r.get("tindak_lanjut_asal") else "",
				tanggal_rekomendasi=r.get("tanggal_rekomendasi"),
				rencana=r.tindak_lanjut if r.status != "Tuntas" else "",
				penanggung_jawab=pj,
				batas_waktu=r.batas_waktu,
				realisasi=r.tindak_lanjut if r.status == "Tuntas" else "",
				tanggal_tuntas=r.get("tanggal_tuntas"),
				bukti=bukti,
				status=r.status or "Belum Ada",
			)
		)
	return {
		"bidang": sebutan_bidang(doc.bidang) if doc.bidang else "",
		"baris": baris,
		"jumlah": {
			s: sum(1 for b in baris if b.status == s) for s in ("Belum Ada", "Dalam Proses", "Tuntas")
		},
		"ttd_pelapor": ttd(pelapor, _sebutan(doc, KEPALA_BIDANG, doc.bidang)),
		"ttd": ttd(penerima, _sebutan(doc, KEPALA_DINAS)),
	}


def _ringkasan_kertas_kerja(doc) -> dict:
	disetujui = penandatangan(doc, "Setujui")
	penyusun = penandatangan(doc, "Ajukan")
	data = rekap.baris_laporan(frappe._dict(tahun=doc.tahun, triwulan=doc.triwulan, opd=doc.opd))
	per_bidang = rekap.capaian_per_bidang(data)
	_batas, skala = aturan_capaian()
	bidang = []
	for b, rata in per_bidang.items():
		baris = [r for r in data if r["bidang"] == b]
		bidang.append(
			frappe._dict(
				nama=sebutan_bidang(b),
				indikator=len(baris),
				terhitung=sum(1 for r in baris if r["capaian"] is not None),
				rata=rata,
				predikat=skala.predikat(rata) if rata is not None else "",
				status=baris[0]["status"] if baris else "",
			)
		)
	if not bidang:  # before the distribution: the work paper's own rows
		for kode, rows in OrderedDict(
			(r.bidang, [x for x in doc.baris if x.bidang == r.bidang]) for r in doc.baris
		).items():
			bidang.append(
				frappe._dict(
					nama=sebutan_bidang(kode),
					indikator=len(rows),
					terhitung=0,
					rata=None,
					predikat="",
					status="",
				)
			)
	return {
		"bidang": bidang,
		"jumlah_indikator": len(doc.baris),
		"ttd_penyusun": ttd(penyusun, _sebutan(doc, "Subkoordinator Perencanaan dan Pelaporan")),
		"ttd": ttd(disetujui, _sebutan(doc, "Sekretaris")),
	}


def _data_kinerja_bidang(doc) -> dict:
	pengaju = penandatangan(doc, "Ajukan")
	penerima = penandatangan(doc, "Terima")
	return {
		"bidang": sebutan_bidang(doc.bidang) if doc.bidang else "",
		"baris": doc.baris,
		"ttd": ttd(pengaju, _sebutan(doc, KEPALA_BIDANG, doc.bidang)),
		"ttd_penerima": ttd(penerima, _sebutan(doc, "Subkoordinator Perencanaan dan Pelaporan")),
	}


# --------------------------------------------------------------------------- Form E.81


def tabel_e81(opd: str, tahun: int, triwulan: str) -> dict:
	"""Form E.81 of ``opd`` up to ``triwulan``: rows per sasaran and indicator with the realisasi of
	each quarter so far, the current quarter's realisasi s.d. TW, capaian and predikat, and the
	footer's mean capaian and predikat — all from the Rekap Capaian Kinerja report."""
	sampai = nomor_triwulan(triwulan)
	per_tw = {
		tw: rekap.baris_laporan(frappe._dict(tahun=tahun, triwulan=tw, opd=opd)) for tw in TRIWULAN[:sampai]
	}
	sekarang = per_tw[triwulan]
	dkb = [r["dokumen"] for r in sekarang]
	indikator = _indikator_baris(dkb)
	realisasi = {
		tw: {(r["bidang"], r["indikator"]): r["realisasi"] for r in rows} for tw, rows in per_tw.items()
	}
	_batas, skala = aturan_capaian()
	sasaran: OrderedDict[str, list] = OrderedDict()
	for i, r in enumerate(sekarang):
		info = indikator.get((r["dokumen"], i), {})
		baris = frappe._dict(
			indikator=r["indikator"],
			satuan=r["satuan"] or "",
			target_tahun=info.get("target_tahunan"),
			realisasi_tw=[realisasi[tw].get((r["bidang"], r["indikator"])) for tw in TRIWULAN[:sampai]]
			+ [None] * (4 - sampai),
			realisasi_sd=r["realisasi_sd_tw"],
			capaian=r["capaian"],
			predikat=r["predikat"],
			unit=sebutan_bidang(r["bidang"]),
		)
		sasaran.setdefault(info.get("sasaran") or "-", []).append(baris)
	ringkasan = {x["label"]: x["value"] for x in rekap.ringkasan(sekarang)}
	rata = ringkasan.get(frappe._("Rata-rata Capaian"))
	rata = rata if isinstance(rata, int | float) else None
	return frappe._dict(
		sasaran=[{"sasaran": s, "baris": b} for s, b in sasaran.items()],
		jumlah=len(sekarang),
		rata_rata=rata,
		predikat=skala.predikat(rata) if rata is not None else "",
		kendala=[
			(sebutan_bidang(k["bidang"]), k["indikator"], k["kendala"]) for k in _kendala(dkb) if k["kendala"]
		],
		upaya=[
			(sebutan_bidang(k["bidang"]), k["indikator"], k["upaya"]) for k in _kendala(dkb) if k["upaya"]
		],
		anggaran=anggaran_e81(sekarang, rata),
	)


def anggaran_e81(sekarang: list[dict], rata_opd: float | None) -> dict:
	"""The E.81's program, kegiatan and anggaran columns: per bidang its rows from its Data Kinerja
	(pagu, realisasi of the triwulan and s.d. TW, penyerapan), the bidang's total with its mean capaian
	and efficiency (capaian against penyerapan), and the OPD's total."""
	dkb = list(dict.fromkeys(r["dokumen"] for r in sekarang))
	bidang = _bidang_dkb(dkb)
	capaian = rekap.capaian_per_bidang(sekarang)
	serapan = rekap.serapan_per_bidang(sekarang)
	kelompok: OrderedDict[str, list] = OrderedDict()
	for r in baris_dokumen(dkb):
		kelompok.setdefault(bidang.get(r.parent), []).append(r)
	hasil = []
	for b, rows in sorted(kelompok.items(), key=lambda x: x[0] or ""):
		s = serapan[b]
		hasil.append(
			frappe._dict(
				unit=sebutan_bidang(b),
				baris=rows,
				pagu=s.pagu,
				realisasi=s.realisasi,
				penyerapan=s.penyerapan,
				capaian=capaian.get(b),
				efisiensi=ang.efisiensi(capaian.get(b), s.penyerapan),
			)
		)
	total = ang.jumlah(serapan[b] for b in kelompok)
	return frappe._dict(
		bidang=hasil,
		pagu=total.pagu,
		realisasi=total.realisasi,
		penyerapan=total.penyerapan,
		capaian=rata_opd,
		efisiensi=ang.efisiensi(rata_opd, total.penyerapan),
	)


def _bidang_dkb(dkb: list[str]) -> dict[str, str]:
	"""{Data Kinerja Bidang: its bidang}."""
	return dict(
		frappe.get_all(
			"Data Kinerja Bidang",
			filters={"name": ("in", sorted(set(dkb)))},
			fields=["name", "bidang"],
			as_list=True,
		)
	)


def _indikator_baris(dkb: list[str]) -> dict:
	"""(DKB, position in the report's rows) → target_tahunan and sasaran of the row's indicator."""
	if not dkb:
		return {}
	rows = frappe.get_all(
		"Baris Data Kinerja",
		filters={"parenttype": "Data Kinerja Bidang", "parent": ("in", sorted(set(dkb)))},
		fields=["parent", "idx", "indikator", "target_tahunan"],
	)
	sasaran = dict(
		frappe.get_all(
			"Indikator Kinerja",
			filters={"name": ("in", [r.indikator for r in rows if r.indikator] or [""])},
			fields=["name", "sasaran_strategis"],
			as_list=True,
		)
	)
	bidang = _bidang_dkb(dkb)
	# the report orders its rows by (bidang, idx): number them the same way
	urut = sorted(rows, key=lambda r: (bidang.get(r.parent) or "", r.idx))
	return {
		(r.parent, i): {"target_tahunan": r.target_tahunan, "sasaran": sasaran.get(r.indikator)}
		for i, r in enumerate(urut)
	}


def _kendala(dkb: list[str]) -> list[dict]:
	if not dkb:
		return []
	bidang = _bidang_dkb(dkb)
	rows = frappe.get_all(
		"Baris Data Kinerja",
		filters={"parenttype": "Data Kinerja Bidang", "parent": ("in", sorted(set(dkb)))},
		fields=["parent", "idx", "nama_indikator", "kendala", "upaya"],
		order_by="parent asc, idx asc",
	)
	return [
		{
			"bidang": bidang.get(r.parent),
			"indikator": r.nama_indikator,
			"kendala": r.kendala,
			"upaya": r.upaya,
		}
		for r in rows
	]


def _laporan_e81(doc) -> dict:
	notulen = frappe.get_all(
		"Notulen Rapat", filters={"evaluasi": doc.name}, pluck="name", order_by="creation desc", limit=1
	)
	notulen_doc = frappe.get_doc("Notulen Rapat", notulen[0]) if notulen else None
	kadis = penandatangan(notulen_doc, "Sahkan") if notulen_doc else None
	tabel = tabel_e81(doc.opd, cint(doc.tahun), doc.triwulan)
	rekomendasi = [
		(sebutan_bidang(r.bidang) if r.bidang else "", r.rekomendasi)
		for r in (notulen_doc.rekomendasi if notulen_doc else [])
		if r.rekomendasi
	]
	return {
		"tabel": tabel,
		"nomor_triwulan": nomor_triwulan(doc.triwulan),
		"faktor_pendorong": notulen_doc.kesimpulan if notulen_doc else "",
		"arahan": notulen_doc.arahan_pimpinan if notulen_doc else "",
		"rekomendasi": rekomendasi,
		"tanggal": (kadis and kadis.tanggal) or getdate(),
		"ttd": ttd(kadis, _sebutan(doc, KEPALA_DINAS)),
	}
