// Tindak Lanjut Evaluasi: the workflow rules every SOP output document follows (public/js/alur_kerja.js).
frappe.ui.form.on("Tindak Lanjut Evaluasi", {
	refresh: (frm) => {
		sakip_evaluasi.alur_kerja.refresh(frm);
		sakip_evaluasi.tte.refresh(frm);
	},
	before_workflow_action: (frm) => sakip_evaluasi.alur_kerja.before_workflow_action(frm),
});
