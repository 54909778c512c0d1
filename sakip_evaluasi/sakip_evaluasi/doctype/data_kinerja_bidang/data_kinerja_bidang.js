// Data Kinerja Bidang: the workflow rules every SOP output document follows (public/js/alur_kerja.js),
// and the bidang's work paper as Excel, downloaded and uploaded filled back
// (public/js/kertas_kerja_excel.js). On a phone a big button leads to the same document as cards
// (the Isian Kinerja page), where it is filled, read and approved without the grid.
frappe.ui.form.on("Data Kinerja Bidang", {
	refresh(frm) {
		sakip_evaluasi.alur_kerja.refresh(frm);
		sakip_evaluasi.peringatan_dini.tampilkan(frm);
		const kk = sakip_evaluasi.kertas_kerja;
		kk.tombol(frm, kk.boleh_ubah(frm));
		sakip_evaluasi_ke_ponsel(frm);
	},
	before_workflow_action: (frm) => sakip_evaluasi.alur_kerja.before_workflow_action(frm),
});

function sakip_evaluasi_ke_ponsel(frm) {
	$(frm.layout.wrapper).find(".sakip-ke-ponsel").remove();
	if (frm.is_new() || !window.matchMedia("(max-width: 767px)").matches) return;
	const url = `/app/isian-kinerja?${new URLSearchParams({ dokumen: frm.doc.name })}`;
	$(`<div class="sakip-ke-ponsel" style="margin: var(--margin-sm) 0 var(--margin-md)">
		<a class="btn btn-primary btn-lg btn-block" style="min-height: 48px" href="${url}">${__(
		"Isi / periksa di ponsel"
	)}</a></div>`).prependTo(frm.layout.wrapper);
}
