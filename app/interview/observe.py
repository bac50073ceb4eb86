"""From answers to observed signs, and from a whole set of answers to a screening result.

A sign comes from a yes/no answer (``signals``), a chosen choice (its ``signals``) or a
``signal_if`` rule. "declined" and "not_sure" never give a sign. Every observation keeps the
question id and the answer, so each reason in a result points back to her own answer.
"""

from __future__ import annotations

from app.interview.answers import NON_ANSWERS
from app.interview.bank import Bank, Question
from app.interview.conditions import Context
from app.screening.catalog import Catalog
from app.screening.result import Observation, ScreeningResult


def make_context(catalog: Catalog, answers: dict, signs: set[str]) -> Context:
    dims = {catalog.signs[s].dimension for s in signs if s in catalog.signs}
    return Context(dict(answers), frozenset(signs), frozenset(d for d in dims if d))


def question_signs(q: Question, value, ctx: Context) -> list[str]:
    """The signs one answer gives, in a stable order, without repeats."""
    if isinstance(value, str) and value in NON_ANSWERS:
        return []
    found: list[str] = []
    if q.type == "yes_no":
        found += q.signals.get(value, ())
    elif q.type in ("single", "multi"):
        chosen = value if isinstance(value, list) else [value]
        found += [s for c in q.choices if c.value in chosen for s in c.signals]
    answers = dict(ctx.answers, **{q.id: value})
    here = Context(answers, ctx.signs, ctx.dimensions)
    for rule in q.signal_if:
        if rule.condition.holds(here):
            found += rule.signs
    return list(dict.fromkeys(found))


def observations(bank: Bank, catalog: Catalog, answers: dict,
                 path: list[str] | None = None) -> list[Observation]:
    """Observations from ``answers`` (only those on ``path`` if given), in flow order."""
    order = path if path is not None else [q for q in bank.order() if q in answers]
    seen: dict = {}
    signs: set[str] = set()
    out: list[Observation] = []
    for qid in order:
        q = bank.questions.get(qid)
        if q is None or qid not in answers:
            continue
        ctx = make_context(catalog, seen, signs)
        for sign in question_signs(q, answers[qid], ctx):
            out.append(Observation(sign, qid, answers[qid]))
            signs.add(sign)
        seen[qid] = answers[qid]
    return out


def age_of(answers: dict) -> tuple[int | None, bool | None]:
    """Her age if she gave a number, else whether she said she is under 18 (or None)."""
    age = answers.get("age")
    if isinstance(age, (int, float)) and not isinstance(age, bool):
        return int(age), None
    under = answers.get("under_18")
    return None, {"yes": True, "no": False}.get(under)


def screen_answers(bank: Bank, answers: dict, catalog: Catalog | None = None,
                   path: list[str] | None = None) -> ScreeningResult:
    """Screen a set of answers (a finished interview, or an ANSWERS.json file)."""
    from app.screening.engine import default_catalog, screen

    catalog = catalog or default_catalog()
    obs = observations(bank, catalog, answers, path)
    age, under_18 = age_of(answers)
    return screen(obs, age=age, under_18=under_18, catalog=catalog, bank_versions=bank.versions)
