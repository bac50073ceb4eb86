"""Checks made when the question bank is loaded; each problem names file, question and field.

- duplicate ids (questions across files, sections, choices within a question);
- unknown indicator or sign ids in ``signals``, choice signals and ``signal_if``; a signal on
  "declined" or "not sure" (those are never a sign);
- bad conditions: malformed (caught while parsing), a test on an unknown question, on the question
  itself (show_if), or on a question asked later; an operator that does not suit the question's
  type; a value the question cannot have;
- bad ``next`` targets; cycles (a ``next`` that leads back to an earlier step);
- unreachable questions (no path from the first section reaches them).
"""

from __future__ import annotations

from app.i18n import N_
from app.interview import conditions
from app.interview.answers import NON_ANSWERS, AnswerError, check_answer
from app.interview.bank import Bank, Question
from app.screening.catalog import Catalog
from app.screening.issues import IssueLog

END = "@end"


def check_bank(bank: Bank, catalog: Catalog, log: IssueLog) -> None:
    """Run every check, adding each problem to ``log``."""
    _check_sections(bank, log)
    position = {qid: n for n, qid in enumerate(bank.order())}
    for q in bank.questions.values():
        _check_shape(q, log)
        _check_signals(q, catalog, log)
        _check_conditions(q, bank, catalog, position, log)
        _check_targets(q, bank, log)
    for n, section in enumerate(bank.sections):
        if section.open_if is not None and section.questions:
            first = position.get(section.questions[0], 0)
            _check_condition(section.open_if, "open_if", section.id, section.file, None, first,
                             bank, catalog, position, log, kind="section")
    order = bank.order()
    if len(order) == len(set(order)):  # with duplicate ids the graph is ambiguous
        _check_graph(bank, log)


def _add(log: IssueLog, q: Question, field_name: str, msgid: str, **params) -> None:
    log.add(q.file, "question", q.id, field_name, msgid, **params)


def _check_sections(bank: Bank, log: IssueLog) -> None:
    seen: dict[str, str] = {}
    for s in bank.sections:
        if s.id in seen:
            log.add(s.file, "section", s.id, "id", N_("duplicate id (also in {other})"),
                    other=seen[s.id])
        seen[s.id] = s.file


def _check_shape(q: Question, log: IssueLog) -> None:
    has_choices = q.type in ("single", "multi")
    if has_choices and len(q.choices) < 2:
        _add(log, q, "choices", N_("a {type} question needs at least two choices"), type=q.type)
    if not has_choices and q.choices:
        _add(log, q, "choices", N_("only single and multi questions have choices"))
    values = [c.value for c in q.choices]
    for value in sorted({v for v in values if values.count(v) > 1}):
        _add(log, q, "choices", N_("duplicate choice '{value}'"), value=value)
    for value in sorted(set(values) & NON_ANSWERS):
        _add(log, q, "choices", N_("'{value}' is always allowed; do not list it"), value=value)
    if q.type == "number" and (q.minimum is None or q.maximum is None):
        _add(log, q, "min", N_("a number question needs min and max"))


def _check_signals(q: Question, catalog: Catalog, log: IssueLog) -> None:
    for key, signs in q.signals.items():
        if key in NON_ANSWERS:
            _add(log, q, f"signals.{key}", N_("'{value}' is never counted as a sign"), value=key)
        elif q.type != "yes_no" or key not in ("yes", "no"):
            _add(log, q, f"signals.{key}", N_("signals keys are yes or no (yes_no questions); "
                                              "give choices their own signals"))
        _check_sign_ids(q, f"signals.{key}", signs, catalog, log)
    for n, choice in enumerate(q.choices):
        _check_sign_ids(q, f"choices[{n}].signals", choice.signals, catalog, log)
    for n, rule in enumerate(q.signal_if):
        _check_sign_ids(q, f"signal_if[{n}].signs", rule.signs, catalog, log)
        for node in conditions.walk(rule.condition):
            if isinstance(node, conditions.Compare) and node.q == q.id and \
                    node.op in ("eq", "in") and set(_values(node)) & NON_ANSWERS:
                _add(log, q, f"signal_if[{n}].if", N_("'declined' and 'not_sure' are never "
                                                      "counted as a sign"))


def _values(node: conditions.Compare) -> list:
    return list(node.value) if node.op == "in" else [node.value]


def _check_sign_ids(q: Question, field_name: str, signs, catalog: Catalog, log) -> None:
    for sign in signs:
        if sign in catalog.signs:
            continue
        if sign in catalog.indicators:
            _add(log, q, field_name, N_("{id} is a list-specific id; signal the concept {concept}"
                                        " (the list follows from her age and work)"),
                 id=sign, concept=catalog.indicators[sign].concept)
        else:
            _add(log, q, field_name, N_("unknown indicator id {id}"), id=sign)


def _check_conditions(q, bank, catalog, position, log) -> None:
    me = position[q.id]
    if q.show_if is not None:
        _check_condition(q.show_if, "show_if", q.id, q.file, None, me, bank, catalog, position, log)
    for n, rule in enumerate(q.signal_if):
        _check_condition(rule.condition, f"signal_if[{n}].if", q.id, q.file, q.id, me, bank,
                         catalog, position, log)
    for n, rule in enumerate(q.next):
        if rule.condition is not None:
            _check_condition(rule.condition, f"next[{n}].if", q.id, q.file, q.id, me, bank,
                             catalog, position, log)


def _check_condition(cond, field_name, owner, file, self_ok, before, bank, catalog, position,
                     log: IssueLog, kind: str = "question") -> None:
    """Check every test in ``cond``: it must look at an earlier question (or ``self_ok``)."""
    for node in conditions.walk(cond):
        problem = _node_problem(node, self_ok, before, bank, catalog, position)
        if problem:
            msgid, params = problem
            log.add(file, kind, owner, field_name, msgid, **params)


def _node_problem(node, self_ok, before, bank, catalog, position):
    if isinstance(node, conditions.SignalAny):
        unknown = [s for s in node.signs if s not in catalog.signs]
        return (N_("unknown indicator id {id}"), {"id": unknown[0]}) if unknown else None
    if not isinstance(node, conditions.Compare):
        return None
    target = bank.questions.get(node.q)
    if target is None:
        return N_("refers to unknown question '{q}'"), {"q": node.q}
    if node.q != self_ok and position[node.q] >= before:
        word = N_("itself") if position[node.q] == before else N_("a later question")
        return N_("refers to '{q}', which is {where}: it cannot be answered yet"), \
            {"q": node.q, "where": word}
    return _op_problem(node, target)


def _op_problem(node: conditions.Compare, target: Question):
    if node.op in conditions.ORDER_OPS:
        ok = (target.type == "number" and isinstance(node.value, (int, float))
              and not isinstance(node.value, bool)) or \
             (target.type == "date" and isinstance(node.value, str))
        return None if ok else (N_("'{op}' needs a {type} value here, or a number or date "
                                   "question"), {"op": node.op, "type": target.type})
    if node.op == "has":
        if target.type != "multi" or node.value not in target.choice_values():
            return N_("'has' needs a choice of a multi question (got {value!r})"), \
                {"value": node.value}
        return None
    if node.op in ("eq", "ne", "in"):
        if target.type == "multi":
            return N_("use 'has' to test a multi question"), {}
        for value in _values(node):
            try:
                check_answer(target, value)
            except AnswerError:
                return N_("'{q}' can never be {value!r}"), {"q": target.id, "value": value}
    return None


def _check_targets(q: Question, bank: Bank, log: IssueLog) -> None:
    sections = {s.id for s in bank.sections}
    for n, rule in enumerate(q.next):
        t = rule.target
        ok = (t in bank.questions or t.startswith(END + ":") and len(t) > len(END) + 1
              or t.startswith("section:") and t[len("section:"):] in sections)
        if not ok:
            _add(log, q, f"next[{n}].goto", N_("unknown target '{target}'"), target=t)


def _check_graph(bank: Bank, log: IssueLog) -> None:
    from app.interview.graph import build_graph, find_back_edges, reachable

    graph, start = build_graph(bank)
    seen = reachable(graph, start)
    for qid, q in bank.questions.items():
        if f"Q:{qid}" not in seen:
            _add(log, q, "id", N_("unreachable: no path from the first section leads here"))
    for src, label, dst in find_back_edges(graph, start):
        q = bank.questions.get(src[2:])
        if q is not None:
            _add(log, q, label, N_("'{target}' leads back to an earlier step: this makes a "
                                   "cycle"), target=dst.split(":", 1)[1])
