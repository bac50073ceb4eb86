"""The office's own consultation lines, kept inside the encrypted store.

A supervisor adds the local police station or shelter, overrides a shipped entry (same id), hides
one that no longer exists or records that a number was checked today. The entries live as one
JSON list in the store's ``settings`` table under ``local_contacts``, so they travel with the
store's backups and are changed only by a supervisor, with an audit row naming the ids that
changed (never names or numbers). Each entry is validated through ``Contact.from_dict`` both when
saved and when read back: the store may be older than this program, or edited by hand.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from app.contacts.directory import Directory, load_defaults
from app.contacts.model import Contact, ContactError
from app.i18n import N_
from app.roles import Permission
from app.store import audit
from app.store.session import Session

LOCAL_CONTACTS = "local_contacts"
MAX_SUBJECT = 400


def _unreadable(problem: str) -> ContactError:
    return ContactError(N_("{where}: contact {id}, field {field}: {problem}"),
                        where=LOCAL_CONTACTS, id="-", field="-", problem=problem)


def load_local_entries(session: Session) -> tuple[Contact, ...]:
    """The supervisor's entries, validated; none if nothing was ever saved."""
    row = session.conn.execute("SELECT value FROM settings WHERE key = ?", (LOCAL_CONTACTS,)).fetchone()
    if row is None:
        return ()
    try:
        items = json.loads(row[0])
    except ValueError:
        raise _unreadable(N_("the stored list is damaged")) from None
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise _unreadable(N_("the stored list is damaged"))
    return tuple(Contact.from_dict(dict(item), where="local") for item in items)


def load_directory(session: Session, defaults: Sequence[Contact] | None = None) -> Directory:
    """The shipped defaults (or ``defaults``) with this office's entries laid over them."""
    defaults = load_defaults() if defaults is None else defaults
    return Directory(defaults, load_local_entries(session))


def save_local_entries(session: Session, entries: Sequence[Contact]) -> None:
    """Replace the office's entries (supervisors only); validated, saved and audited together."""
    session.require(Permission.EDIT_OFFICE)
    checked = [Contact.from_dict(e.to_dict(), where="local") for e in entries]
    Directory((), checked)  # refuses an id used twice
    before = {e.id: e for e in load_local_entries(session)}
    text = json.dumps([e.to_dict() for e in checked], ensure_ascii=False, sort_keys=True)
    with session.transaction() as conn:
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (LOCAL_CONTACTS, text),
        )
        audit.append(conn, audit.CONTACTS_CHANGED, session.actor, change_summary(before, checked))


def change_summary(before: dict[str, Contact], after: Sequence[Contact]) -> str:
    """``added=a,b changed=c removed=d``: entry ids only, for the audit subject."""
    after_ids = {e.id: e for e in after}
    parts = []
    for label, ids in (
        ("added", [i for i in after_ids if i not in before]),
        ("changed", [i for i, e in after_ids.items() if i in before and not _same(before[i], e)]),
        ("removed", [i for i in before if i not in after_ids]),
    ):
        if ids:
            parts.append(f"{label}={','.join(sorted(ids))}")
    summary = " ".join(parts) or "unchanged"
    return summary if len(summary) <= MAX_SUBJECT else summary[: MAX_SUBJECT - 1] + "…"


def _same(a: Contact, b: Contact) -> bool:
    return a.to_dict() | {"local": True} == b.to_dict() | {"local": True}
