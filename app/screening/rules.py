"""The ILO/EC rules: score each dimension, then combine dimensions (adults) or apply the child rule.

Dimension rule (ILO/EC brochure): a dimension is positive when its observed indicators include
at least two strong; or one strong and one medium or weak; or three medium; or two medium and one
weak. Indicators of one group (a Japan refinement and the ILO concept it refines) count once, at
the stronger strength, so one fact asked twice never makes a dimension positive by itself.

Adults: (1 deceptive OR 2 coercive OR 3 abuse-of-vulnerability recruitment) AND 4 exploitative
conditions AND (5 coercion OR 6 abuse of vulnerability at destination).
Children: an act (recruitment, transportation, transfer, harbouring, receipt) AND 4 exploitation;
no means needed (Trafficking Protocol Art. 3(c)). An act is an ACT-* sign, or any indicator of a
recruitment dimension (1-3), since deception or coercion at recruitment implies a recruitment.

All functions are pure: observations in, results with their rule trace out.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.screening.catalog import Catalog, Indicator

RECRUITMENT = (1, 2, 3)
EXPLOITATION = 4
DESTINATION = (5, 6)
MEANS = (1, 2, 3, 5, 6)
RANK = {"strong": 3, "medium": 2, "weak": 1}


@dataclass(frozen=True)
class DimensionScore:
    """One dimension on one list: the indicators that counted and the rule that decided it."""

    dimension: int
    positive: bool
    rule: str
    counted: tuple[Indicator, ...]

    @property
    def has_strong(self) -> bool:
        return any(i.strength == "strong" for i in self.counted)


@dataclass(frozen=True)
class ListScore:
    """All six dimensions on one list, and whether the list's combination rule is met."""

    list_id: str
    child: bool
    dimensions: dict[int, DimensionScore]
    act: bool
    combination_met: bool
    rule: str

    def positive(self, numbers) -> list[int]:
        return [n for n in numbers if self.dimensions[n].positive]

    def signs_in(self, numbers) -> list[Indicator]:
        return [i for n in numbers for i in self.dimensions[n].counted]


def dimension_rule(strengths: list[str]) -> str:
    """The id of the rule that makes a dimension positive, or ``dim-none``."""
    s, m, w = (strengths.count(k) for k in ("strong", "medium", "weak"))
    if s >= 2:
        return "dim-two-strong"
    if s >= 1 and m + w >= 1:
        return "dim-strong-plus"
    if m >= 3:
        return "dim-three-medium"
    if m >= 2 and w >= 1:
        return "dim-two-medium-weak"
    return "dim-none"


def counted_indicators(catalog: Catalog, list_id: str, signs: set[str]) -> list[Indicator]:
    """The list's indicators among ``signs``, one per group (the strongest)."""
    best: dict[str, Indicator] = {}
    for sign in sorted(signs):
        ind = catalog.on_list(list_id, sign)
        if ind is None:
            continue
        held = best.get(ind.group)
        if held is None or RANK[ind.strength] > RANK[held.strength]:
            best[ind.group] = ind
    return sorted(best.values(), key=lambda i: (i.dimension, -RANK[i.strength], i.id))


def score_dimensions(catalog: Catalog, list_id: str, signs: set[str]) -> dict[int, DimensionScore]:
    counted = counted_indicators(catalog, list_id, signs)
    scores = {}
    for number in sorted(catalog.dimensions):
        mine = tuple(i for i in counted if i.dimension == number)
        rule = dimension_rule([i.strength for i in mine])
        scores[number] = DimensionScore(number, rule != "dim-none", rule, mine)
    return scores


def has_act(catalog: Catalog, signs: set[str], dims: dict[int, DimensionScore]) -> bool:
    acts = catalog.signs_of_kind("act") & signs
    return bool(acts) or any(dims[n].counted for n in RECRUITMENT)


def score_list(catalog: Catalog, list_id: str, signs: set[str]) -> ListScore:
    """Score one list and apply its combination rule (adult or child, from the list)."""
    child = catalog.lists[list_id].age_group == "child"
    dims = score_dimensions(catalog, list_id, signs)
    act = has_act(catalog, signs, dims)
    if child:
        met = act and dims[EXPLOITATION].positive
        return ListScore(list_id, True, dims, act, met, "child")
    met = (any(dims[n].positive for n in RECRUITMENT) and dims[EXPLOITATION].positive
           and any(dims[n].positive for n in DESTINATION))
    return ListScore(list_id, False, dims, act, met, "ilo-adult")


def lists_for(catalog: Catalog, child: bool, signs: set[str]) -> list[str]:
    """The lists to read: the age group's, for the kind(s) of exploitation signalled (or both)."""
    group = "child" if child else "adult"
    kinds = {k for k, s in (("labour", "TYPE-LABOUR"), ("sexual", "TYPE-SEXUAL")) if s in signs}
    wanted = kinds or {"labour", "sexual"}
    return [lst.id for lst in catalog.lists.values()
            if lst.age_group == group and lst.exploitation in wanted]
