"""The screening result: a self-contained, JSON-safe record of what was found and why.

A result keeps its own words (English and Japanese) and the versions of the catalog and question
bank it was made with, so that a later change of the catalog never silently rewrites an old
result: ``from_dict(to_dict())`` gives back the same result, whatever the current catalog says,
and ``is_current`` tells the caller whether it was made with other versions.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from app.errors import UserError
from app.i18n import N_
from app.screening.texts import Text

FORMAT = 1
DECLINED = "declined"
NOT_SURE = "not_sure"
NON_ANSWERS = frozenset({DECLINED, NOT_SURE})


@dataclass(frozen=True)
class Observation:
    """A sign that one answer produced: the link from a reason back to her own words."""

    sign: str
    question: str
    answer: Any


@dataclass(frozen=True)
class Evidence:
    """An observation with the sign's words at the time, so the reason reads the same later."""

    sign: str
    question: str
    answer: Any
    text: Text


@dataclass(frozen=True)
class Reason:
    """One rule that fired, in both languages, with the answers that made it fire."""

    rule: str
    text: Text
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class IndicatorHit:
    """An indicator that counted in a dimension, on a given list, with its strength there."""

    id: str
    concept: str
    strength: str
    text: Text
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class DimensionOutcome:
    """One ILO/EC dimension: positive or not, and the rule that decided it."""

    number: int
    name: Text
    positive: bool
    rule: str
    rule_text: Text
    indicators: tuple[IndicatorHit, ...] = ()


@dataclass(frozen=True)
class ListOutcome:
    """One ILO/EC list read for her (by age and kind of exploitation) and its combination."""

    list_id: str
    name: Text
    child: bool
    act: bool
    combination_met: bool
    rule: str
    rule_text: Text
    dimensions: tuple[DimensionOutcome, ...] = ()


@dataclass(frozen=True)
class Element:
    """A legal element (Protocol act, means, purpose; an Immigration Act item) and its status."""

    id: str
    status: str
    text: Text
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class NextStep:
    """A recommended referral, with the reasons taken from her answers."""

    id: str
    text: Text
    note: Text
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class ScreeningResult:
    """Everything the screening found. It supports the staff's judgement; it is not a decision."""

    classification: str
    classification_text: Text
    explanation: Text
    disclaimer: Text
    reasons: tuple[Reason, ...] = ()
    notes: tuple[Reason, ...] = ()
    other_harms: tuple[Reason, ...] = ()
    lists: tuple[ListOutcome, ...] = ()
    protocol: tuple[Element, ...] = ()
    protocol_met: bool = False
    japan: tuple[Element, ...] = ()
    next_steps: tuple[NextStep, ...] = ()
    age: int | None = None
    under_18: bool | None = None
    observations: tuple[Observation, ...] = ()
    catalog_versions: dict = field(default_factory=dict)
    bank_versions: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """A plain, JSON-safe dict (lists, dicts, strings, numbers, booleans, None)."""
        data = _plain(self)
        data["format"] = FORMAT
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "ScreeningResult":
        data = dict(data)
        if data.pop("format", FORMAT) != FORMAT:
            raise UserError(N_("this screening result was saved by a newer version of Tsunagu"))
        try:
            return _build(cls, data)
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise UserError(N_("the saved screening result could not be read ({error})"),
                            error=type(exc).__name__) from exc

    def is_current(self, catalog_versions: dict, bank_versions: dict) -> bool:
        """True when made with exactly these catalog and bank versions."""
        return (self.catalog_versions == dict(catalog_versions)
                and self.bank_versions == dict(bank_versions))

    def next_step_ids(self) -> list[str]:
        return [s.id for s in self.next_steps]

    def other_kinds(self) -> list[str]:
        """Which other harm was found ("other-labour", "other-harm") and its signs, e.g. for
        ``other``: ["other-harm:HARM-DOMESTIC-VIOLENCE"]."""
        found = []
        for reason in self.reasons + self.other_harms:
            if reason.rule.startswith("other-"):
                found += [f"{reason.rule}:{e.sign}" for e in reason.evidence]
        return sorted(set(found))


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _build(cls: type, data: dict) -> Any:
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def _convert(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return None if value is None else _convert(inner[0], value)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_convert(item, v) for v in value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(hint, value)
    return value
