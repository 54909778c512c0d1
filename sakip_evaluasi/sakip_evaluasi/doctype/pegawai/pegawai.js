// Pegawai: the person's own NIK (personal data behind a permission level: only they, through NIK Saya,
// and the administrators see it), for electronic signatures (public/js/tte.js).
frappe.ui.form.on("Pegawai", {
	refresh: (frm) => sakip_evaluasi.tte.refresh(frm),
});
