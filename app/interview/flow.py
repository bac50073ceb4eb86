"""The flow engine: which question comes next, back, skip, pause and resume. Pure Python.

Like Electrum's wizard: the steps are named (question ids), the next-rules are data (section
``open_if``, question ``show_if`` and ``next``), and a back stack remembers the way taken.

The next question is a pure function of the bank and the answers: walk from the first section,
pass over sections that are not open and questions whose ``show_if`` does not hold, follow each
answered or skipped question's ``next`` rule (or go on to the following question), and stop at
the first question with neither an answer nor a skip. So a crash loses nothing: the store saves
``Session.to_dict()`` after each answer and ``Session.from_dict`` resumes at the same question.

``back`` pops the stack and shows that question again with its answer kept; answering it
continues from there. An answer left on a branch that is no longer taken stays stored but is not
used (``Flow.path`` and ``Flow.observations`` only see the answers on the way actually taken).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.errors import UserError
from app.i18n import N_
from app.interview.answers import check_answer
from app.interview.bank import Bank, Question
from app.interview.graph import END, default_next, section_entry, target_node
from app.interview.observe import (
    make_context,
    observations,
    question_signs,
    screen_answers,
)
from app.screening.catalog import Catalog

FORMAT = 1
STATUSES = ("active", "paused", "finished")


class FlowError(UserError):
    """An action that does not fit the interview's state (e.g. answering while paused)."""


@dataclass
class Session:
    """An interview as plain data: answers, skips, the back stack and the state."""

    bank_versions: dict
    answers: dict = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)
    revisit: str | None = None
    status: str = "active"
    end_reason: str | None = None

    def to_dict(self) -> dict:
        """JSON-safe: strings, numbers, lists and dicts only."""
        return {"format": FORMAT, "bank_versions": dict(self.bank_versions),
                "answers": dict(self.answers), "skipped": list(self.skipped),
                "history": list(self.history), "revisit": self.revisit,
                "status": self.status, "end_reason": self.end_reason}

    @classmethod
    def from_dict(cls, data: dict) -> "Session":
        try:
            ok = (data.get("format") == FORMAT and data.get("status") in STATUSES
                  and isinstance(data["answers"], dict))
            session = cls(dict(data["bank_versions"]), dict(data["answers"]),
                          list(data["skipped"]), list(data["history"]), data.get("revisit"),
                          data["status"], data.get("end_reason"))
        except (KeyError, TypeError, AttributeError):
            ok = False
        if not ok:
            raise FlowError(N_("the saved interview could not be read"))
        return session


@dataclass(frozen=True)
class Walk:
    """Where the answers lead: the questions passed, the current one, how it ended."""

    path: tuple[str, ...]
    current: str | None
    end_reason: str | None
    signs: frozenset[str]


class Flow:
    """Drives sessions over one bank; holds no per-interview state itself."""

    def __init__(self, bank: Bank, catalog: Catalog | None = None) -> None:
        if catalog is None:
            from app.screening.engine import default_catalog

            catalog = default_catalog()
        self.bank, self.catalog = bank, catalog
        self._section_index = {s.id: n for n, s in enumerate(bank.sections)}

    def start(self) -> Session:
        return Session(self.bank.versions)

    def outdated(self, session: Session) -> bool:
        """True when the session was started with another version of the bank."""
        return session.bank_versions != self.bank.versions

    # -- walking ---------------------------------------------------------------------------

    def walk(self, session: Session) -> Walk:
        node, path, signs, seen = section_entry(self.bank, 0), [], set(), {}
        for _ in range(10 * len(self.bank.questions) + 10 * len(self.bank.sections) + 10):
            if node.startswith(END):
                return Walk(tuple(path), None, node.partition(":")[2] or None, frozenset(signs))
            ctx = make_context(self.catalog, seen, signs)
            if node.startswith("S:"):
                node = self._enter(node[2:], ctx)
                continue
            q = self.bank.questions[node[2:]]
            if q.show_if is not None and not q.show_if.holds(ctx):
                node = default_next(self.bank, q.id)
            elif q.id in session.answers:
                path.append(q.id)
                value = session.answers[q.id]
                signs.update(question_signs(q, value, ctx))
                seen[q.id] = value
                node = self._after(q, make_context(self.catalog, seen, signs))
            elif q.id in session.skipped:
                path.append(q.id)
                node = default_next(self.bank, q.id)
            else:
                return Walk(tuple(path), q.id, None, frozenset(signs))
        raise RuntimeError("the question bank has a cycle")  # validate.py prevents this

    def _enter(self, section_id: str, ctx) -> str:
        n = self._section_index[section_id]
        section = self.bank.sections[n]
        if section.questions and (section.open_if is None or section.open_if.holds(ctx)):
            return f"Q:{section.questions[0]}"
        return section_entry(self.bank, n + 1)

    def _after(self, q: Question, ctx) -> str:
        for rule in q.next:
            if rule.applies(ctx):
                target = target_node(rule.target)
                return rule.target if target == END else target
        return default_next(self.bank, q.id)

    # -- the staff's actions ------------------------------------------------------------------

    def current(self, session: Session) -> Question | None:
        """The question to show now, or None when the interview has ended."""
        qid = session.revisit or self.walk(session).current
        return self.bank.questions[qid] if qid else None

    def answer(self, session: Session, qid: str, value) -> Question | None:
        """Record an answer to the current question; return the next question."""
        self._require_current(session, qid)
        session.answers[qid] = check_answer(self.bank.questions[qid], value)
        if qid in session.skipped:
            session.skipped.remove(qid)
        return self._advance(session, qid)

    def skip(self, session: Session) -> Question | None:
        """Leave the current question unanswered for now (not the same as "declined")."""
        q = self.current(session)
        if q is None:
            raise FlowError(N_("the interview has ended; there is nothing to skip"))
        self._require_current(session, q.id)
        session.answers.pop(q.id, None)
        if q.id not in session.skipped:
            session.skipped.append(q.id)
        return self._advance(session, q.id)

    def back(self, session: Session) -> Question | None:
        """Show the previous question again (its answer is kept until changed)."""
        if not session.history:
            return self.current(session)
        session.revisit = session.history.pop()
        if session.status == "finished":
            session.status, session.end_reason = "active", None
        return self.bank.questions.get(session.revisit)

    def pause(self, session: Session) -> None:
        if session.status == "active":
            session.status = "paused"

    def resume(self, session: Session) -> Question | None:
        if session.status == "paused":
            session.status = "active"
            self._update_status(session)
        return self.current(session)

    # -- results -------------------------------------------------------------------------------

    def path(self, session: Session) -> list[str]:
        return list(self.walk(session).path)

    def observations(self, session: Session):
        return observations(self.bank, self.catalog, session.answers, self.path(session))

    def screen(self, session: Session):
        return screen_answers(self.bank, session.answers, self.catalog, self.path(session))

    # -- helpers -------------------------------------------------------------------------------

    def _require_current(self, session: Session, qid: str) -> None:
        if session.status != "active":
            raise FlowError(N_("the interview is {status}; resume it first"),
                            status=session.status)
        current = self.current(session)
        if current is None or current.id != qid:
            raise FlowError(N_("'{question}' is not the current question"), question=qid)

    def _advance(self, session: Session, qid: str) -> Question | None:
        session.history.append(qid)
        session.revisit = None
        self._update_status(session)
        return self.current(session)

    def _update_status(self, session: Session) -> None:
        walk = self.walk(session)
        if walk.current is None and session.revisit is None:
            session.status, session.end_reason = "finished", walk.end_reason
