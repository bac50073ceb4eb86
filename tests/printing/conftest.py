"""Fixtures for the PDF tests: the shipped directory, a fixed date, the sample translations."""

from __future__ import annotations

from datetime import date

import pytest

from app.contacts import default_directory
from tests.printing.samples import use_sample_catalog

TODAY = date(2026, 5, 1)


@pytest.fixture
def directory():
    return default_directory()


@pytest.fixture
def today():
    return TODAY


@pytest.fixture
def sample_catalog(monkeypatch):
    """Leaflet texts in th, my, km, ne, zh_Hant, ko from the test translations."""
    use_sample_catalog(monkeypatch.setattr)
