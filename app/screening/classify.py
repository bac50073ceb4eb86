"""Classification: likely, possible, other or none_yet, with the rules that led there.

- ``likely``: a list's combination is met (adults: the ILO/EC combination; children: an act and
  exploitation, no means needed).
- ``possible``: a dimension of means (1, 2, 3, 5, 6) is positive; or a strong means indicator is
  present with the rest missing; or exploitative conditions are positive together with a sign of
  means; or she is a child with signs of exploitation; or signs of selling or abduction that may
  fall under Japan's Art. 2 (vii)(a).
- ``other``: none of that, but exploitative conditions without means (a labour rights matter) or
  other harm (domestic violence, sexual violence, child abuse). Other harm found alongside
  trafficking signs is still reported (``harms``), but never the "labour rights" reading, which
  would contradict them.
- ``none_yet``: nothing of the above (isolated signs are still named).

Each step returns rule ids with the sign ids that support them; the engine adds the words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.screening.catalog import Catalog
from app.screening.rules import EXPLOITATION, MEANS, ListScore

JAPAN_A_SIGNS = frozenset({"ILO-2-ABDUCTION", "ACT-SOLD", "JP-BROKERED-MARRIAGE"})


@dataclass
class Verdict:
    """The classification and, in order, each rule that supports it with its signs."""

    classification: str
    reasons: list[tuple[str, set[str]]] = field(default_factory=list)
    harms: list[tuple[str, set[str]]] = field(default_factory=list)


def _concepts(indicators) -> set[str]:
    return {i.concept for i in indicators}


def _met(scores: list[ListScore], catalog: Catalog, signs: set[str]) -> list[tuple[str, set]]:
    """One reason per rule met (the adult or child rule), merging the lists that meet it."""
    merged: dict[str, set[str]] = {}
    for s in scores:
        if s.combination_met:
            numbers = [n for n, d in s.dimensions.items() if d.positive]
            support = _concepts(s.signs_in(numbers)) | (catalog.signs_of_kind("act") & signs)
            merged.setdefault(s.rule, set()).update(support)
    return list(merged.items())


def _possible(scores: list[ListScore], signs: set[str], child: bool) -> list[tuple[str, set]]:
    out = []
    positive = {c for s in scores for c in _concepts(s.signs_in(s.positive(MEANS)))}
    if positive:
        out.append(("possible-dimension", positive))
    strong = {i.concept for s in scores for i in s.signs_in(MEANS) if i.strength == "strong"}
    if strong and not positive:
        out.append(("possible-strong", strong))
    mixed = [s for s in scores if s.dimensions[EXPLOITATION].positive and s.signs_in(MEANS)]
    if mixed:
        out.append(("possible-exploitation-means",
                    {c for s in mixed for c in _concepts(s.signs_in((EXPLOITATION, *MEANS)))}))
    if child:
        exploitation = {c for s in scores for c in _concepts(s.signs_in((EXPLOITATION,)))}
        exploitation |= signs & {"TYPE-SEXUAL"}
        if exploitation:
            out.append(("possible-child", exploitation))
    if signs & JAPAN_A_SIGNS:
        out.append(("possible-japan", set(signs & JAPAN_A_SIGNS)))
    return out


def harms(catalog: Catalog, scores: list[ListScore], signs: set[str]) -> list[tuple[str, set]]:
    """Exploitation or harm that is not, by itself, a sign of trafficking."""
    out = []
    labour = {c for s in scores for c in _concepts(s.signs_in((EXPLOITATION,)))}
    labour |= signs & {"HARM-LABOUR-RIGHTS"}
    if labour:
        out.append(("other-labour", labour))
    other = (catalog.signs_of_kind("harm") - {"HARM-LABOUR-RIGHTS"}) & signs
    if other:
        out.append(("other-harm", other))
    return out


def classify(catalog: Catalog, scores: list[ListScore], signs: set[str],
             child: bool | None) -> Verdict:
    """Classify from the list scores; see the module docstring for the order of the rules."""
    found_harms = harms(catalog, scores, signs)
    besides = [h for h in found_harms if h[0] != "other-labour"]
    met = _met(scores, catalog, signs)
    if met:
        return Verdict("likely", met, besides)
    possible = _possible(scores, signs, bool(child))
    if possible:
        return Verdict("possible", possible, besides)
    if found_harms:
        return Verdict("other", list(found_harms), [])
    isolated = {i.concept for s in scores for d in s.dimensions.values() for i in d.counted}
    reasons = [("none-isolated", isolated)] if isolated else []
    return Verdict("none_yet", reasons, [])
