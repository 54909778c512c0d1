// The filters the reports share (Tahun, Triwulan, OPD, Bidang): a bundle served on every desk page
// (hooks.app_include_js, built by `bench build`), so a report script takes them from here. Each is a
// function, so a report gets its own copy: `filters: [f.tahun(), f.triwulan(), f.opd(), f.bidang()]`.
frappe.provide("sakip_evaluasi");

sakip_evaluasi.filter_laporan ||= (() => {
	const TRIWULAN = ["I", "II", "III", "IV"];
	// The triwulan of today's month: I for January-March, ..., IV for October-December.
	const triwulan_kini = () => TRIWULAN[Math.floor(new Date().getMonth() / 3)];

	return {
		tahun: () => ({
			fieldname: "tahun",
			label: __("Tahun"),
			fieldtype: "Int",
			default: new Date().getFullYear(),
			reqd: 1,
		}),
		// Required and starting at today's triwulan; with `setahun` it may be left empty (the year).
		triwulan: (label = __("Triwulan"), { setahun = false } = {}) =>
			setahun
				? { fieldname: "triwulan", label, fieldtype: "Select", options: ["", ...TRIWULAN] }
				: {
						fieldname: "triwulan",
						label,
						fieldtype: "Select",
						options: [...TRIWULAN],
						default: triwulan_kini(),
						reqd: 1,
				  },
		opd: () => ({ fieldname: "opd", label: __("OPD"), fieldtype: "Link", options: "OPD" }),
		// A bidang of the OPD chosen in the OPD filter (any bidang the user may read when none is).
		bidang: () => ({
			fieldname: "bidang",
			label: __("Bidang"),
			fieldtype: "Link",
			options: "Bidang",
			get_query: () => {
				const opd = frappe.query_report.get_filter_value("opd");
				return opd ? { filters: { opd } } : {};
			},
		}),
	};
})();
