"""A multi-script paragraph: wrapped to a width with our own breaks, drawn run by run.

``TextBlock`` lays out one paragraph (or several, split at ``\\n``) in one language and size:
ICU/kinsoku break segments are measured with shaped advances and packed greedily; a line is then
re-split into script runs so each font draws its own part. A line is never split further, so an
unbroken Thai word can never be cut across a page or a frame (reportlab loses its marks then).
``ParagraphFlowable`` puts a block into platypus stories; it splits only between lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus.flowables import Flowable

from app.printing.breaking import NO_END, NO_START, SPACES, graphemes, line_segments
from app.printing.fonts import FontRegistry, default_registry
from app.printing.scripts import main_key
from app.printing.text import Piece, pieces, strip_hints, text_width
from app.text import normalize_lines

MIN_LEADING = 1.45  # line height at least this many times the size (CJK fonts declare ~1.0)
BOX_LEADING = 1.08  # and this much above the tallest font's own line box


@dataclass
class Line:
    """One laid-out line: its text and the pieces that draw it."""

    text: str
    pieces: list[Piece]
    width: float
    ascent: float
    height: float


@dataclass
class TextBlock:
    """A wrapped paragraph in one language and size; ``wrap`` it, then ``draw`` it."""

    text: str
    lang: str
    size: float
    align: str = "left"
    color: object = None
    registry: FontRegistry | None = None
    lines: list[Line] = field(default_factory=list, init=False)
    width: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        self.text = normalize_lines(self.text)
        self.registry = self.registry or default_registry()

    @property
    def height(self) -> float:
        return sum(line.height for line in self.lines)

    def wrap(self, width: float) -> tuple[float, float]:
        """Lay the text out in ``width`` points; returns (widest line, total height)."""
        self.width = width
        self.lines = []
        for para in self.text.split("\n"):
            for text in self._break(para, width):
                self.lines.append(self._line(text))
        return max((ln.width for ln in self.lines), default=0.0), self.height

    def _measure(self, text: str) -> float:
        return text_width(text, self.lang, self.size, self.registry)

    def _break(self, para: str, width: float) -> list[str]:
        """Greedy fill: as many segments per line as fit; trailing spaces hang in the margin.

        Each segment is measured once, alone: shaping never reaches across a break opportunity.
        """
        lines: list[str] = []
        current, used = "", 0.0
        for seg in line_segments(para, self.lang):
            body = seg.rstrip(SPACES)
            body_w = self._measure(body)
            seg_w = body_w if seg == body else self._measure(seg)
            if current and used + body_w <= width:
                current, used = current + seg, used + seg_w
                continue
            if current:
                lines.append(current)
            current, used = seg, seg_w
            if body_w > width:  # one word wider than a line
                *full, current = self._split_long(seg, width)
                lines += full
                used = self._measure(current)
        lines.append(current)
        return [strip_hints(line).rstrip(SPACES) for line in lines]

    def _split_long(self, text: str, width: float) -> list[str]:
        """Last resort for a word wider than the line: break between grapheme clusters,
        still never before a closing mark or after an opening one (kinsoku) when avoidable."""
        out: list[str] = []
        current: list[str] = []
        for g in graphemes(text, self.lang):
            if current and self._measure("".join(current + [g]).rstrip(SPACES)) > width:
                cut = _kinsoku_cut(current + [g])
                out.append("".join((current + [g])[:cut]))
                current = (current + [g])[cut:]
            else:
                current.append(g)
        return out + ["".join(current)]

    def _line(self, text: str) -> Line:
        ps = pieces(text, self.lang, self.size, self.registry)
        if ps:
            asc, desc = max(p.ascent for p in ps), max(p.descent for p in ps)
        else:  # an empty line keeps the height of the language's own font
            font = self.registry.loaded(main_key(self.lang))
            asc, desc = font.ascent * self.size / 1000, -font.descent * self.size / 1000
        height = max((asc + desc) * BOX_LEADING, self.size * MIN_LEADING)
        return Line(text, ps, sum(p.width for p in ps), asc + (height - asc - desc) / 2, height)

    def draw(self, canvas, x: float, top: float) -> float:
        """Draw at ``x`` with the first line's top at ``top``; returns the y below the block."""
        y = top
        for line in self.lines:
            draw_line(canvas, line, self._line_x(x, line), y - line.ascent, self.color)
            y -= line.height
        return y

    def _line_x(self, x: float, line: Line) -> float:
        if self.align == "center":
            return x + (self.width - line.width) / 2
        if self.align == "right":
            return x + self.width - line.width
        return x


class RiseSafeTextObject(PDFTextObject):
    """reportlab's text object with ``setRise`` fixed.

    reportlab 5.1 merges two consecutive ``Ts`` operators but then forgets the new rise, so
    after two marks with different vertical offsets in a row (Khmer ក្នុ: a subscript, then a
    vowel below it) every following glyph stays lowered: ក្នុងការហៅទូ printed with ងការហៅទ
    sunk below the line. This keeps the PDF and its own bookkeeping in step.
    """

    def setRise(self, rise: float) -> None:
        op = f"{fp_str(rise)} Ts"
        if self._code and self._code[-1].endswith(" Ts"):
            self._y += self._rise  # undo the operator being replaced
            self._code[-1] = op
        else:
            self._code.append(op)
        self._rise = rise
        self._y -= rise


def draw_line(canvas, line: Line, x: float, baseline: float, color=None) -> None:
    """Draw each piece of ``line`` with its own font, left to right from ``x``."""
    for piece in line.pieces:
        text = RiseSafeTextObject(canvas, x, baseline)
        if color is not None:
            text.setFillColor(color)
        text.setFont(piece.font.name, piece.size)
        text.textOut(piece.drawn)
        canvas.drawText(text)
        x += piece.width


class ParagraphFlowable(Flowable):
    """A ``TextBlock`` as a platypus flowable that splits only between whole lines."""

    def __init__(self, block: TextBlock, lines: list[Line] | None = None) -> None:
        super().__init__()
        self.block = block
        self._fixed = lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._fixed is None:
            self.block.wrap(avail_width)
        else:
            self.block.width, self.block.lines = avail_width, self._fixed
        self.width, self.height = avail_width, self.block.height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        used, n = 0.0, 0
        for line in self.block.lines:
            if used + line.height > avail_height:
                break
            used, n = used + line.height, n + 1
        if n == 0 or n == len(self.block.lines):
            return []
        lines = self.block.lines
        return [ParagraphFlowable(_copy(self.block), lines[:n]), ParagraphFlowable(_copy(self.block), lines[n:])]

    def draw(self) -> None:
        self.block.draw(self.canv, 0, self.height)


def _kinsoku_cut(gs: list[str]) -> int:
    """Where to cut graphemes ``gs`` (the last one did not fit): as late as kinsoku allows."""
    cut = len(gs) - 1
    while cut > 1 and (gs[cut][0] in NO_START or gs[cut - 1][-1] in NO_END):
        cut -= 1
    return cut


def _copy(block: TextBlock) -> TextBlock:
    return TextBlock(block.text, block.lang, block.size, block.align, block.color, block.registry)
