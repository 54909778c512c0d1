// Evaluasi Kinerja Internal: the eight SOP steps at a glance, with links to every output document,
// and each step's clock (SLA) under them.
frappe.ui.form.on("Evaluasi Kinerja Internal", {
	setup(frm) {
		// its officials hold its steps: only users who may act in its OPD
		for (const field of ["kepala_dinas", "sekretaris", "subkoordinator"]) {
			frm.set_query(field, () => ({
				query: "sakip_evaluasi.api.opd.cari_pengguna_opd",
				filters: { opd: frm.doc.opd, doctype: frm.doctype, field },
			}));
		}
	},
	refresh(frm) {
		sakip_evaluasi.alur_kerja.rapikan_linimasa(frm);
		if (frm.is_new()) return;
		sakip_evaluasi_pejabat(frm);
		sakip_evaluasi_tombol(frm);
		sakip_evaluasi_ringkasan(frm);
		sakip_evaluasi_jam_langkah(frm);
		sakip_evaluasi.cetak.tombol_paket(frm);
		sakip_evaluasi.tte.refresh(frm);
		frm.add_custom_button(__("Segel Paket Bukti"), () => sakip_evaluasi.tte.segel(frm), __("Cetak"));
	},
});

// An official (or a bidang's head) who cannot act stalls the steps: say so, with what to set where.
function sakip_evaluasi_pejabat(frm) {
	const masalah = (frm.doc.__onload && frm.doc.__onload.masalah_pejabat) || [];
	frm.set_intro(false);
	if (masalah.length) {
		const daftar = masalah.map((m) => `<li>${frappe.utils.escape_html(m)}</li>`).join("");
		frm.set_intro(
			`${__("Langkah SOP evaluasi ini tidak dapat diselesaikan:")}<ul>${daftar}</ul>`,
			"red"
		);
	}
}

function sakip_evaluasi_tombol(frm) {
	// only what the user may create (a Kepala Dinas is not offered a Notulen Rapat)
	const buat = (label, doctype, nilai) =>
		frappe.model.can_create(doctype) &&
		frm.add_custom_button(
			label,
			() => frappe.new_doc(doctype, { evaluasi: frm.doc.name, ...nilai }),
			__("Buat")
		);
	if (
		frappe.user.has_role([
			"Kepala Dinas",
			"Sekretaris",
			"Subkoordinator Perencanaan dan Pelaporan",
		])
	) {
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
	const esc = frappe.utils.escape_html;
	frappe
		.call("sakip_evaluasi.api.siklus.dokumen_evaluasi", { evaluasi: frm.doc.name })
		.then(({ message }) => {
			const rows = (message || [])
				.map((d) => {
					const link = `<a href="/app/${frappe.router.slug(
						d.doctype
					)}/${encodeURIComponent(d.name)}">${frappe.utils.escape_html(d.name)}</a>`;
					const detail = d.bidang || (d.dari ? `${d.dari_nama} → ${d.kepada_nama}` : "");
					return `<tr><td>${d.langkah.join(", ")}</td><td>${__(
						d.doctype
					)}</td><td>${link}</td>
						<td>${frappe.utils.escape_html(detail)}</td><td>${__(d.workflow_state || "")}</td></tr>`;
				})
				.join("");
			const daftar = (message || [])
				.map(
					(d) => `<li><b>${esc(__("Langkah {0}", [d.langkah.join(", ")]))}</b> · ${esc(
						__(d.doctype)
					)}<br><a href="/app/${frappe.router.slug(d.doctype)}/${encodeURIComponent(
						d.name
					)}">${esc(d.name)}</a> · ${esc(__(d.workflow_state || ""))}</li>`
				)
				.join("");
			frm.get_field("ringkasan_langkah").$wrapper.html(`
				<ul class="sakip-sempit sakip-daftar-dokumen">${daftar}</ul>
				<div class="table-responsive sakip-lebar"><table class="table table-bordered table-sm">
				<thead><tr><th>${__("Langkah")}</th><th>${__("Dokumen")}</th><th>${__("Nomor")}</th>
				<th>${__("Keterangan")}</th><th>${__("Status")}</th></tr></thead>
				<tbody>${rows || `<tr><td colspan="5">${__("Belum ada dokumen.")}</td></tr>`}</tbody>
				</table></div>`);
		});
}

// SLA: each step's clock — started, due, finished, late by — under the step summary: a table on a
// wide screen, a stacked list (step, holder, deadline, status, late by) on a phone, so nothing is
// wider than the screen. The status is derived from the clock on the server when the form is shown,
// not from the last check.
function sakip_evaluasi_jam_langkah(frm) {
	const anchor = frm.get_field("ringkasan_langkah").$wrapper;
	anchor.siblings(".sakip-jam-langkah").remove();
	const $wadah = $(
		`<div class="sakip-jam-langkah" style="margin-top: var(--margin-md)"></div>`
	).insertAfter(anchor);
	frappe
		.call("sakip_evaluasi.api.sla.jam_langkah", { evaluasi: frm.doc.name })
		.then(({ message }) => {
			const esc = frappe.utils.escape_html;
			const waktu = (v) => (v ? frappe.datetime.str_to_user(v).replace(/:\d\d(\.\d+)?$/, "") : "");
			const telat = (j) =>
				j.terlambat_jam ? `${format_number(j.terlambat_jam, null, 2)} ${__("jam kerja")}` : "";
			const langkah = message.langkah || [];
			const rows = langkah
				.map(
					(j) => `<tr>
						<td>${j.langkah}</td>
						<td>${esc(j.bidang || "")}</td>
						<td>${esc(j.nama_pelaksana || j.pelaksana || "")}</td>
						<td>${waktu(j.mulai)}</td>
						<td>${waktu(j.batas_waktu)}</td>
						<td>${waktu(j.selesai)}</td>
						<td><span class="indicator-pill ${j.warna_sla}">${__(j.status_sla)}</span></td>
						<td>${telat(j)}</td></tr>`
				)
				.join("");
			// on a phone the steps still running come first, then the finished ones
			const daftar = [...langkah]
				.sort((a, b) => !!a.selesai - !!b.selesai || a.langkah - b.langkah)
				.map(
					(j) => `<li class="${esc(j.warna_sla)}">
						<div class="judul"><b>${esc(__("Langkah {0}", [j.langkah]))}</b>${
						j.bidang ? ` · ${esc(j.bidang)}` : ""
					}
							<span class="indicator-pill ${esc(j.warna_sla)}">${esc(__(j.status_sla))}</span></div>
						<div>${esc(j.nama_pelaksana || j.pelaksana || "-")}</div>
						<div>${esc(__("Batas Waktu"))}: <b>${esc(waktu(j.batas_waktu))}</b>${
						j.selesai ? ` · ${esc(__("Selesai"))}: ${esc(waktu(j.selesai))}` : ""
					}</div>
						${telat(j) ? `<div class="telat">${esc(__("Terlambat {0}", [telat(j)]))}</div>` : ""}
					</li>`
				)
				.join("");
			const kosong = __("Belum ada langkah yang berjalan.");
			$wadah.html(`
				<div class="text-muted small" style="margin-bottom: var(--margin-sm)">
					${__("Jam Langkah (SLA)")} · ${__("Langkah saat ini")}: <b>${esc(
				message.langkah_saat_ini || "-"
			)}</b>
					${message.pemegang_langkah ? ` · ${__("Menunggu")}: ${esc(message.pemegang_langkah)}` : ""}
				</div>
				<div class="table-responsive sakip-lebar"><table class="table table-bordered table-sm">
				<thead><tr><th>${__("Langkah")}</th><th>${__("Bidang")}</th><th>${__("Pelaksana")}</th>
				<th>${__("Mulai")}</th><th>${__("Batas Waktu")}</th><th>${__("Selesai")}</th>
				<th>${__("Status SLA")}</th><th>${__("Terlambat (jam kerja)")}</th></tr></thead>
				<tbody>${rows || `<tr><td colspan="8">${kosong}</td></tr>`}</tbody>
				</table></div>
				<ul class="sakip-sempit sakip-daftar-jam">${daftar || `<li>${kosong}</li>`}</ul>`);
		});
}

// On a phone (≤ 480 px) the tables of the form give way to stacked lists.
$(`<style>
	.sakip-sempit { display: none; }
	@media (max-width: 480px) {
		.sakip-lebar { display: none; }
		.sakip-sempit { display: block; }
	}
	.sakip-daftar-jam, .sakip-daftar-dokumen { list-style: none; padding: 0; margin: 0; }
	.sakip-daftar-jam li, .sakip-daftar-dokumen li { border: 1px solid var(--border-color);
		border-radius: var(--border-radius); padding: 8px; margin-bottom: 6px; overflow-wrap: anywhere; }
	.sakip-daftar-jam li.red { border-left: 4px solid var(--red-500); }
	.sakip-daftar-jam li.orange { border-left: 4px solid var(--orange-500); }
	.sakip-daftar-jam li.green { border-left: 4px solid var(--green-500); }
	.sakip-daftar-jam .indicator-pill { white-space: normal; max-width: 100%; float: right; }
	.sakip-daftar-jam .telat { color: var(--red-600); }
</style>`).appendTo("head");
