"""Backups (R13): encrypted with the store's key, verified against the store before they are
kept, rotated, never replacing the last good one when killed, and restored only to a new file."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cases.model import Person
from app.cases.repo import create_case, get_case
from app.errors import AuthError, PermissionDenied, UserError
from app.store import accounts, audit, backup
from app.store.kdf import MINIMUM_KDF
from app.store.keyslots import keys_path
from app.store.store import create_store, open_store

PASSWORD = "correct horse battery staple 7"
SENTINEL = "Sentinel-Backup-Q7X"


@pytest.fixture
def session(tmp_path):
    s, _recovery = create_store(tmp_path / "office.tsunagu", "admin", PASSWORD, kdf=MINIMUM_KDF)
    create_case(s, Person(alias=SENTINEL, real_name=SENTINEL + "-real", notes=SENTINEL * 20))
    yield s
    if s.is_open:
        s.close()


def test_a_backup_is_encrypted_and_holds_no_sentinel(session, tmp_path):
    made = backup.backup_store(session, tmp_path / "backups")
    data = made.path.read_bytes()
    assert data[:16] != b"SQLite format 3\x00" and len(set(data[:64])) > 40  # random-looking from byte 0
    for needle in (SENTINEL.encode("utf-8"), SENTINEL.encode("utf-16-le")):
        assert needle not in data and needle not in keys_path(made.path).read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(made.path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(keys_path(made.path).stat().st_mode) == 0o600
    assert made.tables >= 10 and made.rows > 0
    assert audit.rows(session.conn, limit=1)[0].event == audit.BACKUP_MADE


def test_restore_round_trip_gives_back_the_same_store(session, tmp_path):
    made = backup.backup_store(session, tmp_path / "backups")
    expected = backup._table_digests(session.conn)
    (tmp_path / "restored").mkdir()
    restored = backup.restore_backup(made.path, tmp_path / "restored" / "office.tsunagu", "admin", PASSWORD)
    again = open_store(restored, "admin", PASSWORD)
    try:
        case_id = again.conn.execute("SELECT id FROM cases").fetchone()[0]
        assert get_case(again, case_id).person.notes == SENTINEL * 20
        found = backup._table_digests(again.conn)
        found.pop("audit"), expected.pop("audit")  # opening it logged a login; the rest is identical
        assert found == expected
    finally:
        again.close()


def test_restore_never_overwrites_and_needs_a_password_the_backup_knew(session, tmp_path):
    made = backup.backup_store(session, tmp_path / "backups")
    with pytest.raises(UserError, match="already exists"):
        backup.restore_backup(made.path, session.path, "admin", PASSWORD)
    with pytest.raises(AuthError):
        backup.restore_backup(made.path, tmp_path / "new.tsunagu", "admin", "not the password at all")
    assert not (tmp_path / "new.tsunagu").exists()


def test_only_the_newest_backups_are_kept(session, tmp_path):
    from datetime import datetime, timedelta

    folder, start = tmp_path / "backups", datetime(2026, 11, 1, 9, 0, 0)
    made = [backup.backup_store(session, folder, keep=2, now=start + timedelta(hours=h)) for h in range(3)]
    assert backup.backups_in(folder) == [made[1].path, made[2].path]
    assert made[2].removed == (made[0].path,)
    assert not keys_path(made[0].path).exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [made[1].path.name, made[2].path.name, keys_path(made[1].path).name, keys_path(made[2].path).name])


def test_a_backup_that_does_not_match_is_not_kept(session, tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    good = backup.backup_store(session, folder)
    real = backup._table_digests
    calls = []

    def differs(conn):
        calls.append(1)
        out = real(conn)
        if len(calls) == 2:  # the copy
            out["cases"] = (0, "x")
        return out

    monkeypatch.setattr(backup, "_table_digests", differs)
    with pytest.raises(UserError, match="did not match"):
        backup.backup_store(session, folder)
    assert backup.backups_in(folder) == [good.path]
    assert sorted(os.listdir(folder)) == sorted([good.path.name, keys_path(good.path).name])


def test_a_full_disk_is_a_clear_message_and_keeps_the_last_backup(session, tmp_path, monkeypatch):
    import errno

    folder = tmp_path / "backups"
    good = backup.backup_store(session, folder)

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup.os, "fsync", full)
    with pytest.raises(UserError) as caught:
        backup.backup_store(session, folder)
    assert "disk is full" in caught.value.message()
    assert backup.backups_in(folder) == [good.path]


def test_a_killed_backup_never_replaces_the_last_good_one(session, tmp_path):
    """A real process is killed with SIGKILL while it compares its copy; the good backup stays."""
    folder = tmp_path / "backups"
    good = backup.backup_store(session, folder)
    good_bytes = good.path.read_bytes()
    session.close()
    script = f"""
import sys, time
sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
from app.store import backup
from app.store.store import open_store
s = open_store({str(tmp_path / 'office.tsunagu')!r}, "admin", {PASSWORD!r})
real = backup._compare
def slow(*a):
    print("exporting", flush=True)
    time.sleep(60)
    return real(*a)
backup._compare = slow
backup.backup_store(s, {str(folder)!r})
"""
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "exporting"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(10)
    assert backup.backups_in(folder) == [good.path] and good.path.read_bytes() == good_bytes
    again = open_store(tmp_path / "office.tsunagu", "admin", PASSWORD)
    try:
        time.sleep(1.1)  # a new time stamp
        newer = backup.backup_store(again, folder)  # the stray partial file is no obstacle
    finally:
        again.close()
    assert backup.backups_in(folder) == [good.path, newer.path]
    assert not [name for name in os.listdir(folder) if "partial" in name]  # what the killed one left is gone


def test_only_supervisors_make_backups(session, tmp_path):
    accounts.add_staff(session, "cou", "counsellor", PASSWORD, kdf=MINIMUM_KDF)
    session.close()
    counsellor = open_store(tmp_path / "office.tsunagu", "cou", PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            backup.backup_store(counsellor, tmp_path / "backups")
    finally:
        counsellor.close()
