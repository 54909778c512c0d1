"""Kertas kerja (Excel work paper) of a quarterly performance evaluation: out to a bidang and back.

The Sekretariat exports one ``.xlsx`` per evaluation document (one data sheet per bidang);
the Kepala Bidang fills Realisasi, Kendala/Hambatan and Upaya/Solusi and uploads it again.
``baca_workbook`` checks everything before anything is imported and returns every problem
at once, in Bahasa Indonesia.

Pure Python + openpyxl; never import frappe here.

Decisions
---------
Numbers typed as text are read by ``urai_angka`` (``sakip_evaluasi.domain.angka``, which states the
rule).

Numeric cells are taken as they are. Every number is kept to 15 significant digits (what Excel
stores reliably), so a file that is exported and imported unchanged yields no change.

Blank cells: a blank Realisasi means "not filled" (None); blank Kendala/Upaya mean "". A blank is
a change only when the document holds a value (the Kabid cleared it; the workbook is exported
pre-filled with the current values, so leaving a cell alone is never a change). Texts are trimmed
and line endings become ``\\n``.

A workbook may hold a subset of the document's bidang; only the sheets present are imported.

Workbook layout
---------------
"Sampul" (cover and instructions), one sheet per bidang (title from ``kode_bidang``), and a
``veryHidden`` "_meta" sheet holding a JSON document (column A, in chunks prefixed with "~"):
format, template version, doctype, docname, tahun, triwulan, per sheet its title, bidang, kode
and row keys, and ``tanda_tangan`` = HMAC-SHA256(rahasia, canonical JSON of all that plus every
row's kunci, indikator, satuan, polaritas and target as they read back). The workbook structure
and every sheet are protected without a password; the check on import is what counts.

Data sheet columns: No, Indikator, Satuan, Polaritas, Target (locked) | Realisasi,
Kendala/Hambatan, Upaya/Solusi (unlocked) | Kunci (hidden, locked). ``Kesalahan.kolom`` is the
column title where there is one, else the column letter; ``Kesalahan.baris`` the Excel row.

openpyxl (write-only) writes the workbook: cover, styles, each data sheet's frame and header,
validation, protection, ``_meta``. The data rows themselves are serialised by ``_BarisXml`` and
inserted into each sheet's ``sheetData`` after the save (``_sisipkan_baris``): the same XML
openpyxl would write for those cells, at a fraction of its cost.

Modules
-------
``model`` (data classes, workbook layout), ``nilai`` (values as written, compared and shown),
``tanda_tangan`` (the signature), ``ekspor`` (``buat_workbook``), ``impor`` (``baca_workbook``).
This package re-exports the public names; names with a leading underscore are shared between its
modules only.
"""

from sakip_evaluasi.domain.angka import urai_angka
from sakip_evaluasi.domain.kertas_kerja.ekspor import buat_workbook
from sakip_evaluasi.domain.kertas_kerja.impor import (
	BAGIAN_MAKS,
	BARIS_LEBIH_MAKS,
	BATAS_URAI_MAKS,
	KALI_UKURAN_URAI,
	RASIO_KOMPRESI_MAKS,
	baca_workbook,
)
from sakip_evaluasi.domain.kertas_kerja.model import (
	FORMAT_ANGKA,
	FORMAT_META,
	JUDUL_META,
	JUDUL_SAMPUL,
	KOLOM,
	TEMPLATE_VERSION,
	BarisKinerja,
	HarapanImpor,
	HasilImpor,
	Kesalahan,
	LembarBidang,
	Perubahan,
	Sampul,
)

__all__ = [
	"TEMPLATE_VERSION",
	"BarisKinerja",
	"LembarBidang",
	"Sampul",
	"HarapanImpor",
	"Kesalahan",
	"Perubahan",
	"HasilImpor",
	"buat_workbook",
	"baca_workbook",
	"urai_angka",
]
