"""Leaflets read back with pypdf: the numbers are there, every font is embedded, no case can enter."""

from __future__ import annotations

import argparse
import ast
import inspect
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from app.contacts.directory import Directory
from app.errors import UserError
from app.i18n.content import INTERVIEW_LANGUAGES
from app.cli import leaflet as commands
from app.printing import card, leaflet, leaflet_text
from tests.printing import pdfcheck
from tests.printing.samples import RENDER_LANGS, SAMPLE_CATALOG

FORMATS = ("a4", "card")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built():
    """Every interview language in both formats, built once for the module."""
    from app.contacts import default_directory

    directory = default_directory()
    return {(lang, fmt): leaflet.build_leaflet(lang, fmt, directory, date(2026, 5, 1))
            for lang in INTERVIEW_LANGUAGES for fmt in FORMATS}


@pytest.mark.parametrize("lang", INTERVIEW_LANGUAGES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_language_prints_the_anonymous_line(built, lang, fmt):
    text = pdfcheck.text(built[lang, fmt])
    assert "0120-924-839" in text
    assert "110" in text
    assert "相談窓口のご案内" in text  # the Japanese half (or the whole, for ja)


def test_every_font_is_embedded_and_none_is_standard_14(built):
    for key, data in built.items():
        fonts = pdfcheck.fonts(data)
        assert fonts, key
        for font in fonts:
            assert font.embedded, (key, font)
            assert pdfcheck.base_name(font) not in pdfcheck.STANDARD_14, (key, font)
            assert font.base_font[6] == "+", (key, font)  # a subset, not the whole font


def test_pages_and_sizes(built):
    from pypdf import PdfReader
    import io

    for lang in INTERVIEW_LANGUAGES:
        a4 = PdfReader(io.BytesIO(built[lang, "a4"]))
        # Two sides in every language (Burmese took a third until its line box was measured)
        assert len(a4.pages) == 2, lang
        cards = PdfReader(io.BytesIO(built[lang, "card"]))
        assert len(cards.pages) == 2, lang
        box = cards.pages[0].mediabox
        assert abs(float(box.width) - 91 * mm) < 0.5 and abs(float(box.height) - 55 * mm) < 0.5
        assert len(built[lang, "a4"]) < 300 * 1024 and len(built[lang, "card"]) < 300 * 1024


def test_nothing_says_what_the_help_is_for(built):
    """A neutral leaflet: safe to carry. The law is cited by article, never by the word."""
    for key, data in built.items():
        text = pdfcheck.text(data).lower()
        for word in ("trafficking", "人身取引", "victim", "被害者"):
            assert word not in text, (key, word)


def test_front_page_titles_are_neutral(built):
    first_page = pdfcheck.text(built["en", "a4"]).split("\n")[:3]
    assert first_page[0].strip() == "Support and phone numbers"


def test_no_print_date_and_same_bytes_every_time(built, directory):
    again = leaflet.build_leaflet("th", "a4", directory, date(2026, 5, 1))
    assert again == built["th", "a4"]
    later = leaflet.build_leaflet("th", "a4", directory, date(2026, 5, 2))
    assert later == again  # the date decides warnings only, never the paper
    assert b"2026" not in again


@pytest.mark.parametrize("lang", RENDER_LANGS)
def test_sample_translations_render_in_their_scripts(sample_catalog, directory, today, lang):
    script_font = {"th": "NotoSansThai", "my": "NotoSansMyanmar", "km": "NotoSansKhmer",
                   "ne": "NotoSansDevanagari", "zh_Hant": "WenQuanYiMicroHei", "ko": "NanumGothic"}[lang]
    for fmt in FORMATS:
        data = leaflet.build_leaflet(lang, fmt, directory, today)
        names = {pdfcheck.base_name(f) for f in pdfcheck.fonts(data)}
        assert any(n.startswith(script_font) for n in names), (lang, fmt, names)
        assert all(f.embedded for f in pdfcheck.fonts(data))
        text = pdfcheck.text(data)
        assert "0120-924-839" in text
        assert not [c for c in text if 0xE000 <= ord(c) <= 0xF8FF], (lang, fmt)
    if lang in ("th", "zh_Hant", "ko"):  # scripts that copy back in logical order
        assert SAMPLE_CATALOG[lang]["Phone numbers"] in pdfcheck.text(data)


LEAFLET_MODULES = (leaflet, card, leaflet_text)
FORBIDDEN_WORDS = ("case", "person", "record", "session", "store", "conn", "answer", "interview", "client")


def test_leaflet_entry_points_take_only_language_format_directory_and_date():
    sig = inspect.signature(leaflet.build_leaflet)
    assert list(sig.parameters) == ["lang", "fmt", "directory", "today"]
    assert [p.annotation for p in sig.parameters.values()] == ["str", "str", "Directory", "date"]
    for fn in (leaflet.build_a4, card.build_card):
        assert list(inspect.signature(fn).parameters) == ["lang", "directory", "today"]


def test_no_leaflet_function_has_a_parameter_that_could_carry_a_case():
    for module in LEAFLET_MODULES:
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__:
                continue
            for param in inspect.signature(fn).parameters.values():
                lowered = param.name.lower()
                assert not any(w in lowered for w in FORBIDDEN_WORDS), (module.__name__, name, param.name)
                assert param.kind not in (param.VAR_KEYWORD, param.VAR_POSITIONAL) or name == "text", (name, param)
                assert "cases" not in str(param.annotation), (name, param)


def test_printing_and_contacts_never_import_case_data_modules():
    """No module on the leaflet's path can even reach the store, cases or interviews."""
    forbidden = ("app.cases", "app.store", "app.interview", "app.screening", "app.referrals")
    for path in list((ROOT / "app" / "printing").glob("*.py")) + list((ROOT / "app" / "contacts").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            for name in names:
                assert not name.startswith(forbidden), (path.name, name)


def test_unknown_format_and_language_are_clear_errors(directory, today):
    with pytest.raises(UserError, match="a4 or card"):
        leaflet.build_leaflet("th", "a5", directory, today)
    with pytest.raises(UserError, match="not an interview language"):
        leaflet.build_leaflet("xx", "a4", directory, today)


def test_a_card_text_too_long_to_fit_is_refused_not_clipped(monkeypatch, directory, today):
    monkeypatch.setattr(leaflet_text, "ctext", lambda m, lang: (m + " ") * 12)
    with pytest.raises(UserError, match="too long to fit a card"):
        leaflet.build_leaflet("th", "card", directory, today)


def test_warnings_name_stale_numbers_and_untranslated_text(directory, monkeypatch):
    monkeypatch.setattr(leaflet_text, "ctext", lambda message, lang: message)  # nothing translated
    warnings = leaflet.leaflet_warnings("th", directory, date(2026, 5, 1))
    assert any("0120-924-839" in w and "2015-03-31" in w for w in warnings)
    assert any("not translated" in w for w in warnings)
    assert not [w for w in leaflet.leaflet_warnings("ja", directory, date(2015, 6, 1))]


def test_leaflet_with_a_local_entry_prints_it(directory, today):
    from app.contacts.model import Contact

    local = Contact(id="local_shelter", name_ja="地域の相談窓口", name_en="Local support office",
                    number="03-1234-5678", last_checked=today, source="entered by supervisor",
                    purpose_en="Support near you.", purpose_ja="お近くの相談窓口。", priority=5, card=True)
    data = leaflet.build_leaflet("en", "card", Directory(directory.defaults, [local]), today)
    assert "03-1234-5678" in pdfcheck.text(data)


def test_build_writes_no_file_anywhere(tmp_path, monkeypatch, directory, today):
    """R7: in memory only. The temp folder (TMPDIR is per test) and the cwd stay empty."""
    import tempfile

    monkeypatch.chdir(tmp_path)
    before = {p for p in tmp_path.rglob("*")}
    leaflet.build_leaflet("my", "a4", directory, today)
    leaflet.build_leaflet("my", "card", directory, today)
    assert {p for p in tmp_path.rglob("*")} == before
    assert not os.listdir(tempfile.gettempdir())


def test_save_pdf_is_private_and_atomic(tmp_path, monkeypatch):
    folder = tmp_path / "chosen"
    folder.mkdir()
    target = folder / "leaflet.pdf"
    leaflet.save_pdf(b"%PDF-old", target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

    def broken(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(UserError, match="disk is full"):
        leaflet.save_pdf(b"%PDF-new", target)
    assert target.read_bytes() == b"%PDF-old"
    assert [p.name for p in folder.iterdir()] == ["leaflet.pdf"]  # no temp file left behind


def test_cli_writes_the_leaflet_and_warns_on_stderr(tmp_path, capsys):
    parser = argparse.ArgumentParser(prog="tsunagu")
    commands.register(parser.add_subparsers(dest="command"))
    out = tmp_path / "card.pdf"
    args = parser.parse_args(["leaflet", "--lang", "km", "--format", "card", "--out", str(out)])
    assert args.func(args, today=date(2026, 5, 1)) == 0
    assert "0120-924-839" in pdfcheck.text(out.read_bytes())
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    captured = capsys.readouterr()
    assert "2015-03-31" in captured.err and "Saved" in captured.out


def test_cli_lists_contacts_with_stale_flags(capsys):
    parser = argparse.ArgumentParser(prog="tsunagu")
    commands.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["contacts", "list"])
    assert args.func(args, today=date(2026, 5, 1)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith("STALE\t2015-03-31") for line in lines)
    args.func(args, today=date(2015, 6, 1))
    assert all(line.startswith("ok\t") for line in capsys.readouterr().out.splitlines())


def test_leaflet_texts_match_in_english_and_japanese():
    import re

    texts, rights = leaflet_text.load_sources()
    for src in [*texts.values(), *rights]:
        assert set(re.findall(r"\{(\w+)\}", src.en)) == set(re.findall(r"\{(\w+)\}", src.ja)), src


def test_a_damaged_leaflet_text_file_is_named(tmp_path):
    bad = tmp_path / "leaflet.toml"
    bad.write_text('[text]\ntitle = "x"\n[text.rights]\na = "r"\n[ja]\ntitel = "x"\n[ja.rights]\na = "r"\n',
                   encoding="utf-8")
    with pytest.raises(UserError, match="leaflet.toml"):
        leaflet_text.load_sources(bad)
    bad.write_text("[text\n", encoding="utf-8")
    with pytest.raises(UserError, match="damaged"):
        leaflet_text.load_sources(bad)


def test_msgids_cover_everything_a_leaflet_prints(directory):
    ids = set(leaflet_text.msgids(directory.entries))
    assert "Support and phone numbers" in ids and "Yorisoi Hotline" in ids and "Sapporo" in ids
    assert leaflet_text.untranslated("en", directory.entries) == []
    assert leaflet_text.untranslated("ja", directory.entries) == []


def test_a_character_no_font_has_stops_the_leaflet_with_its_code_point(directory, today):
    from app.contacts.model import Contact

    local = Contact(id="local_shelter", name_ja="相談窓口", name_en="Shelter \U0001F3E0", number="03-1234-5678",
                    last_checked=today, source="supervisor", priority=5, card=True)
    with pytest.raises(UserError, match=r"U\+1F3E0"):
        leaflet.build_leaflet("en", "card", Directory(directory.defaults, [local]), today)
