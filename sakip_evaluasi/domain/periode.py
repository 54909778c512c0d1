"""The quarter (triwulan) of an evaluation period: the Roman numeral the documents store and its number.

Pure standard library; never import frappe here.
"""

__all__ = ["TRIWULAN", "ROMAWI_TRIWULAN", "NOMOR_TRIWULAN", "nomor_triwulan"]

TRIWULAN = ("I", "II", "III", "IV")
"""The quarters in order: the options of every ``triwulan`` Select field."""

ROMAWI_TRIWULAN = dict(enumerate(TRIWULAN, 1))
"""Quarter number → Roman numeral: {1: "I", 2: "II", 3: "III", 4: "IV"}."""

NOMOR_TRIWULAN = {romawi: nomor for nomor, romawi in ROMAWI_TRIWULAN.items()}
"""Roman numeral → quarter number: {"I": 1, "II": 2, "III": 3, "IV": 4}."""


def nomor_triwulan(triwulan: str) -> int:
	"""The number of a quarter written "I" … "IV"; ValueError for anything else."""
	return TRIWULAN.index(triwulan) + 1
