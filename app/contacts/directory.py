"""The directory: shipped defaults, with a supervisor's local entries laid over them.

A local entry with the id of a default replaces it whole (the editor starts from a copy of the
default, so nothing is half-merged); ``hidden = true`` removes a default that no longer exists;
a new id adds a line such as the local police station or shelter. Storing local entries is the
store's job: this module only turns them into and out of JSON-safe dicts.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from app import resources
from app.contacts.model import Contact, ContactError
from app.i18n import N_

DEFAULTS_FILE = resources.path("contacts", "hotlines.toml")


def load_defaults(path: Path | str = DEFAULTS_FILE) -> tuple[Contact, ...]:
    """The shipped entries, validated; an error names the file, the entry and the field."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ContactError(N_("{where}: contact {id}, field {field}: {problem}"), where=path.name,
                           id="-", field="-", problem=str(exc)) from exc
    entries = tuple(Contact.from_dict(item, where=path.name) for item in data.get("contact", ()))
    _unique(entries, path.name)
    return entries


def _unique(entries: Iterable[Contact], where: str) -> None:
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise ContactError(N_("{where}: contact {id}, field {field}: {problem}"), where=where,
                               id=entry.id, field="id", problem=N_("used twice"))
        seen.add(entry.id)


class Directory:
    """Defaults merged with local entries; ``entries`` lists what may be shown, by priority."""

    def __init__(self, defaults: Sequence[Contact], local_entries: Sequence[Contact] = ()) -> None:
        _unique(defaults, "defaults")
        _unique(local_entries, "local")
        self.defaults = tuple(defaults)
        self.local_entries = tuple(replace(e, local=True) for e in local_entries)
        merged = {e.id: e for e in self.defaults}
        for entry in self.local_entries:
            merged[entry.id] = entry
        self._all = merged
        self.entries = tuple(sorted((e for e in merged.values() if not e.hidden),
                                    key=lambda e: (e.priority, e.id)))

    def get(self, entry_id: str) -> Contact | None:
        """The visible entry with this id, if any."""
        entry = self._all.get(entry_id)
        return None if entry is None or entry.hidden else entry

    def for_leaflet(self) -> tuple[Contact, ...]:
        return tuple(e for e in self.entries if e.leaflet and e.number)

    def for_card(self) -> tuple[Contact, ...]:
        return tuple(e for e in self.entries if e.card and e.number)

    def stale(self, today: date) -> tuple[Contact, ...]:
        """Visible entries not checked for more than a year: to be shown to staff as such."""
        return tuple(e for e in self.entries if e.stale(today))

    def oldest_check(self, entries: Iterable[Contact] | None = None) -> date | None:
        dates = [e.last_checked for e in (self.entries if entries is None else entries)]
        return min(dates) if dates else None

    def local_dicts(self) -> list[dict]:
        """The local entries as JSON-safe dicts, for the store."""
        return [e.to_dict() for e in self.local_entries]

    @classmethod
    def from_local_dicts(cls, defaults: Sequence[Contact], items: Iterable[dict]) -> "Directory":
        """Rebuild from stored local dicts; each is validated again (the store may be old)."""
        return cls(defaults, [Contact.from_dict(dict(item), where="local") for item in items])


def default_directory(local_entries: Sequence[Contact] = ()) -> Directory:
    """The shipped defaults with ``local_entries`` over them."""
    return Directory(load_defaults(), local_entries)
