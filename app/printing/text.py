"""Normalise, shape and measure text runs for the PDF.

Every string is NFC-normalised first (a decomposed Vietnamese or Thai string must measure and
draw like a composed one). Thai, Lao, Khmer, Burmese and Devanagari runs go through HarfBuzz
(reportlab ``shapeStr``): without it tone marks float and Khmer subscripts collide. We shape
ourselves rather than pass ``shaping=1`` to ``drawString``: that flag is silently ignored unless
the optional rlbidi package is installed. Widths are the shaped advances.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from app.printing.breaking import HINTS
from app.printing.fontdata import SHAPED_SCRIPTS
from app.printing.fonts import (
    FontRegistry,
    LoadedFont,
    default_registry,
    require_glyphs,
)
from app.printing.scripts import Run, split_runs
from app.printing.tounicode import record_shaped


def strip_hints(text: str) -> str:
    """Remove invisible break hints (zero-width space, word joiner, soft hyphen)."""
    return "".join(ch for ch in text if ch not in HINTS)


@dataclass(frozen=True)
class Piece:
    """A run ready to draw: the (possibly shaped) string, its font, size and advance width."""

    text: str
    drawn: str
    font: LoadedFont
    size: float
    width: float

    @property
    def ascent(self) -> float:
        return self.font.ascent * self.size / 1000

    @property
    def descent(self) -> float:
        return -self.font.descent * self.size / 1000


def make_piece(run: Run, size: float, registry: FontRegistry | None = None) -> Piece:
    """Check the glyphs of ``run``, shape it if its script needs it, and measure it."""
    font = (registry or default_registry()).loaded(run.key)
    shaped = run.key in SHAPED_SCRIPTS
    require_glyphs(font, run.text, shaped=shaped)
    drawn, width = _shape(font.name, run.text, float(size), shaped)
    return Piece(run.text, drawn, font, size, width)


@lru_cache(maxsize=8192)
def _shape(font_name: str, text: str, size: float, shaped: bool) -> tuple[str, float]:
    """(string to draw, advance width in points); shaped strings carry HarfBuzz positions."""
    from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
    from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr

    if shaped and text.strip():
        out = shapeStr(text, font_name, size)
        if isinstance(out, ShapedStr):
            record_shaped(getFont(font_name), text, out)
            return out, sum(sd.x_advance for sd in out.__shapeData__) * size / 1000
        text = str(out)
    return text, stringWidth(text, font_name, size)


def pieces(text: str, lang: str, size: float, registry: FontRegistry | None = None) -> list[Piece]:
    """``text`` (one line, already normalised) as drawable pieces, one per script run."""
    registry = registry or default_registry()

    def covers(key: str, chars: str) -> bool:
        cmap = registry.loaded(key).cmap
        return all(ord(c) in cmap for c in chars)

    return [make_piece(r, size, registry) for r in split_runs(strip_hints(text), lang, covers)]


def text_width(text: str, lang: str, size: float, registry: FontRegistry | None = None) -> float:
    """The shaped width of a one-line string, in points."""
    return sum(p.width for p in pieces(text, lang, size, registry))
