"""Consent per recipient and purpose: recorded with date, language, interpreter id and
restrictions; withdrawn; each change audited with the case number only (R21, R22)."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import PermissionDenied, UserError
from app.referrals.consent import consents_of, covering_consent, record_consent, withdraw_consent
from app.store import audit
from tests.referrals.conftest import TODAY, consent, seeded_case


def test_consent_is_recorded_with_what_r21_asks(env):
    case = seeded_case(env.session)
    given = consent(env.session, case, "police", "investigation", language="fil", interpreter_id=env.counsellor.id,
                    restrictions="  not her address  ", withheld=["contact_how"])
    [stored] = consents_of(env.session, case.id)
    assert stored == given
    assert (stored.recipient, stored.purpose, stored.given_on, stored.language) == ("police", "investigation", TODAY, "fil")
    assert stored.interpreter_id == env.counsellor.id and stored.restrictions == "not her address"
    assert stored.withheld == ("contact_how",) and stored.active and stored.recorded_by == env.session.actor
    last = audit.rows(env.session.conn, limit=1)[0]
    assert (last.event, last.subject) == (audit.CONSENT_RECORDED, case.number)


def test_the_interpreter_is_an_account_id_never_a_name(env):
    case = seeded_case(env.session)
    columns = [r[1] for r in env.session.conn.execute("PRAGMA table_info(consents)")]
    assert "interpreter" in columns and not any("name" in c for c in columns)
    with pytest.raises(UserError, match="staff accounts"):
        consent(env.session, case, "police", interpreter_id=9999)


def test_withdrawal_is_recorded_and_audited(env):
    case = seeded_case(env.session)
    given = consent(env.session, case, "police")
    assert covering_consent(env.session.conn, case.id, "police", "protective_custody") == given
    withdrawn = withdraw_consent(env.session, given.id, TODAY, today=TODAY)
    assert withdrawn.withdrawn_on == TODAY and not withdrawn.active
    assert covering_consent(env.session.conn, case.id, "police", "protective_custody") is None
    assert consents_of(env.session, case.id)[0].withdrawn_on == TODAY  # the record stays
    last = audit.rows(env.session.conn, limit=1)[0]
    assert (last.event, last.subject) == (audit.CONSENT_WITHDRAWN, case.number)
    with pytest.raises(UserError, match="already withdrawn"):
        withdraw_consent(env.session, given.id, TODAY, today=TODAY)


def test_a_new_consent_after_a_withdrawal_covers_again(env):
    case = seeded_case(env.session)
    first = consent(env.session, case, "police")
    withdraw_consent(env.session, first.id, TODAY, today=TODAY)
    second = consent(env.session, case, "police")
    assert covering_consent(env.session.conn, case.id, "police", "protective_custody") == second


@pytest.mark.parametrize("kwargs, match", [
    (dict(given_on=date(2026, 11, 22)), "future"),
    (dict(language="tl"), "not an interview language"),
    (dict(restrictions="x" * 1001), "too long"),
    (dict(withheld=["screening_summary_x"]), "not sent"),
    (dict(withheld=["residence_status"]), "not sent"),  # police never receive it anyway
])
def test_bad_consent_input_is_a_clear_error(env, kwargs, match):
    case = seeded_case(env.session)
    before = len(audit.rows(env.session.conn))
    with pytest.raises(UserError, match=match):
        consent(env.session, case, "police", **kwargs)
    assert len(audit.rows(env.session.conn)) == before
    assert consents_of(env.session, case.id) == []


def test_withdrawal_dates_are_checked(env):
    case = seeded_case(env.session)
    given = consent(env.session, case, "police", given_on=date(2026, 11, 20))
    with pytest.raises(UserError, match="before the day"):
        withdraw_consent(env.session, given.id, date(2026, 11, 19), today=TODAY)
    with pytest.raises(UserError, match="future"):
        withdraw_consent(env.session, given.id, date(2026, 11, 22), today=TODAY)


def test_unknown_recipient_purpose_and_case(env):
    case = seeded_case(env.session)
    with pytest.raises(UserError, match="not a referral recipient"):
        consent(env.session, case, "newspaper", "x")
    with pytest.raises(UserError, match="not a purpose"):
        consent(env.session, case, "police", "marketing")
    with pytest.raises(UserError, match="no longer exists"):
        record_consent(env.session, 999, "police", "protective_custody", given_on=TODAY, language="th", today=TODAY)


def test_the_recovery_login_cannot_record_consent(env, new_store):
    from app.store.store import open_with_recovery

    case = seeded_case(env.session)
    recovery = open_with_recovery(env.store_path, new_store[1])
    try:
        with pytest.raises(PermissionDenied):
            consent(recovery, case, "police")
    finally:
        recovery.close(event=None)
