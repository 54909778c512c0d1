// Notulen Rapat: the workflow rules every SOP output document follows (public/js/alur_kerja.js), and
// the draft rekomendasi of the indicators projected Kritis brought (back) into the table while the
// meeting may still change it (sakip_evaluasi.api.peringatan.draf_rekomendasi).
frappe.ui.form.on("Notulen Rapat", {
	setup(frm) {
		// chair, minute-taker and participants: only users who may act in the meeting's OPD (a guest
		// from another agency is a row with Nama and Instansi, without a user)
		const cari = (field) => () => ({
			query: "sakip_evaluasi.api.opd.cari_pengguna_opd",
			filters: { opd: frm.doc.opd, evaluasi: frm.doc.evaluasi, doctype: frm.doctype, field },
		});
		for (const field of ["pimpinan_rapat", "notulis"]) frm.set_query(field, cari(field));
		frm.set_query("peserta", "peserta", cari("peserta.peserta"));
	},
	refresh(frm) {
		sakip_evaluasi.alur_kerja.refresh(frm);
		sakip_evaluasi.tte.refresh(frm);
		if (frm.is_new() || frm.doc.workflow_state === "Disahkan" || !frm.has_perm("write")) return;
		if (frappe.workflow.is_read_only(frm.doctype, frm.docname)) return;
		frm.add_custom_button(__("Tambahkan Draf Peringatan Dini"), () =>
			frappe
				.xcall("sakip_evaluasi.api.peringatan.draf_rekomendasi", { notulen: frm.doc.name })
				.then((draf) => {
					if (!draf.length) {
						frappe.show_alert({
							message: __("Tidak ada indikator Kritis yang belum ada di tabel Rekomendasi."),
							indicator: "blue",
						});
						return;
					}
					draf.forEach((d) => frm.add_child("rekomendasi", d));
					frm.refresh_field("rekomendasi");
					frm.dirty();
					frappe.show_alert({
						message: __("{0} draf rekomendasi ditambahkan. Periksa, ubah bila perlu, lalu simpan.", [
							draf.length,
						]),
						indicator: "orange",
					});
				})
		);
	},
	before_workflow_action: (frm) => sakip_evaluasi.alur_kerja.before_workflow_action(frm),
});
