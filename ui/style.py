"""Fonts, Qt's own translations and the calm default look, applied per staff language.

Japanese text uses IPAexGothic when it is installed (Japanese glyph forms, not Chinese ones);
every language gets a readable base size of at least 11 pt.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 11
JAPANESE_FAMILIES = ("IPAexGothic", "IPAexゴシック", "Yu Gothic UI", "Yu Gothic", "Meiryo", "Noto Sans CJK JP")
MONO_FAMILIES = ("DejaVu Sans Mono", "Consolas", "Menlo", "Noto Sans Mono", "Liberation Mono")

STYLE_SHEET = """
QLabel#pageTitle { font-size: 20pt; font-weight: 600; }
QLabel#appName { font-size: 28pt; font-weight: 300; letter-spacing: 2px; }
QLabel[kind="hint"] { color: #505050; }
QLabel[kind="message"] { padding: 8px 12px; border-radius: 4px; background: #fdecea; color: #7a1f16; }
QLabel[kind="info"] { padding: 8px 12px; border-radius: 4px; background: #e8f1fb; color: #123b63; }
QLabel[kind="reminder"] { padding: 8px 12px; border-radius: 4px; background: #fff6dd; color: #4d3b00; }
QLabel#recoveryKey { padding: 16px; border: 2px solid palette(mid); border-radius: 6px; background: palette(base); }
QPushButton { padding: 6px 16px; }
"""

_translator: QTranslator | None = None


def ui_font(lang: str) -> QFont:
    """The application font for ``lang``: Japanese forms for ja, the system font otherwise."""
    font = QFont(QApplication.font())
    if lang == "ja":
        families = [f for f in JAPANESE_FAMILIES if QFontDatabase.hasFamily(f)]
        if families:
            font.setFamilies(families)
    else:
        font.setFamilies([QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()])
    font.setPointSize(max(BASE_POINT_SIZE, font.pointSize()))
    return font


def mono_font(point_size: int) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    available = [f for f in MONO_FAMILIES if QFontDatabase.hasFamily(f)]
    if available:
        font.setFamilies(available)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(point_size)
    return font


def apply_language(app: QApplication, lang: str) -> None:
    """Font, Qt's own strings (context menus, standard buttons) and stylesheet for ``lang``."""
    global _translator
    app.setFont(ui_font(lang))
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    if lang == "ja":
        translator = QTranslator(app)
        if translator.load(QLocale(QLocale.Language.Japanese), "qtbase", "_",
                           QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(translator)
            _translator = translator
    if app.styleSheet() != STYLE_SHEET:
        app.setStyleSheet(STYLE_SHEET)
