"""Frappe-free domain core of sakip_evaluasi: working calendar, SOP data, capaian, work papers.

Nothing in this package may import frappe.
"""
