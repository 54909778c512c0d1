"""Queries the reports share with the print formats, the evidence pack and one another: each report
script keeps its filters, columns and execute(), the rows come from here."""


def kolom_laporan(fieldname: str, label: str, fieldtype: str = "Data", width: int = 110, **lain) -> dict:
	"""A report column as Frappe's query report reads it (``lain``: options, precision, ...)."""
	return {"fieldname": fieldname, "label": label, "fieldtype": fieldtype, "width": width, **lain}


def grafik_batang(labels: list[str], datasets: list[dict], colors: list[str], **lain) -> dict:
	"""A report's bar chart as Frappe's query report reads it (``datasets``: name and values each)."""
	return {
		"data": {"labels": labels, "datasets": datasets},
		"type": "bar",
		"colors": colors,
		"axisOptions": {"xIsSeries": 0},
		**lain,
	}
