"""A fictional case for trying referrals: a throwaway store, a scripted interview, a consent.

The store lives in a temporary folder with a random password and the minimum legal KDF
(SQLCipher needs a file; the case is invented, so nothing real is ever in it) and is deleted
with the folder. The story follows case (2) of Japan's 2014 annual report on trafficking in
persons: a Thai woman recruited for massage work, lied to about a debt, kept in the shop,
threatened with arrest, overstayed. Every name, date and detail here is invented.
"""

from __future__ import annotations

import contextlib
import secrets
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.cases.model import CaseId, Person
from app.referrals import recipients

OFFICE_NAME = "つなぐ女性相談支援センター（架空）"
OFFICE_PHONE = "03-0000-0000"

# Her answers, question by question; every question not listed is "declined" (yes/no: "no").
DEMO_ANSWERS = {
    "safe_now": "yes", "someone_waiting": "no", "interpreter_ok": "yes", "consent": "yes",
    "age": 30, "japanese_national": "no", "work_kind": ["massage"], "job_different": "yes",
    "someone_arranged": "yes", "lives_at_work": "yes", "can_leave": "no", "documents_kept": "no",
    "debt_work": "yes", "paid": "less", "authorities_threat": "yes", "safe_tonight": "no",
    "residence_status": "expired", "how_heard": "friend_family", "met_on_arrival": "yes",
    "sexual_acts_customers": "yes", "debt_learned_later": "yes", "deductions": "yes",
    "asked_to_leave": "yes", "wants_return": "yes", "has_contract": "no", "hours": 14, "day_off": "no",
}
CHILD_ANSWERS = {**DEMO_ANSWERS, "age": 16, "adult_arranged": "yes", "stays_with_adults": "yes"}


def demo_person(child: bool = False, today: date | None = None) -> Person:
    """The invented person; 16 years old for a child guidance referral."""
    today = today or date.today()
    birth = date(today.year - (16 if child else 30), 7, 14)
    if birth > today:
        birth = birth.replace(year=birth.year - 1)
    return Person(
        alias="ダオ", real_name="ดาว สุขใจ (Dao Sukjai)", birth_date=birth, sex="female", gender="woman",
        nationality="TH", languages=("th",), residence_status="no_status", stay_expiry=date(2025, 12, 1),
        contact_safe="no", contact_how="センター経由でのみ連絡可。本人の携帯電話には連絡しないでください。",
        notes="今夜の安全な居場所が必要。店の関係者が本人を探しているおそれがある。歯の痛みを訴えている。",
    )


@dataclass
class Demo:
    session: object
    case_id: CaseId
    lang: str


def _interview(session, case_id: CaseId, answers: dict, lang: str) -> None:
    """Run the real question flow with scripted answers and store its screening result."""
    from app.interview import records
    from app.interview.flow import Flow
    from app.interview.load import load_bank
    from app.store import audit

    flow = Flow(load_bank())
    record = records.start_interview(session, case_id, flow, lang)
    state = record.state
    while (question := flow.current(state)) is not None:
        default = "no" if question.type == "yes_no" else "declined"
        flow.answer(state, question.id, answers.get(question.id, default))
    records.save_state(session, record, audit.INTERVIEW_FINISHED)
    records.save_result(session, case_id, flow.screen(state), record.id)


@contextlib.contextmanager
def demo_store(recipient_id: str, purpose: str | None = None, lang: str = "th", today: date | None = None):
    """A throwaway store holding one fictional case with a screening and her consent; yields a Demo."""
    from app.cases.repo import create_case
    from app.referrals.consent import record_consent
    from app.referrals.office import set_office_profile
    from app.store.accounts import add_staff
    from app.store.kdf import MINIMUM_KDF
    from app.store.store import create_store

    rcpt = recipients.get(recipient_id)
    purpose = purpose or rcpt.purposes[0].id
    today = today or date.today()
    child = rcpt.under_18_only
    with tempfile.TemporaryDirectory(prefix="tsunagu-demo-") as folder:
        session, _recovery = create_store(Path(folder) / "demo.tsunagu", "demo", secrets.token_urlsafe(24),
                                          display_name="山田 花子（架空）", kdf=MINIMUM_KDF)
        try:
            set_office_profile(session, OFFICE_NAME, OFFICE_PHONE)
            interpreter = add_staff(session, "interpreter", "counsellor", secrets.token_urlsafe(24), kdf=MINIMUM_KDF)
            case = create_case(session, demo_person(child, today), today=today)
            _interview(session, case.id, CHILD_ANSWERS if child else DEMO_ANSWERS, lang)
            record_consent(session, case.id, rcpt.id, purpose, given_on=today, language=lang,
                           interpreter_id=interpreter.id, restrictions="家族には連絡しないこと。", today=today)
            yield Demo(session, case.id, lang)
        finally:
            session.close()


def demo_pdf(recipient_id: str, purpose: str | None = None, *, her_copy: bool = False, lang: str = "th",
             today: date | None = None) -> bytes:
    """The packet (or her copy) of the fictional case, as PDF bytes; the store is gone afterwards."""
    from app.referrals.her_copy import build_her_copy
    from app.referrals.packet import make_packet

    rcpt = recipients.get(recipient_id)
    purpose = rcpt.purpose(purpose or rcpt.purposes[0].id).id
    with demo_store(recipient_id, purpose, lang, today) as demo:
        packet = make_packet(demo.session, demo.case_id, recipient_id, purpose, today=today)
        if not her_copy:
            return packet.data
        return build_her_copy(demo.session, packet.provision.id, lang)
