"""What the SOP documents set in motion: the work paper built from the targets, its distribution
to the bidang, the recap, the meeting invitation and the follow-ups. Controllers call these."""

from collections import defaultdict
from datetime import datetime, timedelta

import frappe
from frappe import _
from frappe.utils import get_datetime, get_fullname

from sakip_evaluasi.aturan.anggaran_bidang import baris_anggaran
from sakip_evaluasi.aturan.perjanjian_kinerja import indikator_berlaku
from sakip_evaluasi.aturan.rumus_indikator import komponen_awal
from sakip_evaluasi.aturan.tindak_lanjut import baris_tindak_lanjut_baru
from sakip_evaluasi.domain.capaian import nilai_kolom, nilai_sd_tw
from sakip_evaluasi.domain.periode import nomor_triwulan
from sakip_evaluasi.pejabat.opd import penerima_sah
from sakip_evaluasi.pejabat.pemegang import kepala_bidang, pejabat_evaluasi


def sistem(doc):
	"""Mark a document written by the app itself (not a user edit in the form)."""
	doc.flags.dari_sistem = True
	doc.flags.ignore_permissions = True
	return doc


# --------------------------------------------------------------------------- steps 3-4: work paper


def baris_dari_indikator(tahun: int, triwulan: str, opd: str) -> list[dict]:
	"""One Kertas Kerja row per indicator of the Kepala Bidang PKs of ``opd`` in force in ``triwulan``
	of ``tahun`` (the PK is the one source of the targets: a PK Perubahan counts from the triwulan it
	starts in, the quarters before keep the version they used). No PK in force: no rows (the paper
	cannot be submitted, and says why)."""
	tw = nomor_triwulan(triwulan)
	rows = []
	for r in indikator_berlaku(tahun, tw, opd=opd):
		per_tw = [r.target_tw1, r.target_tw2, r.target_tw3, r.target_tw4]
		rows.append(
			{
				"indikator": r.indikator,
				"nama_indikator": r.nama_indikator,
				"bidang": r.bidang,
				"satuan": r.satuan,
				"polaritas": r.polaritas,
				"metode_negatif": r.metode_negatif,
				"akumulasi": r.akumulasi,
				"perjanjian_kinerja": r.parent,
				"target_tw": per_tw[tw - 1],
				"target_sd_tw": nilai_kolom(
					nilai_sd_tw(per_tw, tw, r.akumulasi or "Kumulatif", r.target_tahunan)
				),
			}
		)
	return rows


_KOLOM_SALIN = (
	"indikator",
	"nama_indikator",
	"satuan",
	"polaritas",
	"metode_negatif",
	"akumulasi",
	"target_tw",
	"target_sd_tw",
)


def buat_per_bidang(doctype: str, evaluasi: str, rows, isi) -> list[str]:
	"""One ``doctype`` per bidang among ``rows`` (skipping bidang that already have one), its
	fields given by ``isi(rows_of_that_bidang)``; returns the names created."""
	per_bidang: dict[str, list] = defaultdict(list)
	for row in rows:
		per_bidang[row.bidang].append(row)
	dibuat = []
	for bidang, rows_bidang in per_bidang.items():
		if frappe.db.exists(doctype, {"evaluasi": evaluasi, "bidang": bidang}):
			continue
		doc = frappe.get_doc({"doctype": doctype, "evaluasi": evaluasi, "bidang": bidang, **isi(rows_bidang)})
		sistem(doc).insert()
		dibuat.append(doc.name)
	return dibuat


def distribusikan(kertas_kerja) -> list[str]:
	"""Create one Data Kinerja Bidang per bidang that has rows, pre-filled with its rows (a computed
	indicator's row with the names of its components) and with the programs of its PK for the
	realisasi anggaran."""
	komponen = komponen_awal(kertas_kerja.baris)
	return buat_per_bidang(
		"Data Kinerja Bidang",
		kertas_kerja.evaluasi,
		kertas_kerja.baris,
		lambda rows: {
			"kertas_kerja": kertas_kerja.name,
			"baris": [
				{
					**{k: r.get(k) for k in _KOLOM_SALIN},
					"baris_kertas_kerja": r.name,
					"komponen": komponen.get(r.indikator),
				}
				for r in rows
			],
			"anggaran": baris_anggaran(rows[0].bidang, kertas_kerja.tahun, kertas_kerja.triwulan),
		},
	)


def pastikan_semua_data_diterima(kertas_kerja) -> None:
	belum = frappe.get_all(
		"Data Kinerja Bidang",
		filters={"evaluasi": kertas_kerja.evaluasi, "workflow_state": ("!=", "Diterima")},
		fields=["bidang", "workflow_state"],
	)
	bidang_dengan_baris = {r.bidang for r in kertas_kerja.baris}
	ada = set(
		frappe.get_all("Data Kinerja Bidang", filters={"evaluasi": kertas_kerja.evaluasi}, pluck="bidang")
	)
	masalah = [f"{d.bidang} (status {d.workflow_state})" for d in belum]
	masalah += [f"{b} (belum ada Data Kinerja Bidang)" for b in sorted(bidang_dengan_baris - ada)]
	if masalah:
		frappe.throw(
			_("Kertas kerja belum dapat direkap: data kinerja bidang berikut belum diterima: {0}.").format(
				", ".join(masalah)
			),
			title=_("Data bidang belum lengkap"),
		)


def rekap(kertas_kerja) -> None:
	"""Bring each bidang's accepted realisasi back into the work paper rows."""
	dari_bidang = {
		r.baris_kertas_kerja: r
		for r in frappe.get_all(
			"Baris Data Kinerja",
			filters={"parenttype": "Data Kinerja Bidang", "baris_kertas_kerja": ("is", "set")},
			fields=["baris_kertas_kerja", "realisasi", "kendala", "upaya"],
		)
	}
	for row in kertas_kerja.baris:
		if data := dari_bidang.get(row.name):
			row.realisasi = data.realisasi
			catatan = "; ".join(p for p in (data.kendala, data.upaya) if p)
			row.catatan = row.catatan or catatan


# --------------------------------------------------------------------------- steps 6-7: the meeting


def peserta_default(evaluasi: str | None = None) -> list[dict]:
	"""The Kadis, the Sekretaris and the Subkor of ``evaluasi`` plus every Kepala Bidang of its OPD."""
	eki = frappe.get_doc("Evaluasi Kinerja Internal", evaluasi) if evaluasi else None
	peserta = [{"peserta": p.user, "jabatan": p.peran} for p in pejabat_evaluasi(eki) if p.user]
	saring = {"aktif": 1}
	if eki:
		saring["opd"] = eki.opd
	for b in frappe.get_all("Bidang", filters=saring, fields=["name", "nama_bidang"], order_by="name asc"):
		# the head by the rule: a Plt/Plh Kepala Bidang who runs today is invited in their stead
		kepala = kepala_bidang(b.name)
		if not kepala.user:
			continue
		jabatan = f"Kepala {b.nama_bidang}"
		if kepala.pelaksana:
			jabatan = f"{kepala.pelaksana.jenis}. {jabatan}"
		peserta.append({"peserta": kepala.user, "jabatan": jabatan, "bidang": b.name})
	seen: set[str] = set()
	return [p for p in peserta if not (p["peserta"] in seen or seen.add(p["peserta"]))]


def waktu_rapat(notulen) -> tuple[datetime, datetime]:
	mulai = get_datetime(f"{notulen.tanggal_rapat} {notulen.jam_mulai}")
	selesai = get_datetime(f"{notulen.tanggal_rapat} {notulen.jam_selesai}") if notulen.jam_selesai else None
	return mulai, selesai if selesai and selesai > mulai else mulai + timedelta(hours=4)


def kirim_undangan(notulen) -> None:
	"""A calendar Event for every participant (the invitation itself is the Notification record
	'SAKIP: Notulen Rapat Undangan Dikirim', sakip_evaluasi/aturan/serah.py: bell and e-mail)."""
	mulai, selesai = waktu_rapat(notulen)
	subjek = _("Undangan: {0} ({1}, {2})").format(
		notulen.acara or _("Rapat Evaluasi Kinerja Internal"),
		mulai.strftime("%d-%m-%Y %H:%M"),
		notulen.tempat,
	)
	sudah = pemilik_acara_rapat(notulen.name)
	# a guest named without an account has no calendar here; a user of another OPD gets nothing
	diundang = penerima_sah(notulen, [p.peserta for p in notulen.peserta], "peserta.peserta")
	for user in dict.fromkeys(diundang):
		if user not in sudah:
			event = frappe.get_doc(
				{
					"doctype": "Event",
					"subject": subjek,
					"starts_on": mulai,
					"ends_on": selesai,
					"event_type": "Private",
					"event_category": "Meeting",
					"description": notulen.acara,
					"event_participants": [
						{"reference_doctype": notulen.doctype, "reference_docname": notulen.name}
					],
				}
			)
			event.insert(ignore_permissions=True)
			# Frappe sets the owner to the session user on insert; a private Event belongs in the
			# participant's own calendar.
			frappe.db.set_value("Event", event.name, "owner", user, update_modified=False)


def pemilik_acara_rapat(notulen: str) -> set[str]:
	"""Users who already have the meeting of ``notulen`` in their calendar."""
	return set(
		frappe.db.sql_list(
			"""select e.owner from `tabEvent` e join `tabEvent Participants` p on p.parent = e.name
			where p.reference_doctype = 'Notulen Rapat' and p.reference_docname = %s""",
			notulen,
		)
	)


# --------------------------------------------------------------------------- step 8: follow-ups


def buat_tindak_lanjut(notulen) -> list[str]:
	"""One Tindak Lanjut Evaluasi per bidang that received a rekomendasi or still has an open
	follow-up of an earlier triwulan (carried forward, sakip_evaluasi/aturan/tindak_lanjut.py)."""
	return buat_per_bidang(
		"Tindak Lanjut Evaluasi",
		notulen.evaluasi,
		baris_tindak_lanjut_baru(notulen),
		lambda rows: {"notulen": notulen.name, "baris": [r.isi for r in rows]},
	)


def pastikan_baris_terisi(rows, field: str, pesan: str) -> None:
	"""Refuse when ``field`` is empty in any row; ``pesan`` takes the row numbers."""
	kosong = [str(r.idx) for r in rows if not (r.get(field) or "").strip()]
	if kosong:
		frappe.throw(pesan.format(", ".join(kosong)), title=_("Data belum lengkap"))


def pastikan_bidang_ada(rows, label: str, opd: str | None = None) -> None:
	"""A clear Indonesian message for a row naming a Bidang that does not exist (before Frappe's own)
	or that belongs to another OPD than ``opd``."""
	for row in rows:
		if not row.get("bidang"):
			continue
		milik = frappe.db.get_value("Bidang", row.bidang, "opd")
		if not milik:
			frappe.throw(
				_("{0} baris {1}: Bidang '{2}' tidak ada. Pilih bidang yang terdaftar.").format(
					label, row.idx, row.bidang
				),
				frappe.LinkValidationError,
				title=_("Bidang tidak dikenal"),
			)
		if opd and milik != opd:
			frappe.throw(
				_("{0} baris {1}: Bidang '{2}' milik OPD {3}, bukan OPD {4}. Pilih bidang OPD {4}.").format(
					label, row.idx, row.bidang, milik, opd
				),
				frappe.LinkValidationError,
				title=_("Bidang OPD lain"),
			)


# --------------------------------------------------------------------------- the cycle at a glance

DOKUMEN_LANGKAH = (
	# (SOP step numbers, DocType of its output)
	((1, 2), "Disposisi"),
	((3, 4), "Kertas Kerja Evaluasi"),
	((5,), "Data Kinerja Bidang"),
	((6, 7), "Notulen Rapat"),
	((8,), "Tindak Lanjut Evaluasi"),
)


def dokumen_evaluasi(evaluasi: str) -> list[dict]:
	"""Every output document of one Evaluasi Kinerja Internal, with its state, for the form."""
	frappe.has_permission("Evaluasi Kinerja Internal", "read", evaluasi, throw=True)
	hasil = []
	for langkah, doctype in DOKUMEN_LANGKAH:
		if not frappe.has_permission(doctype, "read"):
			continue
		fields = ["name", "workflow_state", "modified"]
		if frappe.get_meta(doctype).has_field("bidang"):
			fields.append("bidang")
		if doctype == "Disposisi":
			fields += ["dari", "kepada"]
		for d in frappe.get_list(
			doctype, filters={"evaluasi": evaluasi}, fields=fields, order_by="creation asc"
		):
			if doctype == "Disposisi":  # people by name, never by login
				d.dari_nama, d.kepada_nama = get_fullname(d.dari), get_fullname(d.kepada)
			hasil.append({"langkah": list(langkah), "doctype": doctype, **d})
	return hasil
