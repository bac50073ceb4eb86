"""Line breaking: at ICU word boundaries for Thai/Khmer/Burmese, kinsoku for Japanese, spaces for Korean."""

from __future__ import annotations

import pytest

from app.printing.breaking import NO_END, NO_START, icu_word_boundaries, kinsoku, line_segments
from app.printing.paragraph import TextBlock
from app.printing.text import strip_hints, text_width
from app.text import normalize_lines
from tests.printing.samples import CALL_FREE, LONG

WORD_LANGS = ("th", "km", "my")


def break_offsets(text: str, lines: list[str]) -> list[int]:
    """Where each line after the first starts, as an offset into ``text``."""
    offsets, pos = [], 0
    for i, line in enumerate(lines):
        pos = text.index(line, pos)
        if i:
            offsets.append(pos)
        pos += len(line)
    return offsets


def widest_word(text: str, lang: str, size: float) -> float:
    return max(text_width(seg.strip(), lang, size) for seg in line_segments(text, lang))


def layouts(text: str, lang: str, size: float = 12):
    """The lines of ``text`` at every width from its widest word to its full length."""
    low = widest_word(text, lang, size) + 1
    high = text_width(text, lang, size)
    width = low
    while width < high:
        block = TextBlock(text, lang, size)
        block.wrap(width)
        yield width, block
        width += 3 if lang == "ja" else 9


@pytest.mark.parametrize("lang", WORD_LANGS)
def test_lines_break_only_at_icu_word_boundaries(lang):
    for text in (LONG[lang], CALL_FREE[lang]):
        text = strip_hints(normalize_lines(text))
        allowed = icu_word_boundaries(text, lang)
        count = 0
        for _width, block in layouts(text, lang):
            lines = [line.text for line in block.lines]
            assert "".join(lines).replace(" ", "") == text.replace(" ", "")
            for off in break_offsets(text, lines):
                assert off in allowed, (lang, off, text[max(0, off - 5):off], text[off:off + 5])
            count += len(lines) > 1
        assert count > 5  # the test really broke lines


@pytest.mark.parametrize("lang", WORD_LANGS + ("ja", "ne", "zh_Hant", "ko", "vi"))
def test_every_line_fits_its_width(lang):
    text = LONG.get(lang, CALL_FREE[lang])
    for width, block in layouts(text, lang):
        for line in block.lines:
            assert line.width <= width + 0.01, (lang, width, line.text)


def test_japanese_obeys_kinsoku():
    """At every width that fits the longest unbreakable chain (ICU segment after kinsoku)."""
    text = normalize_lines(LONG["ja"])
    seen = 0
    for width, block in layouts(text, "ja", 10):
        for line in block.lines[1:]:
            assert line.text[0] not in NO_START, (width, line.text)
        for line in block.lines[:-1]:
            assert line.text[-1] not in NO_END, (width, line.text)
        seen += len(block.lines)
    assert seen > 100


def test_narrower_than_a_kinsoku_chain_text_is_kept_and_fits():
    """す。」 cannot be broken legally in 2.5 em: nothing is lost and nothing overflows."""
    block = TextBlock("です。」と", "ja", 10)
    block.wrap(25)
    assert "".join(line.text for line in block.lines) == "です。」と"
    assert all(line.width <= 25.01 for line in block.lines)


def test_kinsoku_joins_forbidden_starts_and_ends():
    assert kinsoku(["です", "。", "「", "はい", "」", "と"]) == ["です。", "「はい」", "と"]
    assert kinsoku(["a", "ッ", "b"]) == ["aッ", "b"]


def test_korean_breaks_between_words_not_syllables():
    text = CALL_FREE["ko"]
    for _width, block in layouts(text, "ko"):
        for off in break_offsets(text, [line.text for line in block.lines]):
            assert text[off - 1] == " ", (off, text[:off])


def test_a_word_wider_than_the_line_breaks_between_clusters():
    block = TextBlock("ผู้หญิงที่ถูกบังคับ", "th", 20)
    block.wrap(40)
    assert len(block.lines) > 1
    assert "".join(line.text for line in block.lines) == "ผู้หญิงที่ถูกบังคับ"
    for line in block.lines:  # no line starts with a mark or an upper/lower vowel
        assert line.text[0] not in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b"


def test_icu_offsets_are_code_points_not_utf16_units():
    """ICU counts UTF-16 units; 𠮷 (outside the BMP) must not shift later segments."""
    text = "𠮷野家で電話してください。"
    segments = line_segments(text, "ja")
    assert "".join(segments) == text
    assert segments[0] == "𠮷" and segments[-1].endswith("い。")


def test_a_character_missing_from_the_font_is_an_error_not_tofu():
    from app.errors import UserError

    block = TextBlock("𠮷野家", "ja", 10)  # IPAexGothic has no U+20BB7
    with pytest.raises(UserError, match="U\\+20BB7"):
        block.wrap(100)


def test_hard_line_breaks_and_empty_lines_are_kept():
    block = TextBlock("one\n\nthree", "en", 10)
    block.wrap(200)
    assert [line.text for line in block.lines] == ["one", "", "three"]
    assert block.lines[1].height > 0
