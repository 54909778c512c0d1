// Langkah Evaluasi list (and the indicator of its form): the SLA status as the server derived it
// from the clock when the rows were read, so a step that passed its deadline since the last
// scheduled check already shows as late, in the colour the server sends with it. The list reads its
// rows through sakip_evaluasi.api.sla.daftar_langkah (Frappe's list query, each row's status derived
// now); the form gets its status and colour from its onload.
// Opened without a filter on the evaluation, the list shows the running evaluation's steps (the
// latest evaluation with a step still open that the user may read, i.e. of their OPD), not every
// quarter mixed; the filter can be removed as any other.
frappe.listview_settings["Langkah Evaluasi"] = {
	onload(listview) {
		if (listview.view_name === "List") {
			listview.method = "sakip_evaluasi.api.sla.daftar_langkah";
		}
		// on a phone a long status ("Selesai Tepat Waktu") wraps inside its pill instead of being cut
		$(listview.page.wrapper).addClass("sakip-daftar-langkah");
		if (!document.getElementById("sakip-daftar-langkah")) {
			$(`<style id="sakip-daftar-langkah">
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
	get_indicator(doc) {
		const warna = doc.warna_sla || (doc.__onload || {}).warna_sla;
		if (warna) return [__(doc.status_sla), warna, `status_sla,=,${doc.status_sla}`];
	},
};
