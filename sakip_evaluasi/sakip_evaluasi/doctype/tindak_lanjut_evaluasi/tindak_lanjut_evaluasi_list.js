// Tindak Lanjut Evaluasi list: how many recommendations are still open and how old the oldest is.
frappe.listview_settings["Tindak Lanjut Evaluasi"] = {
	add_fields: ["jumlah_belum_tuntas", "rekomendasi_tertua"],
	formatters: {
		rekomendasi_tertua(value) {
			if (!value) return "";
			const hari = frappe.datetime.get_day_diff(frappe.datetime.get_today(), value);
			return __("{0} hari (sejak {1})", [hari, frappe.datetime.str_to_user(value)]);
		},
	},
};
