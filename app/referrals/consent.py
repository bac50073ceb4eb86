"""Her consent to a referral, recorded per recipient and purpose, and its withdrawal (R21).

Each consent keeps what the WHO and GBVIMS principles ask for: when she agreed, the language it
was explained in, the interpreter (an account id, never a name), her restrictions (free text,
plus the field keys she asked us not to share, which the packet then leaves out), and the
withdrawal date. A withdrawn consent covers nothing from then on. Every change is one
transaction with its audit row, which holds the case number only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from app.cases.model import CaseId
from app.errors import PermissionDenied, UserError
from app.i18n import N_
from app.i18n.content import INTERVIEW_LANGUAGES
from app.referrals import recipients
from app.store import audit
from app.store.session import Session
from app.text import clean_field

RESTRICTIONS_MAX = 1000
_COLUMNS = ("id, case_id, recipient, purpose, given_on, language, interpreter, restrictions, withheld, "
            "recorded_at, recorded_by, withdrawn_on")


@dataclass(frozen=True)
class Consent:
    id: int
    case_id: CaseId
    recipient: str
    purpose: str
    given_on: date
    language: str
    interpreter_id: int | None
    restrictions: str
    withheld: tuple[str, ...]
    recorded_at: str
    recorded_by: int
    withdrawn_on: date | None = None

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


def _row(row) -> Consent:
    (cid, case_id, rcpt, purpose, given, lang, interp, restr, withheld, rec_at, rec_by, withdrawn) = row
    return Consent(cid, CaseId(case_id), rcpt, purpose, date.fromisoformat(given), lang, interp, restr,
                   tuple(withheld.split()), rec_at, rec_by, date.fromisoformat(withdrawn) if withdrawn else None)


def require_own_account(session: Session) -> int:
    """Referral actions name the person who did them: the recovery login cannot do them."""
    if session.actor is None:
        raise PermissionDenied(N_("Sign in with your own account to record consent or make a referral."))
    return session.actor


def case_number(conn, case_id: CaseId) -> str:
    row = conn.execute("SELECT number FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise UserError(N_("This case no longer exists."))
    return row[0]


def _check_date(when: date, today: date) -> None:
    if when > today:
        raise UserError(N_("The date is in the future."))


def _check_interpreter(conn, interpreter_id: int | None) -> None:
    if interpreter_id is None:
        return
    row = conn.execute("SELECT 1 FROM accounts WHERE id = ? AND removed_at IS NULL", (int(interpreter_id),)).fetchone()
    if row is None:
        raise UserError(N_("The interpreter must be chosen from the staff accounts."))


def _checked_restrictions(text: str) -> str:
    text = clean_field(text)
    if len(text) > RESTRICTIONS_MAX or "\x00" in text:
        raise UserError(N_("The restrictions are too long (at most {limit} characters)."), limit=RESTRICTIONS_MAX)
    return text


def _checked_withheld(recipient: recipients.Recipient, withheld) -> tuple[str, ...]:
    """Field keys she asked us not to share: each must be one this recipient would receive."""
    out = tuple(dict.fromkeys(withheld or ()))
    for key in out:
        if key not in recipient.fields:
            raise UserError(N_("{field} is not sent to {recipient} in any case."), field=key, recipient=recipient.staff_name)
    return out


def record_consent(
    session: Session, case_id: CaseId, recipient_id: str, purpose: str, *, given_on: date, language: str,
    interpreter_id: int | None = None, restrictions: str = "", withheld=(), today: date | None = None,
) -> Consent:
    """Record that she agreed to this recipient receiving her data for this purpose."""
    actor = require_own_account(session)
    rcpt = recipients.get(recipient_id)
    rcpt.purpose(purpose)
    _check_date(given_on, today or date.today())
    if language not in INTERVIEW_LANGUAGES:
        raise UserError(N_("{lang} is not an interview language. Choose one of: {choices}"),
                        lang=language, choices=", ".join(INTERVIEW_LANGUAGES))
    restrictions = _checked_restrictions(restrictions)
    withheld = _checked_withheld(rcpt, withheld)
    now = audit.now_utc()
    with session.transaction() as conn:
        number = case_number(conn, case_id)
        _check_interpreter(conn, interpreter_id)
        cur = conn.execute(
            "INSERT INTO consents (case_id, recipient, purpose, given_on, language, interpreter, restrictions, "
            "withheld, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (case_id, rcpt.id, purpose, given_on.isoformat(), language, interpreter_id, restrictions,
             " ".join(withheld), now, actor),
        )
        audit.append(conn, audit.CONSENT_RECORDED, actor, number)
    return Consent(cur.lastrowid, case_id, rcpt.id, purpose, given_on, language, interpreter_id,
                   restrictions, withheld, now, actor)


def withdraw_consent(session: Session, consent_id: int, withdrawn_on: date | None = None,
                     today: date | None = None) -> Consent:
    """She withdrew her consent: from now on it covers no packet. The record itself stays."""
    actor = require_own_account(session)
    today = today or date.today()
    withdrawn_on = withdrawn_on or today
    _check_date(withdrawn_on, today)
    with session.transaction() as conn:
        row = conn.execute(f"SELECT {_COLUMNS} FROM consents WHERE id = ?", (consent_id,)).fetchone()
        if row is None:
            raise UserError(N_("This consent record no longer exists."))
        consent = _row(row)
        if not consent.active:
            raise UserError(N_("This consent was already withdrawn."))
        if withdrawn_on < consent.given_on:
            raise UserError(N_("Consent cannot be withdrawn before the day it was given."))
        conn.execute("UPDATE consents SET withdrawn_on = ?, withdrawn_at = ?, withdrawn_by = ? WHERE id = ?",
                     (withdrawn_on.isoformat(), audit.now_utc(), actor, consent_id))
        audit.append(conn, audit.CONSENT_WITHDRAWN, actor, case_number(conn, consent.case_id))
    return replace(consent, withdrawn_on=withdrawn_on)


def consents_of(session: Session, case_id: CaseId) -> list[Consent]:
    """Every consent of a case, newest first, withdrawn ones included (for the case view)."""
    rows = session.conn.execute(f"SELECT {_COLUMNS} FROM consents WHERE case_id = ? ORDER BY id DESC", (case_id,))
    return [_row(r) for r in rows]


def covering_consent(conn, case_id: CaseId, recipient_id: str, purpose: str) -> Consent | None:
    """The newest unwithdrawn consent for exactly this recipient and purpose, if any."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM consents WHERE case_id = ? AND recipient = ? AND purpose = ? "
        "AND withdrawn_on IS NULL ORDER BY id DESC LIMIT 1", (case_id, recipient_id, purpose),
    ).fetchone()
    return _row(row) if row else None
