"""One consultation line: who it is, its number, what it is for, and when it was last checked.

Numbers change, and a leaflet with a dead number fails the person who needed it most, so every
entry carries ``last_checked`` and ``stale(today)`` says when it is more than a year old. The
same shape serves the shipped defaults (TOML) and a supervisor's local entries (JSON through
``to_dict``/``from_dict``). An entry holds no address: a shelter's location is never printed.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from datetime import date, timedelta

from app.errors import UserError
from app.i18n import N_, _
from app.text import invisible

STALE_AFTER = timedelta(days=365)
_ID = re.compile(r"^[a-z][a-z0-9_]{1,47}$")
_NUMBER = re.compile(r"^(#\d{3,5}|\+?\d[\d-]*\d)$")
_LANG = re.compile(r"^[a-z]{2,3}(_[A-Za-z]{2,4})?$")
MAX_TEXT = 600


class ContactError(UserError):
    """A contact entry that cannot be used; names the source, the entry and the field."""

    def message(self) -> str:
        params = dict(self.params, problem=_(str(self.params["problem"])))
        return _(self.msgid).format(**params)


def _bad(where: str, entry_id: str, fld: str, problem: str) -> ContactError:
    return ContactError(N_("{where}: contact {id}, field {field}: {problem}"),
                        where=where, id=entry_id or "?", field=fld, problem=problem)


@dataclass(frozen=True)
class OtherNumber:
    """A further number of the same service (a regional office, a line for mobile phones)."""

    label_en: str
    label_ja: str
    number: str


@dataclass(frozen=True)
class Contact:
    """A consultation line as printed on leaflets and shown to staff."""

    id: str
    name_ja: str
    name_en: str
    number: str
    last_checked: date
    source: str
    purpose_en: str = ""
    purpose_ja: str = ""
    hours_en: str = ""
    hours_ja: str = ""
    languages: tuple[str, ...] = ("ja",)
    other_languages: bool = False
    free_call: bool = False
    leaflet: bool = True
    card: bool = False
    priority: int = 100
    other_numbers: tuple[OtherNumber, ...] = ()
    notes: str = ""
    local: bool = False
    hidden: bool = False

    def stale(self, today: date) -> bool:
        """True when last checked more than a year before ``today`` (or dated in the future)."""
        return today - self.last_checked > STALE_AFTER or self.last_checked > today

    @property
    def foreign_languages(self) -> bool:
        """Whether someone who speaks little Japanese can be helped on this line."""
        return self.other_languages or any(lang != "ja" for lang in self.languages)

    def to_dict(self) -> dict:
        """JSON-safe: the date as ISO text, tuples as lists."""
        data = asdict(self)
        data["last_checked"] = self.last_checked.isoformat()
        data["languages"] = list(self.languages)
        data["other_numbers"] = [asdict(n) for n in self.other_numbers]
        return data

    @classmethod
    def from_dict(cls, data: dict, where: str = "local") -> "Contact":
        """Build and validate an entry from TOML or JSON data; unknown keys are refused."""
        entry_id = str(data.get("id", ""))
        known = {f.name for f in fields(cls)}
        for key in data:
            if key not in known:
                raise _bad(where, entry_id, key, N_("unknown field"))
        values = dict(data)
        values["last_checked"] = _date(values.get("last_checked"), where, entry_id)
        values["languages"] = tuple(values.get("languages", ("ja",)))
        values["other_numbers"] = tuple(_other(n, where, entry_id) for n in values.get("other_numbers", ()))
        for name in ("id", "name_ja", "name_en", "number", "source"):
            if name not in values:
                raise _bad(where, entry_id, name, N_("missing"))
        contact = cls(**values)
        validate(contact, where)
        return contact


def _date(value: object, where: str, entry_id: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _bad(where, entry_id, "last_checked", N_("not a date (YYYY-MM-DD)")) from None


def _other(data: dict, where: str, entry_id: str) -> OtherNumber:
    try:
        other = OtherNumber(str(data["label_en"]), str(data["label_ja"]), str(data["number"]))
    except (KeyError, TypeError):
        raise _bad(where, entry_id, "other_numbers", N_("each needs label_en, label_ja and number")) from None
    if not _NUMBER.match(other.number):
        raise _bad(where, entry_id, "other_numbers", N_("not a phone number"))
    return other


def validate(c: Contact, where: str = "local") -> None:
    """Raise ``ContactError`` for the first problem found in ``c``."""
    if not isinstance(c.id, str) or not _ID.match(c.id):
        raise _bad(where, str(c.id), "id", N_("use lower-case letters, digits and _"))
    texts = ("name_ja", "name_en", "source", "purpose_en", "purpose_ja", "hours_en", "hours_ja", "notes")
    for name in texts:
        value = getattr(c, name)
        if not isinstance(value, str) or len(value) > MAX_TEXT or any(ch in value for ch in "\n\r\t"):
            raise _bad(where, c.id, name, N_("must be one line of text, at most 600 characters"))
    for name in texts:
        if any(invisible(ch) for ch in getattr(c, name)):
            raise _bad(where, c.id, name, N_("contains invisible control characters"))
    for name in ("name_ja", "name_en", "source"):
        if not getattr(c, name).strip():
            raise _bad(where, c.id, name, N_("missing"))
    _validate_number(c, where)
    for name in ("other_languages", "free_call", "leaflet", "card", "local", "hidden"):
        if not isinstance(getattr(c, name), bool):
            raise _bad(where, c.id, name, N_("must be true or false"))
    if not isinstance(c.priority, int) or isinstance(c.priority, bool) or not 0 <= c.priority <= 9999:
        raise _bad(where, c.id, "priority", N_("must be a whole number from 0 to 9999"))
    if not c.languages or not all(isinstance(x, str) and _LANG.match(x) for x in c.languages):
        raise _bad(where, c.id, "languages", N_("must list language codes such as ja, en, zh_Hans"))


def _validate_number(c: Contact, where: str) -> None:
    if not isinstance(c.number, str):
        raise _bad(where, c.id, "number", N_("not a phone number"))
    if c.number == "":
        if c.leaflet or c.card:
            raise _bad(where, c.id, "number", N_("an entry printed on leaflets needs a number"))
        return
    digits = sum(ch.isdigit() for ch in c.number)
    if not _NUMBER.match(c.number) or not 3 <= digits <= 15:
        raise _bad(where, c.id, "number", N_("not a phone number"))
