// Excel work paper buttons and upload dialog, shared by the Data Kinerja Bidang and Kertas Kerja
// Evaluasi forms (loaded with both through doctype_js in hooks.py; their own form scripts call
// sakip_evaluasi.kertas_kerja.tombol).
frappe.provide("sakip_evaluasi");
sakip_evaluasi.kertas_kerja ||= (() => {
	const UNDUH = "sakip_evaluasi.api.kertas_kerja.unduh";
	const IMPOR = "sakip_evaluasi.api.kertas_kerja.impor";
	const JENIS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	const esc = (teks) => frappe.utils.escape_html(teks == null ? "" : String(teks));
	const api = {
		tombol(frm, boleh_unggah) {
			if (frm.is_new()) return;
			const grup = __("Kertas Kerja");
			frm.add_custom_button(__("Unduh Kertas Kerja (Excel)"), () => api.unduh(frm), grup);
			if (boleh_unggah) {
				frm.add_custom_button(__("Unggah Kertas Kerja"), () => api.dialog(frm), grup);
			}
			frm.add_custom_button(
				__("Rekap Capaian Kinerja"),
				() =>
					frappe.set_route("query-report", "Rekap Capaian Kinerja", {
						tahun: frm.doc.tahun,
						triwulan: frm.doc.triwulan,
					}),
				grup
			);
		},
		boleh_ubah(frm) {
			return (
				frm.has_perm("write") && !frappe.workflow.is_read_only(frm.doctype, frm.docname)
			);
		},
		unduh(frm) {
			if (frm.is_dirty()) {
				frappe.msgprint(__("Simpan dokumen terlebih dahulu, lalu unduh kertas kerja."));
				return;
			}
			const args = new URLSearchParams({ doctype: frm.doctype, docname: frm.docname });
			window.open(frappe.urllib.get_full_url(`/api/method/${UNDUH}?${args}`));
		},
		dialog(frm) {
			if (frm.is_dirty()) {
				frappe.msgprint(__("Simpan dokumen terlebih dahulu, lalu unggah kertas kerja."));
				return;
			}
			const d = new frappe.ui.Dialog({
				title: __("Unggah Kertas Kerja"),
				size: "large",
				fields: [
					{ fieldtype: "HTML", fieldname: "pilih" },
					{ fieldtype: "HTML", fieldname: "hasil" },
				],
				primary_action_label: __("Periksa dan Impor"),
				primary_action: () => api.kirim(frm, d),
			});
			api.pilih_berkas(
				d.fields_dict.pilih.$wrapper,
				__(
					"Pilih berkas .xlsx yang diunduh dari dokumen ini lalu diisi. Seluruh isi berkas diperiksa lebih dahulu; bila ada satu kesalahan saja, tidak ada data yang diubah."
				)
			);
			d.show();
		},
		// The explanation and the file chooser of an upload dialog: a button and the chosen file's name
		// in Bahasa Indonesia (the browser's own file input speaks the browser's language). Also used by
		// the PK workbook (public/js/buku_kerja_pk.js).
		pilih_berkas($wrapper, keterangan) {
			$wrapper.html(`
					<p class="text-muted small">${esc(keterangan)}</p>
					<div class="d-flex align-items-center mb-2" style="gap: 0.75rem;">
						<label class="btn btn-default btn-sm mb-0">${esc(__("Pilih Berkas…"))}
							<input type="file" class="d-none" accept=".xlsx,${JENIS}">
						</label>
						<span class="nama-berkas text-muted small">${esc(__("Belum ada berkas dipilih"))}</span>
					</div>`);
			$wrapper.find("input[type=file]").on("change", (e) => {
				const berkas = e.target.files[0];
				$wrapper
					.find(".nama-berkas")
					.text(berkas ? berkas.name : __("Belum ada berkas dipilih"))
					.toggleClass("text-muted", !berkas);
			});
		},
		async kirim(frm, d) {
			const berkas = d.fields_dict.pilih.$wrapper.find("input[type=file]")[0].files[0];
			await api.unggah(
				d,
				IMPOR,
				{ doctype: frm.doctype, docname: frm.docname },
				berkas,
				(h) => {
					if (h.berhasil && h.dokumen.length) frm.reload_doc();
				}
			);
		},
		// Post ``berkas`` with ``args`` to ``method`` (multipart) and show the answer in ``d``; also used by
		// the PK workbook (public/js/buku_kerja_pk.js).
		// ``opsi.judul``: the heading of the changes' first column (default Indikator).
		async unggah(d, method, args, berkas, selesai, opsi = {}) {
			if (!berkas) {
				frappe.msgprint(__("Pilih berkas Excel (.xlsx) terlebih dahulu."));
				return;
			}
			const data = new FormData();
			Object.entries(args).forEach(([k, v]) => data.append(k, v));
			data.append("file", berkas, berkas.name);
			const tombol = d.get_primary_btn().prop("disabled", true);
			frappe.dom.freeze(__("Memeriksa berkas…"));
			try {
				const res = await fetch(`/api/method/${method}`, {
					method: "POST",
					headers: {
						Accept: "application/json",
						"X-Frappe-CSRF-Token": frappe.csrf_token,
					},
					body: data,
				});
				const r = await res.json().catch(() => ({}));
				if (res.ok && r.message) {
					api.tampil(d, r.message, opsi);
					selesai && selesai(r.message);
				} else {
					api.tampil_galat(d, r, res.status);
				}
			} catch (e) {
				api.tampil_galat(d, {}, 0);
			} finally {
				frappe.dom.unfreeze();
				tombol.prop("disabled", false);
			}
		},
		tampil_galat(d, r, status) {
			let pesan = [];
			try {
				pesan = JSON.parse(r._server_messages || "[]").map((m) => JSON.parse(m).message);
			} catch (e) {
				pesan = [];
			}
			if (!pesan.length) {
				pesan = [
					status === 413
						? __("Berkas terlalu besar untuk diunggah.")
						: __("Unggahan gagal (kode {0}). Coba lagi.", [status]),
				];
			}
			const teks = pesan.map((p) => esc(frappe.utils.strip_html(p))).join("<br>");
			d.fields_dict.hasil.$wrapper.html(`<div class="alert alert-danger">${teks}</div>`);
		},
		// ``kolom``: [{judul, pendek}] — short columns do not wrap, so at 390 px the long text keeps
		// the width; cells are HTML already escaped by the caller.
		tabel(kolom, baris) {
			const gaya = (k) => (k.pendek ? ' style="white-space: nowrap;"' : "");
			return `<div class="table-responsive" style="max-height: 55vh; overflow: auto;">
					<table class="table table-bordered table-sm small mb-0" style="word-break: break-word;">
					<thead><tr>${kolom.map((k) => `<th${gaya(k)}>${esc(k.judul)}</th>`).join("")}</tr></thead>
					<tbody>${baris
						.map(
							(b) =>
								`<tr>${b
									.map((s, i) => `<td${gaya(kolom[i])}>${s}</td>`)
									.join("")}</tr>`
						)
						.join("")}</tbody></table></div>`;
		},
		tampil(d, h, opsi = {}) {
			const kecil = (teks) => `<div class="text-muted">${esc(teks)}</div>`;
			let html = `<div class="alert ${h.berhasil ? "alert-success" : "alert-danger"}">${esc(
				h.pesan
			)}</div>`;
			if (h.kesalahan.length) {
				html += api.tabel(
					[
						{ judul: __("Lembar"), pendek: true },
						{ judul: __("Baris"), pendek: true },
						{ judul: __("Kolom"), pendek: true },
						{ judul: __("Kesalahan") },
					],
					h.kesalahan.map((k) => [
						esc(k.lembar || __("(berkas)")),
						esc(k.baris || ""),
						esc(k.kolom || ""),
						esc(k.pesan),
					])
				);
			}
			if (h.perubahan.length) {
				const kosong = __("(kosong)");
				// a change of a document (the PK workbook) links to it; Capaian only when there is one
				const capaian = h.perubahan.some((p) => p.predikat);
				const nama = (p) =>
					p.doctype
						? frappe.utils.get_form_link(p.doctype, p.dokumen, true, esc(p.indikator))
						: esc(p.indikator);
				html += api.tabel(
					[
						{ judul: opsi.judul || __("Indikator") },
						{ judul: __("Semula → Menjadi") },
						...(capaian ? [{ judul: __("Capaian"), pendek: true }] : []),
					],
					h.perubahan.map((p) => [
						nama(p) + kecil(p.kolom),
						`${esc(p.lama || kosong)} → <b>${esc(p.baru || kosong)}</b>`,
						...(capaian
							? [
									p.predikat
										? `${esc(format_number(p.capaian, null, 2))} %` +
										  kecil(p.predikat)
										: "",
							  ]
							: []),
					])
				);
			}
			d.fields_dict.hasil.$wrapper.html(html);
		},
	};
	return api;
})();
