// Loaded (via doctype_js) with every SOP output document.
// - On a phone the workflow actions sit behind an icon-only button at the top right; tell the
//   user which actions wait for them there.
// - An action that returns the document (next state "Dikembalikan") needs a reason: when the
//   form's Alasan Dikembalikan is empty, ask for it in a dialog, save it, then take the action.
if (!window.sakip_evaluasi_alur_kerja) {
	window.sakip_evaluasi_alur_kerja = true;

	const STATUS_DIKEMBALIKAN = "Dikembalikan";
	const FIELD_ALASAN = "alasan_dikembalikan";

	const minta_alasan_dikembalikan = (frm) => {
		if (!frappe.meta.has_field(frm.doctype, FIELD_ALASAN)) return;
		if ((frm.doc[FIELD_ALASAN] || "").trim()) return;
		return frappe.workflow.get_transitions(frm.doc).then((transitions) => {
			const transisi = (transitions || []).find(
				(t) =>
					t.action === frm.selected_workflow_action && t.next_state === STATUS_DIKEMBALIKAN
			);
			if (!transisi) return;
			// Frappe froze the screen for the action; the dialog needs it. Cancelling leaves the
			// action untaken (the promise never resolves) and the document as it was.
			frappe.dom.unfreeze();
			return new Promise((resolve) => {
				const dialog = new frappe.ui.Dialog({
					title: __("Alasan Dikembalikan"),
					fields: [
						{
							fieldname: "alasan",
							fieldtype: "Small Text",
							label: __("Alasan Dikembalikan"),
							reqd: 1,
							description: __(
								"Tuliskan apa yang harus diperbaiki; alasan ini tersimpan di dokumen dan tampil di linimasanya."
							),
						},
					],
					primary_action_label: __(transisi.action),
					primary_action({ alasan }) {
						if (!(alasan || "").trim()) {
							frappe.msgprint(__("Alasan pengembalian tidak boleh kosong."));
							return;
						}
						dialog.hide();
						frappe.dom.freeze();
						frappe
							.xcall("frappe.client.set_value", {
								doctype: frm.doctype,
								name: frm.doc.name,
								fieldname: FIELD_ALASAN,
								value: alasan.trim(),
							})
							.then(resolve, () => frappe.dom.unfreeze());
					},
				});
				dialog.show();
			});
		});
	};

	[
		"Disposisi",
		"Kertas Kerja Evaluasi",
		"Data Kinerja Bidang",
		"Notulen Rapat",
		"Tindak Lanjut Evaluasi",
	].forEach((doctype) =>
		frappe.ui.form.on(doctype, {
			refresh(frm) {
				if (frm.is_new() || !frappe.is_mobile()) return;
				frappe
					.xcall("frappe.model.workflow.get_transitions", { doc: frm.doc })
					.then((transitions) => {
						const aksi = [...new Set((transitions || []).map((t) => __(t.action)))];
						if (!aksi.length) return;
						frm.set_intro(
							__("Tindakan untuk Anda: {0}. Buka tombol ⇕ di kanan atas untuk menjalankannya.", [
								aksi.join(", "),
							]),
							"blue"
						);
					});
			},
			before_workflow_action: minta_alasan_dikembalikan,
		})
	);
}
