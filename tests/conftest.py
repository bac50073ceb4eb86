"""Shared fixtures: every data folder in a temp dir, Qt offscreen, fast-but-legal KDF for stores.

Stores made by tests use MINIMUM_KDF (64 MiB, t=3: the legal floor) so the suite stays quick;
the default cost is pinned by its own test and measured by the benchmarks.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from app.i18n import set_language  # noqa: E402

STRONG_PASSWORD = "correct horse battery staple 7"
OTHER_PASSWORD = "another long passphrase here"


@pytest.fixture(autouse=True)
def tsunagu_home(tmp_path, monkeypatch):
    """Settings, data and logs of the program under test go to a fresh folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("TSUNAGU_HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    set_language("en")
    yield home
    set_language("en")


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "office.tsunagu"


@pytest.fixture
def new_store(store_path):
    """A fresh store with an admin; yields (session, recovery key text). Closed afterwards."""
    from app.store.kdf import MINIMUM_KDF
    from app.store.store import create_store

    session, recovery = create_store(store_path, "admin", STRONG_PASSWORD, kdf=MINIMUM_KDF)
    yield session, recovery
    session.close()
