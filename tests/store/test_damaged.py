"""Damaged, truncated, foreign and newer files: a clear error, and the file is left unchanged (R14)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.cases.model import Person
from app.cases.repo import create_case
from app.errors import StoreFileError
from app.store.connection import connect
from app.store.keyslots import KeySlots, keys_path
from app.store.store import open_store
from app.store.verify import verify_store
from tests.conftest import STRONG_PASSWORD


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _filled_store(new_store, store_path, n=40):
    session, _ = new_store
    for i in range(n):
        create_case(session, Person(alias=f"Case person {i}", notes="x" * 400))
    session.close()
    return store_path


def _assert_refused_and_unchanged(path: Path):
    before = _digest(path)
    files_before = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(StoreFileError) as err:
        session = open_store(path, "admin", STRONG_PASSWORD)
        try:  # damage deeper in the file shows only when every page is read
            report = verify_store(session)
            if not report.ok:
                raise StoreFileError("damaged")
        finally:
            session.close(event=None)
    assert _digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == files_before
    return err.value


def test_flipped_byte_in_a_page(new_store, store_path):
    path = _filled_store(new_store, store_path)
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    assert pages > 3
    data[4096 * (pages - 2) + 100] ^= 0xFF
    path.write_bytes(bytes(data))
    _assert_refused_and_unchanged(path)


def test_flipped_byte_in_the_first_page(new_store, store_path):
    path = _filled_store(new_store, store_path)
    data = bytearray(path.read_bytes())
    data[200] ^= 0x01
    path.write_bytes(bytes(data))
    err = _assert_refused_and_unchanged(path)
    assert "damaged" in str(err)


def test_truncated_file(new_store, store_path):
    path = _filled_store(new_store, store_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 1000])
    _assert_refused_and_unchanged(path)


def test_empty_file_with_keys(new_store, store_path):
    path = _filled_store(new_store, store_path)
    path.write_bytes(b"")
    _assert_refused_and_unchanged(path)


def test_random_bytes_are_not_a_store(tmp_path):
    path = tmp_path / "random.tsunagu"
    path.write_bytes(os.urandom(8192))
    keys_path(path).write_bytes(b"{not json")
    _assert_refused_and_unchanged(path)


def test_plain_sqlite_file_is_not_keyed(tmp_path, new_store, store_path):
    new_store[0].close()
    plain = tmp_path / "plain.tsunagu"
    c = sqlite3.connect(plain)
    c.execute("CREATE TABLE t (x)")
    c.commit()
    c.close()
    shutil.copy(keys_path(store_path), keys_path(plain))
    _assert_refused_and_unchanged(plain)


def test_missing_key_file(new_store, store_path):
    path = _filled_store(new_store, store_path)
    keys_path(path).unlink()
    err = _assert_refused_and_unchanged(path)
    assert "key file" in str(err)


def test_newer_schema_is_refused_untouched(new_store, store_path):
    session, _ = new_store
    session.conn.execute("PRAGMA user_version = 99")
    session.close(event=None)
    err = _assert_refused_and_unchanged(store_path)
    assert "newer version" in str(err)


def test_damaged_store_reaches_verify_as_damaged(new_store, store_path):
    """A correct key on a file whose data pages were altered: verify reports, never repairs."""
    path = _filled_store(new_store, store_path, n=80)
    slots = KeySlots.load(path)
    dek = slots.unlock_user("admin", STRONG_PASSWORD)
    data = bytearray(path.read_bytes())
    data[4096 * 5 + 50] ^= 0x10
    path.write_bytes(bytes(data))
    before = _digest(path)
    try:
        conn = connect(path, dek)
    except StoreFileError:
        return  # refused at open: also acceptable
    problems = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check")]
    conn.close()
    assert problems, "cipher_integrity_check must report the altered page"
    assert _digest(path) == before
