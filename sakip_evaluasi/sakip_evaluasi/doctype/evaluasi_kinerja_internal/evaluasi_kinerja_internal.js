// Evaluasi Kinerja Internal: the eight SOP steps at a glance, with links to every output document.
frappe.ui.form.on("Evaluasi Kinerja Internal", {
	refresh(frm) {
		if (frm.is_new()) return;
		sakip_evaluasi_tombol(frm);
		sakip_evaluasi_ringkasan(frm);
	},
});

function sakip_evaluasi_tombol(frm) {
	const buat = (label, doctype, nilai) =>
		frm.add_custom_button(label, () => frappe.new_doc(doctype, { evaluasi: frm.doc.name, ...nilai }), __("Buat"));
	if (frappe.user.has_role(["Kepala Dinas", "Sekretaris", "Subkoordinator Perencanaan dan Pelaporan"])) {
		buat(__("Disposisi"), "Disposisi", { dari: frappe.session.user });
	}
	if (frappe.user.has_role("Subkoordinator Perencanaan dan Pelaporan")) {
		buat(__("Kertas Kerja Evaluasi"), "Kertas Kerja Evaluasi", {});
	}
	if (frappe.user.has_role(["Sekretaris", "Subkoordinator Perencanaan dan Pelaporan"])) {
		buat(__("Notulen Rapat"), "Notulen Rapat", {});
	}
}

function sakip_evaluasi_ringkasan(frm) {
	frappe
		.call("sakip_evaluasi.siklus.dokumen_evaluasi", { evaluasi: frm.doc.name })
		.then(({ message }) => {
			const rows = (message || [])
				.map((d) => {
					const link = `<a href="/app/${frappe.router.slug(d.doctype)}/${encodeURIComponent(d.name)}">${frappe.utils.escape_html(d.name)}</a>`;
					const detail = d.bidang || (d.dari ? `${d.dari} → ${d.kepada}` : "");
					return `<tr><td>${d.langkah.join(", ")}</td><td>${__(d.doctype)}</td><td>${link}</td>
						<td>${frappe.utils.escape_html(detail)}</td><td>${__(d.workflow_state || "")}</td></tr>`;
				})
				.join("");
			frm.get_field("ringkasan_langkah").$wrapper.html(`
				<div class="table-responsive"><table class="table table-bordered table-sm">
				<thead><tr><th>${__("Langkah")}</th><th>${__("Dokumen")}</th><th>${__("Nomor")}</th>
				<th>${__("Keterangan")}</th><th>${__("Status")}</th></tr></thead>
				<tbody>${rows || `<tr><td colspan="5">${__("Belum ada dokumen.")}</td></tr>`}</tbody>
				</table></div>`);
		});
}
