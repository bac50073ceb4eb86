"""The supervisor's audit view: a label for every event, the period and person asked for, the
role checked, the reading itself audited, and the chain check naming a changed row."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.errors import PermissionDenied, UserError
from app.i18n import set_language, _
from app.store import accounts, audit, audit_view
from app.store.kdf import MINIMUM_KDF
from app.store.store import create_store, open_store

PASSWORD = "correct horse battery staple 7"


@pytest.fixture
def session(tmp_path):
    s, _recovery = create_store(tmp_path / "s.tsunagu", "admin", PASSWORD, kdf=MINIMUM_KDF)
    yield s
    if s.is_open:
        s.close()


def test_every_event_has_a_label_in_both_staff_languages():
    assert set(audit_view.EVENT_LABELS) == audit.EVENTS
    set_language("ja")
    try:
        untranslated = [e for e, msgid in audit_view.EVENT_LABELS.items() if _(msgid) == msgid]
    finally:
        set_language("en")
    assert untranslated == []


def test_the_log_for_a_period_and_a_person_newest_first(session):
    counsellor = accounts.add_staff(session, "cou", "counsellor", PASSWORD, kdf=MINIMUM_KDF)
    session.audit(audit.CASE_VIEWED, "2026-0001")
    today = date.today()
    rows = audit_view.read_log(session, today, today)
    assert [r.event for r in rows][:2] == [audit.CASE_VIEWED, audit.STAFF_ADDED]
    assert [r.id for r in rows] == sorted((r.id for r in rows), reverse=True)
    assert audit_view.read_log(session, today, today, actor=counsellor.id) == []
    assert audit_view.read_log(session, today + timedelta(days=1), today + timedelta(days=2)) == []
    with pytest.raises(UserError, match="after its end"):
        audit_view.read_log(session, today, today - timedelta(days=1))


def test_reading_is_audited_with_the_period_only(session):
    today = date.today()
    audit_view.read_log(session, today - timedelta(days=7), today)
    last = audit.rows(session.conn, limit=1)[0]
    assert (last.event, last.subject) == (audit.AUDIT_VIEWED, f"{(today - timedelta(days=7)).isoformat()}..{today}")


def test_only_supervisors_read_or_check_the_log(session, tmp_path):
    accounts.add_staff(session, "cou", "counsellor", PASSWORD, kdf=MINIMUM_KDF)
    session.close()
    counsellor = open_store(tmp_path / "s.tsunagu", "cou", PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            audit_view.read_log(counsellor, date.today(), date.today())
        with pytest.raises(PermissionDenied):
            audit_view.check_chain(counsellor)
    finally:
        counsellor.close()


def test_the_chain_check_names_the_changed_row(session):
    session.audit(audit.CASE_VIEWED, "2026-0001")
    session.audit(audit.CASE_VIEWED, "2026-0002")
    result = audit_view.check_chain(session)
    assert result.intact and result.rows >= 3
    target = session.conn.execute("SELECT id FROM audit WHERE subject = '2026-0001'").fetchone()[0]
    session.conn.execute("DROP TRIGGER audit_no_update")
    session.conn.execute("UPDATE audit SET subject = '2026-0999' WHERE id = ?", (target,))
    broken = audit_view.check_chain(session)
    assert not broken.intact and broken.broken_at == target
    last = audit.rows(session.conn, limit=1)[0]
    assert (last.event, last.subject) == (audit.AUDIT_CHECKED, f"broken:{target}")
