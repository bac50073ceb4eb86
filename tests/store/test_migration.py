"""A store written by the first schema opens, migrates one step at a time, and keeps its data."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.cases.repo import get_case, search_cases
from app.store import audit, schema
from app.store.keyslots import keys_path
from app.store.store import open_store
from app.store.verify import verify_store

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "store-v1.tsunagu"
V1_PASSWORD = "version one store password"


def _copy(tmp_path) -> Path:
    target = tmp_path / "old.tsunagu"
    shutil.copy(FIXTURE, target)
    shutil.copy(keys_path(FIXTURE), keys_path(target))
    return target


def test_fixture_is_schema_v1():
    assert FIXTURE.exists()
    assert schema.SCHEMA_VERSION > 1


def test_v1_store_migrates_and_keeps_its_case(tmp_path):
    path = _copy(tmp_path)
    session = open_store(path, "admin", V1_PASSWORD)
    try:
        assert schema.version(session.conn) == schema.SCHEMA_VERSION
        found = search_cases(session, "may")  # folded alias (was full-width Ｍａｙ) filled by v2
        assert [c.number for c in found] == ["2026-0001"]
        case = get_case(session, found[0].id)
        assert case.person.nationality == "PH" and case.person.languages == ("fil", "en")
        events = [r.event for r in audit.rows(session.conn)]
        assert audit.SCHEMA_MIGRATED in events
        assert audit.verify_chain(session.conn) is None
        assert verify_store(session).ok
    finally:
        session.close()
    # a second open does not migrate again
    session = open_store(path, "admin", V1_PASSWORD)
    events = [r.event for r in audit.rows(session.conn)]
    session.close()
    assert events.count(audit.SCHEMA_MIGRATED) == 1


def test_migrations_step_one_at_a_time(tmp_path):
    from app.store.connection import connect
    from app.store.keyslots import KeySlots

    path = _copy(tmp_path)
    dek = KeySlots.load(path).unlock_user("admin", V1_PASSWORD)
    conn = connect(path, dek)
    assert schema.version(conn) == 1
    assert schema.migrate(conn) == list(range(2, schema.SCHEMA_VERSION + 1))
    conn.close()
