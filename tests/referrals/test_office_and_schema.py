"""The office profile (supervisor only, audited) and the v4 tables (kept as made)."""

from __future__ import annotations

import pytest

from app.errors import PermissionDenied, UserError
from app.referrals.office import OFFICE_PROFILE, OfficeProfile, get_office_profile, set_office_profile
from app.store import audit, schema
from app.store.connection import DatabaseError
from app.store.store import open_store
from tests.referrals.conftest import COUNSELLOR_PASSWORD, SUPERVISOR_PASSWORD, TODAY, consent, seeded_case


def test_office_profile_round_trip_and_audit(new_store):
    session, _ = new_store
    assert get_office_profile(session) is None
    stored = set_office_profile(session, "  テスト相談センター ", "０３-１２３４-５６７８")
    assert stored == OfficeProfile("テスト相談センター", "03-1234-5678") == get_office_profile(session)
    last = audit.rows(session.conn, limit=1)[0]
    assert (last.event, last.subject) == (audit.SETTING_CHANGED, OFFICE_PROFILE)


@pytest.mark.parametrize("name, phone, match", [("", "03-1234-5678", "office name"), ("x", "call me", "phone")])
def test_office_profile_input_is_checked(new_store, name, phone, match):
    with pytest.raises(UserError, match=match):
        set_office_profile(new_store[0], name, phone)


def test_only_a_supervisor_sets_the_office_profile(env):
    counsellor = open_store(env.store_path, "cou", COUNSELLOR_PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            set_office_profile(counsellor, "x", "03-1234-5678")
    finally:
        counsellor.close()
    supervisor = open_store(env.store_path, "sup", SUPERVISOR_PASSWORD)
    try:
        assert set_office_profile(supervisor, "別の名前", "03-1111-2222").name == "別の名前"
    finally:
        supervisor.close()


def test_a_new_store_has_the_referral_tables(new_store):
    conn = new_store[0].conn
    assert schema.version(conn) == schema.SCHEMA_VERSION >= 4
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"consents", "disclosure_exceptions", "provisions"} <= tables


def test_provision_records_are_kept_as_made(env):
    from app.referrals.packet import make_packet

    case = seeded_case(env.session)
    consent(env.session, case, "police")
    made = make_packet(env.session, case.id, "police", "protective_custody", today=TODAY)
    with pytest.raises(DatabaseError, match="kept as made"):
        env.session.conn.execute("UPDATE provisions SET fields = '' WHERE id = ?", (made.provision.id,))
    with pytest.raises(DatabaseError):  # exactly one basis
        env.session.conn.execute(
            "INSERT INTO provisions (case_id, recipient, purpose, fields, made_by, made_at) "
            "VALUES (?, 'police', 'protective_custody', '', ?, 'x')", (case.id, env.session.actor))
