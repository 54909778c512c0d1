// Pengaturan SAKIP: while the site cannot send e-mail, say so where an administrator looks
// (sakip_evaluasi/surel.py: Workflow Action e-mails are off, the bell still works).
frappe.ui.form.on("Pengaturan SAKIP", {
	refresh(frm) {
		const onload = frm.doc.__onload || {};
		frm.set_intro(false);
		if (onload.pesan_surel) {
			frm.set_intro(frappe.utils.escape_html(onload.pesan_surel), "orange");
		}
	},
});
