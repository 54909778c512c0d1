// Loaded (via doctype_js) with every SOP output document; each one's own form script registers its
// form once and calls sakip_evaluasi.alur_kerja.refresh and .before_workflow_action from it.
// - What the user may change in the document's state comes from the server's one rule
//   (sakip_evaluasi.api.alur_kerja.aturan_isian, which every save also enforces): the form locks the
//   other fields, and in a table whose rows only the app creates it offers no add, delete or move.
// - A returned document shows the latest return (who, when, why) at the top of the form; every
//   return is kept in its Riwayat Pengembalian.
// - The form says what waits for the user (the next action), the deadline and the working time
//   left; on a phone the workflow actions sit behind an icon-only button at the top right, so it
//   also says where they are.
// - An action that returns the document (next state "Dikembalikan") needs a reason: when the
//   form's Alasan Dikembalikan is empty, ask for it in a dialog, save it, then take the action.
frappe.provide("sakip_evaluasi");
sakip_evaluasi.alur_kerja ||= (() => {
	const STATUS_DIKEMBALIKAN = "Dikembalikan";
	const FIELD_ALASAN = "alasan_dikembalikan";
	const FIELD_RIWAYAT = "riwayat_pengembalian";
	const esc = (teks) => frappe.utils.escape_html(teks == null ? "" : String(teks));
	// Frappe stores a text holding < or > escaped: show it as typed, escaped once.
	const teks_tersimpan = (nilai) =>
		esc(new DOMParser().parseFromString(nilai || "", "text/html").documentElement.textContent);

	// Per DocType, once per page: {state: {kolom: [...], tabel: {field: {kolom, susunan}}} | null}.
	const aturan_per_doctype = {};
	const ATURAN_ISIAN = "sakip_evaluasi.api.alur_kerja.aturan_isian";
	const aturan_isian = (doctype) =>
		(aturan_per_doctype[doctype] ||= frappe.xcall(ATURAN_ISIAN, { doctype }));

	const terapkan_tabel = (frm, df, tabel) => {
		const grid = df.fieldtype === "Table" && tabel && frm.fields_dict[df.fieldname]?.grid;
		if (!grid) return;
		grid.df.cannot_add_rows = !tabel.susunan;
		grid.df.cannot_delete_rows = !tabel.susunan;
		(frm.doc[df.fieldname] || []).forEach((row) => (row._sortable = tabel.susunan));
		frappe.get_meta(df.options).fields.forEach((cdf) => {
			if (frappe.model.no_value_type.includes(cdf.fieldtype)) return;
			const terkunci = cdf.read_only || !tabel.kolom.includes(cdf.fieldname);
			grid.update_docfield_property(cdf.fieldname, "read_only", terkunci ? 1 : 0);
		});
		grid.refresh();
	};

	const terapkan_aturan_isian = (frm) => {
		if (frm.is_new()) return;
		aturan_isian(frm.doctype).then((aturan) => {
			// null: the Workflow makes the whole form read-only; undefined: no rule for the state.
			const isian = (aturan || {})[frm.doc.workflow_state];
			if (!isian) return;
			frappe.get_meta(frm.doctype).fields.forEach((df) => {
				if (frappe.model.table_fields.includes(df.fieldtype)) {
					terapkan_tabel(frm, df, isian.tabel[df.fieldname]);
				} else if (
					!frappe.model.no_value_type.includes(df.fieldtype) &&
					!(df.read_only || df.hidden || df.set_only_once || df.fetch_from)
				) {
					frm.set_df_property(
						df.fieldname,
						"read_only",
						isian.kolom.includes(df.fieldname) ? 0 : 1
					);
				}
			});
		});
	};

	// The latest return of a returned document, for the top of the form.
	const pengembalian_terakhir = (frm) => {
		if (frm.doc.workflow_state !== STATUS_DIKEMBALIKAN) return null;
		const riwayat = frm.doc[FIELD_RIWAYAT] || [];
		const terakhir = riwayat.length ? riwayat[riwayat.length - 1] : null;
		const alasan = (terakhir && terakhir.alasan) || frm.doc[FIELD_ALASAN];
		if (!alasan) return null;
		const kapan = terakhir
			? __("Dikembalikan oleh {0} pada {1}", [
					esc(frappe.user.full_name(terakhir.dikembalikan_oleh)),
					esc(frappe.datetime.str_to_user(terakhir.waktu)),
			  ])
			: __("Dikembalikan");
		return `<b>${kapan}</b><br>${teks_tersimpan(alasan).replace(/\n/g, "<br>")}`;
	};

	// What waits for the user here, by when and how much working time is left (the server's one
	// rule, sakip_evaluasi.api.tugas_saya.dokumen, as on the Tugas Saya page); on a phone also where
	// the actions are.
	const angka = (n) => String(Math.round(Math.abs(n) * 10) / 10).replace(".", ",");
	const tugas_di_sini = (frm) =>
		frappe
			.xcall("sakip_evaluasi.api.tugas_saya.dokumen", {
				doctype: frm.doctype,
				name: frm.doc.name,
			})
			.then((t) => {
				if (!t || !(t.aksi || []).length) return null;
				let teks = `<b>${esc(__("Tindakan Anda"))}:</b> ${esc(t.petunjuk)}`;
				if (t.batas_waktu) {
					const sisa =
						t.sisa_jam < 0
							? __("terlambat {0} jam kerja", [angka(t.sisa_jam)])
							: __("sisa {0} jam kerja", [angka(t.sisa_jam)]);
					teks += `<br>${esc(__("Batas waktu"))}: <b>${esc(
						frappe.datetime.str_to_user(t.batas_waktu).replace(/:\d\d(\.\d+)?$/, "")
					)}</b> · ${esc(sisa)}`;
				}
				if (frappe.is_mobile()) {
					teks += `<br>${esc(
						__("Jalankan {0} dari tombol ⇕ di kanan atas.", [t.aksi.join(" / ")])
					)}`;
				}
				return { teks, warna: t.warna_sla === "gray" ? "blue" : t.warna_sla };
			});

	const tampilkan_pengantar = (frm) => {
		if (frm.is_new()) return;
		const kembali = pengembalian_terakhir(frm);
		if (kembali) frm.set_intro(kembali, "red");
		tugas_di_sini(frm).then((tugas) => {
			if (!tugas) return;
			// One message box: the reason stays on top and keeps its colour.
			frm.set_intro();
			frm.set_intro(
				kembali ? `${kembali}<br>${tugas.teks}` : tugas.teks,
				kembali ? "red" : tugas.warna
			);
		});
	};

	const minta_alasan_dikembalikan = (frm) => {
		if (!frappe.meta.has_field(frm.doctype, FIELD_ALASAN)) return;
		if ((frm.doc[FIELD_ALASAN] || "").trim()) return;
		return frappe.workflow.get_transitions(frm.doc).then((transitions) => {
			const transisi = (transitions || []).find(
				(t) =>
					t.action === frm.selected_workflow_action &&
					t.next_state === STATUS_DIKEMBALIKAN
			);
			if (!transisi) return;
			// Frappe froze the screen for the action; the dialog needs it. Cancelling leaves the
			// action untaken (the promise never resolves) and the document as it was.
			frappe.dom.unfreeze();
			return new Promise((resolve) => {
				const dialog = new frappe.ui.Dialog({
					title: __("Alasan Dikembalikan"),
					fields: [
						{
							fieldname: "alasan",
							fieldtype: "Small Text",
							label: __("Alasan Dikembalikan"),
							reqd: 1,
							description: __(
								"Tuliskan apa yang harus diperbaiki; alasan ini tersimpan di Riwayat Pengembalian dokumen dan tampil di atas formulirnya."
							),
						},
					],
					primary_action_label: __(transisi.action),
					primary_action({ alasan }) {
						if (!(alasan || "").trim()) {
							frappe.msgprint(__("Alasan pengembalian tidak boleh kosong."));
							return;
						}
						dialog.hide();
						frappe.dom.freeze();
						frappe
							.xcall("frappe.client.set_value", {
								doctype: frm.doctype,
								name: frm.doc.name,
								fieldname: FIELD_ALASAN,
								value: alasan.trim(),
							})
							.then(resolve, () => frappe.dom.unfreeze());
					},
				});
				dialog.show();
			});
		});
	};

	// Frappe's version lines print an emptied value as "null" (e.g. the reason cleared by the next
	// submission): the timeline says "(kosong)" instead, each time it is drawn. Drawn again now: the
	// timeline was drawn before the form's script ran.
	// A changed user field ("Pimpinan Rapat dari (kosong) menjadi kadis@…") names the person: the
	// login becomes the full name the desk knows (the boot holds the co-workers' names).
	const kosong_di_linimasa = (frm) => {
		const nama = (login) => (frappe.boot.user_info[login] || {}).fullname;
		frm.timeline?.timeline_items_wrapper?.find(".timeline-content b").each(function () {
			if (this.textContent === "null") this.textContent = __("(kosong)");
			else if (nama(this.textContent)) this.textContent = nama(this.textContent);
		});
	};
	const rapikan_linimasa = (frm) => {
		if (!frm.timeline) return;
		if (!frm.timeline._sakip) {
			const gambar = frm.timeline.refresh.bind(frm.timeline);
			frm.timeline.refresh = (...args) => {
				const hasil = gambar(...args);
				kosong_di_linimasa(frm);
				return hasil;
			};
			frm.timeline._sakip = true;
		}
		frm.timeline.refresh();
	};
	// The state is shown (translated, e.g. Draft as "Draf") by the pill beside the title; the field
	// itself would show the stored name, and the timeline a version line per transition beside the
	// workflow's own entry.
	const sembunyikan_status = (frm) => {
		const df = frappe.meta.get_docfield(frm.doctype, "workflow_state", frm.docname);
		if (df && !df.hidden) frm.set_df_property("workflow_state", "hidden", 1);
	};

	// The indicator grids (Data Kinerja Bidang, Kertas Kerja Evaluasi) have many narrow columns whose
	// labels matter ("Target s.d. TW", "Capaian s.d. TW (%)"): on a wide screen their headings, and the
	// predikat and peringatan of each row, wrap instead of ending in "…" (a phone has the Isian Kinerja
	// page).
	if (!document.getElementById("sakip-kepala-tabel")) {
		$(`<style id="sakip-kepala-tabel">
			@media (min-width: 768px) {
				.frappe-control[data-fieldname="baris"] .grid-heading-row,
				.frappe-control[data-fieldname="baris"] .grid-heading-row .grid-static-col,
				.frappe-control[data-fieldname="baris"] .grid-heading-row .row-check,
				.frappe-control[data-fieldname="baris"] .grid-heading-row .row-index { height: auto; }
				.frappe-control[data-fieldname="baris"] .grid-heading-row .static-area {
					white-space: normal; overflow: visible; line-height: 1.25; }
				.frappe-control[data-fieldname="baris"] .grid-body .grid-static-col[data-fieldname="predikat"],
				.frappe-control[data-fieldname="baris"] .grid-body .grid-static-col[data-fieldname="status_proyeksi"] {
					height: auto; }
				.frappe-control[data-fieldname="baris"] .grid-body [data-fieldname="predikat"] .static-area,
				.frappe-control[data-fieldname="baris"] .grid-body [data-fieldname="status_proyeksi"] .static-area {
					white-space: normal; overflow: visible; line-height: 1.25; }
				.frappe-control[data-fieldname="baris"] .grid-body [data-fieldname="status_proyeksi"] .indicator-pill {
					white-space: normal; height: auto; line-height: 1.2; padding: 2px 6px;
					font-size: var(--text-xs); max-width: 100%; }
			}
		</style>`).appendTo("head");
	}

	return {
		refresh(frm) {
			sembunyikan_status(frm);
			rapikan_linimasa(frm);
			terapkan_aturan_isian(frm);
			tampilkan_pengantar(frm);
		},
		rapikan_linimasa,
		before_workflow_action: minta_alasan_dikembalikan,
	};
})();
