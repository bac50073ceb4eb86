"""Fixtures: the shipped catalog and bank, loaded once, and a flow over them."""

from pathlib import Path

import pytest

from app.interview.flow import Flow
from app.interview.load import load_bank
from app.screening.catalog import load_catalog

BANKS = Path(__file__).resolve().parents[1] / "data" / "banks"


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture(scope="session")
def bank(catalog):
    return load_bank(catalog=catalog)


@pytest.fixture()
def flow(bank, catalog):
    return Flow(bank, catalog)
