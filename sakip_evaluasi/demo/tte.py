"""The demo's electronic signatures: the site pointed at the local eSign service (tte_lokal/, started
by scripts/demo.sh) and the DPUPR officials given the service's test NIKs, so that a demo user signs
the Notulen, the E.81 and the Matriks with the passphrase Rahasia#2026. A site already pointed at a
real service is left alone.

    bench --site demo.localhost execute sakip_evaluasi.demo.tte.pakai_layanan_lokal --kwargs "{'port': 8190}"
"""

import frappe

from sakip_evaluasi.domain.doctype import PENGATURAN_TTE

# demo user → NIK of the local service's table (tte_lokal/pengguna.json)
NIK_DEMO = {
	"kadis@demo.sakip.id": "3200000000000001",
	"subkor@demo.sakip.id": "3200000000000002",
	"sekretaris@demo.sakip.id": "3200000000000003",
	"kabid.bm@demo.sakip.id": "3200000000000004",
	"kabid.sda@demo.sakip.id": "3200000000000005",
	"kabid.ck@demo.sakip.id": "3200000000000006",
	"kabid.tr@demo.sakip.id": "3200000000000007",
}


def pakai_layanan_lokal(port: int = 8190) -> str:
	s = frappe.get_single(PENGATURAN_TTE)
	if s.url_layanan and "127.0.0.1" not in s.url_layanan and "localhost" not in s.url_layanan:
		return f"Pengaturan TTE menunjuk {s.url_layanan}: dibiarkan"
	s.url_layanan = f"http://127.0.0.1:{int(port)}/api/v2"
	s.pengguna_layanan, s.kata_sandi_layanan = "sakip", "sakip-lokal"
	s.lokasi = s.lokasi or "Kabupaten Contoh"
	s.id_subscriber_segel = s.id_subscriber_segel or "SEGEL-UJI-01"
	s.flags.ignore_permissions = True
	s.save()
	for user, nik in NIK_DEMO.items():
		if frappe.db.exists("Pegawai", {"user": user}):
			frappe.db.set_value("Pegawai", {"user": user}, "nik", nik)
	frappe.db.commit()
	return f"Pengaturan TTE menunjuk layanan TTE lokal {s.url_layanan}"
