"""Country and language names from CLDR (through babel), in the staff language.

Nationality is stored as an ISO 3166-1 alpha-2 code, languages as CLDR codes; names are looked
up at display time so a Japanese and an English speaker see the same case in their own words.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

STATELESS = "stateless"
UNKNOWN = ""

# Languages offered first in pickers: those of the people the centres meet most, then others.
COMMON_LANGUAGES = (
    "ja", "en", "th", "fil", "zh_Hans", "zh_Hant", "vi", "id", "ko", "es", "pt", "ne", "my",
    "km", "lo", "mn", "ru", "uk", "si", "bn", "hi", "ur", "fa", "ar", "fr", "ms", "ceb", "uz",
)


def _babel_locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang)
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale.parse("en")


@lru_cache(maxsize=8)
def countries(lang: str) -> tuple[tuple[str, str], ...]:
    """(code, name) for every current country, sorted by name in ``lang``."""
    names = _babel_locale(lang).territories
    items = [(code, name) for code, name in names.items() if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "EZ", "UN", "QO", "XA", "XB")]
    return tuple(sorted(items, key=lambda kv: kv[1]))


def is_country(code: str) -> bool:
    return code in dict(countries("en"))


def country_name(code: str, lang: str) -> str:
    if code == STATELESS:
        return {"ja": "無国籍"}.get(lang, "Stateless")
    if not code:
        return {"ja": "不明"}.get(lang, "Unknown")
    return _babel_locale(lang).territories.get(code, code)


def codes_matching(text: str, lang: str) -> list[str]:
    """Country codes whose name (in ``lang`` or English) or code contains ``text``: for search."""
    needle = text.strip().casefold()
    if not needle:
        return []
    out = set()
    for loc in {lang, "en"}:
        for code, name in countries(loc):
            if needle in name.casefold() or needle == code.casefold():
                out.add(code)
    return sorted(out)


def language_name(code: str, lang: str) -> str:
    """The name of language ``code`` in ``lang`` (e.g. 'th' in 'ja' -> 'タイ語')."""
    try:
        return Locale.parse(code).get_display_name(lang) or code
    except (ValueError, TypeError, UnknownLocaleError):
        return code


def native_language_name(code: str) -> str:
    """A language's name in its own script, for pickers the interpreter reads."""
    return language_name(code, code)


def is_language(code: str) -> bool:
    try:
        Locale.parse(code)
        return True
    except (ValueError, TypeError, UnknownLocaleError):
        return False
