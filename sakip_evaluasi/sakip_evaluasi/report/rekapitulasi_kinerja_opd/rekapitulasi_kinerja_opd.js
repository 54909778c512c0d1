// Rekapitulasi Kinerja OPD: per OPD the mean capaian and its predikat and the SOP compliance,
// for a year or a triwulan, with links to each OPD's own reports.
frappe.query_reports["Rekapitulasi Kinerja OPD"] = {
	filters: [
		sakip_evaluasi.filter_laporan.tahun(),
		sakip_evaluasi.filter_laporan.triwulan(__("Triwulan (kosong: setahun)"), { setahun: true }),
	],
	formatter(value, row, column, data, default_formatter) {
		if (column.fieldname === "rincian") return (data && data.rincian) || "";
		return default_formatter(value, row, column, data);
	},
};
