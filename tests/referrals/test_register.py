"""The register of third-party provisions across cases: supervisors only, the period asked for,
each row's basis and maker, audited with the period and nothing else."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.errors import PermissionDenied, UserError
from app.referrals.legal_basis import approve_exception
from app.referrals.packet import make_packet
from app.referrals.register import provision_register
from app.store import audit
from app.store.store import open_store
from tests.referrals.conftest import COUNSELLOR_PASSWORD, SUPERVISOR_PASSWORD, TODAY, consent, seeded_case

REASON = "店の関係者が本人を探しており、今夜の身の安全が確保できないため。"


def test_the_register_lists_every_provision_with_its_basis(env):
    first, second = seeded_case(env.session), seeded_case(env.session)
    consent(env.session, first, "police")
    make_packet(env.session, first.id, "police", "protective_custody", today=TODAY)
    approve_exception(env.session, second.id, "shelter", "temporary_protection", "life_or_body_risk", REASON,
                      "sup", SUPERVISOR_PASSWORD)
    make_packet(env.session, second.id, "shelter", "temporary_protection", addressee="MKSHELTER", today=TODAY)
    today = date.today()
    entries = provision_register(env.session, today - timedelta(days=1), today)
    assert [(e.case_number, e.provision.recipient, e.basis_kind) for e in entries] == [
        (first.number, "police", "consent"), (second.number, "shelter", "life_or_body_risk")]
    assert entries[0].basis_date == TODAY and entries[1].basis_date == today
    assert entries[1].provision.addressee == "MKSHELTER"
    assert {e.made_by for e in entries} == {env.session.account.display_name}


def test_the_period_is_kept_and_checked(env):
    case = seeded_case(env.session)
    consent(env.session, case, "police")
    make_packet(env.session, case.id, "police", "protective_custody", today=TODAY)
    today = date.today()
    assert provision_register(env.session, today + timedelta(days=1), today + timedelta(days=30)) == []
    assert provision_register(env.session, today - timedelta(days=400), today - timedelta(days=1)) == []
    with pytest.raises(UserError, match="after its end"):
        provision_register(env.session, today, today - timedelta(days=1))


def test_only_a_supervisor_reads_it_and_reading_is_audited(env):
    today = date.today()
    rows_before = len(audit.rows(env.session.conn, limit=100_000))
    provision_register(env.session, today, today)
    last = audit.rows(env.session.conn, limit=1)[0]
    assert len(audit.rows(env.session.conn, limit=100_000)) == rows_before + 1
    assert (last.event, last.subject) == (audit.REGISTER_VIEWED, f"{today.isoformat()}..{today.isoformat()}")
    counsellor = open_store(env.store_path, "cou", COUNSELLOR_PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            provision_register(counsellor, today, today)
    finally:
        counsellor.close()
