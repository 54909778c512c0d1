// Electronic signatures (TTE) on the desk: a panel on every document one of whose print formats is
// signed (Pengaturan TTE), the signing dialog, the upload of a PDF signed elsewhere, a new version for a
// correction, the seal of the evidence pack, and the NIK Saya button on a Pegawai form. Served through
// doctype_js (hooks.py); each signed DocType's own refresh calls sakip_evaluasi.tte.refresh(frm),
// so a DocType registered later adds `_TTE` to its doctype_js and that one call. The passphrase is typed into a dialog,
// sent once to sakip_evaluasi.api.tte.tanda_tangani, and the dialog is destroyed.
frappe.provide("sakip_evaluasi");
sakip_evaluasi.tte ||= (() => {
	const API = "sakip_evaluasi.api.tte.";
	const esc = (t) => frappe.utils.escape_html(t == null ? "" : String(t));
	const WARNA = { Ditandatangani: "green", Diunggah: "green", Menunggu: "orange", "Tidak Diketahui": "red" };

	const tabel = (v) =>
		v.penandatangan
			.map(
				(p) => `<tr><td>${p.urutan}</td><td>${esc(p.nama || "-")}</td><td>${esc(p.sebutan || "")}</td>
				<td><span class="indicator-pill ${WARNA[p.status] || "gray"}">${esc(__(p.status))}</span></td>
				<td>${esc(p.waktu ? frappe.datetime.str_to_user(p.waktu) : "")}</td></tr>`
			)
			.join("");

	const bagian = (c) => {
		const v = c.versi;
		if (!v) return `<p><b>${esc(c.print_format)}</b>: ${__("PDF untuk tanda tangan belum dibuat.")}</p>`;
		const berkas = v.berkas_tertanda || v.berkas_asli;
		return `<p><b>${esc(c.print_format)}</b> — ${__("versi {0}", [v.versi])} ·
			<span class="indicator-pill ${v.status === "Selesai" ? "green" : "orange"}">${esc(__(v.status))}</span>
			· <a href="${encodeURI(berkas)}" target="_blank">${__("Unduh PDF")}</a>
			· <a href="${encodeURI(v.url_verifikasi)}" target="_blank">${__("Halaman verifikasi")}</a></p>
			<table class="table table-bordered table-sm"><thead><tr><th>${__("Urutan")}</th><th>${__("Nama")}</th>
			<th>${__("Jabatan")}</th><th>${__("Status")}</th><th>${__("Waktu")}</th></tr></thead>
			<tbody>${tabel(v)}</tbody></table>`;
	};

	const tanda_tangani = (frm, v) => {
		frappe.call(API + "status_sertifikat_saya").then((r) => {
			const s = r.message;
			const d = new frappe.ui.Dialog({
				title: __("Tanda Tangani Elektronik"),
				fields: [
					{
						fieldtype: "HTML",
						options: `<p><span class="indicator-pill ${s.boleh ? "green" : "red"}">${esc(
							s.status
						)}</span> ${esc(s.pesan)}</p>`,
					},
					{ fieldname: "password", fieldtype: "Password", label: __("Passphrase atau kode TOTP"), reqd: 1 },
					{ fieldname: "totp", fieldtype: "Check", label: __("Yang saya ketik adalah kode TOTP") },
					{ fieldname: "ulang", fieldtype: "Check", label: __("Tanda tangani lagi (percobaan sebelumnya tidak diketahui hasilnya)") },
				],
				primary_action_label: __("Tanda Tangani"),
				primary_action: (nilai) => {
					d.get_primary_btn().prop("disabled", true);
					frappe
						.call({
							method: API + (v.name ? "tanda_tangani" : "siapkan_dan_tanda_tangani"),
							args: v.name
								? { dokumen_tte: v.name, password: nilai.password, totp: nilai.totp, ulang: nilai.ulang }
								: { doctype: frm.doctype, name: frm.doc.name, print_format: v.print_format, password: nilai.password, totp: nilai.totp },
							freeze: true,
							freeze_message: __("Menandatangani…"),
						})
						.then((h) => {
							if (h.message && h.message.tak_diketahui) {
								frappe.msgprint({ title: __("Hasil tidak diketahui"), indicator: "orange", message: esc(h.message.pesan) });
							} else {
								frappe.show_alert({ message: __("Dokumen ditandatangani."), indicator: "green" });
							}
							frm.reload_doc();
						})
						.always(() => {
							d.hide();
							d.$wrapper.remove();
						});
				},
			});
			if (!s.boleh) d.get_primary_btn().prop("disabled", true);
			d.show();
		});
	};

	const unggah_form = (frm, v) => {
		const d = new frappe.ui.Dialog({
			title: __("Unggah PDF Bertanda Tangan"),
			fields: [{ fieldtype: "HTML", options: `<input type="file" accept="application/pdf" class="form-control sk-tte-berkas">` }],
			primary_action_label: __("Unggah dan Verifikasi"),
			primary_action: () => {
				const berkas = d.$wrapper.find(".sk-tte-berkas")[0].files[0];
				if (!berkas) return frappe.msgprint(__("Pilih berkas PDF."));
				const data = new FormData();
				data.append("berkas", berkas);
				data.append("dokumen_tte", v.name);
				fetch("/api/method/" + API + "unggah_tertanda", {
					method: "POST",
					body: data,
					headers: { "X-Frappe-CSRF-Token": frappe.csrf_token },
				})
					.then((r) => r.json())
					.then((h) => {
						if (h.exc_type || h._server_messages) {
							const m = h._server_messages ? JSON.parse(JSON.parse(h._server_messages)[0]).message : h.exception;
							frappe.msgprint({ title: __("Unggahan ditolak"), indicator: "red", message: m });
						} else {
							frappe.show_alert({ message: __("PDF bertanda tangan diterima."), indicator: "green" });
							d.hide();
							frm.reload_doc();
						}
					});
			},
		});
		d.show();
	};

	const versi_baru = (frm, v) => {
		frappe.prompt(
			{ fieldname: "alasan", fieldtype: "Small Text", label: __("Alasan koreksi"), reqd: 1 },
			(n) =>
				frappe.call({ method: API + "versi_baru", args: { dokumen_tte: v.name, alasan: n.alasan } }).then(() => frm.reload_doc()),
			__("Versi Baru"),
			__("Buka untuk koreksi")
		);
	};

	const segel = (frm) => {
		const d = new frappe.ui.Dialog({
			title: __("Segel Elektronik Paket Bukti"),
			fields: [{ fieldname: "password", fieldtype: "Password", label: __("Kode sekali pakai segel"), reqd: 1 }],
			primary_action_label: __("Segel"),
			primary_action: (n) =>
				frappe
					.call({ method: API + "segel_paket", args: { evaluasi: frm.doc.name, password: n.password }, freeze: true })
					.then(() => {
						frappe.show_alert({ message: __("Paket bukti disegel."), indicator: "green" });
						frm.reload_doc();
					})
					.always(() => {
						d.hide();
						d.$wrapper.remove();
					}),
		});
		d.show();
	};

	const panel = (frm) => {
		if (frm.is_new()) return;
		frappe.call({ method: API + "panel", args: { doctype: frm.doctype, name: frm.doc.name } }).then((r) => {
			const cetakan = (r.message && r.message.cetakan) || [];
			if (!cetakan.length) return;
			frm.dashboard.add_section(cetakan.map(bagian).join(""), __("Tanda Tangan Elektronik"));
			const grup = __("Tanda Tangan Elektronik");
			cetakan.forEach((c) => {
				const v = c.versi;
				const bertanda = v && v.penandatangan.some((p) => ["Ditandatangani", "Diunggah"].includes(p.status));
				if (!bertanda)
					frm.add_custom_button(__("Siapkan PDF: {0}", [c.print_format]), () =>
						frappe
							.call({ method: API + "siapkan_pdf", args: { doctype: frm.doctype, name: frm.doc.name, print_format: c.print_format }, freeze: true })
							.then(() => frm.reload_doc()), grup);
				if (!v) frm.add_custom_button(__("Tanda Tangani: {0}", [c.print_format]), () => tanda_tangani(frm, { print_format: c.print_format }), grup);
				if (v && v.status !== "Selesai") {
					frm.add_custom_button(__("Tanda Tangani: {0}", [c.print_format]), () => tanda_tangani(frm, v), grup);
					if (v.penandatangan.some((p) => p.boleh_unggah))
						frm.add_custom_button(__("Unggah PDF Bertanda Tangan"), () => unggah_form(frm, v), grup);
				}
				if (bertanda) frm.add_custom_button(__("Versi Baru: {0}", [c.print_format]), () => versi_baru(frm, v), grup);
			});
		});
	};

	const nik_saya = (frm) => {
		if (frm.doctype !== "Pegawai" || frm.doc.user !== frappe.session.user) return;
		frm.add_custom_button(__("NIK Saya"), () =>
			frappe.call(API + "nik_saya").then((r) =>
				frappe.prompt(
					{ fieldname: "nik", fieldtype: "Data", label: __("NIK (16 angka, untuk tanda tangan elektronik)"), default: r.message.nik, reqd: 1 },
					(n) => frappe.call({ method: API + "simpan_nik_saya", args: { nik: n.nik } }).then(() => frappe.show_alert(__("NIK disimpan."))),
					__("NIK Saya"),
					__("Simpan")
				)
			)
		);
	};

	// called by each signed DocType's own refresh (and the Pegawai form's, for NIK Saya)
	const refresh = (frm) => {
		nik_saya(frm);
		panel(frm);
	};
	return { refresh, segel };
})();
