"""Shipped workflows: installed by code, kept when an administrator edits them, updated when not."""

import copy

import frappe

from sakip_evaluasi.aturan.workflow import definisi_terpasang, definisi_workflow
from sakip_evaluasi.setup.install import after_migrate
from sakip_evaluasi.setup.workflow import pasang_workflow, sidik_jari
from sakip_evaluasi.tests.factories import SakipTestCase

DOCTYPES = {
	"Disposisi",
	"Kertas Kerja Evaluasi",
	"Data Kinerja Bidang",
	"Notulen Rapat",
	"Tindak Lanjut Evaluasi",
}


def shipped(name: str) -> dict:
	return copy.deepcopy(next(d for d in definisi_workflow() if d["name"] == name))


class TestWorkflowSync(SakipTestCase):
	def test_every_output_document_has_an_active_workflow_with_a_real_state_field(self):
		for doctype in DOCTYPES:
			name = frappe.db.get_value("Workflow", {"document_type": doctype, "is_active": 1})
			self.assertTrue(name, doctype)
			field = frappe.get_meta(doctype).get_field("workflow_state")
			self.assertFalse(field.get("is_custom_field"), doctype)
			self.assertFalse(
				frappe.db.exists("Custom Field", {"dt": doctype, "fieldname": "workflow_state"}), doctype
			)

	def test_installed_workflow_matches_the_shipped_definition(self):
		for data in definisi_workflow():
			terpasang = definisi_terpasang(frappe.get_doc("Workflow", data["name"]))
			self.assertEqual(sidik_jari(terpasang), sidik_jari(data))

	def test_an_administrators_edit_survives_migrate(self):
		wf = frappe.get_doc("Workflow", "Alur Data Kinerja Bidang")
		wf.append(
			"transitions",
			{
				"state": "Diterima",
				"action": "Kembalikan",
				"next_state": "Dikembalikan",
				"allowed": "Sekretaris",
			},
		)
		wf.save()
		after_migrate()
		transitions = [(t.state, t.action) for t in frappe.get_doc("Workflow", wf.name).transitions]
		self.assertIn(("Diterima", "Kembalikan"), transitions)

	def test_an_untouched_workflow_follows_a_new_app_version(self):
		data = shipped("Alur Notulen Rapat")
		data["transitions"].append(
			{
				"state": "Disahkan",
				"action": "Kembalikan",
				"next_state": "Dikembalikan",
				"allowed": "Kepala Dinas",
			}
		)
		self.assertEqual(pasang_workflow(data), "diperbarui")
		transitions = [(t.state, t.action) for t in frappe.get_doc("Workflow", data["name"]).transitions]
		self.assertIn(("Disahkan", "Kembalikan"), transitions)

	def test_an_edited_workflow_is_not_overwritten_by_a_new_app_version(self):
		wf = frappe.get_doc("Workflow", "Alur Disposisi")
		wf.states[0].message = "Diubah administrator"
		wf.save()
		data = shipped("Alur Disposisi")
		data["transitions"] = data["transitions"][:-1]
		self.assertEqual(pasang_workflow(data), "diubah administrator, dibiarkan")
		wf.reload()
		self.assertEqual(wf.states[0].message, "Diubah administrator")
		self.assertEqual(len(wf.transitions), len(shipped("Alur Disposisi")["transitions"]))
