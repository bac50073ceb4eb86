"""The office's register of third-party provisions (APPI 第三者提供の記録), across all cases.

Each case shows its own provisions; a supervisor answering an inspection, or checking that
nothing left the office without a basis, needs them all for a period: when, which case (by
number, never a name), to whom, why, which kinds of information, on what basis and by whom.
Reading it is a supervisor's action and is audited with the period read, not its content.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.errors import UserError
from app.i18n import N_
from app.referrals.provisions import COLUMNS, Provision, from_row
from app.roles import Permission
from app.store import audit
from app.store.audit_view import utc_bounds
from app.store.session import Session


@dataclass(frozen=True)
class RegisterEntry:
    provision: Provision
    case_number: str
    basis_kind: str  # "consent" or an exception kind
    basis_date: date  # the day she agreed, or the day the exception was approved
    made_by: str


def provision_register(session: Session, since: date, until: date) -> list[RegisterEntry]:
    """Every provision made on the local days ``since`` to ``until``, oldest first (supervisors only)."""
    session.require(Permission.READ_REGISTER)
    if since > until:
        raise UserError(N_("The start of the period is after its end."))
    start, end = utc_bounds(since, until)
    columns = ", ".join(f"p.{c.strip()}" for c in COLUMNS.split(","))
    rows = session.conn.execute(
        f"SELECT {columns}, c.number, s.given_on, e.kind, e.approved_at, "
        "COALESCE(NULLIF(a.display_name, ''), a.username) "
        "FROM provisions p JOIN cases c ON c.id = p.case_id JOIN accounts a ON a.id = p.made_by "
        "LEFT JOIN consents s ON s.id = p.consent_id LEFT JOIN disclosure_exceptions e ON e.id = p.exception_id "
        "WHERE p.made_at >= ? AND p.made_at <= ? ORDER BY p.made_at, p.id", (start, end),
    ).fetchall()
    entries = []
    for row in rows:
        provision = from_row(row[:10])
        number, given_on, kind, approved_at, made_by = row[10:]
        if kind is None:
            entries.append(RegisterEntry(provision, number, "consent", date.fromisoformat(given_on), made_by))
        else:
            approved = datetime.fromisoformat(approved_at).astimezone().date()
            entries.append(RegisterEntry(provision, number, kind, approved, made_by))
    session.audit(audit.REGISTER_VIEWED, f"{since.isoformat()}..{until.isoformat()}")
    return entries
