// Kepatuhan SOP: share of SOP steps finished on time, median and worst lateness in working hours.
frappe.query_reports["Kepatuhan SOP"] = {
	filters: [
		{
			fieldname: "kelompok",
			label: __("Kelompokkan per"),
			fieldtype: "Select",
			options: ["Triwulan", "Langkah", "Bidang", "Triwulan dan Langkah", "OPD"],
			default: "Langkah",
			reqd: 1,
		},
		{ fieldname: "opd", label: __("OPD"), fieldtype: "Link", options: "OPD" },
		{ fieldname: "tahun", label: __("Tahun"), fieldtype: "Int" },
		{ fieldname: "triwulan", label: __("Triwulan"), fieldtype: "Select", options: ["", "I", "II", "III", "IV"] },
		{ fieldname: "langkah", label: __("Langkah"), fieldtype: "Int" },
		{ fieldname: "bidang", label: __("Bidang"), fieldtype: "Link", options: "Bidang" },
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "persen_tepat_waktu" && data && data.persen_tepat_waktu != null) {
			const warna = data.persen_tepat_waktu >= 90 ? "green" : data.persen_tepat_waktu >= 75 ? "orange" : "red";
			value = `<span style="color: var(--${warna}-600)">${value}</span>`;
		}
		return value;
	},
};
