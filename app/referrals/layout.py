"""A4 documents for referrals: flowing multi-script text, a mark on every page, "x / y" numbers.

Built on the printing layer (``TextBlock`` for ICU line breaks, script runs and shaping;
``ParagraphFlowable`` to split only between whole lines, so a Thai word is never cut across a
page). Page furniture is drawn once the page count is known: the canvas keeps each finished
page and draws the marks and "x / y" at ``save``. Everything is built in memory; the canvas
starts in one of our fonts, so no non-embedded Helvetica is ever named (see pdfdoc.py).
"""

from __future__ import annotations

import contextlib
import io
from contextvars import ContextVar
from functools import partial
from typing import Callable

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Indenter, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import Flowable, HRFlowable

from app.errors import UserError
from app.printing.fonts import default_registry
from app.printing.paragraph import ParagraphFlowable, TextBlock
from app.printing.pdfdoc import GREY, INK, RULE, block
from app.printing.printable import printable

MARGIN = 18 * mm
TOP = 24 * mm  # room for the page mark above the text
BOTTOM = 18 * mm
WIDTH = A4[0] - 2 * MARGIN

Furniture = Callable[[Canvas, int, int], None]
_UNPRINTABLE: ContextVar[list | None] = ContextVar("unprintable", default=None)


@contextlib.contextmanager
def collecting_unprintable():
    """Collect the characters ``text`` replaced with 〓 while a document is laid out."""
    found: list[str] = []
    token = _UNPRINTABLE.set(found)
    try:
        yield found
    finally:
        _UNPRINTABLE.reset(token)


def _printable(value: str, lang: str) -> str:
    """Staff-typed text made printable (see app.printing.printable); what was replaced is collected."""
    fixed, lost = printable(value, lang)
    sink = _UNPRINTABLE.get()
    if sink is not None:
        sink.extend(ch for ch in lost if ch not in sink)
    return fixed


class _NumberedCanvas(Canvas):
    """Keeps each finished page until ``save``, then draws ``furniture(canvas, page, total)`` on it."""

    def __init__(self, *args, furniture: Furniture, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._finished: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._finished.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._finished)
        for number, state in enumerate(self._finished, 1):
            self.__dict__.update(state)
            self._furniture(self, number, total)
            Canvas.showPage(self)
        Canvas.save(self)


def build(story: list[Flowable], title: str, furniture: Furniture) -> bytes:
    """The PDF bytes of ``story`` on A4 with ``furniture`` on every page."""
    buffer = io.BytesIO()
    latin = default_registry().loaded("latin").name
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP, bottomMargin=BOTTOM,
        invariant=1, pageCompression=1, initialFontName=latin, initialFontSize=10,
        title=title, author="", creator="", subject="", keywords="",
    )
    try:
        doc.build(story, canvasmaker=partial(_NumberedCanvas, furniture=furniture))
    except UserError as exc:
        raise _original(exc) from None
    return buffer.getvalue()


def _original(exc: UserError) -> UserError:
    """The UserError a flowable raised (a missing font, say), not the copy reportlab makes of it
    with "raised by class KeepTogether…" glued on, which has lost its message parameters."""
    cause = exc
    while isinstance(cause.__context__, UserError):
        cause = cause.__context__
    return cause


def page_number(canvas: Canvas, page: int, total: int) -> None:
    """"x / y" centred at the foot of the page."""
    block(f"{page} / {total}", "en", 8.5, WIDTH, align="center", color=GREY).draw(canvas, MARGIN, BOTTOM - 7 * mm)


def stamp(canvas: Canvas, text: str, lang: str = "ja") -> None:
    """A boxed mark at the top right of the page (取扱注意)."""
    b = block(text, lang, 11, 40 * mm, align="center")
    width = max(line.width for line in b.lines) + 6 * mm
    x, top = A4[0] - MARGIN - width, A4[1] - 9 * mm
    b.width = width
    canvas.saveState()
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(1)
    canvas.rect(x, top - b.height - 2 * mm, width, b.height + 2 * mm, stroke=1, fill=0)
    canvas.restoreState()
    b.draw(canvas, x, top - 1 * mm)


def para(text: str, lang: str, size: float = 10, color=INK, keep: bool = False, align: str = "left",
         before: float = 0, after: float = 0) -> ParagraphFlowable:
    """A paragraph that flows and splits between lines; ``keep`` keeps it with what follows."""
    flow = ParagraphFlowable(TextBlock(_printable(text, lang), lang, size, align=align, color=color))
    flow.keepWithNext = keep
    flow.spaceBefore, flow.spaceAfter = before, after
    return flow


def indented(flowables: list[Flowable], left: float = 6 * mm) -> list[Flowable]:
    """``flowables`` with a left indent, wrapped lines included."""
    return [Indenter(left=left), *flowables, Indenter(left=-left)] if flowables else []


def gap(points: float) -> Spacer:
    return Spacer(1, points)


def rule() -> HRFlowable:
    return HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=2, spaceAfter=4)


class Columns(Flowable):
    """Two blocks side by side (a label and its value; her language and Japanese), kept whole."""

    def __init__(self, left: TextBlock, right: TextBlock, left_width: float | None = None,
                 gutter: float = 2 * mm) -> None:
        super().__init__()
        self.left, self.right = left, right
        self.left_width, self.gutter = left_width, gutter

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._split = self.left_width or (avail_width + self.gutter) / 2
        self.left.wrap(self._split - self.gutter)
        self.right.wrap(avail_width - self._split)
        self.width, self.height = avail_width, max(self.left.height, self.right.height) + 1.5
        return self.width, self.height

    def draw(self) -> None:
        self.left.draw(self.canv, 0, self.height)
        self.right.draw(self.canv, self._split, self.height)


def bullet(text: str, lang: str = "ja", size: float = 10, mark: str = "・") -> Columns:
    """A list item whose wrapped lines hang under the text, not under the mark."""
    return Columns(TextBlock(mark, lang, size), TextBlock(_printable(text, lang), lang, size),
                   left_width=size * 1.05, gutter=0)


def row(label: str, value: str, lang: str = "ja", label_width: float = 34 * mm, size: float = 10) -> Columns:
    """A grey label on the left and its value on the right."""
    return Columns(TextBlock(label, lang, size, color=GREY), TextBlock(_printable(value, lang), lang, size, color=INK),
                   label_width)
