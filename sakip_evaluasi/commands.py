import click
from frappe.commands import get_site, pass_context


@click.command(
	"sakip-demo",
	help="Buat instansi contoh dan jalankan satu siklus Evaluasi Kinerja Internal (aman dijalankan ulang).",
)
@click.option("--password", default="Demo#2026", help="Kata sandi semua pengguna demo.")
@pass_context
def sakip_demo(context, password: str) -> None:
	"""Create the demo agency and walk one Evaluasi Kinerja Internal through the SOP (safe to run again);
	its help text and output are in Bahasa Indonesia, as the demo site is."""
	import frappe

	from sakip_evaluasi.demo.buat import buat_demo
	from sakip_evaluasi.demo.lkjip import buat_lkjip

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		for line in buat_demo(password):
			click.echo(line)
		for line in buat_lkjip():  # the Dinas PUPR's closed year 2025 and its LKjIP
			click.echo(line)
		click.echo("Selesai. Masuk ke /app dengan salah satu pengguna di atas.")
		frappe.db.commit()
	finally:
		frappe.destroy()


commands = [sakip_demo]
