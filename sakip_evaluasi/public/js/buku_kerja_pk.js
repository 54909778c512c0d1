// The PK workbook (Buku Kerja PK) of an OPD and year: download it, upload it filled back. Served with
// the Perjanjian Kinerja form and list (doctype_js, doctype_list_js in hooks.py) beside the work
// paper's upload dialog (public/js/kertas_kerja_excel.js), whose posting and result table it uses.
frappe.provide("sakip_evaluasi");
sakip_evaluasi.buku_pk ||= (() => {
	const UNDUH = "sakip_evaluasi.api.perjanjian_kinerja.unduh_buku_kerja";
	const UNGGAH = "sakip_evaluasi.api.perjanjian_kinerja.unggah_buku_kerja";
	const JENIS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	const esc = (teks) => frappe.utils.escape_html(teks == null ? "" : String(teks));
	const bidang_isian = (awal) => [
		{ fieldtype: "Link", fieldname: "opd", label: __("OPD"), options: "OPD", reqd: 1, default: awal.opd },
		{ fieldtype: "Int", fieldname: "tahun", label: __("Tahun"), reqd: 1, default: awal.tahun },
	];
	const api = {
		// ``tambah(label, fn)`` adds a button; ``awal()`` gives the OPD and year to start from;
		// ``pengunggah`` posts the file and shows the result (sakip_evaluasi.kertas_kerja, served beside).
		tombol(tambah, awal, pengunggah) {
			tambah(__("Unduh Buku Kerja PK"), () => api.pilih_unduh(awal()));
			if (pengunggah) tambah(__("Unggah Buku Kerja PK"), () => api.dialog(awal(), pengunggah));
		},
		awal_bawaan() {
			return {
				opd: frappe.defaults.get_user_default("OPD") || "",
				tahun: new Date().getFullYear(),
			};
		},
		pilih_unduh(awal) {
			frappe.prompt(bidang_isian(awal), (v) => api.unduh(v), __("Unduh Buku Kerja PK"), __("Unduh"));
		},
		unduh({ opd, tahun }) {
			const args = new URLSearchParams({ opd, tahun });
			window.open(frappe.urllib.get_full_url(`/api/method/${UNDUH}?${args}`));
		},
		dialog(awal, pengunggah) {
			const d = new frappe.ui.Dialog({
				title: __("Unggah Buku Kerja PK"),
				size: "large",
				fields: [
					...bidang_isian(awal),
					{ fieldtype: "HTML", fieldname: "pilih" },
					{ fieldtype: "HTML", fieldname: "hasil" },
				],
				primary_action_label: __("Periksa dan Impor"),
				primary_action: (v) => {
					const berkas = d.fields_dict.pilih.$wrapper.find("input[type=file]")[0].files[0];
					pengunggah.unggah(d, UNGGAH, { opd: v.opd, tahun: v.tahun }, berkas);
				},
			});
			d.fields_dict.pilih.$wrapper.html(`
					<p class="text-muted small">${esc(
						__(
							"Pilih Buku Kerja PK (.xlsx) OPD dan tahun ini yang diunduh lalu diisi. Seluruh isi berkas diperiksa lebih dahulu; bila ada satu kesalahan saja, tidak ada data yang diubah dan setiap sel yang salah disebutkan."
						)
					)}</p>
					<input type="file" class="d-block w-100 mb-2" accept=".xlsx,${JENIS}">`);
			d.show();
		},
	};
	return api;
})();
