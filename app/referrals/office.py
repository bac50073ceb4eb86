"""The office profile printed as the sender of every referral packet: name and phone.

A recipient must be able to call the office back, so a packet is refused until a supervisor
has set the profile. It lives in the store's ``settings`` table (with the data, set only by a
supervisor, audited like the lock timeout) rather than in a per-user file anyone could edit.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

from app.errors import UserError
from app.i18n import N_
from app.roles import Permission
from app.store import audit
from app.store.session import Session
from app.text import clean_field

OFFICE_PROFILE = "office_profile"
NAME_MAX = 120
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,30}[0-9]$")


@dataclass(frozen=True)
class OfficeProfile:
    name: str
    phone: str


def get_office_profile(session: Session) -> OfficeProfile | None:
    """The stored profile, or None while no supervisor has set one (or it is unreadable)."""
    row = session.conn.execute("SELECT value FROM settings WHERE key = ?", (OFFICE_PROFILE,)).fetchone()
    if row is None:
        return None
    try:
        data = json.loads(row[0])
        return OfficeProfile(str(data["name"]), str(data["phone"]))
    except (ValueError, KeyError, TypeError):
        return None


def checked_profile(name: str, phone: str) -> OfficeProfile:
    """A normalised profile, or UserError saying which part is wrong."""
    name = clean_field(name)
    phone = unicodedata.normalize("NFKC", phone or "").strip()  # full-width digits are common
    if not name or len(name) > NAME_MAX or "\x00" in name:
        raise UserError(N_("The office name is required (at most {limit} characters)."), limit=NAME_MAX)
    if not _PHONE.match(phone):
        raise UserError(N_("Write the office phone number with digits and hyphens, for example 03-1234-5678."))
    return OfficeProfile(name, phone)


def set_office_profile(session: Session, name: str, phone: str) -> OfficeProfile:
    """Store the profile (supervisor or administrator only; audited as a setting change)."""
    session.require(Permission.EDIT_OFFICE)
    profile = checked_profile(name, phone)
    value = json.dumps({"name": profile.name, "phone": profile.phone}, ensure_ascii=False)
    with session.transaction() as conn:
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (OFFICE_PROFILE, value),
        )
        audit.append(conn, audit.SETTING_CHANGED, session.actor, OFFICE_PROFILE)
    return profile


def require_office_profile(session: Session) -> OfficeProfile:
    profile = get_office_profile(session)
    if profile is None:
        raise UserError(N_("The office name and phone number are not set. A supervisor sets them before referrals can be made."))
    return profile
