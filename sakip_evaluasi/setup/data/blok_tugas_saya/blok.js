// Tugas Saya (Custom HTML Block of the Tugas Saya workspace, installed by sakip_evaluasi.ruang_kerja).
// Every SOP document that waits for the user, from sakip_evaluasi.api.tugas_saya.daftar (the server
// decides what waits, the deadline, the working time left and the colour); one tap opens it.
(() => {
	const wadah = root_element.querySelector(".tugas-saya");
	const esc = (teks) => frappe.utils.escape_html(teks == null ? "" : String(teks));
	const angka = (n) => String(Math.round(Math.abs(n) * 10) / 10).replace(".", ",");
	// Date and time as the user's settings show them, to the minute.
	const waktu = (nilai) => (nilai ? frappe.datetime.str_to_user(nilai).replace(/:\d\d(\.\d+)?$/, "") : "");
	const sisa = (t) => {
		if (t.sisa_jam == null) return "";
		return t.sisa_jam < 0
			? __("terlambat {0} jam kerja", [angka(t.sisa_jam)])
			: __("sisa {0} jam kerja", [angka(t.sisa_jam)]);
	};
	const kartu_tugas = (t) => {
		const kembali = t.pengembalian
			? `<div class="alasan"><b>${esc(
					__("Dikembalikan oleh {0} pada {1}", [t.pengembalian.oleh, waktu(t.pengembalian.waktu)])
			  )}</b><br>${esc(t.pengembalian.alasan)}</div>`
			: "";
		const batas = t.batas_waktu
			? `<div class="batas">${esc(__("Batas waktu"))}: <b>${esc(waktu(t.batas_waktu))}</b> · ${esc(
					sisa(t)
			  )}${t.status_sla ? ` · ${esc(__(t.status_sla))}` : ""}</div>`
			: "";
		// On a phone a document with a page made for it (cards, big buttons) opens there.
		const ponsel = t.url_ponsel && window.matchMedia("(max-width: 767px)").matches;
		return `<a class="kartu ${esc(t.warna_sla)}" href="${esc(ponsel ? t.url_ponsel : t.url)}"${
			ponsel ? ' data-ponsel="1"' : ""
		} data-doctype="${esc(
			t.doctype
		)}" data-name="${esc(t.name)}">
			<div><span class="pill ${esc(t.warna_sla)}">${esc(t.status_label)}</span>
			<span class="judul">${esc(t.judul)}</span></div>
			<div class="nama">${esc(t.name)}${t.evaluasi && t.evaluasi !== t.name ? ` · ${esc(t.evaluasi)}` : ""}</div>
			<div class="petunjuk">${esc(t.petunjuk)}</div>${kembali}${batas}</a>`;
	};
	const kartu_evaluasi = (e) => {
		const terlambat = e.terlambat.length
			? `<div class="batas"><b>${esc(__("Langkah terlambat"))}</b><ul>${e.terlambat
					.map(
						(j) =>
							`<li>${esc(__("Langkah {0}", [j.langkah]))}${j.bidang ? ` (${esc(j.bidang)})` : ""}: ${esc(
								j.pelaksana
							)} · ${esc(__("terlambat {0} jam kerja", [angka(j.terlambat_jam)]))}</li>`
					)
					.join("")}</ul></div>`
			: `<div class="batas">${esc(__("Tidak ada langkah yang terlambat."))}</div>`;
		return `<a class="kartu ${esc(e.warna_sla)}" href="${esc(e.url)}" data-doctype="Evaluasi Kinerja Internal" data-name="${esc(
			e.name
		)}">
			<div class="judul">${esc(e.name)}</div>
			<div class="petunjuk">${esc(__("Langkah saat ini"))}: ${esc(e.langkah_saat_ini || "-")}</div>
			<div class="batas">${esc(__("Pemegang langkah"))}: ${esc(e.pemegang_langkah || "-")}</div>
			<div class="batas">${esc(__("Batas waktu langkah"))}: <b>${esc(waktu(e.batas_waktu))}</b> · ${esc(sisa(e))}</div>
			${terlambat}</a>`;
	};
	const tampilkan = (data) => {
		const tugas = data.tugas || [];
		let html = `<div class="bagian"><h4>${esc(__("Menunggu tindakan Anda"))} (${tugas.length})</h4>`;
		html += tugas.length
			? tugas.map(kartu_tugas).join("")
			: `<div class="kosong">${esc(__("Tidak ada dokumen yang menunggu tindakan Anda."))}</div>`;
		html += "</div>";
		if ((data.evaluasi || []).length) {
			html += `<div class="bagian"><h4>${esc(__("Evaluasi yang sedang berjalan"))}</h4>${data.evaluasi
				.map(kartu_evaluasi)
				.join("")}</div>`;
		}
		wadah.innerHTML = html;
		wadah.querySelectorAll("a.kartu").forEach((a) =>
			a.addEventListener("click", (e) => {
				e.preventDefault();
				if (a.dataset.ponsel) {
					// the document's phone page: /app/<page>?dokumen=<name>
					const url = new URL(a.href, window.location.origin);
					frappe.set_route(url.pathname.slice("/app/".length), Object.fromEntries(url.searchParams));
				} else {
					frappe.set_route("Form", a.dataset.doctype, a.dataset.name);
				}
			})
		);
	};
	frappe
		.xcall("sakip_evaluasi.api.tugas_saya.daftar")
		.then(tampilkan)
		.catch(() => {
			wadah.innerHTML = `<div class="kosong">${esc(__("Tugas Anda tidak dapat dimuat. Muat ulang halaman."))}</div>`;
		});
})();
