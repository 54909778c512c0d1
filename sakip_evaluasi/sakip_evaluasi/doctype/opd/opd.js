// OPD: officials, SOP and calendar, letterhead. The code is fixed once saved (it is part of names).
frappe.ui.form.on("OPD", {
	kode(frm) {
		if (frm.doc.kode) frm.set_value("kode", frm.doc.kode.trim().toUpperCase().replace(/\s+/g, "-"));
	},
});
