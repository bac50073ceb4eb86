"""Every shaped line of every interview text stays inside the line box the PDFs use for its script.

Line boxes come from the fonts' metrics, widened for Khmer's deep stacks and narrowed for Noto
Sans Myanmar, whose declared 2.18 em made Burmese pages spill. This measures the ink of every
glyph HarfBuzz places (with its offsets) in the shipped catalogs, so a translation with a deeper
stack, or a change of line box, cannot make lines touch unnoticed.
"""

from __future__ import annotations

import pytest
import uharfbuzz as hb

from app.i18n.po import po_path, read
from app.printing.fontdata import LANGUAGE_SCRIPT
from app.printing.fonts import default_registry
from app.printing.scripts import split_runs

SHAPED = ("th", "my", "km", "ne")


def _ink(font_key: str, texts: list[str]) -> tuple[float, float]:
    """The highest and lowest ink of ``texts`` in 1/1000 em, for runs drawn with ``font_key``."""
    loaded = default_registry().loaded(font_key)
    face = hb.Face(hb.Blob.from_file_path(str(loaded.choice.path)), loaded.choice.subfont_index or 0)
    font = hb.Font(face)
    top = bottom = 0.0
    for text in texts:
        for run in split_runs(text.replace("\n", " "), "en" if font_key == "latin" else _lang(font_key)):
            if run.key != font_key:
                continue
            buf = hb.Buffer()
            buf.add_str(run.text)
            buf.guess_segment_properties()
            hb.shape(font, buf, {})
            for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
                ext = font.get_glyph_extents(info.codepoint)
                if ext is None:
                    continue
                top = max(top, (ext.y_bearing + pos.y_offset) * 1000 / face.upem)
                bottom = min(bottom, (ext.y_bearing + ext.height + pos.y_offset) * 1000 / face.upem)
    return top, bottom


def _lang(font_key: str) -> str:
    return next(lang for lang, key in LANGUAGE_SCRIPT.items() if key == font_key)


@pytest.mark.parametrize("lang", SHAPED)
def test_every_text_fits_its_line_box(lang):
    key = LANGUAGE_SCRIPT[lang]
    texts = [m.string for m in read(po_path(lang, "questions"), lang) if m.id and m.string]
    loaded = default_registry().loaded(key)
    top, bottom = _ink(key, texts)
    assert top <= loaded.ascent and bottom >= loaded.descent, (lang, top, bottom, loaded.ascent, loaded.descent)


def test_the_burmese_line_box_is_narrower_than_the_font_declares():
    loaded = default_registry().loaded("myanmar")
    assert (loaded.ascent, loaded.descent) == (1150, -650)
    assert loaded.ascent - loaded.descent < 1.9 * 1000
