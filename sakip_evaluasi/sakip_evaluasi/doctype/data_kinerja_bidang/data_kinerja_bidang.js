// Data Kinerja Bidang: the workflow rules every SOP output document follows (public/js/alur_kerja.js),
// and the bidang's work paper as Excel, downloaded and uploaded filled back
// (public/js/kertas_kerja_excel.js). On a phone a big button leads to the same document as cards
// (the Isian Kinerja page), where it is filled, read and approved without the grid. A tap on a row's
// capaian in the grid shows its formula with the numbers (computed by the server's rule); the
// realisasi s.d. TW, capaian, predikat and status follow the typing (the same rule, nothing written).
frappe.ui.form.on("Data Kinerja Bidang", {
	refresh(frm) {
		sakip_evaluasi.alur_kerja.refresh(frm);
		sakip_evaluasi.peringatan_dini.tampilkan(frm);
		const kk = sakip_evaluasi.kertas_kerja;
		kk.tombol(frm, kk.boleh_ubah(frm));
		sakip_evaluasi_ke_ponsel(frm);
		sakip_evaluasi_rumus_di_tabel(frm);
		sakip_evaluasi_hitung_langsung(frm);
	},
	before_workflow_action: (frm) => sakip_evaluasi.alur_kerja.before_workflow_action(frm),
});

function sakip_evaluasi_ke_ponsel(frm) {
	$(frm.layout.wrapper).find(".sakip-ke-ponsel").remove();
	if (frm.is_new() || !window.matchMedia("(max-width: 767px)").matches) return;
	const url = `/app/isian-kinerja?${new URLSearchParams({ dokumen: frm.doc.name })}`;
	$(`<div class="sakip-ke-ponsel" style="margin: var(--margin-sm) 0 var(--margin-md)">
		<a class="btn btn-primary btn-lg btn-block" style="min-height: 48px" href="${url}">${__(
		"Isi / periksa di ponsel"
	)}</a></div>`).prependTo(frm.layout.wrapper);
}

function sakip_evaluasi_rumus_di_tabel(frm) {
	const grid = frm.fields_dict.baris && frm.fields_dict.baris.grid;
	const wadah = grid && $(grid.wrapper)[0];
	if (!wadah || frm.is_new() || wadah._sakip_rumus) return;
	wadah._sakip_rumus = true;
	// capture phase: the grid's own handler (which opens the row) stops the click's bubbling
	wadah.addEventListener(
		"click",
		(e) => {
			const sel = e.target.closest(".grid-static-col[data-fieldname='capaian']");
			const nama = sel && sel.closest(".grid-row")?.getAttribute("data-name");
			const row = nama && (frm.doc.baris || []).find((r) => r.name === nama);
			if (!row) return;
			frappe
				.xcall("sakip_evaluasi.api.isian_ponsel.hitung", {
					dokumen: frm.doc.name,
					realisasi: { [row.name]: row.realisasi || "" },
				})
				.then((hasil) => {
					const h = hasil[row.name];
					if (h) {
						frappe.show_alert(
							{ message: frappe.utils.escape_html(h.uraian_capaian), indicator: "blue" },
							12
						);
					}
				});
		},
		true
	);
}

// While a realisasi is typed in the grid (or a computed indicator's Komponen Rumus in its row form),
// the row's computed columns show what the save will store (sakip_evaluasi.api.isian_ponsel.hitung:
// the save's own rule, nothing written) instead of 0 until saved. Only the cells are redrawn: the rows
// keep their stored values (the server refuses a save that changes a computed column), and the save
// computes and stores the same figures.
function sakip_evaluasi_hitung_langsung(frm) {
	const grid = frm.fields_dict.baris && frm.fields_dict.baris.grid;
	const wadah = grid && $(grid.wrapper)[0];
	if (!wadah || frm.is_new() || wadah._sakip_langsung) return;
	wadah._sakip_langsung = true;
	const KOLOM = ["realisasi_sd_tw", "capaian", "predikat", "status_proyeksi"];
	let tunda;
	wadah.addEventListener("input", (e) => {
		const input = e.target.closest(
			"[data-fieldname='realisasi'] input, [data-fieldname='komponen'] textarea"
		);
		const nama = input && input.closest(".grid-row")?.getAttribute("data-name");
		if (!nama) return;
		const komponen_diketik = input.tagName === "TEXTAREA";
		clearTimeout(tunda);
		tunda = setTimeout(() => {
			const realisasi = {};
			(frm.doc.baris || []).forEach((r) => {
				realisasi[r.name] = r.name === nama && !komponen_diketik ? input.value : r.realisasi || "";
			});
			const komponen = komponen_diketik ? { [nama]: input.value } : {};
			frappe
				.xcall("sakip_evaluasi.api.isian_ponsel.hitung", {
					dokumen: frm.doc.name,
					realisasi,
					komponen,
				})
				.then((hasil) => {
					(frm.doc.baris || []).forEach((r) => {
						const h = hasil[r.name];
						const baris = grid.grid_rows_by_docname[r.name];
						if (!h || h.galat || !baris) return;
						const kini = { ...r };
						// a computed indicator's realisasi follows its components
						const dihitung = r.jenis_indikator === "Rumus" ? ["realisasi", ...KOLOM] : KOLOM;
						dihitung.forEach((k) => (kini[k] = h.terisi ? h[k] : null));
						dihitung.forEach((k) => {
							const kolom = baris.columns && baris.columns[k];
							const df = frappe.meta.get_docfield(r.doctype, k, r.name);
							if (kolom && df) kolom.static_area.html(frappe.format(kini[k], df, null, kini) || "");
						});
					});
				});
		}, 400);
	});
}
