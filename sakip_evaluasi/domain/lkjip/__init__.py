"""Laporan Kinerja Instansi Pemerintah (LKjIP) of an OPD and year, as plain data: the stages and their
SOP steps, Bab III's arithmetic (capaian, past years, the Renstra end target, efficiency), the reviu
checklist, the Pemda deadline, and the Word file the OPD finishes its narratives in (``word``).
"""
