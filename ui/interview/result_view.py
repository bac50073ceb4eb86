"""The screening result for staff: classification, dimensions, indicators with the answers
behind them, the legal views and the recommended next steps, in the staff language.

Every word comes from the stored result (which carries English and Japanese), so an old result
reads as it was made. Her answers are shown with the question they answer; all text is escaped.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser

from app.i18n import _
from app.i18n.content import ctext

CLASS_COLOURS = {"likely": "#8a1c1c", "possible": "#8a5a00", "other": "#1f4e79", "none_yet": "#444444"}


class ResultView(QTextBrowser):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("screeningResult")
        self.setOpenLinks(False)

    def show_result(self, result, labels, lang: str, bank=None, catalog=None) -> None:
        self.setHtml(result_html(result, labels, lang, bank, catalog))


def _answer(ev, lang: str, bank) -> str:
    answer = ", ".join(map(str, ev.answer)) if isinstance(ev.answer, list) else str(ev.answer)
    question = ev.question
    if bank is not None and ev.question in bank.questions:
        q = bank.questions[ev.question]
        question = ctext(q.text, lang)
        labels = {c.value: ctext(c.text, lang) for c in q.choices}
        if isinstance(ev.answer, list):
            answer = ", ".join(labels.get(v, v) for v in ev.answer)
        else:
            answer = labels.get(answer, answer)
    return f"<span style='color:#555'>{escape(question)} → <b>{escape(answer)}</b></span>"


def _evidence(items, lang, bank) -> str:
    if not items:
        return ""
    rows = "".join(f"<li>{escape(ev.text.get(lang))}<br>{_answer(ev, lang, bank)}</li>" for ev in items)
    return f"<ul>{rows}</ul>"


def unverified_note(result, catalog, lang: str) -> str:
    """Honesty about the catalog: a list whose wording is not yet checked against the ILO
    brochure says so wherever it was used."""
    if catalog is None:
        return ""
    names = [lst.name.get(lang) for lst in result.lists
             if catalog.lists.get(lst.list_id) is not None and catalog.lists[lst.list_id].wording.startswith("unverified")]
    if not names:
        return ""
    text = _("The wording of these indicator lists has not yet been checked against the ILO/EC brochure: {lists}. "
             "Read the signs, not only the classification.").format(lists=", ".join(names))
    return f"<p style='background:#fdecea;padding:8px'>{escape(text)}</p>"


def result_html(result, labels, lang: str, bank=None, catalog=None) -> str:
    """The whole result as HTML (escaped); ``labels`` is the catalog's screening texts."""
    label = lambda key: escape(labels.label(key, lang))  # noqa: E731
    colour = CLASS_COLOURS.get(result.classification, "#444")
    out = [
        f"<p style='background:#fff6dd;padding:8px'>{escape(result.disclaimer.get(lang))}</p>",
        unverified_note(result, catalog, lang),
        f"<h2 style='color:{colour}'>{label('classification')}: {escape(result.classification_text.get(lang))}</h2>",
        f"<p>{escape(result.explanation.get(lang))}</p>",
        f"<h3>{label('reasons')}</h3><ul>",
    ]
    for reason in result.reasons + result.notes + result.other_harms:
        out.append(f"<li>{escape(reason.text.get(lang))}{_evidence(reason.evidence, lang, bank)}</li>")
    out.append("</ul>")
    for lst in result.lists:
        out.append(f"<h3>{label('dimensions')} — {escape(lst.name.get(lang))}</h3><table cellpadding='4'>")
        for dim in lst.dimensions:
            mark = "● " + label("positive") if dim.positive else "○ " + label("not_positive")
            out.append(f"<tr><td><b>{dim.number}. {escape(dim.name.get(lang))}</b></td><td>{mark}</td>"
                       f"<td style='color:#555'>{escape(dim.rule_text.get(lang))}</td></tr>")
            for hit in dim.indicators:
                out.append(f"<tr><td colspan='3' style='padding-left:24px'>[{label(hit.strength)}] "
                           f"{escape(hit.text.get(lang))}{_evidence(hit.evidence, lang, bank)}</td></tr>")
        out.append("</table>")
    out.append(f"<h3>{label('protocol')}</h3><ul>")
    for el in result.protocol + result.japan:
        out.append(f"<li>{escape(el.text.get(lang))}: <b>{label(el.status)}</b></li>")
    out.append(f"</ul><h3>{label('next_steps')}</h3><ol>")
    for step in result.next_steps:
        reasons = "".join(f"<li>{escape(r.text.get(lang))}{_evidence(r.evidence, lang, bank)}</li>" for r in step.reasons)
        out.append(f"<li><b>{escape(step.text.get(lang))}</b><ul>{reasons}</ul>"
                   f"<p style='color:#555'>{escape(step.note.get(lang))}</p></li>")
    out.append("</ol>")
    return "".join(out)
