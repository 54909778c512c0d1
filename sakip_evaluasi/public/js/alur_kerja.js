// Loaded (via doctype_js) with every SOP output document. On a phone the workflow actions sit
// behind an icon-only button at the top right; tell the user which actions wait for them there.
if (!window.sakip_evaluasi_alur_kerja) {
	window.sakip_evaluasi_alur_kerja = true;
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
		})
	);
}
