// Langkah Evaluasi list (and the indicator of its form): the SLA status as the server derived it
// from the clock when the rows were read, so a step that passed its deadline since the last
// scheduled check already shows as late, in the colour the server sends with it. The list reads its
// rows through sakip_evaluasi.api.sla.daftar_langkah (Frappe's list query, each row's status derived
// now); the form gets its status and colour from its onload.
frappe.listview_settings["Langkah Evaluasi"] = {
	onload(listview) {
		if (listview.view_name === "List") {
			listview.method = "sakip_evaluasi.api.sla.daftar_langkah";
		}
	},
	get_indicator(doc) {
		const warna = doc.warna_sla || (doc.__onload || {}).warna_sla;
		if (warna) return [__(doc.status_sla), warna, `status_sla,=,${doc.status_sla}`];
	},
};
