"""Server side of the fault runs (``keandalan/uji_gangguan.py``): a committed cycle whose step clocks
are made overdue, so the scheduled check flips them and the notification job has work, and what the
database then holds. Data and clean-up as in ``serentak`` (its own year, removed by ``bersihkan``)."""

import frappe
from frappe.utils import add_to_date, now_datetime

from sakip_evaluasi.domain.doctype import LANGKAH
from sakip_evaluasi.uji import serentak


def langkah_berjalan(evaluasi: str) -> list[str]:
	return frappe.get_all(LANGKAH, filters={"evaluasi": evaluasi, "selesai": ("is", "not set")}, pluck="name")


def jadikan_terlambat(evaluasi: str) -> int:
	"""Every running clock of ``evaluasi`` passed its deadline an hour ago (nothing flipped yet)."""
	names = langkah_berjalan(evaluasi)
	frappe.db.sql(
		"""update `tabLangkah Evaluasi` set batas_waktu = %(t)s, batas_peringatan = %(w)s,
		status_sla = 'Berjalan' where name in %(n)s""",
		{"t": add_to_date(now_datetime(), hours=-1), "w": add_to_date(now_datetime(), hours=-2), "n": names},
	)
	frappe.db.commit()
	return len(names)


def keadaan(evaluasi: str, sejak: str) -> dict:
	"""The clocks of ``evaluasi`` and the 'terlambat' notifications and errors since ``sejak`` (the
	clocks' names repeat from run to run, and Notification Logs are not removed with them)."""
	names = frappe.get_all(LANGKAH, filters={"evaluasi": evaluasi}, pluck="name") or [""]
	log = frappe.db.sql(
		"""select for_user, document_name, subject, count(*) n from `tabNotification Log`
		where document_type = %s and document_name in %s and subject like %s and creation >= %s
		group by for_user, document_name, subject""",
		(LANGKAH, names, "%terlambat%", sejak),
		as_dict=True,
	)
	galat = frappe.get_all(
		"Error Log", filters={"creation": (">=", sejak)}, fields=["method"], order_by="creation asc"
	)
	return {
		"terlambat": frappe.db.count(LANGKAH, {"evaluasi": evaluasi, "status_sla": "Terlambat"}),
		"tertunda": frappe.db.count(LANGKAH, {"evaluasi": evaluasi, "notifikasi_tertunda": 1}),
		"pesan": sum(r.n for r in log),
		"pesan_unik": len(log),
		"ganda": [r for r in log if r.n > 1],
		"error_log": [g.method for g in galat],
		"pemeriksaan_terakhir": str(
			frappe.db.get_single_value("Pengaturan SAKIP", "pemeriksaan_sla_terakhir")
		),
	}


def kosongkan_tertunda(evaluasi: str) -> None:
	"""Send now what the preparation flagged (each step's 'your turn'), so the run sees only its own."""
	from sakip_evaluasi.sla.notifikasi import kirim_tertunda

	kirim_tertunda()
	frappe.db.commit()


def siapkan(jumlah: int) -> dict:
	data = serentak.siapkan(jumlah)
	kosongkan_tertunda(data["evaluasi"])
	return data


bersihkan = serentak.bersihkan
