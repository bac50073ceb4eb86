"""Nothing of a case reaches disk in plaintext; the cipher is what we think it is (R2, R4-R6)."""

from __future__ import annotations

import base64
import sqlite3
import tempfile
from pathlib import Path

import pytest

from app.cases.model import Person
from app.cases.repo import create_case, get_case, search_cases, update_case
from app.errors import UserError
from app.store import connection
from app.store.keyslots import keys_path
from app.store.store import open_store
from tests.conftest import STRONG_PASSWORD

SENTINELS = ["SENTINEL-ALIAS-7Q2X", "試験花子", "สมหญิงทดสอบ", "Maria Santos-Dela Cruz", "090-1234-5678", "TRAFFICKER-NOTE-99"]


def _encodings(text: str) -> list[bytes]:
    out = [text.encode("utf-8"), text.encode("utf-16-le")]
    try:
        out.append(text.encode("shift_jis"))
    except UnicodeEncodeError:
        pass
    return out


def _scan(paths, needles: list[bytes]) -> list[tuple[str, bytes]]:
    hits = []
    for p in paths:
        p = Path(p)
        files = [f for f in p.rglob("*") if f.is_file()] if p.is_dir() else ([p] if p.exists() else [])
        for f in files:
            data = f.read_bytes()
            hits += [(str(f), n) for n in needles if n in data]
    return hits


def _seed(session) -> None:
    person = Person(
        alias=SENTINELS[0], real_name=SENTINELS[1], nationality="TH", languages=("th",),
        contact_how=SENTINELS[4], notes=f"{SENTINELS[2]} {SENTINELS[3]} {SENTINELS[5]}", estimated_age=30,
    )
    case = create_case(session, person)
    get_case(session, case.id)
    update_case(session, case.id, person, "referred")
    search_cases(session, SENTINELS[0][:8])


def test_no_sentinel_in_any_file_while_open_and_after_close(new_store, store_path, tsunagu_home, tmp_path):
    from app.logs import setup_logging

    setup_logging()
    session, _ = new_store
    _seed(session)
    needles = [e for s in SENTINELS for e in _encodings(s)] + [
        bytes(session.dek()).hex().encode(), base64.b64encode(bytes(session.dek())), STRONG_PASSWORD.encode(),
    ]
    wal = Path(f"{store_path}-wal")
    assert wal.exists() and wal.stat().st_size > 0, "the WAL holds the new pages while the store is open"
    watched = [store_path, wal, Path(f"{store_path}-shm"), keys_path(store_path), tsunagu_home, Path(tempfile.gettempdir())]
    assert _scan(watched, needles) == []
    session.close()
    assert _scan(watched + [tmp_path], needles) == []


def test_no_plaintext_header_and_stock_sqlite_cannot_read(new_store, store_path):
    session, _ = new_store
    _seed(session)
    session.close()
    assert store_path.read_bytes()[:16] != b"SQLite format 3\x00"
    plain = sqlite3.connect(store_path)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT * FROM sqlite_master").fetchall()
    plain.close()


def test_files_are_private(new_store, store_path):
    session, _ = new_store
    _seed(session)
    for p in (store_path, keys_path(store_path), Path(f"{store_path}-wal")):
        assert p.stat().st_mode & 0o077 == 0, p
    session.close()


def test_cipher_settings_and_pragmas(new_store):
    session, _ = new_store
    c = session.conn
    settings = connection.cipher_settings(c)
    assert settings["cipher_page_size"] == "4096"
    assert settings["cipher_use_hmac"] == "1"
    assert settings["cipher_plaintext_header_size"] == "0"
    assert settings["cipher_hmac_algorithm"] == "HMAC_SHA512"
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert c.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert c.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert any("TEMP_STORE=2" in r[0] or "TEMP_STORE=3" in r[0] for r in c.execute("PRAGMA compile_options"))


def test_plain_sqlite_library_is_refused(new_store, store_path, monkeypatch):
    new_store[0].close()
    monkeypatch.setattr(connection, "_driver", sqlite3)
    with pytest.raises(UserError) as err:
        open_store(store_path, "admin", STRONG_PASSWORD)
    assert "plain SQLite" in str(err.value)
