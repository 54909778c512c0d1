"""The clocks of the SLA engine (Langkah Evaluasi records): their names and key, what a clock is
opened with (the holder of its role, the warning share of Pengaturan SAKIP), the clocks of an
evaluation by a locking read and when each step started. ``mesin`` (opening and closing clocks),
``rencana`` (re-planning) and ``penugasan`` build on this module; nothing here imports a DocType
controller."""

from datetime import datetime

import frappe
from frappe.utils import flt, get_datetime

from sakip_evaluasi.domain import sla
from sakip_evaluasi.domain.doctype import EVALUASI, LANGKAH
from sakip_evaluasi.domain.peran import PERAN_SOP
from sakip_evaluasi.domain.sop import LangkahSOP
from sakip_evaluasi.pejabat.pemegang import pemegang_peran

# The columns of a running clock that re-planning reads.
KOLOM_RENCANA = (
	"name",
	"evaluasi",
	"langkah",
	"bidang",
	"mulai",
	"waktu",
	"satuan",
	"ambang_peringatan",
	"batas_waktu",
	"batas_peringatan",
	"status_sla",
	"dokumen_doctype",
	"dokumen",
)


def nama_langkah(evaluasi: str, langkah: int, bidang: str | None = None) -> str:
	"""One clock per (evaluasi, step, bidang): the name is the key, so a step cannot open twice."""
	return f"{evaluasi}-L{int(langkah)}" + (f"-{bidang}" if bidang else "")


def ambang_peringatan() -> float:
	"""The warning share (percent of a step's working time) from Pengaturan SAKIP."""
	nilai = flt(frappe.db.get_single_value("Pengaturan SAKIP", "ambang_peringatan_sla"))
	return nilai if 0 < nilai < 100 else sla.AMBANG_PERINGATAN_BAWAAN


def pengguna_peran(eki, peran: str | None, bidang: str | None) -> str | None:
	"""The user holding ``peran`` in this evaluation (``pejabat.pemegang_peran``); None for a role
	that is not an SOP actor."""
	if not peran or peran not in PERAN_SOP:
		return None
	return pemegang_peran(peran, eki, bidang).user


def jam_evaluasi(evaluasi: str, fields: list[str]) -> list:
	"""The clocks of an evaluation by a locking read: the latest committed rows, not this
	transaction's snapshot (see ``kunci_evaluasi``)."""
	return frappe.db.get_values(
		LANGKAH,
		{"evaluasi": evaluasi},
		fields,
		as_dict=True,
		order_by="langkah asc, bidang asc",
		for_update=True,
	)


def saat_mulai_langkah(eki, pemicu: tuple[LangkahSOP, ...], jam: list) -> dict[int, datetime]:
	"""When each step of ``eki`` that may start now started (``sla.saat_mulai_langkah`` on its clocks)."""
	return sla.saat_mulai_langkah(
		[p.no for p in pemicu],
		[sla.JamLangkah(j.langkah, get_datetime(j.selesai) if j.selesai else None, j.bidang) for j in jam],
		get_datetime(eki.creation),
	)
