"""Frappe-free domain core of sakip_evaluasi: working calendar, SOP data, SLA, capaian, periods,
numbers typed as text, work papers.

Nothing in this package may import frappe.
"""
