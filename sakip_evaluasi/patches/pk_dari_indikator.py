"""The targets typed into Indikator Kinerja become Perjanjian Kinerja version 1, per OPD and year: each
bidang's indicators a Kepala Bidang PK, the OPD's PK built from the distinct sasaran strategis and
marked Belum Lengkap; both in force, no figure changed (``aturan/pk_dari_indikator``)."""

from sakip_evaluasi.aturan.pk_dari_indikator import pk_dari_indikator, tahun_dengan_target


def execute() -> None:
	for opd, tahun in tahun_dengan_target():
		pk_dari_indikator(opd, tahun)
