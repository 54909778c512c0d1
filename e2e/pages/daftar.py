"""A desk list or query report, read as its user sees it."""


def teks_halaman(
	page, alamat: str, tunggu: str, jeda: int = 1000, bagian: str = ".layout-main-section"
) -> str:
	"""Go to ``alamat`` (a path below the site), wait for ``tunggu`` and a moment, return the text of
	``bagian``."""
	page.goto(alamat)
	page.wait_for_selector(tunggu, timeout=30000)
	page.wait_for_timeout(jeda)
	return page.inner_text(bagian)
