"""Evaluasi AKIP (LKE PermenPANRB 88/2021) on the records: the LKE of a year (LKE AKIP), an OPD's
self-assessment and the Inspektorat's review (Evaluasi AKIP), and who fills which column when.

The arithmetic is ``domain.akip``; the evidence the app holds is ``aturan.akip_bukti``. An evaluation
copies its LKE's components, sub-components and criteria when it is made (the LKE of a year may be
edited later by the Admin SAKIP Pemda without changing evaluations already under way), so the
evaluation alone says how it was scored.

Who fills what: in *Penilaian Mandiri* and *Dikembalikan* the OPD (answers, explanations, evidence);
in *Diajukan*, *Direviu* and *Disetujui* the Inspektorat (its answers and notes, the Surat Tugas and
team, recommendations, the exit meeting). The Workflow says who may edit in each state; this module
says which columns are whose.
"""

import frappe
from frappe import _
from frappe.utils import cint, nowdate

from sakip_evaluasi.aturan.akip_bukti import masalah_bukti, tautkan_bukti_aplikasi
from sakip_evaluasi.aturan.alur_kerja import DIKEMBALIKAN, FIELD_ALASAN, daftar_perubahan
from sakip_evaluasi.aturan.lke import desimal
from sakip_evaluasi.aturan.siklus import pastikan_bidang_ada
from sakip_evaluasi.domain import akip
from sakip_evaluasi.domain.akip import DIAJUKAN, DIREVIU, DISETUJUI, FINAL, PENILAIAN_MANDIRI
from sakip_evaluasi.domain.doctype import AKIP, LKE
from sakip_evaluasi.domain.penamaan import nama_evaluasi_akip
from sakip_evaluasi.pejabat.opd import opd_baru

STATUS_OPD = (PENILAIAN_MANDIRI, DIKEMBALIKAN)
STATUS_INSPEKTORAT = (DIAJUKAN, DIREVIU, DISETUJUI)

KETUA_TIM = "Ketua Tim"
PENGENDALI_TEKNIS = "Pengendali Teknis"

TIDAK_DIUBAH = "Tidak ada data yang diubah."

# Whose columns: the document's fields, and per table the row columns (None: the whole table, rows
# added and removed too).
_MILIK_OPD = {"jawaban": {"jawaban_opd", "catatan_opd"}, "bukti": None}
_MILIK_INSPEKTORAT = {
	None: {
		"nomor_surat_tugas",
		"tanggal_surat_tugas",
		"inspektur",
		"tanggal_exit_meeting",
		"tempat_exit_meeting",
		"hasil_exit_meeting",
		"berkas_exit_meeting",
	},
	"jawaban": {"jawaban_inspektorat", "catatan_inspektorat"},
	"tim": None,
	"rekomendasi": None,
}
# The working days of each stage's clock, as the LKE of the year sets them.
WAKTU_TAHAP = {
	PENILAIAN_MANDIRI: "waktu_penilaian_mandiri",
	DIAJUKAN: "waktu_reviu",
	DIREVIU: "waktu_reviu",
	DIKEMBALIKAN: "waktu_perbaikan",
	DISETUJUI: "waktu_penetapan",
}


def _tolak(masalah: list[str], judul: str, awal: str = "") -> None:
	if masalah:
		baris = ([awal] if awal else []) + [f"• {m}" for m in masalah[:15]]
		if len(masalah) > 15:
			baris.append(_("• dan {0} lainnya").format(len(masalah) - 15))
		frappe.throw("<br>".join([*baris, _(TIDAK_DIUBAH)]), title=judul)


# --------------------------------------------------------------------------- a new evaluation


def nama_evaluasi(opd: str, tahun: int) -> str:
	return nama_evaluasi_akip(opd, tahun)


def siapkan_evaluasi(doc) -> None:
	"""Evaluasi AKIP before_insert: its OPD and year, a copy of the year's LKE, the app's evidence."""
	doc.opd = opd_baru(doc.opd)
	doc.tahun = cint(doc.tahun) or cint(nowdate()[:4])
	doc.tahun_dinilai = akip.tahun_dinilai(doc.tahun)
	lke = f"LKE-{doc.tahun}"
	if not frappe.db.exists(LKE, lke):
		frappe.throw(
			_(
				"LKE AKIP tahun {0} belum ada. Admin SAKIP Pemda menyiapkannya dahulu (menu LKE AKIP). "
				"Evaluasi belum disimpan."
			).format(doc.tahun),
			title=_("LKE belum ada"),
		)
	nama = nama_evaluasi(doc.opd, doc.tahun)
	if frappe.db.exists(AKIP, nama):
		frappe.throw(
			_("Evaluasi AKIP OPD {0} tahun {1} sudah ada: {2}. Evaluasi belum disimpan.").format(
				doc.opd, doc.tahun, nama
			),
			frappe.DuplicateEntryError,
			title=_("Sudah ada"),
		)
	doc.lke = lke
	salin_lke(doc, frappe.get_doc(LKE, lke))
	tautkan_bukti_aplikasi(doc)


def salin_lke(doc, lke) -> None:
	doc.set(
		"jawaban",
		[
			{"kriteria": k.kode, "subkomponen": k.subkomponen, "uraian": k.uraian, "skala": k.skala}
			for k in lke.kriteria
		],
	)
	doc.set(
		"nilai_subkomponen",
		[{"kode": s.kode, "komponen": s.komponen, "nama": s.nama, "bobot": s.bobot} for s in lke.subkomponen],
	)
	doc.set("nilai_komponen", [{"kode": k.kode, "nama": k.nama, "bobot": k.bobot} for k in lke.komponen])


# --------------------------------------------------------------------------- every save


def periksa_evaluasi(doc) -> None:
	"""Evaluasi AKIP validate: whose columns, answers on the scale, notes where the Inspektorat
	differs, the evidence, the recommendations; then the scores."""
	pastikan_kolom_pemilik(doc)
	_tolak(_masalah_jawaban(doc), _("Jawaban di luar skala"), _("Evaluasi AKIP {0}:").format(doc.name))
	_tolak(
		[
			_("Baris {0} (kriteria {1}): jawaban Inspektorat {2} berbeda dari jawaban OPD {3}").format(
				r.idx, r.kriteria, r.jawaban_inspektorat, r.jawaban_opd or "-"
			)
			for r in doc.jawaban
			if akip.berbeda(r.jawaban_opd, r.jawaban_inspektorat)
			and not (r.catatan_inspektorat or "").strip()
		],
		_("Catatan wajib diisi"),
		_("Tuliskan Catatan Inspektorat pada setiap kriteria yang jawabannya berbeda dari OPD:"),
	)
	_tolak(masalah_bukti(doc), _("Bukti tidak sah"), _("Evaluasi AKIP {0}:").format(doc.name))
	_periksa_rekomendasi(doc)
	hitung_nilai(doc)


def _masalah_jawaban(doc) -> list[str]:
	masalah = []
	for r in doc.jawaban:
		for pihak, isi in ((_("OPD"), r.jawaban_opd), (_("Inspektorat"), r.jawaban_inspektorat)):
			try:
				salah = akip.masalah_jawaban(r.skala, isi)
			except akip.JawabanTidakSah as e:
				salah = str(e)
			if salah:
				masalah.append(
					_("Baris {0} (kriteria {1}), jawaban {2}: {3}").format(r.idx, r.kriteria, pihak, salah)
				)
	return masalah


def _periksa_rekomendasi(doc) -> None:
	sub = {s.kode for s in doc.nilai_subkomponen}
	_tolak(
		[
			_("Rekomendasi baris {0}: subkomponen {1} tidak ada (pilihan: {2})").format(
				r.idx, r.subkomponen, ", ".join(sorted(sub))
			)
			for r in doc.rekomendasi
			if r.subkomponen not in sub
		],
		_("Rekomendasi tidak sah"),
	)
	pastikan_bidang_ada(doc.rekomendasi, _("Rekomendasi"), doc.opd)


def pastikan_kolom_pemilik(doc) -> None:
	"""The OPD fills its columns only while the self-assessment is with it; the Inspektorat its own
	only while the review is with it. Refuses a save that changes another party's column."""
	if doc.is_new() or doc.flags.dari_sistem:
		return
	before = doc.get_doc_before_save()
	if not before:
		return
	state = before.workflow_state
	milik = _MILIK_OPD if state in STATUS_OPD else _MILIK_INSPEKTORAT if state in STATUS_INSPEKTORAT else {}
	ditolak = []
	for p in daftar_perubahan(doc, before):
		if p.tabel is None and p.kolom == FIELD_ALASAN:
			continue  # the return's reason: the Workflow's rule (alur_kerja) decides
		if p.tabel not in milik:
			ditolak.append(p)
			continue
		kolom = milik[p.tabel]
		if kolom is not None and (p.kolom is None or p.kolom not in kolom):
			ditolak.append(p)
	if not ditolak:
		return
	pihak = _("OPD") if state in STATUS_OPD else _("Inspektorat")
	frappe.throw(
		"<br>".join(
			[
				_("Evaluasi AKIP {0} berstatus {1}: yang diisi sekarang hanya bagian {2}.").format(
					doc.name, state, pihak
				),
				*[f"• {_uraian(doc, p)}" for p in ditolak[:10]],
				_(TIDAK_DIUBAH),
			]
		),
		frappe.PermissionError,
		title=_("Tidak diizinkan mengubah"),
	)


def _uraian(doc, p) -> str:
	if p.tabel is None:
		return _("kolom {0}").format(_(doc.meta.get_label(p.kolom)))
	tabel = _(doc.meta.get_label(p.tabel))
	if p.kolom is None:
		return _("baris tabel {0} ditambah, dihapus atau diurutkan").format(tabel)
	kode = p.baris.get("kriteria") or p.baris.get("kode") or p.baris.idx
	return _("tabel {0} baris {1}: kolom {2}").format(tabel, kode, _(p.baris.meta.get_label(p.kolom)))


# --------------------------------------------------------------------------- scores


def struktur_evaluasi(doc) -> akip.StrukturLKE:
	"""The LKE as the evaluation copied it (its own rows)."""
	return akip.StrukturLKE(
		komponen=tuple(akip.Komponen(r.kode, r.nama, desimal(r.bobot)) for r in doc.nilai_komponen),
		subkomponen=tuple(
			akip.Subkomponen(r.kode, r.komponen, r.nama, desimal(r.bobot)) for r in doc.nilai_subkomponen
		),
		kriteria=tuple(
			akip.Kriteria(r.kriteria, r.subkomponen, r.idx, r.uraian, r.skala) for r in doc.jawaban
		),
	)


def hitung_nilai(doc) -> None:
	"""The scores of the OPD's and of the Inspektorat's answers, the differences and evidence counts."""
	struktur = struktur_evaluasi(doc)
	opd = akip.hitung(struktur, {r.kriteria: r.jawaban_opd for r in doc.jawaban})
	apip = akip.hitung(struktur, {r.kriteria: r.jawaban_inspektorat for r in doc.jawaban})
	ada_apip = any(r.jawaban_inspektorat for r in doc.jawaban)
	for r in doc.nilai_subkomponen:
		r.nilai_opd = float(akip.dua_desimal(opd.subkomponen[r.kode]))
		r.nilai_inspektorat = float(akip.dua_desimal(apip.subkomponen[r.kode])) if ada_apip else 0
	for r in doc.nilai_komponen:
		r.nilai_opd = float(akip.dua_desimal(opd.komponen[r.kode]))
		r.nilai_inspektorat = float(akip.dua_desimal(apip.komponen[r.kode])) if ada_apip else 0
	doc.nilai_opd = float(akip.dua_desimal(opd.total))
	doc.predikat_opd = opd.predikat
	doc.nilai_akhir = float(akip.dua_desimal(apip.total)) if ada_apip else 0
	doc.predikat = apip.predikat if ada_apip else ""
	bukti = {}
	for b in doc.bukti:
		bukti[b.kriteria] = bukti.get(b.kriteria, 0) + 1
	for r in doc.jawaban:
		r.berbeda = int(akip.berbeda(r.jawaban_opd, r.jawaban_inspektorat))
		r.jumlah_bukti = bukti.get(r.kriteria, 0)
	doc.jumlah_berbeda = sum(r.berbeda for r in doc.jawaban)


def perbedaan(doc) -> list[dict]:
	"""The criteria where the Inspektorat's answer differs from the OPD's, in worksheet order."""
	return [
		{
			"kriteria": r.kriteria,
			"uraian": r.uraian,
			"jawaban_opd": r.jawaban_opd,
			"jawaban_inspektorat": r.jawaban_inspektorat,
			"catatan_inspektorat": r.catatan_inspektorat,
		}
		for r in doc.jawaban
		if r.berbeda
	]


# --------------------------------------------------------------------------- moving on


def periksa_masuk_status(doc, state: str) -> None:
	"""What must hold for the evaluation to enter ``state``."""
	if state == DIAJUKAN:
		kosong = [r.kriteria for r in doc.jawaban if not r.jawaban_opd]
		_tolak(
			[
				_("kriteria {0} belum dijawab").format(
					", ".join(kosong[:20]) + (" …" if len(kosong) > 20 else "")
				)
			]
			if kosong
			else [],
			_("Penilaian mandiri belum lengkap"),
			_("Jawab setiap kriteria sebelum mengajukan ({0} belum dijawab):").format(len(kosong)),
		)
	elif state == DIREVIU:
		_tolak(_masalah_surat_tugas(doc), _("Surat Tugas belum lengkap"), _("Sebelum reviu dimulai:"))
		_pastikan_anggota(doc, None, _("Reviu dimulai oleh anggota tim yang namanya ada di Surat Tugas."))
	elif state == DISETUJUI:
		kosong = [r.kriteria for r in doc.jawaban if not r.jawaban_inspektorat]
		_tolak(
			[_("kriteria {0} belum dijawab Inspektorat").format(", ".join(kosong[:20]))] if kosong else [],
			_("Reviu belum lengkap"),
		)
		_pastikan_anggota(
			doc,
			(KETUA_TIM, PENGENDALI_TEKNIS),
			_("Hasil reviu disetujui oleh Ketua Tim atau Pengendali Teknis yang ada di Surat Tugas."),
		)
	elif state == FINAL:
		masalah = []
		if not doc.tanggal_exit_meeting or not (doc.hasil_exit_meeting or "").strip():
			masalah.append(_("catat tanggal dan hasil exit meeting dengan OPD"))
		_tolak(masalah, _("Belum dapat ditetapkan"))
		if frappe.session.user != doc.user_inspektur:
			frappe.throw(
				_(
					"Evaluasi AKIP ditetapkan oleh Inspektur yang menandatangani Surat Tugas ({0}). {1}"
				).format(doc.nama_inspektur or "-", _(TIDAK_DIUBAH)),
				frappe.PermissionError,
				title=_("Bukan Inspektur"),
			)


def _masalah_surat_tugas(doc) -> list[str]:
	masalah = []
	if not (doc.nomor_surat_tugas and doc.tanggal_surat_tugas and doc.inspektur):
		masalah.append(_("isi Nomor dan Tanggal Surat Tugas serta Inspektur"))
	peran = [r.peran_tim for r in doc.tim]
	for wajib in (PENGENDALI_TEKNIS, KETUA_TIM):
		if wajib not in peran:
			masalah.append(_("tim evaluasi belum memiliki {0}").format(wajib))
	return masalah


def _pastikan_anggota(doc, peran: tuple[str, ...] | None, pesan: str) -> None:
	anggota = {r.user for r in doc.tim if r.user and (peran is None or r.peran_tim in peran)}
	if frappe.session.user not in anggota and frappe.session.user != doc.user_inspektur:
		frappe.throw(f"{pesan} {_(TIDAK_DIUBAH)}", frappe.PermissionError, title=_("Bukan anggota tim"))
