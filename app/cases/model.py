"""The case and the person it is about, as plain dataclasses with validation.

Only what is needed for help is recorded. The real name is optional and hidden in lists unless
a member of staff switches names on (audited). Notes are for facts needed for help, not a
transcript: a verbatim record can be turned against the person's credibility.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import NewType

from app.cases import names, residence
from app.errors import UserError
from app.i18n import N_
from app.text import nfc

CaseId = NewType("CaseId", int)

CASE_STATUSES = ("open", "referred", "closed")
SEXES = ("", "female", "male", "intersex")
GENDERS = ("", "woman", "man", "non_binary", "other")
CONTACT_SAFE = ("unknown", "yes", "no")

ALIAS_MAX = 100
NAME_MAX = 200
SHORT_MAX = 500
NOTES_MAX = 20000

NOTES_REMINDER = N_(
    "Write only the facts needed to help her (what happened, what she needs, risks). "
    "Do not write a transcript of what she said: a word-for-word record can be used against her credibility."
)

STATUS_LABELS = {"open": N_("Open"), "referred": N_("Referred"), "closed": N_("Closed")}
SEX_LABELS = {"": N_("Not recorded"), "female": N_("Female"), "male": N_("Male"), "intersex": N_("Intersex")}
GENDER_LABELS = {
    "": N_("Not recorded"), "woman": N_("Woman"), "man": N_("Man"),
    "non_binary": N_("Non-binary"), "other": N_("Other"),
}
CONTACT_LABELS = {"unknown": N_("Not known yet"), "yes": N_("Safe to contact"), "no": N_("Not safe to contact")}


@dataclass(frozen=True)
class Person:
    """What the case records about her. Every text is NFC; codes are validated by ``checked``."""

    alias: str
    real_name: str = ""
    birth_date: date | None = None
    estimated_age: int | None = None
    sex: str = ""
    gender: str = ""
    nationality: str = ""
    languages: tuple[str, ...] = ()
    residence_status: str = "unknown"
    stay_expiry: date | None = None
    contact_safe: str = "unknown"
    contact_how: str = ""
    notes: str = ""

    def age(self, today: date | None = None) -> int | None:
        """Age from the date of birth if known, else the estimate."""
        if self.birth_date:
            today = today or date.today()
            years = today.year - self.birth_date.year
            if (today.month, today.day) < (self.birth_date.month, self.birth_date.day):
                years -= 1
            return years
        return self.estimated_age

    def is_child(self, today: date | None = None) -> bool | None:
        age = self.age(today)
        return None if age is None else age < 18

    def checked(self, today: date | None = None) -> "Person":
        """A normalised copy, or UserError naming the field that is wrong."""
        today = today or date.today()
        p = replace(
            self,
            alias=nfc(self.alias).strip(),
            real_name=nfc(self.real_name).strip(),
            contact_how=nfc(self.contact_how).strip(),
            notes=nfc(self.notes),
            nationality=(self.nationality or "").strip(),
            languages=tuple(dict.fromkeys(c.strip() for c in self.languages if c.strip())),
        )
        _check_text(p.alias, N_("Alias"), ALIAS_MAX, required=True)
        _check_text(p.real_name, N_("Real name"), NAME_MAX)
        _check_text(p.contact_how, N_("How to contact her safely"), SHORT_MAX)
        _check_text(p.notes, N_("Notes"), NOTES_MAX)
        if p.birth_date and p.birth_date > today:
            raise UserError(N_("The date of birth is in the future."))
        if p.estimated_age is not None and not 0 <= p.estimated_age <= 120:
            raise UserError(N_("The estimated age must be between 0 and 120."))
        _check_choice(p.sex, SEXES, N_("Sex"))
        _check_choice(p.gender, GENDERS, N_("Gender"))
        _check_choice(p.contact_safe, CONTACT_SAFE, N_("Safe to contact"))
        if p.nationality not in ("", names.STATELESS) and not names.is_country(p.nationality):
            raise UserError(N_("{code} is not a country code."), code=p.nationality)
        for code in p.languages:
            if not names.is_language(code):
                raise UserError(N_("{code} is not a language code."), code=code)
        try:
            residence.by_code(p.residence_status)
        except ValueError:
            raise UserError(N_("{code} is not a status of residence."), code=p.residence_status) from None
        return p


def _check_text(value: str, label: str, limit: int, required: bool = False) -> None:
    if required and not value:
        raise UserError(N_("{field} is required."), field=label)
    if len(value) > limit:
        raise UserError(N_("{field} is too long (at most {limit} characters)."), field=label, limit=limit)
    if "\x00" in value:
        raise UserError(N_("{field} contains a character that cannot be stored."), field=label)


def _check_choice(value: str, allowed: tuple[str, ...], label: str) -> None:
    if value not in allowed:
        raise UserError(N_("{field}: {value} is not one of the choices."), field=label, value=value)


@dataclass(frozen=True)
class Case:
    id: CaseId
    number: str
    status: str
    created_at: str
    created_by: int
    updated_at: str
    updated_by: int
    person: Person


@dataclass(frozen=True)
class CaseSummary:
    """One row of the case list. ``real_name`` is empty unless names were switched on."""

    id: CaseId
    number: str
    status: str
    alias: str
    nationality: str
    age: int | None
    residence_status: str
    updated_at: str
    real_name: str = field(default="")


def format_number(year: int, seq: int) -> str:
    """Case numbers read like 2026-0007: the year, then the order within the year."""
    return f"{year}-{seq:04d}"
