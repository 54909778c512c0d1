"""The Workflows the app ships in ``sakip_evaluasi/workflow/``, as the rules read them.

The SLA engine reads which transitions start and end each SOP step from them, and the e-mail switch
(``extends/surel``) which workflows send Workflow Action e-mails; ``setup/workflow`` installs them.
"""

import json
from pathlib import Path

import frappe

WORKFLOW_DIR = Path(__file__).parent.parent / "workflow"


def definisi_workflow() -> list[dict]:
	return [json.loads(p.read_text()) for p in sorted(WORKFLOW_DIR.glob("*.json"))]


# A workflow whose e-mail the app switched off (``surel``, for want of an outgoing Email Account).
KUNCI_SUREL_DIMATIKAN = "sakip_evaluasi_surel_dimatikan::{0}"


def dimatikan_aplikasi(workflow: str) -> bool:
	"""True when the app (not an administrator) switched this workflow's e-mail off."""
	return bool(frappe.db.get_global(KUNCI_SUREL_DIMATIKAN.format(workflow)))


def definisi_terpasang(doc) -> dict:
	"""An installed workflow as its administrator defined it: the e-mail switch the app turned off
	for want of an outgoing Email Account counts as on."""
	data = doc.as_dict()
	if dimatikan_aplikasi(doc.name):
		data["send_email_alert"] = 1
	return data
