"""The record of each third-party provision (APPI 確認・記録): who received what, on what basis.

One row per packet made: the recipient (and the addressee staff typed, if any), the purpose,
the field keys that were actually sent, the consent or exception that allowed it, the account
that made it and when. It is written in the same transaction as the packet's audit row, so a
packet is never handed out without its record. Rows are kept as made (a trigger refuses
updates); her copy is made from this record, so it says exactly what was shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.cases.model import CaseId
from app.errors import UserError
from app.i18n import N_
from app.referrals.legal_basis import Basis
from app.store import audit
from app.store.session import Session
from app.text import clean_field

ADDRESSEE_MAX = 200
COLUMNS = "id, case_id, recipient, addressee, purpose, fields, consent_id, exception_id, made_by, made_at"


@dataclass(frozen=True)
class Provision:
    id: int
    case_id: CaseId
    recipient: str
    addressee: str
    purpose: str
    fields: tuple[str, ...]
    consent_id: int | None
    exception_id: int | None
    made_by: int
    made_at: str

    @property
    def made_on(self) -> date:
        """The local date it was made (``made_at`` is UTC)."""
        return datetime.fromisoformat(self.made_at).astimezone().date()


def from_row(row) -> Provision:
    pid, case_id, rcpt, addressee, purpose, fields, consent_id, exception_id, made_by, made_at = row
    return Provision(pid, CaseId(case_id), rcpt, addressee, purpose, tuple(fields.split()), consent_id,
                     exception_id, made_by, made_at)


def checked_addressee(text: str) -> str:
    """The office or officer the packet is addressed to (e.g. 新宿警察署 生活安全課), or ""."""
    text = clean_field(text)
    if len(text) > ADDRESSEE_MAX or "\x00" in text or "\n" in text:
        raise UserError(N_("The addressee is one line of at most {limit} characters."), limit=ADDRESSEE_MAX)
    return text


def record_provision(conn, actor: int, case_id: CaseId, recipient: str, addressee: str, purpose: str,
                     fields: list[str], basis: Basis) -> Provision:
    """Insert the record; call inside the transaction that also writes the audit row."""
    now = audit.now_utc()
    consent_id = basis.consent.id if basis.consent else None
    exception_id = basis.exception.id if basis.exception else None
    cur = conn.execute(
        "INSERT INTO provisions (case_id, recipient, addressee, purpose, fields, consent_id, exception_id, "
        "made_by, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (case_id, recipient, addressee, purpose, " ".join(fields), consent_id, exception_id, actor, now),
    )
    return Provision(cur.lastrowid, case_id, recipient, addressee, purpose, tuple(fields), consent_id,
                     exception_id, actor, now)


def provisions_of(session: Session, case_id: CaseId) -> list[Provision]:
    """Every provision of a case, newest first (the case view's "shared with" list)."""
    rows = session.conn.execute(f"SELECT {COLUMNS} FROM provisions WHERE case_id = ? ORDER BY id DESC", (case_id,))
    return [from_row(r) for r in rows]


def get_provision(conn, provision_id: int) -> Provision:
    row = conn.execute(f"SELECT {COLUMNS} FROM provisions WHERE id = ?", (provision_id,)).fetchone()
    if row is None:
        raise UserError(N_("This referral record no longer exists."))
    return from_row(row)
