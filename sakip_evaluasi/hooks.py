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
doctype_js = {
	"Disposisi": [_ALUR_KERJA],
	"Kertas Kerja Evaluasi": [_ALUR_KERJA, _KERTAS_KERJA],
	"Data Kinerja Bidang": [_ALUR_KERJA, _KERTAS_KERJA],
	"Notulen Rapat": [_ALUR_KERJA],
	"Tindak Lanjut Evaluasi": [_ALUR_KERJA],
}

after_install = "sakip_evaluasi.install.after_install"
after_migrate = "sakip_evaluasi.install.after_migrate"
before_uninstall = "sakip_evaluasi.install.before_uninstall"

# The app's own DocTypes get their lifecycle from their controllers (controllers/alur_kerja.py and
# the DocType controllers call the SLA engine); doc_events only for other apps' DocTypes.
doc_events = {
	# Workflow Action e-mails only while the site can send e-mail (sakip_evaluasi/surel.py).
	"Email Account": {
		"on_update": "sakip_evaluasi.surel.email_account_berubah",
		"after_delete": "sakip_evaluasi.surel.email_account_berubah",
	},
}
# Every 5 minutes by default; the interval in Pengaturan SAKIP is written into the Scheduled Job Type.
# Plt/Plh appointments start and end by their dates: rights, clocks and the position follow.
scheduler_events = {
	"cron": {
		"*/5 * * * *": [
			"sakip_evaluasi.sla.jadwal.periksa_sla",
			"sakip_evaluasi.penunjukan.selaraskan_penunjukan",
		]
	}
}

# The endpoints moved into sakip_evaluasi/api/; the old URLs keep working for this release (an open
# desk tab or a saved download link), then these go.
override_whitelisted_methods = {
	"sakip_evaluasi.kertas_kerja_excel.unduh": "sakip_evaluasi.api.kertas_kerja.unduh",
	"sakip_evaluasi.kertas_kerja_excel.impor": "sakip_evaluasi.api.kertas_kerja.impor",
	"sakip_evaluasi.alur_kerja.aturan_isian": "sakip_evaluasi.api.alur_kerja.aturan_isian",
	"sakip_evaluasi.siklus.dokumen_evaluasi": "sakip_evaluasi.api.siklus.dokumen_evaluasi",
	"sakip_evaluasi.sla.api.jam_langkah": "sakip_evaluasi.api.sla.jam_langkah",
	# an acting official's action outside their appointment is refused with a message first
	"frappe.model.workflow.apply_workflow": "sakip_evaluasi.api.alur_kerja.terapkan_aksi",
}
