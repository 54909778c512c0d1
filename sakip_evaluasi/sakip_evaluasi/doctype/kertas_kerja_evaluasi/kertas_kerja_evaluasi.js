// Kertas Kerja Evaluasi: the workflow rules every SOP output document follows (public/js/alur_kerja.js),
// and the whole agency's work paper (a sheet per bidang) as Excel; once distributed, an uploaded
// workbook is written into each bidang's Data Kinerja Bidang (public/js/kertas_kerja_excel.js,
// kertas_kerja_excel.py).
frappe.ui.form.on("Kertas Kerja Evaluasi", {
	refresh(frm) {
		sakip_evaluasi.alur_kerja.refresh(frm);
		sakip_evaluasi.peringatan_dini.tampilkan(frm);
		const kk = sakip_evaluasi.kertas_kerja;
		kk.tombol(frm, frm.doc.workflow_state === "Didistribusikan" && kk.boleh_ubah(frm));
	},
	before_workflow_action: (frm) => sakip_evaluasi.alur_kerja.before_workflow_action(frm),
});
