"""Answer types and the check of one answer against its question.

Types: ``yes_no`` (yes / no / not sure), ``single`` and ``multi`` (choices), ``number``, ``date``
(YYYY, YYYY-MM or YYYY-MM-DD: people often know only the year they came), ``text`` (short).
Every question also accepts ``"declined"`` (does not want to say) and ``"not_sure"``; neither is
ever counted as a sign. Answers are stored JSON-safe: strings, numbers, or a list of strings.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from app.errors import UserError
from app.i18n import N_
from app.screening.result import DECLINED, NON_ANSWERS, NOT_SURE

TYPES = ("yes_no", "single", "multi", "number", "date", "text")
YES_NO = ("yes", "no", NOT_SURE, DECLINED)
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DEFAULT_TEXT_LENGTH = 200

__all__ = ["AnswerError", "DECLINED", "NOT_SURE", "NON_ANSWERS", "TYPES", "check_answer"]


class AnswerError(UserError):
    """An answer of the wrong type or out of range; the message names the question."""


def _error(question, msgid: str, **params) -> AnswerError:
    return AnswerError(msgid, question=question.id, **params)


def check_answer(question, value: Any) -> Any:
    """The answer as stored (normalised), or AnswerError if it does not fit the question."""
    if isinstance(value, str) and value in NON_ANSWERS:
        return value
    checker = _CHECKERS[question.type]
    return checker(question, value)


def _yes_no(question, value):
    if value in YES_NO:
        return value
    raise _error(question, N_("question '{question}': answer yes, no, not_sure or declined "
                              "(got {value!r})"), value=value)


def _single(question, value):
    if isinstance(value, str) and value in question.choice_values():
        return value
    raise _error(question, N_("question '{question}': {value!r} is not one of its choices"),
                 value=value)


def _multi(question, value):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise _error(question,
                     N_("question '{question}': expected a list of choices (got {value!r})"),
                     value=value)
    allowed = question.choice_values()
    for item in value:
        if item not in allowed:
            raise _error(question,
                         N_("question '{question}': {value!r} is not one of its choices"),
                         value=item)
    return sorted(set(value), key=list(allowed).index)


def _number(question, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _error(question, N_("question '{question}': expected a number (got {value!r})"),
                     value=value)
    if question.minimum is not None and value < question.minimum or \
            question.maximum is not None and value > question.maximum:
        raise _error(question, N_("question '{question}': {value} is outside {low} to {high}"),
                     value=value, low=question.minimum, high=question.maximum)
    return int(value) if float(value).is_integer() else value


def _date(question, value):
    if isinstance(value, str) and DATE_RE.match(value):
        parts = [int(p) for p in value.split("-")] + [1, 1]
        try:
            date(parts[0], parts[1], parts[2])
            return value
        except ValueError:
            pass
    raise _error(question, N_("question '{question}': expected a date as YYYY-MM-DD, YYYY-MM "
                              "or YYYY (got {value!r})"), value=value)


def _text(question, value):
    if not isinstance(value, str):
        raise _error(question, N_("question '{question}': expected text (got {value!r})"),
                     value=value)
    value = value.strip()
    limit = question.max_length or DEFAULT_TEXT_LENGTH
    if not value or len(value) > limit:
        raise _error(question, N_("question '{question}': text must be 1 to {limit} characters"),
                     limit=limit)
    return value


_CHECKERS = {"yes_no": _yes_no, "single": _single, "multi": _multi, "number": _number,
             "date": _date, "text": _text}
