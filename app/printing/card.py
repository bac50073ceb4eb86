"""The wallet card: 91 x 55 mm, front and back, the most important numbers in large type.

91 x 55 mm is the Japanese business-card size (名刺): it fits a wallet, a card holder or a
phone case, looks like any business card, and offices can print it on the perforated A4
business-card sheets sold everywhere in Japan. The front has the neutral title and the first
three card lines of the directory; the back the next three, her first right and a note for a
Japanese helper. Long translations (Burmese lines are tall) shrink the type to fit; below a
legible size the card is refused rather than clipped.
"""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.units import mm

from app.contacts.directory import Directory
from app.contacts.model import Contact
from app.errors import UserError
from app.i18n import N_
from app.printing import leaflet_text as lt
from app.printing.pdfdoc import (
    GREY,
    Column,
    SideBySide,
    block,
    hrule,
    new_canvas,
    stack,
)

CARD = (91 * mm, 55 * mm)
MARGIN = 3.5 * mm
FRONT_ROWS = 3
BACK_ROWS = 3
MIN_SCALE = 0.6  # of the sizes below: 14 pt numbers stay over 8 pt, 7 pt text over 4.2 pt


def build_card(lang: str, directory: Directory, today: date) -> bytes:
    """Two card-sized pages (front, back) as PDF bytes."""
    entries = directory.for_card()
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, CARD, lt.text("title", "en").her)
    for side in (_front, _back):
        rows = side(lang, entries, today)
        _draw_fitted(canvas, rows)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_fitted(canvas, make) -> None:
    """Lay out at full size, then smaller, until the side fits the card."""
    width, height = CARD[0] - 2 * MARGIN, CARD[1] - 2 * MARGIN
    scale = 1.0
    while scale >= MIN_SCALE:
        columns = make(width, scale)
        total = sum(c.height for c in columns)
        if total <= height:
            y = CARD[1] - MARGIN - (height - total) / 2
            for i, col in enumerate(columns):
                col.draw(canvas, MARGIN, y)
                y -= col.height
                if 0 < i < len(columns) - 1:
                    hrule(canvas, MARGIN, y + 0.8 * mm, width)
            return
        scale -= 0.05
    raise UserError(N_("The card text is too long to fit a card in this language; print the A4 leaflet instead."))


def _front(lang: str, entries: tuple[Contact, ...], today: date):
    title = lt.text("title", lang)
    bi = lang != "ja"

    def make(width: float, s: float) -> list[Column]:
        head = stack((block(title.her, lang, 10 * s, width, "center"), 0.5),
                     (block(title.ja, "ja", 6.5 * s, width, "center", GREY) if bi else None, 2))
        return [head] + [_row(e, lang, width, s) for e in entries[:FRONT_ROWS]]
    return make


def _back(lang: str, entries: tuple[Contact, ...], today: date):
    more, helper = lt.text("card_more", lang), lt.text("helper", lang)
    first_right = lt.rights(lang)[0]
    bi = lang != "ja"

    def make(width: float, s: float) -> list[Column]:
        rest = entries[FRONT_ROWS:FRONT_ROWS + BACK_ROWS]
        head = stack((block(more.her, lang, 7 * s, width), 0),
                     (block(more.ja, "ja", 5.5 * s, width, color=GREY) if bi else None, 1))
        notes = stack((block(first_right.her, lang, 6 * s, width), 1),
                      (block(first_right.ja, "ja", 5.5 * s, width, color=GREY) if bi else None, 1),
                      (block(helper.ja, "ja", 5.5 * s, width, color=GREY), 0))
        return ([head] if rest else []) + [_row(e, lang, width, s) for e in rest] + [notes]
    return make


def _row(entry: Contact, lang: str, width: float, s: float) -> Column:
    """Name on the left (her language, then Japanese), the number large on the right."""
    name = lt.contact_name(entry, lang)
    num_w = 36 * mm
    left_w = width - num_w - 2 * mm
    marks = [lt.text(k, lang).her for k, on in (("free_call", entry.free_call),) if on]
    left = stack((block(name.her, lang, 7 * s, left_w), 0.3),
                 (block(name.ja, "ja", 5.5 * s, left_w, color=GREY) if lang != "ja" else None, 0))
    right = stack((block(entry.number, "en", 14 * s, num_w, "right"), 0),
                  (block(" ".join(marks), lang, 5.5 * s, num_w, "right") if marks else None, 0))
    return SideBySide(left, right, left_w + 2 * mm, pad=0.8 * mm)
