"""REST calls in an integration test: one HTTP request through Frappe's own ``/api`` handler, in
this process and on the test's database connection, so its writes roll back with the test.

What runs is what a real request runs from the route on: ``frappe.api.handle`` (``/api/resource``,
``/api/method``), the whitelisted method or the document controllers, and on an exception
``frappe.app.handle_exception`` — which turns a ValidationError into HTTP 417, a PermissionError
into 403, a DoesNotExistError into 404 and anything unexpected into a 500. Like the real server, a
request that fails undoes its own writes (here: to a savepoint taken before it). Login, CSRF and
the site lookup are left out: the request runs as the given user.
"""

import json
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from io import BytesIO, StringIO
from urllib.parse import quote

import frappe
from frappe.app import handle_exception, make_form_dict
from frappe.utils import CallbackManager
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from sakip_evaluasi.tests.factories import sebagai

_KEADAAN_PERMINTAAN = ("request", "form_dict", "response", "message_log", "is_ajax", "flags")
_TIDAK_ADA = object()


@dataclass
class Jawaban:
	"""The answer to one REST request."""

	status: int
	data: dict = field(default_factory=dict)
	jejak: str = ""  # what the server printed while answering an error (its traceback), for debugging

	@property
	def pesan(self) -> str:
		"""Every message the server sent (``_server_messages``), as one plain text."""
		pesan = []
		for teks in json.loads(self.data.get("_server_messages") or "[]"):
			try:
				isi = json.loads(teks)
			except ValueError:
				isi = teks
			pesan.append(isi.get("message", "") if isinstance(isi, dict) else str(isi))
		return "\n".join(frappe.utils.strip_html(str(p)) for p in pesan)

	@property
	def hasil(self):
		"""What a whitelisted method returned (``message``) or a resource call gave (``data``)."""
		return self.data.get("message", self.data.get("data"))


def sumber(doctype: str, name: str | None = None) -> str:
	"""The REST path of a DocType (``/api/resource/<doctype>``) or of one of its documents."""
	path = f"/api/resource/{quote(doctype)}"
	return f"{path}/{quote(name)}" if name else path


def rest(
	user: str,
	method: str,
	path: str,
	json_data: dict | None = None,
	form: dict | None = None,
	berkas: dict[str, tuple[bytes, str]] | None = None,
) -> Jawaban:
	"""Send one request as ``user``: a JSON body, or a multipart form with ``berkas`` (field →
	(content, file name)) as an upload from the browser sends it."""
	if berkas:
		data = dict(form or {})
		data.update({nama: (BytesIO(isi), nama_file) for nama, (isi, nama_file) in berkas.items()})
		builder = EnvironBuilder(method=method, path=path, data=data, headers={"Accept": "application/json"})
	else:
		builder = EnvironBuilder(
			method=method, path=path, json=json_data, headers={"Accept": "application/json"}
		)
	request = Request(builder.get_environ())
	simpan = {kunci: getattr(frappe.local, kunci, _TIDAK_ADA) for kunci in _KEADAAN_PERMINTAAN}
	titik = "rest_uji"
	frappe.db.savepoint(titik)
	try:
		with sebagai(user):
			frappe.local.request = request
			frappe.local.request.after_response = CallbackManager()
			frappe.local.is_ajax = False
			frappe.local.response = frappe._dict({"docs": []})
			frappe.local.message_log = []
			frappe.local.flags = frappe._dict(simpan["flags"])
			make_form_dict(request)
			jejak = StringIO()
			try:
				respons = frappe.api.handle(request)
			except Exception as e:
				frappe.db.rollback(save_point=titik)
				with redirect_stdout(jejak):  # Frappe prints the traceback of a refused REST call
					respons = handle_exception(e)
		data = json.loads(respons.get_data(as_text=True) or "{}")
		return Jawaban(respons.status_code, data, jejak.getvalue())
	finally:
		for kunci, nilai in simpan.items():
			if nilai is _TIDAK_ADA:
				if hasattr(frappe.local, kunci):
					delattr(frappe.local, kunci)
			else:
				setattr(frappe.local, kunci, nilai)


def aksi_rest(user: str, doctype: str, name: str, action: str) -> Jawaban:
	"""Take a workflow action over REST, as the desk's action menu does (``apply_workflow``)."""
	doc = frappe.as_json(frappe.get_doc(doctype, name).as_dict())
	return rest(
		user, "POST", "/api/method/frappe.model.workflow.apply_workflow", {"doc": doc, "action": action}
	)
