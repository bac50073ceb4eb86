"""Staff-typed text on a referral: what no font here can draw becomes 〓 and is reported;
invisible direction overrides are dropped; every script we print comes through unchanged."""

from __future__ import annotations

import pytest

from app.printing.printable import GETA, describe, printable
from app.printing.text import text_width


def test_an_emoji_becomes_the_geta_mark_and_is_reported():
    out, lost = printable("Ploy 🌸 Q 🌸", "en")
    assert out == f"Ploy {GETA} Q {GETA}"
    assert lost == ("🌸",)
    assert describe(lost) == "🌸 (U+1F338 CHERRY BLOSSOM)"
    text_width(out, "en", 10)  # and it can now be measured and drawn: no missing glyph


def test_direction_overrides_and_zero_width_characters_are_dropped():
    out, lost = printable("Ma\u202eria\u200b\u2066X\u2069\u00ad", "en")
    assert out == "MariaX" and lost == ()


def test_an_emoji_sequence_leaves_no_stray_joiner_or_selector():
    out, lost = printable("\u2764\ufe0f 👩\u200d👧", "ja")
    assert "\ufe0f" not in out and set(lost) <= {"\u2764", "👩", "👧"}
    text_width(out, "ja", 10)


@pytest.mark.parametrize("lang, text", [
    ("th", "ไม่แน่ใจ โทร 090-1234-5678"),
    ("my", "မြန်မာ ၁၂၃"),
    ("km", "ខ្ញុំ ស្រី"),
    ("ne", "क्\u200dष नेपाली"),
    ("ja", "山田 花子（架空）〒100-0001"),
    ("ko", "한국어 조건만남"),
    ("vi", "Tiếng Việt"),
    ("zh_Hant", "繁體中文"),
])
def test_text_in_every_printed_script_is_unchanged(lang, text):
    assert printable(text, lang) == (text, ())


def test_lines_and_tabs_survive_as_lines_and_spaces():
    assert printable("a\tb\r\nc", "en") == ("a b\nc", ())
