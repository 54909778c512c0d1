"""Import: a returned work paper checked against what the document holds — every problem at once,
or the changes."""

import hmac
import json
import warnings
import zipfile
from decimal import Decimal
from io import BytesIO

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from sakip_evaluasi.domain.kertas_kerja.model import (
	_HURUF,
	_INDIKATOR,
	_JUMLAH_KOLOM,
	_KENDALA,
	_KUNCI,
	_META_AWALAN,
	_POLARITAS,
	_REALISASI,
	_SATUAN,
	_TARGET,
	_UPAYA,
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
)
from sakip_evaluasi.domain.kertas_kerja.nilai import (
	_angka_dokumen,
	_kanon_dokumen,
	_kanon_sel,
	_periode,
	_rumus,
	_Salah,
	_tampil,
	_teks,
	_teks_sel,
	_ukuran,
	_urai_realisasi,
)
from sakip_evaluasi.domain.kertas_kerja.tanda_tangan import _periksa_rahasia, _tanda_tangan

# Limits checked on the zip directory before openpyxl sees the file.
BATAS_URAI_MAKS = 100 * 1024 * 1024  # total uncompressed size never above 100 MB …
KALI_UKURAN_URAI = 20  # … nor above 20 × the upload limit
RASIO_KOMPRESI_MAKS = 200  # per part bigger than 1 MB uncompressed
_UKURAN_RASIO_DIPERIKSA = 1024 * 1024
BAGIAN_MAKS = 2000
BARIS_LEBIH_MAKS = 1000  # rows beyond the expected ones after which reading a sheet stops
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _periksa_berkas(isi: bytes, nama_file: str, batas_ukuran: int) -> list[str]:
	"""Checks on the bytes and the zip directory, before openpyxl reads anything."""
	if not (nama_file or "").strip().lower().endswith(".xlsx"):
		return [
			f"Jenis berkas tidak didukung: '{nama_file}'. Unggah berkas Excel Workbook .xlsx "
			"(bukan .xls, .xlsm, atau .csv)."
		]
	if isinstance(isi, str):
		# e.g. a text file given a .xlsx name, whose content a caller read back as text
		return [f"Berkas '{nama_file}' berisi teks biasa, bukan buku kerja Excel (.xlsx)."]
	if not isinstance(isi, bytes | bytearray | memoryview):
		return ["Berkas rusak atau bukan .xlsx: isinya tidak dapat dibuka."]
	isi = bytes(isi)
	if not isi:
		return ["Berkas kosong (0 bita)."]
	if len(isi) > batas_ukuran:
		return [f"Ukuran berkas {_ukuran(len(isi))} melebihi batas {_ukuran(batas_ukuran)}."]
	if isi[:8] == _OLE2:
		return [
			"Berkas dilindungi kata sandi atau bukan .xlsx (format Excel lama). Buka di Excel, hapus kata "
			"sandi, lalu simpan sebagai Excel Workbook (.xlsx)."
		]
	try:
		zf = zipfile.ZipFile(BytesIO(isi))
		daftar = zf.infolist()
	except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
		return ["Berkas rusak atau bukan .xlsx: isinya tidak dapat dibuka."]
	with zf:
		if len(daftar) > BAGIAN_MAKS:
			return [f"Berkas ditolak: berisi terlalu banyak bagian ({len(daftar)})."]
		batas_urai = min(BATAS_URAI_MAKS, KALI_UKURAN_URAI * batas_ukuran)
		total = sum(info.file_size for info in daftar)
		if total > batas_urai:
			return [
				f"Berkas ditolak: ukuran isi setelah diurai ({_ukuran(total)}) melebihi batas "
				f"{_ukuran(batas_urai)}; berkas mungkin berbahaya (zip bomb)."
			]
		for info in daftar:
			if info.file_size > _UKURAN_RASIO_DIPERIKSA and info.file_size > RASIO_KOMPRESI_MAKS * max(
				info.compress_size, 1
			):
				return [
					f"Berkas ditolak: rasio kompresi bagian '{info.filename}' tidak wajar "
					f"({info.file_size // max(info.compress_size, 1)}×); berkas mungkin berbahaya (zip bomb)."
				]
		nama = {info.filename.lower() for info in daftar}
		if any(n.endswith("vbaproject.bin") for n in nama):
			return [
				"Berkas berisi makro (VBA) dan ditolak. Simpan sebagai Excel Workbook (.xlsx) tanpa makro."
			]
		if "[content_types].xml" not in nama or "xl/workbook.xml" not in nama:
			return ["Berkas rusak atau bukan .xlsx: bagian buku kerja tidak ditemukan."]
		try:
			jenis = zf.read("[Content_Types].xml") if "[Content_Types].xml" in zf.namelist() else b""
			if b"macroEnabled" in jenis:
				return [
					"Berkas berisi makro (VBA) dan ditolak. Simpan sebagai Excel Workbook (.xlsx) tanpa makro."
				]
			for info in daftar:
				if info.filename.lower().endswith((".xml", ".rels", ".vml")):
					with zf.open(info) as bagian:
						awal = bagian.read(2048)
					if b"<!DOCTYPE" in awal or b"<!ENTITY" in awal:
						return ["Berkas ditolak: berisi deklarasi DTD/entitas XML yang tidak diizinkan."]
		except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
			return ["Berkas rusak atau bukan .xlsx: isinya tidak dapat dibuka."]
	return []


def baca_workbook(
	isi: bytes, nama_file: str, harapan: HarapanImpor, rahasia: bytes, batas_ukuran: int
) -> HasilImpor:
	"""Check a returned work paper against what the document holds; every problem or the changes.

	Nothing is imported here: the caller applies ``perubahan`` only when ``kesalahan`` is empty.
	File-level problems (name, size, zip, password, zip bomb, macro, corrupt, not our template,
	other version/document/period) stop the check; otherwise all sheet and row problems are
	collected. ``batas_ukuran`` is the upload limit in bytes; the uncompressed content may be at
	most ``min(20 × batas_ukuran, 100 MB)``.
	"""
	_periksa_rahasia(rahasia)
	pemeriksa = _Pemeriksa(harapan, rahasia)  # a bad ``harapan`` is the caller's bug: ValueError
	masalah = _periksa_berkas(isi, nama_file, batas_ukuran)
	if masalah:
		return HasilImpor([Kesalahan("", None, None, m) for m in masalah], [])
	with warnings.catch_warnings():
		warnings.simplefilter("ignore")  # openpyxl warns about Excel extensions it does not read
		try:
			wb = load_workbook(BytesIO(isi), read_only=True, data_only=False, keep_links=False)
		except Exception:
			return _rusak()
		try:
			return pemeriksa.periksa(wb)
		except Exception:  # a part openpyxl cannot parse, a CRC error while streaming a sheet, ...
			return _rusak()
		finally:
			wb.close()


def _urai_meta(ws) -> dict | None:
	"""The JSON document of a ``_meta`` sheet (column A, in chunks prefixed with ``_META_AWALAN``), or
	None when it is not one: every workbook the app signs keeps its identity this way."""
	ws.reset_dimensions()
	potongan = []
	for baris in ws.iter_rows(values_only=True):
		nilai = baris[0] if baris else None
		if nilai is None:
			continue
		if type(nilai) is not str or not nilai.startswith(_META_AWALAN):
			return None
		potongan.append(nilai[len(_META_AWALAN) :])
	try:
		meta = json.loads("".join(potongan))
	except ValueError:
		return None
	return meta if isinstance(meta, dict) else None


def _rusak() -> HasilImpor:
	return HasilImpor(
		[Kesalahan("", None, None, "Berkas rusak: tidak dapat dibaca sebagai buku kerja Excel (.xlsx).")], []
	)


class _Pemeriksa:
	"""One import check; ``periksa`` runs it on an openpyxl read-only workbook."""

	def __init__(self, harapan: HarapanImpor, rahasia: bytes) -> None:
		self.wb = None
		self.harapan = harapan
		self.rahasia = rahasia
		self.kesalahan: list[Kesalahan] = []
		self.perubahan: list[Perubahan] = []
		self.bidang_harapan: dict[str, LembarBidang] = {}
		# target and realisasi of the document, normalised once: {bidang: {kunci: (target, realisasi)}}
		self.angka: dict[str, dict[str, tuple[Decimal | None, Decimal | None]]] = {}
		for lb in harapan.lembar:
			if lb.bidang in self.bidang_harapan:
				raise ValueError(f"Bidang '{lb.bidang}' muncul lebih dari sekali pada harapan impor.")
			self.bidang_harapan[lb.bidang] = lb
			self.angka[lb.bidang] = {
				b.kunci: (
					_angka_dokumen(b.target, f"Target '{b.indikator}'"),
					_angka_dokumen(b.realisasi, f"Realisasi '{b.indikator}'"),
				)
				for b in lb.baris
			}

	def salah(self, lembar: str, baris: int | None, kolom: str | None, pesan: str) -> None:
		self.kesalahan.append(Kesalahan(lembar, baris, kolom, pesan))

	def hasil(self) -> HasilImpor:
		if self.kesalahan:
			return HasilImpor(self.kesalahan, [])
		return HasilImpor([], self.perubahan)

	def periksa(self, wb) -> HasilImpor:
		self.wb = wb
		nama_lembar = wb.sheetnames
		if JUDUL_META not in nama_lembar:
			if all(self._kosong(n) for n in nama_lembar):
				self.salah("", None, None, "Berkas kosong: tidak ada isian pada buku kerja.")
			else:
				self.salah(
					"",
					None,
					None,
					"Berkas ini bukan kertas kerja dari sistem (lembar _meta tidak ditemukan). Unduh kertas "
					"kerja dari dokumen, lalu isi berkas tersebut.",
				)
			return self.hasil()
		meta = self._baca_meta()
		if meta is None or not self._periksa_kepala(meta):
			return self.hasil()

		judul_meta = {lm["judul"] for lm in meta["lembar"]}
		for nama in nama_lembar:
			if nama not in judul_meta and nama not in (JUDUL_SAMPUL, JUDUL_META):
				self.salah(
					nama,
					None,
					None,
					f"Lembar '{nama}' tidak dikenal; jangan menambah atau mengganti nama lembar.",
				)
		if JUDUL_SAMPUL in nama_lembar:
			self._periksa_rumus_lembar(JUDUL_SAMPUL)

		tanda_lembar = []
		lengkap = True
		ada_lembar_data = False
		for lm in meta["lembar"]:
			judul, bidang = lm["judul"], lm["bidang"]
			if judul not in nama_lembar:
				self.salah(judul, None, None, f"Lembar '{judul}' untuk bidang '{bidang}' tidak ditemukan.")
				lengkap = False
				continue
			ada_lembar_data = True
			lb = self.bidang_harapan.get(bidang)
			if lb is None:
				self.salah(
					judul,
					None,
					None,
					f"Lembar '{judul}' berisi data bidang '{bidang}' yang tidak termasuk dalam impor ini.",
				)
				lengkap = False
				continue
			baris_kanon = self._periksa_lembar(judul, lb)
			tanda_lembar.append(
				{
					"judul": judul,
					"bidang": bidang,
					"kode": lm["kode"],
					"kunci": lm["kunci"],
					"baris": baris_kanon,
				}
			)
		if not ada_lembar_data:
			self.salah("", None, None, "Berkas tidak berisi lembar data kinerja.")
		if lengkap and ada_lembar_data:
			kepala = {k: meta[k] for k in ("versi", "doctype", "docname", "tahun", "triwulan")}
			benar = _tanda_tangan(self.rahasia, kepala, tanda_lembar)
			if not hmac.compare_digest(benar, str(meta.get("tanda_tangan", ""))):
				self.salah(
					"",
					None,
					None,
					"Tanda tangan kertas kerja tidak cocok: kolom terkunci, baris, atau lembar telah diubah di "
					"luar kolom isian. Unduh ulang kertas kerja dari sistem.",
				)
		return self.hasil()

	def _baris(self, judul: str):
		"""Every row of a sheet as values, ignoring the stored dimension (which may understate)."""
		ws = self.wb[judul]
		ws.reset_dimensions()
		return ws.iter_rows(values_only=True)

	def _kosong(self, judul: str) -> bool:
		for baris in self._baris(judul):
			for nilai in baris:
				if nilai is not None and nilai != "":
					return False
		return True

	def _baca_meta(self) -> dict | None:
		potongan = []
		for baris in self._baris(JUDUL_META):
			nilai = baris[0] if baris else None
			if nilai is None:
				continue
			if type(nilai) is not str or not nilai.startswith(_META_AWALAN):
				return self._meta_rusak()
			potongan.append(nilai[len(_META_AWALAN) :])
		try:
			meta = json.loads("".join(potongan))
		except ValueError:
			return self._meta_rusak()
		if not isinstance(meta, dict) or meta.get("format") != FORMAT_META:
			return self._meta_rusak()
		if meta.get("versi") != TEMPLATE_VERSION:
			self.salah(
				"",
				None,
				None,
				f"Versi templat berkas ({meta.get('versi')}) tidak sesuai dengan versi saat ini "
				f"({TEMPLATE_VERSION}); unduh ulang kertas kerja dari sistem.",
			)
			return None
		teks = ("doctype", "docname", "tanda_tangan")
		if (
			any(not isinstance(meta.get(k), str) for k in teks)
			or any(type(meta.get(k)) is not int for k in ("tahun", "triwulan"))
			or not isinstance(meta.get("lembar"), list)
		):
			return self._meta_rusak()
		judul_dilihat = set()
		for lm in meta["lembar"]:
			if (
				not isinstance(lm, dict)
				or any(not isinstance(lm.get(k), str) for k in ("judul", "bidang", "kode"))
				or not isinstance(lm.get("kunci"), list)
				or any(not isinstance(k, str) for k in lm["kunci"])
				or lm["judul"] in judul_dilihat
				or lm["judul"] in (JUDUL_SAMPUL, JUDUL_META)
			):
				return self._meta_rusak()
			judul_dilihat.add(lm["judul"])
		return meta

	def _meta_rusak(self) -> None:
		self.salah(
			JUDUL_META,
			None,
			None,
			"Lembar _meta rusak atau telah diubah; unduh ulang kertas kerja dari sistem.",
		)
		return None

	def _periksa_kepala(self, meta: dict) -> bool:
		h = self.harapan
		cocok = True
		if (meta["doctype"], meta["docname"]) != (h.dokumen_doctype, h.dokumen_nama):
			self.salah(
				"",
				None,
				None,
				f"Berkas ini untuk dokumen {meta['doctype']} '{meta['docname']}', bukan {h.dokumen_doctype} "
				f"'{h.dokumen_nama}'. Unduh ulang kertas kerja dari dokumen '{h.dokumen_nama}' lalu isi "
				"berkas itu (nama dokumen berubah, mis. setelah data dipindahkan ke OPD, sehingga berkas "
				"lama tidak dapat diunggah).",
			)
			cocok = False
		if (meta["tahun"], meta["triwulan"]) != (int(h.tahun), int(h.triwulan)):
			self.salah(
				"",
				None,
				None,
				f"Berkas ini untuk periode {_periode(meta['tahun'], meta['triwulan'])}, sedangkan dokumen untuk "
				f"periode {_periode(h.tahun, h.triwulan)}.",
			)
			cocok = False
		return cocok

	def _periksa_rumus_lembar(self, judul: str) -> None:
		for nomor, baris in enumerate(self._baris(judul), 1):
			for kolom, nilai in enumerate(baris):
				if _rumus(nilai):
					huruf = get_column_letter(kolom + 1)
					self.salah(
						judul, nomor, huruf, f"Sel {huruf}{nomor} berisi rumus; ketik nilainya langsung."
					)

	def _periksa_lembar(self, judul: str, lb: LembarBidang) -> list[list[str]]:
		"""Check one bidang sheet row by row; collect changes; return canonical locked rows."""
		bidang = lb.bidang
		harapan = {b.kunci: b for b in lb.baris}
		angka = self.angka[bidang]
		dilihat: dict[str, int] = {}
		kanon: list[list[str]] = []
		salah = self.salah
		ada_baris = False
		kosong = (None,) * _JUMLAH_KOLOM
		batas_baris = len(lb.baris) + BARIS_LEBIH_MAKS
		for nomor, baris in enumerate(self._baris(judul), 1):
			if nomor > batas_baris:
				salah(
					judul,
					nomor,
					None,
					f"Lembar '{judul}' berisi jauh lebih banyak baris daripada indikator bidang ini; pemeriksaan "
					"dihentikan. Jangan menambah baris.",
				)
				break
			if len(baris) != _JUMLAH_KOLOM:
				if len(baris) < _JUMLAH_KOLOM:
					baris = tuple(baris) + kosong[len(baris) :]
				else:
					for kolom in range(_JUMLAH_KOLOM, len(baris)):
						nilai = baris[kolom]
						if nilai is not None and nilai != "":
							huruf = get_column_letter(kolom + 1)
							salah(
								judul,
								nomor,
								huruf,
								f"Sel {huruf}{nomor} berada di luar kolom kertas kerja; hapus isinya.",
							)
					baris = baris[:_JUMLAH_KOLOM]
			if nomor == 1:
				self._periksa_judul_kolom(judul, baris)
				continue
			ada_rumus = False
			kosong_semua = True
			for kolom, nilai in enumerate(baris):
				if nilai is None or nilai == "":
					continue
				kosong_semua = False
				if _rumus(nilai):
					ada_rumus = True
					salah(
						judul,
						nomor,
						KOLOM[kolom],
						f"Sel {_HURUF[kolom]}{nomor} berisi rumus; ketik nilainya langsung, bukan rumus (=...).",
					)
			if kosong_semua:
				continue
			ada_baris = True
			kunci = _teks_sel(baris[_KUNCI])
			kanon.append(
				[
					kunci,
					_teks_sel(baris[_INDIKATOR]),
					_teks_sel(baris[_SATUAN]),
					_teks_sel(baris[_POLARITAS]),
					_kanon_sel(baris[_TARGET]),
				]
			)
			if not kunci:
				salah(
					judul, nomor, None, "Baris tambahan tanpa kunci; jangan menambah baris pada kertas kerja."
				)
				continue
			if kunci in dilihat:
				salah(
					judul,
					nomor,
					None,
					f"Kunci baris '{kunci}' muncul lebih dari sekali (juga pada baris {dilihat[kunci]}); jangan "
					"menyalin baris.",
				)
				continue
			dilihat[kunci] = nomor
			b = harapan.get(kunci)
			if b is None:
				salah(
					judul,
					nomor,
					None,
					f"Kunci baris '{kunci}' tidak dikenal untuk bidang '{bidang}'; jangan menambah atau menyalin "
					"baris dari berkas lain.",
				)
				continue
			if ada_rumus:
				continue
			target, realisasi = angka[kunci]
			self._periksa_terkunci(judul, nomor, baris, b, target)
			self._bandingkan_isian(judul, nomor, baris, b, realisasi, bidang)
		if not ada_baris:
			salah(judul, None, None, f"Lembar '{judul}' tidak berisi baris data.")
		for kunci, b in harapan.items():
			if kunci not in dilihat:
				salah(
					judul,
					None,
					None,
					f"Indikator '{_teks(b.indikator)}' (kunci {kunci}) tidak ada di lembar; jangan menghapus baris.",
				)
		return kanon

	def _periksa_judul_kolom(self, judul: str, baris: tuple) -> None:
		for kolom, (nilai, seharusnya) in enumerate(zip(baris, KOLOM, strict=True)):
			if _teks_sel(nilai) != seharusnya:
				self.salah(
					judul,
					1,
					_HURUF[kolom],
					f"Judul kolom {_HURUF[kolom]} diubah; seharusnya '{seharusnya}', tertulis {_tampil(nilai)}.",
				)

	def _periksa_terkunci(
		self, judul: str, nomor: int, baris: tuple, b: BarisKinerja, target: Decimal | None
	) -> None:
		for kolom, lama in ((_INDIKATOR, b.indikator), (_SATUAN, b.satuan), (_POLARITAS, b.polaritas)):
			if _teks_sel(baris[kolom]) != _teks(lama):
				self._terkunci_berubah(judul, nomor, kolom, baris[kolom], lama)
		if _kanon_sel(baris[_TARGET]) != _kanon_dokumen(target):
			self._terkunci_berubah(judul, nomor, _TARGET, baris[_TARGET], target)

	def _terkunci_berubah(self, judul: str, nomor: int, kolom: int, berkas: object, dokumen: object) -> None:
		self.salah(
			judul,
			nomor,
			KOLOM[kolom],
			f"Kolom terkunci {KOLOM[kolom]} berbeda: berkas berisi {_tampil(berkas)}, dokumen berisi "
			f"{_tampil(dokumen)}. Kolom terkunci tidak boleh diubah; bila dokumen telah berubah, unduh ulang "
			"kertas kerja.",
		)

	def _bandingkan_isian(
		self,
		judul: str,
		nomor: int,
		baris: tuple,
		b: BarisKinerja,
		lama_realisasi: Decimal | None,
		bidang: str,
	) -> None:
		try:
			baru = _urai_realisasi(baris[_REALISASI])
		except _Salah as e:
			self.salah(judul, nomor, KOLOM[_REALISASI], str(e))
		else:
			if baru != lama_realisasi and b.dihitung:
				self.salah(
					judul,
					nomor,
					KOLOM[_REALISASI],
					f"Realisasi indikator '{_teks(b.indikator)}' dihitung dari komponen rumusnya dan tidak dapat "
					f"diubah di kertas kerja (berkas berisi {_tampil(baris[_REALISASI])}). Isi komponennya di "
					"formulir Data Kinerja Bidang atau di Isian Kinerja.",
				)
			elif baru != lama_realisasi:
				self.perubahan.append(Perubahan(bidang, b.kunci, "realisasi", b.realisasi, baru))
		for kolom, nama, lama in ((_KENDALA, "kendala", b.kendala), (_UPAYA, "upaya", b.upaya)):
			baru = _teks_sel(baris[kolom])
			if baru != _teks(lama):
				self.perubahan.append(Perubahan(bidang, b.kunci, nama, lama, baru))
