// Peringatan dini beside the indicators, shared by the Data Kinerja Bidang and Kertas Kerja Evaluasi
// forms (loaded with both through doctype_js in hooks.py; their own form scripts call
// sakip_evaluasi.peringatan_dini.tampilkan). The status and its method come from the server
// (capaian_baris.py); this only colours the status and sums it up above the form.
frappe.provide("sakip_evaluasi");
sakip_evaluasi.peringatan_dini ||= (() => {
	const WARNA = {
		Aman: "green",
		"Perlu Perhatian": "orange",
		Kritis: "red",
		"Belum Dapat Diproyeksikan": "gray",
	};
	const esc = (teks) => frappe.utils.escape_html(teks == null ? "" : String(teks));
	const pil = (status) =>
		status ? `<span class="indicator-pill ${WARNA[status] || "gray"}">${esc(__(status))}</span>` : "";
	const api = {
		tampilkan(frm) {
			const grid = frm.fields_dict.baris && frm.fields_dict.baris.grid;
			if (grid) grid.update_docfield_property("status_proyeksi", "formatter", (value) => pil(value));
			const rows = frm.doc.baris || [];
			const daftar = (status) => rows.filter((r) => r.status_proyeksi === status);
			const kritis = daftar("Kritis");
			const perhatian = daftar("Perlu Perhatian");
			if (frm.is_new() || (!kritis.length && !perhatian.length)) return;
			const nama = (rs) => rs.map((r) => esc(r.nama_indikator || r.indikator)).join("; ");
			const bagian = [];
			if (kritis.length) bagian.push(`${pil("Kritis")} ${nama(kritis)}`);
			if (perhatian.length) bagian.push(`${pil("Perlu Perhatian")} ${nama(perhatian)}`);
			const tautan = `/app/query-report/${encodeURIComponent("Peringatan Dini Capaian")}?${new URLSearchParams({
				tahun: frm.doc.tahun,
				triwulan: frm.doc.triwulan,
			})}`;
			frm.dashboard.set_headline_alert(
				`<div>${__("Peringatan dini (proyeksi akhir tahun)")}: ${bagian.join(" · ")}
				<a href="${tautan}">${__("Lihat laporan dan metodenya")}</a></div>`
			);
		},
	};
	return api;
})();
