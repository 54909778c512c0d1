"""Tugas Saya: the workspace block with a card per document that waits for the user."""

KARTU = ".tugas-saya a.kartu"


class TugasSaya:
	def __init__(self, page, url: str = ""):
		self.page, self.url = page, url

	def buka(self) -> "TugasSaya":
		"""Go to Tugas Saya (by its address)."""
		self.page.goto(f"{self.url}/app/tugas-saya")
		return self

	def blok(self):
		"""The block, once its sections have loaded."""
		self.page.wait_for_selector(
			"custom-block-widget, .custom-block-widget-box, [class*=custom-block]", timeout=30000
		)
		self.page.locator(".tugas-saya .bagian").first.wait_for(timeout=30000)
		self.page.wait_for_timeout(800)
		return self.page.locator(".tugas-saya")

	def kartu(self, teks: str, tunggu: bool = True):
		"""The card(s) naming ``teks`` (a document name); waits for the first unless told not to."""
		kartu = self.page.locator(KARTU, has_text=teks)
		if tunggu:
			kartu.first.wait_for(timeout=30000)
		return kartu

	def ketuk_kartu(self, k, teks: str, layar: str) -> None:
		"""Keep a picture of Tugas Saya as ``layar``, then tap (counted by ``k``, a Ketukan) the card of
		``teks``."""
		kartu = self.kartu(teks)
		k.layar(layar)
		k.tap(kartu, f"Tugas Saya: kartu {teks}")
