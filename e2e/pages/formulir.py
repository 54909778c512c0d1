"""A document's desk form: its Actions menu, the message at its top, the dialogs it opens."""

MENU_AKSI = ".page-head .actions-btn-group"


class Formulir:
	def __init__(self, page):
		self.page = page

	def aksi(self, nama: str) -> None:
		"""Take a workflow action from the Actions menu (on a phone: the icon-only button)."""
		self.page.locator(f"{MENU_AKSI} > button:visible").first.click()
		self.page.wait_for_timeout(500)
		self.page.locator(f"{MENU_AKSI} .dropdown-menu a:visible", has_text=nama).first.click()

	def dialog(self, teks: str | None = None):
		"""The open dialog (the one saying ``teks`` when given)."""
		return self.page.locator(".modal.show", has_text=teks) if teks else self.page.locator(".modal.show")

	def pesan(self) -> str:
		"""The message at the top of the form (what to do, the reason of a return)."""
		return self.page.locator(".form-message").first.inner_text()

	def tunggu_tabel(self, fieldname: str = "baris") -> None:
		self.page.wait_for_selector(
			f".frappe-control[data-fieldname='{fieldname}'] .grid-body", timeout=30000
		)

	def ke_formulir_dkb(self, dkb: str) -> None:
		"""After a tap on a Data Kinerja Bidang card: on a phone it opens the Isian Kinerja page, whose
		link leads to the full form; on a desktop the form opens at once."""
		self.page.wait_for_function(
			"(dkb) => location.pathname.endsWith('/data-kinerja-bidang/' + dkb)"
			" || !!document.querySelector('.sakip-isian .tautan-form a')",
			arg=dkb,
			timeout=30000,
		)
		if "isian-kinerja" in self.page.url:
			self.page.locator(".sakip-isian .tautan-form a").first.click()
		self.page.wait_for_url(f"**/data-kinerja-bidang/{dkb}", timeout=30000)


def buka_lonceng(page) -> str:
	"""Open the notifications (the bell) and return their text."""
	page.locator(".dropdown-notifications .nav-link, .notifications-icon").first.click()
	page.wait_for_selector(".notification-list-body, .notifications-list", timeout=10000)
	page.wait_for_timeout(1200)
	return page.locator(".dropdown-notifications").inner_text()
