"""Every OPD gets its positions (Jabatan): one per official of the SOP and one Kepala Bidang per Bidang,
filled from the users named on the OPD and the Bidang, with a Pegawai per user (NIP left empty, shown
as "NIP belum diisi" until someone fills it in)."""

from sakip_evaluasi.pejabat.jabatan import siapkan_semua_jabatan


def execute() -> None:
	siapkan_semua_jabatan()
