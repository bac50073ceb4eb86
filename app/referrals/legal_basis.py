"""The basis of a provision: her consent, or an APPI exception approved by a supervisor (R21).

An exception (required by law, Art. 27(1)(i); life or body at risk and consent impractical,
Art. 27(1)(ii)) needs a written reason and the approval of a supervisor or administrator other
than the person asking. The approver proves who they are with their own password, checked
against their key slot exactly as at login (a slot opens only with the right password), and
their role is read from the accounts table. A failed approval is audited, since repeated
attempts on a supervisor's password are what an insider would try.

An approval is a judgement about the situation now, so it covers packets for
``EXCEPTION_VALID_DAYS`` days; after that, ask her again or approve again.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from app.cases.model import CaseId
from app.errors import AuthError, PermissionDenied, UserError
from app.i18n import N_, current_language
from app.referrals import recipients
from app.referrals.consent import (
    Consent,
    case_number,
    covering_consent,
    require_own_account,
)
from app.roles import Permission
from app.store import audit
from app.store.accounts import find_account
from app.store.keyslots import KeySlots, normalize_username
from app.store.session import Account, Session
from app.text import clean_field

MIN_REASON_CHARS = 20
REASON_MAX = 2000
EXCEPTION_VALID_DAYS = 7
WRONG_APPROVER = N_("The approver's user name or password is not correct.")


@dataclass(frozen=True)
class DisclosureException:
    id: int
    case_id: CaseId
    recipient: str
    purpose: str
    kind: str
    reason: str
    requested_by: int
    approved_by: int
    approved_at: str


@dataclass(frozen=True)
class Basis:
    """What allows one provision: exactly one of a consent and an approved exception."""

    consent: Consent | None = None
    exception: DisclosureException | None = None
    approver_name: str = ""


def checked_reason(reason: str) -> str:
    reason = clean_field(reason)
    if len(reason) < MIN_REASON_CHARS:
        raise UserError(N_("Write the reason for sharing without her consent (at least {count} characters)."),
                        count=MIN_REASON_CHARS)
    if len(reason) > REASON_MAX or "\x00" in reason:
        raise UserError(N_("The reason is too long (at most {limit} characters)."), limit=REASON_MAX)
    return reason


def _check_kind(rcpt: recipients.Recipient, kind: str) -> None:
    recipients.exception_kind(kind)
    if kind not in rcpt.exceptions:
        if not rcpt.exceptions:
            raise UserError(N_("{recipient} may receive her information only with her consent."), recipient=rcpt.staff_name)
        raise UserError(N_("This legal exception does not apply to {recipient}."), recipient=rcpt.staff_name)


def verify_approver(session: Session, username: str, password: str) -> Account:
    """The approving account, after its password opened its key slot and its role was checked."""
    if normalize_username(username) == session.account.username:
        raise PermissionDenied(N_("Another supervisor must approve: you cannot approve your own request."))
    slots = KeySlots.load(session.path)  # from disk: a slot removed in another window is gone
    try:
        dek = slots.unlock_user(username, password)
    except AuthError:
        raise AuthError(WRONG_APPROVER) from None
    try:
        if not hmac.compare_digest(bytes(dek), bytes(session.dek())):
            raise AuthError(WRONG_APPROVER)  # a slot of some other store
    finally:
        dek[:] = bytes(len(dek))
    approver = find_account(session, username)
    if approver is None:
        raise AuthError(WRONG_APPROVER)
    if not approver.may(Permission.APPROVE_EXCEPTION):
        raise PermissionDenied(N_("Only a supervisor or an administrator can approve sharing without consent."))
    if approver.id == session.account.id:
        raise PermissionDenied(N_("Another supervisor must approve: you cannot approve your own request."))
    return approver


def _audit_refusal(session: Session, case_id: CaseId) -> None:
    with session.transaction() as conn:
        audit.append(conn, audit.EXCEPTION_REFUSED, session.actor, case_number(conn, case_id))


def approve_exception(
    session: Session, case_id: CaseId, recipient_id: str, purpose: str, kind: str, reason: str,
    approver_username: str, approver_password: str,
) -> DisclosureException:
    """Record an exception to consent, approved now by another supervisor (who typed their password)."""
    actor = require_own_account(session)
    rcpt = recipients.get(recipient_id)
    rcpt.purpose(purpose)
    _check_kind(rcpt, kind)
    reason = checked_reason(reason)
    case_number(session.conn, case_id)
    try:
        approver = verify_approver(session, approver_username, approver_password)
    except (AuthError, PermissionDenied):
        _audit_refusal(session, case_id)
        raise
    now = audit.now_utc()
    with session.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO disclosure_exceptions (case_id, recipient, purpose, kind, reason, requested_by, "
            "approved_by, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (case_id, rcpt.id, purpose, kind, reason, actor, approver.id, now),
        )
        audit.append(conn, audit.EXCEPTION_APPROVED, actor, case_number(conn, case_id))
    return DisclosureException(cur.lastrowid, case_id, rcpt.id, purpose, kind, reason, actor, approver.id, now)


_EXC_COLUMNS = "id, case_id, recipient, purpose, kind, reason, requested_by, approved_by, approved_at"


def exceptions_of(session: Session, case_id: CaseId) -> list[DisclosureException]:
    rows = session.conn.execute(
        f"SELECT {_EXC_COLUMNS} FROM disclosure_exceptions WHERE case_id = ? ORDER BY id DESC", (case_id,))
    return [DisclosureException(*r) for r in rows]


def covering_exception(conn, case_id: CaseId, recipient_id: str, purpose: str,
                       now: datetime | None = None) -> DisclosureException | None:
    """The newest exception for this recipient and purpose approved less than the valid days ago."""
    now = now or datetime.now(timezone.utc)
    since = (now - timedelta(days=EXCEPTION_VALID_DAYS)).isoformat(timespec="microseconds")
    row = conn.execute(
        f"SELECT {_EXC_COLUMNS} FROM disclosure_exceptions WHERE case_id = ? AND recipient = ? AND purpose = ? "
        "AND approved_at >= ? ORDER BY id DESC LIMIT 1", (case_id, recipient_id, purpose, since),
    ).fetchone()
    return DisclosureException(*row) if row else None


def basis_for(conn, case_id: CaseId, rcpt: recipients.Recipient, purpose: str,
              now: datetime | None = None) -> Basis:
    """Her consent if there is one, else an approved exception; else a UserError that says what is missing."""
    consent = covering_consent(conn, case_id, rcpt.id, purpose)
    if consent is not None:
        return Basis(consent=consent)
    exc = covering_exception(conn, case_id, rcpt.id, purpose, now) if rcpt.exceptions else None
    if exc is not None:
        name = conn.execute("SELECT display_name FROM accounts WHERE id = ?", (exc.approved_by,)).fetchone()
        return Basis(exception=exc, approver_name=name[0] if name else "")
    if rcpt.exceptions:
        raise UserError(N_("There is no consent from her for {recipient} ({purpose}), and no approved legal exception. Record her consent first, or ask a supervisor to approve an exception."),
                        recipient=rcpt.staff_name, purpose=rcpt.purpose(purpose).name(current_language()))
    raise UserError(N_("There is no consent from her for {recipient} ({purpose}). This recipient may receive her information only with her consent."),
                    recipient=rcpt.staff_name, purpose=rcpt.purpose(purpose).name(current_language()))
