"""What a screen must not show a user: English strings of Frappe's desk, a login where a person is meant,
and (on a phone) anything wider than the screen."""

import re

# English (or awkward Indonesian) strings of Frappe's desk that must not be shown to an Indonesian user
# on the app's pages; each a whole word or phrase.
INGGRIS = (
	"Save",
	"Not Saved",
	"Add Row",
	"Type a reply",
	"created this",
	"edited this",
	"This form is not editable",
	"Missing Values",
	"Mark all as read",
	"No New notifications",
	"Notifications",
	"Search or type",
	"Activity",
	"Comment",
	"Assigned To",
	"Attachments",
	"Add Tags",
	"Share",
	"Draft",
	"Submit",
	"Settings",
	"Workspaces",
	"Actions",
	"Loading",
	"Today",
	"Yesterday",
	"ago",
	"Edit",
	"Home",
	"Log out",
	"Toggle",
	"You",
	"Events",
	"Nothing New",
	"Created By",
	"Last Edited",
	"What's New",
	"changed the value",
	"added rows",
	"Tools",
	"Build",
	"null",
	"Links",
	"New",
	"Full Page",
	"Try the new Print Designer",
	"Get started",
	"System Logs",
	"Mencetak",
	"Surat Kepala",
)
_POLA_INGGRIS = re.compile(r"\b(" + "|".join(re.escape(s) for s in INGGRIS) + r")\b")
# A login (e-mail address) of the demo's people, where their name belongs.
_POLA_LOGIN = re.compile(r"[\w.+-]+@demo\.sakip\.id")

_TEKS_BAYANGAN = """() => [...document.querySelectorAll('*')].filter(e => e.shadowRoot)
	.flatMap(e => [...e.shadowRoot.children])
	.filter(c => !['SCRIPT', 'STYLE', 'LINK'].includes(c.tagName))
	.map(c => c.innerText).join('\\n')"""


def teks_layar(page, bagian: str = "body") -> str:
	"""What the screen says: the text of ``bagian`` (visible elements), with what custom blocks keep in
	their shadow roots (the Tugas Saya block)."""
	teks = page.locator(bagian).first.inner_text()
	return teks + "\n" + page.evaluate(_TEKS_BAYANGAN)


def _kutip(pola, teks: str) -> list[str]:
	return sorted({repr(teks[max(0, m.start() - 25) : m.end() + 25]) for m in pola.finditer(teks)})


def inggris(teks: str) -> list[str]:
	"""Each English desk string in ``teks``, quoted with what stands around it."""
	return _kutip(_POLA_INGGRIS, teks)


def login(teks: str) -> list[str]:
	"""Each login of a demo user in ``teks`` (a person shown by login, not by name)."""
	return _kutip(_POLA_LOGIN, teks)


def lebar_halaman(page) -> int:
	"""How wide the page is (scrollWidth): more than the viewport means sideways scrolling."""
	return page.evaluate("document.documentElement.scrollWidth")
