"""Import of the PK workbook (``buku_pk``): a returned workbook checked against what the OPD's PKs and
Renstra hold now. Every problem at once, each naming its sheet, row and cell, or the new tables of
each PK that changed and the Renstra targets that changed; never both.

What is refused: a file that is not the app's workbook, of another OPD or year, or signed by another
site; a changed header, locked cell (the cover, the Renstra's locked columns, the Indikator Kinerja
sheet), formula cell or sheet; a formula typed into an input cell; a value that is not a number, not
one of its choices, or missing; an Indikator Kinerja code that is not the OPD's (or not the bidang's
own on a Kepala Bidang PK); every check the PK's own save makes (roll-up of the quarterly targets,
an indicator twice, a sasaran not in the PK, a Kabid sasaran that cascades to no OPD sasaran, a SIPD
code of the wrong shape, a Rencana Aksi of an indicator not in the PK); and a change to a PK that is
no longer a draft, or that changed since the workbook was downloaded.
"""

import hmac
import warnings
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from io import BytesIO

from openpyxl import load_workbook

from sakip_evaluasi.domain import perjanjian_kinerja as pk
from sakip_evaluasi.domain.kertas_kerja.buku_pk import (
	AKUMULASI,
	FORMAT_PK,
	J_INDIKATOR,
	J_MASTER,
	J_PETUNJUK,
	J_PROGRAM,
	J_RENCANA,
	J_RENSTRA,
	J_SASARAN,
	JENIS_PROGRAM,
	KODE_OPD,
	KOLOM_JUMLAH,
	KOLOM_LEMBAR,
	LEMBAR_ISIAN,
	METODE_NEGATIF,
	POLARITAS,
	SEL_OPD,
	SEL_TAHUN,
	TIDAK,
	TRIWULAN,
	URUTAN_LEMBAR,
	VERSI_PK,
	YA,
	BukuPK,
	IndikatorBaris,
	IsiPK,
	ProgramBaris,
	RencanaAksiBaris,
	SasaranBaris,
	huruf,
	kanon_petunjuk,
	rumus_jumlah,
	tanda,
)
from sakip_evaluasi.domain.kertas_kerja.impor import _periksa_berkas, _rusak, _urai_meta
from sakip_evaluasi.domain.kertas_kerja.model import JUDUL_META, Kesalahan
from sakip_evaluasi.domain.kertas_kerja.nilai import (
	_angka_dokumen,
	_kanon_sel,
	_rumus,
	_Salah,
	_tampil,
	_teks,
	_teks_sel,
	_urai_angka_sel,
)
from sakip_evaluasi.domain.kertas_kerja.tanda_tangan import _periksa_rahasia

_NOL = Decimal(0)


@dataclass(frozen=True)
class HasilBukuPK:
	"""``pk``: per PK code its new tables (only the PKs that change); ``renstra``: per Renstra indicator
	code its new target of the year. Both empty when ``kesalahan`` is not."""

	kesalahan: list[Kesalahan] = field(default_factory=list)
	pk: dict[str, IsiPK] = field(default_factory=dict)
	renstra: dict[str, Decimal | None] = field(default_factory=dict)

	@property
	def berhasil(self) -> bool:
		return not self.kesalahan


def baca_buku_pk(
	isi: bytes, nama_file: str, harapan: BukuPK, rahasia: bytes, batas_ukuran: int
) -> HasilBukuPK:
	"""Check a returned PK workbook against ``harapan`` (the OPD's PKs and Renstra now). Nothing is
	written here."""
	_periksa_rahasia(rahasia)
	masalah = _periksa_berkas(isi, nama_file, batas_ukuran)
	if masalah:
		return HasilBukuPK([Kesalahan("", None, None, m) for m in masalah])
	with warnings.catch_warnings():
		warnings.simplefilter("ignore")
		try:
			wb = load_workbook(BytesIO(isi), read_only=True, data_only=False, keep_links=False)
		except Exception:
			return HasilBukuPK(_rusak().kesalahan)
		try:
			return _Pemeriksa(harapan, rahasia).periksa(wb)
		except Exception:
			return HasilBukuPK(_rusak().kesalahan)
		finally:
			wb.close()


def _normal(isi: IsiPK) -> tuple:
	"""A PK's tables as compared: an empty number is 0 (what a Float column holds)."""

	def angka(n):
		return n if n is not None else _NOL

	return (
		tuple(isi.sasaran),
		tuple(
			replace(b, target_tahunan=angka(b.target_tahunan), target_tw=tuple(angka(t) for t in b.target_tw))
			for b in isi.indikator
		),
		tuple(isi.rencana_aksi),
		tuple(replace(b, anggaran=angka(b.anggaran)) for b in isi.program),
	)


class _Pemeriksa:
	def __init__(self, harapan: BukuPK, rahasia: bytes) -> None:
		self.h = harapan
		self.rahasia = rahasia
		self.kesalahan: list[Kesalahan] = []
		self.pihak = {p.kode: p for p in harapan.pihak}
		self.master = {m.kode: m for m in harapan.master}
		# per PK code: the rows read, each with its Excel row number
		self.baris: dict[str, dict[str, list]] = {p.kode: defaultdict(list) for p in harapan.pihak}
		# (PK code, sheet) with a row refused cell by cell: checks that look up that sheet's rows skip
		self.tak_terbaca: set[tuple[str, str]] = set()

	def salah(self, lembar: str, baris: int | None, kolom: str | None, pesan: str) -> None:
		self.kesalahan.append(Kesalahan(lembar, baris, kolom, pesan))

	def sel(self, lembar: str, nomor: int, k: int, pesan: str) -> None:
		h = huruf(k)
		judul = KOLOM_LEMBAR[lembar][k] if lembar in KOLOM_LEMBAR else ""
		self.salah(lembar, nomor, h, f"Sel {h}{nomor}" + (f" ({judul})" if judul else "") + f": {pesan}")

	def gagal(self) -> HasilBukuPK:
		return HasilBukuPK(self.kesalahan)

	# ------------------------------------------------------------------ the file as a whole

	def periksa(self, wb) -> HasilBukuPK:
		if JUDUL_META not in wb.sheetnames or J_PETUNJUK not in wb.sheetnames:
			self.salah(
				"",
				None,
				None,
				"Berkas ini bukan Buku Kerja PK dari sistem (lembar Petunjuk atau _meta tidak ditemukan). "
				"Unduh Buku Kerja PK, lalu isi berkas tersebut.",
			)
			return self.gagal()
		meta = _urai_meta(wb[JUDUL_META])
		if meta is None or meta.get("format") != FORMAT_PK or meta.get("versi") != VERSI_PK:
			self.salah(
				JUDUL_META, None, None, "Lembar _meta rusak atau bukan Buku Kerja PK versi ini; unduh ulang."
			)
			return self.gagal()
		if (meta.get("opd"), meta.get("tahun")) != (self.h.opd, int(self.h.tahun)):
			h, b = SEL_OPD if meta.get("opd") != self.h.opd else SEL_TAHUN
			self.salah(
				J_PETUNJUK,
				b,
				h,
				f"Sel {h}{b} (Petunjuk): berkas ini Buku Kerja PK OPD {meta.get('opd')} tahun {meta.get('tahun')}, "
				f"bukan OPD {self.h.opd} tahun {self.h.tahun} yang dipilih untuk diunggah. Pilih OPD "
				f"{meta.get('opd')} tahun {meta.get('tahun')} sebelum mengunggah berkas ini, atau unduh dan isi "
				f"Buku Kerja PK OPD {self.h.opd} tahun {self.h.tahun}.",
			)
			return self.gagal()
		for nama in wb.sheetnames:
			if nama not in URUTAN_LEMBAR and nama != JUDUL_META:
				self.salah(
					nama,
					None,
					None,
					f"Lembar '{nama}' tidak dikenal; jangan menambah atau mengganti nama lembar.",
				)
		hilang = [j for j in URUTAN_LEMBAR if j not in wb.sheetnames]
		for j in hilang:
			self.salah(
				j, None, None, f"Lembar '{j}' tidak ditemukan; jangan menghapus atau mengganti nama lembar."
			)
		jumlah = meta.get("baris") if isinstance(meta.get("baris"), dict) else {}
		if hilang or set(jumlah) != set(LEMBAR_ISIAN):
			return self.gagal() if hilang else self._meta_rusak()
		petunjuk = self._petunjuk(wb[J_PETUNJUK])
		renstra_kanon, renstra_baru = self._renstra(wb[J_RENSTRA])
		master = self._master(wb[J_MASTER])
		for judul in LEMBAR_ISIAN:
			self._lembar_isian(wb[judul], judul, int(jumlah[judul]))
		if not hmac.compare_digest(
			tanda(self.rahasia, meta, petunjuk, renstra_kanon, master), str(meta.get("tanda_tangan", ""))
		):
			# a tampered or foreign file: its cells' messages would only distract
			self.kesalahan = [
				Kesalahan(
					"",
					None,
					None,
					"Tanda tangan Buku Kerja PK tidak cocok: sel terkunci, baris atau lembar telah diubah, atau "
					"berkas berasal dari situs lain. Unduh ulang Buku Kerja PK dari sistem.",
				)
			]
			return self.gagal()
		isi = self._periksa_pk()
		pk_berubah = self._perubahan_pk(isi, meta)
		renstra = self._perubahan_renstra(renstra_baru, meta)
		if self.kesalahan:
			return self.gagal()
		return HasilBukuPK([], pk_berubah, renstra)

	def _meta_rusak(self) -> HasilBukuPK:
		self.salah(JUDUL_META, None, None, "Lembar _meta rusak; unduh ulang Buku Kerja PK.")
		return self.gagal()

	def _baris(self, ws):
		ws.reset_dimensions()
		return enumerate(ws.iter_rows(values_only=True), 1)

	def _judul(self, judul: str, isi: tuple) -> None:
		for k, seharusnya in enumerate(KOLOM_LEMBAR[judul]):
			nilai = isi[k] if k < len(isi) else None
			if _teks_sel(nilai) != seharusnya:
				self.sel(
					judul, 1, k, f"judul kolom diubah; seharusnya '{seharusnya}', tertulis {_tampil(nilai)}."
				)

	def _rumus_di(self, judul: str, nomor: int, isi: tuple, kecuali: int | None = None) -> bool:
		ada = False
		for k, nilai in enumerate(isi):
			if k != kecuali and _rumus(nilai):
				ada = True
				self.sel(judul, nomor, k, "berisi rumus; ketik nilainya.")
		return ada

	def _petunjuk(self, ws) -> list[list[str]]:
		baris = []
		for nomor, isi in self._baris(ws):
			if not self._rumus_di(J_PETUNJUK, nomor, isi):
				baris.append([_teks_sel(v) for v in isi])
		return kanon_petunjuk(baris)

	def _renstra(self, ws) -> tuple[list[list[str]], dict[str, tuple[int, Decimal | None]]]:
		kanon, baru = [], {}
		for nomor, isi in self._baris(ws):
			isi = (tuple(isi) + (None,) * 7)[:7]
			if nomor == 1:
				self._judul(J_RENSTRA, isi)
				continue
			if all(v is None or v == "" for v in isi) or self._rumus_di(J_RENSTRA, nomor, isi):
				continue
			kanon.append([*(_teks_sel(v) for v in isi[:4]), _kanon_sel(isi[4]), _kanon_sel(isi[5])])
			try:
				baru[_teks_sel(isi[0])] = (nomor, _urai_angka_sel(isi[6], "Target"))
			except _Salah as e:
				self.sel(J_RENSTRA, nomor, 6, str(e))
		return kanon, baru

	def _master(self, ws) -> list[list[str]]:
		kanon = []
		for nomor, isi in self._baris(ws):
			isi = (tuple(isi) + (None,) * 6)[:6]
			if nomor == 1:
				self._judul(J_MASTER, isi)
			elif not all(v is None or v == "" for v in isi) and not self._rumus_di(J_MASTER, nomor, isi):
				kanon.append([_teks_sel(v) for v in isi])
		return kanon

	# ------------------------------------------------------------------ the input sheets

	def _lembar_isian(self, ws, judul: str, jumlah: int) -> None:
		lebar = len(KOLOM_LEMBAR[judul])
		baca = {
			J_SASARAN: self._sasaran,
			J_INDIKATOR: self._indikator,
			J_RENCANA: self._rencana,
			J_PROGRAM: self._program,
		}[judul]
		for nomor, isi in self._baris(ws):
			isi = (tuple(isi) + (None,) * lebar)[:lebar]
			if nomor == 1:
				self._judul(judul, isi)
				continue
			if judul == J_INDIKATOR and nomor <= jumlah + 1 and isi[KOLOM_JUMLAH] != rumus_jumlah(nomor):
				self.sel(
					judul,
					nomor,
					KOLOM_JUMLAH,
					f"kolom ini dihitung otomatis dari Target TW I-IV dan tidak boleh diketik atau diubah, "
					f"tetapi kini berisi {_tampil(isi[KOLOM_JUMLAH])}. Kembalikan rumusnya "
					f"{rumus_jumlah(nomor)} (salin sel kolom {huruf(KOLOM_JUMLAH)} dari baris lain) atau unduh ulang Buku Kerja PK.",
				)
			data = isi[:KOLOM_JUMLAH] if judul == J_INDIKATOR else isi
			if all(v is None or (isinstance(v, str) and not v.strip()) for v in data):
				continue
			if nomor > jumlah + 1:
				self.salah(judul, nomor, None, f"Baris {nomor} di luar area isian; jangan menambah baris.")
				continue
			if self._rumus_di(judul, nomor, data):
				continue
			kode = _teks_sel(data[0])
			if kode not in self.pihak:
				self.sel(judul, nomor, 0, f"PK '{kode}' tidak dikenal; pilih {', '.join(self.pihak)}.")
				self.tak_terbaca.update((k, judul) for k in self.pihak)
				continue
			try:
				hasil = baca(judul, nomor, data, kode)
			except _Salah:
				self.tak_terbaca.add((kode, judul))
				continue
			if hasil is not None:
				self.baris[kode][judul].append((nomor, hasil))

	def _wajib(self, judul: str, nomor: int, data: tuple, k: int) -> str:
		teks = _teks_sel(data[k])
		if not teks:
			self.sel(judul, nomor, k, "wajib diisi.")
			raise _Salah
		return teks

	def _pilih(self, judul: str, nomor: int, data: tuple, k: int, pilihan, bawaan: str = "") -> str:
		teks = _teks_sel(data[k]) or bawaan
		if teks not in pilihan:
			self.sel(judul, nomor, k, f"{_tampil(teks)} bukan pilihan yang sah; pilih {', '.join(pilihan)}.")
			raise _Salah
		return teks

	def _angka(self, judul: str, nomor: int, data: tuple, k: int) -> Decimal | None:
		try:
			angka = _urai_angka_sel(data[k], KOLOM_LEMBAR[judul][k])
		except _Salah as e:
			self.sel(judul, nomor, k, str(e))
			raise
		if angka is not None and angka < 0:
			self.sel(judul, nomor, k, f"{KOLOM_LEMBAR[judul][k]} tidak boleh negatif.")
			raise _Salah
		return angka

	def _sasaran(self, judul, nomor, data, kode) -> SasaranBaris:
		kode_sasaran, sasaran = (self._wajib(judul, nomor, data, k) for k in (1, 2))
		return SasaranBaris(kode_sasaran, sasaran, _teks_sel(data[3]))

	def _indikator(self, judul, nomor, data, kode) -> IndikatorBaris:
		p = self.pihak[kode]
		ik = _teks_sel(data[2])
		m = self.master.get(ik)
		if ik and m is None:
			self.sel(
				judul, nomor, 2, f"Indikator Kinerja '{ik}' tidak ada pada lembar Indikator Kinerja OPD ini."
			)
			raise _Salah
		if p.bidang and not ik:
			self.sel(
				judul,
				nomor,
				2,
				f"wajib diisi pada PK Kepala Bidang ({kode}); pilih dari lembar Indikator Kinerja.",
			)
			raise _Salah
		if p.bidang and m.bidang != kode:
			self.sel(judul, nomor, 2, f"Indikator Kinerja {ik} milik bidang {m.bidang}, bukan {kode}.")
			raise _Salah
		isi = list(data)
		if m is not None:
			for k, nilai in ((3, m.indikator), (6, m.satuan), (7, m.polaritas), (9, m.akumulasi)):
				if not _teks_sel(isi[k]):
					isi[k] = nilai
		kode_sasaran = self._wajib(judul, nomor, isi, 1)
		nama = self._wajib(judul, nomor, isi, 3)
		satuan = self._wajib(judul, nomor, isi, 6)
		iku = self._pilih(judul, nomor, isi, 5, (YA, TIDAK), TIDAK)
		polaritas = self._pilih(judul, nomor, isi, 7, POLARITAS, "Positif")
		metode = self._pilih(judul, nomor, isi, 8, ("", *METODE_NEGATIF)) if polaritas == "Negatif" else ""
		akumulasi = self._pilih(judul, nomor, isi, 9, AKUMULASI, "Kumulatif")
		angka = [self._angka(judul, nomor, isi, k) for k in range(10, 15)]
		return IndikatorBaris(
			kode_sasaran,
			ik,
			nama,
			satuan,
			polaritas,
			akumulasi,
			_teks_sel(isi[4]),
			iku == YA,
			metode,
			angka[0],
			tuple(angka[1:]),
		)

	def _rencana(self, judul, nomor, data, kode) -> RencanaAksiBaris:
		ik = self._wajib(judul, nomor, data, 1)
		tw = self._pilih(judul, nomor, data, 2, TRIWULAN)
		return RencanaAksiBaris(ik, tw, self._wajib(judul, nomor, data, 3), _teks_sel(data[4]))

	def _program(self, judul, nomor, data, kode) -> ProgramBaris:
		jenis = self._pilih(judul, nomor, data, 1, JENIS_PROGRAM)
		nama = self._wajib(judul, nomor, data, 3)
		anggaran = self._angka(judul, nomor, data, 4)
		return ProgramBaris(jenis, _teks_sel(data[2]), nama, anggaran, _teks_sel(data[5]))

	# ------------------------------------------------------------------ the PK's own checks

	def _periksa_pk(self) -> dict[str, IsiPK]:
		sasaran_opd = [b.kode_sasaran for _n, b in self.baris[KODE_OPD][J_SASARAN]]
		isi = {}
		for kode, tabel in self.baris.items():
			label = lambda n, k, j=None: f"Sel {huruf(k)}{n} ({j or J_INDIKATOR}, PK {kode})"  # noqa: E731
			sasaran, indikator = tabel[J_SASARAN], tabel[J_INDIKATOR]
			masalah: list[tuple[str, int, int, str | None]] = []
			lihat: dict[str, int] = {}
			for n, b in sasaran:
				if b.kode_sasaran in lihat:
					masalah.append(
						(
							J_SASARAN,
							n,
							1,
							f"{label(n, 1, J_SASARAN)}: kode sasaran '{b.kode_sasaran}' sudah dipakai di baris {lihat[b.kode_sasaran]}.",
						)
					)
				lihat.setdefault(b.kode_sasaran, n)
				if kode != KODE_OPD and (KODE_OPD, J_SASARAN) not in self.tak_terbaca:
					for m in pk.tanpa_induk(
						[(label(n, 3, J_SASARAN), b.kode_sasaran_opd)], sasaran_opd, "pada lembar Sasaran"
					):
						masalah.append((J_SASARAN, n, 3, m))
			daftar = [
				pk.BarisIndikator(label(n, 3), b.indikator or b.nama_indikator, b.kode_sasaran)
				for n, b in indikator
			]
			for (n, _b), m in zip(indikator, _per_baris(pk.indikator_ganda, daftar), strict=True):
				masalah += [(J_INDIKATOR, n, 3, x) for x in m]
			for n, b in indikator:
				if b.kode_sasaran not in lihat and (kode, J_SASARAN) not in self.tak_terbaca:
					masalah.append(
						(
							J_INDIKATOR,
							n,
							1,
							f"{label(n, 1)}: sasaran '{b.kode_sasaran}' tidak ada pada lembar Sasaran untuk PK {kode}.",
						)
					)
				m = pk.periksa_rollup(label(n, 10), b.target_tahunan or _NOL, b.target_tw, b.akumulasi)
				if m:
					masalah.append((J_INDIKATOR, n, 10, m))
			ada = {b.indikator for _n, b in indikator if b.indikator}
			for n, b in tabel[J_RENCANA]:
				if b.indikator not in ada and (kode, J_INDIKATOR) not in self.tak_terbaca:
					masalah.append(
						(
							J_RENCANA,
							n,
							1,
							f"{label(n, 1, J_RENCANA)}: indikator {b.indikator} tidak ada pada lembar Indikator untuk PK {kode}.",
						)
					)
			for n, b in tabel[J_PROGRAM]:
				m = pk.periksa_kode_sipd(label(n, 2, J_PROGRAM), b.jenis, b.kode_sipd)
				if m:
					masalah.append((J_PROGRAM, n, 2, m))
			for j, n, k, pesan in masalah:
				self.salah(j, n, huruf(k), pesan)
			isi[kode] = IsiPK(*(tuple(b for _n, b in tabel[j]) for j in LEMBAR_ISIAN))
		return isi

	# ------------------------------------------------------------------ what changes

	def _perubahan_pk(self, isi: dict[str, IsiPK], meta: dict) -> dict[str, IsiPK]:
		diunduh = {p[0]: p for p in meta.get("pihak") or [] if isinstance(p, list) and len(p) == 4}
		berubah = {}
		for kode, p in self.pihak.items():
			if _normal(isi[kode]) == _normal(p.isi):
				continue
			baris = self._baris_pertama(kode)
			if p.dokumen and not p.dapat_diubah:
				self.salah(
					baris[0],
					baris[1],
					"A" if baris[1] else None,
					f"Perjanjian Kinerja {p.dokumen} ({kode}) berstatus {p.status}: isinya tidak dapat diubah lewat "
					"buku kerja. Untuk mengubah target, buat PK Perubahan pada dokumen itu, lalu unduh ulang buku kerja.",
				)
				continue
			lama = diunduh.get(kode)
			if lama is None or lama[2] != p.dokumen or lama[3] != p.diubah:
				self.salah(
					baris[0],
					baris[1],
					"A" if baris[1] else None,
					f"PK {kode}: {p.dokumen or 'dokumen PK'} telah dibuat atau diubah sejak buku kerja ini diunduh; "
					"unduh ulang Buku Kerja PK agar perubahan itu tidak tertimpa.",
				)
				continue
			berubah[kode] = isi[kode]
		return berubah

	def _baris_pertama(self, kode: str) -> tuple[str, int | None]:
		for j in LEMBAR_ISIAN:
			if self.baris[kode][j]:
				return j, self.baris[kode][j][0][0]
		return J_SASARAN, None

	def _perubahan_renstra(
		self, baru: dict[str, tuple[int, Decimal | None]], meta: dict
	) -> dict[str, Decimal | None]:
		lama = {b.kode: _angka_dokumen(b.target, "Target") for b in self.h.target_renstra}
		berubah = {}
		for kode, (nomor, angka) in baru.items():
			if kode in lama and (angka or _NOL) != (lama[kode] or _NOL):
				if meta.get("renstra") != [self.h.renstra, self.h.renstra_diubah]:
					self.sel(
						J_RENSTRA,
						nomor,
						6,
						f"Renstra {self.h.renstra} telah diubah sejak buku kerja ini diunduh; unduh ulang.",
					)
				else:
					berubah[kode] = angka
		return berubah


def _per_baris(fungsi, daftar: list[pk.BarisIndikator]) -> list[list[str]]:
	"""The messages of a whole-table check, each given to the row it names first."""
	pesan = fungsi(daftar)
	return [[m for m in pesan if m.startswith(b.baris + ":")] for b in daftar]
