"""Screen: from observed signs and her age to a ScreeningResult with every reason spelled out.

``screen()`` is the one entry point. It picks the lists (age group; labour and/or sexual), scores
them (rules.py), classifies (classify.py), adds the legal views (legal.py) and next steps
(next_steps.py), and writes every reason in English and Japanese with the answers behind it.
"does not want to say" and "not sure" are never counted as a sign, even if a caller passes one.
"""

from __future__ import annotations

from functools import lru_cache

from app.errors import UserError
from app.i18n import N_
from app.screening.catalog import Catalog, load_catalog
from app.screening.classify import classify
from app.screening.legal import ElementFinding, japan_view, protocol_view
from app.screening.next_steps import recommend
from app.screening.result import (
    NON_ANSWERS,
    DimensionOutcome,
    Element,
    Evidence,
    IndicatorHit,
    ListOutcome,
    NextStep,
    Observation,
    Reason,
    ScreeningResult,
)
from app.screening.rules import ListScore, lists_for, score_list
from app.screening.texts import Text


class UnknownSign(UserError):
    """An observation names a sign the catalog does not have (a bank/catalog mismatch)."""


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    return load_catalog()


class _Writer:
    """Turns sign ids and rule ids into words and evidence, for one screening."""

    def __init__(self, catalog: Catalog, observations: list[Observation]) -> None:
        self.catalog = catalog
        self.observations = observations

    def evidence(self, signs) -> tuple[Evidence, ...]:
        wanted = set(signs)
        return tuple(Evidence(o.sign, o.question, o.answer, self.sign_text(o.sign))
                     for o in self.observations if o.sign in wanted)

    def sign_text(self, sign: str) -> Text:
        found = self.catalog.signs[sign]
        return Text(found.text, found.text_ja)

    def reason(self, rule: str, signs=()) -> Reason:
        return Reason(rule, self.catalog.texts.rules[rule], self.evidence(signs))

    def list_outcome(self, score: ListScore) -> ListOutcome:
        lst = self.catalog.lists[score.list_id]
        dims = []
        for number, dim in score.dimensions.items():
            meta = self.catalog.dimensions[number]
            hits = tuple(IndicatorHit(i.id, i.concept, i.strength, Text(i.text, i.text_ja),
                                      self.evidence([i.concept])) for i in dim.counted)
            dims.append(DimensionOutcome(number, Text(meta.text, meta.text_ja), dim.positive,
                                         dim.rule, self.catalog.texts.rules[dim.rule], hits))
        return ListOutcome(score.list_id, Text(lst.text, lst.text_ja), score.child, score.act,
                           score.combination_met, score.rule,
                           self.catalog.texts.rules[score.rule], tuple(dims))

    def element(self, finding: ElementFinding, table: dict) -> Element:
        return Element(finding.id, finding.status, table[finding.id],
                       self.evidence(finding.signs))


def _countable(observations, catalog: Catalog) -> list[Observation]:
    kept = []
    for obs in observations:
        if obs.sign not in catalog.signs:
            raise UnknownSign(N_("unknown sign {sign} (from question {question})"),
                              sign=obs.sign, question=obs.question)
        if isinstance(obs.answer, str) and obs.answer in NON_ANSWERS:
            continue
        kept.append(obs)
    return kept


def _child(age: int | None, under_18: bool | None) -> bool | None:
    if under_18 is not None:
        return under_18
    return None if age is None else age < 18


def screen(observations, age: int | None = None, under_18: bool | None = None,
           catalog: Catalog | None = None, bank_versions: dict | None = None) -> ScreeningResult:
    """Screen the observed signs; ``under_18`` overrides ``age`` when she gave no number."""
    catalog = catalog or default_catalog()
    obs = _countable(observations, catalog)
    signs = {o.sign for o in obs}
    child = _child(age, under_18)
    scores = [score_list(catalog, lid, signs) for lid in lists_for(catalog, bool(child), signs)]
    verdict = classify(catalog, scores, signs, child)
    w = _Writer(catalog, obs)
    protocol, protocol_met = protocol_view(catalog, scores, signs, bool(child))
    japan = japan_view(scores, signs, bool(child), "FACT-FOREIGN" in signs)
    steps = recommend(catalog, verdict.classification, child, signs)
    text, explain = catalog.texts.classifications[verdict.classification]
    return ScreeningResult(
        classification=verdict.classification, classification_text=text, explanation=explain,
        disclaimer=catalog.texts.labels["disclaimer"],
        reasons=tuple(w.reason(rule, s) for rule, s in verdict.reasons),
        notes=tuple(_notes(w, child, signs)),
        other_harms=tuple(w.reason(rule, s) for rule, s in verdict.harms),
        lists=tuple(w.list_outcome(s) for s in scores),
        protocol=tuple(w.element(f, catalog.texts.protocol) for f in protocol),
        protocol_met=protocol_met,
        japan=tuple(w.element(f, catalog.texts.japan) for f in japan),
        next_steps=tuple(_step(w, f) for f in steps),
        age=age, under_18=child, observations=tuple(obs),
        catalog_versions=dict(catalog.versions), bank_versions=dict(bank_versions or {}),
    )


def _notes(w: _Writer, child: bool | None, signs: set[str]) -> list[Reason]:
    notes = []
    if child is None:
        notes.append(w.reason("age-unknown"))
    if not signs & {"TYPE-LABOUR", "TYPE-SEXUAL"}:
        notes.append(w.reason("type-unknown"))
    return notes


def _step(w: _Writer, finding) -> NextStep:
    reasons = tuple(Reason(f"step:{finding.step.id}", trig.reason, w.evidence(support))
                    for trig, support in finding.fired)
    return NextStep(finding.step.id, finding.step.text, finding.step.note, reasons)
