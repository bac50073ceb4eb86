"""The font registry: one font per script, clear errors for missing, CFF or incomplete fonts."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from app.errors import UserError
from app.printing.fontdata import LINUX, SCRIPTS, Candidate, ScriptFonts
from app.printing.fonts import FontRegistry, check_truetype, default_registry, font_for, require_glyphs
from tests.printing.samples import CALL_FREE, LONG

NOTO = Path("/usr/share/fonts/truetype/noto")
EXPECTED = {
    "en": "Noto Sans", "vi": "Noto Sans", "fil": "Noto Sans", "th": "Noto Sans Thai",
    "km": "Noto Sans Khmer", "my": "Noto Sans Myanmar", "ne": "Noto Sans Devanagari",
    "ja": "IPAexGothic", "zh_Hans": "WenQuanYi Micro Hei", "zh_Hant": "WenQuanYi Micro Hei",
    "ko": "NanumGothic",
}


@pytest.mark.parametrize("lang,family", sorted(EXPECTED.items()))
def test_font_for_each_language_on_debian(lang, family):
    choice = font_for(lang)
    assert choice.family_name == family
    assert choice.path.is_file()


def test_every_script_loads_a_truetype_font():
    reg = default_registry()
    for script in SCRIPTS:
        font = reg.loaded(script)
        check_truetype(font.choice.path, font.choice.subfont_index)
        assert len(font.cmap) > 50


def test_debian_looped_thai_is_skipped_because_its_tone_marks_vanish():
    """Debian 12's NotoLoopedThai hides ่ inside ี (ที่ prints as ที): never chosen."""
    if not (NOTO / "NotoLoopedThai-Regular.ttf").exists():
        pytest.skip("fonts-noto-core without the looped Thai font")
    reg = FontRegistry()
    assert reg.choice("thai").path.name == "NotoSansThai-Regular.ttf"
    assert reg.rejected["thai"] == ["NotoLoopedThai-Regular.ttf"]


def test_a_looped_font_that_stacks_marks_is_preferred(tmp_path):
    """The preference is real: a looped candidate that passes the check wins."""
    shutil.copy(NOTO / "NotoSansThai-Regular.ttf", tmp_path / "NotoSansThaiLooped-Regular.ttf")
    shutil.copy(NOTO / "NotoSansThai-Regular.ttf", tmp_path / "NotoSansThai-Regular.ttf")
    reg = FontRegistry(dirs=[tmp_path])
    assert reg.choice("thai").family_name == "Noto Sans Thai Looped"


def test_vietnamese_and_traditional_chinese_glyphs_are_covered():
    reg = default_registry()
    require_glyphs(reg.loaded("latin"), "Tiếng Việt: ẫ ỗ ự Ạ ờ ỹ đ Đ " + CALL_FREE["vi"])
    require_glyphs(reg.loaded("zh_Hant"), "諮詢窗口與電話號碼緊急報案專線撥打說")
    require_glyphs(reg.loaded("ja"), LONG["ja"])


def test_missing_font_names_the_package_to_install(tmp_path):
    reg = FontRegistry(table=LINUX, dirs=[tmp_path])
    with pytest.raises(UserError) as err:
        reg.choice("khmer")
    assert "apt-get install fonts-noto-core" in str(err.value)
    assert "Noto Sans Khmer" in str(err.value)


def test_missing_japanese_font_names_its_own_package(tmp_path):
    reg = FontRegistry(table=LINUX, dirs=[tmp_path])
    with pytest.raises(UserError, match="apt-get install fonts-ipaexfont-gothic"):
        reg.font_for("ja")


def _fake_cff(path: Path) -> Path:
    """An OpenType file with CFF outlines: 'OTTO' and a table directory (enough to refuse)."""
    path.write_bytes(b"OTTO" + struct.pack(">HHHH", 1, 16, 0, 0) + b"CFF " + bytes(12))
    return path


def test_cff_font_is_refused_with_a_clear_error(tmp_path):
    cff = _fake_cff(tmp_path / "NotoSansCJKjp-Regular.otf")
    with pytest.raises(UserError, match="PostScript \\(CFF\\) outlines"):
        check_truetype(cff)


def test_cff_font_in_the_table_is_refused_not_used(tmp_path):
    _fake_cff(tmp_path / "NotoSansCJKjp-Regular.otf")
    table = {"ja": ScriptFonts((Candidate("Noto Sans CJK JP", "NotoSansCJKjp-Regular.otf"),), "x")}
    with pytest.raises(UserError, match="cannot be embedded"):
        FontRegistry(table=table, dirs=[tmp_path]).loaded("ja")


def test_a_truetype_candidate_after_a_cff_one_is_used(tmp_path):
    _fake_cff(tmp_path / "NotoSansCJKjp-Regular.otf")
    (tmp_path / "ipaexg.ttf").symlink_to("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")
    table = {"ja": ScriptFonts((Candidate("Noto Sans CJK JP", "NotoSansCJKjp-Regular.otf"),
                                Candidate("IPAexGothic", "ipaexg.ttf")), "x")}
    assert FontRegistry(table=table, dirs=[tmp_path]).choice("ja").family_name == "IPAexGothic"


def test_cff_subfont_inside_a_collection_is_refused(tmp_path):
    ttc = tmp_path / "x.ttc"
    ttc.write_bytes(b"ttcf" + struct.pack(">II", 0x00010000, 1) + struct.pack(">I", 16) + b"OTTO" + bytes(8))
    with pytest.raises(UserError, match="CFF"):
        check_truetype(ttc, 0)


def test_not_a_font_is_refused(tmp_path):
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"<html>")
    with pytest.raises(UserError, match="not a TrueType font"):
        check_truetype(bad)


def test_missing_glyph_names_the_code_point():
    thai = default_registry().loaded("thai")
    with pytest.raises(UserError) as err:
        require_glyphs(thai, "โทร\u0F40")  # Tibetan KA: not in a Thai font
    assert "U+0F40" in str(err.value)
    assert "TIBETAN LETTER KA" in str(err.value)


def test_joiners_pass_only_in_shaped_runs():
    ja = default_registry().loaded("ja")
    with pytest.raises(UserError, match=r"U\+200D"):
        require_glyphs(ja, "a\u200db")
    require_glyphs(default_registry().loaded("devanagari"), "क्\u200dष", shaped=True)
