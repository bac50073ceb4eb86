"""A full check of an unlocked store: every page's HMAC, SQLite's own check, the audit chain.

``cipher_integrity_check`` returns one row per damaged page, so every row it returns is read;
an empty result means every page authenticated. Nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.store import audit
from app.store.connection import DatabaseError
from app.store.session import Session

TABLES = ("accounts", "cases", "audit")


@dataclass
class VerifyReport:
    ok: bool
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def verify_store(session: Session) -> VerifyReport:
    conn = session.conn
    problems: list[str] = []
    try:
        problems += [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        result = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            problems += result
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608 - fixed names
    except DatabaseError as exc:
        return VerifyReport(False, {}, problems + [type(exc).__name__ + ": " + str(exc)])
    bad = audit.verify_chain(conn)
    if bad is not None:
        problems.append(f"audit chain broken at row {bad}")
    return VerifyReport(not problems, counts, problems)
