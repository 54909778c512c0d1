"""The Perjanjian Kinerja version 1 of a year, built from the targets typed into Indikator Kinerja before
the PK existed (the patch ``patches/pk_dari_indikator``, and the test factories that still type targets
there): for each OPD and year found, each bidang's active indicators with a target that year become
that bidang's PK, and the OPD's PK holds the distinct sasaran strategis, marked *Belum Lengkap* for the
Subkoordinator to finish. Both are in force at once (their targets were already in use); no figure is
changed. Running it again adds only what is missing."""

from collections import defaultdict

import frappe

from sakip_evaluasi.aturan.siklus import sistem
from sakip_evaluasi.domain import perjanjian_kinerja as pk
from sakip_evaluasi.domain.doctype import PK

_SALIN = ("satuan", "polaritas", "metode_negatif", "akumulasi")


def tahun_dengan_target() -> list[tuple[str, int]]:
	"""Every (OPD, year) for which an active indicator has a target."""
	return [
		(r[0], int(r[1]))
		for r in frappe.db.sql(
			"""select distinct ik.opd, t.tahun from `tabTarget Indikator Kinerja` t
			join `tabIndikator Kinerja` ik on ik.name = t.parent and t.parenttype = 'Indikator Kinerja'
			where ik.aktif = 1 and ik.opd is not null and ik.opd != '' order by ik.opd, t.tahun"""
		)
	]


def pk_dari_indikator(opd: str, tahun: int) -> list[str]:
	"""Build (or complete) the version-1 PKs of ``opd`` for ``tahun``; returns the names touched."""
	rows = frappe.db.sql(
		"""select ik.name, ik.indikator, ik.sasaran_strategis, ik.bidang, ik.satuan, ik.polaritas,
			ik.metode_negatif, ik.akumulasi, t.target_tahunan, t.target_tw1, t.target_tw2, t.target_tw3, t.target_tw4
		from `tabIndikator Kinerja` ik
		join `tabTarget Indikator Kinerja` t on t.parent = ik.name and t.parenttype = 'Indikator Kinerja'
		where ik.opd = %s and t.tahun = %s and ik.aktif = 1 order by ik.bidang, ik.name""",
		(opd, tahun),
		as_dict=True,
	)
	if not rows:
		return []
	kode = {}
	for r in rows:
		teks = (r.sasaran_strategis or "").strip()
		kode.setdefault(teks, f"S{len(kode) + 1}")
	induk = _seri(opd, tahun, pk.TINGKAT_OPD, None)
	kode = _lengkapi_sasaran(induk, kode)
	disentuh = [induk.name]
	per_bidang = defaultdict(list)
	for r in rows:
		per_bidang[r.bidang].append(r)
	for bidang, daftar in per_bidang.items():
		doc = _seri(opd, tahun, pk.TINGKAT_BIDANG, bidang)
		doc.pk_induk = induk.name
		ada = {i.indikator for i in doc.indikator}
		baru = [r for r in daftar if r.name not in ada]
		if not baru and not doc.is_new():
			continue
		sasaran_ada = {s.kode_sasaran for s in doc.sasaran}
		for r in baru:
			k = kode[(r.sasaran_strategis or "").strip()]
			if k not in sasaran_ada:
				doc.append(
					"sasaran", {"kode_sasaran": k, "sasaran": r.sasaran_strategis, "kode_sasaran_opd": k}
				)
				sasaran_ada.add(k)
			doc.append(
				"indikator",
				{
					"kode_sasaran": k,
					"indikator": r.name,
					"nama_indikator": r.indikator,
					**{f: r[f] for f in _SALIN},
					"target_tahunan": r.target_tahunan,
					"target_tw1": r.target_tw1,
					"target_tw2": r.target_tw2,
					"target_tw3": r.target_tw3,
					"target_tw4": r.target_tw4,
				},
			)
		_simpan_berlaku(doc)
		disentuh.append(doc.name)
	return disentuh


def _seri(opd: str, tahun: int, tingkat: str, bidang: str | None):
	"""The latest version of the series, or a new version 1 (unsaved)."""
	filters = {"opd": opd, "tahun": tahun, "tingkat": tingkat, "bidang": bidang or ("is", "not set")}
	if nama := frappe.db.get_value(PK, filters, "name", order_by="versi desc"):
		return frappe.get_doc(PK, nama)
	doc = frappe.new_doc(PK)
	doc.update(
		{
			"opd": opd,
			"tahun": tahun,
			"tingkat": tingkat,
			"bidang": bidang,
			"versi": 1,
			"berlaku_mulai": "I",
			"belum_lengkap": 1 if tingkat == pk.TINGKAT_OPD else 0,
		}
	)
	return doc


def _lengkapi_sasaran(doc, kode: dict[str, str]) -> dict[str, str]:
	"""The OPD PK's sasaran: those it has keep their code; the new ones are added. {teks: kode}."""
	ada = {(s.sasaran or "").strip(): s.kode_sasaran for s in doc.sasaran}
	hasil, berubah = {}, doc.is_new()
	for teks in kode:
		if teks not in ada:
			ada[teks] = f"S{len(ada) + 1}"
			doc.append("sasaran", {"kode_sasaran": ada[teks], "sasaran": teks})
			berubah = True
		hasil[teks] = ada[teks]
	if berubah:
		_simpan_berlaku(doc)
	return hasil


def _simpan_berlaku(doc) -> None:
	"""Saved by the app (no user check: the figures are the ones already in use) and in force."""
	sistem(doc)
	doc.flags.ignore_mandatory = True
	doc.flags.ignore_links = True
	if doc.is_new():
		doc.insert()
		frappe.db.set_value(
			PK,
			doc.name,
			{"workflow_state": pk.BERLAKU, "tanggal_berlaku": frappe.utils.now_datetime()},
			update_modified=False,
		)
		doc.workflow_state = pk.BERLAKU
	else:
		doc.save()
