// Rekapitulasi Kinerja OPD: per OPD the mean capaian and its predikat and the SOP compliance,
// for a year or a triwulan, with links to each OPD's own reports.
frappe.query_reports["Rekapitulasi Kinerja OPD"] = {
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
			label: __("Triwulan (kosong: setahun)"),
			fieldtype: "Select",
			options: ["", "I", "II", "III", "IV"],
		},
	],
	formatter(value, row, column, data, default_formatter) {
		if (column.fieldname === "rincian") return (data && data.rincian) || "";
		return default_formatter(value, row, column, data);
	},
};
