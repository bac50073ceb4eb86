"""Text rules every layer shares: Unicode normal forms, search folding, invisible characters.

They sit at the bottom of app/ (see app/layers.py) because typed text is cleaned the same way
wherever it enters: a case field, a consultation line, a consent restriction, a printed packet.
"""

from __future__ import annotations

import unicodedata

JOINERS = frozenset("\u200c\u200d")  # format characters that Indic and Southeast Asian scripts need

_LINE_ENDS = {"\t": " ", "\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n"}


def nfc(text: str | None) -> str:
    """NFC (a decomposed Vietnamese or Thai string compares and measures like a composed one)."""
    return unicodedata.normalize("NFC", text or "")


def clean_field(text: str | None) -> str:
    """What a one-line typed field is stored as: NFC, without surrounding blanks."""
    return nfc(text).strip()


def fold(text: str) -> str:
    """Search form: NFKC (full-width to half-width), case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def normalize_lines(text: str) -> str:
    """NFC, with tabs as spaces and every kind of line end as ``\\n``."""
    for old, new in _LINE_ENDS.items():
        text = text.replace(old, new)
    return unicodedata.normalize("NFC", text)


def invisible(ch: str) -> bool:
    """Control, format (direction overrides, zero-width), private-use and surrogate characters,
    other than a line end and the joiners: what typed text must not carry into print."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") and ch != "\n" and ch not in JOINERS
