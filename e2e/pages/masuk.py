"""The login page."""


def masuk(page, url: str, user: str, password: str) -> bool:
	"""Log in through the login page; False when the desk does not open for the user."""
	page.goto(f"{url}/login")
	page.fill("#login_email", user)
	page.fill("#login_password", password)
	page.click(".btn-login")
	page.wait_for_url("**/app**", timeout=30000)
	page.wait_for_selector(".codex-editor, .widget-group, .layout-main-section", timeout=30000)
	page.wait_for_timeout(1500)
	return not (page.get_by_text("Not permitted").first.is_visible() or "setup-wizard" in page.url)
