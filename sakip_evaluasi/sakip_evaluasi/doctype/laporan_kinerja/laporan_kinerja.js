// Laporan Kinerja (LKjIP): draft or regenerate its tables, Word out and back in, PDF and the e-SAKIP ZIP.
frappe.ui.form.on("Laporan Kinerja", {
	refresh(frm) {
		// Rows come from the data (Bab III) or the fixed reviu checklist: none added or removed by hand.
		for (const tabel of ["capaian", "anggaran", "butir_reviu"]) {
			const grid = frm.fields_dict[tabel]?.grid;
			if (!grid) continue;
			grid.df.cannot_add_rows = true;
			grid.df.cannot_delete_rows = true;
			grid.refresh();
		}
		if (frm.is_new()) return;
		const api = "sakip_evaluasi.api.laporan_kinerja.";
		const unduh = (fungsi) =>
			window.open(`/api/method/${api}${fungsi}?nama=${encodeURIComponent(frm.doc.name)}`);
		if (["Draft", "Dikembalikan", "Perbaikan Reviu"].includes(frm.doc.workflow_state)) {
			frm.add_custom_button(__("Hitung Ulang Tabel"), () =>
				frappe
					.call(api + "susun", { opd: frm.doc.opd, tahun: frm.doc.tahun })
					.then(() => frm.reload_doc())
			);
			frm.add_custom_button(
				__("Unggah Word"),
				() =>
					new frappe.ui.FileUploader({
						allow_multiple: false,
						restrictions: { allowed_file_types: [".docx"] },
						on_success: (berkas) =>
							frappe
								.call(api + "unggah_word", { nama: frm.doc.name, file_url: berkas.file_url })
								.then(() => frm.reload_doc()),
					}),
				__("Berkas")
			);
		}
		frm.add_custom_button(__("Unduh Word"), () => unduh("unduh_word"), __("Berkas"));
		frm.add_custom_button(__("Unduh PDF"), () => unduh("unduh_pdf"), __("Berkas"));
		frm.add_custom_button(__("ZIP e-SAKIP"), () => unduh("unduh_zip"), __("Berkas"));
	},
	before_workflow_action(frm) {
		if (frm.selected_workflow_action !== "Kembalikan") return;
		return new Promise((resolve, reject) => {
			frappe.prompt(
				{ fieldname: "alasan", fieldtype: "Small Text", label: __("Alasan Dikembalikan"), reqd: 1 },
				({ alasan }) => {
					frm.set_value("alasan_dikembalikan", alasan);
					frm.save().then(resolve, reject);
				},
				__("Kembalikan"),
				__("Kembalikan")
			);
		});
	},
});
