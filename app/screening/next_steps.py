"""Recommended next steps, from the triggers in screening.toml.

A step is recommended when any of its triggers holds; a trigger holds when every condition it
sets holds. The reason shown is the trigger's own words plus the answers behind the signs that
made it hold, so staff can see why each referral is suggested.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.screening.catalog import Catalog
from app.screening.texts import NextStepDef, Trigger


@dataclass(frozen=True)
class StepFinding:
    """A recommended step with, per trigger that held, the trigger and its supporting signs."""

    step: NextStepDef
    fired: tuple[tuple[Trigger, frozenset[str]], ...]


def trigger_holds(trigger: Trigger, catalog: Catalog, classification: str, child: bool | None,
                  signs: set[str]) -> frozenset[str] | None:
    """The signs that support the trigger, or None if it does not hold."""
    if trigger.classification and classification not in trigger.classification:
        return None
    if trigger.child is not None and bool(child) != trigger.child:
        return None
    support: set[str] = set()
    if trigger.signs_any:
        hit = signs & set(trigger.signs_any)
        if not hit:
            return None
        support |= hit
    if trigger.signs_all:
        if not set(trigger.signs_all) <= signs:
            return None
        support |= set(trigger.signs_all)
    if trigger.dimension_signs:
        hit = signs & catalog.concepts_in(trigger.dimension_signs)
        if not hit:
            return None
        support |= hit
    return frozenset(support)


def recommend(catalog: Catalog, classification: str, child: bool | None,
              signs: set[str]) -> list[StepFinding]:
    """Every step with at least one trigger that holds, in the order of the file."""
    found = []
    for step in catalog.texts.next_steps:
        fired = []
        for trigger in step.triggers:
            support = trigger_holds(trigger, catalog, classification, child, signs)
            if support is not None:
                fired.append((trigger, support))
        if fired:
            found.append(StepFinding(step, tuple(fired)))
    return found
