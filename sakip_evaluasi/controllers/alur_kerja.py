"""Base classes of the app's workflow documents and their rows (as frappe/hrms keeps its
``hrms/controllers``): the lifecycle calls the rules of ``sakip_evaluasi.aturan.alur_kerja`` and the SLA
engine, so the engine never needs ``hooks.py`` ``doc_events`` for the app's own DocTypes, and imports
run one way: controllers → engine → rules.
"""

import frappe
from frappe import _
from frappe.model.document import Document

from sakip_evaluasi.aturan.alur_kerja import (
	DIKEMBALIKAN,
	FIELD_ALASAN,
	TabelSistem,
	catat_pengembalian,
	pastikan_alasan_dikembalikan,
	pastikan_boleh_mengubah,
	pastikan_melalui_dokumen,
	status_berubah,
	status_lama,
)
from sakip_evaluasi.domain.penamaan import nama_dokumen_bidang
from sakip_evaluasi.extends.berkas import pastikan_lampiran_sah
from sakip_evaluasi.extends.perubahan_nilai import tidak_berubah
from sakip_evaluasi.pejabat.opd import periksa_penerima
from sakip_evaluasi.pejabat.penunjukan import (
	catat_tindakan_pelaksana,
	pastikan_penunjukan_berlaku,
	peran_transisi,
)
from sakip_evaluasi.sla import mesin


class DokumenAlurKerja(Document):
	"""Base of the SOP output documents that run through a Workflow.

	Subclasses implement ``validasi_isi`` (always) and ``validasi_masuk_status(state)`` (checks
	that must hold for the document to enter ``state``), and ``setelah_masuk_status(state)`` for
	what entering a state sets in motion (e.g. distributing the work paper). ``TABEL_SISTEM``
	names the child tables whose rows only the app creates, removes and orders.
	"""

	TABEL_SISTEM: dict[str, TabelSistem] = {}
	# The mark ``alur_kerja.dokumen_alur_kerja_sop`` asks for: the form's edit rule and the SLA
	# engine (which times only steps whose output DocType carries it) recognise the class by it.
	ALUR_KERJA_SOP = True

	def validate(self) -> None:
		pastikan_boleh_mengubah(self)
		pastikan_alasan_dikembalikan(self)
		pastikan_lampiran_sah(self)
		# the people it names (and so tells) may act in its OPD
		periksa_penerima(self)
		self.validasi_isi()
		if status_berubah(self):
			# an acting official (Plt/Plh) acts only while their appointment runs
			pastikan_penunjukan_berlaku(
				self, peran_transisi(self.doctype, status_lama(self), self.workflow_state)
			)
			self.validasi_masuk_status(self.workflow_state)

	def before_save(self) -> None:
		if not status_berubah(self) or not self.meta.has_field(FIELD_ALASAN):
			return
		if self.workflow_state == DIKEMBALIKAN:
			catat_pengembalian(self)
		else:
			# A reason belongs to one return: the next state starts without one (a reason written
			# and then not used for a return is not kept either).
			self.set(FIELD_ALASAN, None)

	def on_update(self) -> None:
		if status_berubah(self):
			if self.workflow_state == DIKEMBALIKAN:
				self.add_comment("Comment", _("Dikembalikan: {0}").format(self.alasan_dikembalikan))
			catat_tindakan_pelaksana(self, status_lama(self))
			self.setelah_masuk_status(self.workflow_state)
		# The SLA engine closes and opens the step clocks this save moves (never blocks the save).
		mesin.dokumen_berubah(self)

	def run_notifications(self, method: str) -> None:
		# A save that moves no state: the handover Notifications (on workflow_state) would each be
		# loaded and evaluated only to find nothing changed; mark them done for this save instead.
		if method == "on_change" and self.flags.notifications_executed is not None:
			self.flags.notifications_executed.extend(tidak_berubah(self))
		super().run_notifications(method)

	def validasi_isi(self) -> None:
		pass

	def validasi_masuk_status(self, state: str) -> None:
		pass

	def setelah_masuk_status(self, state: str) -> None:
		pass


class DokumenPerBidang(DokumenAlurKerja):
	"""Base of the documents an evaluation has one of per bidang (Data Kinerja Bidang, Tindak Lanjut
	Evaluasi): named ``<AWALAN>-<evaluasi>-<kode bidang>``; their rows (``baris``) come from the
	document before them, so only the app adds, removes or orders them."""

	AWALAN = ""
	TABEL_SISTEM = {"baris": TabelSistem()}

	def autoname(self) -> None:
		kode = frappe.db.get_value("Bidang", self.bidang, "kode")
		self.name = nama_dokumen_bidang(self.AWALAN, self.evaluasi, kode)


class BarisAlurKerja(Document):
	"""Base of the rows of the SOP documents: a row is written through its document, whose save
	checks what the user may change. A row saved, inserted or deleted on its own (``PUT`` or
	``DELETE /api/resource/<row DocType>/<name>``, ``frappe.client.save`` of a row) is refused."""

	def validate(self) -> None:
		pastikan_melalui_dokumen(self)

	def on_trash(self) -> None:
		pastikan_melalui_dokumen(self)
