"""The legal views: the Protocol's act, means and purpose, and Japan's Art. 2 (vii).

Protocol (Art. 3): the act is present when an ACT-* sign was observed, and has signs when only a
recruitment-phase indicator implies it; the means are present when a means dimension (1, 2, 3, 5,
6) is positive, with signs when any means indicator was observed, and are not needed for a child
(Art. 3(c)); the purpose is present when exploitative conditions (dimension 4) are positive, with
signs when any dimension-4 indicator (or, for a child, sexual exploitation) was observed.

Immigration Control and Refugee Recognition Act, Art. 2 (vii): (a) signs of kidnapping, buying or
selling; for a child, (b) control for profit or indecency and (c) transfer into such control. For
a foreign national, signs of being under another's control (dimension 5) matter for Art. 50(1)(iii)
and Art. 24. These are signs that *may* fall under an item, never a finding that they do.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.screening.catalog import Catalog
from app.screening.classify import JAPAN_A_SIGNS
from app.screening.rules import EXPLOITATION, MEANS, RECRUITMENT, ListScore

CONTROL_EXTRA = frozenset({"ILO-3-CONTROL", "ILO-6-DEPENDENCY"})


@dataclass(frozen=True)
class ElementFinding:
    """An element's status and the signs behind it (the engine adds words and answers)."""

    id: str
    status: str
    signs: frozenset[str] = frozenset()


def _concepts(scores: list[ListScore], numbers) -> set[str]:
    return {i.concept for s in scores for i in s.signs_in(numbers)}


def _positive(scores: list[ListScore], numbers) -> set[str]:
    return {i.concept for s in scores for n in s.positive(numbers)
            for i in s.dimensions[n].counted}


def _status(present: set[str], signs: set[str]) -> str:
    return "present" if present else ("signs" if signs else "not_seen")


def protocol_view(catalog: Catalog, scores: list[ListScore], signs: set[str],
                  child: bool) -> tuple[list[ElementFinding], bool]:
    """Act, means and purpose, and whether the Protocol's definition has signs of every element."""
    acts = catalog.signs_of_kind("act") & signs
    act_signs = _concepts(scores, RECRUITMENT)
    act = ElementFinding("act", _status(acts, act_signs), frozenset(acts or act_signs))
    means_pos, means_all = _positive(scores, MEANS), _concepts(scores, MEANS)
    status = "not_needed" if child else _status(means_pos, means_all)
    means = ElementFinding("means", status, frozenset(means_pos or means_all))
    purpose_pos = _positive(scores, (EXPLOITATION,))
    purpose_all = _concepts(scores, (EXPLOITATION,)) | (signs & {"TYPE-SEXUAL"} if child else set())
    purpose = ElementFinding("purpose", _status(purpose_pos, purpose_all),
                             frozenset(purpose_pos or purpose_all))
    act_ok = act.status in ("present", "signs")
    met = act_ok and purpose.status == "present" and (child or means.status == "present")
    return [act, means, purpose], met


def japan_view(scores: list[ListScore], signs: set[str], child: bool,
               foreign: bool) -> list[ElementFinding]:
    """The items of Art. 2 (vii) that apply to her, and the 'under control' signs if foreign."""
    control = _concepts(scores, (5,)) | (signs & CONTROL_EXTRA)
    purpose = _concepts(scores, (EXPLOITATION,)) | (signs & {"TYPE-SEXUAL"})
    found = [ElementFinding("a", "signs" if signs & JAPAN_A_SIGNS else "not_seen",
                            frozenset(signs & JAPAN_A_SIGNS))]
    if child:
        b = control and purpose
        found.append(ElementFinding("b", "signs" if b else "not_seen",
                                    frozenset(control | purpose) if b else frozenset()))
        c = b and "ACT-TRANSFER" in signs
        found.append(ElementFinding("c", "signs" if c else "not_seen",
                                    frozenset(control | {"ACT-TRANSFER"}) if c else frozenset()))
    if foreign:
        strong = {i.concept for s in scores for i in s.signs_in((5,)) if i.strength == "strong"}
        held = _positive(scores, (5,)) | strong
        found.append(ElementFinding("control", "signs" if held else "not_seen", frozenset(held)))
    return found
