"""Staff-interface translations through babel catalogs, loaded from the .po files at run time.

Reading the .po directly (babel.messages.pofile) means a fresh clone needs no compile step.
``_`` looks up the current staff language, which ``set_language`` changes; ``N_`` only marks a
string for extraction (module-level constants are translated when shown, not when defined).
"""

from __future__ import annotations

import locale
import os
from functools import lru_cache
from pathlib import Path

LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
STAFF_LANGUAGES = ("ja", "en")
DEFAULT_DOMAIN = "tsunagu"

_current = "en"


@lru_cache(maxsize=None)
def _catalog(lang: str, domain: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    path = LOCALES_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        cat = read_po(fh, locale=lang)
    out: dict[str, str] = {}
    for msg in cat:
        if msg.id and msg.string and not msg.fuzzy and isinstance(msg.id, str):
            out[msg.id] = msg.string
    return out


def set_language(lang: str) -> None:
    """Switch the staff language for every later ``_`` call."""
    global _current
    _current = lang if lang in STAFF_LANGUAGES else "en"


def current_language() -> str:
    return _current


def gettext(message: str, lang: str | None = None, domain: str = DEFAULT_DOMAIN) -> str:
    """``message`` translated into ``lang`` (default: the staff language); the source if none."""
    return _catalog(lang or _current, domain).get(message, message)


def _(message: str) -> str:
    return gettext(message)


def N_(message: str) -> str:
    """Mark for extraction only."""
    return message


def system_language() -> str:
    """The staff language the system locale suggests: Japanese on a Japanese system, else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "ja" if loc.lower().startswith("ja") else "en"
