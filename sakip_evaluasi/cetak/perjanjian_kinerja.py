"""The data of a Perjanjian Kinerja's prints (``konteks_pk(doc, jenis)`` in Jinja): the PK itself
(PermenPANRB 53/2014: the statement, its attachment with the sasaran, indikator and target, the
programs and their anggaran, both parties' signatures) and its Rencana Aksi (the quarterly targets and
the actions of each indicator).

Who signs, as the app's other official prints (``cetak/konteks.py``): a party who took the signing
action prints as they were that day (position, pangkat, NIP; "Plh." or "Plt." when acting); before
that, the official the PK names (or the position's holder now) as they are on the PK's date, so the
sheet can be printed for the wet signature. The Kepala Daerah, who has no account in the app, prints
as the Subkoordinator recorded them on the PK. Values are raw: the templates escape what users typed.
"""

from collections import OrderedDict

import frappe
from frappe.utils import escape_html, getdate

from sakip_evaluasi.aturan.perjanjian_kinerja import pemegang_pihak
from sakip_evaluasi.cetak.konteks import kertas, kop, ttd
from sakip_evaluasi.domain import perjanjian_kinerja as pk
from sakip_evaluasi.domain.doctype import PK
from sakip_evaluasi.domain.peran import KEPALA_BIDANG, KEPALA_DINAS
from sakip_evaluasi.domain.periode import ROMAWI_TRIWULAN, nomor_triwulan
from sakip_evaluasi.pejabat.jabatan import sebutan_baku
from sakip_evaluasi.pejabat.penandatangan import pejabat_pada, penandatangan

# Print format of each of a PK's prints: (DocType, Print Format name); the first is the default.
CETAKAN_PK = {
	"perjanjian_kinerja": (PK, "Perjanjian Kinerja Resmi"),
	"rencana_aksi": (PK, "Rencana Aksi"),
}
LANDSCAPE_PK = {"rencana_aksi"}

TANDA_TANGAN_PERTAMA = "Tandatangani sebagai Pihak Pertama"
TANDA_TANGAN_KEDUA = "Tandatangani sebagai Pihak Kedua"


def konteks_pk(doc, jenis: str) -> dict:
	"""Everything print ``jenis`` (a key of ``CETAKAN_PK``) shows of the Perjanjian Kinerja ``doc``."""
	if jenis not in CETAKAN_PK:
		frappe.throw(frappe._("Jenis cetakan {0} tidak dikenal.").format(escape_html(jenis)))
	pertama, kedua = pihak(doc)
	k = frappe._dict(
		jenis=jenis,
		kop=kop(doc.opd),
		kertas=kertas(jenis in LANDSCAPE_PK),
		tahun=doc.tahun,
		nama_opd=frappe.db.get_value("OPD", doc.opd, "nama_opd") or doc.opd,
		jabatan=_jabatan(doc),
		kepala_opd=doc.tingkat == pk.TINGKAT_OPD,
		tempat=doc.tempat or "",
		tanggal=_tanggal(doc),
		perubahan=_perubahan(doc),
		pertama=pertama,
		kedua=kedua,
	)
	if jenis == "perjanjian_kinerja":
		k.update(sasaran=tabel_sasaran(doc), program=tabel_program(doc), total_anggaran=doc.total_anggaran)
	else:
		k.update(rencana_aksi=tabel_rencana_aksi(doc))
	return k


# --------------------------------------------------------------------------- the parties


def _jabatan(doc) -> str:
	"""The position the PK is made for (the title's line): never "Plh." — the PK is the position's."""
	if doc.tingkat == pk.TINGKAT_BIDANG:
		return sebutan_baku(doc.opd, KEPALA_BIDANG, doc.bidang)
	return sebutan_baku(doc.opd, KEPALA_DINAS)


def _tanggal(doc):
	"""The PK's date: as typed on it, else the day the pihak pertama signed."""
	if doc.tanggal_pk:
		return getdate(doc.tanggal_pk)
	p = penandatangan(doc, TANDA_TANGAN_PERTAMA)
	return p.tanggal if p else None


def pihak(doc) -> tuple[dict, dict]:
	"""(pihak pertama, pihak kedua) signature blocks of ``doc``."""
	tanggal = _tanggal(doc) or getdate()
	# a draft (a PK Perubahan copies its predecessor's parties) is signed by who holds the positions now
	draf = (doc.workflow_state or pk.DRAFT) == pk.DRAFT
	sekarang = pemegang_pihak(doc) if draf else (None, None)
	pertama_user = sekarang[0].user if draf else doc.pihak_pertama
	if doc.tingkat == pk.TINGKAT_BIDANG:
		kedua_user = sekarang[1].user if draf else doc.pihak_kedua
		pertama = _pejabat(doc, TANDA_TANGAN_PERTAMA, pertama_user, KEPALA_BIDANG, tanggal)
		return pertama, _pejabat(doc, TANDA_TANGAN_KEDUA, kedua_user, KEPALA_DINAS, tanggal)
	return _pejabat(doc, TANDA_TANGAN_PERTAMA, pertama_user, KEPALA_DINAS, tanggal), kepala_daerah(doc)


def _pejabat(doc, tindakan: str, user: str | None, peran: str, tanggal) -> dict:
	"""The signer who took ``tindakan`` as they were that day; before it, ``user`` as on ``tanggal``."""
	bidang = doc.bidang if peran == KEPALA_BIDANG else None
	sebutan = sebutan_baku(doc.opd, peran, bidang)
	if p := penandatangan(doc, tindakan):
		return ttd(p, sebutan)
	if not user:
		return ttd(None, sebutan)
	return ttd(pejabat_pada(user, tanggal, doc.opd, {peran}, bidang), sebutan)


def kepala_daerah(doc) -> dict:
	"""The Kepala Daerah as recorded on the PK: an elected official, printed without pangkat or NIP."""
	return frappe._dict(
		sebutan=doc.jabatan_pihak_kedua or frappe._("Kepala Daerah"),
		nama=doc.nama_pihak_kedua or "",
		nip="",
		pangkat="",
		tanggal=None,
		ada=bool(doc.nama_pihak_kedua),
		tanpa_nip=True,
	)


def _perubahan(doc) -> dict | None:
	if not doc.pk_sebelumnya:
		return None
	return frappe._dict(
		versi=doc.versi,
		mengubah=doc.pk_sebelumnya,
		alasan=doc.alasan_perubahan or "",
		uraian=doc.uraian_perubahan or "",
		mulai=doc.berlaku_mulai or "I",
	)


# --------------------------------------------------------------------------- the tables


def tabel_sasaran(doc) -> list[dict]:
	"""The attachment's first table: per sasaran (in the PK's order) its indicators with the annual
	target and unit; a sasaran with no indicator still prints."""
	per_kode: OrderedDict[str, dict] = OrderedDict(
		((s.kode_sasaran or "").strip(), frappe._dict(sasaran=s.sasaran, indikator=[])) for s in doc.sasaran
	)
	for r in doc.indikator:
		kode = (r.kode_sasaran or "").strip()
		per_kode.setdefault(kode, frappe._dict(sasaran=kode, indikator=[])).indikator.append(
			frappe._dict(nama=r.nama_indikator, target=r.target_tahunan, satuan=r.satuan or "", iku=r.iku)
		)
	return list(per_kode.values())


def tabel_program(doc) -> list[dict]:
	"""The attachment's second table: programs, kegiatan and sub-kegiatan with their SIPD code and
	anggaran, indented under the highest level listed (a bidang's PK starts at its kegiatan)."""
	tingkat = [pk.JENIS_PROGRAM.index(r.jenis) if r.jenis in pk.JENIS_PROGRAM else 0 for r in doc.program]
	puncak = min(tingkat, default=0)
	return [
		frappe._dict(
			jenis=r.jenis,
			tingkat=t - puncak,
			kode=r.kode_sipd or "",
			nama=r.nama,
			anggaran=r.anggaran,
			keterangan=r.keterangan or "",
		)
		for r, t in zip(doc.program, tingkat, strict=True)
	]


def tabel_rencana_aksi(doc) -> list[dict]:
	"""Per sasaran and indicator: the annual target, who is responsible, and each quarter's target (as
	the roll-up reads them) with the actions planned for it."""
	aksi: dict[tuple[str, int], list] = {}
	for r in doc.rencana_aksi:
		aksi.setdefault((r.indikator, nomor_triwulan(r.triwulan)), []).append(
			frappe._dict(aksi=r.aksi, penanggung_jawab=r.penanggung_jawab or "")
		)
	sasaran = {(s.kode_sasaran or "").strip(): s.sasaran for s in doc.sasaran}
	hasil: OrderedDict[str, dict] = OrderedDict()
	for r in doc.indikator:
		kode = (r.kode_sasaran or "").strip()
		kelompok = hasil.setdefault(kode, frappe._dict(sasaran=sasaran.get(kode, kode), indikator=[]))
		kelompok.indikator.append(
			frappe._dict(
				nama=r.nama_indikator,
				satuan=r.satuan or "",
				akumulasi=r.akumulasi or "",
				target=r.target_tahunan,
				penanggung_jawab=list(
					dict.fromkeys(
						a.penanggung_jawab
						for i in range(1, 5)
						for a in aksi.get((r.indikator, i), [])
						if a.penanggung_jawab and r.indikator
					)
				),
				triwulan=[
					frappe._dict(
						romawi=ROMAWI_TRIWULAN[i],
						target=r.get(f"target_tw{i}"),
						aksi=aksi.get((r.indikator, i), []) if r.indikator else [],
					)
					for i in range(1, 5)
				],
			)
		)
	return list(hasil.values())
