"""The leaflet the person keeps: consultation lines and her rights, in her language and Japanese.

It holds no case data and cannot be made from a case (security requirement R20): every function
here takes only a language, a format, the directory and a date, and nothing in the call chain
can reach the store. The title is neutral and the word "trafficking" appears nowhere, so the
paper is safe to carry. The A4 leaflet has the numbers on page 1 and the rights on page 2; the
wallet card is in card.py. Built in memory; ``save_pdf`` writes only where the user chose.
"""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from app.contacts.directory import Directory
from app.contacts.model import Contact
from app.errors import UserError
from app.i18n import N_, _
from app.i18n.content import ctext
from app.printing import leaflet_text as lt
from app.printing.pdfdoc import (
    GREY,
    Column,
    SideBySide,
    block,
    hrule,
    new_canvas,
    save_pdf,
    stack,
)

FORMATS = ("a4", "card")
MARGIN = 16 * mm
NUMBER_COL = 64 * mm
GAP = 6 * mm
SCALES = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75)  # never smaller: the smallest text stays >= 6 pt

__all__ = ["FORMATS", "build_leaflet", "build_a4", "leaflet_warnings", "save_pdf"]


def build_leaflet(lang: str, fmt: str, directory: Directory, today: date) -> bytes:
    """The PDF bytes of the leaflet in interview language ``lang`` and format a4 or card."""
    lt.check_language(lang)
    if fmt == "a4":
        return build_a4(lang, directory, today)
    if fmt == "card":
        from app.printing.card import build_card

        return build_card(lang, directory, today)
    raise UserError(N_("Unknown leaflet format {fmt}: use a4 or card."), fmt=fmt)


def leaflet_warnings(lang: str, directory: Directory, today: date) -> list[str]:
    """What staff should know before printing (in the staff language): old numbers, English text."""
    printed = {e.id: e for e in directory.for_leaflet() + directory.for_card()}.values()
    out = [_("{number} ({name}) was last checked on {date}, more than a year ago: check it before relying on it.")
           .format(number=e.number, name=e.name_en, date=e.last_checked.isoformat())
           for e in printed if e.stale(today)]
    missing = lt.untranslated(lang, tuple(printed))
    if missing:
        out.append(_("{count} texts are not translated into {lang} yet and will print in English.")
                   .format(count=len(missing), lang=lang))
    return out


def build_a4(lang: str, directory: Directory, today: date) -> bytes:
    """Two A4 pages: title and numbers; then rights, a note for a helper, and the check date."""
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, A4, lt.text("title", "en").her)
    width = A4[0] - 2 * MARGIN
    pages = [_fitted_front(lang, directory, width), _fitted_back(lang, directory, today, width)]
    flat = [col for page in pages for col in page]
    _draw_pages(canvas, flat, _page_breaks(pages))
    canvas.save()
    return buffer.getvalue()


def _fitted_front(lang: str, directory: Directory, width: float) -> list[tuple[Column, bool]]:
    """The front at the largest scale (down to 80 %) that keeps every number on page 1."""
    room = A4[1] - 2 * MARGIN - 8 * mm
    for scale in SCALES:
        front = _front(lang, directory, width, scale)
        if sum(col.height for col, _ruled in front) <= room:
            return front
    return front  # longer still: the rows flow on to a second page


def _fitted_back(lang: str, directory: Directory, today: date, width: float) -> list[tuple[Column, bool]]:
    """The rights page at the largest scale that keeps it on one page (tall scripts such as
    Burmese need more room for the same words)."""
    room = A4[1] - 2 * MARGIN - 8 * mm
    for scale in SCALES:
        back = _back(lang, directory, today, width, scale)
        if sum(col.height for col, _ruled in back) <= room:
            return back
    return back


def _draw_pages(canvas, columns: list[tuple[Column, bool]], breaks: set[int]) -> None:
    """Draw columns top to bottom, starting a page where asked or when one does not fit.

    Every column (a hotline row, one right) is far shorter than a page, so whole columns move.
    """
    top, bottom = A4[1] - MARGIN, MARGIN + 8 * mm
    y = top
    page = 1
    for i, (col, ruled) in enumerate(columns):
        if i in breaks or (y - col.height < bottom and y < top):
            _page_number(canvas, page)
            canvas.showPage()
            page, y = page + 1, top
        col.draw(canvas, MARGIN, y)
        y -= col.height
        if ruled:
            hrule(canvas, MARGIN, y + 1.2 * mm, A4[0] - 2 * MARGIN)
    _page_number(canvas, page)
    canvas.showPage()


def _page_breaks(pages: list[list]) -> set[int]:
    starts, n = set(), 0
    for page in pages[:-1]:
        n += len(page)
        starts.add(n)
    return starts


def _page_number(canvas, page: int) -> None:
    b = block(str(page), "en", 8, A4[0] - 2 * MARGIN, align="center", color=GREY)
    b.draw(canvas, MARGIN, MARGIN)


def _bi(lang: str) -> bool:
    return lang != "ja"


def _front(lang: str, directory: Directory, width: float, s: float) -> list[tuple[Column, bool]]:
    title, intro, heading = (lt.text(k, lang) for k in ("title", "intro", "numbers_heading"))
    bi = _bi(lang)
    head = stack(
        (block(title.her, lang, 22 * s, width, "center"), 2 if bi else 10),
        (block(title.ja, "ja", 13 * s, width, "center", GREY) if bi else None, 10 * s),
        (block(intro.her, lang, 11 * s, width), 2 if bi else 8),
        (block(intro.ja, "ja", 9 * s, width, color=GREY) if bi else None, 8 * s),
        (block(heading.her, lang, 13 * s, width), 0 if bi else 8),
        (block(heading.ja, "ja", 9 * s, width, color=GREY) if bi else None, 8),
    )
    rows = [(_row(e, lang, width, s), True) for e in directory.for_leaflet()]
    return [(head, True)] + rows


def _row(entry: Contact, lang: str, width: float, s: float) -> Column:
    """One line's row: the number large on the left, who it is and what for on the right."""
    bi = _bi(lang)
    name, purpose = lt.contact_name(entry, lang), lt.contact_purpose(entry, lang)
    right_w = width - NUMBER_COL - GAP
    right = stack(
        (block(name.her, lang, 12 * s, right_w), 0.5),
        (block(purpose.her, lang, 10 * s, right_w), 1.5),
        (block(name.ja, "ja", 8.5 * s, right_w, color=GREY) if bi else None, 0),
        (block(purpose.ja, "ja", 8 * s, right_w, color=GREY) if bi else None, 0),
        (_others(entry, lang, right_w, s), 0),
    )
    left = stack(
        (block(entry.number, "en", 21 * s, NUMBER_COL), 0.5),
        *[(b, 0) for b in _marks(entry, lang, NUMBER_COL, s)],
    )
    return SideBySide(left, right, NUMBER_COL + GAP, pad=2.5 * mm * s)


def _marks(entry: Contact, lang: str, width: float, s: float) -> list:
    """Hours, "Free call" and "Foreign languages" under the number, in her language and Japanese."""
    keys = [k for k, on in (("free_call", entry.free_call), ("foreign_languages", entry.foreign_languages)) if on]
    hours = lt.contact_hours(entry, lang)
    her = [hours.her] if hours.her else []
    ja = [hours.ja] if hours.ja else []
    her += [lt.text(k, lang).her for k in keys]
    ja += [lt.text(k, lang).ja for k in keys]
    out = [block(("・" if lang == "ja" else " · ").join(her), lang, 9.5 * s, width)] if her else []
    if _bi(lang) and ja:
        out.append(block("・".join(ja), "ja", 7.5 * s, width, color=GREY))
    return out


def _others(entry: Contact, lang: str, width: float, s: float):
    if not entry.other_numbers:
        return None
    label = (lambda n: n.label_ja) if lang == "ja" else (lambda n: ctext(n.label_en, lang))
    return block("   ".join(f"{label(n)} {n.number}" for n in entry.other_numbers), lang, 7.5 * s, width, color=GREY)


def _back(lang: str, directory: Directory, today: date, width: float, s: float = 1.0) -> list[tuple[Column, bool]]:
    bi = _bi(lang)
    heading = lt.text("rights_heading", lang)
    out = [(stack((block(heading.her, lang, 15 * s, width), 2 if bi else 8),
                  (block(heading.ja, "ja", 10 * s, width, color=GREY) if bi else None, 8 * s)), True)]
    half = (width - GAP) / 2
    for right in lt.rights(lang):
        if bi:
            col = SideBySide(stack((block(right.her, lang, 10.5 * s, half), 0)),
                              stack((block(right.ja, "ja", 9.5 * s, half), 0)), half + GAP, pad=3 * mm * s)
        else:
            col = stack((block(right.ja, "ja", 10.5 * s, width), 10 * s))
        out.append((col, True))
    out.append((_helper(lang, width, s), False))
    out.append((_checked(lang, directory, today, width, s), False))
    return out


def _helper(lang: str, width: float, s: float = 1.0) -> Column:
    heading, helper = lt.text("helper_heading", lang), lt.text("helper", lang)
    if not _bi(lang):
        return stack((None, 0), (block(helper.ja, "ja", 10.5 * s, width), 10 * s))
    return stack(
        (block(heading.her, lang, 12 * s, width), 2),
        (block(helper.her, lang, 10 * s, width), 6 * s),
        (block(heading.ja, "ja", 11 * s, width), 2),
        (block(helper.ja, "ja", 10 * s, width), 10 * s),
    )


def _checked(lang: str, directory: Directory, today: date, width: float, s: float = 1.0) -> Column:
    """When the printed numbers were checked, and a caution if any is more than a year old.

    ``today`` only decides whether the caution is printed; no print date goes on the paper.
    """
    printed = directory.for_leaflet()
    oldest = directory.oldest_check(printed)
    parts = [lt.text("checked", lang, date=oldest.isoformat())] if oldest else []
    if any(e.stale(today) for e in printed) or not oldest:
        parts.append(lt.text("may_change", lang))
    her = " ".join(p.her for p in parts)
    ja = "".join(p.ja for p in parts)
    return stack((block(her, lang, 8.5 * s, width, color=GREY), 1),
                 (block(ja, "ja", 8 * s, width, color=GREY) if _bi(lang) else None, 0))
