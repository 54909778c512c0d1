"""The PK workbook (*Buku Kerja PK*) in the desk: one Excel workbook per OPD and year with the year's
Renstra targets, the Perjanjian Kinerja of the Kepala OPD and of each Kepala Bidang, their Rencana
Aksi and programs (the endpoints: ``sakip_evaluasi.api.perjanjian_kinerja.unduh_buku_kerja`` /
``unggah_buku_kerja``).

The workbook (layout, signature, every check of a returned file) is the frappe-free
``domain.kertas_kerja.buku_pk``; the site's signing key, the upload limit, the answer of a refused
file and the reading of an uploaded file are the Excel work paper's (``aturan.kertas_kerja``).

Which PK a row writes to: per OPD (column "PK" = ``OPD``) and per bidang (its code), the latest
version of that year's PK. Only a Draft is changed; a PK that does not exist yet is created as a
Draft when the workbook has rows for it. A PK that is submitted, signed or in force is never
overwritten: the upload is refused naming it (its change is a PK Perubahan).

Who: downloading needs read access to the OPD's PKs (the OPD boundary of User Permissions applies);
uploading needs the right to create a PK of that OPD (the Subkoordinator, who drafts PKs, and the
Pemda's administrators), and the right to change the Renstra when its targets change. All or nothing:
the whole file is checked first, then every PK is saved as the uploading user (so every check of the
PK's own save runs) inside one savepoint; any refusal undoes it all.
"""

from collections import defaultdict
from dataclasses import asdict
from decimal import Decimal

import frappe
from frappe import _
from frappe.utils import cint, escape_html, flt

from sakip_evaluasi.aturan.kertas_kerja import (
	batas_ukuran,
	berkas_unggahan,
	hasil_ditolak,
	rahasia,
	semua_atau_tidak,
)
from sakip_evaluasi.domain import perjanjian_kinerja as pk
from sakip_evaluasi.domain.doctype import INDIKATOR_KINERJA, INDIKATOR_PK, PK, RENCANA_AKSI, RENSTRA
from sakip_evaluasi.domain.kertas_kerja import Kesalahan
from sakip_evaluasi.domain.kertas_kerja.buku_pk import (
	KODE_OPD,
	BukuPK,
	IndikatorBaris,
	IndikatorMaster,
	IsiPK,
	PihakPK,
	ProgramBaris,
	RencanaAksiBaris,
	SasaranBaris,
	TargetRenstraBaris,
	buat_buku_pk,
)
from sakip_evaluasi.domain.kertas_kerja.buku_pk_impor import baca_buku_pk

_TABEL = {
	"sasaran": ("Sasaran PK", ["kode_sasaran", "sasaran", "kode_sasaran_opd"]),
	"indikator": (
		INDIKATOR_PK,
		[
			"kode_sasaran",
			"indikator",
			"nama_indikator",
			"definisi",
			"iku",
			"satuan",
			"polaritas",
			"metode_negatif",
			"akumulasi",
			"target_tahunan",
			"target_tw1",
			"target_tw2",
			"target_tw3",
			"target_tw4",
		],
	),
	"rencana_aksi": (RENCANA_AKSI, ["indikator", "triwulan", "aksi", "penanggung_jawab"]),
	"program": ("Program PK", ["jenis", "kode_sipd", "nama", "anggaran", "keterangan"]),
}


def _d(nilai) -> Decimal | None:
	return None if nilai is None else Decimal(str(nilai))


def _isi(tabel: dict[str, list]) -> IsiPK:
	return IsiPK(
		sasaran=tuple(
			SasaranBaris(r.kode_sasaran or "", r.sasaran or "", r.kode_sasaran_opd or "")
			for r in tabel["sasaran"]
		),
		indikator=tuple(
			IndikatorBaris(
				r.kode_sasaran or "",
				r.indikator or "",
				r.nama_indikator or "",
				r.satuan or "",
				r.polaritas or "Positif",
				r.akumulasi or "Kumulatif",
				r.definisi or "",
				bool(r.iku),
				(r.metode_negatif or "") if r.polaritas == "Negatif" else "",
				_d(r.target_tahunan),
				tuple(_d(r.get(f"target_tw{i}")) for i in range(1, 5)),
			)
			for r in tabel["indikator"]
		),
		rencana_aksi=tuple(
			RencanaAksiBaris(r.indikator or "", r.triwulan or "", r.aksi or "", r.penanggung_jawab or "")
			for r in tabel["rencana_aksi"]
		),
		program=tuple(
			ProgramBaris(r.jenis or "", r.kode_sipd or "", r.nama or "", _d(r.anggaran), r.keterangan or "")
			for r in tabel["program"]
		),
	)


def _baris_tabel(dokumen: list[str]) -> dict[str, dict[str, list]]:
	"""The four tables of each PK in ``dokumen``, read with one query per table."""
	hasil: dict[str, dict[str, list]] = {d: {t: [] for t in _TABEL} for d in dokumen}
	if not dokumen:
		return hasil
	for tabel, (doctype, kolom) in _TABEL.items():
		for r in frappe.get_all(
			doctype,
			filters={"parenttype": PK, "parentfield": tabel, "parent": ("in", dokumen)},
			fields=["parent", *kolom],
			order_by="idx asc",
		):
			hasil[r.parent][tabel].append(r)
	return hasil


def buku_pk(opd: str, tahun: int) -> BukuPK:
	"""What the OPD's workbook of ``tahun`` holds now."""
	nama_opd = frappe.db.get_value("OPD", opd, "nama_opd") or opd
	bidang = frappe.get_all(
		"Bidang",
		filters={"opd": opd},
		fields=["name", "kode", "nama_bidang", "aktif"],
		order_by="kode asc, name asc",
	)
	kode_bidang = {b.name: b.kode or b.name for b in bidang}
	dokumen = {}
	for d in frappe.get_all(
		PK,
		filters={"opd": opd, "tahun": tahun},
		fields=["name", "bidang", "tingkat", "versi", "workflow_state", "modified"],
		order_by="versi asc",
	):
		dokumen[d.bidang if d.tingkat == pk.TINGKAT_BIDANG else None] = d  # the latest version wins
	tabel = _baris_tabel([d.name for d in dokumen.values()])
	pihak = []
	for b in [None, *(b.name for b in bidang if b.aktif or b.name in dokumen)]:
		d = dokumen.get(b)
		pihak.append(
			PihakPK(
				kode=kode_bidang[b] if b else KODE_OPD,
				bidang=b or "",
				nama=_("Kepala {0}").format(next(x.nama_bidang for x in bidang if x.name == b))
				if b
				else _("Kepala OPD"),
				dokumen=d.name if d else "",
				status=(d.workflow_state or pk.DRAFT) if d else "",
				diubah=str(d.modified) if d else "",
				isi=_isi(tabel[d.name]) if d else IsiPK(),
			)
		)
	master = [
		IndikatorMaster(
			r.name,
			kode_bidang.get(r.bidang, r.bidang),
			r.indikator,
			r.satuan or "",
			r.polaritas or "",
			r.akumulasi or "",
		)
		for r in frappe.get_all(
			INDIKATOR_KINERJA,
			filters={"bidang": ("in", list(kode_bidang) or [""]), "aktif": 1},
			fields=["name", "bidang", "indikator", "satuan", "polaritas", "akumulasi"],
			order_by="name asc",
		)
	]
	renstra, diubah, target = _renstra(opd, tahun)
	return BukuPK(opd, nama_opd, int(tahun), pihak, master, renstra, diubah, target)


def _renstra(opd: str, tahun: int) -> tuple[str, str, list[TargetRenstraBaris]]:
	r = frappe.db.get_value(
		RENSTRA,
		{"opd": opd, "tahun_mulai": ("<=", tahun), "tahun_selesai": (">=", tahun)},
		["name", "modified"],
		as_dict=True,
	)
	if not r:
		return "", "", []
	target = {
		t.kode_indikator: t.target
		for t in frappe.get_all(
			"Target Renstra",
			filters={"parent": r.name, "parenttype": RENSTRA, "tahun": tahun},
			fields=["kode_indikator", "target"],
		)
	}
	baris = [
		TargetRenstraBaris(
			i.kode,
			i.sasaran or "",
			i.nama_indikator or "",
			i.satuan or "",
			_d(i.baseline),
			_d(i.target_akhir),
			_d(target.get(i.kode)),
		)
		for i in frappe.get_all(
			"Indikator Renstra",
			filters={"parent": r.name, "parenttype": RENSTRA},
			fields=["kode", "sasaran", "nama_indikator", "satuan", "baseline", "target_akhir"],
			order_by="idx asc",
		)
	]
	return r.name, str(r.modified), baris


# --------------------------------------------------------------------------- who


def _pastikan_boleh(opd: str, tahun: int, ptype: str) -> None:
	if not opd or not frappe.db.exists("OPD", opd):
		frappe.throw(
			_("OPD {0} tidak ditemukan.").format(opd), frappe.DoesNotExistError, title=_("OPD tidak dikenal")
		)
	if not 2000 <= cint(tahun) <= 2100:
		frappe.throw(
			_("Tahun {0} tidak sah. Tidak ada data yang diubah.").format(tahun), title=_("Tahun tidak sah")
		)
	contoh = frappe.new_doc(PK)
	contoh.update({"opd": opd, "tahun": cint(tahun), "tingkat": pk.TINGKAT_OPD})
	if not frappe.has_permission(PK, ptype, doc=contoh):
		pesan = (
			_("Anda tidak berhak mengunduh Buku Kerja PK OPD {0}.")
			if ptype == "read"
			else _(
				"Anda tidak berhak mengisi Perjanjian Kinerja OPD {0} lewat buku kerja. Tidak ada data yang diubah."
			)
		)
		frappe.throw(pesan.format(opd), frappe.PermissionError, title=_("Tidak diizinkan"))


def buat_buku_kerja(opd: str, tahun: int) -> tuple[str, bytes]:
	"""The PK workbook of ``opd`` and ``tahun`` for a user who may read its PKs: (file name, .xlsx)."""
	_pastikan_boleh(opd, tahun, "read")
	return f"Buku Kerja PK {opd} {cint(tahun)}.xlsx", buat_buku_pk(buku_pk(opd, cint(tahun)), rahasia())


# --------------------------------------------------------------------------- import


def impor_buku_kerja(opd: str, tahun: int, isi: bytes | None = None, nama_file: str = "") -> dict:
	"""Check a filled PK workbook (``isi``, else the file uploaded with the request) and write it, all or
	nothing. Returns ``{"berhasil", "pesan", "kesalahan", "perubahan", "dokumen"}`` as the work paper's
	import does."""
	_pastikan_boleh(opd, tahun, "create")
	if isi is None:
		isi, nama_file = berkas_unggahan()
	harapan = buku_pk(opd, cint(tahun))
	hasil = baca_buku_pk(isi, nama_file or "", harapan, rahasia(), batas_ukuran())
	if hasil.kesalahan:
		return hasil_ditolak(hasil.kesalahan)
	if not hasil.pk and not hasil.renstra:
		return {
			"berhasil": True,
			"pesan": _(
				"Tidak ada perubahan: isi berkas sama dengan Perjanjian Kinerja dan Renstra OPD {0} tahun {1}."
			).format(opd, tahun),
			"kesalahan": [],
			"perubahan": [],
			"dokumen": [],
		}
	if hasil.renstra and not frappe.has_permission(RENSTRA, "write", harapan.renstra):
		return hasil_ditolak(
			[
				Kesalahan(
					"Renstra",
					None,
					None,
					_("Anda tidak berhak mengubah target Renstra {0}.").format(harapan.renstra),
				)
			]
		)

	def tulis() -> list[dict]:
		ringkasan = [
			_tulis_pk(harapan, p, hasil.pk[p.kode], nama_file) for p in harapan.pihak if p.kode in hasil.pk
		]
		if hasil.renstra:
			ringkasan.append(_tulis_renstra(harapan, hasil.renstra))
		return ringkasan

	ringkasan, ditolak = semua_atau_tidak("impor_buku_pk", tulis)
	if ditolak:
		return ditolak
	return {
		"berhasil": True,
		"pesan": _pesan_berhasil(ringkasan, harapan.tahun),
		"kesalahan": [],
		"perubahan": ringkasan,
		"dokumen": [r["dokumen"] for r in ringkasan],
	}


def _pesan_berhasil(ringkasan: list[dict], tahun: int) -> str:
	"""What the import did, in the user's words: PKs created as Draft, Draft PKs filled, the Renstra."""
	dibuat = sum(1 for r in ringkasan if r.get("dibuat"))
	diisi = sum(1 for r in ringkasan if r["doctype"] == PK and not r.get("dibuat"))
	bagian = []
	if dibuat:
		bagian.append(_("{0} Perjanjian Kinerja dibuat sebagai Draft").format(dibuat))
	if diisi:
		bagian.append(_("{0} Perjanjian Kinerja Draft diisi ulang").format(diisi))
	if any(r["doctype"] == RENSTRA for r in ringkasan):
		bagian.append(_("target Renstra tahun {0} diperbarui").format(tahun))
	return _("Buku Kerja PK berhasil diimpor: {0}. Periksa dan lengkapi setiap PK, lalu ajukan.").format(
		", ".join(bagian)
	)


def _baris_dokumen(isi: IsiPK) -> dict[str, list[dict]]:
	angka = lambda n: flt(n) if n is not None else None  # noqa: E731
	return {
		"sasaran": [asdict(b) for b in isi.sasaran],
		"indikator": [
			{
				"kode_sasaran": b.kode_sasaran,
				"indikator": b.indikator or None,
				"nama_indikator": b.nama_indikator,
				"definisi": b.definisi,
				"iku": int(b.iku),
				"satuan": b.satuan,
				"polaritas": b.polaritas,
				"metode_negatif": b.metode_negatif or None,
				"akumulasi": b.akumulasi,
				"target_tahunan": angka(b.target_tahunan),
				**{f"target_tw{i + 1}": angka(t) for i, t in enumerate(b.target_tw)},
			}
			for b in isi.indikator
		],
		"rencana_aksi": [asdict(b) for b in isi.rencana_aksi],
		"program": [asdict(b) | {"anggaran": angka(b.anggaran)} for b in isi.program],
	}


def _jumlah(isi: IsiPK) -> str:
	return _("{0} sasaran, {1} indikator, {2} rencana aksi, {3} program").format(
		len(isi.sasaran), len(isi.indikator), len(isi.rencana_aksi), len(isi.program)
	)


def _tulis_pk(buku: BukuPK, p: PihakPK, isi: IsiPK, nama_file: str) -> dict:
	"""Replace the tables of the PK of ``p`` (a Draft) by ``isi``, or create it as a Draft."""
	tabel = _baris_dokumen(isi)
	if p.dokumen:
		doc = frappe.get_doc(PK, p.dokumen)
		for nama, baris in tabel.items():
			doc.set(nama, baris)
		doc.save()
		catatan = _("Diisi dari Buku Kerja PK {0}: {1}.")
	else:
		doc = frappe.get_doc(
			{
				"doctype": PK,
				"tingkat": pk.TINGKAT_BIDANG if p.bidang else pk.TINGKAT_OPD,
				"opd": buku.opd,
				"bidang": p.bidang or None,
				"tahun": buku.tahun,
				**tabel,
			}
		).insert()
		catatan = _("Dibuat dari Buku Kerja PK {0}: {1}.")
	doc.add_comment("Info", catatan.format(escape_html(nama_file), _jumlah(isi)))
	return {
		"doctype": PK,
		"dokumen": doc.name,
		"dibuat": not p.dokumen,
		"indikator": f"{doc.name} ({p.kode})",
		"kolom": _("Perjanjian Kinerja"),
		"lama": _jumlah(p.isi) if p.dokumen else _("(belum ada)"),
		"baru": _jumlah(isi),
	}


def _tulis_renstra(buku: BukuPK, baru: dict[str, Decimal | None]) -> dict:
	doc = frappe.get_doc(RENSTRA, buku.renstra)
	baris = defaultdict(list)
	for r in doc.target:
		baris[((r.kode_indikator or "").strip(), cint(r.tahun))].append(r)
	for kode, angka in baru.items():
		rows = baris.get((kode, buku.tahun))
		if rows:
			rows[0].target = flt(angka) if angka is not None else None
		else:
			doc.append("target", {"kode_indikator": kode, "tahun": buku.tahun, "target": flt(angka or 0)})
	doc.save()
	return {
		"doctype": RENSTRA,
		"dokumen": doc.name,
		"indikator": doc.name,
		"kolom": _("Target Renstra {0}").format(buku.tahun),
		"lama": "",
		"baru": _("{0} target").format(len(baru)),
	}
