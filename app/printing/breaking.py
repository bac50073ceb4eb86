"""Where a line may break: ICU line-break boundaries, plus Japanese kinsoku rules.

reportlab breaks only at spaces, which Thai, Khmer, Burmese, Lao and CJK text hardly uses.
ICU's line breaker finds word boundaries with its dictionaries for th/lo/km/my, allows breaks
between CJK characters, and breaks after spaces elsewhere. On top of it we enforce kinsoku
ourselves (no line starts with 、。」) or small kana, none ends with 「( ), because a
line starting with a closing bracket is wrong however ICU's tailoring is set. Korean is set
"keep-all" (CSS word-break): lines break at the spaces between words, not inside a word.
"""

from __future__ import annotations

from functools import lru_cache

# Must not start a line: closing brackets, Japanese/Chinese stops, small kana, iteration marks,
# and the sentence marks of Devanagari, Burmese and Khmer.
NO_START = frozenset(
    ")]}）］｝〕〉》」』】〙〗〟’”｠»、。，．・：；？！‼⁇⁈⁉ーゝゞ々〻"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    ",.:;!?%‰℃゠〜～।॥။၊។៕"
)
# Must not end a line: opening brackets and quotes.
NO_END = frozenset("([{（［｛〔〈《「『【〘〖〝‘“｟«")
# Break hints that are not drawn (ICU honours them; the PDF must not show them).
HINTS = frozenset("\u200b\u2060\ufeff\u00ad")
SPACES = " \u3000"

_ICU_LOCALES = {"zh_Hans": "zh_Hans", "zh_Hant": "zh_Hant", "pt_BR": "pt_BR", "fil": "fil"}


def icu_locale(lang: str) -> str:
    return _ICU_LOCALES.get(lang, lang.split("_")[0])


@lru_cache(maxsize=2048)
def icu_line_segments(text: str, lang: str) -> tuple[str, ...]:
    """ICU's line-break segments; each ends where a line may end (trailing spaces included)."""
    from icu4py.breakers import LineBreaker

    # Iterate strings, not .segments(): those offsets are UTF-16 units, wrong past U+FFFF.
    return tuple(LineBreaker(text, icu_locale(lang)))


@lru_cache(maxsize=2048)
def icu_word_boundaries(text: str, lang: str) -> frozenset[int]:
    """Offsets (in code points) where ICU's word breaker puts a boundary: for tests and checks."""
    from icu4py.breakers import WordBreaker

    out, pos = {0}, 0
    for word in WordBreaker(text, icu_locale(lang)):
        pos += len(word)
        out.add(pos)
    return frozenset(out)


def kinsoku(segments: list[str] | tuple[str, ...]) -> list[str]:
    """Join segments so no line may start with a NO_START or end with a NO_END character."""
    out: list[str] = []
    for seg in segments:
        if out and (seg[0] in NO_START or _ends_open(out[-1])):
            out[-1] += seg
        else:
            out.append(seg)
    return out


def _ends_open(seg: str) -> bool:
    body = seg.rstrip(SPACES)
    return bool(body) and body[-1] in NO_END and body == seg


def keep_all(segments: list[str]) -> list[str]:
    """Korean breaks between words (at spaces), not between syllables: join Hangul to Hangul."""
    out: list[str] = []
    for seg in segments:
        if out and _is_hangul(out[-1][-1]) and _is_hangul(seg[0]):
            out[-1] += seg
        else:
            out.append(seg)
    return out


def _is_hangul(ch: str) -> bool:
    cp = ord(ch)
    return 0xAC00 <= cp <= 0xD7A3 or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F


def line_segments(text: str, lang: str) -> list[str]:
    """The pieces a paragraph may be broken between, for language ``lang``."""
    if not text:
        return []
    segments = kinsoku(icu_line_segments(text, lang))
    return keep_all(segments) if lang == "ko" else segments


def graphemes(text: str, lang: str) -> list[str]:
    """User-perceived characters: the last-resort break points for a word wider than a line."""
    from icu4py.breakers import CharacterBreaker

    return list(CharacterBreaker(text, icu_locale(lang)))
