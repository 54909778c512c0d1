// Data Kinerja Bidang: download the bidang's work paper as Excel and upload it filled back.
frappe.ui.form.on("Data Kinerja Bidang", {
	refresh(frm) {
		const kk = window.sakip_kertas_kerja_excel;
		kk.tombol(frm, kk.boleh_ubah(frm));
	},
});
