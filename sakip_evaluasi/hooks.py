app_name = "sakip_evaluasi"
app_title = "SAKIP Evaluasi"
app_publisher = "sakip_evaluasi contributors"
app_description = "Evaluasi Kinerja Internal (SAKIP) sesuai SOP, di Frappe desk"
app_email = "sakip-evaluasi@example.org"
app_license = "mit"

# Write the typed field block into controllers when a DocType is saved in developer mode.
export_python_type_annotations = True

# Served with the forms (no build step): the workflow hint for phone users on every SOP output
# document, and the Excel work paper buttons on the two documents that carry the work paper.
_ALUR_KERJA = "public/js/alur_kerja.js"
_KERTAS_KERJA = "public/js/kertas_kerja_excel.js"
_PERINGATAN_DINI = "public/js/peringatan_dini.js"
_CETAK = "public/js/cetak.js"
# The electronic-signature panel of every signed document and the NIK Saya button (public/js/tte.js).
_TTE = "public/js/tte.js"
# The PK workbook of an OPD and year (public/js/buku_kerja_pk.js), on the Perjanjian Kinerja form and list;
# it posts and shows the result with the work paper's dialog code.
_BUKU_PK = "public/js/buku_kerja_pk.js"
# Built by `bench build` and served on every desk page: what the report scripts share (their filters).
app_include_js = ["filter_laporan.bundle.js", "layar.bundle.js"]
doctype_js = {
	# The evaluation uses its timeline helper (rapikan_linimasa) and the evidence pack button.
	"Evaluasi Kinerja Internal": [_ALUR_KERJA, _CETAK, _TTE],
	"Disposisi": [_ALUR_KERJA],
	"Kertas Kerja Evaluasi": [_ALUR_KERJA, _KERTAS_KERJA, _PERINGATAN_DINI],
	"Data Kinerja Bidang": [_ALUR_KERJA, _KERTAS_KERJA, _PERINGATAN_DINI],
	"Notulen Rapat": [_ALUR_KERJA, _TTE],
	"Tindak Lanjut Evaluasi": [_ALUR_KERJA, _TTE],
	"Pegawai": [_TTE],
	"Evaluasi AKIP": [_ALUR_KERJA],
	"Perjanjian Kinerja": [_KERTAS_KERJA, _BUKU_PK],
}
doctype_list_js = {"Perjanjian Kinerja": [_KERTAS_KERJA, _BUKU_PK]}

after_install = "sakip_evaluasi.setup.install.after_install"
after_migrate = "sakip_evaluasi.setup.install.after_migrate"
before_uninstall = "sakip_evaluasi.setup.install.before_uninstall"
# Integration tests: the officials' test users are made once per run (sakip_evaluasi/tests/factories.py).
before_tests = "sakip_evaluasi.tests.factories.sebelum_uji"
# People by name on every desk page: the names of the session user's co-workers (halaman/nama_pengguna.py).
boot_session = "sakip_evaluasi.halaman.nama_pengguna.tambah_ke_boot"

# The official documents are printed to PDF by headless Chromium (sakip_evaluasi/cetak/pdf.py): Frappe
# v15.55.1 has no PDF generator hook, so each request and each job first puts the app's get_pdf in
# frappe.utils.pdf (the print view's PDF, the Workflow Action e-mail attachment, "Kirim lewat e-mail");
# HTML of any other print format still goes to Frappe's wkhtmltopdf.
before_request = ["sakip_evaluasi.cetak.pdf.pakai_chromium"]
before_job = ["sakip_evaluasi.cetak.pdf.pakai_chromium"]

# The app's own DocTypes get their lifecycle from their controllers (controllers/alur_kerja.py and
# the DocType controllers call the SLA engine); doc_events only for other apps' DocTypes.
doc_events = {
	# Which Value Change Notifications a save of an SOP document may skip (sakip_evaluasi/extends/perubahan_nilai.py).
	"Notification": {
		"on_update": "sakip_evaluasi.extends.perubahan_nilai.notifikasi_berubah",
		"after_delete": "sakip_evaluasi.extends.perubahan_nilai.notifikasi_berubah",
	},
	# Workflow Action e-mails and the handover Notifications' e-mail records only while the site can
	# send e-mail (sakip_evaluasi/extends/surel.py).
	"Email Account": {
		"on_update": "sakip_evaluasi.extends.surel.email_account_berubah",
		"after_delete": "sakip_evaluasi.extends.surel.email_account_berubah",
	},
	# Attachments of the app's documents are stored private (sakip_evaluasi/extends/berkas.py).
	"File": {"validate": "sakip_evaluasi.extends.berkas.jadikan_privat"},
	# A document signed electronically is locked until a new version replaces it; any DocType whose print
	# format has a rule in Pengaturan TTE (sakip_evaluasi/extends/tte_kunci.py).
	"*": {
		"validate": "sakip_evaluasi.extends.tte_kunci.cegah_ubah_tertanda",
		"on_trash": "sakip_evaluasi.extends.tte_kunci.cegah_ubah_tertanda",
	},
}
# The Pemda-wide SOP and Kalender Kerja (no OPD) are changed by the Pemda's administrators alone
# (sakip_evaluasi/pejabat/izin.py); an OPD's own is scoped by the User Permission on OPD like every OPD record.
has_permission = {
	"SOP": "sakip_evaluasi.pejabat.izin.izin_acuan_pemda",
	"Kalender Kerja": "sakip_evaluasi.pejabat.izin.izin_acuan_pemda",
	# The letter of a Rahasia disposisi opens for its sender and addressee alone (sakip_evaluasi/extends/berkas.py).
	"File": "sakip_evaluasi.extends.berkas.izin_berkas",
}
override_doctype_class = {
	# ... and so does its download, which Frappe checks with File.is_downloadable, not the hook above.
	"File": "sakip_evaluasi.extends.berkas.BerkasSakip",
	# An Error Log made while a request reads from the replica is written to the primary later (Frappe's
	# deferred insert) instead of failing on the read-only replica (sakip_evaluasi/extends/catatan_galat.py).
	"Error Log": "sakip_evaluasi.extends.catatan_galat.CatatanGalat",
	# The app's scheduled jobs (the SLA check) are queued again once a killed worker's job record has
	# no heartbeat for 90 s, instead of waiting for RQ's clean-up (sakip_evaluasi/extends/jadwal_terjadwal.py).
	"Scheduled Job Type": "sakip_evaluasi.extends.jadwal_terjadwal.JadwalTerjadwalSakip",
}

# The SLA check every minute by default (domain.sla.INTERVAL_PEMERIKSAAN_BAWAAN); the interval in
# Pengaturan SAKIP is written into its Scheduled Job Type.
# Plt/Plh appointments start and end by their dates: rights, clocks and the position follow.
scheduler_events = {
	"cron": {
		"* * * * *": ["sakip_evaluasi.sla.jadwal.periksa_sla"],
		"*/5 * * * *": ["sakip_evaluasi.pejabat.penunjukan.selaraskan_penunjukan"],
	},
	# The OPD's officials are reminded of the LKjIP deadline (Pengaturan SAKIP) before it falls.
	"daily": ["sakip_evaluasi.laporan.status_lkjip.ingatkan_batas"],
}

# The endpoints moved into sakip_evaluasi/api/; the old URLs keep working for this release (an open
# desk tab or a saved download link), then these go.
override_whitelisted_methods = {
	"sakip_evaluasi.kertas_kerja_excel.unduh": "sakip_evaluasi.api.kertas_kerja.unduh",
	"sakip_evaluasi.kertas_kerja_excel.impor": "sakip_evaluasi.api.kertas_kerja.impor",
	"sakip_evaluasi.alur_kerja.aturan_isian": "sakip_evaluasi.api.alur_kerja.aturan_isian",
	"sakip_evaluasi.siklus.dokumen_evaluasi": "sakip_evaluasi.api.siklus.dokumen_evaluasi",
	"sakip_evaluasi.sla.api.jam_langkah": "sakip_evaluasi.api.sla.jam_langkah",
	# Workflow actions: an acting official outside their appointment is refused with a message, and an
	# action MariaDB ends as a deadlock victim is retried (api/alur_kerja.py).
	"frappe.model.workflow.apply_workflow": "sakip_evaluasi.api.alur_kerja.ambil_tindakan",
}

# Template functions of the handover Notification records (sakip_evaluasi/halaman/pemberitahuan.py; the
# records call them by these names): the holder of an SOP role for the document, the deadline of its work.
jinja = {
	"methods": [
		"sakip_evaluasi.halaman.pemberitahuan.penerima_serah",
		"sakip_evaluasi.halaman.pemberitahuan.batas_serah",
		"sakip_evaluasi.halaman.pemberitahuan.nama_pengguna",
		"sakip_evaluasi.halaman.pemberitahuan.tautan_dokumen",
		# The official documents' print formats (sakip_evaluasi/cetak/konteks.py).
		"sakip_evaluasi.cetak.konteks.konteks_cetak",
		# The LHE of an Evaluasi AKIP (sakip_evaluasi/cetak/lhe.py).
		"sakip_evaluasi.cetak.lhe.konteks_lhe",
		# The Perjanjian Kinerja and its Rencana Aksi (sakip_evaluasi/cetak/perjanjian_kinerja.py).
		"sakip_evaluasi.cetak.perjanjian_kinerja.konteks_pk",
	],
	# The print formats' filters (sakip_evaluasi/cetak/saringan.py).
	"filters": [
		"sakip_evaluasi.cetak.saringan.teks",
		"sakip_evaluasi.cetak.saringan.tanggal_panjang",
		"sakip_evaluasi.cetak.saringan.angka_id",
		"sakip_evaluasi.cetak.saringan.persen_id",
		"sakip_evaluasi.cetak.saringan.jam_id",
		"sakip_evaluasi.cetak.saringan.nip",
	],
}
