"""Text typed by staff, made printable: a character no font here can draw becomes 〓.

Our own texts must print exactly, so a missing glyph in them stays an error
(``fonts.require_glyphs``). Free text from a case is different: an alias copied from her LINE
name with an emoji in it, or notes pasted from a phone, must not stop a referral. Each
character that the font chosen for it lacks is replaced by 〓 (the geta mark, which Japanese
print has long used for a character that cannot be set), and the caller learns which characters
were replaced, so staff can be told before the paper leaves. Invisible format characters are
dropped: a right-to-left override would make the printed text read differently from what was
typed. The joiners that Indic and Southeast Asian scripts need are kept.
"""

from __future__ import annotations

import unicodedata

from app.printing.fontdata import SHAPED_SCRIPTS
from app.printing.fonts import FontRegistry, default_registry
from app.printing.scripts import split_runs
from app.text import JOINERS, invisible, normalize_lines

GETA = "\u3013"


def _selector(ch: str) -> bool:
    cp = ord(ch)
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


def printable(text: str, lang: str, registry: FontRegistry | None = None) -> tuple[str, tuple[str, ...]]:
    """``text`` with unprintable characters replaced by 〓, and the characters replaced (once each)."""
    registry = registry or default_registry()

    def covers(key: str, chars: str) -> bool:
        cmap = registry.loaded(key).cmap
        return all(ord(c) in cmap for c in chars)

    text = "".join(ch for ch in normalize_lines(text) if not invisible(ch))
    lines, lost = [], []
    for line in text.split("\n"):
        out = []
        for run in split_runs(line, lang, covers):
            cmap, shaped = registry.loaded(run.key).cmap, run.key in SHAPED_SCRIPTS
            for ch in run.text:
                if ord(ch) in cmap or (shaped and ch in JOINERS):
                    out.append(ch)
                elif ch in JOINERS or _selector(ch):
                    continue  # they only shape their neighbours (an emoji sequence, a colour choice)
                elif unicodedata.category(ch).startswith("M"):
                    lost.append(ch)  # a mark the font cannot draw: its base is kept
                else:
                    out.append(GETA)
                    lost.append(ch)
        lines.append("".join(out))
    return "\n".join(lines), tuple(dict.fromkeys(lost))


def describe(chars: tuple[str, ...]) -> str:
    """``😀 (U+1F600 GRINNING FACE)``, for telling staff what was replaced."""
    return ", ".join(f"{ch} (U+{ord(ch):04X} {unicodedata.name(ch, '')})".replace(" )", ")") for ch in chars)
