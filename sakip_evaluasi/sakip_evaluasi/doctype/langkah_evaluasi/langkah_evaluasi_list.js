// Langkah Evaluasi list: the indicator is derived from the clock when the list is shown, so a step
// that passed its deadline since the last scheduled check already shows as late.
frappe.listview_settings["Langkah Evaluasi"] = {
	add_fields: ["status_sla", "mulai", "batas_peringatan", "batas_waktu", "selesai"],
	get_indicator(doc) {
		const sekarang = frappe.datetime.system_datetime();
		let status = doc.status_sla;
		if (doc.selesai) {
			status = doc.selesai <= doc.batas_waktu ? "Selesai Tepat Waktu" : "Selesai Terlambat";
		} else if (doc.batas_waktu && sekarang > doc.batas_waktu) {
			status = "Terlambat";
		} else if (doc.batas_peringatan && sekarang >= doc.batas_peringatan) {
			status = "Hampir Jatuh Tempo";
		} else {
			status = "Berjalan";
		}
		const warna = {
			Berjalan: "blue",
			"Hampir Jatuh Tempo": "orange",
			Terlambat: "red",
			"Selesai Tepat Waktu": "green",
			"Selesai Terlambat": "gray",
		}[status];
		return [__(status), warna, `status_sla,=,${status}`];
	},
};
