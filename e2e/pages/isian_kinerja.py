"""Isian Kinerja: the phone page where a Kepala Bidang fills a Data Kinerja Bidang and the
Subkoordinator returns or accepts it."""

AKAR = ".sakip-isian"


class IsianKinerja:
	def __init__(self, page):
		self.page = page

	def tunggu(self, bagian: str = "[data-aksi]") -> "IsianKinerja":
		"""Wait until the page (opened from a Tugas Saya card) shows ``bagian``."""
		self.page.wait_for_url("**/app/isian-kinerja**", timeout=30000, wait_until="commit")
		self.page.locator(f"{AKAR} {bagian}").first.wait_for(timeout=30000)
		return self

	def bagian(self, css: str):
		"""What the page shows at ``css`` (below its root)."""
		return self.page.locator(f"{AKAR} {css}")

	realisasi = property(lambda self: self.bagian("input[data-kolom='realisasi']"))
	galat = property(lambda self: self.bagian(".galat").first)
	capaian = property(lambda self: self.bagian("[data-capaian]"))
	uraian = property(lambda self: self.bagian("[data-uraian]").first)
	tautan_form = property(lambda self: self.bagian(".tautan-form a").first)

	def tombol(self, aksi: str):
		"""The action button ``aksi`` (Ajukan, Kembalikan, Terima) in the bar at the bottom."""
		return self.page.locator(f"{AKAR} .bilah-aksi [data-aksi='{aksi}']")

	def tunggu_galat(self) -> None:
		"""Wait (up to 10 s) for the inline error to say something."""
		try:
			self.page.wait_for_function(
				f"() => document.querySelector('{AKAR} .galat').textContent.trim() !== ''", timeout=10000
			)
		except Exception:
			pass

	def tunggu_capaian_terhitung(self) -> None:
		"""Wait until every capaian shows a percentage."""
		self.page.wait_for_function(
			f"""() => [...document.querySelectorAll('{AKAR} [data-capaian] b')]
				.every((b) => b.textContent.includes('%'))""",
			timeout=15000,
		)

	def tunggu_terkirim(self) -> None:
		"""Wait until the action bar is gone: the document has left the user's hands."""
		self.page.wait_for_function(
			f"() => !document.querySelector('{AKAR} .bilah-aksi [data-aksi]')", timeout=30000
		)

	def tunggu_terkunci(self) -> None:
		"""Wait until no realisasi can be typed any more (the data has been submitted)."""
		self.page.wait_for_function(
			f"() => !document.querySelector(\"{AKAR} input[data-kolom='realisasi']\")", timeout=30000
		)
