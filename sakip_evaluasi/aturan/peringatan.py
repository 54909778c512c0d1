"""Peringatan dini as the desk reads it: each indicator's quarters of one year with its latest
projection (computed on every save of a Data Kinerja Bidang by ``capaian_baris``), the number of
indicators per status for the workspace cards, and the draft rekomendasi the meeting receives for
every Kritis indicator. Every status read here is that of the stored projection by the thresholds in
force now (``domain.proyeksi.status_terkini``), so accepted documents follow a change of Pengaturan
SAKIP; a ratified Notulen keeps the rekomendasi decided then.

Every read goes through ``frappe.get_list`` on Data Kinerja Bidang as the session user, so Frappe's
permission machinery scopes it: a Kepala Bidang sees only their bidang (User Permission on Bidang),
and any further dimension with a User Permission (e.g. an OPD) scopes it the same way.
"""

from collections import defaultdict
from dataclasses import dataclass, field

import frappe
from frappe import _
from frappe.utils import flt

from sakip_evaluasi.aturan.capaian_baris import ambang_proyeksi, target_tahun
from sakip_evaluasi.domain.capaian import angka_realisasi
from sakip_evaluasi.domain.doctype import BARIS_DKB, DKB
from sakip_evaluasi.domain.periode import NOMOR_TRIWULAN, ROMAWI_TRIWULAN
from sakip_evaluasi.domain.proyeksi import StatusProyeksi, status_terkini
from sakip_evaluasi.pejabat.pemegang import sebutan_bidang

# Report filters applied to the Data Kinerja Bidang as they are (a Link field of the document each):
# a new dimension of the documents is one more name here and one more filter in the report's .js.
FILTER_DOKUMEN = ("opd", "bidang")
STATUS_TERPROYEKSI = (
	StatusProyeksi.AMAN.value,
	StatusProyeksi.PERLU_PERHATIAN.value,
	StatusProyeksi.KRITIS.value,
)


@dataclass
class Kuartal:
	"""One indicator's row in the Data Kinerja Bidang of one quarter."""

	triwulan: int
	dokumen: str
	realisasi: float | None
	realisasi_sd_tw: float | None
	target_sd_tw: float
	capaian: float | None
	status: str
	proyeksi_realisasi: float | None
	proyeksi_capaian: float | None
	kekurangan: float | None
	metode: str
	kendala: str


@dataclass
class JejakIndikator:
	"""One indicator of one bidang through the quarters of a year, up to the quarter asked for."""

	bidang: str
	indikator: str
	nama_indikator: str
	satuan: str
	polaritas: str
	akumulasi: str
	urutan: int
	target_tahunan: float | None = None
	target_tw: list = field(default_factory=lambda: [None] * 4)
	kuartal: dict[int, Kuartal] = field(default_factory=dict)

	@property
	def terakhir(self) -> Kuartal:
		"""The latest quarter whose realisasi is filled (the latest known position), else the latest."""
		terisi = [t for t, k in self.kuartal.items() if k.realisasi is not None]
		return self.kuartal[max(terisi or self.kuartal)]


def dokumen_periode(tahun: int, sampai_triwulan: int, saring: dict | None = None) -> dict[str, dict]:
	"""The Data Kinerja Bidang of ``tahun`` up to quarter ``sampai_triwulan`` the session user may read."""
	filters = {
		"tahun": tahun,
		"triwulan": ("in", [ROMAWI_TRIWULAN[t] for t in range(1, sampai_triwulan + 1)]),
		**(saring or {}),
	}
	return {
		d.name: d
		for d in frappe.get_list(
			DKB, filters=filters, fields=["name", "bidang", "triwulan"], limit_page_length=0
		)
	}


def jejak_indikator(
	tahun: int, sampai_triwulan: int, saring: dict | None = None, indikator: str | None = None
) -> list[JejakIndikator]:
	"""Every indicator with a row in a Data Kinerja Bidang of ``tahun`` up to ``sampai_triwulan`` the
	session user may read, with its quarters, annual and quarterly targets, ordered by bidang."""
	dokumen = dokumen_periode(tahun, sampai_triwulan, saring)
	if not dokumen:
		return []
	filters = {"parenttype": DKB, "parentfield": "baris", "parent": ("in", list(dokumen))}
	if indikator:
		filters["indikator"] = indikator
	rows = frappe.get_all(
		BARIS_DKB,
		filters=filters,
		fields=[
			"parent", "idx", "indikator", "nama_indikator", "satuan", "polaritas", "akumulasi",
			"target_sd_tw", "realisasi", "realisasi_sd_tw", "capaian", "predikat", "status_proyeksi",
			"proyeksi_realisasi", "proyeksi_capaian", "kekurangan_proyeksi", "metode_proyeksi", "kendala",
		],
	)  # fmt: skip
	jejak: dict[tuple, JejakIndikator] = {}
	ambang = ambang_proyeksi()
	for r in rows:
		d = dokumen[r.parent]
		tw = NOMOR_TRIWULAN[d.triwulan]
		j = jejak.setdefault(
			(d.bidang, r.indikator),
			JejakIndikator(
				d.bidang,
				r.indikator,
				r.nama_indikator or r.indikator,
				r.satuan or "",
				r.polaritas,
				r.akumulasi,
				r.idx,
			),
		)
		terproyeksi = r.status_proyeksi in STATUS_TERPROYEKSI
		realisasi = angka_realisasi(r.realisasi)
		j.kuartal[tw] = Kuartal(
			triwulan=tw,
			dokumen=r.parent,
			realisasi=realisasi,
			realisasi_sd_tw=flt(r.realisasi_sd_tw) if realisasi is not None else None,
			target_sd_tw=flt(r.target_sd_tw),
			capaian=flt(r.capaian) if r.predikat else None,  # a computed capaian always has a predikat
			# nothing filled yet counts as what it is: not projected
			status=status_terkini(r.status_proyeksi, r.proyeksi_capaian, ambang)
			or StatusProyeksi.BELUM.value,
			proyeksi_realisasi=flt(r.proyeksi_realisasi) if terproyeksi else None,
			proyeksi_capaian=flt(r.proyeksi_capaian) if terproyeksi else None,
			kekurangan=flt(r.kekurangan_proyeksi) if terproyeksi else None,
			metode=r.metode_proyeksi or "",
			kendala=r.kendala or "",
		)
	target = target_tahun(list({j.indikator for j in jejak.values()}), tahun)
	for j in jejak.values():
		if j.indikator in target:
			tahunan, per_tw = target[j.indikator]
			j.target_tahunan, j.target_tw = flt(tahunan), [flt(t) for t in per_tw]
	return sorted(jejak.values(), key=lambda j: (j.bidang, j.urutan, j.nama_indikator))


def periode_terakhir() -> tuple[int, int] | None:
	"""The latest (tahun, triwulan) whose Data Kinerja Bidang the session user may read holds a
	projected status; None when there is none."""
	dokumen = frappe.get_list(DKB, fields=["name", "tahun", "triwulan"], limit_page_length=0)
	if not dokumen:
		return None
	berstatus = set(
		frappe.get_all(
			BARIS_DKB,
			filters={
				"parenttype": DKB,
				"parent": ("in", [d.name for d in dokumen]),
				"status_proyeksi": ("in", STATUS_TERPROYEKSI),
			},
			pluck="parent",
			distinct=True,
		)
	)
	periode = {(d.tahun, NOMOR_TRIWULAN[d.triwulan]) for d in dokumen if d.name in berstatus}
	return max(periode) if periode else None


def jumlah_per_status(filters: dict | None = None) -> dict:
	"""For a workspace card: how many indicators have ``filters["status"]`` (default Kritis) in the
	period ``filters`` names (tahun, triwulan), else in the latest period with a projection; the
	route opens the report on the same rows."""
	filters = frappe._dict(filters or {})
	status = filters.status or StatusProyeksi.KRITIS.value
	if status not in STATUS_TERPROYEKSI:
		frappe.throw(_("Status peringatan dini tidak dikenal: {0}.").format(status))
	if filters.tahun and filters.triwulan in NOMOR_TRIWULAN:
		periode = (int(filters.tahun), NOMOR_TRIWULAN[filters.triwulan])
	else:
		periode = periode_terakhir()
	if not periode:
		return {"value": 0, "fieldtype": "Int"}
	tahun, tw = periode
	saring = {k: filters[k] for k in FILTER_DOKUMEN if filters.get(k)}
	saring["triwulan"] = ROMAWI_TRIWULAN[tw]
	dokumen = frappe.get_list(DKB, filters={"tahun": tahun, **saring}, pluck="name", limit_page_length=0)
	jumlah = len(baris_berstatus(dokumen, status)) if dokumen else 0
	return {
		"value": jumlah,
		"fieldtype": "Int",
		"route": ["query-report", "Peringatan Dini Capaian"],
		"route_options": {
			"tahun": tahun,
			"triwulan": ROMAWI_TRIWULAN[tw],
			"status": status,
			**{k: saring[k] for k in FILTER_DOKUMEN if k in saring},
		},
	}


def baris_berstatus(dokumen: list[str], status: str, fields: tuple = ()) -> list:
	"""The rows of the Data Kinerja Bidang ``dokumen`` whose projection has ``status`` (a projected
	one) by the current thresholds, in document and row order."""
	ambang = ambang_proyeksi()
	rows = frappe.get_all(
		BARIS_DKB,
		filters={"parenttype": DKB, "parent": ("in", dokumen), "status_proyeksi": ("in", STATUS_TERPROYEKSI)},
		fields=["status_proyeksi", "proyeksi_capaian", *fields],
		order_by="parent asc, idx asc",
	)
	return [r for r in rows if status_terkini(r.status_proyeksi, r.proyeksi_capaian, ambang) == status]


# --------------------------------------------------------------------------- into the meeting


def _angka_teks(nilai: float | None) -> str:
	return frappe.format_value(nilai, {"fieldtype": "Float", "precision": 2}) if nilai is not None else "-"


def draf_rekomendasi(evaluasi: str) -> list[dict]:
	"""One draft Rekomendasi Rapat per indicator projected Kritis in the evaluation's Data Kinerja
	Bidang: which indicator, its projected capaian and shortfall, and the kendala its bidang gave.
	Read with the app's rights (the minutes are prepared for every bidang)."""
	dokumen = {
		d.name: d.bidang
		for d in frappe.get_all(DKB, filters={"evaluasi": evaluasi}, fields=["name", "bidang"])
	}
	if not dokumen:
		return []
	rows = baris_berstatus(
		list(dokumen),
		StatusProyeksi.KRITIS.value,
		(
			"parent",
			"idx",
			"indikator",
			"nama_indikator",
			"satuan",
			"target_tahunan",
			"proyeksi_realisasi",
			"kekurangan_proyeksi",
			"kendala",
		),
	)
	draf = []
	for r in rows:
		bidang = dokumen[r.parent]
		satuan = f" {r.satuan}" if r.satuan else ""
		teks = [
			_(
				'Indikator "{0}" diproyeksikan hanya mencapai {1} % dari target tahunan (proyeksi realisasi akhir tahun {2}{3} dari target {4}{3}, kurang {5}{3}).'
			).format(
				r.nama_indikator or r.indikator,
				_angka_teks(r.proyeksi_capaian),
				_angka_teks(r.proyeksi_realisasi),
				satuan,
				_angka_teks(r.target_tahunan),
				_angka_teks(r.kekurangan_proyeksi),
			),
			_("Kendala yang disampaikan bidang: {0}.").format(
				(r.kendala or "").strip().rstrip(".") or _("tidak disampaikan")
			),
			_(
				"Rekomendasi: {0} menyusun dan melaksanakan langkah percepatan untuk menutup kekurangan tersebut, dan melaporkan kemajuannya pada evaluasi triwulan berikutnya."
			).format(sebutan_bidang(bidang)),  # the bidang by its name: this text is printed as typed
		]
		draf.append(
			{
				"bidang": bidang,
				"indikator": r.indikator,
				"rekomendasi": " ".join(teks),
				"dari_peringatan_dini": 1,
			}
		)
	return draf


def kelompok_per_bidang(jejak: list[JejakIndikator]) -> dict[str, list[JejakIndikator]]:
	per_bidang: dict[str, list[JejakIndikator]] = defaultdict(list)
	for j in jejak:
		per_bidang[j.bidang].append(j)
	return per_bidang
