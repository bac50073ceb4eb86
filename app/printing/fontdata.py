"""Which font file serves which script, per platform: data only, read by ``fonts.FontRegistry``.

Each script key lists candidates in order of preference; the first file found wins. Every
candidate must have TrueType (glyf) outlines, because reportlab cannot embed CFF. The Windows
rows name the system's own fonts; they are untested here and kept as data so they are easy to
correct. Lao Looped and Thai Looped come first: readers with little schooling find the looped
forms easier (they are what primary-school books use). A candidate is used only if it passes
``fontcheck.collisions``: Debian 12's NotoLoopedThai/NotoLoopedLao fail it (tone marks vanish
into the vowel below), so on Debian the plain Noto Sans Thai/Lao are chosen.
"""

from __future__ import annotations

from dataclasses import dataclass

# Script keys. "latin" also serves Vietnamese, Indonesian, Tagalog, Spanish, Portuguese, digits.
SCRIPTS = ("latin", "thai", "lao", "khmer", "myanmar", "devanagari", "ja", "zh_Hans", "zh_Hant", "ko")

# Scripts whose marks must be positioned by HarfBuzz (reportlab ``shaping``).
SHAPED_SCRIPTS = frozenset({"thai", "lao", "khmer", "myanmar", "devanagari"})

# Interview or staff language -> the script key of its main text.
LANGUAGE_SCRIPT = {
    "th": "thai", "lo": "lao", "km": "khmer", "my": "myanmar", "ne": "devanagari", "hi": "devanagari",
    "ja": "ja", "zh_Hans": "zh_Hans", "zh_Hant": "zh_Hant", "ko": "ko",
}

# Line box (ascent, descent) in 1/1000 em where a font's own metrics are too tight for its
# stacks: Noto Sans Khmer declares Latin-like metrics (1069/-293) but two stacked coeng
# subscripts reach -500 to -690, so lines would touch.
LINE_BOX_OVERRIDES = {"khmer": (1069, -600)}
# ... and where a font's declared box is far taller than its text needs: Noto Sans Myanmar declares
# 1324/-860 (2.18 em), which made the Burmese A4 leaflet spill onto a third side. Its deepest
# stacks in our texts stay within this box (looked at in every Burmese PDF).
LINE_BOX_LIMITS = {"myanmar": (1150, -650)}


@dataclass(frozen=True)
class Candidate:
    """One font file that can serve a script: family name, file name, index inside a .ttc."""

    family: str
    filename: str
    subfont_index: int = 0


@dataclass(frozen=True)
class ScriptFonts:
    """The candidates for one script on one platform, and how to get them when none is found."""

    candidates: tuple[Candidate, ...]
    install: str


def _c(family: str, filename: str, index: int = 0) -> Candidate:
    return Candidate(family, filename, index)


_NOTO = "apt-get install fonts-noto-core"
LINUX: dict[str, ScriptFonts] = {
    "latin": ScriptFonts((_c("Noto Sans", "NotoSans-Regular.ttf"),), _NOTO),
    "thai": ScriptFonts((
        _c("Noto Sans Thai Looped", "NotoSansThaiLooped-Regular.ttf"),
        _c("Noto Looped Thai", "NotoLoopedThai-Regular.ttf"),
        _c("Noto Sans Thai", "NotoSansThai-Regular.ttf"),
    ), _NOTO),
    "lao": ScriptFonts((
        _c("Noto Sans Lao Looped", "NotoSansLaoLooped-Regular.ttf"),
        _c("Noto Looped Lao", "NotoLoopedLao-Regular.ttf"),
        _c("Noto Sans Lao", "NotoSansLao-Regular.ttf"),
    ), _NOTO),
    "khmer": ScriptFonts((_c("Noto Sans Khmer", "NotoSansKhmer-Regular.ttf"),), _NOTO),
    "myanmar": ScriptFonts((_c("Noto Sans Myanmar", "NotoSansMyanmar-Regular.ttf"),), _NOTO),
    "devanagari": ScriptFonts((_c("Noto Sans Devanagari", "NotoSansDevanagari-Regular.ttf"),), _NOTO),
    "ja": ScriptFonts((_c("IPAexGothic", "ipaexg.ttf"),), "apt-get install fonts-ipaexfont-gothic"),
    "zh_Hans": ScriptFonts((_c("WenQuanYi Micro Hei", "wqy-microhei.ttc", 0),),
                           "apt-get install fonts-wqy-microhei"),
    "zh_Hant": ScriptFonts((_c("WenQuanYi Micro Hei", "wqy-microhei.ttc", 0),),
                           "apt-get install fonts-wqy-microhei"),
    "ko": ScriptFonts((_c("NanumGothic", "NanumGothic.ttf"),), "apt-get install fonts-nanum"),
}

_WIN_HINT = "Windows Settings > Apps > Optional features > Add a feature: {feature}"
WINDOWS: dict[str, ScriptFonts] = {
    "latin": ScriptFonts((_c("Segoe UI", "segoeui.ttf"),), "Segoe UI (part of every Windows)"),
    "thai": ScriptFonts((_c("Leelawadee UI", "LeelawUI.ttf"), _c("Leelawadee", "leelawad.ttf")),
                        _WIN_HINT.format(feature="Thai Supplemental Fonts")),
    "lao": ScriptFonts((_c("Leelawadee UI", "LeelawUI.ttf"),),
                       _WIN_HINT.format(feature="Lao Supplemental Fonts")),
    "khmer": ScriptFonts((_c("Khmer UI", "KhmerUI.ttf"),),
                         _WIN_HINT.format(feature="Khmer Supplemental Fonts")),
    "myanmar": ScriptFonts((_c("Myanmar Text", "mmrtext.ttf"),), "Myanmar Text (part of Windows 10 and 11)"),
    "devanagari": ScriptFonts((_c("Nirmala UI", "Nirmala.ttf"), _c("Nirmala UI", "Nirmala.ttc", 0)),
                              "Nirmala UI (part of Windows 10 and 11)"),
    "ja": ScriptFonts((_c("Yu Gothic", "YuGothR.ttc", 0), _c("Meiryo", "meiryo.ttc", 0)),
                      _WIN_HINT.format(feature="Japanese Supplemental Fonts")),
    "zh_Hans": ScriptFonts((_c("Microsoft YaHei", "msyh.ttc", 0),),
                           _WIN_HINT.format(feature="Chinese (Simplified) Supplemental Fonts")),
    "zh_Hant": ScriptFonts((_c("Microsoft JhengHei", "msjh.ttc", 0),),
                           _WIN_HINT.format(feature="Chinese (Traditional) Supplemental Fonts")),
    "ko": ScriptFonts((_c("Malgun Gothic", "malgun.ttf"),),
                      _WIN_HINT.format(feature="Korean Supplemental Fonts")),
}
