// The PK workbook (Buku Kerja PK) of an OPD and year: download it, upload it filled back. Served with
// the Perjanjian Kinerja form and list (doctype_js, doctype_list_js in hooks.py) beside the work
// paper's upload dialog (public/js/kertas_kerja_excel.js), whose posting and result table it uses.
frappe.provide("sakip_evaluasi");
sakip_evaluasi.buku_pk ||= (() => {
	const UNDUH = "sakip_evaluasi.api.perjanjian_kinerja.unduh_buku_kerja";
	const UNGGAH = "sakip_evaluasi.api.perjanjian_kinerja.unggah_buku_kerja";
	const esc = (teks) => frappe.utils.escape_html(teks == null ? "" : String(teks));
	const bidang_isian = (awal) => [
		{
			fieldtype: "Link",
			fieldname: "opd",
			label: __("OPD"),
			options: "OPD",
			reqd: 1,
			default: awal.opd,
		},
		{ fieldtype: "Int", fieldname: "tahun", label: __("Tahun"), reqd: 1, default: awal.tahun },
	];
	const api = {
		// ``tambah(label, fn)`` adds a button; ``awal()`` gives the OPD and year to start from;
		// ``pengunggah`` posts the file and shows the result (sakip_evaluasi.kertas_kerja, served beside);
		// ``selesai()`` runs after a successful import (the list or the form shows the new PKs).
		tombol(tambah, awal, pengunggah, selesai) {
			tambah(__("Unduh Buku Kerja PK"), () => api.pilih_unduh(awal()));
			if (pengunggah) {
				tambah(__("Unggah Buku Kerja PK"), () => api.dialog(awal(), pengunggah, selesai));
			}
		},
		awal_bawaan() {
			// a user of one OPD (User Permission) starts from it
			const izin = (frappe.defaults.get_user_permissions() || {}).OPD || [];
			return {
				opd:
					frappe.defaults.get_user_default("OPD") ||
					(izin.length === 1 ? izin[0].doc : ""),
				tahun: new Date().getFullYear(),
			};
		},
		pilih_unduh(awal) {
			const d = new frappe.ui.Dialog({
				title: __("Unduh Buku Kerja PK"),
				fields: [
					{
						fieldtype: "HTML",
						fieldname: "keterangan",
						options: `<p class="text-muted small">${esc(
							__(
								"Satu berkas Excel untuk OPD dan tahun yang dipilih: target Renstra, PK Kepala OPD dan setiap Kepala Bidang, Rencana Aksi, serta program dan anggarannya. Isi sel berwarna kuning, simpan, lalu unggah kembali dengan Unggah Buku Kerja PK."
							)
						)}</p>`,
					},
					...bidang_isian(awal),
				],
				primary_action_label: __("Unduh"),
				primary_action: (v) => {
					d.hide();
					api.unduh(v);
				},
			});
			d.show();
		},
		unduh({ opd, tahun }) {
			const args = new URLSearchParams({ opd, tahun });
			window.open(frappe.urllib.get_full_url(`/api/method/${UNDUH}?${args}`));
		},
		dialog(awal, pengunggah, selesai) {
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
					const berkas =
						d.fields_dict.pilih.$wrapper.find("input[type=file]")[0].files[0];
					pengunggah.unggah(
						d,
						UNGGAH,
						{ opd: v.opd, tahun: v.tahun },
						berkas,
						(h) => h.berhasil && h.dokumen.length && selesai && selesai(),
						{ judul: __("Dokumen") }
					);
				},
			});
			pengunggah.pilih_berkas(
				d.fields_dict.pilih.$wrapper,
				__(
					"Pilih Buku Kerja PK (.xlsx) OPD dan tahun di atas yang sudah diunduh lalu diisi. Seluruh isi berkas diperiksa lebih dahulu; bila ada satu kesalahan saja, tidak ada data yang diubah dan setiap sel yang salah disebutkan (lembar, sel, dan cara memperbaikinya)."
				)
			);
			d.show();
		},
	};
	return api;
})();
