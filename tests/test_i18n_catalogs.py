"""The catalogs: the fast .po reader agrees with babel, placeholders match, ja/en are complete."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app.i18n import LOCALES_DIR, STAFF_LANGUAGES, gettext, read_catalog
from app.i18n.po import problems
from tools.catalogs import extract

PO_FILES = sorted(LOCALES_DIR.glob("*/LC_MESSAGES/*.po"))


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_fast_reader_agrees_with_babel(path: Path):
    with path.open("rb") as fh:
        catalog = read_po(fh)
    expected = {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy and isinstance(m.id, str)}
    assert read_catalog(path) == expected


@pytest.mark.parametrize("lang", STAFF_LANGUAGES)
def test_staff_catalogs_complete_with_matching_placeholders(lang):
    assert problems(lang, complete=True) == []


def test_every_marked_string_is_in_the_catalogs():
    """A string marked in the code but missing from ja.po would show in English: run make i18n."""
    source = {m.id for m in extract() if m.id}
    for lang in STAFF_LANGUAGES:
        known = set(read_catalog(LOCALES_DIR / lang / "LC_MESSAGES" / "tsunagu.po"))
        assert source - known == set(), f"{lang}: run `make i18n` and translate"


def test_japanese_is_really_japanese():
    assert gettext("The user name or password is not correct.", lang="ja") != "The user name or password is not correct."


def test_update_never_copies_english_into_another_language():
    """make i18n fills the English catalog with the source; that must not leak into others."""
    for path in LOCALES_DIR.glob("*/LC_MESSAGES/questions.po"):
        lang = path.parts[-3]
        if lang in ("en",):
            continue
        same = [m for m in read_po(path.open("rb")) if m.id and m.string == m.id and len(m.id) > 12]
        assert len(same) < 3, f"{lang}: {len(same)} messages identical to the English source"


@pytest.mark.parametrize("lang", __import__("app.i18n.content", fromlist=["x"]).INTERVIEW_LANGUAGES)
def test_every_interview_language_is_complete_with_matching_placeholders(lang):
    """Issue 4: all 14 interview languages complete in the questions domain, and honest about
    review: every one but the English source is draft or reviewed (with a reviewer named)."""
    from app.i18n.status import catalog_status

    assert problems(lang, "questions", complete=True) == []
    status = catalog_status(lang, "questions")
    assert status.review in ("source", "draft", "reviewed")
    if status.review == "reviewed":
        assert status.reviewed_by and status.reviewed_on


def test_her_copy_japanese_in_the_catalog_is_the_japanese_in_the_code():
    """Her copy prints its Japanese half from the code; the Japanese catalog holds the same text
    (copied by ``make i18n``), so the two cannot drift apart."""
    from app.i18n.po import po_path, read
    from tools.catalogs import japanese_halves

    catalog = {m.id: m.string for m in read(po_path("ja", "questions"), "ja") if m.id}
    assert {en: catalog.get(en) for en in japanese_halves()} == japanese_halves()
