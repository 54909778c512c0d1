"""Browser check of the evidence pack: the Sekretaris opens an evaluation, asks for the Paket Bukti
Triwulan (menu Cetak), a worker drains the queue, the PDF and ZIP are attached and the Notification is
there; then the desk print view of the minutes shows the official layout, names and no e-mail address.

    python3 e2e/tests/e2e_paket_bukti.py --url http://localhost:8102 \
        --worker "cd BENCH && bench --site SITE worker --burst --queue long"
"""

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # e2e/: helpers, pages, tests
from helpers.umum import argumen, peramban

# --worker (required): a shell command that runs the queued job (a burst worker)
a = argumen("sekretaris@demo.sakip.id", "", evaluasi="EKI-DPUPR-2026-TW3", worker=None)
shots = a.shots

with peramban(a.chromium) as browser:
	page = browser.new_page(viewport={"width": 1280, "height": 900})
	page.goto(f"{a.url}/login")
	page.fill("#login_email", a.user)
	page.fill("#login_password", a.password)
	page.click(".btn-login")
	page.wait_for_url("**/app**", timeout=60000)
	page.goto(f"{a.url}/app/evaluasi-kinerja-internal/{a.evaluasi}")
	page.wait_for_selector("button:has-text('Cetak')", timeout=60000)
	page.click("button:has-text('Cetak')")
	page.click("a:has-text('Paket Bukti Triwulan')")
	page.wait_for_selector("text=Paket bukti sedang disusun", timeout=60000)
	page.screenshot(path=str(shots / "paket-1-antre.png"))
	subprocess.run(["bash", "-c", a.worker], check=True)
	# the realtime dialog needs socket.io (bench start); the files and the notification are checked
	page.reload()
	page.wait_for_selector(".attachment-row", timeout=60000)
	lampiran = page.inner_text(".form-attachments")
	assert (
		f"Paket Bukti {a.evaluasi}.pdf" in lampiran and f"Paket Bukti {a.evaluasi}.zip" in lampiran
	), lampiran
	page.screenshot(path=str(shots / "paket-2-lampiran.png"))
	notif = page.evaluate(
		"""(nama) => frappe.xcall('frappe.client.get_list', {doctype: 'Notification Log',
		fields: ['subject'], filters: {document_name: nama}, limit_page_length: 1})""",
		a.evaluasi,
	)
	assert notif and "siap" in notif[0]["subject"], notif
	nr = a.evaluasi.replace("EKI-", "NR-EKI-", 1)
	page.goto(f"{a.url}/printview?doctype=Notulen%20Rapat&name={nr}&format=Notulen%20Rapat%20Resmi")
	page.wait_for_selector(".sk-judul", timeout=60000)
	isi = page.inner_text(".print-format")
	assert "NOTULEN RAPAT" in isi.upper() and "@" not in isi, isi[:300]
	page.screenshot(path=str(shots / "paket-3-notulen.png"))
	print(f"ok: {lampiran.split()[-2:]}, {notif[0]['subject']}")
