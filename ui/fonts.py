"""Qt fonts from the one font registry (app.printing.fonts): the same file for screen and paper.

Loading the registry's own file with addApplicationFont means Japanese text gets Japanese glyph
forms, Traditional Chinese gets Traditional ones, and so on, whatever fontconfig would pick; a
missing font is the registry's UserError naming the package to install, never tofu.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase


@lru_cache(maxsize=None)
def _family(path: str, fallback: str) -> str:
    font_id = QFontDatabase.addApplicationFont(path)
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else fallback


def family_for(lang: str) -> str:
    """The family name Qt should use for text in ``lang`` (UserError if its font is missing)."""
    from app.printing.fonts import font_for

    choice = font_for(lang)
    return _family(str(choice.path), choice.family_name)


def qfont_for(lang: str, point_size: int, base: QFont | None = None) -> QFont:
    font = QFont(base) if base is not None else QFont()
    font.setFamilies([family_for(lang)])
    font.setPointSize(point_size)
    return font
