"""Dates and numbers as each language writes them, through one library (babel/CLDR).

Japanese official dates carry the era with the Gregorian year beside it, as staff and police
read them: 令和8年11月21日（2026年）. Thai dates shown to the person use the Buddhist year
(พ.ศ. = Gregorian + 543), which is what Thai documents use. Everything else is CLDR's long date.
"""

from __future__ import annotations

from datetime import date

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

# (first day, era name). The first year of an era is written 元年.
JAPANESE_ERAS = (
    (date(2019, 5, 1), "令和"),
    (date(1989, 1, 8), "平成"),
    (date(1926, 12, 25), "昭和"),
    (date(1912, 7, 30), "大正"),
    (date(1868, 10, 23), "明治"),
)
BUDDHIST_OFFSET = 543


def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang)
    except (ValueError, TypeError):
        return Locale.parse("en")


def japanese_era(d: date) -> tuple[str, int]:
    """(era, year of the era) for a date; ValueError before Meiji."""
    for start, name in JAPANESE_ERAS:
        if d >= start:
            return name, d.year - start.year + 1
    raise ValueError("date before the Meiji era")


def format_japanese(d: date, with_gregorian: bool = True) -> str:
    """令和8年11月21日（2026年）."""
    era, year = japanese_era(d)
    year_text = "元" if year == 1 else str(year)
    text = f"{era}{year_text}年{d.month}月{d.day}日"
    return f"{text}（{d.year}年）" if with_gregorian else text


def format_thai_buddhist(d: date) -> str:
    """21 พฤศจิกายน พ.ศ. 2569: the month name from CLDR, the year in the Buddhist era."""
    month = _locale("th").months["format"]["wide"][d.month]
    return f"{d.day} {month} พ.ศ. {d.year + BUDDHIST_OFFSET}"


def format_date(d: date | None, lang: str, *, for_person: bool = False) -> str:
    """A date for display in ``lang``; ``for_person`` picks the calendar she reads (Thai: พ.ศ.)."""
    if d is None:
        return ""
    if lang == "ja":
        return format_japanese(d)
    if lang == "th" and for_person:
        return format_thai_buddhist(d)
    return _babel_date(d, format="long", locale=_locale(lang))


def format_timestamp(iso_utc: str, lang: str) -> str:
    """A stored UTC timestamp in local time, CLDR's short form for ``lang`` (2026/05/09 14:03)."""
    from datetime import datetime

    from babel.dates import format_datetime

    try:
        local = datetime.fromisoformat(iso_utc).astimezone()
    except (TypeError, ValueError):
        return ""
    return format_datetime(local, format="short", tzinfo=local.tzinfo, locale=_locale(lang))


def format_number(value: float | int, lang: str) -> str:
    return format_decimal(value, locale=_locale(lang))
