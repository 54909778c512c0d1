"""Who holds each SOP role of an Evaluasi Kinerja Internal, and whether they can act in it.

One rule, :func:`pemegang_peran`. Everything that needs an official asks it: filling and checking
a new evaluation's officials, the holder and superior of each step's clock (``sla.mesin``), the
meeting's participants, the check before the work paper is distributed or the minutes are
approved, the Kepala Bidang's right to import a work paper. Today:

- **Kepala Dinas, Sekretaris, Subkoordinator**: the user recorded on the evaluation (its *Pejabat*
  section). An evaluation being created takes the official named on its **OPD** for an empty field,
  or else the only active user who holds the role in that OPD (a User Permission on it; on a site
  with a single OPD, any active holder of the role).
- **Kepala Bidang**: the head named on the Bidang.
- **What a bidang submits, when the one holding an OPD-wide role heads that bidang** (e.g. a Kepala
  Bidang appointed Plh Sekretaris): nobody checks their own work, so the Kepala Dinas holds the role
  for that bidang's documents (``memimpin_bidang``; the same rule refuses their action and edit:
  ``peran_di_dokumen``).
- **Plt/Plh**: while a submitted *Penunjukan Pelaksana* of the position runs (``mulai`` ≤ today ≤
  ``selesai``), the acting user holds the role instead (``pelaksana_berjalan``), so new clocks,
  escalation and notifications go to them. Under a Plh the definitive holder keeps the right to act
  (``Pemegang.berwenang``); a Plt is appointed only to a vacant position.

The positions themselves (Jabatan, held by Pegawai with NIP) keep the OPD's fields and the Bidang's
Kepala Bidang in step (``sakip_evaluasi.pejabat.jabatan``), so this rule reads those fields.

A holder can act when the user exists, is enabled and holds the role; otherwise the rule says, in
Bahasa Indonesia, what to set where. An evaluation whose steps could not complete is never started.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import frappe
from frappe import _
from frappe.utils import formatdate, getdate, today

from sakip_evaluasi.domain.doctype import EVALUASI, PENUNJUKAN
from sakip_evaluasi.domain.peran import KEPALA_BIDANG, KEPALA_DINAS, SEKRETARIS, SUBKOOR

# The officials of an evaluation: role → field on the evaluation and on its OPD.
PEJABAT = {KEPALA_DINAS: "kepala_dinas", SEKRETARIS: "sekretaris", SUBKOOR: "subkoordinator"}
PLH, PLT = "Plh", "Plt"


@dataclass(frozen=True)
class Pelaksana:
	"""An acting appointment (Plt/Plh) of a position that runs on a given day."""

	penunjukan: str
	jenis: str
	user: str
	jabatan: str
	nama_jabatan: str
	peran: str
	bidang: str | None
	nomor_surat: str
	tanggal_surat: date
	mulai: date
	selesai: date

	@property
	def sebutan(self) -> str:
		"""How the acting official signs: "Plh. Sekretaris Dinas …"."""
		return f"{self.jenis}. {self.nama_jabatan}"

	@property
	def surat(self) -> str:
		return _("surat nomor {0} tanggal {1}").format(self.nomor_surat, formatdate(self.tanggal_surat))


@dataclass(frozen=True)
class Pemegang:
	"""The holder of one SOP role for one evaluation (and bidang)."""

	peran: str
	user: str | None
	bidang: str | None = None
	# Why nobody can act in the role, and what to set where (Bahasa Indonesia); None: the holder can.
	masalah: str | None = None
	# True when the user was taken as the only active holder of the role (nobody named one).
	satu_satunya: bool = False
	# The running Plt/Plh appointment ``user`` acts under, and the definitive holder meanwhile.
	pelaksana: Pelaksana | None = None
	definitif: str | None = None

	@property
	def berwenang(self) -> tuple[str, ...]:
		"""Every user who may act in the role now: the holder, and under a Plh the definitive one too."""
		users = [self.user]
		if self.pelaksana and self.pelaksana.jenis == PLH:
			users.append(self.definitif)
		return tuple(u for u in users if u)


def pemegang_peran(peran: str, evaluasi=None, bidang: str | None = None) -> Pemegang:
	"""THE rule: who holds SOP role ``peran`` for ``evaluasi`` (a document; None or unsaved: one
	being created) and, for Kepala Bidang, for ``bidang`` — and whether that user can act. An acting
	official (Plt/Plh) whose appointment runs today holds it instead of the definitive one."""
	definitif = _pemegang_definitif(peran, evaluasi, bidang)
	if peran == KEPALA_BIDANG:
		opd = frappe.db.get_value("Bidang", bidang, "opd") if bidang else None
	else:
		opd = evaluasi.get("opd") if evaluasi is not None else None
	pelaksana = pelaksana_berjalan(opd, peran, bidang) if opd else None
	if pelaksana is None:
		hasil = definitif
	else:
		tempat = _("pada {0} {1}").format(_(PENUNJUKAN), pelaksana.penunjukan)
		hasil = Pemegang(
			peran,
			pelaksana.user,
			bidang,
			_masalah(peran, pelaksana.user, tempat, bidang),
			pelaksana=pelaksana,
			definitif=definitif.user,
		)
	if peran in PERAN_ATAS_BIDANG and bidang and hasil.user and memimpin_bidang(hasil.user, bidang):
		# their own bidang's work is checked by their superior
		return pemegang_peran(KEPALA_DINAS, evaluasi)
	return hasil


# The OPD-wide roles that check what a bidang submits: one who holds them and heads the bidang does not
# check their own bidang's work.
PERAN_ATAS_BIDANG = (SEKRETARIS, SUBKOOR)


def memimpin_bidang(user: str | None, bidang: str | None) -> bool:
	"""Whether ``user`` heads ``bidang`` now: its Kepala Bidang, or acting as such (Plt/Plh)."""
	if not (user and bidang):
		return False
	return user in (frappe.db.get_value("Bidang", bidang, ["kepala_bidang", "pelaksana_kepala_bidang"]) or ())


def peran_di_dokumen(doc, user: str | None = None) -> set[str]:
	"""The roles of ``user`` (the session user) that count on ``doc``: Kepala Bidang only on a document
	of a bidang they head; an OPD-wide role that checks the bidang's work (Sekretaris, Subkoordinator)
	not on a document of the bidang they head (the Kepala Dinas checks it). A Kepala Bidang acting in an
	OPD-wide position reads every bidang's documents, changes as Kepala Bidang only their own, and does
	not verify their own."""
	user = user or frappe.session.user
	peran = set(frappe.get_roles(user))
	bidang = doc.get("bidang") if doc.meta.has_field("bidang") else None
	if not bidang or user == "Administrator":
		return peran
	if memimpin_bidang(user, bidang):
		return peran - set(PERAN_ATAS_BIDANG)
	return peran - {KEPALA_BIDANG}


def pelaksana_berjalan(
	opd: str, peran: str, bidang: str | None = None, tanggal: date | None = None
) -> Pelaksana | None:
	"""The submitted Plt/Plh appointment of ``opd``'s position ``peran`` (for ``bidang``) that runs on
	``tanggal`` (default today), or None. Read from the appointments' dates, so the rule never waits
	for the scheduled job that grants and revokes the rights."""
	filters = {"docstatus": 1, "opd": opd, "peran": peran}
	if peran == KEPALA_BIDANG:
		filters["bidang"] = bidang
	daftar = penunjukan_pada(filters, tanggal)
	return daftar[0] if daftar else None


def penunjukan_pada(filters: dict, tanggal: date | None = None) -> list[Pelaksana]:
	"""The submitted appointments matching ``filters`` that run on ``tanggal`` (default today)."""
	hari = getdate(tanggal or today())
	rows = frappe.get_all(
		PENUNJUKAN,
		filters={**filters, "docstatus": 1, "mulai": ("<=", hari), "selesai": (">=", hari)},
		fields=[
			"name",
			"jenis",
			"user",
			"jabatan",
			"nama_jabatan",
			"peran",
			"bidang",
			"nomor_surat",
			"tanggal_surat",
			"mulai",
			"selesai",
		],
		order_by="mulai desc, creation desc",
	)
	return [
		Pelaksana(
			r.name,
			r.jenis,
			r.user,
			r.jabatan,
			r.nama_jabatan,
			r.peran,
			r.bidang,
			r.nomor_surat,
			getdate(r.tanggal_surat),
			getdate(r.mulai),
			getdate(r.selesai),
		)
		for r in rows
		if r.user
	]


def _pemegang_definitif(peran: str, evaluasi=None, bidang: str | None = None) -> Pemegang:
	"""Who holds ``peran`` by definitive appointment (the evaluation's, OPD's or Bidang's field)."""
	if peran == KEPALA_BIDANG:
		user = frappe.db.get_value("Bidang", bidang, "kepala_bidang") if bidang else None
		tempat = _("pada Bidang {0}").format(bidang) if bidang else _("pada Bidang")
		return Pemegang(peran, user, bidang, _masalah(peran, user, tempat, bidang))
	field = PEJABAT[peran]
	user = evaluasi.get(field) if evaluasi is not None else None
	if evaluasi is not None and not evaluasi.is_new():
		tempat = _("pada {0} {1} (bagian Pejabat)").format(_(EVALUASI), evaluasi.name)
		return Pemegang(peran, user, masalah=_masalah(peran, user, tempat))
	opd = evaluasi.get("opd") if evaluasi is not None else None
	if user:  # named on the form of the evaluation being created
		tempat = _("pada evaluasi ini (bagian Pejabat) atau di {0}").format(_tempat_opd(opd))
		return Pemegang(peran, user, masalah=_masalah(peran, user, tempat))
	tempat = _("di {0}").format(_tempat_opd(opd))
	if opd and (user := frappe.db.get_value("OPD", opd, field)):
		return Pemegang(peran, user, masalah=_masalah(peran, user, tempat))
	aktif = pemegang_aktif(peran, opd)
	if len(aktif) == 1:
		return Pemegang(peran, aktif[0], satu_satunya=True)
	return Pemegang(peran, None, masalah=_masalah(peran, None, tempat, jumlah_aktif=len(aktif)))


def pejabat_evaluasi(evaluasi=None) -> list[Pemegang]:
	"""The Kepala Dinas, Sekretaris and Subkoordinator of ``evaluasi``, by :func:`pemegang_peran`."""
	return [pemegang_peran(peran, evaluasi) for peran in PEJABAT]


def pejabat_pengganti(evaluasi) -> dict[str, str]:
	"""{field of the evaluation: acting user} for each of its officials a Plt/Plh stands in for today."""
	if evaluasi is None or not evaluasi.get("opd"):
		return {}
	return {PEJABAT[p.peran]: p.user for p in pejabat_evaluasi(evaluasi) if p.pelaksana and p.user}


def kepala_bidang(bidang: str) -> Pemegang:
	"""The Kepala Bidang of ``bidang``, by :func:`pemegang_peran`."""
	return pemegang_peran(KEPALA_BIDANG, bidang=bidang)


def pemegang_aktif(peran: str, opd: str | None = None) -> list[str]:
	"""The enabled users (other than Administrator and Guest) who hold ``peran`` — in ``opd`` (a User
	Permission on it) when the site has more than one OPD."""
	user, role = frappe.qb.DocType("User"), frappe.qb.DocType("Has Role")
	query = (
		frappe.qb.from_(user)
		.join(role)
		.on((role.parent == user.name) & (role.parenttype == "User"))
		.select(user.name)
		.distinct()
		.where((role.role == peran) & (user.enabled == 1) & user.name.notin(["Administrator", "Guest"]))
		.orderby(user.name)
	)
	if opd and frappe.db.count("OPD") > 1:
		izin = frappe.qb.DocType("User Permission")
		query = query.join(izin).on(
			(izin.user == user.name) & (izin.allow == "OPD") & (izin.for_value == opd)
		)
	return query.run(pluck=True)


def sebutan_bidang(bidang: str) -> str:
	"""What users call a bidang ("Bidang Bina Marga"); its name (DPUPR-BM) when it has none."""
	return frappe.db.get_value("Bidang", bidang, "nama_bidang") or bidang


def _tempat_opd(opd: str | None) -> str:
	return _("OPD {0} (bagian Pejabat Pelaksana SOP)").format(opd) if opd else _("OPD")


def _masalah(
	peran: str, user: str | None, tempat: str, bidang: str | None = None, jumlah_aktif: int | None = None
) -> str | None:
	"""Why ``user`` cannot act as ``peran`` and what to set ``tempat`` ("di OPD DPUPR …",
	"pada Bidang Bina Marga", …); None when they can."""
	if not user:
		if bidang:
			return _("{0} belum memiliki Kepala Bidang. Isi Kepala Bidang {1}.").format(
				sebutan_bidang(bidang), tempat
			)
		pesan = _("{0} belum ditetapkan. Isi {0} {1}.").format(_(peran), tempat)
		if jumlah_aktif == 0:
			pesan += " " + _(
				"Belum ada pengguna aktif dengan peran {0}: buat penggunanya dan beri peran itu."
			).format(_(peran))
		elif jumlah_aktif:
			pesan += " " + _("Ada {0} pengguna aktif dengan peran {1}; pilih salah satu.").format(
				jumlah_aktif, _(peran)
			)
		return pesan
	jabatan = _("Kepala {0}").format(sebutan_bidang(bidang)) if bidang else _(peran)
	data = frappe.db.get_value("User", user, ["enabled"], as_dict=True)
	if not data:
		return _("{0} ({1}) tidak ada sebagai pengguna. Isi {2} {3} dengan pengguna yang ada.").format(
			jabatan, user, _(peran), tempat
		)
	if not data.enabled:
		return _(
			"{0} ({1}) tidak aktif (pengguna dinonaktifkan). Isi {2} {3} dengan pengguna aktif yang memiliki "
			"peran {2}."
		).format(jabatan, user, _(peran), tempat)
	if peran not in frappe.get_roles(user):
		return _(
			"{0} ({1}) tidak memiliki peran {2}. Beri peran {2} kepada {1} (formulir User, bagian Peran), "
			"atau isi {2} {3} "
			"dengan pengguna lain yang memilikinya."
		).format(jabatan, user, _(peran), tempat)
	return None


def _tolak(pengantar: str, masalah: Iterable[str], judul: str) -> None:
	masalah = list(dict.fromkeys(m for m in masalah if m))
	if masalah:
		daftar = "".join(f"<li>{frappe.utils.escape_html(m)}</li>" for m in masalah)
		frappe.throw(f"{pengantar}<ul>{daftar}</ul>", frappe.ValidationError, title=judul)


# --------------------------------------------------------------------------- the evaluation


def tetapkan_pejabat(evaluasi) -> None:
	"""Fill an evaluation's empty officials by the rule; refuse an evaluation one of whose officials
	could not act (its steps 1-4 and 6-7 would never complete)."""
	pejabat = pejabat_evaluasi(evaluasi)
	_tolak(
		_("Evaluasi Kinerja Internal belum dapat disimpan: langkah SOP-nya tidak akan dapat diselesaikan."),
		(p.masalah for p in pejabat),
		_("Pejabat SOP belum lengkap"),
	)
	for p in pejabat:
		if not evaluasi.get(PEJABAT[p.peran]):
			# the evaluation records the definitive official; an acting one holds the steps meanwhile
			evaluasi.set(PEJABAT[p.peran], p.definitif if p.pelaksana else p.user)
			if p.satu_satunya:
				frappe.msgprint(
					_(
						"{0} diisi {1}: satu-satunya pengguna aktif dengan peran itu (belum ditetapkan di OPD {2})."
					).format(_(p.peran), p.user, evaluasi.opd),
					alert=True,
				)


def masalah_evaluasi(evaluasi) -> list[str]:
	"""Everything that keeps a saved evaluation's steps from completing: an official, or the Kepala
	Bidang of a bidang in its work paper, who cannot act (e.g. disabled since). Shown on its form."""
	bidang = frappe.get_all(
		"Baris Kertas Kerja",
		filters={"parenttype": "Kertas Kerja Evaluasi", "parent": ("in", _kertas_kerja(evaluasi.name))},
		pluck="bidang",
		distinct=True,
	)
	pemegang = [*pejabat_evaluasi(evaluasi), *(kepala_bidang(b) for b in sorted(filter(None, set(bidang))))]
	return [p.masalah for p in pemegang if p.masalah]


def _kertas_kerja(evaluasi: str) -> list[str]:
	return frappe.get_all("Kertas Kerja Evaluasi", filters={"evaluasi": evaluasi}, pluck="name") or [""]


def peringatan_kepala_bidang(bidang: Iterable[str]) -> None:
	"""Tell (without refusing) which of ``bidang`` have no Kepala Bidang who can act yet."""
	masalah = [m for b in sorted(set(bidang)) if (m := kepala_bidang(b).masalah)]
	if masalah:
		frappe.msgprint(
			_("Sebelum kertas kerja didistribusikan (langkah 4), lengkapi dahulu: {0}").format(
				frappe.utils.escape_html(" ".join(masalah))
			),
			title=_("Kepala Bidang belum lengkap"),
			indicator="orange",
		)


def periksa_pejabat_opd(opd) -> None:
	"""An OPD's form: refuse naming an official who could not act; warn about one named earlier who
	no longer can (disabled, or the role taken away)."""
	tempat = _("di {0}").format(_tempat_opd(opd.name or opd.kode))
	ditolak, peringatan = [], []
	for peran, field in PEJABAT.items():
		user = opd.get(field)
		if user and (masalah := _masalah(peran, user, tempat)):
			(ditolak if opd.is_new() or opd.has_value_changed(field) else peringatan).append(masalah)
	_tolak(
		_("Pejabat pelaksana SOP tidak dapat disimpan (OPD belum disimpan):"),
		ditolak,
		_("Pejabat SOP tidak valid"),
	)
	if peringatan:
		frappe.msgprint(
			frappe.utils.escape_html(" ".join(peringatan)),
			title=_("Pejabat SOP perlu diganti"),
			indicator="orange",
		)


def pastikan_kepala_bidang(bidang: Iterable[str], langkah: str) -> None:
	"""Refuse moving on when one of ``bidang`` has no Kepala Bidang who can act: their step
	(``langkah``, e.g. "5") would never complete."""
	_tolak(
		_("Langkah {0} dijalankan oleh Kepala Bidang setiap bidang, tetapi:").format(langkah),
		(kepala_bidang(b).masalah for b in sorted(set(bidang))),
		_("Kepala Bidang belum lengkap"),
	)
