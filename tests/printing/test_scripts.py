"""Script runs: each run is drawn with one font; numbers inside Thai, Burmese, Japanese get Latin."""

from __future__ import annotations

import unicodedata

from app.printing.scripts import char_class, split_runs
from app.printing.text import pieces
from app.text import normalize_lines
from tests.printing.samples import CALL_FREE


def runs(text: str, lang: str) -> list[tuple[str, str]]:
    return [(r.text, r.key) for r in split_runs(text, lang)]


def test_thai_with_digits():
    assert runs("โทรฟรี 0120-924-839 ไม่ต้องบอกชื่อ", "th") == [
        ("โทรฟรี ", "thai"), ("0120-924-839 ", "latin"), ("ไม่ต้องบอกชื่อ", "thai"),
    ]


def test_thai_hash_number_goes_to_latin_because_thai_font_has_no_hash():
    assert runs("โทร #9110", "th") == [("โทร", "thai"), (" #9110", "latin")]


def test_japanese_with_latin():
    assert runs("法テラス（Japan Legal Support Center）では", "ja") == [
        ("法テラス（", "ja"), ("Japan Legal Support Center", "latin"), ("）では", "ja"),
    ]


def test_burmese_with_a_phone_number():
    assert runs("ဖုန်းနံပါတ် 0120-924-839 ကို ခေါ်ပါ။", "my") == [
        ("ဖုန်းနံပါတ် ", "myanmar"), ("0120-924-839 ", "latin"), ("ကို ခေါ်ပါ။", "myanmar"),
    ]


def test_khmer_and_nepali_with_phone_numbers():
    assert [k for _, k in runs(CALL_FREE["km"], "km")] == ["khmer", "latin", "khmer"]
    assert [k for _, k in runs(CALL_FREE["ne"], "ne")] == ["devanagari", "latin", "devanagari"]


def test_han_follows_the_paragraph_language():
    assert runs("電話", "ja") == [("電話", "ja")]
    assert runs("電話", "zh_Hant") == [("電話", "zh_Hant")]
    assert runs("電話", "zh_Hans") == [("電話", "zh_Hans")]
    assert runs("電話", "th") == [("電話", "ja")]  # Japanese forms in a Japan-made leaflet


def test_kana_is_japanese_and_hangul_korean_in_any_paragraph():
    assert runs("ダイヤル", "zh_Hant") == [("ダイヤル", "ja")]
    assert runs("전화 110", "ko") == [("전화 ", "ko"), ("110", "latin")]


def test_combining_marks_stay_with_their_base():
    decomposed = unicodedata.normalize("NFD", "Việt")
    assert runs(decomposed, "vi") == [(decomposed, "latin")]


def test_every_character_is_in_exactly_one_run():
    for lang, text in CALL_FREE.items():
        assert "".join(r.text for r in split_runs(text, lang)) == text


def test_runs_change_at_script_boundaries_only():
    for lang, text in CALL_FREE.items():
        rs = split_runs(text, lang)
        assert all(a.key != b.key for a, b in zip(rs, rs[1:]))


def test_normalize_composes_and_unifies_line_ends():
    assert normalize_lines("Vie\u0323\u0302t\r\nx\ty") == "Việt\nx y"
    thai_decomposed = "\u0e19\u0e4d\u0e32"  # น + nikhahit + aa: NFC keeps Thai as is
    assert normalize_lines(thai_decomposed) == unicodedata.normalize("NFC", thai_decomposed)


def test_char_classes():
    assert char_class("ก") == "thai" and char_class("က") == "myanmar" and char_class("ក") == "khmer"
    assert char_class("क") == "devanagari" and char_class("한") == "hangul" and char_class("ア") == "kana"
    assert char_class("漢") == "han" and char_class("、") == "cjk" and char_class("7") == "latin"
    assert char_class(" ") == "common" and char_class("\u0301") == "inherited"
    assert char_class("𠮷") == "han"


def test_pieces_shape_complex_scripts_and_not_latin():
    ps = pieces(CALL_FREE["th"], "th", 12)
    assert [type(p.drawn).__name__ for p in ps] == ["ShapedStr", "str", "ShapedStr"]
    assert all(p.width > 0 for p in ps)


def test_break_hints_are_not_drawn():
    ps = pieces("ទូរស័ព្ទ\u200bឥតគិតថ្លៃ", "km", 12)
    assert "\u200b" not in "".join(p.text for p in ps)
