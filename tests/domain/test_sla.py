from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip_evaluasi.domain.kalender import (
	Interval,
	KalenderKerja,
	KalenderTidakValid,
	Libur,
	kalender_default,
)
from sakip_evaluasi.domain.peran import KEPALA_BIDANG, KEPALA_DINAS, PERAN_SOP, SEKRETARIS, SUBKOOR
from sakip_evaluasi.domain.sla import (
	BERJALAN,
	CATATAN_NOTIFIKASI,
	HAMPIR_JATUH_TEMPO,
	KEPADA_ATASAN,
	KEPADA_PELAKSANA,
	SELESAI_TEPAT_WAKTU,
	SELESAI_TERLAMBAT,
	STATUS_SLA,
	TERLAMBAT,
	WARNA_STATUS,
	HasilLangkah,
	JamLangkah,
	Rencana,
	atasan,
	hasil_langkah,
	keterlambatan_jam,
	notifikasi_perlu,
	rantai_atasan,
	rencanakan,
	ringkas,
	saat_mulai_langkah,
	saat_peringatan,
	statistik_kepatuhan,
	status_pada,
)


def t(teks: str) -> datetime:
	return datetime.fromisoformat(teks)


# Week of 2026-11-16 (Mon) … 2026-11-20 (Fri); 2026-11-23 is the next Monday.
DEFAULT = kalender_default()
KAMIS_LIBUR = kalender_default((Libur(date(2026, 11, 19), "Libur uji", "Libur Nasional"),))


# --- rencana: batas waktu and warning moment ------------------------------------------------------------


@pytest.mark.parametrize(
	"kalender, mulai, waktu, satuan, peringatan, batas",
	[
		# Friday 16:00 + 1 Jam: 30 min on Friday, 30 min on Monday; 75 % = 45 min → Monday 07:45.
		(DEFAULT, "2026-11-20 16:00", 1, "Jam", "2026-11-23 07:45", "2026-11-23 08:00"),
		# 4 Jam from Monday 09:00 crosses the break: 3 h (75 %) ends exactly at 12:00.
		(DEFAULT, "2026-11-16 09:00", 4, "Jam", "2026-11-16 12:00", "2026-11-16 14:00"),
		(DEFAULT, "2026-11-16 08:00", 2, "Jam", "2026-11-16 09:30", "2026-11-16 10:00"),
		# 2 Hari: 15 working hours between Wed 10:00 and Fri 10:00; 11.25 h → Thursday 14:45.
		(DEFAULT, "2026-11-18 10:00", 2, "Hari", "2026-11-19 14:45", "2026-11-20 10:00"),
		# 2 Hari across a Thursday holiday lands on Monday; the warning skips the holiday too.
		(KAMIS_LIBUR, "2026-11-18 10:00", 2, "Hari", "2026-11-20 15:15", "2026-11-23 10:00"),
		# A start outside working time counts from the next working moment.
		(DEFAULT, "2026-11-21 09:00", 1, "Jam", "2026-11-23 08:15", "2026-11-23 08:30"),
	],
)
def test_rencanakan(kalender, mulai, waktu, satuan, peringatan, batas):
	assert rencanakan(kalender, t(mulai), waktu, satuan) == Rencana(t(mulai), t(peringatan), t(batas))


@pytest.mark.parametrize(
	"ambang, peringatan",
	[
		(50, "2026-11-16 09:00"),
		(90, "2026-11-16 09:48"),
		(99.9, "2026-11-16 09:59:53"),
		(0.1, "2026-11-16 08:00:07"),
	],
)
def test_warning_share_is_configurable(ambang, peringatan):
	rencana = rencanakan(DEFAULT, t("2026-11-16 08:00"), 2, "Jam", ambang)
	assert rencana.batas_peringatan == t(peringatan)


@pytest.mark.parametrize("ambang", [0, 100, -5, 150, float("nan"), "75", True, None])
def test_bad_warning_share_is_refused(ambang):
	with pytest.raises(ValueError, match="Ambang peringatan"):
		rencanakan(DEFAULT, t("2026-11-16 08:00"), 1, "Jam", ambang)


@pytest.mark.parametrize(
	"waktu, satuan, pesan",
	[
		(0, "Jam", "lebih dari 0"),
		(-1, "Jam", "lebih dari 0"),
		(0, "Hari", "lebih dari 0"),
		(1.5, "Hari", "bilangan bulat"),
		(1, "Menit", "Satuan waktu"),
	],
)
def test_bad_step_time_is_refused(waktu, satuan, pesan):
	with pytest.raises(ValueError, match=pesan):
		rencanakan(DEFAULT, t("2026-11-16 08:00"), waktu, satuan)


def test_a_calendar_without_working_time_is_refused():
	kosong = KalenderKerja("Kosong", {})
	with pytest.raises(KalenderTidakValid, match="tidak punya jam kerja"):
		rencanakan(kosong, t("2026-11-16 08:00"), 1, "Jam")


def test_a_calendar_whose_holidays_cover_a_whole_year_is_refused():
	setahun = tuple(
		Libur(date(2026, 1, 1) + timedelta(days=n), f"Libur {n}", "Libur Daerah") for n in range(365)
	)
	with pytest.raises(KalenderTidakValid, match="tahun 2026"):
		rencanakan(kalender_default(setahun), t("2026-11-16 08:00"), 1, "Jam")


# --- status ---------------------------------------------------------------------------------------------

BATAS = t("2026-11-16 10:00")
PERINGATAN = t("2026-11-16 09:30")


@pytest.mark.parametrize(
	"sekarang, selesai, status",
	[
		("2026-11-16 08:00", None, BERJALAN),
		("2026-11-16 09:29:59", None, BERJALAN),
		("2026-11-16 09:30", None, HAMPIR_JATUH_TEMPO),
		("2026-11-16 10:00", None, HAMPIR_JATUH_TEMPO),  # the deadline itself is still on time
		("2026-11-16 10:00:01", None, TERLAMBAT),
		("2026-11-30 10:00", None, TERLAMBAT),
		("2026-11-30 10:00", "2026-11-16 09:00", SELESAI_TEPAT_WAKTU),
		("2026-11-30 10:00", "2026-11-16 10:00", SELESAI_TEPAT_WAKTU),
		("2026-11-30 10:00", "2026-11-16 10:00:01", SELESAI_TERLAMBAT),
		("2026-11-16 08:00", "2026-11-16 12:00", SELESAI_TERLAMBAT),  # finished beats the clock
	],
)
def test_status_pada(sekarang, selesai, status):
	assert status_pada(t(sekarang), BATAS, PERINGATAN, t(selesai) if selesai else None) == status


def test_status_without_a_warning_moment_never_warns():
	assert status_pada(t("2026-11-16 09:59"), BATAS) == BERJALAN
	assert status_pada(t("2026-11-16 10:01"), BATAS) == TERLAMBAT


def test_every_status_has_its_own_indicator_colour():
	assert set(WARNA_STATUS) == set(STATUS_SLA)
	assert len(set(WARNA_STATUS.values())) == len(STATUS_SLA)


# --- lateness in working hours --------------------------------------------------------------------------


@pytest.mark.parametrize(
	"batas, sampai, jam",
	[
		("2026-11-16 10:00", "2026-11-16 09:00", 0.0),
		("2026-11-16 10:00", "2026-11-16 10:00", 0.0),
		("2026-11-16 10:00", "2026-11-16 12:30", 2.0),  # the break does not count
		("2026-11-16 10:00", "2026-11-16 13:30", 2.5),
		("2026-11-20 16:00", "2026-11-23 08:30", 1.5),  # Friday 16:00–16:30 + Monday 07:30–08:30
		("2026-11-20 16:30", "2026-11-21 12:00", 0.0),  # late only outside working hours
		("2026-11-16 10:00", "2026-11-16 10:00:20", 0.01),
	],
)
def test_keterlambatan_jam(batas, sampai, jam):
	assert keterlambatan_jam(DEFAULT, t(batas), t(sampai)) == jam


def test_keterlambatan_skips_holidays():
	assert keterlambatan_jam(DEFAULT, t("2026-11-18 16:00"), t("2026-11-20 08:30")) == 8.5
	assert keterlambatan_jam(KAMIS_LIBUR, t("2026-11-18 16:00"), t("2026-11-20 08:30")) == 1.0


# --- compliance statistics ------------------------------------------------------------------------------


def test_statistics_per_group():
	hasil = [
		HasilLangkah(1, True),
		HasilLangkah(1, False, 2.0),
		HasilLangkah(1, False, 0.5),
		HasilLangkah(1, True),
		HasilLangkah(5, False, 8.0),
		HasilLangkah(5, False, 1.0),
		HasilLangkah(5, False, 3.0),
		HasilLangkah(8, True),
	]
	stat = statistik_kepatuhan(hasil)
	assert list(stat) == [1, 5, 8]
	assert (stat[1].jumlah, stat[1].tepat_waktu, stat[1].terlambat) == (4, 2, 2)
	assert stat[1].persen_tepat_waktu == 50.0
	assert (stat[1].median_terlambat_jam, stat[1].terburuk_jam) == (1.25, 2.0)
	assert (stat[5].persen_tepat_waktu, stat[5].median_terlambat_jam, stat[5].terburuk_jam) == (0.0, 3.0, 8.0)
	assert (stat[8].persen_tepat_waktu, stat[8].median_terlambat_jam, stat[8].terburuk_jam) == (
		100.0,
		None,
		None,
	)


def test_statistics_of_nothing():
	assert ringkas([]).persen_tepat_waktu is None
	assert statistik_kepatuhan([]) == {}


def test_statistics_refuse_negative_lateness():
	with pytest.raises(ValueError, match="negatif"):
		ringkas([HasilLangkah("x", False, -1.0)])


@pytest.mark.parametrize(
	"sekarang, selesai, harapan",
	[
		("2026-11-16 09:00", None, None),  # running, not yet due: outcome unknown
		("2026-11-16 11:00", None, HasilLangkah("g", False, 1.0)),  # running and late
		("2026-11-30 09:00", "2026-11-16 09:59", HasilLangkah("g", True)),
		("2026-11-30 09:00", "2026-11-16 13:30", HasilLangkah("g", False, 2.5)),
	],
)
def test_hasil_langkah(sekarang, selesai, harapan):
	assert hasil_langkah("g", DEFAULT, t(sekarang), BATAS, t(selesai) if selesai else None) == harapan


# --- the superior chain ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
	"peran, langsung, rantai",
	[
		(KEPALA_BIDANG, SEKRETARIS, (SEKRETARIS, KEPALA_DINAS)),
		(SUBKOOR, SEKRETARIS, (SEKRETARIS, KEPALA_DINAS)),
		(SEKRETARIS, KEPALA_DINAS, (KEPALA_DINAS,)),
		(KEPALA_DINAS, None, ()),
		("Peran Lain", None, ()),
		(None, None, ()),
	],
)
def test_superior_chain(peran, langsung, rantai):
	assert atasan(peran) == langsung
	assert rantai_atasan(peran) == rantai


def test_every_chain_ends_at_the_kepala_dinas():
	for peran in PERAN_SOP:
		rantai = rantai_atasan(peran)
		assert not rantai or rantai[-1] == KEPALA_DINAS
		assert peran not in rantai


# --- which steps may start ------------------------------------------------------------------------------

AWAL = t("2026-11-16 08:00")
URUTAN = (1, 2, 3, 4, 5, 6, 7, 8)
LANGKAH_1_4 = [
	JamLangkah(1, t("2026-11-16 08:30")),
	JamLangkah(2, t("2026-11-16 09:00")),
	JamLangkah(3, t("2026-11-16 10:00")),
	JamLangkah(4, t("2026-11-16 14:00")),
]
MULAI_1_5 = {
	1: "2026-11-16 08:00",
	2: "2026-11-16 08:30",
	3: "2026-11-16 09:00",
	4: "2026-11-16 10:00",
	5: "2026-11-16 14:00",
}


@pytest.mark.parametrize(
	"jam, harapan",
	[
		([], {1: "2026-11-16 08:00"}),
		([JamLangkah(1, None)], {1: "2026-11-16 08:00"}),
		([JamLangkah(1, t("2026-11-16 09:00"))], {1: "2026-11-16 08:00", 2: "2026-11-16 09:00"}),
		# step 2 finished out of order before step 1: step 3 waits for step 1, then starts at its end
		(
			[JamLangkah(1, None), JamLangkah(2, t("2026-11-16 08:30"))],
			{1: "2026-11-16 08:00"},
		),
		(
			[JamLangkah(1, t("2026-11-16 09:00")), JamLangkah(2, t("2026-11-16 08:30"))],
			{1: "2026-11-16 08:00", 2: "2026-11-16 09:00", 3: "2026-11-16 09:00"},
		),
		# step 5 per bidang: step 6 starts only when every bidang's step 5 has ended, at the last one
		(
			[*LANGKAH_1_4, JamLangkah(5, t("2026-11-18 10:00"), "A"), JamLangkah(5, None, "B")],
			{**MULAI_1_5},
		),
		(
			[
				*LANGKAH_1_4,
				JamLangkah(5, t("2026-11-18 10:00"), "A"),
				JamLangkah(5, t("2026-11-18 11:00"), "B"),
			],
			{**MULAI_1_5, 6: "2026-11-18 11:00"},
		),
	],
)
def test_saat_mulai_langkah(jam, harapan):
	assert saat_mulai_langkah(URUTAN, jam, AWAL) == {k: t(v) for k, v in harapan.items()}


def test_every_step_ended_means_every_step_started():
	jam = [JamLangkah(n, AWAL + timedelta(hours=n)) for n in URUTAN]
	assert list(saat_mulai_langkah(URUTAN, jam, AWAL)) == list(URUTAN)


# --- notifications --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
	"status, sudah, ada_atasan, harapan",
	[
		(BERJALAN, [], True, [(KEPADA_PELAKSANA, BERJALAN)]),
		(BERJALAN, ["diberitahu_mulai"], True, []),
		(HAMPIR_JATUH_TEMPO, ["diberitahu_mulai"], True, [(KEPADA_PELAKSANA, HAMPIR_JATUH_TEMPO)]),
		(TERLAMBAT, [], True, [(KEPADA_PELAKSANA, TERLAMBAT), (KEPADA_ATASAN, TERLAMBAT)]),
		(TERLAMBAT, [], False, [(KEPADA_PELAKSANA, TERLAMBAT)]),
		(TERLAMBAT, ["diberitahu_terlambat"], True, [(KEPADA_ATASAN, TERLAMBAT)]),
		(TERLAMBAT, ["diberitahu_terlambat", "eskalasi_terlambat"], True, []),
		(SELESAI_TEPAT_WAKTU, [], True, []),
		(SELESAI_TERLAMBAT, [], True, []),
	],
)
def test_notifikasi_perlu(status, sudah, ada_atasan, harapan):
	assert notifikasi_perlu(status, sudah, ada_atasan) == harapan


# --- properties -----------------------------------------------------------------------------------------

momen = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 6, 30)).map(
	lambda d: d.replace(microsecond=0)
)
jam_kerja = st.sampled_from(
	[(1, "Jam"), (2, "Jam"), (4, "Jam"), (0.5, "Jam"), (7.25, "Jam"), (1, "Hari"), (2, "Hari")]
)
ambang = st.integers(min_value=1, max_value=99)
SEKALI_SEHARI = KalenderKerja(
	"Pendek", {d: (Interval(time(9), time(10)),) for d in range(5)}, libur=KAMIS_LIBUR.libur
)
kalender = st.sampled_from([DEFAULT, KAMIS_LIBUR, SEKALI_SEHARI])


@settings(max_examples=150, deadline=None)
@given(kalender, momen, jam_kerja, ambang)
def test_warning_moment_is_the_share_of_working_time(kal, mulai, waktu_satuan, persen):
	waktu, satuan = waktu_satuan
	r = rencanakan(kal, mulai, waktu, satuan, persen)
	awal = kal.next_working_moment(mulai)
	assert awal <= r.batas_peringatan <= r.batas_waktu
	total = kal.working_time_between(mulai, r.batas_waktu)
	bagian = kal.working_time_between(mulai, r.batas_peringatan)
	assert abs(bagian.total_seconds() - total.total_seconds() * persen / 100) <= 1
	assert r.batas_peringatan == saat_peringatan(kal, mulai, r.batas_waktu, persen)


@settings(max_examples=150, deadline=None)
@given(kalender, momen, jam_kerja, st.lists(st.integers(min_value=0, max_value=10 * 24 * 3600), max_size=8))
def test_status_only_moves_forward_while_running(kal, mulai, waktu_satuan, detik):
	waktu, satuan = waktu_satuan
	r = rencanakan(kal, mulai, waktu, satuan)
	urutan = [
		status_pada(mulai + timedelta(seconds=s), r.batas_waktu, r.batas_peringatan) for s in sorted(detik)
	]
	posisi = [STATUS_SLA.index(s) for s in urutan]
	assert posisi == sorted(posisi)
	assert set(urutan) <= {BERJALAN, HAMPIR_JATUH_TEMPO, TERLAMBAT}


@settings(max_examples=150, deadline=None)
@given(kalender, momen, momen)
def test_lateness_is_zero_when_on_time_and_never_negative(kal, batas, selesai):
	jam = keterlambatan_jam(kal, batas, selesai)
	assert jam >= 0
	if selesai <= batas:
		assert jam == 0
	assert (status_pada(selesai, batas, None, selesai) == SELESAI_TEPAT_WAKTU) == (selesai <= batas)


@given(
	st.lists(
		st.tuples(st.sampled_from("ABC"), st.booleans(), st.floats(min_value=0, max_value=500)), max_size=40
	)
)
def test_statistics_are_consistent(baris):
	hasil = [HasilLangkah(k, tepat, 0.0 if tepat else jam) for k, tepat, jam in baris]
	stat = statistik_kepatuhan(hasil)
	assert sum(s.jumlah for s in stat.values()) == len(hasil)
	for k, s in stat.items():
		assert s.tepat_waktu + s.terlambat == s.jumlah
		assert 0 <= s.persen_tepat_waktu <= 100
		telat = [h.terlambat_jam for h in hasil if h.kelompok == k and not h.tepat_waktu]
		if telat:
			assert round(min(telat), 2) <= s.median_terlambat_jam <= s.terburuk_jam == round(max(telat), 2)
		else:
			assert s.median_terlambat_jam is s.terburuk_jam is None


@given(
	st.lists(
		st.tuples(
			st.integers(min_value=1, max_value=8),
			st.one_of(st.none(), momen),
			st.sampled_from([None, "A", "B"]),
		),
		max_size=20,
	)
)
def test_starts_are_ordered_and_follow_the_sop(baris):
	jam = [JamLangkah(no, selesai, bidang) for no, selesai, bidang in baris]
	mulai = saat_mulai_langkah(URUTAN, jam, AWAL)
	assert list(mulai) == list(URUTAN[: len(mulai)])
	nilai = list(mulai.values())
	assert nilai == sorted(nilai) and nilai[0] == AWAL
	for no in list(mulai)[:-1]:  # every step before the last returned has ended
		milik = [j for j in jam if j.langkah == no]
		assert milik and all(j.selesai for j in milik)


def test_every_notification_has_a_bookkeeping_column():
	assert set(CATATAN_NOTIFIKASI.values()) == {
		"diberitahu_mulai",
		"diberitahu_peringatan",
		"diberitahu_terlambat",
		"eskalasi_terlambat",
	}
