"""Fixtures: the shipped catalog, and a helper that turns sign ids into observations."""

import pytest

from app.screening.catalog import load_catalog
from app.screening.result import Observation


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


def obs(*signs, answer="yes"):
    """One observation per sign, each from its own made-up question."""
    return [Observation(s, f"q_{s.lower()}", answer) for s in signs]
