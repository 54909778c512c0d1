// Tindak Lanjut Evaluasi list: how many recommendations are still open and how old the oldest is
// (its first date is kept when it is carried into the next triwulan).
frappe.listview_settings["Tindak Lanjut Evaluasi"] = {
	add_fields: ["jumlah_belum_tuntas", "rekomendasi_tertua"],
	formatters: {
		rekomendasi_tertua(value, df, doc) {
			const terbuka = cint(doc.jumlah_belum_tuntas);
			if (!terbuka) return __("Semua tuntas");
			if (!value) return __("{0} terbuka", [terbuka]);
			const hari = frappe.datetime.get_day_diff(frappe.datetime.get_today(), value);
			return __("{0} terbuka · {1} hari", [terbuka, hari]);
		},
	},
};
