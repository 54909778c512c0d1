// Disposisi: the workflow rules every SOP output document follows (public/js/alur_kerja.js), and the
// addressee forwards an accepted disposisi down the chain (Kadis → Sekretaris → Subkor).
frappe.ui.form.on("Disposisi", {
	setup(frm) {
		// sender and addressee: only users who may act in the evaluation's OPD
		for (const field of ["dari", "kepada"]) {
			frm.set_query(field, () => ({
				query: "sakip_evaluasi.api.opd.cari_pengguna_opd",
				filters: { opd: frm.doc.opd, evaluasi: frm.doc.evaluasi, doctype: frm.doctype, field },
			}));
		}
	},
	refresh(frm) {
		sakip_evaluasi.alur_kerja.refresh(frm);
		if (frm.is_new()) return;
		if (frm.doc.workflow_state === "Diterima" && frm.doc.kepada === frappe.session.user) {
			frm.add_custom_button(__("Teruskan"), () =>
				frappe.new_doc("Disposisi", {
					evaluasi: frm.doc.evaluasi,
					disposisi_induk: frm.doc.name,
					dari: frappe.session.user,
				})
			);
		}
	},
	before_workflow_action: (frm) => sakip_evaluasi.alur_kerja.before_workflow_action(frm),
});
