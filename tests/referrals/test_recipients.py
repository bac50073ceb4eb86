"""The recipients table: a snapshot of every allow-list (R20), the rules each list must keep,
and clear errors for a broken file."""

from __future__ import annotations

import pytest

from app.referrals import recipients
from app.referrals.recipients import FIELD_KEYS, RecipientsFileError, all_recipients, get, load_table

# Changing a list is a privacy decision: change recipients.toml AND this snapshot, on purpose.
SNAPSHOT = {
    "police": ["alias", "real_name", "birth_date_or_age", "sex_gender", "nationality", "languages",
               "contact_safe", "contact_how", "screening_summary", "indicators_with_answers",
               "recommended_action"],
    "immigration": ["real_name", "birth_date_or_age", "sex_gender", "nationality", "languages",
                    "residence_status", "stay_expiry", "screening_summary", "recommended_action"],
    "child_guidance": ["alias", "real_name", "birth_date_or_age", "sex_gender", "nationality", "languages",
                       "residence_status", "contact_safe", "contact_how", "notes_summary", "screening_summary",
                       "indicators_with_answers", "recommended_action"],
    "shelter": ["alias", "birth_date_or_age", "sex_gender", "languages", "notes_summary", "screening_summary",
                "recommended_action"],
    "legal_aid": ["real_name", "birth_date_or_age", "nationality", "languages", "residence_status", "stay_expiry",
                  "contact_safe", "contact_how", "screening_summary", "recommended_action"],
    "labour_office": ["real_name", "languages", "contact_safe", "contact_how", "work_indicators",
                      "recommended_action"],
    "iom": ["real_name", "birth_date_or_age", "sex_gender", "nationality", "languages", "residence_status",
            "stay_expiry", "contact_safe", "contact_how", "screening_summary", "recommended_action"],
    "embassy": ["real_name", "birth_date_or_age", "sex_gender", "nationality"],
}
EXCEPTIONS = {
    "police": ["required_by_law", "life_or_body_risk"], "immigration": ["required_by_law"],
    "child_guidance": ["required_by_law", "life_or_body_risk"], "shelter": ["life_or_body_risk"],
    "legal_aid": [], "labour_office": [], "iom": [], "embassy": [],
}


def test_allow_lists_match_the_snapshot():
    assert {r.id: list(r.fields) for r in all_recipients()} == SNAPSHOT
    assert {r.id: list(r.exceptions) for r in all_recipients()} == EXCEPTIONS


def test_the_rules_each_list_keeps():
    embassy, labour, shelter = get("embassy"), get("labour_office"), get("shelter")
    assert not set(embassy.fields) & set(recipients.SCREENING_FIELDS)  # no screening details
    assert "indicators_with_answers" not in labour.fields and "screening_summary" not in labour.fields
    assert "work_indicators" in labour.fields
    assert not {"residence_status", "stay_expiry", "real_name"} & set(shelter.fields)
    assert get("child_guidance").under_18_only and not any(r.under_18_only for r in all_recipients() if r.id != "child_guidance")
    assert embassy.exceptions == () and "danger" in embassy.note and "明示的な同意" in embassy.note_ja
    for r in all_recipients():
        assert set(r.fields) <= set(FIELD_KEYS)
        assert r.purposes and all(p.request_ja and p.her and p.her_ja for p in r.purposes)


def test_each_recipient_matches_a_next_step_and_known_signs():
    from app.interview.load import load_bank
    from app.screening.engine import default_catalog

    catalog = default_catalog()
    steps = {s.id for s in catalog.texts.next_steps}
    assert {r.step for r in all_recipients()} <= steps
    concepts = {i.concept for i in catalog.indicators.values()}
    table = load_table()
    assert table.work_concepts <= concepts
    assert set(table.question_fields) <= set(load_bank().questions)


def test_every_exception_kind_has_its_legal_basis():
    for kind in recipients.EXCEPTION_KINDS:
        basis = recipients.exception_kind(kind)
        assert "第27条第1項" in basis.ja and "{date}" in basis.her and "{date}" in basis.her_ja


def _broken(tmp_path, old: str, new: str):
    text = recipients.RECIPIENTS_FILE.read_text(encoding="utf-8").replace(old, new, 1)
    path = tmp_path / "recipients.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("old, new, words", [
    ('fields = ["real_name", "birth_date_or_age", "sex_gender", "nationality"]',
     'fields = ["real_name", "passport_number"]', ["embassy", "fields", "passport_number"]),
    ('exceptions = ["life_or_body_risk"]', 'exceptions = ["curiosity"]', ["shelter", "exceptions"]),
    ('id = "travel_documents"', 'id = "travel_documents"\ncolour = "red"', ["embassy", "purpose", "colour"]),
    ('languages = "languages"', 'languages = "shoe_size"', ["languages", "question_fields", "shoe_size"]),
    ('"alias", "real_name", "birth_date_or_age", "sex_gender", "nationality", "languages",\n  "contact_safe"',
     '"alias", "alias", "birth_date_or_age", "sex_gender", "nationality", "languages",\n  "contact_safe"',
     ["police", "twice"]),
    ('"contact_safe", "contact_how", "screening_summary", "indicators_with_answers",\n  "recommended_action",\n]',
     '"contact_safe", "contact_how", "screening_summary", "indicators_with_answers",\n  "recommended_action", "work_indicators",\n]',
     ["police", "already includes"]),
])
def test_a_broken_table_is_refused_naming_the_recipient_and_field(tmp_path, old, new, words):
    path = _broken(tmp_path, old, new)
    assert path.read_text(encoding="utf-8") != recipients.RECIPIENTS_FILE.read_text(encoding="utf-8")
    with pytest.raises(RecipientsFileError) as info:
        load_table(path)
    message = info.value.message()
    for word in words:
        assert word in message, (word, message)


def test_an_unreadable_table_is_a_clear_error(tmp_path):
    path = tmp_path / "recipients.toml"
    path.write_text("[[recipient]\n", encoding="utf-8")
    with pytest.raises(RecipientsFileError, match="cannot be read"):
        load_table(path)
