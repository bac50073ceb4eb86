"""The question bank: sections of questions read from resources/questions/*.toml.

Each file is one section. Its header table::

    [section]
    id = "control"            # unique
    version = "2025.1"        # recorded in every screening result
    order = 60                # sections run in this order
    title = "Control"
    open_if = { ... }         # optional condition (see conditions.py); no open_if = always open

Each ``[[question]]``::

    id, text (plain English, second person), help (for staff: why we ask, how to ask gently),
    type = yes_no | single | multi | number | date | text,
    choices = [ { value = "...", text = "...", signals = ["SIGN", ...] }, ... ]  (single, multi)
    min, max (number), max_length (text),
    show_if = COND                   asked only when COND holds, else passed over
    signals = { yes = ["SIGN"], no = [...] }          (yes_no)
    [[question.signal_if]]  if = COND, signs = [...]  (any type; q defaults to this question)
    [[question.next]]       if = COND, goto = TARGET   (first that holds wins; no ``if``
                                                        means always, and ends the list)

TARGET is a question id, ``section:<id>`` or ``@end:<reason>``. Without a matching ``next`` the
flow goes to the following question, then to the next section. "declined" and "not_sure" are
always accepted and never signal. See validate.py for the checks made on load.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import resources
from app.i18n import N_
from app.interview import conditions
from app.interview.answers import TYPES
from app.screening.issues import IssueLog

QUESTIONS_DIR = resources.path("questions")
QUESTION_KEYS = {"id", "text", "help", "type", "choices", "min", "max", "max_length",
                 "show_if", "signals", "signal_if", "next"}


@dataclass(frozen=True)
class Choice:
    """One choice of a single- or multiple-choice question and the signs it gives."""

    value: str
    text: str
    signals: tuple[str, ...] = ()


@dataclass(frozen=True)
class SignalRule:
    """Signs given when a condition on the answer holds (for numbers, dates, combinations)."""

    condition: Any
    signs: tuple[str, ...]


@dataclass(frozen=True)
class Goto:
    """A next-rule: when the condition holds (always, if it has none), go to the target."""

    condition: Any
    target: str

    def applies(self, ctx) -> bool:
        return self.condition is None or self.condition.holds(ctx)


@dataclass(frozen=True)
class Question:
    """One question: what to ask, how to check the answer, when to ask, what it signals."""

    id: str
    section: str
    file: str
    text: str
    help: str
    type: str
    choices: tuple[Choice, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    show_if: Any = None
    signals: dict = field(default_factory=dict)
    signal_if: tuple[SignalRule, ...] = ()
    next: tuple[Goto, ...] = ()

    def choice_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)


@dataclass(frozen=True)
class Section:
    """A group of questions, opened when its condition holds (the short screen opens others)."""

    id: str
    file: str
    version: str
    order: int
    title: str
    questions: tuple[str, ...]
    open_if: Any = None


@dataclass
class Bank:
    """All sections in order, every question by id, and each file's version."""

    sections: list[Section]
    questions: dict[str, Question]
    source: str = ""

    @property
    def versions(self) -> dict[str, str]:
        return {s.id: s.version for s in self.sections}

    def order(self) -> list[str]:
        """Question ids in flow order (sections by ``order``, questions by position)."""
        return [q for s in self.sections for q in s.questions]


class _Reader:
    """Reads one file into a Section and its Questions, logging each problem found."""

    def __init__(self, name: str, log: IssueLog) -> None:
        self.name, self.log = name, log

    def issue(self, item: str, field_name: str, msgid: str, kind: str = "question", **p) -> None:
        self.log.add(self.name, kind, item, field_name, msgid, **p)

    def condition(self, item: str, field_name: str, raw: Any, default_q: str | None = None):
        try:
            return conditions.parse(raw, default_q)
        except conditions.ConditionError as exc:
            where = field_name + exc.path
            self.issue(item, where, exc.msgid, **exc.params)
            return None

    def section(self, doc: dict) -> Section | None:
        head = doc.get("section")
        if not isinstance(head, dict) or not all(head.get(k) for k in ("id", "version", "title")):
            self.issue(self.name, "section", N_("the [section] header needs id, version and "
                                                "title"), kind="file")
            return None
        open_if = None
        if "open_if" in head:
            open_if = self.condition(head["id"], "open_if", head["open_if"])
        ids = tuple(str(q.get("id", "?")) for q in doc.get("question", []))
        return Section(head["id"], self.name, str(head["version"]), int(head.get("order", 0)),
                       head["title"], ids, open_if)

    def question(self, raw: dict, section: str) -> Question | None:
        qid = str(raw.get("id", "?"))
        for key in sorted(set(raw) - QUESTION_KEYS):
            self.issue(qid, key, N_("unknown field"))
        for key in ("id", "text", "help", "type"):
            if not isinstance(raw.get(key), str) or not raw.get(key).strip():
                self.issue(qid, key, N_("this field is required"))
                return None
        if raw["type"] not in TYPES:
            self.issue(qid, "type", N_("unknown type '{value}'"), value=raw["type"])
            return None
        return Question(
            qid, section, self.name, raw["text"].strip(), raw["help"].strip(), raw["type"],
            self.choices(qid, raw), raw.get("min"), raw.get("max"), raw.get("max_length"),
            self.condition(qid, "show_if", raw["show_if"]) if "show_if" in raw else None,
            {k: tuple(v) for k, v in raw.get("signals", {}).items()},
            self.signal_rules(qid, raw), self.gotos(qid, raw))

    def choices(self, qid: str, raw: dict) -> tuple[Choice, ...]:
        out = []
        for n, c in enumerate(raw.get("choices", [])):
            if not isinstance(c, dict) or not c.get("value") or not c.get("text"):
                self.issue(qid, f"choices[{n}]", N_("a choice needs value and text"))
                continue
            out.append(Choice(str(c["value"]), c["text"], tuple(c.get("signals", ()))))
        return tuple(out)

    def signal_rules(self, qid: str, raw: dict) -> tuple[SignalRule, ...]:
        out = []
        for n, rule in enumerate(raw.get("signal_if", [])):
            cond = self.condition(qid, f"signal_if[{n}].if", rule.get("if"), default_q=qid)
            if cond is not None:
                out.append(SignalRule(cond, tuple(rule.get("signs", ()))))
        return tuple(out)

    def gotos(self, qid: str, raw: dict) -> tuple[Goto, ...]:
        out = []
        for n, rule in enumerate(raw.get("next", [])):
            cond = None
            if "if" in rule:
                cond = self.condition(qid, f"next[{n}].if", rule["if"], default_q=qid)
                if cond is None:
                    continue
            target = rule.get("goto")
            if not isinstance(target, str) or not target:
                self.issue(qid, f"next[{n}].goto", N_("goto needs a target"))
            else:
                out.append(Goto(cond, target))
        return tuple(out)


def read_bank(directory: Path | str, log: IssueLog) -> Bank:
    """Parse every *.toml in ``directory`` (problems go to ``log``; nothing is checked across)."""
    directory = Path(directory)
    sections, questions = [], {}
    files = sorted(directory.glob("*.toml"))
    if not files:
        log.add(str(directory), "folder", str(directory), "-", N_("no question files found"))
    for path in files:
        reader = _Reader(path.name, log)
        try:
            doc = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            reader.issue(path.name, "-", N_("not valid TOML: {error}"), kind="file", error=exc)
            continue
        section = reader.section(doc)
        if section is None:
            continue
        sections.append(section)
        for raw in doc.get("question", []):
            _add_question(reader, raw, section, questions)
    sections.sort(key=lambda s: (s.order, s.file))
    return Bank(sections, questions, str(directory))


def _add_question(reader: _Reader, raw: dict, section: Section, questions: dict) -> None:
    qid = str(raw.get("id", "?"))
    if qid in questions:
        reader.issue(qid, "id", N_("duplicate id (also in {other})"),
                     other=questions[qid].file)
        return
    question = reader.question(raw, section.id)
    if question is not None:
        questions[qid] = question
