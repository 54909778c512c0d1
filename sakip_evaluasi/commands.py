import click
from frappe.commands import get_site, pass_context


@click.command("sakip-demo")
@click.option("--password", default="Demo#2026", help="Kata sandi semua pengguna demo.")
@pass_context
def sakip_demo(context, password: str) -> None:
	"""Buat instansi contoh dan jalankan satu siklus Evaluasi Kinerja Internal (aman dijalankan ulang)."""
	import frappe

	from sakip_evaluasi.demo import buat_demo

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		for line in buat_demo(password):
			click.echo(line)
		frappe.db.commit()
	finally:
		frappe.destroy()


commands = [sakip_demo]
