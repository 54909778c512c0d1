"""Perjanjian Kinerja as the one source of the targets: its checks (the arithmetic in
``domain.perjanjian_kinerja``), its versions (a PK Perubahan is a new version; the old one stays, and
keeps the quarters before the change), and the targets the cycle reads from the version in force in a
triwulan.

A PK per OPD and year (Kepala OPD with the Kepala Daerah) and one per Kepala Bidang (with the Kepala
OPD), each named ``PK-<OPD or bidang>-<tahun>-V<versi>``. The Kertas Kerja takes its rows from the
Kepala Bidang PKs (each indicator has its bidang there); the Kepala OPD PK holds the sasaran they
cascade to.
"""

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import flt, get_datetime, getdate, now_datetime

from sakip_evaluasi.aturan.alur_kerja import daftar_perubahan
from sakip_evaluasi.domain import perjanjian_kinerja as pk
from sakip_evaluasi.domain.doctype import EVALUASI, INDIKATOR_PK, KKE, PK
from sakip_evaluasi.domain.penamaan import nama_pk
from sakip_evaluasi.domain.peran import KEPALA_DINAS
from sakip_evaluasi.domain.periode import ROMAWI_TRIWULAN, nomor_triwulan
from sakip_evaluasi.pejabat.pemegang import Pemegang, kepala_bidang, pemegang_peran

# Fields a save of a PK past its draft may still change: the workflow's own and what the app writes.
_BOLEH_SETELAH_DRAFT = {
	"workflow_state",
	"pihak_pertama",
	"nama_pihak_pertama",
	"pihak_kedua",
	"pihak_pertama_berwenang",
	"pihak_kedua_berwenang",
	"tanggal_berlaku",
	"status_batas",
	"pk_induk",
}


def _tolak(masalah: list[str], judul: str) -> None:
	if masalah:
		frappe.throw(
			"<br>".join(masalah)
			+ "<br>"
			+ _("Perjanjian Kinerja belum disimpan; tidak ada data yang diubah."),
			title=judul,
		)


def baris(doc, tabel: str, row) -> str:
	return _("{0} baris {1}").format(_(doc.meta.get_field(tabel).label), row.idx)


# --------------------------------------------------------------------------- naming and the key


def kunci(doc) -> dict:
	"""The series a PK belongs to: one OPD (or one bidang) and one year."""
	return {
		"opd": doc.opd,
		"tahun": doc.tahun,
		"tingkat": doc.tingkat,
		"bidang": doc.bidang or ("is", "not set"),
	}


def beri_nama(doc) -> None:
	doc.name = nama_pk(doc.bidang if doc.tingkat == pk.TINGKAT_BIDANG else doc.opd, doc.tahun, doc.versi or 1)


def pastikan_satu_seri(doc) -> None:
	"""A second PK for the same OPD (or bidang) and year is a PK Perubahan of the one there, never a
	new version 1."""
	if not doc.is_new() or doc.pk_sebelumnya:
		return
	if ada := frappe.db.get_value(PK, kunci(doc), "name", order_by="versi desc"):
		frappe.throw(
			_(
				"Sudah ada Perjanjian Kinerja {0} untuk {1} tahun {2}. Ubah target melalui PK Perubahan "
				"(tombol Buat PK Perubahan pada {0}). Perjanjian Kinerja belum disimpan."
			).format(ada, doc.bidang or doc.opd, doc.tahun),
			frappe.DuplicateEntryError,
			title=_("PK sudah ada"),
		)


# --------------------------------------------------------------------------- the checks of a save


def periksa_isian(doc) -> None:
	"""Every check of the rows, all problems at once, each naming its row."""
	if doc.tingkat == pk.TINGKAT_BIDANG and not doc.bidang:
		_tolak([_("PK Kepala Bidang harus menyebut Bidang.")], _("Bidang belum diisi"))
	if doc.bidang and frappe.db.get_value("Bidang", doc.bidang, "opd") != doc.opd:
		_tolak([_("Bidang {0} bukan bidang OPD {1}.").format(doc.bidang, doc.opd)], _("Bidang OPD lain"))
	daftar = [
		pk.BarisIndikator(baris(doc, "indikator", r), r.indikator or r.nama_indikator, r.kode_sasaran)
		for r in doc.indikator
	]
	masalah = pk.indikator_ganda(daftar)
	masalah += pk.sasaran_tak_dikenal(daftar, [s.kode_sasaran for s in doc.sasaran])
	masalah += _kode_sasaran_ganda(doc)
	for r in doc.indikator:
		nama = baris(doc, "indikator", r)
		tw = [r.target_tw1, r.target_tw2, r.target_tw3, r.target_tw4]
		masalah.append(pk.periksa_rollup(nama, r.target_tahunan, tw, r.akumulasi))
		if doc.tingkat == pk.TINGKAT_BIDANG:
			masalah.append(_indikator_bidang(doc, r, nama))
	ada = {r.indikator for r in doc.indikator}
	masalah += [
		_("{0}: indikator {1} tidak ada di tabel Indikator PK ini.").format(
			baris(doc, "rencana_aksi", r), r.indikator
		)
		for r in doc.rencana_aksi
		if r.indikator not in ada
	]
	masalah += [pk.periksa_kode_sipd(baris(doc, "program", r), r.jenis, r.kode_sipd) for r in doc.program]
	if doc.tingkat == pk.TINGKAT_BIDANG:
		masalah += _kaskade(doc)
	masalah += _perubahan_menulis_ulang(doc)
	_tolak([m for m in masalah if m], _("Isian Perjanjian Kinerja tidak valid"))


def _kode_sasaran_ganda(doc) -> list[str]:
	lihat: dict[str, int] = {}
	masalah = []
	for s in doc.sasaran:
		kode = (s.kode_sasaran or "").strip()
		if kode in lihat:
			masalah.append(
				_("{0}: kode sasaran '{1}' sudah dipakai di baris {2}.").format(
					baris(doc, "sasaran", s), kode, lihat[kode]
				)
			)
		lihat.setdefault(kode, s.idx)
	return masalah


def _indikator_bidang(doc, r, nama: str) -> str | None:
	if not r.indikator:
		return _("{0}: pilih Indikator Kinerja (wajib pada PK Kepala Bidang).").format(nama)
	milik = frappe.db.get_value("Indikator Kinerja", r.indikator, "bidang")
	if milik != doc.bidang:
		return _("{0}: indikator {1} milik Bidang {2}, bukan {3}.").format(
			nama, r.indikator, milik, doc.bidang
		)
	return None


def pk_opd(opd: str, tahun: int) -> str | None:
	"""The OPD's PK of ``tahun`` that a Kabid PK cascades to: the one in force, else the latest."""
	filters = {"opd": opd, "tahun": tahun, "tingkat": pk.TINGKAT_OPD}
	return frappe.db.get_value(PK, {**filters, "workflow_state": pk.BERLAKU}, "name") or frappe.db.get_value(
		PK, filters, "name", order_by="versi desc"
	)


def _kaskade(doc) -> list[str]:
	induk = pk_opd(doc.opd, doc.tahun)
	if not induk:
		return [
			_(
				"Belum ada PK Kepala OPD {0} tahun {1}: buat dahulu, agar sasaran bidang dapat mengacu kepadanya."
			).format(doc.opd, doc.tahun)
		]
	doc.pk_induk = induk
	kode_opd = frappe.get_all("Sasaran PK", filters={"parent": induk, "parenttype": PK}, pluck="kode_sasaran")
	sasaran = {(s.kode_sasaran or "").strip(): s for s in doc.sasaran}
	masalah = []
	for r in doc.indikator:
		s = sasaran.get((r.kode_sasaran or "").strip())
		if s is None:
			continue  # already named: its sasaran is not in the table
		masalah += pk.tanpa_induk(
			[(_("{0} (sasaran {1})").format(baris(doc, "indikator", r), s.kode_sasaran), s.kode_sasaran_opd)],
			kode_opd,
			induk,
		)
	return masalah


def _perubahan_menulis_ulang(doc) -> list[str]:
	"""A PK Perubahan keeps the quarterly targets of the quarters before it comes into force."""
	if not doc.pk_sebelumnya:
		return []
	mulai = nomor_triwulan(doc.berlaku_mulai or "I")
	lama = {
		r.indikator or r.nama_indikator: [r.target_tw1, r.target_tw2, r.target_tw3, r.target_tw4]
		for r in frappe.get_all(
			INDIKATOR_PK,
			filters={"parent": doc.pk_sebelumnya, "parenttype": PK},
			fields=["indikator", "nama_indikator", "target_tw1", "target_tw2", "target_tw3", "target_tw4"],
		)
	}
	masalah = []
	for r in doc.indikator:
		if (sebelum := lama.get(r.indikator or r.nama_indikator)) is not None:
			baru = [r.target_tw1, r.target_tw2, r.target_tw3, r.target_tw4]
			masalah.append(pk.target_lama_berubah(baris(doc, "indikator", r), sebelum, baru, mulai))
	return masalah


def pastikan_tidak_diubah(doc) -> None:
	"""A PK past its draft (submitted, signed, in force, replaced) is changed only by a PK Perubahan."""
	if doc.is_new() or doc.flags.dari_sistem:
		return
	before = doc.get_doc_before_save()
	if not before or (before.workflow_state or pk.DRAFT) == pk.DRAFT:
		return
	berubah = [p for p in daftar_perubahan(doc, before) if p.tabel or p.kolom not in _BOLEH_SETELAH_DRAFT]
	if berubah:
		frappe.throw(
			_(
				"Perjanjian Kinerja {0} berstatus {1}: isinya tidak dapat diubah. Untuk mengubah target, "
				"buat PK Perubahan (tombol Buat PK Perubahan) dengan alasannya. Tidak ada data yang diubah."
			).format(doc.name, _(before.workflow_state)),
			frappe.PermissionError,
			title=_("PK tidak dapat diubah"),
		)


def hitung(doc) -> None:
	"""What the PK derives: its total budget and its deadline, timed like an SOP step."""
	doc.total_anggaran = flt(pk.total_anggaran((r.kode_sipd, r.anggaran) for r in doc.program))
	if doc.tanggal_dpa:
		doc.batas_waktu = pk.batas_penyusunan(getdate(doc.tanggal_dpa))
		berlaku = get_datetime(doc.tanggal_berlaku) if doc.tanggal_berlaku else None
		doc.status_batas = _(pk.status_batas(getdate(doc.tanggal_dpa), now_datetime(), berlaku))
	else:
		doc.batas_waktu = doc.status_batas = None


# --------------------------------------------------------------------------- the workflow


def pemegang_pihak(doc) -> tuple[Pemegang, Pemegang | None]:
	"""Who signs ``doc`` today by the holders' rule (a Plt/Plh in the holder's stead): the pihak pertama
	(the head of the OPD or of the bidang) and, for a bidang's PK, the pihak kedua (the head of the
	OPD); None for the Kepala Daerah, who is recorded on the PK."""
	baru = frappe.new_doc(EVALUASI)  # the holders' rule reads an evaluation being created in the OPD
	baru.opd = doc.opd
	kadis = pemegang_peran(KEPALA_DINAS, baru)
	if doc.tingkat == pk.TINGKAT_BIDANG:
		return kepala_bidang(doc.bidang), kadis
	return kadis, None


def tetapkan_pihak(doc) -> None:
	"""When submitted: the pihak pertama and, for a bidang's PK, the pihak kedua (``pemegang_pihak``),
	and who may sign for each: the holder, and under a Plh the definitive official too, as the holders'
	rule says (``Pemegang.berwenang``)."""
	pertama, kedua = pemegang_pihak(doc)
	doc.pihak_pertama_berwenang = "\n".join(pertama.berwenang)
	if kedua is not None:
		doc.pihak_kedua = kedua.user
		doc.nama_pihak_kedua = frappe.utils.get_fullname(kedua.user) if kedua.user else None
		doc.pihak_kedua_berwenang = "\n".join(kedua.berwenang)
	elif not doc.nama_pihak_kedua:
		_tolak([_("Isi Nama Pihak Kedua (Kepala Daerah) sebelum PK Kepala OPD diajukan.")], _("Pihak kedua"))
	if not pertama.user:
		_tolak([pertama.masalah or _("Pihak pertama belum ditetapkan.")], _("Pihak pertama"))
	doc.pihak_pertama = pertama.user
	doc.nama_pihak_pertama = frappe.utils.get_fullname(pertama.user)


def catat_penandatangan(doc, pihak: str) -> None:
	"""The party who signed is the user who took the action (the definitive official may sign while a
	Plh stands in): ``pihak`` is "pertama" or "kedua"."""
	user = frappe.session.user
	doc.set(f"pihak_{pihak}", user)
	if pihak == "pertama" or doc.tingkat == pk.TINGKAT_BIDANG:
		doc.set(f"nama_pihak_{pihak}", frappe.utils.get_fullname(user))


def pastikan_satu_berlaku(doc) -> None:
	"""Only one PK per OPD (or bidang) and year is in force: the one it changes steps aside."""
	lain = frappe.get_all(
		PK,
		filters={**kunci(doc), "workflow_state": pk.BERLAKU, "name": ("!=", doc.name)},
		pluck="name",
	)
	lain = [n for n in lain if n != doc.pk_sebelumnya]
	if lain:
		frappe.throw(
			_(
				"Perjanjian Kinerja {0} sudah berlaku untuk {1} tahun {2}; {3} tidak dapat ikut berlaku. Ubah "
				"target melalui PK Perubahan dari {0}. Tidak ada data yang diubah."
			).format(lain[0], doc.bidang or doc.opd, doc.tahun, doc.name),
			title=_("Sudah ada PK berlaku"),
		)


def mulai_berlaku(doc) -> None:
	doc.tanggal_berlaku = now_datetime()
	hitung(doc)


def setelah_berlaku(doc) -> None:
	"""The version it changes is replaced: still readable and printable, and still the PK of the
	quarters before the change."""
	if doc.pk_sebelumnya:
		frappe.db.set_value(PK, doc.pk_sebelumnya, "workflow_state", pk.DIGANTI, update_modified=False)


# --------------------------------------------------------------------------- PK Perubahan


def triwulan_terevaluasi(opd: str, tahun: int) -> int:
	"""The last triwulan of ``tahun`` whose Kertas Kerja exists (0: none)."""
	tw = frappe.get_all(KKE, filters={"opd": opd, "tahun": tahun}, pluck="triwulan")
	return max((nomor_triwulan(t) for t in tw if t), default=0)


def buat_perubahan(nama: str, alasan: str, berlaku_mulai: str, uraian: str | None = None) -> str:
	"""A PK Perubahan of the PK in force ``nama``: a copy as version n+1, in Draft, with its reason and
	the triwulan it takes over from (after the last one evaluated)."""
	lama = frappe.get_doc(PK, nama)
	lama.check_permission("read")
	if lama.workflow_state != pk.BERLAKU:
		_tolak(
			[
				_("PK Perubahan dibuat dari PK yang berlaku; {0} berstatus {1}.").format(
					nama, _(lama.workflow_state)
				)
			],
			_("PK belum berlaku"),
		)
	if alasan not in pk.ALASAN_PERUBAHAN:
		_tolak(
			[_("Pilih alasan perubahan: {0}.").format("; ".join(pk.ALASAN_PERUBAHAN))], _("Alasan perubahan")
		)
	mulai = nomor_triwulan(berlaku_mulai)
	sudah = triwulan_terevaluasi(lama.opd, lama.tahun)
	if mulai <= sudah:
		_tolak(
			[
				_(
					"Triwulan {0} tahun {1} sudah dievaluasi: PK Perubahan berlaku paling awal triwulan {2}."
				).format(ROMAWI_TRIWULAN[sudah], lama.tahun, ROMAWI_TRIWULAN.get(sudah + 1, "-"))
			],
			_("Triwulan sudah dievaluasi"),
		)
	if frappe.db.exists(PK, {"pk_sebelumnya": nama}):
		_tolak([_("{0} sudah memiliki PK Perubahan.").format(nama)], _("PK Perubahan sudah ada"))
	baru = frappe.copy_doc(lama)
	baru.update(
		{
			"versi": (lama.versi or 1) + 1,
			"pk_sebelumnya": lama.name,
			"alasan_perubahan": alasan,
			"berlaku_mulai": ROMAWI_TRIWULAN[mulai],
			"uraian_perubahan": uraian,
			"workflow_state": pk.DRAFT,
			"belum_lengkap": lama.belum_lengkap,
		}
	)
	baru.insert()
	return baru.name


# --------------------------------------------------------------------------- targets for the cycle


def _kolom_indikator() -> str:
	return """ip.parent, ip.idx, ip.indikator, ip.nama_indikator, ip.satuan, ip.polaritas, ip.metode_negatif,
		ip.akumulasi, ip.target_tahunan, ip.target_tw1, ip.target_tw2, ip.target_tw3, ip.target_tw4,
		p.bidang, p.versi, p.berlaku_mulai"""


def indikator_berlaku(
	tahun: int, triwulan: int, opd: str | None = None, indikator: list[str] | None = None
) -> list:
	"""The indicator rows of the Kepala Bidang PKs of ``tahun`` in force in ``triwulan``: per bidang the
	version that had started by then (a replaced version keeps its quarters), in bidang and row order."""
	kondisi, nilai = (
		["p.tahun = %(tahun)s", "p.tingkat = %(tingkat)s", "p.workflow_state in %(status)s"],
		{
			"tahun": tahun,
			"tingkat": pk.TINGKAT_BIDANG,
			"status": pk.PERNAH_BERLAKU,
		},
	)
	if opd:
		kondisi.append("p.opd = %(opd)s")
		nilai["opd"] = opd
	if indikator is not None:
		if not indikator:
			return []
		kondisi.append("p.bidang in (select bidang from `tabIndikator Kinerja` where name in %(indikator)s)")
		nilai["indikator"] = tuple(indikator)
	rows = frappe.db.sql(
		f"""select {_kolom_indikator()} from `tabIndikator PK` ip
		join `tabPerjanjian Kinerja` p on p.name = ip.parent and ip.parenttype = 'Perjanjian Kinerja'
		where {" and ".join(kondisi)} order by p.bidang, ip.idx""",
		nilai,
		as_dict=True,
	)
	per_bidang: dict[str, dict[str, pk.VersiPK]] = defaultdict(dict)
	for r in rows:
		per_bidang[r.bidang][r.parent] = pk.VersiPK(
			r.parent, r.versi or 1, nomor_triwulan(r.berlaku_mulai or "I")
		)
	dipakai = {v.nama for versi in per_bidang.values() if (v := pk.versi_pada(versi.values(), triwulan))}
	return [r for r in rows if r.parent in dipakai]


def target_pk(indikator: list[str], tahun: int, triwulan: int = 4) -> dict[str, tuple]:
	"""Per indicator its annual target and four quarterly targets in the PK in force in ``triwulan``."""
	return {
		r.indikator: (r.target_tahunan, [r.target_tw1, r.target_tw2, r.target_tw3, r.target_tw4])
		for r in indikator_berlaku(tahun, triwulan, indikator=indikator)
		if r.indikator in set(indikator)
	}


def pk_berlaku_pada(filters: dict, triwulan: int) -> str | None:
	"""The version in force in ``triwulan`` of the PK series ``filters`` (OPD or bidang, year, level)."""
	versi = [
		pk.VersiPK(r.name, r.versi or 1, nomor_triwulan(r.berlaku_mulai or "I"))
		for r in frappe.get_all(
			PK,
			filters={**filters, "workflow_state": ("in", pk.PERNAH_BERLAKU)},
			fields=["name", "versi", "berlaku_mulai"],
		)
	]
	v = pk.versi_pada(versi, triwulan)
	return v.nama if v else None


def pk_opd_berlaku(opd: str, tahun: int, triwulan: int) -> str | None:
	"""The Kepala OPD PK in force in ``triwulan`` of ``tahun`` (what the step-1 Disposisi links)."""
	return pk_berlaku_pada({"opd": opd, "tahun": tahun, "tingkat": pk.TINGKAT_OPD}, triwulan)


def pk_bidang_berlaku(bidang: str, tahun: int, triwulan: int) -> str | None:
	"""The bidang's PK (Kepala Bidang) in force in ``triwulan`` of ``tahun`` (its programs are the
	pagu of the bidang's realisasi anggaran)."""
	return pk_berlaku_pada({"bidang": bidang, "tahun": tahun, "tingkat": pk.TINGKAT_BIDANG}, triwulan)


def pk_disposisi(evaluasi: str) -> str | None:
	"""The PK a step-1 Disposisi of ``evaluasi`` links: the OPD's in force in its triwulan."""
	eki = frappe.db.get_value(EVALUASI, evaluasi, ["opd", "tahun", "triwulan"], as_dict=True)
	return pk_opd_berlaku(eki.opd, eki.tahun, nomor_triwulan(eki.triwulan)) if eki else None
