"""The audit log: append-only, hash-chained, inside the encrypted store, with no content.

Each row holds the SHA-256 of the previous row's hash and its own fields, so changing or deleting
a past row breaks the chain at that row (R22). Rows carry event names, account ids and case
numbers only: never names, answers or notes. Triggers refuse UPDATE and DELETE; someone with the
key could still drop them, and ``verify_chain`` is what catches that.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone

GENESIS = "0" * 64

# Event names (stable identifiers; shown translated in the supervisor's view)
LOGIN_OK = "login_ok"
LOGIN_FAILED = "login_failed"
LOGIN_RECOVERY = "login_recovery"
LOCK = "lock"
UNLOCK = "unlock"
LOGOUT = "logout"
STORE_CREATED = "store_created"
CASE_CREATED = "case_created"
CASE_VIEWED = "case_viewed"
CASE_EDITED = "case_edited"
NAMES_SHOWN = "names_shown"
NAMES_HIDDEN = "names_hidden"
STAFF_ADDED = "staff_added"
STAFF_REMOVED = "staff_removed"
STAFF_PASSWORD_RESET = "staff_password_reset"
SETTING_CHANGED = "setting_changed"
RECOVERY_KEY_REPLACED = "recovery_key_replaced"
SCHEMA_MIGRATED = "schema_migrated"
INTERVIEW_STARTED = "interview_started"
INTERVIEW_OPENED = "interview_opened"
ANSWER_SAVED = "answer_saved"
INTERVIEW_PAUSED = "interview_paused"
INTERVIEW_FINISHED = "interview_finished"
INTERVIEW_LANGUAGE_CHANGED = "interview_language_changed"
SCREENING_SAVED = "screening_saved"
SCREENING_VIEWED = "screening_viewed"
CONTACTS_CHANGED = "contacts_changed"
LEAFLET_PRINTED = "leaflet_printed"
LEAFLET_SAVED = "leaflet_saved"
# Referrals (issue 5): each subject is the case number only
CONSENT_RECORDED = "consent_recorded"
CONSENT_WITHDRAWN = "consent_withdrawn"
EXCEPTION_APPROVED = "exception_approved"
EXCEPTION_REFUSED = "exception_refused"
REFERRAL_MADE = "referral_made"  # the packet was built and its provision recorded
REFERRAL_PRINTED = "referral_printed"
REFERRAL_SAVED = "referral_saved"
HER_COPY_MADE = "her_copy_made"
HER_COPY_PRINTED = "her_copy_printed"
HER_COPY_SAVED = "her_copy_saved"
REGISTER_VIEWED = "provision_register_viewed"  # subject: the period read, never content
AUDIT_VIEWED = "audit_viewed"  # subject: the period read
AUDIT_CHECKED = "audit_checked"  # subject: intact, or the first broken row
BACKUP_MADE = "backup_made"  # subject: the backup's file name (a time stamp)

EVENTS = frozenset(
    v for k, v in dict(globals()).items() if k.isupper() and isinstance(v, str) and k != "GENESIS"
)


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str
    actor: int | None
    event: str
    subject: str
    prev_hash: str
    hash: str


def _digest(prev_hash: str, row_id: int, at: str, actor: int | None, event: str, subject: str) -> str:
    text = "\x1f".join([prev_hash, str(row_id), at, "" if actor is None else str(actor), event, subject])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def append(conn, event: str, actor: int | None = None, subject: str = "", at: str | None = None) -> None:
    """Add one row. Call inside the transaction of the change it records, or on its own."""
    if event not in EVENTS:
        raise ValueError(f"unknown audit event {event!r}")
    at = at or now_utc()
    last = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    row_id = (last[0] + 1) if last else 1
    prev = last[1] if last else GENESIS
    conn.execute(
        "INSERT INTO audit (id, at, actor, event, subject, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (row_id, at, actor, event, subject, prev, _digest(prev, row_id, at, actor, event, subject)),
    )


def rows(conn, *, actor: int | None = None, since: str | None = None, until: str | None = None,
         limit: int = 1000) -> list[AuditRow]:
    """Newest first, optionally for one account and between two UTC times (the supervisor's view)."""
    sql = "SELECT id, at, actor, event, subject, prev_hash, hash FROM audit WHERE 1=1"
    args: list = []
    if actor is not None:
        sql += " AND actor = ?"
        args.append(actor)
    if since:
        sql += " AND at >= ?"
        args.append(since)
    if until:
        sql += " AND at <= ?"
        args.append(until)
    sql += " ORDER BY id DESC LIMIT ?"
    args.append(limit)
    return [AuditRow(*r) for r in conn.execute(sql, args)]


def verify_chain(conn) -> int | None:
    """The id of the first row that was changed, inserted or removed out of order; None if intact."""
    prev = GENESIS
    expected_id = 1
    for row_id, at, actor, event, subject, prev_hash, h in conn.execute(
        "SELECT id, at, actor, event, subject, prev_hash, hash FROM audit ORDER BY id"
    ):
        if row_id != expected_id or prev_hash != prev or h != _digest(prev, row_id, at, actor, event, subject):
            return row_id if row_id == expected_id else expected_id
        prev = h
        expected_id += 1
    return None
