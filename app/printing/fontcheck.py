"""Check that a font stacks Thai and Lao marks visibly before we trust it.

The Noto Looped Thai in Debian 12 (NotoLoopedThai-Regular.ttf) places a tone mark after an upper
vowel (ที่, ชั่ว) on top of the vowel under HarfBuzz, so the mark disappears into it: ที่ prints
as ที, a different word. Qt shows the same. A looped font is easier for some readers, so we
still prefer one, but only after shaping probe words with HarfBuzz and checking that each mark
sits above the mark under it. A font that fails is skipped for the next candidate.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Probe words per script: an upper vowel or nikhahit with a tone mark over it.
PROBES = {
    "thai": ("ที่", "ชั่ว", "ปั้น", "น้ำ", "ญี่ปุ่น", "ซื่อ"),
    "lao": ("ທີ່", "ນ້ຳ", "ບໍ່"),
}
TOLERANCE = 40  # font units a mark may dip into the one below it


@dataclass(frozen=True)
class Box:
    glyph: str
    x0: float
    x1: float
    bottom: float
    top: float
    cluster: int
    advance: int


def shaped_boxes(path: Path, index: int, text: str) -> list[Box]:
    """Ink boxes of the glyphs HarfBuzz produces for ``text``, in font units."""
    import uharfbuzz as hb

    font = _hb_font(str(path), index)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(font, buf, {})
    x, out = 0, []
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
        ext = font.get_glyph_extents(info.codepoint)
        x0 = x + pos.x_offset + ext.x_bearing
        top = pos.y_offset + ext.y_bearing
        out.append(Box(font.glyph_to_string(info.codepoint), x0, x0 + ext.width, top + ext.height, top,
                       info.cluster, pos.x_advance))
        x += pos.x_advance
    return out


@lru_cache(maxsize=32)
def _hb_font(path: str, index: int):
    import uharfbuzz as hb

    return hb.Font(hb.Face(hb.Blob.from_file_path(path), index))


def collisions(path: Path, index: int, script: str) -> list[str]:
    """Probe words whose stacked marks overlap (empty if the font stacks them well)."""
    bad = []
    for word in PROBES.get(script, ()):
        marks = [b for b in shaped_boxes(path, index, word) if b.advance == 0 and b.top > b.bottom]
        for lower, upper in zip(marks, marks[1:]):
            side_by_side = upper.x0 >= lower.x1 or upper.x1 <= lower.x0
            if lower.cluster == upper.cluster and not side_by_side and upper.bottom < lower.top - TOLERANCE:
                bad.append(word)
                break
    return bad
