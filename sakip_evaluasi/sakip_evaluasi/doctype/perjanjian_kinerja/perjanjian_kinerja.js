// Perjanjian Kinerja: a PK in force is changed only by a PK Perubahan (a new version with its reason);
// the OPD's PK workbook of the year is downloaded and uploaded from here and from the list.
frappe.ui.form.on("Perjanjian Kinerja", {
	refresh(frm) {
		if (!frm.is_new()) {
			// the OPD's PK workbook of the year (public/js/buku_kerja_pk.js)
			sakip_evaluasi.buku_pk.tombol(
				(label, fn) => frm.add_custom_button(label, fn, __("Buku Kerja PK")),
				() => ({ opd: frm.doc.opd, tahun: frm.doc.tahun }),
				frappe.model.can_create("Perjanjian Kinerja") && sakip_evaluasi.kertas_kerja,
				() => frm.reload_doc()
			);
		}
		if (frm.doc.workflow_state !== "Berlaku" || !frappe.model.can_create("Perjanjian Kinerja")) return;
		frm.add_custom_button(__("Buat PK Perubahan"), () => {
			frappe.prompt(
				[
					{
						fieldname: "alasan",
						fieldtype: "Select",
						label: __("Alasan Perubahan"),
						reqd: 1,
						options: [
							"Pergantian pejabat",
							"Perubahan strategi atau anggaran (APBD Perubahan)",
							"Perubahan prioritas atau asumsi",
						],
					},
					{
						fieldname: "berlaku_mulai",
						fieldtype: "Select",
						label: __("Berlaku Mulai Triwulan"),
						reqd: 1,
						options: ["I", "II", "III", "IV"],
					},
					{ fieldname: "uraian", fieldtype: "Small Text", label: __("Uraian Perubahan") },
				],
				(v) =>
					frappe
						.xcall("sakip_evaluasi.api.perjanjian_kinerja.buat_perubahan", {
							nama: frm.doc.name,
							alasan: v.alasan,
							berlaku_mulai: v.berlaku_mulai,
							uraian: v.uraian,
						})
						.then((nama) => frappe.set_route("Form", "Perjanjian Kinerja", nama)),
				__("PK Perubahan"),
				__("Buat")
			);
		});
	},
});
