// Peringatan dini beside the indicators, shared by the Data Kinerja Bidang and Kertas Kerja Evaluasi
// forms (loaded with both through doctype_js in hooks.py; their own form scripts call
// sakip_evaluasi.peringatan_dini.tampilkan). The status and its method come from the server
// (capaian_baris.py); this only colours the status and names the indicators at risk above the grid.
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
			const wrapper = frm.fields_dict.baris && frm.fields_dict.baris.$wrapper;
			if (!wrapper) return;
			// Above the grid, so a phone user sees it without scrolling the grid sideways.
			wrapper.find(".peringatan-dini-ringkasan").remove();
			const rows = frm.doc.baris || [];
			const daftar = (status) => rows.filter((r) => r.status_proyeksi === status);
			const kritis = daftar("Kritis");
			const perhatian = daftar("Perlu Perhatian");
			if (frm.is_new() || (!kritis.length && !perhatian.length)) return;
			const nama = (rs) => rs.map((r) => esc(r.nama_indikator || r.indikator)).join("; ");
			const bagian = [];
			if (kritis.length) bagian.push(`<div>${pil("Kritis")} ${nama(kritis)}</div>`);
			if (perhatian.length) bagian.push(`<div>${pil("Perlu Perhatian")} ${nama(perhatian)}</div>`);
			const tautan = `/app/query-report/${encodeURIComponent("Peringatan Dini Capaian")}?${new URLSearchParams({
				tahun: frm.doc.tahun,
				triwulan: frm.doc.triwulan,
			})}`;
			$(`<div class="peringatan-dini-ringkasan alert ${kritis.length ? "alert-danger" : "alert-warning"}"
				style="margin-bottom: var(--margin-sm)">
				<div><b>${__("Peringatan dini (proyeksi capaian akhir tahun)")}</b></div>
				${bagian.join("")}
				<div class="small">${__("Metode proyeksi tertulis di setiap baris (buka baris).")}
				<a href="${tautan}">${__("Lihat laporan Peringatan Dini Capaian")}</a></div>
			</div>`).prependTo(wrapper);
		},
	};
	return api;
})();
