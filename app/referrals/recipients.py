"""Who can receive a referral packet, for which purposes, and which fields each one receives.

The table itself is data (resources/referrals/recipients.toml, each allow-list justified in a
comment there) so that a social worker or a legal reviewer can read and change it without
reading code. Here: the fixed set of field keys a packet can hold, and the loader that refuses
a table naming an unknown key, purpose or exception kind, with the file, recipient and field.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app import resources
from app.errors import UserError
from app.i18n import N_, current_language

RECIPIENTS_FILE = resources.path("referrals", "recipients.toml")

# Fields about her, from the case record.
PERSON_FIELDS = (
    "alias", "real_name", "birth_date_or_age", "sex_gender", "nationality", "languages",
    "residence_status", "stay_expiry", "contact_safe", "contact_how", "notes_summary",
)
# Fields from the stored screening result.
SCREENING_FIELDS = ("screening_summary", "indicators_with_answers", "work_indicators", "recommended_action")
FIELD_KEYS = PERSON_FIELDS + SCREENING_FIELDS
# Fields that identify her: never on the copy she carries.
IDENTITY_FIELDS = PERSON_FIELDS
# A field whose section already shows another (all indicators include those about work).
IMPLIES = {"indicators_with_answers": ("work_indicators",)}
EXCEPTION_KINDS = ("required_by_law", "life_or_body_risk")
# What each field key is called on the staff's screens (the packet has its own Japanese labels).
FIELD_NAMES = {
    "alias": N_("Alias"),
    "real_name": N_("Real name"),
    "birth_date_or_age": N_("Date of birth or age"),
    "sex_gender": N_("Sex and gender"),
    "nationality": N_("Nationality"),
    "languages": N_("Languages spoken"),
    "residence_status": N_("Status of residence"),
    "stay_expiry": N_("Period of stay expires"),
    "contact_safe": N_("Whether it is safe to contact her"),
    "contact_how": N_("How to contact her safely"),
    "notes_summary": N_("Notes"),
    "screening_summary": N_("Screening summary"),
    "indicators_with_answers": N_("Signs found, with her answers"),
    "work_indicators": N_("Signs about work, with her answers"),
    "recommended_action": N_("Recommended action from the screening"),
}


@dataclass(frozen=True)
class Purpose:
    """One purpose of a provision: consent and exceptions are per recipient and purpose."""

    id: str
    ja: str
    en: str
    her: str  # plain English for the copy she keeps (a msgid of the questions domain)
    her_ja: str
    request_ja: str  # what the packet asks the recipient to do

    def name(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True)
class ExceptionKind:
    """An APPI exception to consent, with its legal basis in Japanese and plain words for her."""

    id: str
    ja: str
    en: str
    her: str
    her_ja: str

    def name(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True)
class Recipient:
    id: str
    name_ja: str
    name_en: str
    her_name: str
    her_name_ja: str
    step: str
    under_18_only: bool
    exceptions: tuple[str, ...]
    fields: tuple[str, ...]
    purposes: tuple[Purpose, ...]
    note: str
    note_ja: str

    def name(self, lang: str) -> str:
        return self.name_ja if lang == "ja" else self.name_en

    @property
    def staff_name(self) -> str:
        """The name in the current staff language, for messages."""
        return self.name(current_language())

    @property
    def staff_note(self) -> str:
        """The note on the legal basis, in the current staff language."""
        return self.note_ja if current_language() == "ja" else self.note

    def purpose(self, purpose_id: str) -> Purpose:
        for p in self.purposes:
            if p.id == purpose_id:
                return p
        raise UserError(N_("{purpose} is not a purpose of a referral to {recipient}. Choose one of: {choices}"),
                        purpose=purpose_id, recipient=self.staff_name, choices=", ".join(p.id for p in self.purposes))

    def shows(self, key: str) -> bool:
        """Whether a packet for this recipient prints ``key`` (directly or inside another field)."""
        return key in self.fields or any(key in IMPLIES.get(f, ()) for f in self.fields)


@dataclass(frozen=True)
class Table:
    recipients: tuple[Recipient, ...]
    exceptions: dict[str, ExceptionKind]
    work_dimensions: frozenset[int]
    work_concepts: frozenset[str]
    question_fields: dict[str, str]  # question id -> the person field its answer tells


class RecipientsFileError(UserError):
    """recipients.toml cannot be used; names the file, the recipient and the field."""


def _bad(path: Path, rid: str, fld: str, problem: str) -> RecipientsFileError:
    return RecipientsFileError(N_("{file}: recipient {id}, field {field}: {problem}"),
                               file=path.name, id=rid or "?", field=fld, problem=problem)


def _text(raw: dict, key: str, path: Path, rid: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _bad(path, rid, key, "a text is required")
    return value.strip()


def _purpose(raw: dict, path: Path, rid: str) -> Purpose:
    keys = ("id", "ja", "en", "her", "her_ja", "request_ja")
    unknown = set(raw) - set(keys)
    if unknown:
        raise _bad(path, rid, "purpose", "unknown keys " + ", ".join(sorted(unknown)))
    return Purpose(*(_text(raw, k, path, rid) for k in keys))


def _fields(raw: dict, path: Path, rid: str) -> tuple[str, ...]:
    fields = raw.get("fields")
    if not isinstance(fields, list) or not fields:
        raise _bad(path, rid, "fields", "a non-empty list of field keys is required")
    for key in fields:
        if key not in FIELD_KEYS:
            raise _bad(path, rid, "fields", f"unknown field key {key!r}")
    if len(set(fields)) != len(fields):
        raise _bad(path, rid, "fields", "a field key is listed twice")
    for key in fields:
        if set(IMPLIES.get(key, ())) & set(fields):
            raise _bad(path, rid, "fields", f"{key} already includes {', '.join(IMPLIES[key])}")
    return tuple(fields)


def _recipient(raw: dict, path: Path) -> Recipient:
    rid = str(raw.get("id", ""))
    exceptions = raw.get("exceptions", [])
    if not isinstance(exceptions, list) or any(k not in EXCEPTION_KINDS for k in exceptions):
        raise _bad(path, rid, "exceptions", "only " + ", ".join(EXCEPTION_KINDS))
    purposes = tuple(_purpose(p, path, rid) for p in raw.get("purpose", []))
    if not purposes or len({p.id for p in purposes}) != len(purposes):
        raise _bad(path, rid, "purpose", "at least one purpose, each with its own id")
    if not isinstance(raw.get("under_18_only"), bool):
        raise _bad(path, rid, "under_18_only", "true or false is required")
    texts = [_text(raw, k, path, rid) for k in ("id", "name_ja", "name_en", "her_name", "her_name_ja", "step")]
    return Recipient(*texts, raw["under_18_only"], tuple(exceptions), _fields(raw, path, rid), purposes,
                     _text(raw, "note", path, rid), _text(raw, "note_ja", path, rid))


def _exception_kinds(doc: dict, path: Path) -> dict[str, ExceptionKind]:
    table = doc.get("exception", {})
    out = {}
    for kind in EXCEPTION_KINDS:
        raw = table.get(kind)
        if not isinstance(raw, dict):
            raise _bad(path, kind, "exception", "the legal basis of this exception is missing")
        out[kind] = ExceptionKind(kind, *(_text(raw, k, path, kind) for k in ("ja", "en", "her", "her_ja")))
    return out


@lru_cache(maxsize=4)
def load_table(path: Path = RECIPIENTS_FILE) -> Table:
    """The checked table, or RecipientsFileError naming what is wrong."""
    path = Path(path)
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RecipientsFileError(N_("The recipients file {file} cannot be read ({reason})."),
                                  file=path.name, reason=str(exc)) from exc
    recipients = tuple(_recipient(r, path) for r in doc.get("recipient", []))
    if not recipients or len({r.id for r in recipients}) != len(recipients):
        raise _bad(path, "", "id", "at least one recipient, each with its own id")
    work = doc.get("work_indicators", {})
    question_fields = dict(doc.get("question_fields", {}))
    for qid, key in question_fields.items():
        if key not in PERSON_FIELDS:
            raise _bad(path, qid, "question_fields", f"unknown person field {key!r}")
    return Table(recipients, _exception_kinds(doc, path), frozenset(int(d) for d in work.get("dimensions", [])),
                 frozenset(work.get("concepts", [])), question_fields)


def all_recipients() -> tuple[Recipient, ...]:
    return load_table().recipients


def get(recipient_id: str) -> Recipient:
    """The recipient with this id, or a UserError listing the ids there are."""
    for r in all_recipients():
        if r.id == recipient_id:
            return r
    raise UserError(N_("{recipient} is not a referral recipient. Choose one of: {choices}"),
                    recipient=recipient_id, choices=", ".join(r.id for r in all_recipients()))


def exception_kind(kind: str) -> ExceptionKind:
    table = load_table().exceptions
    if kind not in table:
        raise UserError(N_("{kind} is not a legal exception. Choose one of: {choices}"),
                        kind=kind, choices=", ".join(EXCEPTION_KINDS))
    return table[kind]


def her_japanese() -> dict[str, str]:
    """Every English text of the table that her copy can print (names, purposes, reasons), with
    the Japanese printed beside it."""
    table = load_table()
    out = {r.her_name: r.her_name_ja for r in table.recipients}
    out |= {p.her: p.her_ja for r in table.recipients for p in r.purposes}
    out |= {e.her: e.her_ja for e in table.exceptions.values()}
    return out


def her_msgids() -> list[str]:
    return list(her_japanese())
