// Evaluasi AKIP: the workflow rules every SOP output document follows (public/js/alur_kerja.js); the
// OPD links the evidence the app holds; everyone sees where the Inspektorat differs and the stage's clock.
// The LKE workbook (download, upload back), the LHE once final, the evidence folders (a background job).
const akip_berkas = {
	tombol(frm) {
		const grup = __("LKE dan LHE");
		const buka = (method) =>
			window.open(frappe.urllib.get_full_url(`/api/method/sakip_evaluasi.api.akip.${method}?evaluasi=${encodeURIComponent(frm.doc.name)}`));
		const isi = ["Penilaian Mandiri", "Dikembalikan", "Diajukan", "Direviu", "Disetujui"].includes(frm.doc.workflow_state);
		if (isi) {
			frm.add_custom_button(__("Unduh LKE (Excel)"), () => buka("unduh_lke"), grup);
			if (frm.perm[0]?.write) frm.add_custom_button(__("Unggah LKE"), () => akip_berkas.unggah(frm), grup);
		}
		if (frm.doc.workflow_state === "Final") {
			frm.add_custom_button(__("Cetak LHE (PDF)"), () => buka("unduh_lhe"), grup);
		}
		frm.add_custom_button(
			__("Susun Folder Bukti (ZIP)"),
			() =>
				frappe
					.call({ method: "sakip_evaluasi.api.akip.buat_folder_bukti", args: { evaluasi: frm.doc.name } })
					.then(() => frappe.show_alert(__("Folder bukti sedang disusun; Anda diberi tahu bila sudah siap."))),
			grup
		);
	},
	unggah(frm) {
		new frappe.ui.FileUploader({
			doctype: frm.doctype,
			docname: frm.docname,
			restrictions: { allowed_file_types: [".xlsx"] },
			on_success: (berkas) =>
				frappe
					.call({
						method: "sakip_evaluasi.api.akip.impor_lke",
						args: { evaluasi: frm.doc.name, file_url: berkas.file_url },
						freeze: true,
					})
					.then((r) => akip_berkas.hasil(frm, r.message)),
		});
	},
	hasil(frm, h) {
		const esc = frappe.utils.escape_html;
		const baris = h.kesalahan.map(
			(k) => `<li>${esc([k.lembar, k.baris && k.kolom ? `${k.kolom}${k.baris}` : ""].filter(Boolean).join(" "))} ${esc(k.pesan)}</li>`
		);
		frappe.msgprint({
			title: h.berhasil ? __("LKE diimpor") : __("LKE ditolak"),
			indicator: h.berhasil ? "green" : "red",
			message: `<p>${esc(h.pesan)}</p>${baris.length ? `<ul>${baris.join("")}</ul>` : ""}`,
		});
		if (h.berhasil && h.dokumen.length) frm.reload_doc();
	},
};

frappe.ui.form.on("Evaluasi AKIP", {
	before_workflow_action: (frm) => sakip_evaluasi.alur_kerja.before_workflow_action(frm),
	refresh(frm) {
		sakip_evaluasi.alur_kerja.refresh(frm);
		if (frm.is_new()) return;
		akip_berkas.tombol(frm);
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
