"""Her copy: who received what and when, in her language and Japanese, and nothing that
identifies her (she may carry it)."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.i18n.content import INTERVIEW_LANGUAGES
from app.referrals import her_copy
from app.referrals.her_copy import CATEGORIES, HER_COPY_TEXTS, build_her_copy
from app.referrals.legal_basis import approve_exception
from app.referrals.packet import make_packet
from app.referrals.recipients import all_recipients, get, her_msgids
from app.store import audit
from tests.printing import pdfcheck
from tests.referrals.conftest import (IDENTITY_MARKERS, SUPERVISOR_PASSWORD, TODAY, consent, flat, pdf_text,
                                      seeded_case, thai_bases)
from tests.referrals.samples import SAMPLE_TH, use_sample_catalog


def _provision(env, recipient_id="police"):
    rcpt = get(recipient_id)
    case = seeded_case(env.session, child=rcpt.under_18_only)
    consent(env.session, case, recipient_id)
    return case, make_packet(env.session, case.id, recipient_id, rcpt.purposes[0].id, today=TODAY).provision


@pytest.mark.parametrize("recipient_id", [r.id for r in all_recipients()])
def test_her_copy_names_the_recipient_in_both_languages_and_never_identifies_her(env, monkeypatch, recipient_id):
    use_sample_catalog(monkeypatch.setattr)
    case, provision = _provision(env, recipient_id)
    rcpt = get(recipient_id)
    data = build_her_copy(env.session, provision.id, "th")
    assert pdfcheck.page_count(data) == 1
    text = pdf_text(data)
    assert flat(rcpt.her_name_ja) in text
    assert thai_bases(SAMPLE_TH[rcpt.her_name]) in thai_bases(text)
    assert thai_bases(SAMPLE_TH[rcpt.purpose(provision.purpose).her]) in thai_bases(text)
    for marker in IDENTITY_MARKERS + [case.number, "MKCLASS", "MKINDTEXT", "MKWORKIND", "MKACTION"]:
        assert marker not in text, marker
    assert "令和8年" in text or "令和" in text  # the date of the provision, in Japanese
    for key in provision.fields:
        assert flat(CATEGORIES[key].ja) in text, key
    for key in set(CATEGORIES) - set(provision.fields):
        assert flat("・" + CATEGORIES[key].ja) not in text, key


def test_her_copy_is_audited_with_the_case_number_only(env):
    case, provision = _provision(env)
    before = len(audit.rows(env.session.conn))
    build_her_copy(env.session, provision.id, "ja")
    rows = audit.rows(env.session.conn)
    assert len(rows) == before + 1
    assert (rows[0].event, rows[0].subject) == (audit.HER_COPY_MADE, case.number)


def test_after_an_exception_her_copy_says_it_was_without_her_consent(env, monkeypatch):
    use_sample_catalog(monkeypatch.setattr)
    case = seeded_case(env.session)
    approve_exception(env.session, case.id, "police", "protective_custody", "life_or_body_risk",
                      "She is in danger tonight and cannot be asked now.", "sup", SUPERVISOR_PASSWORD)
    provision = make_packet(env.session, case.id, "police", "protective_custody", today=TODAY).provision
    text = pdf_text(build_her_copy(env.session, provision.id, "th"))
    assert "あなたの同意を得ずに" in text and "生命や安全を守るため" in text
    assert "同意はいつでも取り消す" not in text


@pytest.mark.parametrize("lang", INTERVIEW_LANGUAGES)
def test_her_copy_builds_in_every_interview_language_with_embedded_fonts(env, lang):
    _case, provision = _provision(env)
    data = build_her_copy(env.session, provision.id, lang)
    assert pdfcheck.page_count(data) <= 2  # one A4 side today; a long translation may need a second
    assert all(f.embedded for f in pdfcheck.fonts(data))
    assert "警察" in pdf_text(data)


def test_unknown_language_and_provision(env):
    _case, provision = _provision(env)
    with pytest.raises(UserError, match="not an interview language"):
        build_her_copy(env.session, provision.id, "tl")
    with pytest.raises(UserError, match="no longer exists"):
        build_her_copy(env.session, 9999, "th")


def test_every_her_language_text_is_listed_for_the_catalog():
    assert set(her_msgids()) <= set(HER_COPY_TEXTS)
    assert {p.en for p in CATEGORIES.values()} <= set(HER_COPY_TEXTS)
    assert {p.en for p in her_copy.TEXTS.values()} <= set(HER_COPY_TEXTS)
    assert set(SAMPLE_TH) == set(HER_COPY_TEXTS)  # the stand-in covers every text
    for text in HER_COPY_TEXTS:
        assert "{" not in text or text.count("{date}") == 1, text


def test_her_copy_words_are_safe_to_carry():
    """Like the leaflet: the word for what happened to her is never on the paper she keeps."""
    from app.referrals.recipients import load_table

    table = load_table()
    words = list(her_copy.TEXTS.values()) + list(CATEGORIES.values())
    texts = [t for p in words for t in (p.en, p.ja)]
    texts += [t for r in table.recipients for t in (r.her_name, r.her_name_ja)]
    texts += [t for r in table.recipients for p in r.purposes for t in (p.her, p.her_ja)]
    texts += [t for e in table.exceptions.values() for t in (e.her, e.her_ja)]
    for text in texts:
        for word in ("trafficking", "人身取引", "victim", "被害者", "売春", "prostitution"):
            assert word not in text.lower(), (word, text)


@pytest.mark.parametrize("lang", INTERVIEW_LANGUAGES)
def test_her_copy_in_every_language_is_one_sheet_with_embedded_fonts(env, lang):
    """The police copy lists the most kinds of information; tall scripts are set smaller to fit."""
    case, provision = _provision(env, "police")
    data = build_her_copy(env.session, provision.id, lang)
    assert pdfcheck.page_count(data) == 1
    assert all(f.embedded for f in pdfcheck.fonts(data))
    text = pdf_text(data)
    assert flat("あなたの情報の提供について") in text and flat(get("police").her_name_ja) in text
    for marker in IDENTITY_MARKERS + [case.number]:
        assert flat(marker) not in text
