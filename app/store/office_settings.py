"""Office settings kept inside the store, changed only by a supervisor and audited.

The lock timeout protects the data, so it lives with the data rather than in a per-user file
anyone could edit. Values are bounded: a lock later than 15 minutes is not offered (R16).
"""

from __future__ import annotations

from app.errors import UserError
from app.i18n import N_
from app.roles import Permission
from app.store import audit
from app.store.session import Session

LOCK_MINUTES = "lock_minutes"
DEFAULT_LOCK_MINUTES = 5
MIN_LOCK_MINUTES = 1
MAX_LOCK_MINUTES = 15


def lock_minutes(session: Session) -> int:
    row = session.conn.execute("SELECT value FROM settings WHERE key = ?", (LOCK_MINUTES,)).fetchone()
    try:
        value = int(row[0]) if row else DEFAULT_LOCK_MINUTES
    except ValueError:
        value = DEFAULT_LOCK_MINUTES
    return max(MIN_LOCK_MINUTES, min(MAX_LOCK_MINUTES, value))


def set_lock_minutes(session: Session, minutes: int) -> None:
    session.require(Permission.EDIT_OFFICE)
    if not MIN_LOCK_MINUTES <= int(minutes) <= MAX_LOCK_MINUTES:
        raise UserError(N_("The lock time must be between {low} and {high} minutes."), low=MIN_LOCK_MINUTES, high=MAX_LOCK_MINUTES)
    with session.transaction() as conn:
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (LOCK_MINUTES, str(int(minutes))),
        )
        audit.append(conn, audit.SETTING_CHANGED, session.actor, LOCK_MINUTES)
