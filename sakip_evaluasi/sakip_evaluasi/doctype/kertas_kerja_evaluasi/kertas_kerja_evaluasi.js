// Kertas Kerja Evaluasi: the whole agency's work paper (a sheet per bidang) as Excel; once distributed,
// an uploaded workbook is written into each bidang's Data Kinerja Bidang (see kertas_kerja_excel.py).
frappe.ui.form.on("Kertas Kerja Evaluasi", {
	refresh(frm) {
		const kk = window.sakip_kertas_kerja_excel;
		kk.tombol(frm, frm.doc.workflow_state === "Didistribusikan" && kk.boleh_ubah(frm));
	},
});
