"""Queries the reports share with the print formats, the evidence pack and one another: each report
script keeps its filters, columns and execute(), the rows come from here."""
