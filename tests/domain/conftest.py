"""Fixtures shared by the work paper's test modules."""

import pytest

from sakip_evaluasi.domain.kertas_kerja import buat_workbook


@pytest.fixture(scope="module")
def kosong() -> bytes:
	"""The work paper as exported, nothing filled in yet."""
	from tests.domain.test_kertas_kerja import LEMBAR, RAHASIA, SAMPUL

	return buat_workbook(SAMPUL, LEMBAR, RAHASIA)
