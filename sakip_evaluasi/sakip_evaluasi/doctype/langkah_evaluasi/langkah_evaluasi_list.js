// Langkah Evaluasi list (and the indicator of its form): the SLA status as the server derived it
// from the clock when the rows were read, so a step that passed its deadline since the last
// scheduled check already shows as late, in the colour the server sends with it. The list reads its
// rows through sakip_evaluasi.api.sla.daftar_langkah (Frappe's list query, each row's status derived
// now); the form gets its status and colour from its onload.
// Opened without a filter on the evaluation, the list shows the running evaluation's steps (the
// latest evaluation with a step still open that the user may read, i.e. of their OPD), not every
// quarter mixed; the filter can be removed as any other. Each row says its step and bidang before the
// activity (the four bidang rows of step 5 read alike otherwise); on a phone the activity wraps beside
// its status instead of running under it, and the eight filter fields give way to the filter button.
frappe.listview_settings["Langkah Evaluasi"] = {
	onload(listview) {
		if (listview.view_name === "List") {
			listview.method = "sakip_evaluasi.api.sla.daftar_langkah";
		}
		// on a phone a long status ("Selesai Tepat Waktu") wraps inside its pill instead of being cut
		$(listview.page.wrapper).addClass("sakip-daftar-langkah");
		if (!document.getElementById("sakip-daftar-langkah")) {
			$(`<style id="sakip-daftar-langkah">
				@media (max-width: 767px) {
					.sakip-daftar-langkah .page-form .standard-filter-section { display: none; }
					.sakip-daftar-langkah .list-row .level-left { flex: 1 1 0; min-width: 0; }
					.sakip-daftar-langkah .list-row .level-right { flex: 0 0 auto; max-width: 112px; }
					.sakip-daftar-langkah .list-row .list-subject,
					.sakip-daftar-langkah .list-row .list-subject .ellipsis {
						white-space: normal; min-width: 0; }
					.sakip-daftar-langkah .list-row .list-subject a {
						white-space: normal; overflow: hidden; display: -webkit-box;
						-webkit-line-clamp: 3; -webkit-box-orient: vertical; min-width: 0; }
					.sakip-daftar-langkah .list-row { height: auto; min-height: 48px; }
				}
				@media (max-width: 480px) {
					.sakip-daftar-langkah .list-row .indicator-pill,
					.sakip-daftar-langkah .list-row .indicator-pill * {
						white-space: normal !important; height: auto; line-height: 1.2; }
					.sakip-daftar-langkah .list-row .indicator-pill { max-width: 104px; }
				}
			</style>`).appendTo("head");
		}
		const ada = (listview.filter_area.get() || []).some((f) => f[1] === "evaluasi");
		if (ada || frappe.route_options?.evaluasi) return;
		frappe.db
			.get_list("Langkah Evaluasi", {
				filters: { selesai: ["is", "not set"] },
				fields: ["evaluasi"],
				order_by: "mulai desc",
				limit: 1,
			})
			.then((rows) => {
				if (rows.length) {
					listview.filter_area.add([["Langkah Evaluasi", "evaluasi", "=", rows[0].evaluasi]]);
				}
			});
	},
	formatters: {
		kegiatan(value, df, doc) {
			const bidang = doc.bidang ? ` · ${doc.bidang}` : "";
			return doc.langkah ? `${__("Langkah {0}", [doc.langkah])}${bidang} · ${value}` : value;
		},
	},
	get_indicator(doc) {
		const warna = doc.warna_sla || (doc.__onload || {}).warna_sla;
		if (warna) return [__(doc.status_sla), warna, `status_sla,=,${doc.status_sla}`];
	},
};
