# Copyright (c) 2026, sakip_evaluasi contributors
# For license information, please see license.txt
"""Desk page ``/app/isian-kinerja?dokumen=<Data Kinerja Bidang>``: the document as one card per
indicator on a phone. Its data comes from ``sakip_evaluasi.api.isian_ponsel``; saving and the
workflow actions go through Frappe's own endpoints."""
