"""Reading and writing cases: the only SQL for cases, each action audited with its case number.

Every view and edit of a case writes an audit row in the same transaction as the change it
records (R22). Searches return summaries without real names unless names were switched on,
which the caller audits through ``set_names_shown``.
"""

from __future__ import annotations

from datetime import date, datetime

from app.cases import names
from app.cases.model import (
    CASE_STATUSES,
    Case,
    CaseId,
    CaseSummary,
    Person,
    format_number,
)
from app.errors import UserError
from app.i18n import N_
from app.store import audit
from app.store.session import Session
from app.text import fold

_PERSON_COLUMNS = (
    "alias, real_name, birth_date, estimated_age, sex, gender, nationality, languages, "
    "residence_status, stay_expiry, contact_safe, contact_how, notes"
)
_CASE_COLUMNS = "id, number, status, created_at, created_by, updated_at, updated_by, " + _PERSON_COLUMNS


def _person_values(p: Person) -> tuple:
    return (
        p.alias, p.real_name, p.birth_date.isoformat() if p.birth_date else None, p.estimated_age,
        p.sex, p.gender, p.nationality, " ".join(p.languages), p.residence_status,
        p.stay_expiry.isoformat() if p.stay_expiry else None, p.contact_safe, p.contact_how, p.notes,
    )


def _row_to_case(row) -> Case:
    (cid, number, status, created_at, created_by, updated_at, updated_by, alias, real_name, birth,
     est_age, sex, gender, nat, langs, res, expiry, contact_safe, contact_how, notes) = row
    person = Person(
        alias=alias, real_name=real_name, birth_date=date.fromisoformat(birth) if birth else None,
        estimated_age=est_age, sex=sex, gender=gender, nationality=nat,
        languages=tuple(langs.split()) if langs else (), residence_status=res,
        stay_expiry=date.fromisoformat(expiry) if expiry else None, contact_safe=contact_safe,
        contact_how=contact_how, notes=notes,
    )
    return Case(CaseId(cid), number, status, created_at, created_by, updated_at, updated_by, person)


def _check_status(status: str) -> None:
    if status not in CASE_STATUSES:
        raise UserError(N_("{value} is not a case status."), value=status)


def create_case(session: Session, person: Person, status: str = "open", today: date | None = None) -> Case:
    """A new case numbered within the current year."""
    person = person.checked(today)
    _check_status(status)
    year = (today or date.today()).year
    now = audit.now_utc()
    with session.transaction() as conn:
        seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM cases WHERE year = ?", (year,)).fetchone()[0]
        number = format_number(year, seq)
        cur = conn.execute(
            f"INSERT INTO cases (year, seq, number, status, created_at, created_by, updated_at, updated_by, "
            f"{_PERSON_COLUMNS}, alias_fold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, {', '.join('?' * 13)}, ?)",
            (year, seq, number, status, now, actor_id(session), now, actor_id(session),
             *_person_values(person), fold(person.alias)),
        )
        audit.append(conn, audit.CASE_CREATED, session.actor, number)
    return Case(CaseId(cur.lastrowid), number, status, now, actor_id(session), now, actor_id(session), person)


def actor_id(session: Session) -> int:
    """Cases record who made them; the recovery session acts as the first administrator."""
    if session.actor is not None:
        return session.actor
    return session.conn.execute("SELECT min(id) FROM accounts WHERE role = 'admin'").fetchone()[0]


def read_case(conn, case_id: CaseId) -> Case:
    """The stored case, without an audit row: for callers that audit their own action
    (viewing, or building a referral packet) in the same transaction."""
    row = conn.execute(f"SELECT {_CASE_COLUMNS} FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise UserError(N_("This case no longer exists."))
    return _row_to_case(row)


def get_case(session: Session, case_id: CaseId) -> Case:
    """Open a case for viewing (audited)."""
    with session.transaction() as conn:
        case = read_case(conn, case_id)
        audit.append(conn, audit.CASE_VIEWED, session.actor, case.number)
    return case


def update_case(session: Session, case_id: CaseId, person: Person, status: str) -> Case:
    """Save edits to a case (audited). Returns the case as stored."""
    person = person.checked()
    _check_status(status)
    now = audit.now_utc()
    assignments = ", ".join(f"{c.strip()} = ?" for c in _PERSON_COLUMNS.split(","))
    with session.transaction() as conn:
        row = conn.execute("SELECT number FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise UserError(N_("This case no longer exists."))
        conn.execute(
            f"UPDATE cases SET status = ?, updated_at = ?, updated_by = ?, {assignments}, alias_fold = ? WHERE id = ?",
            (status, now, actor_id(session), *_person_values(person), fold(person.alias), case_id),
        )
        audit.append(conn, audit.CASE_EDITED, session.actor, row[0])
        stored = conn.execute(f"SELECT {_CASE_COLUMNS} FROM cases WHERE id = ?", (case_id,)).fetchone()
    return _row_to_case(stored)


def set_names_shown(session: Session, shown: bool) -> None:
    """Switching real names on (or off) in the case list is itself audited."""
    session.audit(audit.NAMES_SHOWN if shown else audit.NAMES_HIDDEN)


def search_cases(
    session: Session, text: str = "", status: str | None = None, *, lang: str = "en",
    with_names: bool = False, limit: int = 500, today: date | None = None,
) -> list[CaseSummary]:
    """Cases matching ``text`` (case number, alias, nationality code or name) and ``status``.

    Newest first. ``with_names`` adds real names and is for callers that audited the switch.
    """
    where, args = [], []
    needle = fold(text.strip())
    if needle:
        alts = ["number LIKE ? ESCAPE '\\'", "alias_fold LIKE ? ESCAPE '\\'"]
        pattern = _like(needle)
        args += [f"{pattern}%", f"%{pattern}%"]
        codes = names.codes_matching(text, lang)
        if codes:
            alts.append(f"nationality IN ({', '.join('?' * len(codes))})")
            args += codes
        where.append("(" + " OR ".join(alts) + ")")
    if status:
        _check_status(status)
        where.append("status = ?")
        args.append(status)
    sql = (
        "SELECT id, number, status, alias, nationality, birth_date, estimated_age, residence_status, "
        f"updated_at, {'real_name' if with_names else chr(39) * 2} FROM cases"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY year DESC, seq DESC LIMIT ?"
    )
    args.append(int(limit))
    today = today or date.today()
    out = []
    for cid, number, st, alias, nat, birth, est, res, updated, real in session.conn.execute(sql, args):
        age = Person(alias, birth_date=date.fromisoformat(birth) if birth else None, estimated_age=est).age(today)
        out.append(CaseSummary(CaseId(cid), number, st, alias, nat, age, res, updated, real))
    return out


def count_cases(session: Session) -> int:
    return session.conn.execute("SELECT count(*) FROM cases").fetchone()[0]


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def parse_iso_date(text: str) -> date | None:
    """A date typed as YYYY-MM-DD (or with slashes); None for empty; UserError otherwise."""
    text = (text or "").strip().replace("/", "-")
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise UserError(N_("Write the date as year-month-day, for example 2026-04-01.")) from None
