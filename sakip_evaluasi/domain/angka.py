"""Numbers written as text, the Indonesian way (``1.234,5``) or the English way (``1,234.5``).

Used wherever a user types a number as text: the Excel work paper's Realisasi cells and the
realisasi fields of the forms. Pure standard library; never import frappe here.

Rule (``urai_angka``): optional sign, digits, ``.`` and ``,`` only (no spaces, units or ``%``).

- Both ``.`` and ``,`` present: the one that comes last is the decimal separator (it must occur
  once), the other separates thousands in groups of three: ``1.234,5`` and ``1,234.5`` → 1234.5.
- One kind, occurring more than once: thousands separator in groups of three:
  ``1.234.567`` → 1234567.
- One kind, occurring once: decimal separator (``1234,5`` and ``1234.5`` → 1234.5), except the
  ambiguous shape of 1–3 digits (not starting with 0), the separator, and exactly three digits
  (``1.234``, ``12,500``): that is refused with a message, because Indonesian and English
  writing read it 1000× apart.
"""

import re
from decimal import Decimal

__all__ = ["urai_angka"]

_POLA_ANGKA = re.compile(r"[+-]?[0-9](?:[0-9.,]*[0-9])?")


def urai_angka(teks: str) -> Decimal:
	"""A number written as text, by the rule in the module docstring; ValueError (Indonesian) if not.

	>>> urai_angka("1.234,5"), urai_angka("1234.5"), urai_angka("1,234.5"), urai_angka("1234,5")
	(Decimal('1234.5'), Decimal('1234.5'), Decimal('1234.5'), Decimal('1234.5'))
	"""
	asli = teks
	teks = teks.strip()
	if not _POLA_ANGKA.fullmatch(teks):
		raise ValueError(
			f"'{asli}' bukan angka. Tulis angka saja tanpa satuan, huruf, spasi, atau tanda %, "
			"mis. 1234,5 atau 1.234,5."
		)
	tanda = ""
	if teks[0] in "+-":
		tanda = "-" if teks[0] == "-" else ""
		teks = teks[1:]
	ada_titik, ada_koma = "." in teks, "," in teks
	if ada_titik and ada_koma:
		desimal = "." if teks.rfind(".") > teks.rfind(",") else ","
		ribuan = "," if desimal == "." else "."
		if teks.count(desimal) != 1:
			raise ValueError(
				f"'{asli}' bukan angka yang sah: tanda desimal '{desimal}' muncul lebih dari sekali."
			)
		bulat, pecahan = teks.split(desimal)
		bulat = _tanpa_ribuan(bulat, ribuan, asli)
	elif ada_titik or ada_koma:
		pemisah = "." if ada_titik else ","
		if teks.count(pemisah) > 1:
			bulat, pecahan = _tanpa_ribuan(teks, pemisah, asli), ""
		else:
			bulat, pecahan = teks.split(pemisah)
			if len(pecahan) == 3 and len(bulat) <= 3 and bulat[0] != "0":
				raise ValueError(
					f"'{asli}' ambigu: tanda '{pemisah}' dapat berarti pemisah ribuan atau desimal. "
					f"Tulis tanpa pemisah ribuan (mis. {bulat}{pecahan}), dengan angka desimal yang jelas "
					f"(mis. {bulat},{pecahan}0), atau ketik sebagai angka di sel."
				)
	else:
		bulat, pecahan = teks, ""
	return Decimal(f"{tanda}{bulat}.{pecahan}" if pecahan else f"{tanda}{bulat}")


def _tanpa_ribuan(teks: str, pemisah: str, asli: str) -> str:
	kelompok = teks.split(pemisah)
	if (
		not 1 <= len(kelompok[0]) <= 3
		or (kelompok[0][0] == "0" and len(kelompok) > 1)
		or any(len(k) != 3 for k in kelompok[1:])
	):
		raise ValueError(
			f"'{asli}' bukan angka yang sah: pemisah ribuan '{pemisah}' harus memisahkan setiap tiga angka "
			"(mis. 1.234.567,5)."
		)
	return "".join(kelompok)
