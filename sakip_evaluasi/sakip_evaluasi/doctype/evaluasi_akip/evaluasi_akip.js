// Evaluasi AKIP: the workflow rules every SOP output document follows (public/js/alur_kerja.js); the
// OPD links the evidence the app holds; everyone sees where the Inspektorat differs and the stage's clock.
frappe.ui.form.on("Evaluasi AKIP", {
	before_workflow_action: (frm) => sakip_evaluasi.alur_kerja.before_workflow_action(frm),
	refresh(frm) {
		sakip_evaluasi.alur_kerja.refresh(frm);
		if (frm.is_new()) return;
		if (["Penilaian Mandiri", "Dikembalikan"].includes(frm.doc.workflow_state) && frm.perm[0]?.write) {
			frm.add_custom_button(__("Tautkan Bukti Aplikasi"), () =>
				frappe
					.call({ method: "sakip_evaluasi.api.akip.tautkan_bukti", args: { evaluasi: frm.doc.name } })
					.then((r) => {
						frappe.show_alert(__("{0} bukti ditautkan", [r.message.ditambahkan]));
						frm.reload_doc();
					})
			);
		}
		if (frm.doc.jumlah_berbeda) {
			frm.dashboard.set_headline(
				__("{0} kriteria dijawab berbeda oleh Inspektorat (lihat kolom Berbeda).", [frm.doc.jumlah_berbeda])
			);
		}
		if (frm.doc.batas_waktu_tahap) {
			frm.dashboard.add_comment(
				__("Batas waktu tahap {0}: {1}", [frm.doc.workflow_state, frappe.datetime.str_to_user(frm.doc.batas_waktu_tahap)]),
				"blue",
				true
			);
		}
	},
});
