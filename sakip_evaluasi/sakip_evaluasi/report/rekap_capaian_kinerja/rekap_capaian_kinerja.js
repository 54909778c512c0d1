// Rekap Capaian Kinerja: per period, per bidang and indicator the target, realisasi, capaian, predikat.
// The capaian is computed on the to-date (s.d. TW) values beside it; a tap on it shows the formula
// with its numbers (the Rumus Capaian column).
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
	formatter(value, row, column, data, default_formatter) {
		const teks = default_formatter(value, row, column, data);
		if (column.fieldname !== "capaian" || !data || !data.rumus) return teks;
		const rumus = frappe.utils.escape_html(data.rumus);
		return `<a class="sakip-rumus" title="${rumus}" data-rumus="${rumus}">${teks}</a>`;
	},
	onload() {
		$(document)
			.off("click.sakip_rumus")
			.on("click.sakip_rumus", ".sakip-rumus", function () {
				frappe.msgprint({
					title: __("Rumus Capaian"),
					message: frappe.utils.escape_html(this.dataset.rumus),
				});
			});
	},
};
