// Perjanjian Kinerja list: the OPD's PK workbook (public/js/buku_kerja_pk.js) for the year.
frappe.listview_settings["Perjanjian Kinerja"] = {
	onload(listview) {
		sakip_evaluasi.buku_pk.tombol(
			(label, fn) => listview.page.add_inner_button(label, fn, __("Buku Kerja PK")),
			() => sakip_evaluasi.buku_pk.awal_bawaan(),
			frappe.model.can_create("Perjanjian Kinerja") && sakip_evaluasi.kertas_kerja,
			() => listview.refresh()
		);
	},
};
