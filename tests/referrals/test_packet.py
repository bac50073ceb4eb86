"""Referral packets read back with pypdf: exactly the allow-listed fields, marks on every page,
one provision record and one audit row per packet, and no packet without a basis (R20, R21)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from app.errors import PermissionDenied, UserError
from app.referrals import packet as packet_mod
from app.referrals.consent import withdraw_consent
from app.referrals.packet import build_packet, make_packet, save_referral_pdf
from app.referrals.packet_content import answer_ja
from app.referrals.provisions import provisions_of
from app.referrals.recipients import FIELD_KEYS, all_recipients, get
from app.store import audit
from tests.printing import pdfcheck
from tests.referrals.conftest import (CHILD_BIRTH_MARKER, CONTROL_MARKER, MARKERS, TODAY, consent, flat,
                                      pdf_text, seeded_case)

RECIPIENT_IDS = [r.id for r in all_recipients()]


def _events(session) -> list[audit.AuditRow]:
    return list(reversed(audit.rows(session.conn)))


@pytest.mark.parametrize("recipient_id", RECIPIENT_IDS)
def test_packet_holds_exactly_the_allow_listed_fields(env, recipient_id):
    rcpt = get(recipient_id)
    case = seeded_case(env.session, child=rcpt.under_18_only)
    consent(env.session, case, recipient_id)
    made = make_packet(env.session, case.id, recipient_id, rcpt.purposes[0].id, today=TODAY)
    text = pdf_text(made.data)
    for key in FIELD_KEYS:
        for marker in MARKERS[key]:
            if key == "birth_date_or_age" and rcpt.under_18_only:
                marker = CHILD_BIRTH_MARKER
            assert (marker in text) == rcpt.shows(key), (recipient_id, key, marker)
    assert set(made.provision.fields) == set(rcpt.fields)
    assert (CONTROL_MARKER in text) == ("screening_summary" in rcpt.fields and "residence_status" in rcpt.fields)


@pytest.mark.parametrize("recipient_id", RECIPIENT_IDS)
def test_each_packet_writes_one_provision_and_one_audit_row(env, recipient_id):
    rcpt = get(recipient_id)
    case = seeded_case(env.session, child=rcpt.under_18_only)
    given = consent(env.session, case, recipient_id)
    before = len(_events(env.session))
    made = make_packet(env.session, case.id, recipient_id, rcpt.purposes[0].id, addressee="新宿警察署 生活安全課",
                       today=TODAY)
    rows = _events(env.session)[before:]
    assert [(r.event, r.subject, r.actor) for r in rows] == [(audit.REFERRAL_MADE, case.number, env.session.actor)]
    [record] = provisions_of(env.session, case.id)
    assert record == made.provision
    assert (record.recipient, record.purpose, record.consent_id, record.exception_id) == (
        recipient_id, rcpt.purposes[0].id, given.id, None)
    assert record.made_by == env.session.actor and record.addressee == "新宿警察署 生活安全課"
    assert "新宿警察署生活安全課御中" in pdf_text(made.data)


def test_every_page_is_marked_and_numbered(env):
    case = seeded_case(env.session, notes="MKNOTES " + "本人の状況についての記録。" * 700)
    consent(env.session, case, "shelter")
    data = build_packet(env.session, case.id, "shelter", "temporary_protection", today=TODAY)
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        text = page.extract_text()
        assert "取扱注意" in text, number
        assert f"{number} / {len(pages)}" in text, number
        assert case.number in text, number


def test_every_font_is_embedded(env):
    case = seeded_case(env.session)
    consent(env.session, case, "police")
    data = build_packet(env.session, case.id, "police", "protective_custody", today=TODAY)
    fonts = pdfcheck.fonts(data)
    assert fonts
    for font in fonts:
        assert font.embedded, font
        assert pdfcheck.base_name(font) not in pdfcheck.STANDARD_14, font
    assert len(data) < 300 * 1024


def test_packet_prints_the_recipient_date_sender_staff_and_consent(env):
    case = seeded_case(env.session)
    consent(env.session, case, "police", interpreter_id=env.counsellor.id, restrictions="家族には連絡しないこと")
    text = pdf_text(build_packet(env.session, case.id, "police", "protective_custody", today=TODAY))
    for expected in ("警察署御中", "令和8年11月21日（2026年）", "テスト女性相談支援センター", "03-1234-5678",
                     env.session.account.display_name, "本人の保護", "タイ語による説明", "通訳者を介して",
                     "家族には連絡しないこと", "第27条第1項"):
        assert flat(expected) in text, expected


def test_a_recipient_without_the_screening_is_not_told_it_is_about_trafficking(env):
    for recipient_id in ("embassy", "labour_office"):
        case = seeded_case(env.session)
        consent(env.session, case, recipient_id)
        text = pdf_text(build_packet(env.session, case.id, recipient_id, get(recipient_id).purposes[0].id, today=TODAY))
        assert "人身取引" not in text, recipient_id


def test_an_answer_that_tells_her_status_follows_the_status_field(env):
    status_answer = flat(answer_ja("residence_status", "expired"))
    adult = seeded_case(env.session)
    consent(env.session, adult, "police")
    police = pdf_text(build_packet(env.session, adult.id, "police", "protective_custody", today=TODAY))
    assert "当局との関係" in police and status_answer not in police
    child = seeded_case(env.session, child=True)
    consent(env.session, child, "child_guidance")
    centre = pdf_text(build_packet(env.session, child.id, "child_guidance", "child_protection", today=TODAY))
    assert status_answer in centre


def test_withheld_fields_are_left_out_and_not_recorded(env):
    case = seeded_case(env.session)
    consent(env.session, case, "police", withheld=("real_name", "contact_how"))
    made = make_packet(env.session, case.id, "police", "protective_custody", today=TODAY)
    text = pdf_text(made.data)
    assert "MKREALNAME" not in text and "MKCONTACTHOW" not in text and "MKALIAS" in text
    assert "本人の希望により提供しない項目" in text
    assert "real_name" not in made.provision.fields and "contact_how" not in made.provision.fields


def _refused(env, case, recipient_id, purpose, match="no consent"):
    before_events, before_records = len(_events(env.session)), len(provisions_of(env.session, case.id))
    with pytest.raises(UserError, match=match):
        build_packet(env.session, case.id, recipient_id, purpose, today=TODAY)
    assert len(_events(env.session)) == before_events
    assert len(provisions_of(env.session, case.id)) == before_records


def test_missing_consent_blocks(env):
    case = seeded_case(env.session)
    for rcpt in all_recipients():
        if not rcpt.under_18_only:
            _refused(env, case, rcpt.id, rcpt.purposes[0].id)


def test_withdrawn_consent_blocks(env):
    case = seeded_case(env.session)
    given = consent(env.session, case, "police")
    build_packet(env.session, case.id, "police", "protective_custody", today=TODAY)
    withdraw_consent(env.session, given.id, TODAY, today=TODAY)
    _refused(env, case, "police", "protective_custody")


def test_consent_for_another_recipient_or_purpose_does_not_cover(env):
    case = seeded_case(env.session)
    consent(env.session, case, "police", "protective_custody")
    _refused(env, case, "police", "investigation")
    _refused(env, case, "immigration", "special_permission_to_stay")
    other = seeded_case(env.session)
    _refused(env, other, "police", "protective_custody")  # consent is per case too


def test_child_guidance_is_refused_for_an_adult(env):
    case = seeded_case(env.session)
    consent(env.session, case, "child_guidance")
    _refused(env, case, "child_guidance", "child_protection", match="under 18")


def test_no_packet_without_an_office_profile(new_store):
    session, _ = new_store
    case = seeded_case(session)
    consent(session, case, "police")
    with pytest.raises(UserError, match="office name"):
        build_packet(session, case.id, "police", "protective_custody", today=TODAY)


def test_unknown_recipient_and_purpose_are_clear_errors(env):
    case = seeded_case(env.session)
    with pytest.raises(UserError, match="not a referral recipient"):
        build_packet(env.session, case.id, "newspaper", "x")
    with pytest.raises(UserError, match="not a purpose"):
        build_packet(env.session, case.id, "police", "deportation")


def test_the_recovery_login_cannot_make_a_packet(env, new_store):
    from app.store.store import open_with_recovery

    case = seeded_case(env.session)
    consent(env.session, case, "police")
    recovery = open_with_recovery(env.store_path, new_store[1])
    try:
        with pytest.raises(PermissionDenied):
            build_packet(recovery, case.id, "police", "protective_custody")
    finally:
        recovery.close(event=None)


def test_audit_rows_hold_no_content(env):
    case = seeded_case(env.session)
    consent(env.session, case, "police", restrictions="MKRESTRICTION")
    build_packet(env.session, case.id, "police", "protective_custody", today=TODAY)
    markers = [m for ms in MARKERS.values() for m in ms] + ["MKRESTRICTION", "police", "protective"]
    for row in audit.rows(env.session.conn):
        for marker in markers:
            assert marker not in row.subject and marker not in row.event, (row, marker)
    assert audit.verify_chain(env.session.conn) is None


def test_saving_is_audited_private_and_names_no_file(env, tmp_path):
    case = seeded_case(env.session)
    consent(env.session, case, "police")
    data = build_packet(env.session, case.id, "police", "protective_custody", today=TODAY)
    target = tmp_path / "MKALIAS-police.pdf"
    save_referral_pdf(env.session, case.id, data, target)
    assert target.read_bytes() == data and (target.stat().st_mode & 0o777) == 0o600
    last = audit.rows(env.session.conn, limit=1)[0]
    assert (last.event, last.subject) == (audit.REFERRAL_SAVED, case.number)


def test_a_packet_never_touches_the_disk(env, tmp_path, monkeypatch):
    """Built in memory: no file is opened for writing while the packet is made."""
    import builtins

    case = seeded_case(env.session)
    consent(env.session, case, "police")
    real_open = builtins.open
    written = []

    def watching_open(file, mode="r", *args, **kwargs):
        if any(c in mode for c in "wax+"):
            written.append(file)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", watching_open)
    build_packet(env.session, case.id, "police", "protective_custody", today=TODAY)
    assert written == []
    assert not any((tmp_path / "tmp").iterdir())
    assert packet_mod.TITLE == "情報提供書"  # the PDF's title names no person


def test_a_refusal_names_the_recipient_in_the_staff_language(env):
    from app.i18n import set_language

    case = seeded_case(env.session)
    set_language("ja")
    try:
        with pytest.raises(UserError) as info:
            build_packet(env.session, case.id, "police", "protective_custody", today=TODAY)
    finally:
        set_language("en")
    assert "警察署" in info.value.message() and "本人の保護" in info.value.message()


def test_the_labour_office_is_not_told_which_exploitation_lists_were_read(env):
    case = seeded_case(env.session)
    consent(env.session, case, "labour_office")
    text = pdf_text(build_packet(env.session, case.id, "labour_office", "labour_inspection", today=TODAY))
    assert flat("MKWORKIND（中）") in text and "成人の一覧" not in text


def test_typed_characters_no_font_has_print_as_geta_and_are_reported(env):
    """An alias copied from a LINE name with an emoji must not stop the referral; a direction
    override must not make the printed text read differently from what was typed."""
    from dataclasses import replace

    from app.cases.repo import update_case

    case = seeded_case(env.session)
    person = replace(case.person, alias="MK🌸ALIAS", contact_how="MK\u202eCONTACTHOW")
    update_case(env.session, case.id, person, case.status)
    consent(env.session, case, "police", restrictions="MKRESTRICT 😀")
    packet = make_packet(env.session, case.id, "police", "protective_custody", today=TODAY)
    text = pdf_text(packet.data)
    assert "MK〓ALIAS" in text and "MKCONTACTHOW" in text and "\u202e" not in pdfcheck.text(packet.data)
    assert "MKRESTRICT〓" in text
    assert packet.unprintable == ("🌸", "😀")
    assert all(f.embedded for f in pdfcheck.fonts(packet.data))


def test_an_error_inside_the_layout_reaches_staff_as_it_was_raised(env, monkeypatch):
    """reportlab re-raises a flowable's exception as a new one with its class path glued on; the
    message staff see must be ours, in their language, with its parameters filled."""
    from app.errors import UserError
    from app.printing import paragraph

    wrap = paragraph.TextBlock.wrap

    def missing_font(self, *a, **k):  # inside a KeepTogether, where reportlab re-raises
        if "MKINDANS" in self.text:
            raise UserError("The font {family} is missing.", family="MKFONT")
        return wrap(self, *a, **k)

    case = seeded_case(env.session)
    consent(env.session, case, "police")
    monkeypatch.setattr(paragraph.TextBlock, "wrap", missing_font)
    with pytest.raises(UserError) as caught:
        make_packet(env.session, case.id, "police", "protective_custody", today=TODAY)
    assert caught.value.message() == "The font MKFONT is missing."
    assert provisions_of(env.session, case.id) == []  # nothing recorded for a packet that was not made
