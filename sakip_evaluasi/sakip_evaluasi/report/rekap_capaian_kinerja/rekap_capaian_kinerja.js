// Rekap Capaian Kinerja: per period, per bidang and indicator the target, realisasi, capaian, predikat.
frappe.query_reports["Rekap Capaian Kinerja"] = {
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
			label: __("Triwulan"),
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
	],
};
