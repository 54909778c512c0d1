"""The ``replika`` step of ``skala.py``: the replica runs (GTID) and refuses writes; which endpoints
read from it (counted on the replica: its USER_STATISTICS for the site's database user) and that
writes go to the primary; a user's own write seen right after saving; the replica's lag; the SLA
status right while the replica is behind."""

import json
import time

import _skala as k
from _peladen import Sesi, di_situs, pesan_server

DKB = "Data Kinerja Bidang"
LANGKAH = "Langkah Evaluasi"


def _diukur(panggil, n: int = 3) -> dict:
	sebelum = {p: k.statistik(p) for p in ("primer", "replika")}
	for _ in range(n):
		r = panggil()
		if r is not None and not r.ok:
			raise SystemExit(f"{r.status_code} {r.text[:300]}")
	return {p: k.selisih(sebelum[p], k.statistik(p)) for p in ("primer", "replika")}


def _daftar_langkah(s: Sesi, filters: dict):
	return s.metode(
		None,
		"sakip_evaluasi.api.sla.daftar_langkah",
		data={
			"doctype": LANGKAH,
			"fields": json.dumps([f"`tab{LANGKAH}`.`name`"]),
			"filters": json.dumps(filters),
			"page_length": 50,
		},
	)


def replika() -> None:
	k.judul("Replica: reads there, writes on the primary, own writes, lag, SLA status")
	st = k.status_replika()
	k.cek(
		f"replica replicates the primary by GTID: IO {st.get('Slave_IO_Running')}, SQL {st.get('Slave_SQL_Running')}, "
		f"Using_Gtid {st.get('Using_Gtid')}, Gtid_IO_Pos {st.get('Gtid_IO_Pos')}",
		st.get("Slave_IO_Running") == "Yes"
		and st.get("Slave_SQL_Running") == "Yes"
		and st.get("Using_Gtid") == "Slave_Pos",
	)
	try:
		with k.db("replika", sebagai_situs=True) as c, c.cursor() as cur:
			cur.execute("update `tabDefaultValue` set defvalue = defvalue where parent = 'skala'")
		tolak = "accepted"
	except Exception as e:  # the read_only refusal is the point
		tolak = str(e)[:120]
	k.cek(
		f"the replica is read_only: a write as the site's user is refused ({tolak})",
		"read-only" in tolak or "1290" in tolak,
	)

	with di_situs(k.SITE):
		from sakip_evaluasi.uji import beban

		data = beban.siapkan(3, 2)
	ev, sandi = data["evaluasi"], data["sandi"]
	print(f"  caught up in {k.tunggu_replika():.2f} s after the preparation")
	url = k.URL["nginx"]
	subkor, kabid = Sesi(url, k.SITE), Sesi(url, k.SITE)
	subkor.masuk(data["pejabat"]["subkor"], sandi)
	p = data["pengguna"][0]
	kabid.masuk(p["user"], sandi)

	def laporan(nama, filters):
		return lambda: subkor.metode(
			None, "frappe.desk.query_report.run", data={"report_name": nama, "filters": json.dumps(filters)}
		)

	titik = [
		(
			"list view (frappe.desk.reportview.get)",
			True,
			lambda: subkor.metode(
				None,
				"frappe.desk.reportview.get",
				data={
					"doctype": DKB,
					"fields": json.dumps([f"`tab{DKB}`.`name`"]),
					"filters": json.dumps({"evaluasi": ev}),
				},
			),
		),
		(
			"report Kepatuhan SOP (query_report.run)",
			True,
			laporan("Kepatuhan SOP", {"kelompok": "Langkah", "tahun": 2097}),
		),
		(
			"report Rekap Capaian Kinerja (query_report.run)",
			True,
			laporan("Rekap Capaian Kinerja", {"tahun": 2097, "triwulan": "I"}),
		),
		(
			"Langkah Evaluasi list (api.sla.daftar_langkah)",
			True,
			lambda: _daftar_langkah(subkor, {"evaluasi": ev}),
		),
		(
			"SLA clocks on the form (api.sla.jam_langkah)",
			False,
			lambda: subkor.metode(None, "sakip_evaluasi.api.sla.jam_langkah", "GET", params={"evaluasi": ev}),
		),
		(
			"cycle documents (api.siklus.dokumen_evaluasi)",
			True,
			lambda: subkor.metode(
				None, "sakip_evaluasi.api.siklus.dokumen_evaluasi", "GET", params={"evaluasi": ev}
			),
		),
		(
			"Tugas Saya (api.tugas_saya.daftar)",
			True,
			lambda: kabid.metode(None, "sakip_evaluasi.api.tugas_saya.daftar", "GET"),
		),
		(
			"form load (frappe.desk.form.load.getdoc)",
			False,
			lambda: kabid.metode(
				None, "frappe.desk.form.load.getdoc", "GET", params={"doctype": DKB, "name": p["dkb"]}
			),
		),
	]
	print(
		"\n| call | marked read_only | SELECTs on the replica | SELECTs on the primary | writes on the primary |"
	)
	print("|---|---|---:|---:|---:|")
	for nama, dari_replika, panggil in titik:
		d = _diukur(panggil)
		print(
			f"| {nama} | {'yes' if dari_replika else 'no'} | {d['replika']['s']} | {d['primer']['s']} | {d['primer']['u']} |"
		)
		k.HASIL.append(
			(
				f"{nama}: {'served from the replica' if dari_replika else 'read from the primary'} "
				f"({d['replika']['s']} SELECTs there, 3 calls)",
				(d["replika"]["s"] > 0) == dari_replika,
			)
		)

	# a report that refuses its input, run on the replica: the user gets its message, not a 500
	r = laporan("Rekap Capaian Kinerja", {})()
	k.cek(
		f"a report refusing its input on the replica answers with its own message ({r.status_code}: "
		f"{pesan_server(r)[:80]!r}), not the replica's read-only error",
		r.status_code == 417 and "Pilih tahun" in pesan_server(r),
	)

	# saves: on the primary; and each seen by its author right after
	segera_form, segera_daftar, tunggu = 0, 0, []
	sebelum = {q: k.statistik(q) for q in ("primer", "replika")}
	for n in range(10):
		doc = kabid.buka(DKB, p["dkb"])
		doc["baris"][0]["kendala"] = f"Skala {n} {time.time()}"
		r = kabid.simpan(doc)
		disimpan = r.json()["docs"][0]
		form = kabid.buka(DKB, p["dkb"])
		daftar = kabid.metode(
			None,
			"frappe.desk.reportview.get",
			data={
				"doctype": DKB,
				"fields": json.dumps([f"`tab{DKB}`.`modified`"]),
				"filters": json.dumps({"name": p["dkb"]}),
			},
		).json()["message"]["values"][0][0]
		segera_form += (
			form["modified"] == disimpan["modified"]
			and form["baris"][0]["kendala"] == doc["baris"][0]["kendala"]
		)
		segera_daftar += daftar == disimpan["modified"]
		tunggu.append(k.tunggu_replika())
	d = {q: k.selisih(sebelum[q], k.statistik(q)) for q in ("primer", "replika")}
	k.cek(
		f"10 saves written on the primary ({d['primer']['u']} writes there), none by the site's user on the "
		f"replica ({d['replika']['u']})",
		d["primer"]["u"] > 0 and d["replika"]["u"] == 0,
	)
	k.cek(
		f"own write seen right after saving: the form (read from the primary) {segera_form}/10",
		segera_form == 10,
	)
	print(
		f"  the list (read from the replica) right after saving showed the save {segera_daftar}/10 times; "
		f"replica caught up within {max(tunggu) * 1000:.0f} ms (max of 10, MASTER_GTID_WAIT)"
	)

	# the SLA status while the replica lags
	from frappe.utils import add_to_date, now_datetime

	with di_situs(k.SITE) as frappe:
		from sakip_evaluasi.uji import gangguan

		langkah = gangguan.langkah_berjalan(ev)[0]
		batas = add_to_date(now_datetime(), seconds=12)
		frappe.db.sql(
			"update `tabLangkah Evaluasi` set batas_peringatan = %s, batas_waktu = %s, status_sla = 'Berjalan' where name = %s",
			(add_to_date(now_datetime(), hours=-1), batas, langkah),
		)
		frappe.db.commit()
	k.tunggu_replika()
	k.satu("replika", "STOP SLAVE SQL_THREAD")
	try:
		time.sleep(15)
		with di_situs(k.SITE) as frappe:
			from sakip_evaluasi.sla import jadwal

			jadwal.periksa()  # what the scheduled check does on the primary
			di_primer = frappe.db.get_value(LANGKAH, langkah, "status_sla")
		tersimpan = k.satu(
			"replika",
			f"select status_sla s from `{k.site_config()['db_name']}`.`tabLangkah Evaluasi` where name=%s",
			(langkah,),
		)["s"]
		tertinggal = k.transaksi_tertinggal()
		sebelum = k.statistik("replika")
		r = _daftar_langkah(subkor, {"name": langkah})
		isi = r.json()["message"]
		baris = dict(zip(isi["keys"], isi["values"][0], strict=False)) if isi else {}
		dari_replika = k.selisih(sebelum, k.statistik("replika"))["s"]
		print(
			f"  replica stopped applying: {tertinggal} transactions behind; step {langkah} stored there as "
			f"{tersimpan!r}, on the primary {di_primer!r}"
		)
		k.cek(
			f"SLA status right with the replica behind: the list (from the replica, {dari_replika} SELECTs) shows "
			f"{baris.get('status_sla')!r} from the clock, the replica's stored flag still {tersimpan!r}",
			baris.get("status_sla") == "Terlambat"
			and tersimpan != "Terlambat"
			and dari_replika > 0
			and tertinggal > 0,
		)
	finally:
		k.satu("replika", "START SLAVE SQL_THREAD")
	kejar = k.tunggu_replika()
	k.cek(
		f"the replica caught up again in {kejar:.2f} s ({k.transaksi_tertinggal()} behind, "
		f"Seconds_Behind_Master {k.status_replika().get('Seconds_Behind_Master')})",
		kejar >= 0,
	)
	with di_situs(k.SITE):
		from frappe.deferred_insert import save_to_db

		from sakip_evaluasi.uji import beban

		save_to_db()  # the refused report's Error Log, deferred above, written now (not in a later step's window)
		beban.bersihkan()
