"""Open a workbook in headless LibreOffice Calc, change cells, save it as .xlsx (for
``periksa_libreoffice.py``; runs under Debian's python3, which has the ``uno`` module).

	/usr/bin/python3 _isi_libreoffice_uno.py IN.xlsx OUT.xlsx [SHEET!CELL=VALUE ...] [!buka-proteksi]

VALUE is typed as a number; with a leading ' as text ("'" alone clears the cell).
"!buka-proteksi" lifts every sheet's protection first (it has no password).
"""

import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def _prop(nama, nilai):
	p = PropertyValue()
	p.Name, p.Value = nama, nilai
	return p


def main(masuk: str, keluar: str, perintah: list[str]) -> None:
	pipa = f"sakip_lo_{os.getpid()}"
	profil = tempfile.mkdtemp(prefix="sakip-lo-profil-")
	soffice = subprocess.Popen(
		[
			"soffice",
			f"-env:UserInstallation=file://{profil}",
			"--headless",
			"--invisible",
			"--norestore",
			"--nologo",
			f"--accept=pipe,name={pipa};urp;",
		],
		stdout=subprocess.DEVNULL,
		stderr=subprocess.DEVNULL,
	)
	try:
		lokal = uno.getComponentContext()
		resolver = lokal.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", lokal)
		for _ in range(300):
			try:
				ctx = resolver.resolve(f"uno:pipe,name={pipa};urp;StarOffice.ComponentContext")
				break
			except Exception:
				time.sleep(0.2)
		else:
			raise SystemExit("LibreOffice did not start")
		desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
		doc = desktop.loadComponentFromURL(
			uno.systemPathToFileUrl(os.path.abspath(masuk)), "_blank", 0, (_prop("Hidden", True),)
		)
		for p in perintah:
			if p == "!buka-proteksi":
				for i in range(doc.Sheets.Count):
					doc.Sheets.getByIndex(i).unprotect("")
				continue
			tempat, nilai = p.split("=", 1)
			lembar, sel = tempat.split("!")
			cell = doc.Sheets.getByName(lembar).getCellRangeByName(sel)
			if nilai.startswith("'"):
				cell.setString(nilai[1:])
			else:
				cell.setValue(float(nilai))
		doc.storeToURL(
			uno.systemPathToFileUrl(os.path.abspath(keluar)), (_prop("FilterName", "Calc MS Excel 2007 XML"),)
		)
		doc.close(True)
	finally:
		soffice.terminate()
		soffice.wait()


if __name__ == "__main__":
	main(sys.argv[1], sys.argv[2], sys.argv[3:])
