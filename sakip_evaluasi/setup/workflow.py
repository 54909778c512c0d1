"""Install and update the Workflows shipped in ``sakip_evaluasi/workflow/``.

Workflows are not module-synced and fixtures are deleted and re-inserted on every migrate, so
they are installed here, on install and after every migrate:

- a workflow that does not exist is created;
- a workflow the administrator never touched (its content still hashes to what this code
  installed last time) is updated to the shipped definition when a new app version changes it;
- a workflow the administrator changed in the Workflow editor is left alone.

*Send Email Alert* switched off by the app on a site without outgoing e-mail (``surel``) is not an
administrator's change: the fingerprint counts it as on (``definisi_terpasang``).

The hash of the installed content is kept per workflow in ``__global`` defaults.
"""

import hashlib
import json

import frappe

from sakip_evaluasi.aturan.workflow import definisi_terpasang, definisi_workflow

STATE_KEYS = (
	"state",
	"doc_status",
	"allow_edit",
	"update_field",
	"update_value",
	"is_optional_state",
	"message",
)
TRANSITION_KEYS = ("state", "action", "next_state", "allowed", "allow_self_approval", "condition")
WORKFLOW_KEYS = ("document_type", "is_active", "send_email_alert", "workflow_state_field", "override_status")


def sinkronkan_workflow() -> dict[str, str]:
	"""Install or update every shipped workflow; returns what happened to each."""
	return {data["name"]: pasang_workflow(data) for data in definisi_workflow()}


def pasang_workflow(data: dict) -> str:
	_buat_state_dan_aksi(data)
	name = data["name"]
	shipped = sidik_jari(data)
	if not frappe.db.exists("Workflow", name):
		_simpan(frappe.new_doc("Workflow"), data)
		return "dipasang"
	doc = frappe.get_doc("Workflow", name)
	current = sidik_jari(definisi_terpasang(doc))
	if current == shipped:
		_catat_sidik_jari(name, shipped)
		return "sama"
	if current != frappe.db.get_global(_kunci(name)):
		return "diubah administrator, dibiarkan"
	_simpan(doc, data)
	return "diperbarui"


def hapus_workflow() -> None:
	"""On uninstall: remove the shipped workflows and their recorded fingerprints."""
	for data in definisi_workflow():
		if frappe.db.exists("Workflow", data["name"]):
			frappe.delete_doc("Workflow", data["name"], ignore_permissions=True, force=True)
		frappe.db.set_global(_kunci(data["name"]), None)


def sidik_jari(data: dict) -> str:
	"""A hash of the parts of a workflow that define its behaviour."""

	def norm(value):
		return "" if value is None else str(value)

	canonical = {
		"workflow": [norm(data.get(k)) for k in WORKFLOW_KEYS],
		"states": [[norm(s.get(k)) for k in STATE_KEYS] for s in data.get("states", [])],
		"transitions": [[norm(t.get(k)) for k in TRANSITION_KEYS] for t in data.get("transitions", [])],
	}
	return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()


def _simpan(doc, data: dict) -> None:
	doc.update({k: data.get(k) for k in ("workflow_name", *WORKFLOW_KEYS)})
	doc.set("states", [{k: s.get(k) for k in STATE_KEYS} for s in data["states"]])
	doc.set("transitions", [{k: t.get(k) for k in TRANSITION_KEYS} for t in data["transitions"]])
	doc.flags.ignore_permissions = True
	doc.save() if not doc.is_new() else doc.insert()
	_catat_sidik_jari(doc.name, sidik_jari(doc.as_dict()))


def _catat_sidik_jari(name: str, value: str) -> None:
	frappe.db.set_global(_kunci(name), value)


def _kunci(name: str) -> str:
	return f"sakip_evaluasi_workflow::{name}"


def _buat_state_dan_aksi(data: dict) -> None:
	for state in data["states"]:
		if not frappe.db.exists("Workflow State", state["state"]):
			frappe.get_doc(
				{
					"doctype": "Workflow State",
					"workflow_state_name": state["state"],
					"style": state.get("style", ""),
				}
			).insert(ignore_permissions=True)
	for action in {t["action"] for t in data["transitions"]}:
		if not frappe.db.exists("Workflow Action Master", action):
			frappe.get_doc({"doctype": "Workflow Action Master", "workflow_action_name": action}).insert(
				ignore_permissions=True
			)
