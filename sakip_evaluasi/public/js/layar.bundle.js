// What every desk page gets from the app (hooks.app_include_js, built by `bench build`):
// - the date picker in Bahasa Indonesia (Frappe ships no "id" locale for it: its "Today" stayed English);
// - a percentage in the site's number format with two decimals ("108,25%"): Frappe's Percent formatter
//   wrote the bare JavaScript number ("184.06%") where the tables read "108,25";
// - on a phone, a bell entry of a Data Kinerja Bidang opens the Isian Kinerja page (as the Tugas Saya
//   card does), not the desk form whose actions hide behind an unlabelled icon;
// - on a phone, the bell's dropdown fits the screen (it widened the page to 399 px), and a page's title
//   gets the room beside the buttons and a second line (Frappe's 25vw cut "Tugas Saya" to "Tugas S…").
frappe.provide("sakip_evaluasi");

sakip_evaluasi.layar ||= {
	ponsel: () => window.matchMedia("(max-width: 767px)").matches,
};

if ($.fn.datepicker && !$.fn.datepicker.language.id) {
	$.fn.datepicker.language.id = {
		days: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
		daysShort: ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
		daysMin: ["Mg", "Sn", "Sl", "Rb", "Km", "Jm", "Sb"],
		months: [
			"Januari",
			"Februari",
			"Maret",
			"April",
			"Mei",
			"Juni",
			"Juli",
			"Agustus",
			"September",
			"Oktober",
			"November",
			"Desember",
		],
		monthsShort: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
		today: "Hari Ini",
		clear: "Kosongkan",
		dateFormat: "dd-mm-yyyy",
		timeFormat: "hh:ii",
		firstDay: 1,
	};
}

if (frappe.form && frappe.form.formatters && !frappe.form.formatters._sakip_persen) {
	frappe.form.formatters.Percent = function (value, docfield, options) {
		if (value === null || value === undefined || value === "") return "";
		const presisi = docfield && docfield.precision ? cint(docfield.precision) : 2;
		return frappe.form.formatters._right(`${format_number(value, null, presisi)}%`, options);
	};
	frappe.form.formatters._sakip_persen = true;
}

// Before Frappe's router reads the link (capture phase), a bell entry of a Data Kinerja Bidang is
// pointed at the phone page.
document.addEventListener(
	"click",
	(e) => {
		const a = e.target.closest && e.target.closest("a.notification-item[href]");
		if (!a || !sakip_evaluasi.layar.ponsel()) return;
		const cocok = a.getAttribute("href").match(/^\/app\/data-kinerja-bidang\/([^/?#]+)/);
		if (cocok) {
			const dokumen = decodeURIComponent(cocok[1]);
			a.setAttribute("href", `/app/isian-kinerja?${new URLSearchParams({ dokumen })}`);
		}
	},
	true
);

$(`<style id="sakip-layar-gaya">
	@media (max-width: 767px) {
		.navbar .dropdown-notifications .dropdown-menu.notifications-list {
			position: fixed; left: 8px; right: 8px; width: auto; max-width: none; min-width: 0;
			top: calc(var(--navbar-height, 48px) + 4px); margin: 0; }
		.page-head .page-title .title-area .title-text {
			max-width: 58vw; white-space: normal; overflow-wrap: anywhere; line-height: 1.15;
			font-size: var(--text-xl); display: -webkit-box; -webkit-line-clamp: 2;
			-webkit-box-orient: vertical; }
	}
</style>`).appendTo("head");
