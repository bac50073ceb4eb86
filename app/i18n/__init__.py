"""Staff-interface translations through babel catalogs, loaded from the .po files at run time.

Reading the .po directly means a fresh clone needs no compile step; a small reader (not babel's)
keeps the first window fast.
``_`` looks up the current staff language, which ``set_language`` changes; ``N_`` only marks a
string for extraction (module-level constants are translated when shown, not when defined).
"""

from __future__ import annotations

import locale
import os
import re
from functools import lru_cache
from pathlib import Path

from app import resources

LOCALES_DIR = resources.locales_dir()
STAFF_LANGUAGES = ("ja", "en")
DEFAULT_DOMAIN = "tsunagu"

_current = "en"


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"'}
_ESCAPE = re.compile(r'\\([\\trn"])')


def _unquote(text: str) -> str:
    """A PO string literal's value (the escapes babel writes: \\ \" \n \t \r)."""
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        return ""
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group(1)], text[1:-1])


def read_catalog(path: Path) -> dict[str, str]:
    """msgid -> msgstr for every translated, non-fuzzy, singular message of a .po file.

    A small reader instead of babel's: the login window shows translated text, and importing
    babel and building a full Catalog costs more than the whole window (start-up budget). It
    gives what babel's read_po gives for these files; obsolete (#~) and plural entries are skipped.
    """
    out: dict[str, str] = {}
    entry: dict[str, str] = {}
    key = ""
    fuzzy = False

    def finish() -> None:
        msgid, msgstr = entry.get("msgid", ""), entry.get("msgstr", "")
        if msgid and msgstr and not fuzzy and "msgid_plural" not in entry:
            out[msgid] = msgstr

    def has_msgstr() -> bool:
        return any(k.startswith("msgstr") for k in entry)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            if has_msgstr():
                finish()
                entry, key, fuzzy = {}, "", False
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            continue
        if line.startswith('"'):
            if key:
                entry[key] += _unquote(line)
            continue
        keyword, _sep, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and has_msgstr():
            finish()
            entry, fuzzy = {}, False
        key = keyword
        entry[key] = _unquote(rest)
    if has_msgstr():
        finish()
    return out


@lru_cache(maxsize=None)
def _catalog(lang: str, domain: str) -> dict[str, str]:
    path = LOCALES_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
    try:
        return read_catalog(path)
    except FileNotFoundError:
        return {}


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
