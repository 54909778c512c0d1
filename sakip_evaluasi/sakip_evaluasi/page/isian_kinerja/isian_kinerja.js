// Isian Kinerja (/app/isian-kinerja?dokumen=<Data Kinerja Bidang>): a Data Kinerja Bidang on a phone,
// one card per indicator.
// - What is shown, what the user may fill and which actions wait for them come from the server
//   (sakip_evaluasi.api.isian_ponsel.muat: permissions, the state's edit rule, the workflow).
// - The capaian, realisasi s.d. TW and predikat follow the typing, computed on the server by the rule
//   every save applies (…isian_ponsel.hitung, debounced); a tap on the capaian shows the formula with
//   its numbers.
// - Saving is the document's normal save (frappe.client.save: validation and "document has been
//   modified" apply); an action is Frappe's apply_workflow (the app's override and the workflow's
//   conditions apply). What was typed stays on the page on any error, and in the browser until saved.
// - A computed indicator (Jenis Indikator "Rumus") shows a field per component instead of the
//   realisasi; the realisasi is computed from them by the same rule and shown read-only.
// - Bukti dukung: a photo from the camera or a file, uploaded private to the document.
// - Realisasi anggaran: one card per program, kegiatan and sub-kegiatan of the bidang's PK; the amount
//   spent this triwulan is typed, the s.d. TW, penyerapan and any refusal (above the pagu) follow the
//   typing (…isian_ponsel.hitung_anggaran, the save's rule); the save sends the amounts as numbers.
frappe.pages["isian-kinerja"].on_page_load = (wrapper) => {
	const page = frappe.ui.make_app_page({
		parent: wrapper,
		title: __("Isian Kinerja"),
		single_column: true,
	});
	wrapper.isian = new SakipIsianKinerja(page);
};

frappe.pages["isian-kinerja"].on_page_show = (wrapper) => {
	const dokumen =
		(frappe.route_options && frappe.route_options.dokumen) ||
		new URLSearchParams(window.location.search).get("dokumen");
	frappe.route_options = null;
	// the address names the document, so a reload or a shared link opens it again
	if (dokumen && new URLSearchParams(window.location.search).get("dokumen") !== dokumen) {
		window.history.replaceState(null, "", `?${new URLSearchParams({ dokumen })}`);
	}
	wrapper.isian.buka(dokumen);
};

class SakipIsianKinerja {
	static API = "sakip_evaluasi.api.isian_ponsel";
	static DKB = "Data Kinerja Bidang";

	constructor(page) {
		this.page = page;
		this.$body = $(`<div class="sakip-isian"></div>`).appendTo(page.main);
		// Delegated handlers, bound once for the page: each visit and each reload of the document
		// only redraws what is inside $body (one tap = one save, one confirmation).
		this.ikat();
	}

	esc(teks) {
		return frappe.utils.escape_html(teks == null ? "" : String(teks));
	}

	angka(n) {
		if (n == null || n === "") return "–";
		return format_number(n, null, Number.isInteger(Number(n)) ? 0 : 2);
	}

	waktu(nilai) {
		return nilai ? frappe.datetime.str_to_user(nilai).replace(/:\d\d(\.\d+)?$/, "") : "";
	}

	kunci_draf() {
		return `sakip-isian:${this.dokumen}`;
	}

	buka(dokumen) {
		if (!dokumen) {
			this.$body.html(
				`<div class="kosong">${this.esc(
					__("Buka halaman ini dari Tugas Saya atau dari formulir Data Kinerja Bidang.")
				)}</div>`
			);
			return;
		}
		this.dokumen = dokumen;
		this.$body.html(`<div class="kosong">${this.esc(__("Memuat…"))}</div>`);
		return this.muat();
	}

	// The document as the server holds it (for the save) and as cards (for the page).
	muat() {
		return Promise.all([
			frappe.xcall(`${SakipIsianKinerja.API}.muat`, { dokumen: this.dokumen }),
			frappe.xcall("frappe.client.get", {
				doctype: SakipIsianKinerja.DKB,
				name: this.dokumen,
			}),
		]).then(([data, doc]) => {
			this.data = data;
			this.doc = doc;
			this.page.set_title(__("Data Kinerja"));
			this.gambar();
			this.pulihkan_draf();
		});
	}

	boleh(kolom) {
		return this.data.kolom_terbuka.includes(kolom);
	}

	gambar() {
		const d = this.data;
		const tw = `TW ${d.triwulan}`;
		const batas = d.batas_waktu
			? `<div>${this.esc(__("Batas waktu"))}: <b>${this.esc(this.waktu(d.batas_waktu))}</b> · ${this.esc(
					d.sisa_jam < 0
						? __("terlambat {0} jam kerja", [this.angka(Math.abs(d.sisa_jam))])
						: __("sisa {0} jam kerja", [this.angka(d.sisa_jam)])
			  )}</div>`
			: "";
		const kembali = d.pengembalian
			? `<div class="alasan"><b>${this.esc(
					__("Dikembalikan oleh {0} pada {1}", [d.pengembalian.oleh, this.waktu(d.pengembalian.waktu)])
			  )}</b><br>${this.esc(d.pengembalian.alasan)}</div>`
			: "";
		const kepala = `<div class="kepala ${this.esc(d.warna_sla || "")}">
			<div><span class="pill">${this.esc(d.status_label)}</span>
			<b>${this.esc(d.judul)}</b></div>
			<div class="text-muted">${this.esc(d.name)}</div>
			<div>${this.esc(__("Triwulan {0} {1}", [d.triwulan, d.tahun]))}</div>
			${d.petunjuk ? `<div class="petunjuk">${this.esc(d.petunjuk)}</div>` : ""}
			${batas}${kembali}
			<div class="terisi"></div>
		</div>`;
		const kartu = d.baris.map((r, i) => this.kartu(r, i, tw)).join("");
		const aksi = d.aksi
			.map(
				(a) =>
					`<button class="btn btn-lg ${
						a.perlu_alasan ? "btn-default" : "btn-primary"
					}" data-aksi="${this.esc(a.aksi)}">${this.esc(a.label)}</button>`
			)
			.join("");
		const simpan = d.kolom_terbuka.length || d.anggaran_terbuka
			? `<button class="btn btn-lg btn-default" data-simpan="1">${this.esc(__("Simpan"))}</button>`
			: "";
		this.$body.html(`${kepala}${kartu}${this.anggaran_html(tw)}
			<div class="bilah-aksi">${simpan}${aksi}</div>
			<div class="tautan-form"><a href="${this.esc(d.form_url)}">${this.esc(
			__("Buka formulir lengkap")
		)}</a></div>`);
		this.hitung_terisi();
	}

	kartu(r, i, tw) {
		const input = (kolom, label, html) =>
			`<label class="isian"><span>${this.esc(label)}</span>${html}</label>`;
		const teks = (kolom, label) =>
			this.boleh(kolom)
				? input(
						kolom,
						label,
						`<textarea rows="2" data-kolom="${kolom}" data-baris="${this.esc(r.name)}">${this.esc(
							r[kolom] || ""
						)}</textarea>`
				  )
				: r[kolom]
				? `<div class="baca"><span>${this.esc(label)}</span>${this.esc(r[kolom])}</div>`
				: "";
		const berumus = (r.komponen || []).length > 0;
		const komponen = (r.komponen || [])
			.map((k) =>
				this.boleh("komponen")
					? input(
							"komponen",
							k.komponen,
							`<input type="text" inputmode="decimal" enterkeyhint="next" autocomplete="off"
								class="angka" data-kolom="komponen" data-baris="${this.esc(r.name)}"
								data-nama="${this.esc(k.komponen)}" value="${this.esc(k.nilai || "")}">`
					  )
					: `<div class="baca"><span>${this.esc(k.komponen)}</span><b>${this.esc(k.nilai || "–")}</b></div>`
			)
			.join("");
		const dihitung = `<div class="baca"><span>${this.esc(
			__("Realisasi {0} (dihitung dari komponen)", [tw])
		)}</span><b data-realisasi="${this.esc(r.name)}">${this.esc(r.realisasi || "–")}</b> ${this.esc(
			r.satuan || ""
		)}</div>`;
		const realisasi = berumus
			? komponen + dihitung + `<div class="galat" data-galat="${this.esc(r.name)}"></div>`
			: this.boleh("realisasi")
			? input(
					"realisasi",
					__("Realisasi {0} ({1})", [tw, r.satuan || "-"]),
					`<input type="text" inputmode="decimal" enterkeyhint="next" autocomplete="off"
						class="angka" data-kolom="realisasi" data-baris="${this.esc(r.name)}"
						value="${this.esc(r.realisasi || "")}">`
			  ) + `<div class="galat" data-galat="${this.esc(r.name)}"></div>`
			: `<div class="baca"><span>${this.esc(__("Realisasi {0}", [tw]))}</span><b>${this.esc(
					r.realisasi || "–"
			  )}</b> ${this.esc(r.satuan || "")}</div>`;
		const bukti = this.boleh("bukti_dukung")
			? `<div class="bukti">
				<label class="btn btn-default btn-sm">${this.esc(__("Foto / Unggah Bukti Dukung"))}
				<input type="file" accept="image/*,application/pdf" capture="environment" hidden
					data-unggah="${this.esc(r.name)}"></label>
				<span data-bukti="${this.esc(r.name)}">${this.tautan_bukti(r.bukti_dukung)}</span></div>`
			: r.bukti_dukung
			? `<div class="baca"><span>${this.esc(__("Bukti Dukung"))}</span>${this.tautan_bukti(
					r.bukti_dukung
			  )}</div>`
			: "";
		return `<div class="kartu" data-kartu="${this.esc(r.name)}">
			<div class="nama">${i + 1}. ${this.esc(r.nama_indikator || r.indikator)}</div>
			<div class="satuan">${this.esc(__("Satuan"))}: ${this.esc(r.satuan || "-")} · ${this.esc(
			__(r.polaritas || "Positif")
		)} · ${this.esc(__(r.akumulasi || "Kumulatif"))}</div>
			<div class="angka-angka">
				<div><span>${this.esc(__("Target {0}", [tw]))}</span><b>${this.angka(r.target_tw)}</b></div>
				<div><span>${this.esc(__("Target s.d. {0}", [tw]))}</span><b>${this.angka(
			r.target_sd_tw
		)}</b></div>
				<div><span>${this.esc(__("Realisasi s.d. {0}", [tw]))}</span><b data-sd="${this.esc(
			r.name
		)}">${r.realisasi ? this.angka(r.realisasi_sd_tw) : "–"}</b></div>
				<button type="button" class="capaian" data-capaian="${this.esc(r.name)}"
					title="${this.esc(__("Lihat rumus capaian"))}">${this.capaian_html(r)}</button>
			</div>
			<div class="uraian" data-uraian="${this.esc(r.name)}" hidden>${this.esc(r.uraian_capaian)}</div>
			${realisasi}${teks("kendala", __("Kendala/Hambatan"))}${teks("upaya", __("Upaya/Solusi"))}${bukti}
		</div>`;
	}

	rupiah(n) {
		return `Rp ${format_number(n || 0, null, Number.isInteger(Number(n || 0)) ? 0 : 2)}`;
	}

	anggaran_html(tw) {
		const d = this.data;
		if (!d.anggaran || !d.anggaran.length) return "";
		const kartu = d.anggaran
			.map((r) => {
				const isi = d.anggaran_terbuka
					? `<label class="isian"><span>${this.esc(__("Realisasi anggaran {0} (Rp)", [tw]))}</span>
						<input type="text" inputmode="decimal" autocomplete="off" class="angka"
							data-kolom="realisasi_tw" data-baris="${this.esc(r.name)}"
							value="${this.esc(r.realisasi_tw ? String(r.realisasi_tw) : "")}"></label>`
					: `<div class="baca"><span>${this.esc(__("Realisasi anggaran {0}", [tw]))}</span><b>${this.esc(
							this.rupiah(r.realisasi_tw)
					  )}</b></div>`;
				return `<div class="kartu anggaran" data-kartu="${this.esc(r.name)}">
				<div class="satuan">${this.esc(__(r.jenis || ""))} ${this.esc(r.kode_sipd || "")}</div>
				<div class="nama">${this.esc(r.nama)}</div>
				<div class="angka-angka">
					<div><span>${this.esc(__("Pagu"))}</span><b>${this.esc(this.rupiah(r.pagu))}</b></div>
					<div><span>${this.esc(__("Realisasi s.d. TW lalu"))}</span><b>${this.esc(
					this.rupiah(r.realisasi_sd_tw_lalu)
				)}</b></div>
					<div><span>${this.esc(__("Realisasi s.d. {0}", [tw]))}</span><b data-sd-anggaran="${this.esc(
					r.name
				)}">${this.esc(this.rupiah(r.realisasi_sd_tw))}</b></div>
					<div><span>${this.esc(__("Penyerapan"))}</span><b data-serapan="${this.esc(r.name)}">${this.esc(
					format_number(r.penyerapan || 0, null, 2)
				)} %</b></div>
				</div>
				${isi}<div class="galat" data-galat="${this.esc(r.name)}"></div>
			</div>`;
			})
			.join("");
		return `<div class="judul-bagian">${this.esc(__("Realisasi Anggaran"))}</div>${kartu}`;
	}

	// The realisasi anggaran typed so far, computed by the save's rule: shown on each card and returned
	// (row → result, its "nilai" the number the save sends).
	hitung_anggaran() {
		const realisasi = {};
		Object.entries(this.isian()).forEach(([baris, v]) => {
			if ("realisasi_tw" in v) realisasi[baris] = v.realisasi_tw;
		});
		if (!Object.keys(realisasi).length) return Promise.resolve({});
		return frappe
			.xcall(`${SakipIsianKinerja.API}.hitung_anggaran`, { dokumen: this.dokumen, realisasi })
			.then((hasil) => {
				Object.entries(hasil).forEach(([baris, h]) => {
					const sel = (attr) => this.$body.find(`[${attr}="${CSS.escape(baris)}"]`);
					sel("data-galat").text(h.galat || "");
					sel("data-kartu").toggleClass("salah", !!h.galat);
					sel("data-sd-anggaran").text(this.rupiah(h.realisasi_sd_tw));
					sel("data-serapan").text(`${format_number(h.penyerapan || 0, null, 2)} %`);
				});
				return hasil;
			});
	}

	capaian_html(r) {
		const terisi = r.realisasi != null && r.realisasi !== "" && r.terisi !== false;
		const nilai = terisi && r.predikat ? `${format_number(r.capaian, null, 2)} %` : "–";
		return `<span>${this.esc(__("Capaian s.d. TW {0}", [this.data.triwulan]))} · <u>${this.esc(
			__("rumus")
		)}</u></span><b>${this.esc(nilai)}</b><small>${this.esc(terisi ? __(r.predikat || "") : "")}</small>`;
	}

	tautan_bukti(url) {
		if (!url) return "";
		const nama = decodeURIComponent(url.split("/").pop());
		return `<a href="${this.esc(url)}" target="_blank" rel="noopener">${this.esc(nama)}</a>`;
	}

	ikat() {
		const me = this;
		this.$body.on("input", "[data-kolom]", function () {
			me.simpan_draf();
			if (this.dataset.kolom === "realisasi" || this.dataset.kolom === "komponen") {
				me.hitung_terisi();
				clearTimeout(me._tunda);
				me._tunda = setTimeout(() => me.hitung(), 400);
			}
			if (this.dataset.kolom === "realisasi_tw") {
				clearTimeout(me._tunda_anggaran);
				me._tunda_anggaran = setTimeout(() => me.hitung_anggaran(), 400);
			}
		});
		// The phone's "next" key moves to the next realisasi (typing, no tap).
		this.$body.on("keydown", "input[data-kolom='realisasi'], input[data-kolom='komponen']", function (e) {
			if (e.key !== "Enter") return;
			e.preventDefault();
			const semua = me.$body.find("input[data-kolom='realisasi'], input[data-kolom='komponen']").toArray();
			const berikut = semua[semua.indexOf(this) + 1];
			if (berikut) berikut.focus();
			else this.blur();
		});
		this.$body.on("click", "[data-capaian]", function () {
			me.$body.find(`[data-uraian="${CSS.escape(this.dataset.capaian)}"]`).prop("hidden", (i, v) => !v);
		});
		this.$body.on("change", "[data-unggah]", function () {
			if (this.files && this.files[0]) me.unggah(this.dataset.unggah, this.files[0]);
		});
		this.$body.on("click", "[data-simpan]", () => this.simpan().then((ok) => ok && this.sukses(__("Tersimpan."))));
		this.$body.on("click", "[data-aksi]", function () {
			if (!me.data) return;
			me.tindakan(me.data.aksi.find((a) => a.aksi === this.dataset.aksi));
		});
	}

	// What is typed, per row and column; a computed indicator's components become its component
	// text, a line "nama: nilai" per component (as the row stores it).
	isian() {
		const nilai = {};
		this.$body.find("[data-kolom]").each(function () {
			const baris = (nilai[this.dataset.baris] ||= {});
			if (this.dataset.nama === undefined) baris[this.dataset.kolom] = this.value;
			else {
				const baru = `${this.dataset.nama}: ${this.value.trim()}`.trim();
				baris.komponen = baris.komponen === undefined ? baru : `${baris.komponen}\n${baru}`;
			}
		});
		return nilai;
	}

	// A card counts as filled when its realisasi, or every component of a computed indicator, is.
	kosong() {
		const kartu = this.$body.find("[data-kartu]").toArray();
		return kartu
			.map((k) => $(k).find("input[data-kolom='realisasi'], input[data-kolom='komponen']").toArray())
			.filter((isian) => isian.length && isian.some((el) => !el.value.trim()))
			.map((isian) => isian.find((el) => !el.value.trim()));
	}

	hitung_terisi() {
		const semua = this.$body
			.find("[data-kartu]")
			.toArray()
			.filter((k) => $(k).find("input[data-kolom='realisasi'], input[data-kolom='komponen']").length);
		if (!semua.length) return;
		const terisi = semua.length - this.kosong().length;
		this.$body
			.find(".terisi")
			.text(__("{0} dari {1} indikator terisi", [terisi, semua.length]));
	}

	// The capaian as it would be with what is typed now; a value that is not a number is shown under
	// its field, the others are computed.
	hitung() {
		const realisasi = {};
		const komponen = {};
		Object.entries(this.isian()).forEach(([baris, v]) => {
			if ("realisasi" in v) realisasi[baris] = v.realisasi;
			if ("komponen" in v) komponen[baris] = v.komponen;
		});
		return frappe
			.xcall(`${SakipIsianKinerja.API}.hitung`, { dokumen: this.dokumen, realisasi, komponen })
			.then((hasil) => {
				Object.entries(hasil).forEach(([baris, h]) => {
					const sel = (attr) => this.$body.find(`[${attr}="${CSS.escape(baris)}"]`);
					sel("data-galat").text(h.galat || "");
					sel("data-kartu").toggleClass("salah", !!h.galat);
					sel("data-sd").text(h.terisi ? this.angka(h.realisasi_sd_tw) : "–");
					sel("data-realisasi").text(h.terisi ? h.realisasi : "–");
					sel("data-capaian").html(
						this.capaian_html({ ...h, realisasi: h.terisi ? "1" : "" })
					);
					sel("data-uraian").text(h.uraian_capaian || "");
				});
				return hasil;
			});
	}

	simpan_draf() {
		try {
			localStorage.setItem(this.kunci_draf(), JSON.stringify(this.isian()));
		} catch (e) {
			// storage full or disabled: the values stay on the page
		}
	}

	// Values typed and not saved (a reload, a lost connection) come back into their fields.
	pulihkan_draf() {
		let draf;
		try {
			draf = JSON.parse(localStorage.getItem(this.kunci_draf()) || "null");
		} catch (e) {
			draf = null;
		}
		if (!draf || !(this.data.kolom_terbuka.length || this.data.anggaran_terbuka)) return;
		let berubah = false;
		Object.entries(draf).forEach(([baris, kolom]) => {
			Object.entries(kolom).forEach(([k, v]) => {
				// the component text goes back into its fields, one line "nama: nilai" each
				const isian =
					k === "komponen"
						? String(v)
								.split("\n")
								.map((b) => [b.slice(0, b.lastIndexOf(":")), b.slice(b.lastIndexOf(":") + 1).trim()])
						: [[null, v]];
				isian.forEach(([nama, nilai]) => {
					const pilih = `[data-baris="${CSS.escape(baris)}"][data-kolom="${CSS.escape(k)}"]`;
					const el = this.$body.find(
						nama === null ? pilih : `${pilih}[data-nama="${CSS.escape(nama)}"]`
					)[0];
					if (el && el.value !== nilai) {
						el.value = nilai;
						berubah = true;
					}
				});
			});
		});
		if (berubah) {
			frappe.show_alert({ message: __("Isian yang belum tersimpan dipulihkan."), indicator: "orange" });
			this.hitung_terisi();
			this.hitung();
			this.hitung_anggaran();
		}
	}

	ada_perubahan() {
		const isian = this.isian();
		return [...this.doc.baris, ...(this.doc.anggaran || [])].some((row) =>
			Object.entries(isian[row.name] || {}).some(([k, v]) => String(row[k] || "") !== v)
		);
	}

	// The document's normal save with what is typed; true when saved. On an error the message is
	// shown and every typed value stays where it is.
	simpan() {
		if (!this.ada_perubahan()) return Promise.resolve(true);
		const isian = this.isian();
		const doc = JSON.parse(JSON.stringify(this.doc));
		doc.baris.forEach((row) => Object.assign(row, isian[row.name] || {}));
		// the amounts go as numbers, read by the server's rule however they were typed (1.500.000)
		return this.hitung_anggaran()
			.then((anggaran) => {
				const salah = Object.values(anggaran).find((h) => h.bukan_angka);
				if (salah) {
					frappe.msgprint(salah.galat);
					return Promise.reject();
				}
				(doc.anggaran || []).forEach((row) => {
					if (anggaran[row.name]) row.realisasi_tw = anggaran[row.name].nilai;
				});
				return frappe.xcall("frappe.client.save", { doc });
			})
			.then((tersimpan) => {
				this.doc = tersimpan;
				localStorage.removeItem(this.kunci_draf());
				return true;
			})
			.catch(() => false);
	}

	unggah(baris, berkas) {
		const form = new FormData();
		form.append("file", berkas, berkas.name);
		form.append("is_private", "1");
		form.append("doctype", SakipIsianKinerja.DKB);
		form.append("docname", this.dokumen);
		const $tempat = this.$body.find(`[data-bukti="${CSS.escape(baris)}"]`);
		$tempat.text(__("Mengunggah…"));
		fetch("/api/method/upload_file", {
			method: "POST",
			body: form,
			headers: { "X-Frappe-CSRF-Token": frappe.csrf_token, Accept: "application/json" },
		})
			.then((r) => r.json().then((j) => ({ ok: r.ok, j })))
			.then(({ ok, j }) => {
				if (!ok || !j.message) throw new Error(frappe.utils.strip_html(j._server_messages || ""));
				const row = this.doc.baris.find((r) => r.name === baris);
				const url = j.message.file_url;
				// Kept as typed input so the next save carries it.
				let $el = this.$body.find(`[data-baris="${CSS.escape(baris)}"][data-kolom="bukti_dukung"]`);
				if (!$el.length) {
					$el = $(
						`<input type="hidden" data-kolom="bukti_dukung" data-baris="${this.esc(baris)}">`
					).appendTo($tempat.parent());
				}
				$el.val(url);
				if (row && !("bukti_dukung" in row)) row.bukti_dukung = "";
				$tempat.html(this.tautan_bukti(url));
				this.simpan_draf();
				return this.simpan().then((ok) => ok && this.sukses(__("Bukti dukung tersimpan.")));
			})
			.catch((e) => {
				$tempat.text("");
				frappe.msgprint({
					title: __("Bukti dukung gagal diunggah"),
					message: this.esc(e.message || __("Coba lagi.")),
					indicator: "red",
				});
			});
	}

	sukses(pesan) {
		frappe.show_alert({ message: pesan, indicator: "green" });
	}

	// A workflow action: a confirmation that says what happens next (a return also asks the reason),
	// then save what is typed, then Frappe's apply_workflow.
	tindakan(aksi) {
		if (!aksi) return;
		const kosong = this.kosong();
		if (!aksi.perlu_alasan && kosong.length) {
			kosong[0].focus();
			frappe.msgprint(
				__("Realisasi belum diisi pada {0} indikator. Isi semua realisasi sebelum {1}.", [
					kosong.length,
					aksi.label,
				])
			);
			return;
		}
		const fields = [
			{
				fieldtype: "HTML",
				fieldname: "selanjutnya",
				options: `<p>${this.esc(aksi.selanjutnya)}</p>`,
			},
		];
		if (aksi.perlu_alasan) {
			fields.unshift({
				fieldname: "alasan",
				fieldtype: "Small Text",
				label: __("Alasan Dikembalikan"),
				reqd: 1,
				description: __("Tuliskan apa yang harus diperbaiki."),
			});
		}
		const dialog = new frappe.ui.Dialog({
			title: __("{0} {1}?", [aksi.label, this.data.judul]),
			fields,
			primary_action_label: aksi.perlu_alasan ? aksi.label : __("Ya, {0}", [aksi.label]),
			primary_action: (nilai) => {
				const alasan = (nilai.alasan || "").trim();
				if (aksi.perlu_alasan && !alasan) {
					frappe.msgprint(__("Alasan pengembalian tidak boleh kosong."));
					return;
				}
				dialog.hide();
				this.jalankan(aksi, alasan);
			},
		});
		dialog.show();
	}

	jalankan(aksi, alasan) {
		frappe.dom.freeze(__("Memproses…"));
		const sebelum = alasan
			? frappe.xcall("frappe.client.set_value", {
					doctype: SakipIsianKinerja.DKB,
					name: this.dokumen,
					fieldname: this.data.field_alasan,
					value: alasan,
			  })
			: this.simpan().then((ok) => (ok ? this.doc : Promise.reject()));
		return sebelum
			.then((doc) =>
				frappe.xcall("frappe.model.workflow.apply_workflow", {
					doc: { doctype: SakipIsianKinerja.DKB, name: this.dokumen, modified: doc.modified },
					action: aksi.aksi,
				})
			)
			.then(() => {
				localStorage.removeItem(this.kunci_draf());
				this.sukses(__("{0} berhasil. {1}", [aksi.label, aksi.selanjutnya]));
				return this.muat();
			})
			.catch(() => null)
			.finally(() => frappe.dom.unfreeze());
	}
}
