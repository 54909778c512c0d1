// Status Laporan Kinerja: every OPD's LKjIP of a year, its stage and lateness, with number cards.
frappe.query_reports["Status Laporan Kinerja"] = {
	filters: [sakip_evaluasi.filter_laporan.tahun()],
};
