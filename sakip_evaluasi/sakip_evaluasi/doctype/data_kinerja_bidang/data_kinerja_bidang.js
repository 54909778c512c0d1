// Data Kinerja Bidang: the workflow rules every SOP output document follows (public/js/alur_kerja.js),
// and the bidang's work paper as Excel, downloaded and uploaded filled back
// (public/js/kertas_kerja_excel.js).
frappe.ui.form.on("Data Kinerja Bidang", {
	refresh(frm) {
		sakip_evaluasi.alur_kerja.refresh(frm);
		sakip_evaluasi.peringatan_dini.tampilkan(frm);
		const kk = sakip_evaluasi.kertas_kerja;
		kk.tombol(frm, kk.boleh_ubah(frm));
	},
	before_workflow_action: (frm) => sakip_evaluasi.alur_kerja.before_workflow_action(frm),
});
