// Peringatan Dini Capaian: per bidang and indicator, TW I–IV against the target path and the projected
// year-end capaian with its status (the colour comes from the server with each row).
frappe.query_reports["Peringatan Dini Capaian"] = {
	filters: [
		{
			fieldname: "tahun",
			label: __("Tahun"),
			fieldtype: "Int",
			default: new Date().getFullYear(),
			reqd: 1,
		},
		{
			fieldname: "triwulan",
			label: __("Sampai Triwulan"),
			fieldtype: "Select",
			options: ["I", "II", "III", "IV"],
			default: ["I", "I", "I", "II", "II", "II", "III", "III", "III", "IV", "IV", "IV"][new Date().getMonth()],
			reqd: 1,
		},
		{ fieldname: "opd", label: __("OPD"), fieldtype: "Link", options: "OPD" },
		{
			fieldname: "bidang",
			label: __("Bidang"),
			fieldtype: "Link",
			options: "Bidang",
			get_query: () => {
				const opd = frappe.query_report.get_filter_value("opd");
				return opd ? { filters: { opd } } : {};
			},
		},
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
