"""The audit log: one row per action, no content, and a broken chain is found (R22)."""

from __future__ import annotations

import pytest

from app.cases.model import Person
from app.cases.repo import create_case, get_case, set_names_shown, update_case
from app.store import accounts, audit
from app.store.connection import DatabaseError
from app.store.kdf import MINIMUM_KDF
from tests.conftest import OTHER_PASSWORD


def _events(session):
    return [r.event for r in reversed(audit.rows(session.conn))]


def test_each_action_writes_one_row_without_content(new_store):
    session, _ = new_store
    case = create_case(session, Person(alias="Secret Alias 42", real_name="Hidden Name", notes="private note"))
    get_case(session, case.id)
    update_case(session, case.id, Person(alias="Secret Alias 42"), "referred")
    set_names_shown(session, True)
    accounts.add_staff(session, "sato", "counsellor", OTHER_PASSWORD, kdf=MINIMUM_KDF)
    accounts.remove_staff(session, "sato")
    assert _events(session) == [
        audit.STORE_CREATED, audit.STAFF_ADDED, audit.CASE_CREATED, audit.CASE_VIEWED, audit.CASE_EDITED,
        audit.NAMES_SHOWN, audit.STAFF_ADDED, audit.STAFF_REMOVED,
    ]
    dump = repr(session.conn.execute("SELECT * FROM audit").fetchall())
    for secret in ("Secret Alias", "Hidden Name", "private note", "sato"):
        assert secret not in dump
    assert case.number in dump
    assert audit.verify_chain(session.conn) is None


def test_triggers_refuse_update_and_delete(new_store):
    session, _ = new_store
    with pytest.raises(DatabaseError):
        session.conn.execute("UPDATE audit SET event = 'x' WHERE id = 1")
    with pytest.raises(DatabaseError):
        session.conn.execute("DELETE FROM audit WHERE id = 1")


def _tamper(session, sql):
    c = session.conn
    c.execute("DROP TRIGGER audit_no_update")
    c.execute("DROP TRIGGER audit_no_delete")
    c.execute(sql)


def test_changed_row_is_found(new_store):
    session, _ = new_store
    for i in range(4):
        create_case(session, Person(alias=f"p{i}"))
    _tamper(session, "UPDATE audit SET subject = '2026-0099' WHERE id = 4")
    assert audit.verify_chain(session.conn) == 4


def test_deleted_row_is_found(new_store):
    session, _ = new_store
    for i in range(4):
        create_case(session, Person(alias=f"p{i}"))
    _tamper(session, "DELETE FROM audit WHERE id = 3")
    assert audit.verify_chain(session.conn) == 3


def test_unknown_event_is_a_bug(new_store):
    session, _ = new_store
    with pytest.raises(ValueError):
        audit.append(session.conn, "something_else")
