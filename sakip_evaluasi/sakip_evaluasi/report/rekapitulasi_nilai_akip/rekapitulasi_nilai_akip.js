// Rekapitulasi Nilai AKIP: the year's Nilai AKIP of every OPD, ranked, with last year's and a chart.
frappe.query_reports["Rekapitulasi Nilai AKIP"] = {
	filters: [sakip_evaluasi.filter_laporan.tahun()],
};
