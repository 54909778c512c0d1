// Rekap Capaian Kinerja: per period, per bidang and indicator the target, realisasi, capaian, predikat.
// The capaian is computed on the to-date (s.d. TW) values beside it; a tap on it shows the formula
// with its numbers (the Rumus Capaian column).
frappe.query_reports["Rekap Capaian Kinerja"] = {
	filters: [
		sakip_evaluasi.filter_laporan.tahun(),
		sakip_evaluasi.filter_laporan.triwulan(),
		sakip_evaluasi.filter_laporan.opd(),
		sakip_evaluasi.filter_laporan.bidang(),
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
