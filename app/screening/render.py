"""A screening result as plain text for staff, in Japanese or English.

Every word comes from the result itself (which carries both languages), so an old result prints
as it was made, whatever the current catalog says. Labels come from the catalog's screening
texts; only the layout is here.
"""

from __future__ import annotations

from app.screening.result import Evidence, Reason, ScreeningResult
from app.screening.texts import Texts


class _Out:
    """Collects indented lines in one language."""

    def __init__(self, texts: Texts, lang: str) -> None:
        self.texts, self.lang, self.lines = texts, lang, []

    def label(self, key: str) -> str:
        return self.texts.label(key, self.lang)

    def add(self, text: str, indent: int = 0) -> None:
        self.lines.append("  " * indent + text)

    def evidence(self, items: tuple[Evidence, ...], indent: int) -> None:
        for ev in items:
            answer = ", ".join(ev.answer) if isinstance(ev.answer, list) else ev.answer
            source = self.label("from_answer").format(question=ev.question, answer=answer)
            self.add(f"· {ev.text.get(self.lang)} ({source})", indent)

    def reasons(self, items: tuple[Reason, ...], indent: int) -> None:
        for reason in items:
            self.add(f"- {reason.text.get(self.lang)}", indent)
            self.evidence(reason.evidence, indent + 2)


def render_text(result: ScreeningResult, texts: Texts, lang: str = "en") -> str:
    """The whole result: classification, reasons, dimensions, legal views, next steps."""
    out = _Out(texts, lang)
    out.add(f"{out.label('classification')}: {result.classification_text.get(lang)}")
    out.add(result.explanation.get(lang), 1)
    age = result.age if result.age is not None else out.label("age_unknown")
    out.add(f"{out.label('age')}: {age}")
    out.add(f"{out.label('reasons')}:")
    out.reasons(result.reasons + result.notes, 1)
    if result.other_harms:
        out.add(f"{out.label('other')}:")
        out.reasons(result.other_harms, 1)
    _dimensions(out, result)
    _elements(out, result)
    _next_steps(out, result)
    _versions(out, result)
    out.add("")
    out.add(result.disclaimer.get(lang))
    return "\n".join(out.lines) + "\n"


def _dimensions(out: _Out, result: ScreeningResult) -> None:
    for lst in result.lists:
        out.add(f"{out.label('dimensions')} ({out.label('list')}: {lst.name.get(out.lang)}):")
        for dim in lst.dimensions:
            state = out.label("positive" if dim.positive else "not_positive")
            out.add(f"{dim.number}. {dim.name.get(out.lang)}: {state} "
                    f"({dim.rule_text.get(out.lang)})", 1)
            for hit in dim.indicators:
                out.add(f"[{out.label(hit.strength)}] {hit.text.get(out.lang)} ({hit.id})", 2)
                out.evidence(hit.evidence, 3)
        mark = out.label("positive" if lst.combination_met else "not_positive")
        out.add(f"=> {lst.rule_text.get(out.lang)}: {mark}", 1)


def _elements(out: _Out, result: ScreeningResult) -> None:
    out.add(f"{out.label('protocol')}:")
    for el in result.protocol:
        out.add(f"- {el.text.get(out.lang)}: {out.label(el.status)}", 1)
        out.evidence(el.evidence, 3)
    if result.japan:
        out.add(f"{out.label('japan')}:")
        for el in result.japan:
            out.add(f"- {el.text.get(out.lang)}: {out.label(el.status)}", 1)
            out.evidence(el.evidence, 3)


def _next_steps(out: _Out, result: ScreeningResult) -> None:
    out.add(f"{out.label('next_steps')}:")
    for step in result.next_steps:
        out.add(f"- {step.text.get(out.lang)}", 1)
        out.reasons(step.reasons, 2)
        out.add(step.note.get(out.lang), 3)


def _versions(out: _Out, result: ScreeningResult) -> None:
    parts = [f"{k} {v}" for k, v in sorted(result.catalog_versions.items())]
    parts += [f"{k} {v}" for k, v in sorted(result.bank_versions.items())]
    out.add(f"{out.label('versions')}: {', '.join(parts)}")
