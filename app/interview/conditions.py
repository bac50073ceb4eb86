"""Skip and branch conditions: a tiny declarative form written as TOML tables. No eval.

A condition is one TOML table of one of these shapes::

    { all = [ COND, ... ] }          every COND holds (an empty list holds)
    { any = [ COND, ... ] }          at least one COND holds
    { not = COND }                   COND does not hold
    { q = "ID", OP = VALUE }         a test of the answer to question ID, with exactly one OP:
        eq, ne        equal / not equal (ne is false while ID is unanswered)
        in            the answer is one of a list of values
        lt, lte, gt, gte   numeric (or ISO date) comparison; false for a non-answer
        has           a multiple-choice answer includes VALUE
        answered      true: ID has any answer (even "declined"); false: it has none
    { signal_any = [ "SIGN", ... ] } one of these signs was observed in the answers so far
    { dimension_any = [ 1, 5 ] }     some indicator of one of these ILO dimensions was observed

Example::

    show_if = { all = [ { q = "age", lt = 18 }, { q = "works", eq = "yes" } ] }

In ``signal_if`` and ``next`` rules ``q`` may be left out: it then means the question itself.
Conditions are parsed once, at load, into small frozen objects; a malformed one is reported with
the file, question and field by the bank loader. An unanswered question makes every test on it
false except ``answered = false`` and ``not``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.i18n import N_

COMPARE_OPS = ("eq", "ne", "in", "lt", "lte", "gt", "gte", "has", "answered")
ORDER_OPS = ("lt", "lte", "gt", "gte")


class ConditionError(ValueError):
    """A malformed condition: ``msgid`` and ``params`` say what, ``path`` says where inside it."""

    def __init__(self, msgid: str, path: str = "", **params: object) -> None:
        super().__init__(msgid.format(**params))
        self.msgid, self.path, self.params = msgid, path, params


@dataclass(frozen=True)
class Context:
    """What a condition can see: the answers so far and the signs they produced."""

    answers: dict
    signs: frozenset[str] = frozenset()
    dimensions: frozenset[int] = frozenset()


@dataclass(frozen=True)
class All:
    items: tuple

    def holds(self, ctx: Context) -> bool:
        return all(i.holds(ctx) for i in self.items)


@dataclass(frozen=True)
class AnyOf:
    items: tuple

    def holds(self, ctx: Context) -> bool:
        return any(i.holds(ctx) for i in self.items)


@dataclass(frozen=True)
class Not:
    item: Any

    def holds(self, ctx: Context) -> bool:
        return not self.item.holds(ctx)


@dataclass(frozen=True)
class SignalAny:
    signs: tuple[str, ...]

    def holds(self, ctx: Context) -> bool:
        return bool(ctx.signs & set(self.signs))


@dataclass(frozen=True)
class DimensionAny:
    dimensions: tuple[int, ...]

    def holds(self, ctx: Context) -> bool:
        return bool(ctx.dimensions & set(self.dimensions))


@dataclass(frozen=True)
class Compare:
    q: str
    op: str
    value: Any

    def holds(self, ctx: Context) -> bool:
        if self.op == "answered":
            return (self.q in ctx.answers) == bool(self.value)
        if self.q not in ctx.answers:
            return False
        return _compare(self.op, ctx.answers[self.q], self.value)


def _compare(op: str, answer: Any, value: Any) -> bool:
    if op == "eq":
        return answer == value
    if op == "ne":
        return answer != value
    if op == "in":
        return answer in value
    if op == "has":
        return isinstance(answer, list) and value in answer
    if isinstance(answer, bool) or type(answer) is not type(value):
        if not (_is_number(answer) and _is_number(value)):
            return False
    return {"lt": answer < value, "lte": answer <= value,
            "gt": answer > value, "gte": answer >= value}[op]


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def parse(raw: Any, default_q: str | None = None, path: str = "") -> Any:
    """Parse one condition table; raise ConditionError (with a path inside it) if malformed."""
    if not isinstance(raw, dict) or not raw:
        raise ConditionError(N_("a condition must be a non-empty table"), path)
    if "all" in raw or "any" in raw:
        return _parse_group(raw, default_q, path)
    if "not" in raw:
        _only(raw, {"not"}, path)
        return Not(parse(raw["not"], default_q, f"{path}.not"))
    if "signal_any" in raw:
        _only(raw, {"signal_any"}, path)
        return SignalAny(_str_list(raw["signal_any"], f"{path}.signal_any"))
    if "dimension_any" in raw:
        _only(raw, {"dimension_any"}, path)
        dims = raw["dimension_any"]
        if not isinstance(dims, list) or not all(d in range(1, 7) for d in dims):
            raise ConditionError(N_("dimension_any takes a list of numbers 1 to 6"), path)
        return DimensionAny(tuple(dims))
    return _parse_compare(raw, default_q, path)


def _parse_group(raw: dict, default_q: str | None, path: str) -> Any:
    key = "all" if "all" in raw else "any"
    _only(raw, {key}, path)
    items = raw[key]
    if not isinstance(items, list):
        raise ConditionError(N_("'{key}' takes a list of conditions"), path, key=key)
    parsed = tuple(parse(c, default_q, f"{path}.{key}[{n}]") for n, c in enumerate(items))
    return All(parsed) if key == "all" else AnyOf(parsed)


def _parse_compare(raw: dict, default_q: str | None, path: str) -> Compare:
    q = raw.get("q", default_q)
    if not isinstance(q, str) or not q:
        raise ConditionError(N_("a test needs q = \"question id\""), path)
    ops = [k for k in raw if k != "q"]
    unknown = [k for k in ops if k not in COMPARE_OPS]
    if unknown:
        raise ConditionError(N_("unknown operator '{op}'"), path, op=unknown[0])
    if len(ops) != 1:
        raise ConditionError(N_("a test needs exactly one operator, found {count}"), path,
                             count=len(ops))
    op, value = ops[0], raw[ops[0]]
    if op == "in" and not isinstance(value, list):
        raise ConditionError(N_("'in' takes a list of values"), path)
    if op == "answered" and not isinstance(value, bool):
        raise ConditionError(N_("'answered' takes true or false"), path)
    return Compare(q, op, value)


def _only(raw: dict, keys: set, path: str) -> None:
    extra = set(raw) - keys
    if extra:
        raise ConditionError(N_("unexpected key '{key}'"), path, key=sorted(extra)[0])


def _str_list(value: Any, path: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConditionError(N_("expected a list of ids"), path)
    return tuple(value)


def walk(cond: Any):
    """Every node of a parsed condition (for validation)."""
    yield cond
    if isinstance(cond, (All, AnyOf)):
        for item in cond.items:
            yield from walk(item)
    elif isinstance(cond, Not):
        yield from walk(cond.item)
