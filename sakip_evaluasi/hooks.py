app_name = "sakip_evaluasi"
app_title = "SAKIP Evaluasi"
app_publisher = "sakip_evaluasi contributors"
app_description = "Evaluasi Kinerja Internal (SAKIP) sesuai SOP, di Frappe desk"
app_email = "sakip-evaluasi@example.org"
app_license = "mit"

# Write the typed field block into controllers when a DocType is saved in developer mode.
export_python_type_annotations = True

# Workflow hint for phone users on every SOP output document (served with the form, no build step).
doctype_js = {
	doctype: "public/js/alur_kerja.js"
	for doctype in (
		"Disposisi",
		"Kertas Kerja Evaluasi",
		"Data Kinerja Bidang",
		"Notulen Rapat",
		"Tindak Lanjut Evaluasi",
	)
}

after_install = "sakip_evaluasi.install.after_install"
after_migrate = "sakip_evaluasi.install.after_migrate"
before_uninstall = "sakip_evaluasi.install.before_uninstall"
