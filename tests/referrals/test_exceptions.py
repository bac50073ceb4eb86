"""Sharing without consent: an APPI exception needs a written reason and another supervisor's
approval proved by their password; an approved exception allows a packet and is recorded (R21)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.errors import AuthError, PermissionDenied, UserError
from app.referrals.legal_basis import EXCEPTION_VALID_DAYS, approve_exception, exceptions_of
from app.referrals.packet import build_packet, make_packet
from app.referrals.provisions import provisions_of
from app.store import audit
from app.store.store import open_store
from tests.conftest import STRONG_PASSWORD
from tests.referrals.conftest import COUNSELLOR_PASSWORD, SUPERVISOR_PASSWORD, TODAY, pdf_text, seeded_case

REASON = "She is in immediate danger tonight and cannot be reached to ask."


def _approve(env, case, *, reason=REASON, user="sup", password=SUPERVISOR_PASSWORD, session=None,
             recipient="police", purpose="protective_custody", kind="life_or_body_risk"):
    return approve_exception(session or env.session, case.id, recipient, purpose, kind, reason, user, password)


def test_an_approved_exception_allows_a_packet_and_writes_a_provision_record(env):
    case = seeded_case(env.session)
    exc = _approve(env, case)
    assert (exc.approved_by, exc.requested_by, exc.kind, exc.reason) == (
        env.supervisor.id, env.session.actor, "life_or_body_risk", REASON)
    assert exceptions_of(env.session, case.id) == [exc]
    assert audit.rows(env.session.conn, limit=1)[0].event == audit.EXCEPTION_APPROVED
    made = make_packet(env.session, case.id, "police", "protective_custody", today=TODAY)
    [record] = provisions_of(env.session, case.id)
    assert (record.exception_id, record.consent_id) == (exc.id, None) and record == made.provision
    text = pdf_text(made.data)
    for expected in ("第27条第1項第2号", "本人の同意によらず", REASON.replace(" ", ""), "MKSUPNAME"):
        assert expected in text, expected


@pytest.mark.parametrize("reason", ["", "   ", "too short", "x" * 19])
def test_an_empty_or_short_reason_is_refused(env, reason):
    case = seeded_case(env.session)
    with pytest.raises(UserError, match="at least 20"):
        _approve(env, case, reason=reason)
    assert exceptions_of(env.session, case.id) == []


def test_a_counsellor_cannot_approve(env):
    case = seeded_case(env.session)
    with pytest.raises(PermissionDenied, match="supervisor"):
        _approve(env, case, user="cou", password=COUNSELLOR_PASSWORD)
    assert exceptions_of(env.session, case.id) == []
    assert audit.rows(env.session.conn, limit=1)[0].event == audit.EXCEPTION_REFUSED


def test_no_one_approves_their_own_request(env):
    case = seeded_case(env.session)
    with pytest.raises(PermissionDenied, match="own request"):
        _approve(env, case, user="admin", password=STRONG_PASSWORD)
    supervisor = open_store(env.store_path, "sup", SUPERVISOR_PASSWORD)  # a supervisor asking, too
    try:
        with pytest.raises(PermissionDenied, match="own request"):
            _approve(env, case, user="SUP", session=supervisor)
    finally:
        supervisor.close()
    assert exceptions_of(env.session, case.id) == []


@pytest.mark.parametrize("user, password", [("sup", "wrong password entirely"), ("nobody", SUPERVISOR_PASSWORD), ("", "")])
def test_a_wrong_approver_password_or_name_is_refused_and_audited(env, user, password):
    case = seeded_case(env.session)
    with pytest.raises(AuthError, match="approver"):
        _approve(env, case, user=user, password=password)
    assert exceptions_of(env.session, case.id) == []
    last = audit.rows(env.session.conn, limit=1)[0]
    assert (last.event, last.subject) == (audit.EXCEPTION_REFUSED, case.number)


def test_a_removed_supervisor_cannot_approve(env):
    from app.store.accounts import remove_staff

    case = seeded_case(env.session)
    remove_staff(env.session, "sup")
    with pytest.raises(AuthError):
        _approve(env, case)


def test_the_embassy_only_ever_with_consent(env):
    case = seeded_case(env.session)
    with pytest.raises(UserError, match="only with her consent"):
        _approve(env, case, recipient="embassy", purpose="travel_documents", kind="required_by_law")


def test_an_exception_kind_the_recipient_does_not_allow_is_refused(env):
    case = seeded_case(env.session)
    with pytest.raises(UserError, match="does not apply"):
        _approve(env, case, recipient="shelter", purpose="temporary_protection", kind="required_by_law")
    with pytest.raises(UserError, match="not a legal exception"):
        _approve(env, case, kind="curiosity")


def test_an_exception_covers_only_its_recipient_purpose_and_time(env):
    case = seeded_case(env.session)
    exc = _approve(env, case)
    with pytest.raises(UserError, match="no consent"):
        build_packet(env.session, case.id, "police", "investigation", today=TODAY)
    approved = datetime.fromisoformat(exc.approved_at)
    build_packet(env.session, case.id, "police", "protective_custody", today=TODAY,
                 now=approved + timedelta(days=EXCEPTION_VALID_DAYS - 1))
    with pytest.raises(UserError, match="no consent"):
        build_packet(env.session, case.id, "police", "protective_custody", today=TODAY,
                     now=approved + timedelta(days=EXCEPTION_VALID_DAYS + 1))


def test_the_database_refuses_a_short_reason_or_self_approval_too(env):
    from app.store.connection import DatabaseError

    case = seeded_case(env.session)
    me = env.session.actor
    for reason, approver in (("short", env.supervisor.id), (REASON, me)):
        with pytest.raises(DatabaseError):
            env.session.conn.execute(
                "INSERT INTO disclosure_exceptions (case_id, recipient, purpose, kind, reason, requested_by, "
                "approved_by, approved_at) VALUES (?, 'police', 'protective_custody', 'life_or_body_risk', ?, ?, ?, 'x')",
                (case.id, reason, me, approver))
