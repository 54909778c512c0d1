// The evidence pack of a triwulan on the Evaluasi Kinerja Internal form (served through doctype_js in
// hooks.py; the form's own script calls sakip_evaluasi.cetak.tombol_paket). The server
// (sakip_evaluasi/cetak/paket.py) makes, in a background job, one PDF of every document of the
// evaluation in SOP order and a ZIP with the Excel work papers and every bukti dukung, both kept as
// private files on the evaluation, and tells the user (this page, and a notification).
frappe.provide("sakip_evaluasi");
sakip_evaluasi.cetak ||= (() => {
	const PERAN = [
		"Kepala Dinas",
		"Sekretaris",
		"Subkoordinator Perencanaan dan Pelaporan",
		"Inspektorat",
		"Bappeda",
		"Admin SAKIP Pemda",
		"System Manager",
	];
	const esc = (teks) => frappe.utils.escape_html(teks == null ? "" : String(teks));
	const siap = (frm, h) => {
		if (!h || h.evaluasi !== frm.doc.name) return;
		if (h.gagal) {
			frappe.msgprint({
				title: __("Paket bukti gagal disusun"),
				indicator: "red",
				message: __("Coba lagi; bila tetap gagal, hubungi administrator (Error Log)."),
			});
			return;
		}
		frm.reload_doc();
		const daftar = h.dokumen
			.map(([judul, ket, hal]) => `<li>${esc(judul)} — ${esc(ket)} (${hal} ${__("hlm.")})</li>`)
			.join("");
		frappe.msgprint({
			title: __("Paket bukti siap"),
			indicator: "green",
			message: `<p>${__("{0} halaman.", [h.halaman])}</p><ol>${daftar}</ol>
				<p><a href="${encodeURI(h.pdf)}" target="_blank">${__("Unduh PDF")}</a> ·
				<a href="${encodeURI(h.zip)}" target="_blank">${__(
					"Unduh ZIP (PDF, kertas kerja, bukti dukung)"
				)}</a></p>`,
		});
	};
	const buat = (frm) => {
		frappe.realtime.off("sakip_paket_bukti");
		frappe.realtime.on("sakip_paket_bukti", (h) => siap(frm, h));
		frappe
			.call({
				method: "sakip_evaluasi.api.cetak.paket_bukti",
				args: { evaluasi: frm.doc.name },
			})
			.then(() =>
				frappe.show_alert({
					message: __(
						"Paket bukti sedang disusun. Anda akan diberi tahu bila PDF dan ZIP sudah siap."
					),
					indicator: "blue",
				}, 10)
			);
	};
	return {
		tombol_paket(frm) {
			if (frm.is_new() || !frappe.user.has_role(PERAN)) return;
			frm.add_custom_button(__("Paket Bukti Triwulan"), () => buat(frm), __("Cetak"));
		},
	};
})();
