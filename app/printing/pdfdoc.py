"""An in-memory PDF canvas with only embedded fonts, and the helpers both leaflet formats use.

reportlab writes ``BT /F1 12 Tf`` for Helvetica (a non-embedded standard-14 font) at the top of
every page unless the initial font is one of ours, so it always is. ``invariant`` keeps the
creation date and document id fixed: no print date is hidden in the file, and the same inputs
give the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from app.fileio import atomic_write
from app.printing.fonts import default_registry
from app.printing.paragraph import TextBlock

INK = Color(0, 0, 0)
GREY = Color(0.32, 0.32, 0.32)
RULE = Color(0.7, 0.7, 0.7)


def new_canvas(buffer: io.BytesIO, pagesize: tuple[float, float], title: str) -> Canvas:
    """A canvas drawing into ``buffer`` whose every font is embedded."""
    latin = default_registry().loaded("latin").name
    canvas = Canvas(buffer, pagesize=pagesize, invariant=1, initialFontName=latin,
                    initialFontSize=10, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("")
    canvas.setCreator("")
    canvas.setSubject("")
    return canvas


def block(text: str, lang: str, size: float, width: float, align: str = "left", color=INK) -> TextBlock:
    """A wrapped multi-script paragraph, ready to draw."""
    b = TextBlock(text, lang, size, align=align, color=color)
    b.wrap(width)
    return b


@dataclass
class Column:
    """Blocks stacked top to bottom with gaps, measured before anything is drawn."""

    items: list[tuple[TextBlock, float]]

    @property
    def height(self) -> float:
        return sum(b.height + gap for b, gap in self.items)

    def draw(self, canvas: Canvas, x: float, top: float) -> float:
        y = top
        for b, gap in self.items:
            y = b.draw(canvas, x, y) - gap
        return y


class SideBySide(Column):
    """Two columns drawn side by side; as tall as the taller one, plus padding."""

    def __init__(self, left: Column, right: Column, offset: float, pad: float) -> None:
        super().__init__([])
        self.left, self.right, self.offset, self.pad = left, right, offset, pad

    @property
    def height(self) -> float:
        return max(self.left.height, self.right.height) + 2 * self.pad

    def draw(self, canvas, x: float, top: float) -> float:
        self.left.draw(canvas, x, top - self.pad)
        self.right.draw(canvas, x + self.offset, top - self.pad)
        return top - self.height


def stack(*parts: tuple[TextBlock | None, float]) -> Column:
    """A column of the given (block, gap after) pairs, skipping empty ones."""
    return Column([(b, gap) for b, gap in parts if b is not None and b.lines and b.text.strip()])


def hrule(canvas: Canvas, x: float, y: float, width: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(x, y, x + width, y)
    canvas.restoreState()


def save_pdf(data: bytes, path) -> None:
    """Write a finished PDF where the user chose, atomically and private (0600)."""
    atomic_write(path, data)
