"""Split mixed text into script runs, each drawn with its own font.

reportlab has no font fallback: a Thai font has no digits or Latin letters, so a phone number
inside Thai text needs its own run in the Latin font. Han characters take the paragraph
language's CJK font (Japanese forms for Japanese text), kana always the Japanese font, Hangul the
Korean one. Spaces and punctuation shared by all scripts stay with a neighbouring run whose
font has them; combining marks stay with the character before them.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from app.printing.fontdata import LANGUAGE_SCRIPT
from app.printing.fonts import default_registry

COMMON = "common"
INHERITED = "inherited"
CJK_LANGS = ("ja", "zh_Hans", "zh_Hant", "ko")

# (first, last, class) in code point order; "han" and "cjk" resolve by paragraph language.
_RANGES = sorted([
    (0x0030, 0x0039, "latin"), (0x0041, 0x005A, "latin"), (0x0061, 0x007A, "latin"),
    (0x00C0, 0x02AF, "latin"), (0x0300, 0x036F, INHERITED), (0x0370, 0x052F, "latin"),
    (0x0900, 0x097F, "devanagari"), (0x0E00, 0x0E7F, "thai"), (0x0E80, 0x0EFF, "lao"),
    (0x1000, 0x109F, "myanmar"), (0x1100, 0x11FF, "hangul"), (0x1780, 0x17FF, "khmer"),
    (0x19E0, 0x19FF, "khmer"), (0x1AB0, 0x1AFF, INHERITED), (0x1DC0, 0x1DFF, INHERITED),
    (0x1E00, 0x1EFF, "latin"), (0x200C, 0x200D, INHERITED), (0x20D0, 0x20FF, INHERITED),
    (0x2E80, 0x2FDF, "han"), (0x3000, 0x303F, "cjk"), (0x3040, 0x30FF, "kana"),
    (0x3130, 0x318F, "hangul"), (0x3190, 0x31EF, "han"), (0x31F0, 0x31FF, "kana"),
    (0x3200, 0x33FF, "cjk"), (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"),
    (0xA8E0, 0xA8FF, "devanagari"), (0xA960, 0xA97F, "hangul"), (0xA9E0, 0xA9FF, "myanmar"),
    (0xAA60, 0xAA7F, "myanmar"), (0xAC00, 0xD7FF, "hangul"), (0xF900, 0xFAFF, "han"),
    (0xFE00, 0xFE0F, INHERITED), (0xFE20, 0xFE2F, INHERITED), (0xFE30, 0xFE4F, "cjk"),
    (0xFF01, 0xFF60, "cjk"), (0xFF61, 0xFF9F, "kana"), (0xFFA0, 0xFFDC, "hangul"),
    (0xFFE0, 0xFFEE, "cjk"), (0x20000, 0x3FFFF, "han"), (0xE0100, 0xE01EF, INHERITED),
])
_STARTS = [r[0] for r in _RANGES]


@dataclass(frozen=True)
class Run:
    """A stretch of text drawn with one font (``key`` is a script key of fontdata.SCRIPTS)."""

    text: str
    key: str


def char_class(ch: str) -> str:
    """The script class of one character: a script key, "han", "cjk", COMMON or INHERITED."""
    cp = ord(ch)
    i = bisect.bisect_right(_STARTS, cp) - 1
    if i >= 0 and _RANGES[i][0] <= cp <= _RANGES[i][1]:
        return _RANGES[i][2]
    cat = unicodedata.category(ch)
    if cat[0] == "L":
        return "latin"  # any other letter: the Latin font, and the glyph check says if it lacks it
    return INHERITED if cat[0] == "M" else COMMON


def font_key(cls: str, lang: str) -> str:
    """The font script key for a character class in a paragraph of language ``lang``."""
    if cls == "kana":
        return "ja"
    if cls == "hangul":
        return "ko"
    if cls in ("han", "cjk"):
        return lang if lang in CJK_LANGS else "ja"
    return cls


def main_key(lang: str) -> str:
    return LANGUAGE_SCRIPT.get(lang, "latin")


def split_runs(text: str, lang: str, covers: Callable[[str, str], bool] | None = None) -> list[Run]:
    """Split ``text`` (already NFC) into runs of one font each, in logical order.

    ``covers(key, chars)`` says whether the font for ``key`` has all of ``chars``; it decides
    where spaces and punctuation go. The default asks this computer's font registry.
    """
    if not text:
        return []
    covers = covers or _registry_covers
    keys = _raw_keys(text, lang)
    _resolve_common(text, keys, lang, covers)
    runs: list[Run] = []
    for ch, key in zip(text, keys):
        if runs and runs[-1].key == key:
            runs[-1] = Run(runs[-1].text + ch, key)
        else:
            runs.append(Run(ch, key))
    return runs


def _raw_keys(text: str, lang: str) -> list[str]:
    """Font keys per character; COMMON where undecided; inherited marks copy the one before."""
    keys: list[str] = []
    for ch in text:
        cls = char_class(ch)
        if cls == INHERITED:
            keys.append(keys[-1] if keys else COMMON)
        else:
            keys.append(COMMON if cls == COMMON else font_key(cls, lang))
    return keys


def _resolve_common(text: str, keys: list[str], lang: str, covers) -> None:
    """Give each stretch of COMMON characters to the run before it, after it, or a fallback."""
    i = 0
    while i < len(keys):
        if keys[i] != COMMON:
            i += 1
            continue
        j = i
        while j < len(keys) and keys[j] == COMMON:
            j += 1
        chunk = text[i:j]
        before = keys[i - 1] if i > 0 else None
        after = keys[j] if j < len(keys) else None
        options = [k for k in (before, after, main_key(lang), "latin") if k]
        chosen = next((k for k in options if covers(k, chunk)), options[0])
        keys[i:j] = [chosen] * (j - i)
        i = j


def _registry_covers(key: str, chars: str) -> bool:
    cmap = default_registry().loaded(key).cmap
    return all(ord(c) in cmap for c in chars)
