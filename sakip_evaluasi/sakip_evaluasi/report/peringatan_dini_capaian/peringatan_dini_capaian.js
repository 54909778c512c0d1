// Peringatan Dini Capaian: per bidang and indicator, TW I–IV against the target path and the projected
// year-end capaian with its status (the colour comes from the server with each row).
frappe.query_reports["Peringatan Dini Capaian"] = {
	filters: [
		sakip_evaluasi.filter_laporan.tahun(),
		sakip_evaluasi.filter_laporan.triwulan(__("Sampai Triwulan")),
		sakip_evaluasi.filter_laporan.opd(),
		sakip_evaluasi.filter_laporan.bidang(),
		{ fieldname: "indikator", label: __("Indikator"), fieldtype: "Link", options: "Indikator Kinerja" },
		{
			fieldname: "status",
			label: __("Peringatan Dini"),
			fieldtype: "Select",
			options: ["", "Kritis", "Perlu Perhatian", "Aman", "Belum Dapat Diproyeksikan"],
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "status" && data && data.warna) {
			value = `<span class="indicator-pill ${data.warna} filterable">${value}</span>`;
		}
		return value;
	},
};
